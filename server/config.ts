// Configuration from the environment, checked once at start. Every problem is
// reported on its own line, then the process exits: no half-configured server.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_WA_TEMPLATES, parseTemplates, type WaTemplates } from "~/domain/notifications/whatsapp-templates";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Config {
  production: boolean;
  /** NODE_ENV=development (npm run dev): the Remix build is reloaded after each rebuild */
  development: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** true when DATABASE_URL was not set: the embedded default may seed demo data */
  embeddedDefault: boolean;
  sessionSecret: string;
  allowDemoAccounts: boolean;
  /** REDIS_URL: several instances share Socket.IO, the rate limits and the job locks through it */
  redisUrl?: string;
  cloudinaryUrl?: string;
  /** UPLOAD_DIR: local photos (default DATA_DIR/uploads); must be a shared directory when REDIS_URL is set */
  uploadDir: string;
  /** METRICS_TOKEN: /metrics answers only with `Authorization: Bearer <token>`; unset, /metrics is off */
  metricsToken?: string;
  /** LOG_LEVEL: pino's level for the JSON logs */
  logLevel: string;
  /** BALAI_JOBS=0: this instance runs no timed jobs (they still run on the others) */
  jobs: boolean;
  /** JOBS_POLL_MS: how often an instance looks for due jobs */
  jobsPollMs: number;
  /** this instance's name in job leases and logs (hostname:port) */
  instanceId: string;
  smtp?: { host: string; port: number; user?: string; password?: string; from: string };
  publicUrl?: string;
  trustProxy: boolean;
  /** WhatsApp Business Cloud API: sending when token and phone number id are set, the webhook when the app secret is */
  whatsapp?: {
    apiUrl: string;
    token: string;
    phoneNumberId: string;
    appSecret?: string;
    verifyToken?: string;
    /** the approved template of each kind of message (WHATSAPP_TEMPLATE, WHATSAPP_TEMPLATES) */
    templates: WaTemplates;
    messagesPerMinute: number;
  };
  /** a generic HTTP SMS gateway for numbers without WhatsApp */
  sms?: { url: string; token?: string; sender?: string };
  outbox: { pollMs: number; batch: number; maxAttempts: number; retryBaseMs: number; leaseMs: number };
  /** BALAI_SEED=0 skips the demo data on an empty database */
  seedDemo: boolean;
  /** BALAI_BUILD_DIR: where the Remix build is (parallel test runs build side by side) */
  buildDir?: string;
  rateLimits: {
    /** form posts per IP per minute */
    writesPerMinute: number;
    /** login posts per IP per 15 minutes */
    loginsPer15Minutes: number;
  };
  qa: {
    /** how often vote counts are stored and broadcast per session */
    voteTickMs: number;
    /** how long a vote from a form waits for others to share its transaction */
    voteBatchMs: number;
    asksPerIp: number;
    votesPerIp: number;
  };
}

