// What an operator watches: a JSON log line per request with a request id (and no
// personal data), Prometheus metrics at /metrics behind METRICS_TOKEN, and
// readiness (/readyz: database and Redis answer, not draining) apart from
// liveness (/healthz: the process answers).
import { randomUUID, timingSafeEqual } from "node:crypto";
import type express from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { OutboxDepth } from "~/domain/notifications/outbox-depth.server";
import type { Config } from "./config";
import { log } from "./log";

export interface Metrics {
  registry: Registry;
  requests: Histogram<"method" | "route" | "status">;
  votes: Counter;
  jobFailures: Counter<"job">;
  jobRuns: Counter<"job">;
  limitFallbacks: Counter;
}

/** How long one reading of the outbox's depth serves the scrapes (every instance reads the same table). */
export const OUTBOX_DEPTH_CACHE_MS = 5000;

/** One reading shared by the scrapes within `ttlMs`, and by concurrent ones. */
export function cachedReading<T>(read: () => Promise<T>, ttlMs: number, clock: () => number = Date.now): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = clock();
    if (!last || now - last.at >= ttlMs) {
      const value = read();
      last = { at: now, value };
      value.catch(() => {
        if (last?.value === value) last = null; // a failed reading is not kept
      });
    }
    return last.value;
  };
}

export function createMetrics(
  config: Config,
  sockets: () => number,
  fallbacks: () => number,
  outbox?: () => Promise<OutboxDepth>,
  outboxCacheMs = OUTBOX_DEPTH_CACHE_MS,
): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ instance: config.instanceId });
  // the event-loop lag histogram samples every 100 ms, not every 10 ms (prom-client's default):
  // ten wake-ups a second instead of a hundred, on every instance, idle or not
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 100 });
  let countedFallbacks = 0;
  const limitFallbacks = new Counter({
    name: "balai_rate_limit_fallbacks_total",
    help: "Rate-limit checks answered by this instance's own counts because Redis was unreachable",
    registers: [registry],
    collect() {
      const now = fallbacks();
      this.inc(now - countedFallbacks);
      countedFallbacks = now;
    },
  });
  new Gauge({
    name: "balai_open_sockets",
    help: "Socket.IO connections open on this instance",
    registers: [registry],
    collect() {
      this.set(sockets());
    },
  });
  if (outbox) {
    const depth = cachedReading(outbox, outboxCacheMs);
    new Gauge({
      name: "balai_outbox_messages",
      help: "Notification outbox messages by state (the whole database: every instance reports the same)",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        const d = await depth();
        for (const state of ["pending", "sending", "failed", "dead"] as const) this.set({ state }, d[state]);
      },
    });
    new Gauge({
      name: "balai_outbox_oldest_due_seconds",
      help: "How long the oldest outbox message that is due (pending or failed) has been waiting",
      registers: [registry],
      async collect() {
        this.set((await depth()).oldestDueSeconds);
      },
    });
  }
  return {
    registry,
    requests: new Histogram({
      name: "balai_http_request_duration_seconds",
      help: "HTTP request latency by route pattern and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    votes: new Counter({ name: "balai_qa_votes_total", help: "Live Q&A votes stored (rate() gives votes per second)", registers: [registry] }),
    jobFailures: new Counter({ name: "balai_job_failures_total", help: "Timed job runs that failed", labelNames: ["job"], registers: [registry] }),
    jobRuns: new Counter({ name: "balai_job_runs_total", help: "Timed job runs on this instance", labelNames: ["job"], registers: [registry] }),
    limitFallbacks,
  };
}

/**
 * A path fit for logs and metric labels: the first segment and plain words stay,
 * numbers become :id, anything else (join codes, tracking codes, calendar secrets,
 * RSVP codes, file names) becomes :p, so no code or secret reaches the log.
 */
export function redactPath(pathname: string): string {
  return pathname
    .split("/")
    .map((seg, i) => (i <= 1 || /^[a-z][a-z._-]*$/.test(seg) ? seg : /^\d+$/.test(seg) ? ":id" : ":p"))
    .join("/");
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Request id (the proxy's X-Request-Id when it sent a sane one), one log line and one histogram sample per request. */
export function requestLogging(metrics: Metrics): express.RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = redactPath(req.path);
      metrics.requests.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      if (req.path.startsWith("/build/") || req.path === "/healthz" || req.path === "/readyz" || req.path === "/metrics") return;
      log.info({ reqId: id, method: req.method, path: route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });
    next();
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics with `Authorization: Bearer <METRICS_TOKEN>`; without the variable there is no /metrics. */
export function metricsRoute(app: express.Express, metrics: Metrics, token: string | undefined): void {
  if (!token) return;
  app.get("/metrics", async (req, res) => {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Bearer ") || !sameToken(header.slice(7), token)) {
      res.status(401).set("WWW-Authenticate", "Bearer").type("text").send("metrics need the token\n");
      return;
    }
    res
      .set("Content-Type", metrics.registry.contentType)
      .set("Cache-Control", "no-store")
      .send(await metrics.registry.metrics());
  });
}
