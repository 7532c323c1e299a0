// The webhook's per-number limit goes through the shared Limiter: two instances on
// one Redis count a flood from one number together (before, each kept its own map,
// so N instances let N times as many messages through).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Request, Response } from "express";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";
import type { Services } from "~/context";
import type { IncomingMessage } from "~/domain/notifications/whatsapp-inbound.server";
import { hubSignature, waPayload } from "../tests/support/channels";
import { startRedis } from "../tests/cluster/cluster";
import type { Config } from "./config";
import { createLimitStores } from "./limits";
import type { Channels } from "./outbox";
import { createWhatsAppWebhook } from "./whatsapp";

const SECRET = "unit-app-secret";
const config = { whatsapp: { appSecret: SECRET, messagesPerMinute: 10 }, publicUrl: "https://balai.uji" } as unknown as Config;
const channels = { worker: { wake: () => undefined } } as unknown as Channels;
const hasRedis = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;

/** One "instance": its own webhook and its own limit stores (on the given Redis, or in memory). */
function instance(redis?: ReturnType<typeof createClient>) {
  const handled: IncomingMessage[] = [];
  const lines: string[] = [];
  const stores = createLimitStores(redis);
  const webhook = createWhatsAppWebhook(config, {} as Services, channels, {
    limiter: stores.limiters({ name: "whatsapp-from", limit: config.whatsapp!.messagesPerMinute, windowMs: 60_000 }),
    log: (line) => lines.push(line),
    handle: async (_deps, m) => (handled.push(m), "queued"),
  });
  async function post(from: string, id: string) {
    const raw = Buffer.from(JSON.stringify(waPayload({ from, id, text: "halo" })));
    let status = 0;
    const req = { body: raw, get: (h: string) => (h.toLowerCase() === "x-hub-signature-256" ? hubSignature(SECRET, raw.toString()) : undefined) };
    const res = { sendStatus: (s: number) => ((status = s), res) };
    await webhook.receive(req as unknown as Request, res as unknown as Response, () => undefined);
    return status;
  }
  return { post, handled, lines };
}

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("the WhatsApp webhook's flood limit", () => {
  it("drops a number's messages beyond the limit a minute, with a log line, and lets other numbers through", async () => {
    const one = instance();
    for (let i = 0; i < 12; i++) expect(await one.post("6281200000001", `wamid.a${i}`)).toBe(200);
    expect(one.handled).toHaveLength(10);
    expect(one.lines.filter((l) => l.includes("dropped: more than 10 a minute"))).toHaveLength(2);
    expect(one.lines.join("\n")).not.toContain("6281200000001"); // never the number itself
    await one.post("6281200000002", "wamid.b0");
    expect(one.handled).toHaveLength(11);
  });

  it.skipIf(!hasRedis)(
    "counts one number's flood once across instances that share Redis",
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "balai-wa-redis-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const redis = await startRedis(dir);
      cleanups.push(() => redis.stop());
      const clients = [createClient({ url: redis.url }), createClient({ url: redis.url })];
      await Promise.all(clients.map((c) => c.connect()));
      cleanups.push(() => Promise.all(clients.map((c) => c.quit())));
      const [a, b] = clients.map((c) => instance(c));
      // the flood alternates between the two instances, as a load balancer would spread it
      for (let i = 0; i < 14; i++) await (i % 2 ? b : a).post("6281300000001", `wamid.c${i}`);
      expect(a.handled.length + b.handled.length).toBe(10);
      expect([...a.lines, ...b.lines].filter((l) => l.includes("dropped"))).toHaveLength(4);
    },
    30_000, // it starts a redis-server: more than the unit tests' 5 s on a busy machine
  );
});
