// The Express application: security middleware, static assets, health check and
// the Remix request handler. Socket.IO is attached to the same HTTP server.
import { randomBytes } from "node:crypto";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import type { Services } from "~/context";
import { refreshPlannerStatistics, type Database } from "~/db/client.server";
import { isLocale, translate, defaultLocale, type Locale, type MessageKey } from "~/i18n";
import { CSRF_COOKIE, LANG_COOKIE } from "~/utils/cookies.server";
import { PHOTO_MAX_BYTES } from "~/domain/images/images";
import { attachHandlers, createPublisher, createRealtime, sameOrigin, type RealtimeServer } from "./realtime";
import { projectRoot, type Config } from "./config";
import { createRemixHandler } from "./remix";
import { createServices } from "./services";
import { createChannels, type Channels } from "./outbox";
import { createWhatsAppWebhook } from "./whatsapp";
import { createLimitStores, limitRequests } from "./limits";
import { log } from "./log";
import { remindDeadlines } from "~/domain/aspirations/reminders.server";
import { outboxDepth } from "~/domain/notifications/outbox-depth.server";
import { createMetrics, metricsRoute, requestLogging, type Metrics } from "./observability";
import { connectRedis, pingRedis, type RedisClient } from "./redis";
import { createJobRunner, type JobRunner } from "./jobs";
import { deleteExpiredResets } from "~/domain/accounts/password-reset.server";
import { deleteExpiredSessions } from "~/domain/jobs/cleanups.server";
import { precompressedAssets } from "./precompressed";

