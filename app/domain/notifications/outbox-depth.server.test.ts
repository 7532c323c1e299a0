// The outbox's depth for /metrics: counts per state, and the age of the oldest due
// message (a digest waiting for tomorrow is not late; a failed one due again is).
import { expect, it } from "vitest";
import { outboxDepth } from "./outbox-depth.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-depth-");

it("counts each state and measures how late the oldest due message is", async () => {
  const db = database().db;
  const now = new Date("2026-12-01T05:00:00.000Z");
  expect(await outboxDepth(db, now)).toEqual({ pending: 0, sending: 0, failed: 0, dead: 0, oldestDueSeconds: 0 });
  let n = 0;
  const row = (status: string, nextAttemptAt: Date) => ({
    channel: "email",
    recipientRef: `user:${++n}`,
    templateKey: "jobs.reminder.verifySoon",
    idempotencyKey: `depth-test-${n}`,
    status,
    nextAttemptAt,
  });
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  await db.outboxMessage.createMany({
    data: [
      row("pending", ago(30)),
      row("pending", ago(-3600)), // a digest for later: waiting, not late
      row("failed", ago(90)), // due again 90 s ago: the oldest due
      row("sending", ago(5)),
      row("dead", ago(9999)),
      row("dead", ago(9999)),
      row("sent", ago(99999)),
    ],
  });
  expect(await outboxDepth(db, now)).toEqual({ pending: 2, sending: 1, failed: 1, dead: 2, oldestDueSeconds: 90 });
});
