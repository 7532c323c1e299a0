// The process-wide services, created once per process and injected: into every
// loader and action through the Remix load context, and into every socket handler
// through its dependencies. Whatever holds state for the whole process lives
// here, never in a module of app/ (the Remix bundle and the tsx server each load
// their own copy of app/, so module state would exist twice).
import type { Services } from "~/context";
import type { Database } from "~/db/client.server";
import { createContactLimits } from "~/domain/accounts/contacts.server";
import { createResetLimits } from "~/domain/accounts/password-reset.server";
import { createImageStore } from "~/domain/images/store.server";
import { createMailer } from "~/domain/notifications/mailer.server";
import { createQaLimits } from "~/domain/qa/limits.server";
import { createVoteQueue } from "~/domain/qa/votes.server";
import { createSurveyLimits } from "~/domain/satisfaction/limits";
import type { Publisher } from "~/realtime/publisher";
import { createResponseCache } from "~/utils/response-cache.server";
import { createCountCache } from "~/domain/counts";
import type { Config } from "./config";
import type { LimitStores } from "./limits";

/** `stores`: where the rate limits count (memory, or Redis shared by every instance: server/limits.ts). */
export function createServices(config: Config, database: Database, realtime: Publisher, stores: LimitStores): Services {
  const qaLimits = createQaLimits({ asksPerIp: config.qa.asksPerIp, votesPerIp: config.qa.votesPerIp }, stores.limiters);
  return {
    db: database.db,
    realtime,
    mailer: createMailer(config.smtp),
    images: createImageStore({ dataDir: config.dataDir, uploadDir: config.uploadDir, cloudinaryUrl: config.cloudinaryUrl }),
    loginThrottle: stores.loginLockout,
    resetLimits: createResetLimits(stores.limiters),
    contactLimits: createContactLimits(stores.limiters),
    qaLimits,
    surveyLimits: createSurveyLimits(undefined, stores.limiters),
    responses: createResponseCache(),
    counts: createCountCache(),
    votes: createVoteQueue(database.db, { limits: qaLimits, batchWindowMs: config.qa.voteBatchMs, raw: database.raw }),
    config: {
      production: config.production,
      allowDemoAccounts: config.allowDemoAccounts,
      sessionSecret: config.sessionSecret,
      publicUrl: config.publicUrl,
      dataDir: config.dataDir,
      cloudinaryUrl: config.cloudinaryUrl,
    },
  };
}