export class ConfigError extends Error {
  constructor(public problems: string[]) {
    super(problems.join("\n"));
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  const dataDir = path.resolve(projectRoot, env.DATA_DIR || "data");

  let port = 3000;
  if (env.PORT !== undefined && env.PORT !== "") {
    port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got "${env.PORT}").`);
  }

  let databaseUrl = env.DATABASE_URL?.trim() || "";
  const embeddedDefault = databaseUrl === "";
  if (embeddedDefault) {
    databaseUrl = `file:${path.join(dataDir, "balai.db")}`;
  } else if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length).replace(/^\/\//, "");
    databaseUrl = `file:${path.resolve(projectRoot, file)}`;
  } else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), or be unset for the embedded database.");
  }

  let sessionSecret = env.SESSION_SECRET ?? "";
  if (sessionSecret && sessionSecret.length < 32) problems.push("SESSION_SECRET must be at least 32 characters long.");
  if (!sessionSecret) {
    if (production) problems.push("SESSION_SECRET is required when NODE_ENV=production (at least 32 random characters).");
    else sessionSecret = embeddedSecret(dataDir);
  }

  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push("REDIS_URL must start with redis:// or rediss://.");

  const cloudinaryUrl = env.CLOUDINARY_URL || undefined;
  if (cloudinaryUrl && !/^cloudinary:\/\/[^:]+:[^@]+@.+/.test(cloudinaryUrl)) {
    problems.push("CLOUDINARY_URL must look like cloudinary://<api_key>:<api_secret>@<cloud_name>.");
  }

  const uploadDirRaw = env.UPLOAD_DIR?.trim() || "";
  const uploadDir = uploadDirRaw ? path.resolve(projectRoot, uploadDirRaw) : path.join(dataDir, "uploads");
  // checked only when REDIS_URL itself is well-formed (one problem, one line)
  const severalInstances = Boolean(redisUrl && /^rediss?:\/\//.test(redisUrl));
  if (severalInstances && !cloudinaryUrl && !uploadDirRaw) {
    problems.push(
      "REDIS_URL is set (several instances), but photos would be stored on this instance's own disk: set CLOUDINARY_URL, or UPLOAD_DIR to a directory every instance shares (e.g. an NFS mount).",
    );
  }
  if (severalInstances && databaseUrl.startsWith("file:")) {
    problems.push("REDIS_URL is set (several instances), so DATABASE_URL must be a PostgreSQL database they all share (postgresql://…), not SQLite.");
  }
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 16) problems.push("METRICS_TOKEN must be at least 16 characters long.");
  const logLevel = env.LOG_LEVEL || "info";
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}").`);
  }

  let smtp: Config["smtp"];
  if (env.SMTP_HOST) {
    const smtpPort = Number(env.SMTP_PORT || 587);
    if (!Number.isInteger(smtpPort) || smtpPort <= 0) problems.push(`SMTP_PORT must be a port number (got "${env.SMTP_PORT}").`);
    if (!env.SMTP_FROM) problems.push('SMTP_FROM is required when SMTP_HOST is set (e.g. "Balai <balai@example.go.id>").');
    smtp = { host: env.SMTP_HOST, port: smtpPort, user: env.SMTP_USER, password: env.SMTP_PASSWORD, from: env.SMTP_FROM ?? "" };
  }

  const publicUrl = env.PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) problems.push("PUBLIC_URL must be an absolute http(s) URL, e.g. https://balai.example.go.id.");

  if (production && !publicUrl)
    problems.push("PUBLIC_URL is required when NODE_ENV=production (links in e-mail, WhatsApp and SMS must be absolute), e.g. https://balai.example.go.id.");

  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) {
      problems.push(`${name} must be a whole number of at least ${min} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (raw !== "0" && raw !== "1") problems.push(`${name} must be 0 or 1 (got "${raw}").`);
    return raw === "1";
  };
  const rateLimits = { writesPerMinute: int("RATE_LIMIT_WRITES", 120, 1), loginsPer15Minutes: int("RATE_LIMIT_LOGIN", 30, 1) };
  const qa = {
    voteTickMs: int("QA_VOTE_TICK_MS", 150, 50),
    voteBatchMs: int("QA_VOTE_BATCH_MS", 15, 0),
    asksPerIp: int("QA_RATE_LIMIT_IP_ASKS", 60, 1),
    votesPerIp: int("QA_RATE_LIMIT_IP_VOTES", 600, 1),
  };
  let whatsapp: Config["whatsapp"];
  const waToken = env.WHATSAPP_TOKEN || undefined;
  const waPhone = env.WHATSAPP_PHONE_NUMBER_ID || undefined;
  const waApi = env.WHATSAPP_API_URL || "https://graph.facebook.com/v21.0";
  if (!/^https?:\/\/[^/]+/.test(waApi)) problems.push("WHATSAPP_API_URL must be an absolute http(s) URL (default https://graph.facebook.com/v21.0).");
  if (!!waToken !== !!waPhone) problems.push("WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID go together: set both or neither.");
  if (waPhone && !/^\d+$/.test(waPhone)) problems.push("WHATSAPP_PHONE_NUMBER_ID must be the digits of the phone number id from Meta's app dashboard.");
  if (waToken && !env.WHATSAPP_APP_SECRET) problems.push("WHATSAPP_APP_SECRET is required with WHATSAPP_TOKEN (it checks the webhook's X-Hub-Signature-256).");
  if (waToken && !env.WHATSAPP_VERIFY_TOKEN) problems.push("WHATSAPP_VERIFY_TOKEN is required with WHATSAPP_TOKEN (the webhook's verification handshake).");
  const waRate = int("WHATSAPP_RATE_LIMIT", 10, 1);
  const waTemplates = parseTemplates(env.WHATSAPP_TEMPLATES, env.WHATSAPP_TEMPLATE || DEFAULT_WA_TEMPLATES.other);
  problems.push(...waTemplates.problems);
  if (waToken && waPhone) {
    whatsapp = {
      apiUrl: waApi,
      token: waToken,
      phoneNumberId: waPhone,
      appSecret: env.WHATSAPP_APP_SECRET,
      verifyToken: env.WHATSAPP_VERIFY_TOKEN,
      templates: waTemplates.templates,
      messagesPerMinute: waRate,
    };
  }

  let sms: Config["sms"];
  if (env.SMS_GATEWAY_URL) {
    if (!/^https?:\/\/[^/]+/.test(env.SMS_GATEWAY_URL)) problems.push("SMS_GATEWAY_URL must be an absolute http(s) URL.");
    sms = { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN || undefined, sender: env.SMS_SENDER || undefined };
  } else if (env.SMS_GATEWAY_TOKEN) problems.push("SMS_GATEWAY_TOKEN is set but SMS_GATEWAY_URL is not.");

  const outbox = {
    pollMs: int("OUTBOX_POLL_MS", 1000, 20),
    batch: int("OUTBOX_BATCH", 20, 1),
    maxAttempts: int("OUTBOX_MAX_ATTEMPTS", 8, 1),
    retryBaseMs: int("OUTBOX_RETRY_BASE_MS", 30_000, 10),
    leaseMs: int("OUTBOX_LEASE_MS", 60_000, 1000),
  };

  const seedDemo = flag("BALAI_SEED", true);
  const trustProxy = flag("TRUST_PROXY", false);
  const jobs = flag("BALAI_JOBS", true);
  const jobsPollMs = int("JOBS_POLL_MS", 15_000, 100);
  const buildDir = env.BALAI_BUILD_DIR ? path.resolve(projectRoot, env.BALAI_BUILD_DIR) : undefined;

  if (problems.length) throw new ConfigError(problems);
  return {
    production,
    development: env.NODE_ENV === "development",
    port,
    host: env.HOST || "0.0.0.0",
    dataDir,
    databaseUrl,
    embeddedDefault,
    sessionSecret,
    allowDemoAccounts: !production || env.BALAI_ALLOW_DEMO_ACCOUNTS === "1",
    redisUrl,
    cloudinaryUrl,
    uploadDir,
    metricsToken,
    logLevel,
    jobs,
    jobsPollMs,
    instanceId: `${hostname()}:${port}`,
    smtp,
    publicUrl,
    trustProxy,
    whatsapp,
    sms,
    outbox,
    seedDemo,
    buildDir,
    rateLimits,
    qa,
  };
}

/** The configuration with some variables given by a script (e.g. `db:restore --data-dir`), the rest from the environment. */
export function loadConfigWith(overrides: Env): Config {
  return loadConfig({ ...process.env, ...overrides });
}

/** The embedded default keeps a generated secret under ./data so sessions survive restarts. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
