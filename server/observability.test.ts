// /metrics' outbox depth: read through a short cache, so a scrape every second (or
// several scrapers) costs one reading per few seconds; a failed reading is not kept.
import { expect, it } from "vitest";
import type { OutboxDepth } from "~/domain/notifications/outbox-depth.server";
import type { Config } from "./config";
import { cachedReading, createMetrics } from "./observability";

it("reports the outbox's depth per state and the oldest due message's age, read once per cache period", async () => {
  let readings = 0;
  const depth: OutboxDepth = { pending: 7, sending: 1, failed: 2, dead: 3, oldestDueSeconds: 42.5 };
  const metrics = createMetrics(
    { instanceId: "test-1" } as Config,
    () => 0,
    () => 0,
    async () => (readings++, depth),
    60_000,
  );
  const text = await metrics.registry.metrics();
  expect(text).toContain('balai_outbox_messages{state="pending",instance="test-1"} 7');
  expect(text).toContain('balai_outbox_messages{state="dead",instance="test-1"} 3');
  expect(text).toContain('balai_outbox_oldest_due_seconds{instance="test-1"} 42.5');
  await metrics.registry.metrics();
  expect(readings).toBe(1);
});

it("keeps a reading for its period only, and forgets a failed one", async () => {
  let now = 0;
  let calls = 0;
  let fail = true;
  const read = cachedReading(
    async () => {
      calls++;
      if (fail) throw new Error("database away");
      return calls;
    },
    5000,
    () => now,
  );
  await expect(read()).rejects.toThrow("database away");
  fail = false;
  expect(await read()).toBe(2); // not the failure again
  now = 4999;
  expect(await read()).toBe(2);
  now = 5000;
  expect(await read()).toBe(3);
});
