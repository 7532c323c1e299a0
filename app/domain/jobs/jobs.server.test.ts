import { describe, expect, it } from "vitest";
import { aUser } from "../../../prisma/builders";
import { claimJob, finishJob, listJobs, runJobSoon } from "./jobs.server";
import { deleteExpiredSessions } from "./cleanups.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-jobs-");

describe("timed jobs", () => {
  it("gives a due run to exactly one of several instances claiming at once", async () => {
    const db = database().db;
    const now = new Date();
    const claims = await Promise.all(["a:1", "b:2", "c:3", "d:4"].map((holder) => claimJob(db, "test.once", holder, 60_000, now)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    // nobody else while the lease lives, even once it is due again
    expect(await claimJob(db, "test.once", "b:2", 60_000, now)).toBeNull();
    await finishJob(db, won[0]!, { ok: true, result: "done" }, new Date(now.getTime() + 60_000), now);
    expect(await claimJob(db, "test.once", "b:2", 60_000, new Date(now.getTime() + 30_000))).toBeNull(); // not due yet
    const next = await claimJob(db, "test.once", "b:2", 60_000, new Date(now.getTime() + 61_000));
    expect(next?.holder).toBe("b:2");
  });

  it("lets another instance take over a dead holder's run after its lease, and keeps failures for admins", async () => {
    const db = database().db;
    const t0 = new Date();
    const dead = await claimJob(db, "test.takeover", "dead:1", 10_000, t0);
    expect(dead).not.toBeNull();
    expect(await claimJob(db, "test.takeover", "live:2", 10_000, new Date(t0.getTime() + 5_000))).toBeNull();
    const live = await claimJob(db, "test.takeover", "live:2", 10_000, new Date(t0.getTime() + 11_000));
    expect(live?.holder).toBe("live:2");
    await finishJob(db, live!, { ok: false, error: "SMTP down" }, new Date(t0.getTime() + 70_000), new Date(t0.getTime() + 12_000));
    const admin = { id: (await aUser(db, { role: "admin" })).id, role: "admin" as const };
    const job = (await listJobs(db, admin)).find((j) => j.name === "test.takeover")!;
    expect(job).toMatchObject({ lastStatus: "failed", lastError: "SMTP down", failures: 1, runs: 1, lastInstance: "live:2", leaseHolder: null });
    // "run now" makes it due at once
    await runJobSoon(db, admin, "test.takeover");
    expect(await claimJob(db, "test.takeover", "x:3", 10_000)).not.toBeNull();
    const resident = { id: (await aUser(db)).id, role: "resident" as const };
    await expect(listJobs(db, resident)).rejects.toThrow();
  });

  it("removes expired sessions only", async () => {
    const db = database().db;
    const user = await aUser(db);
    await db.session.create({ data: { id: `old-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await db.session.create({ data: { id: `new-${user.id}`, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    expect(await deleteExpiredSessions(db)).toMatch(/^1 expired/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
