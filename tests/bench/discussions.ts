// npm run bench:discussions
// Seeds a topic with 5,000 replies (realistic nesting) into a fresh database, starts
// the real server, and measures the response time of the thread's first page and of
// a later page over many sequential requests. The last lines are the figures.
import { performance } from "node:perf_hooks";
import buildApp from "../support/build";
import { startServer } from "../support/server";
import { openDatabase } from "~/db/client.server";
import { seedThread } from "./discussions-seed";
import { THREAD_PAGE_SIZE } from "~/domain/discussions/discussions.server";

const REPLIES = Number(process.env.BENCH_REPLIES ?? 5000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(url: string): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  // the seeding outlasts the server's keep-alive timeout: drop the pooled connection it closed
  await fetch(url)
    .then((r) => r.text())
    .catch(() => undefined);
  for (let i = 0; i < WARMUP; i++) await (await fetch(url)).text();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

async function main() {
  console.log("Building the app…");
  buildApp();
  // measured as deployed: production React and Remix (demo data allowed for the seed)
  const server = await startServer({ env: { NODE_ENV: "production", BALAI_ALLOW_DEMO_ACCOUNTS: "1" } });
  try {
    const { db, close } = await openDatabase(server.databaseUrl);
    const t0 = performance.now();
    const { topicId, topLevel } = await seedThread(db, REPLIES);
    const maxDepth = await db.post.aggregate({ where: { topicId }, _max: { depth: true } });
    console.log(
      `Seeded topic ${topicId}: ${REPLIES} replies (${topLevel} top-level, deepest level ${maxDepth._max.depth}) in ${Math.round(performance.now() - t0)} ms`,
    );
    await close();
    const pages = Math.ceil(topLevel / THREAD_PAGE_SIZE);
    const later = Math.max(2, Math.floor(pages * 0.6));
    console.log(`${REQUESTS} sequential requests per page after ${WARMUP} warm-up requests (${server.url}).`);
    const first = await measure(`${server.url}/discussions/${topicId}`);
    console.log(`first page: ${Math.round(first.bytes / 1024)} KiB of HTML`);
    const next = await measure(`${server.url}/discussions/${topicId}?page=${later}`);
    console.log(`later page (page ${later} of ${pages}): ${Math.round(next.bytes / 1024)} KiB of HTML`);
    console.log(`p50 first page: ${Math.round(first.p50)} ms`);
    console.log(`p95 first page: ${Math.round(first.p95)} ms`);
    console.log(`p50 later page: ${Math.round(next.p50)} ms`);
    console.log(`p95 later page: ${Math.round(next.p95)} ms`);
  } catch (error) {
    console.error(server.output().slice(-3000), "server exit:", server.process.exitCode, server.process.signalCode);
    throw error;
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
