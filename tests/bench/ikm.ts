// npm run bench:ikm
// Bulk-loads 1,000,000 SKM answer sheets over 50 service units and 8 quarters into a
// fresh SQLite database (raw SQL in one transaction, after the real migrations), then
// times the report card of one unit (figures, nine NRRs, the trend over 8 quarters,
// the counter's figures) and the ranking of all units for one quarter, built by the
// same domain functions the pages use. Prints `report card: N ms` and `ranking: N ms`
// (median of several runs).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../app/db/client.server";
import { migrate } from "../../app/db/migrate.server";
import { parsePeriod, periodRange, type Period } from "../../app/domain/periods";
import { ranking, reportCard } from "../../app/domain/satisfaction/figures.server";

const RESPONSES = 1_000_000;
const UNITS = 50;
const SERVICES_PER_UNIT = 4;
const QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"];
const RUNS = 7;
const CHANNELS = ["web", "queue", "paper", "kiosk"];

/** Prisma's SQLite DateTime text */
const dt = (d: Date) => d.toISOString().replace("Z", "+00:00");

let seed = 12;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) * n);
};

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "balai-bench-ikm-"));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  try {
    await migrate(url);
    const started = Date.now();
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const now = dt(new Date());
    const unitIds = raw.transaction(() => {
      const area = raw.prepare(`INSERT INTO "Area" ("level", "name", "code", "parentId") VALUES (?, ?, ?, ?)`);
      const kota = Number(area.run("kota", "Jakarta Timur", "bench.jaktim", null).lastInsertRowid);
      const unit = raw.prepare(
        `INSERT INTO "ServiceUnit" ("slug", "name", "kind", "areaId", "address", "openingHours", "position", "createdAt", "updatedAt") VALUES (?, ?, 'kecamatan', ?, 'Jl. Bench', '08.00–15.00', ?, ?, ?)`,
      );
      const service = raw.prepare(`INSERT INTO "Service" ("slug", "unitId", "name", "lastCheckedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`);
      const ids: number[] = [];
      const services: number[][] = [];
      for (let u = 0; u < UNITS; u++) {
        const areaId = Number(area.run("kecamatan", `Kecamatan ${u}`, `bench.kec${u}`, kota).lastInsertRowid);
        const id = Number(unit.run(`bench-unit-${u}`, `PTSP Bench ${u}`, areaId, u, now, now).lastInsertRowid);
        ids.push(id);
        services.push(
          Array.from({ length: SERVICES_PER_UNIT }, (_, k) => Number(service.run(`bench-${u}-${k}`, id, `Layanan ${k}`, now, now, now).lastInsertRowid)),
        );
      }
      const insert = raw.prepare(
        `INSERT INTO "SurveyResponse" ("unitId", "serviceId", "channel", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "complete", "overall", "answeredAt", "createdAt", "excluded") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      );
      const ranges = QUARTERS.map((q) => periodRange(parsePeriod(q) as Period));
      // in the order answers arrive: quarter after quarter, the units' visitors interleaved
      const perQuarter = RESPONSES / ranges.length;
      for (let i = 0; i < RESPONSES; i++) {
        const r = ranges[Math.floor(i / perQuarter)];
        const j = i % perQuarter;
        const u = rand(UNITS);
        const at = new Date(r.start.getTime() + Math.floor((j * (r.end.getTime() - r.start.getTime())) / perQuarter));
        const channel = CHANNELS[rand(10) === 0 ? 3 : rand(3)];
        // each unit has its own level of satisfaction, so the ranking means something
        const base = 2 + (u % 3);
        const scores = Array.from({ length: 9 }, () => Math.min(4, Math.max(1, base + rand(3) - (rand(4) === 0 ? 1 : 0))));
        if (channel === "kiosk") for (let k = 0; k < 9; k++) if (rand(3)) scores[k] = null as unknown as number;
        const answered = scores.filter((s) => s !== null);
        const complete = answered.length === 9 ? 1 : 0;
        const overall = answered.length ? Math.floor(answered.reduce((a, v) => a + v, 0) / answered.length + 0.5) : base;
        const stamp = dt(at);
        insert.run(ids[u], services[u][rand(SERVICES_PER_UNIT)], channel, ...scores, complete, overall, stamp, stamp);
      }
      return ids;
    })();
    raw.pragma("optimize");
    raw.close();
    console.log(`loaded ${RESPONSES.toLocaleString("en")} responses over ${UNITS} units and ${QUARTERS.length} quarters in ${Date.now() - started} ms`);

    const database = await openDatabase(url);
    try {
      const period = parsePeriod(QUARTERS.at(-1)!) as Period;
      const unitId = unitIds[7];
      const cardTimes: number[] = [];
      const rankTimes: number[] = [];
      let card: Awaited<ReturnType<typeof reportCard>> = null;
      let rows: Awaited<ReturnType<typeof ranking>> = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        card = await reportCard(database.db, { unitId, period, trend: QUARTERS.length });
        cardTimes.push(performance.now() - t);
        t = performance.now();
        rows = await ranking(database.db, period);
        rankTimes.push(performance.now() - t);
      }
      console.log(
        `unit ${card?.unit.name}: IKM ${card?.figures.result.shown} (${card?.figures.result.grade}), ${card?.figures.respondents} respondents, ${card?.figures.answers} answers; trend ${card?.trend.map((p) => p.ikm).join(" ")}`,
      );
      console.log(
        `ranking: first ${rows[0].unit.name} ${rows[0].ikm}, last ${rows.at(-1)?.unit.name} ${rows.at(-1)?.ikm}, ${rows.reduce((a, r) => a + r.answers, 0)} answers in ${QUARTERS.at(-1)}`,
      );
      console.log(`report card: ${Math.round(median(cardTimes))} ms`);
      console.log(`ranking: ${Math.round(median(rankTimes))} ms`);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
