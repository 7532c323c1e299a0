// npm run bench:services
// Seeds 200 services with 20 versions each into a fresh database, starts the real
// server in production mode, and measures the public service page (the current
// version, and the page an old poster's QR opens: ?v=1, which computes what changed
// across 19 versions) over many sequential requests; then a unit with 100,000 closed
// visits over 90 days (and 5,000 helpdesk sessions) and its queue figures page over the
// whole 90 days, every visit in the range. The last lines are the figures.
import { performance } from "node:perf_hooks";
import buildApp from "../support/build";
import { startServer } from "../support/server";
import { openDatabase, type Db } from "~/db/client.server";
import { aServiceUnit, serviceContent } from "../../prisma/builders/services";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 200);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const VISITS = Number(process.env.BENCH_VISITS ?? 100_000);
const VISIT_DAYS = 90;
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

const COLD = 40;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Each URL once, no warm-up (nothing cached can answer). */
async function measureOnce(urls: string[]): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
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

/** A unit with VISITS closed visits (served, some no-shows) over VISIT_DAYS days and helpdesk sessions. */
async function seedVisits(db: Db): Promise<{ unitId: number; from: string; to: string }> {
  const unit = await aServiceUnit(db, { name: "PTSP Kecamatan Bench Antrean" });
  const services: { id: number }[] = [];
  for (let s = 0; s < 10; s++)
    services.push(await db.service.create({ data: { slug: `bench-antrean-${s}`, unitId: unit.id, name: `Layanan Antrean ${s}`, lastCheckedAt: new Date() } }));
  const wib = 7 * 3_600_000;
  const today = new Date(Date.now() + wib).toISOString().slice(0, 10);
  const dayOf = (i: number) => new Date(Date.parse(`${today}T00:00:00Z`) - (VISIT_DAYS - 1 - i) * DAY).toISOString().slice(0, 10);
  const MIN = 60_000;
  let rows = [];
  for (let i = 0; i < VISITS; i++) {
    const d = i % VISIT_DAYS;
    const number = Math.floor(i / VISIT_DAYS) + 1;
    const day = dayOf(d);
    // spread over the opening hours: 08.00-15.00 WIB (yesterday's and older days only closed ones, like the real thing)
    const takenAt = new Date(Date.parse(`${day}T00:00:00Z`) - wib + 8 * 3_600_000 + ((number * 7) % 420) * MIN);
    const calledAt = new Date(takenAt.getTime() + (5 + (i % 40)) * MIN);
    const noShow = i % 17 === 0;
    const servedAt = new Date(calledAt.getTime() + (3 + (i % 12)) * MIN);
    rows.push({
      unitId: unit.id,
      serviceId: services[i % services.length].id,
      day,
      number,
      priority: i % 11 === 0 ? "elderly" : null,
      status: noShow ? "no_show" : "served",
      channel: "phone",
      counter: String(1 + (i % 4)),
      takenAt,
      calledAt,
      servingAt: noShow ? null : calledAt,
      servedAt: noShow ? null : servedAt,
      closedAt: noShow ? new Date(calledAt.getTime() + 5 * MIN) : servedAt,
    });
    if (rows.length === 2_000) {
      await db.queueTicket.createMany({ data: rows });
      rows = [];
    }
  }
  if (rows.length) await db.queueTicket.createMany({ data: rows });
  const sessions = Array.from({ length: VISITS / 20 }, (_, i) => ({
    unitId: unit.id,
    serviceId: services[i % services.length].id,
    onlineService: "jakevo",
    canDoAlone: i % 3 === 0 ? "no" : "yes",
    startedAt: new Date(Date.parse(`${dayOf(i % VISIT_DAYS)}T03:00:00Z`) + (i % 300) * MIN),
  }));
  for (let i = 0; i < sessions.length; i += 2_000) await db.helpdeskSession.createMany({ data: sessions.slice(i, i + 2_000) });
  return { unitId: unit.id, from: dayOf(0), to: today };
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
    const t1 = performance.now();
    const visits = await seedVisits(db);
    console.log(`Seeded ${VISITS} closed visits over ${VISIT_DAYS} days at one unit in ${Math.round(performance.now() - t1)} ms`);
    await close();
    const pick = slugs.filter((_, i) => i % 10 === 0);
    console.log(`${REQUESTS} sequential requests per page after ${WARMUP} warm-up requests (${server.url}), over ${pick.length} services.`);
    const page = await measure(pick.map((s) => `${server.url}/layanan/${s}`));
    console.log(`service page: ${Math.round(page.bytes / 1024)} KiB of HTML`);
    const old = await measure(pick.map((s) => `${server.url}/layanan/${s}?v=1`));
    console.log(`p50 service page: ${Math.round(page.p50)} ms`);
    console.log(`p50 service page from an old QR (?v=1): ${Math.round(old.p50)} ms`);
    console.log(`p95 service page from an old QR (?v=1): ${Math.round(old.p95)} ms`);
    const figuresUrl = `${server.url}/layanan/unit/${visits.unitId}/angka?dari=${visits.from}&sampai=${visits.to}`;
    if (!(await (await fetch(figuresUrl)).text()).includes(`<dd>${VISITS}</dd>`)) throw new Error("the figures page does not count every visit");
    // as served: the figures are kept until a visit closes or a helpdesk record is added (or 30 s pass)
    const figures = await measure([figuresUrl]);
    // computed afresh: each request a period not asked before (the 90 days, ending 0-39 days earlier: 55,000-100,000 visits)
    const cold = await measureOnce(
      Array.from(
        { length: COLD },
        (_, i) => `${server.url}/layanan/unit/${visits.unitId}/angka?dari=${addDays(visits.from, -i)}&sampai=${addDays(visits.to, -i)}`,
      ),
    );
    console.log(`unit figures page (${VISITS} visits in the range): ${Math.round(figures.bytes / 1024)} KiB of HTML, p50 ${Math.round(figures.p50)} ms`);
    console.log(`unit figures computed afresh (${COLD} periods never asked before): p50 ${Math.round(cold.p50)} ms, p95 ${Math.round(cold.p95)} ms`);
    console.log(`service page p95: ${Math.round(page.p95)} ms`);
    console.log(`unit figures p95: ${Math.round(figures.p95)} ms`);
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
