// npm run bench:services
// Seeds 200 services with 20 versions each into a fresh database, starts the real
// server in production mode, and measures the public service page (the current
// version, and the page an old poster's QR opens: ?v=1, which computes what changed
// across 19 versions) over many sequential requests. The last lines are the figures.
// The unit's queue figures page belongs to the queue (issue 11, second half): add its
// measurement here ("unit figures p95") when the page exists.
import { performance } from "node:perf_hooks";
import buildApp from "../support/build";
import { startServer } from "../support/server";
import { openDatabase, type Db } from "~/db/client.server";
import { aServiceUnit, serviceContent } from "../../prisma/builders/services";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 200);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARMUP = 30;
const DAY = 86_400_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(urls: string[]): Promise<{ p50: number; p95: number; bytes: number }> {
  let bytes = 0;
  // the seeding outlasts the server's keep-alive timeout: drop the pooled connection it closed
  await fetch(urls[0])
    .then((r) => r.text())
    .catch(() => undefined);
  for (let i = 0; i < WARMUP; i++) await (await fetch(urls[i % urls.length])).text();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const url = urls[i % urls.length];
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

/** 200 services at one unit, each with 20 versions whose cost, time and requirements move. */
async function seed(db: Db): Promise<string[]> {
  const unit = await aServiceUnit(db, { name: "PTSP Kecamatan Bench" });
  const slugs: string[] = [];
  const start = Date.now() - VERSIONS * 30 * DAY;
  for (let s = 0; s < SERVICES; s++) {
    const slug = `bench-layanan-${s}`;
    const service = await db.service.create({ data: { slug, unitId: unit.id, name: `Layanan Bench ${s}`, category: "adminduk", lastCheckedAt: new Date() } });
    const rows = Array.from({ length: VERSIONS }, (_, v) => {
      const c = serviceContent({
        name: `Layanan Bench ${s}`,
        costAmount: v % 3 === 0 ? 0 : 5_000 * v,
        costBasis: v % 3 === 0 ? null : `Perda uji ${v}`,
        durationValue: 1 + (v % 5),
        requirements: Array.from({ length: 3 + (v % 4) }, (_, r) => ({ name: `Dokumen ${r}`, validity: `asli, versi ${v}` })),
        stepsCounter: Array.from({ length: 4 + (v % 3) }, (_, r) => ({ actor: "Petugas loket", text: `langkah ${r} (versi ${v})` })),
      });
      return {
        ...c,
        requirements: JSON.stringify(c.requirements),
        stepsCounter: JSON.stringify(c.stepsCounter),
        stepsOnline: JSON.stringify(c.stepsOnline),
        serviceId: service.id,
        number: v + 1,
        effectiveFrom: new Date(start + v * 30 * DAY),
        reason: `Perubahan ${v + 1}`,
        createdAt: new Date(start + v * 30 * DAY),
      };
    });
    await db.serviceVersion.createMany({ data: rows });
    const last = await db.serviceVersion.findUniqueOrThrow({ where: { serviceId_number: { serviceId: service.id, number: VERSIONS } }, select: { id: true } });
    await db.service.update({ where: { id: service.id }, data: { currentVersionId: last.id } });
    slugs.push(slug);
  }
  return slugs;
}

async function main() {
  console.log("Building the app…");
  buildApp();
  // measured as deployed: production React and Remix, no demo data
  const server = await startServer({ env: { NODE_ENV: "production", BALAI_SEED: "0" } });
  try {
    const { db, close } = await openDatabase(server.databaseUrl);
    const t0 = performance.now();
    const slugs = await seed(db);
    console.log(`Seeded ${SERVICES} services × ${VERSIONS} versions in ${Math.round(performance.now() - t0)} ms`);
    await close();
    const pick = slugs.filter((_, i) => i % 10 === 0);
    console.log(`${REQUESTS} sequential requests per page after ${WARMUP} warm-up requests (${server.url}), over ${pick.length} services.`);
    const page = await measure(pick.map((s) => `${server.url}/layanan/${s}`));
    console.log(`service page: ${Math.round(page.bytes / 1024)} KiB of HTML`);
    const old = await measure(pick.map((s) => `${server.url}/layanan/${s}?v=1`));
    console.log(`p50 service page: ${Math.round(page.p50)} ms`);
    console.log(`p50 service page from an old QR (?v=1): ${Math.round(old.p50)} ms`);
    console.log(`p95 service page from an old QR (?v=1): ${Math.round(old.p95)} ms`);
    console.log(`service page p95: ${Math.round(page.p95)} ms`);
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
