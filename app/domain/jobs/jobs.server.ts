// Timed jobs that run once across every instance. Each job's state is one row of
// the Setting table (key "job:<name>", a JSON value): when it last ran, how that
// went, when it is due next, and a lease. An instance runs a due job only after it
// swapped the row from the exact value it read to one naming itself as the lease
// holder (compare-and-set in one UPDATE, on SQLite and PostgreSQL alike), so two
// instances can never both take the same run. A holder that dies leaves its lease
// to expire; the next run is stored, so a restart keeps the schedule.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { DomainError, isUniqueViolation } from "~/domain/errors";

export interface JobState {
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  /** "ok" | "failed" | null (never ran) */
  lastStatus: "ok" | "failed" | null;
  /** the error's message only (never data), for the admins' page */
  lastError: string | null;
  lastDurationMs: number | null;
  lastInstance: string | null;
  /** what the last successful run reported, e.g. "12 sessions removed" */
  lastResult: string | null;
  runs: number;
  failures: number;
  /** failures in a row (resets on success) */
  consecutiveFailures: number;
  nextRunAt: string;
  leaseHolder: string | null;
  leaseUntil: string | null;
}

const KEY = (name: string) => `job:${name}`;

function initial(now: Date): JobState {
  return {
    lastStartedAt: null,
    lastFinishedAt: null,
    lastStatus: null,
    lastError: null,
    lastDurationMs: null,
    lastInstance: null,
    lastResult: null,
    runs: 0,
    failures: 0,
    consecutiveFailures: 0,
    nextRunAt: now.toISOString(),
    leaseHolder: null,
    leaseUntil: null,
  };
}

function parse(value: string, now: Date): JobState {
  try {
    return { ...initial(now), ...(JSON.parse(value) as Partial<JobState>) };
  } catch {
    return initial(now);
  }
}

/** Swaps the row's value only if it still is `expected`; true when this call won. */
async function compareAndSet(db: Db, name: string, expected: string, next: JobState): Promise<boolean> {
  const { count } = await db.setting.updateMany({ where: { key: KEY(name), value: expected }, data: { value: JSON.stringify(next) } });
  return count === 1;
}

async function readRaw(db: Db, name: string, now: Date): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: KEY(name) } });
  if (row) return row.value;
  try {
    await db.setting.create({ data: { key: KEY(name), value: JSON.stringify(initial(now)) } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another instance made it first
  }
  return (await db.setting.findUniqueOrThrow({ where: { key: KEY(name) } })).value;
}

export interface Claim {
  name: string;
  holder: string;
  /** the row's value while we hold the lease */
  value: string;
  state: JobState;
}

/** Takes the job's lease when it is due and nobody holds a live lease; null otherwise. */
export async function claimJob(db: Db, name: string, holder: string, leaseMs: number, now = new Date()): Promise<Claim | null> {
  const raw = await readRaw(db, name, now);
  const state = parse(raw, now);
  if (new Date(state.nextRunAt) > now) return null;
  if (state.leaseUntil && new Date(state.leaseUntil) > now) return null;
  const next: JobState = {
    ...state,
    leaseHolder: holder,
    leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    lastStartedAt: now.toISOString(),
    lastInstance: holder,
  };
  if (!(await compareAndSet(db, name, raw, next))) return null;
  return { name, holder, value: JSON.stringify(next), state: next };
}

/** Records how the run went, schedules the next one and gives the lease back. */
export async function finishJob(
  db: Db,
  claim: Claim,
  outcome: { ok: true; result?: string } | { ok: false; error: string },
  nextRunAt: Date,
  now = new Date(),
): Promise<void> {
  const started = claim.state.lastStartedAt ? new Date(claim.state.lastStartedAt).getTime() : now.getTime();
  const base = claim.state;
  const next: JobState = {
    ...base,
    lastFinishedAt: now.toISOString(),
    lastStatus: outcome.ok ? "ok" : "failed",
    lastError: outcome.ok ? null : outcome.error.slice(0, 500),
    lastResult: outcome.ok ? (outcome.result ?? null) : base.lastResult,
    lastDurationMs: now.getTime() - started,
    runs: base.runs + 1,
    failures: base.failures + (outcome.ok ? 0 : 1),
    consecutiveFailures: outcome.ok ? 0 : base.consecutiveFailures + 1,
    nextRunAt: nextRunAt.toISOString(),
    leaseHolder: null,
    leaseUntil: null,
  };
  // our lease: nobody else changed the row unless it expired and another took it
  if (!(await compareAndSet(db, claim.name, claim.value, next))) {
    const raw = await readRaw(db, claim.name, now);
    const current = parse(raw, now);
    // someone took over after our lease ran out: keep their schedule, count our run
    await compareAndSet(db, claim.name, raw, { ...current, runs: current.runs + 1, failures: current.failures + (outcome.ok ? 0 : 1) });
  }
}

/** Extends a lease for a long run (call before it expires). */
export async function renewLease(db: Db, claim: Claim, leaseMs: number, now = new Date()): Promise<boolean> {
  const next: JobState = { ...claim.state, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
  const ok = await compareAndSet(db, claim.name, claim.value, next);
  if (ok) {
    claim.value = JSON.stringify(next);
    claim.state = next;
  }
  return ok;
}

/** "Run now" from the admins' page: due at once (the next instance that looks takes it). */
export async function runJobSoon(db: Db, actor: Actor, name: string, now = new Date()): Promise<void> {
  if (!can.manageUsers(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db.setting.findUnique({ where: { key: KEY(name) } });
    if (!row) throw new DomainError("jobs.notFound", undefined, undefined, 404);
    const state = parse(row.value, now);
    if (await compareAndSet(db, name, row.value, { ...state, nextRunAt: now.toISOString() })) return;
  }
}

export interface JobView extends JobState {
  name: string;
}

/** Every job's state, for /admin/jobs (admins only). */
export async function listJobs(db: Db, actor: Actor, now = new Date()): Promise<JobView[]> {
  if (!can.manageUsers(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const rows = await db.setting.findMany({ where: { key: { startsWith: "job:" } }, orderBy: { key: "asc" } });
  return rows.map((r) => ({ name: r.key.slice(4), ...parse(r.value, now) }));
}
