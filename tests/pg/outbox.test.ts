// The outbox's claim on PostgreSQL (one UPDATE of the rows a SELECT … FOR UPDATE SKIP
// LOCKED picks) as several instances use it: two clients claiming at once, many rounds,
// never the same message twice, every claimed row carrying its lease, and a lease that
// ran out taken again.
import { describe, expect, it } from "vitest";
import { claimDue, enqueue, type Claimed } from "~/domain/notifications/outbox.server";
import { aUser } from "../../prisma/builders";
import { twoInstancesOnPostgres } from "../support/two-instances";

const instances = twoInstancesOnPostgres();

describe("the outbox on PostgreSQL", () => {
  it("never lets two instances claim the same message, and each claim carries its lease", async () => {
    const [a, b] = instances();
    const people = await Promise.all(Array.from({ length: 30 }, () => aUser(a.db)));
    await enqueue(
      a.db,
      people.map((p) => ({ userId: p.id })),
      { template: "aspirations.notify.received", params: { code: "ABCD-2345", title: "Lampu padam" }, link: "/aspirations/ABCD-2345", key: "pg-race" },
    );
    const total = await a.db.outboxMessage.count({ where: { status: "pending" } });
    expect(total).toBeGreaterThanOrEqual(30);
    const claimed: (Claimed & { owner: string })[] = [];
    for (let round = 0; round < 20 && claimed.length < total; round++) {
      const [one, two] = await Promise.all([claimDue(a.db, "one", 3, 60_000), claimDue(b.db, "two", 3, 60_000)]);
      claimed.push(...one.map((m) => ({ ...m, owner: "one" })), ...two.map((m) => ({ ...m, owner: "two" })));
      for (const list of [one, two]) expect(list.map((m) => m.id)).toEqual([...list.map((m) => m.id)].sort((x, y) => x - y));
    }
    const ids = claimed.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(total);
    // what came back is what is stored, typed as the worker reads it
    const stored = await a.db.outboxMessage.findMany({ where: { id: { in: ids } } });
    for (const m of claimed) {
      const row = stored.find((r) => r.id === m.id)!;
      expect(row).toMatchObject({ status: "sending", leaseOwner: m.owner, attempts: 1 });
      expect(row.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 50_000);
      expect(m).toMatchObject({ attempts: 1, digest: row.digest, params: row.params, channel: row.channel, locale: row.locale });
      expect(typeof m.digest).toBe("boolean");
    }
    expect(await claimDue(a.db, "three", 100, 60_000)).toEqual([]);
    // an instance that stopped without finishing: its claims are taken again once the lease ran out
    const later = await claimDue(b.db, "four", 100, 60_000, new Date(Date.now() + 61_000));
    expect(later.map((m) => m.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(later.every((m) => m.attempts === 2)).toBe(true);
  });
});
