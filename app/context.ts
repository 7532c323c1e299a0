// What the server hands every loader and action (Remix load context) and every
// socket handler: the process-wide services, created once in server/services.ts.
// No module of app/ keeps state of its own (lint rule balai/no-module-state): a
// module may be loaded twice (the tsx server and the Remix bundle), a service never is.
import type { Db } from "~/db/client.server";
import type { CurrentUser } from "~/domain/accounts/accounts.server";
import type { Publisher } from "~/realtime/publisher";
import type { Mailer } from "~/domain/notifications/mailer.server";
import type { LoginLockout } from "~/domain/accounts/login-throttle";
import type { ResetLimits } from "~/domain/accounts/password-reset.server";
import type { ContactLimits } from "~/domain/accounts/contacts.server";
import type { AppImageStore } from "~/domain/images/store.server";
import type { QaLimits } from "~/domain/qa/limits.server";
import type { VoteQueue } from "~/domain/qa/votes.server";
import type { SurveyLimits } from "~/domain/satisfaction/limits";
import type { ResponseCache } from "~/utils/response-cache.server";
import type { CountCache } from "~/domain/counts";

/** What the app may know of the configuration (server/config.ts checks it at start). */
export interface AppConfig {
  production: boolean;
  allowDemoAccounts: boolean;
  sessionSecret: string;
  publicUrl?: string;
  /** DATA_DIR: uploaded files live under it */
  dataDir: string;
  /** CLOUDINARY_URL when photos go to Cloudinary */
  cloudinaryUrl?: string;
}

export interface Services {
  db: Db;
  /** tells connected browsers about facts (Socket.IO rooms), and drops sockets whose rights changed */
  realtime: Publisher;
  /** e-mail (SMTP, or the log without it); use through ~/domain/notifications */
  mailer: Mailer;
  /** photos: Cloudinary or the local disk */
  images: AppImageStore;
  /** failed logins per account (the per-IP limit is at the edge); in Redis when scaled out */
  loginThrottle: LoginLockout;
  /** "lupa kata sandi": resets asked for and codes checked, per account and per IP; in Redis when scaled out */
  resetLimits: ResetLimits;
  /** contact verification codes sent and checked per account; in Redis when scaled out */
  contactLimits: ContactLimits;
  /** live Q&A: asks and votes per participant and per IP, shared by HTTP and Socket.IO */
  qaLimits: QaLimits;
  /** live Q&A: the group-commit vote queue */
  votes: VoteQueue;
  /** satisfaction survey: web answers per IP, kiosk requests per device and IP */
  surveyLimits: SurveyLimits;
  /** generated files (calendar feeds, open data) built once per change, with ETag and 304 */
  responses: ResponseCache;
  /** list totals counted again only on change or after a few seconds */
  counts: CountCache;
  config: AppConfig;
}

export interface AppServices extends Services {
  /** per-request CSP nonce for inline scripts */
  cspNonce: string;
  /** this request's CSRF token (double-submit cookie set by the server) */
  csrfToken: string;
  /** the client's address (behind TRUST_PROXY: the proxy's X-Forwarded-For), for per-IP limits */
  clientIp: string;
  /** what this request looked up once (made anew for every request) */
  requestMemo: RequestMemo;
}

export interface RequestMemo {
  auth?: Promise<{ user: CurrentUser | null; sessionId: string | null }>;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends AppServices {}
}
