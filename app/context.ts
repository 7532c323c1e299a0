// What the Express server hands every loader and action (Remix load context).
import type { Db } from "~/db/client.server";
import type { Publisher } from "~/realtime/publisher";
import type { Mailer } from "~/domain/notifications/mailer.server";

export interface AppServices {
  db: Db;
  /** tells connected browsers about facts (Socket.IO rooms) */
  realtime: Publisher;
  /** e-mail (SMTP, or the log without it); use through ~/domain/notifications */
  mailer: Mailer;
  config: {
    production: boolean;
    allowDemoAccounts: boolean;
    sessionSecret: string;
    publicUrl?: string;
    /** DATA_DIR: uploaded files live under it */
    dataDir: string;
    /** CLOUDINARY_URL when photos go to Cloudinary */
    cloudinaryUrl?: string;
  };
  /** per-request CSP nonce for inline scripts */
  cspNonce: string;
  /** this request's CSRF token (double-submit cookie set by the server) */
  csrfToken: string;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends AppServices {}
}
