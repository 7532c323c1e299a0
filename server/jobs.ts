// Work on a timer, run once across every instance: each instance looks every
// JOBS_POLL_MS for due jobs and runs one only after it took the job's lease in the
// database (app/domain/jobs/jobs.server.ts), so three instances make one run. The
// schedule and the outcome of every run are stored (admins see them at /admin/jobs),
// so a restart neither skips nor repeats a run.
import type { Db } from "~/db/client.server";
import { claimJob, finishJob, renewLease } from "~/domain/jobs/jobs.server";
import { log } from "./log";
import type { Metrics } from "./observability";

export interface JobDefinition {
  name: string;
  /** time between two runs */
  everyMs: number;
  /** how long a run may take before another instance may take over (default 5 minutes) */
  leaseMs?: number;
  /** the work; its answer is shown as the last result */
  run(): Promise<string | void>;
}

export interface JobRunner {
  define(job: JobDefinition): void;
  start(): void;
  /** stops looking for work and waits for a run in progress */
  stop(): Promise<void>;
}

export function createJobRunner(options: { db: Db; holder: string; pollMs: number; enabled: boolean; metrics: Metrics }): JobRunner {
  const jobs: JobDefinition[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const runOne = async (job: JobDefinition) => {
    const leaseMs = job.leaseMs ?? 5 * 60_000;
    const claim = await claimJob(options.db, job.name, options.holder, leaseMs);
    if (!claim) return;
    const renew = setInterval(() => void renewLease(options.db, claim, leaseMs).catch(() => undefined), leaseMs / 2);
    renew.unref();
    options.metrics.jobRuns.inc({ job: job.name });
    try {
      const result = await job.run();
      clearInterval(renew);
      await finishJob(options.db, claim, { ok: true, result: result ?? undefined }, new Date(Date.now() + job.everyMs));
      log.info({ job: job.name, result }, "job done");
    } catch (error) {
      clearInterval(renew);
      const message = error instanceof Error ? error.message : String(error);
      options.metrics.jobFailures.inc({ job: job.name });
      log.error({ job: job.name, err: message }, "job failed");
      // try again sooner than the normal interval, at most a minute later
      await finishJob(options.db, claim, { ok: false, error: message }, new Date(Date.now() + Math.min(job.everyMs, 60_000)));
    }
  };

  const round = async () => {
    for (const job of jobs) {
      if (stopped) return;
      await runOne(job).catch((error: unknown) =>
        log.warn({ job: job.name, err: error instanceof Error ? error.message : String(error) }, "job: could not check"),
      );
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = null;
        schedule();
      });
    }, options.pollMs);
    timer.unref();
  };

  return {
    define(job) {
      jobs.push(job);
    },
    start() {
      if (!options.enabled) return;
      // first look soon after the start, then every pollMs
      timer = setTimeout(
        () => {
          running = round().finally(() => {
            running = null;
            schedule();
          });
        },
        Math.min(options.pollMs, 1000),
      );
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