export interface BalaiServer {
  app: express.Express;
  httpServer: HttpServer;
  io: RealtimeServer;
  services: Services;
  /** with REDIS_URL: the connection Socket.IO's adapter, the limits and the job locks share */
  redis?: RedisClient;
  metrics: Metrics;
  /** timed jobs, run once across instances (define more with jobs.define before start) */
  jobs: JobRunner;
  /** SIGTERM: /readyz answers 503 so the proxy sends nobody new here */
  startDraining(): void;
  /** the outbox worker (started by server/index.ts) and the WhatsApp client */
  channels: Channels;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const MAX_BODY_BYTES = 1024 * 1024;
/** Forms that carry photos (multipart) may be larger: their photos plus room for the other fields. */
const UPLOAD_LIMITS: { path: RegExp; maxBytes: number }[] = [
  { path: /^\/events\/\d+\/photos$/, maxBytes: PHOTO_MAX_BYTES + 64 * 1024 },
  { path: /^\/aspirations\/new$/, maxBytes: 3 * PHOTO_MAX_BYTES + 64 * 1024 }, // up to 3 photos
  { path: /^\/layanan\/kelola\/unit\/\d+$/, maxBytes: PHOTO_MAX_BYTES + 64 * 1024 }, // the signed Maklumat's photo
  { path: /^\/survei\/kelola\/misteri\/\d+$/, maxBytes: PHOTO_MAX_BYTES + 64 * 1024 }, // a mystery visit's evidence photo
];

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function localeOf(req: Request): Locale {
  const q = typeof req.query.lang === "string" ? req.query.lang : undefined;
  if (isLocale(q)) return q;
  const c = readCookie(req, LANG_COOKIE);
  return isLocale(c) ? c : defaultLocale;
}

/** A short page in the visitor's language, for answers given before Remix runs. */
function plainPage(req: Request, res: Response, status: number, key: MessageKey) {
  const locale = localeOf(req);
  const text = translate(locale, key);
  res
    .status(status)
    .type("html")
    .send(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${text}</title><main><h1>${text}</h1><p><a href="/">${translate(locale, "error.backHome")}</a></p></main></html>`,
    );
}

/** The largest body a path accepts: photo forms get room for their photos, everything else 1 MB. */
function bodyLimitOf(pathname: string): number {
  return UPLOAD_LIMITS.find((u) => u.path.test(pathname))?.maxBytes ?? MAX_BODY_BYTES;
}

export async function createBalaiServer(config: Config, database: Database): Promise<BalaiServer> {
  const app = express();
  const httpServer = createHttpServer(app);
  const redis = config.redisUrl ? await connectRedis(config.redisUrl) : undefined;
  const io = createRealtime(httpServer, config, redis);
  const stores = createLimitStores(redis);
  const services = createServices(config, database, createPublisher(io, Boolean(redis)), stores);
  const metrics = createMetrics(
    config,
    () => io.engine.clientsCount,
    stores.fallbacks,
    () => outboxDepth(database.db),
  );
  const cast = services.votes.cast.bind(services.votes);
  services.votes.cast = (...args) => cast(...args).then((result) => (metrics.votes.inc(), result));
  attachHandlers(io, services, config);
  const channels = createChannels(config, database.db);
  let draining = false;
  const jobs = createJobRunner({ db: database.db, holder: config.instanceId, pollMs: config.jobsPollMs, enabled: config.jobs, metrics });
  jobs.define({ name: "sessions.cleanup", everyMs: 60 * 60_000, run: () => deleteExpiredSessions(database.db) });
  jobs.define({ name: "db.statistics", everyMs: 6 * 60 * 60_000, run: () => refreshPlannerStatistics(database) });
  jobs.define({ name: "aspirations.reminders", everyMs: 15 * 60_000, run: () => remindDeadlines(database.db) });
  jobs.define({ name: "accounts.resets.cleanup", everyMs: 60 * 60_000, run: () => deleteExpiredResets(database.db) });

  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", 1);

  app.use(requestLogging(metrics));
  metricsRoute(app, metrics, config.metricsToken);
  // readiness: may the proxy send this instance new visitors (the database answers, not stopping).
  // Redis away is reported but keeps the instance ready (decision 8: availability): every
  // instance shares the one Redis, so a 503 for it would take the whole site out of a
  // balancer with active checks while each instance can still serve on its own counts.
  app.get("/readyz", async (_req, res) => {
    const [dbOk, redisOk] = await Promise.all([database.ping(), redis ? pingRedis(redis) : Promise.resolve(true)]);
    const ready = dbOk && !draining;
    res
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status: ready ? "ready" : draining ? "draining" : "unavailable",
        database: dbOk ? "ok" : "unreachable",
        redis: redis ? (redisOk ? "ok" : "unreachable") : "not used",
      });
  });

  // liveness: the process answers (it stays 200 while Redis is away: restarting would not help)
  app.get("/healthz", async (_req, res) => {
    const dbOk = await database.ping();
    res
      .status(dbOk ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({
        status: dbOk ? "ok" : "degraded",
        database: { status: dbOk ? "ok" : "unreachable", provider: database.provider },
        realtime: { status: "ok", connections: io.engine.clientsCount },
      });
  });

  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "https://res.cloudinary.com"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.production ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.production,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    }),
  );

  // Language: ?lang=en|id on any page switches and remembers (works without JavaScript).
  app.use((req, res, next) => {
    const q = req.query.lang;
    if (typeof q === "string" && isLocale(q)) {
      res.cookie(LANG_COOKIE, q, { maxAge: 365 * 86_400_000, sameSite: "lax", httpOnly: false, secure: config.production, path: "/" });
    }
    next();
  });

  // CSRF, layer 1: unsafe requests must come from this site (Origin / Fetch metadata).
  app.use((req, res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    const origin = req.headers.origin;
    const crossSite = origin ? !sameOrigin(origin, req.headers.host, config.publicUrl) : req.headers["sec-fetch-site"] === "cross-site";
    if (crossSite) return plainPage(req, res, 403, "error.csrf");
    next();
  });

  // The body of every unsafe request, read here with its limit counted on the stream
  // itself (Content-Length may be absent or lie); Remix gets the buffered body.
  const readers = new Map<number, express.RequestHandler>();
  app.use((req, res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    const limit = bodyLimitOf(req.path);
    let reader = readers.get(limit);
    if (!reader) readers.set(limit, (reader = express.raw({ type: () => true, limit })));
    reader(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      plainPage(req, res, status, status === 413 ? (bodyLimitOf(req.path) > MAX_BODY_BYTES ? "events.photo.tooLarge" : "error.tooLarge") : "error.badRequest");
    });
  });

  // The WhatsApp webhook: signed by Meta (X-Hub-Signature-256 over the raw body read
  // above), so it needs no CSRF token and has its own per-number limit.
  const webhook = createWhatsAppWebhook(config, services, channels, {
    limiter: stores.limiters({ name: "whatsapp-from", limit: config.whatsapp?.messagesPerMinute ?? 10, windowMs: 60_000 }),
  });
  app.get("/webhooks/whatsapp", webhook.verify);
  app.post("/webhooks/whatsapp", webhook.receive);

  // CSRF, layer 2: a double-submit token; forms carry it, `readForm` checks it.
  app.use((req, res, next) => {
    let token = readCookie(req, CSRF_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomBytes(32).toString("base64url");
      res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: "lax", secure: config.production, path: "/" });
    }
    res.locals.csrfToken = token;
    next();
  });

  // per-IP limits (in Redis when scaled out, so every instance counts together)
  const limited = (req: Request, res: Response) => plainPage(req, res, 429, "error.rateLimited");
  const logins = stores.limiters({ name: "login-ip", limit: config.rateLimits.loginsPer15Minutes, windowMs: 15 * 60_000 });
  const writes = stores.limiters({ name: "writes-ip", limit: config.rateLimits.writesPerMinute, windowMs: 60_000 });
  app.use(limitRequests(logins, (req) => req.method === "POST" && req.path === "/login", limited));
  app.use(limitRequests(writes, (req) => UNSAFE.has(req.method), limited));

  const buildDir = config.buildDir;
  const assetsDir = buildDir ? path.join(buildDir, "assets") : path.join(projectRoot, "public", "build");
  const buildPath = buildDir ? path.join(buildDir, "server", "index.js") : path.join(projectRoot, "build", "index.js");
  app.use("/build", precompressedAssets(assetsDir));
  app.use("/build", express.static(assetsDir, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(path.join(projectRoot, "public"), { maxAge: "1h", index: false }));

  app.all(
    "*",
    await createRemixHandler({
      buildPath,
      development: config.development,
      getLoadContext: (req, res) => ({
        ...services,
        cspNonce: res.locals.cspNonce,
        csrfToken: res.locals.csrfToken,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "",
        requestMemo: {},
      }),
    }),
  );

  // Last resort: never a stack trace for the visitor.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error({ reqId: res.locals.requestId, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "unhandled error");
    if (!res.headersSent) plainPage(req, res, 500, "error.500.title");
  });

  return { app, httpServer, io, services, redis, metrics, jobs, startDraining: () => void (draining = true), channels };
}
