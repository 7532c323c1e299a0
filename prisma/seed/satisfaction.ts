// Demo data for satisfaction: SKM answer sheets over eight quarters for PTSP Kecamatan
// Duren Sawit and PTSP Kecamatan Cakung, so the report card shows a trend and the
// ranking compares them. The study's reference point holds exactly: Duren Sawit,
// first quarter of 2025, IKM 92.74 (A). Per element the sums are chosen first, then
// spread over the sheets (3s and 4s, some 2s at Cakung), so every figure is exact.
// Also: the service users entered per quarter (Duren Sawit reaches its sample, Cakung
// does not), approved and waiting comments, a kiosk with recent taps for the heat map.
// Inserted in bulk (multi-row INSERTs), well under a second.
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import { formatPeriod, parsePeriod, periodRange, previousPeriod, type Period } from "~/domain/periods";
import { ELEMENT_COLUMN } from "~/domain/satisfaction/elements";
import { ELEMENT_KEYS, roundTwo } from "~/domain/satisfaction/ikm";
import { hashDeviceToken } from "~/domain/satisfaction/responses.server";
import { AGE_GROUPS, EDUCATIONS, OCCUPATIONS, SEXES } from "~/domain/satisfaction/satisfaction.schema";
import type { SeedContext } from "./foundation";

/** IKM per quarter from 2025-Q1 on (the first is the study's figure) */
const DUREN_SAWIT = [92.74, 91.9, 93.1, 93.6, 94.2, 93.8, 94.7, 95.1];
const CAKUNG = [81.35, 82.1, 83.4, 82.9, 84.6, 85.8, 86.4, 87.9];
/** how the elements differ around the mean NRR (cost is "Gratis", time the weakest) */
const SHAPE: Record<string, number> = { U1: 0.02, U2: -0.04, U3: -0.12, U4: 0.2, U5: 0.03, U6: 0.02, U7: 0.05, U8: -0.08, U9: -0.08 };

const COMMENTS = [
  "Petugas ramah dan menjelaskan persyaratan dengan sabar.",
  "Antrean pagi cukup panjang, mohon tambah loket saat jam sibuk.",
  "Ruang tunggu bersih, tapi kursi untuk lansia kurang.",
  "Proses cepat, KTP jadi di hari yang sama.",
  "Informasi biaya jelas: gratis, tidak ada pungutan.",
  "Pendampingan JakEvo sangat membantu orang tua saya.",
];

// a deterministic generator: the same demo every time
function generator(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

/** The first number of sheets from `atLeast` for which some total of scores gives exactly `ikm` (two decimals). */
export function sheetsFor(ikm: number, atLeast: number): { n: number; total: number } {
  for (let n = atLeast; ; n++) {
    const guess = Math.round((ikm / 25) * 9 * n);
    for (const total of [guess, guess - 1, guess + 1]) if (roundTwo((total * 25) / (9 * n)) === ikm) return { n, total };
  }
}

/** Element sums adding up to `total` over `n` complete sheets, shaped per element. */
export function elementSums(total: number, n: number): Record<string, number> {
  const sums: Record<string, number> = {};
  let left = total;
  ELEMENT_KEYS.forEach((k, i) => {
    const target = i === ELEMENT_KEYS.length - 1 ? left : Math.round((total / 9 + SHAPE[k] * n) as number);
    sums[k] = Math.max(n, Math.min(4 * n, target));
    left -= sums[k];
  });
  return sums;
}

/** Scores 1-4 for n sheets whose per-element sums are `sums`: a base score and some one higher. */
function spread(sums: Record<string, number>, n: number, rand: (n: number) => number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const k of ELEMENT_KEYS) {
    const base = Math.floor(sums[k] / n);
    const higher = sums[k] - base * n;
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rand(3) - 1);
    const scores = new Array<number>(n).fill(Math.min(4, base));
    for (let i = 0; i < higher; i++) scores[order[i]] = Math.min(4, base + 1);
    out[k] = scores;
  }
  return out;
}

const COLUMNS = [
  "unitId",
  "serviceId",
  "channel",
  "u1",
  "u2",
  "u3",
  "u4",
  "u5",
  "u6",
  "u7",
  "u8",
  "u9",
  "complete",
  "overall",
  "ageGroup",
  "sex",
  "education",
  "occupation",
  "comment",
  "commentStatus",
  "deviceId",
  "clientKey",
  "answeredAt",
  "createdAt",
  "excluded",
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | Date | null>>;

/** Multi-row INSERTs (both providers): Prisma's createMany takes seconds for a few thousand rows here. */
async function insertRows(db: Db, rows: Row[]) {
  const pg = providerOfClient(db) === "postgresql";
  const CHUNK = 300;
  for (let from = 0; from < rows.length; from += CHUNK) {
    const params: unknown[] = [];
    const values = rows.slice(from, from + CHUNK).map(
      (row) =>
        `(${COLUMNS.map((c) => {
          params.push(row[c] ?? (c === "excluded" ? false : null));
          return pg ? `$${params.length}` : "?";
        }).join(", ")})`,
    );
    await db.$executeRawUnsafe(`INSERT INTO "SurveyResponse" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`, ...params);
  }
}

/** A weekday time within office hours, somewhere in the period. */
function officeTime(period: Period, rand: (n: number) => number): Date {
  const { start, end } = periodRange(period);
  const days = Math.floor((end.getTime() - start.getTime()) / 86_400_000);
  for (;;) {
    const day = new Date(start.getTime() + rand(days) * 86_400_000);
    const weekday = new Date(day.getTime() + 7 * 3_600_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // 08:00-15:00 WIB, busier in the morning
    const minutes = 8 * 60 + Math.min(rand(7 * 60), rand(7 * 60));
    return new Date(day.getTime() + minutes * 60_000);
  }
}

export async function seedSatisfaction(db: Db, ctx: SeedContext, now = new Date()): Promise<void> {
  const units = await db.serviceUnit.findMany({ where: { slug: { in: ["ptsp-duren-sawit", "ptsp-cakung"] } }, select: { id: true, slug: true } });
  const rand = generator(2025);
  const first = parsePeriod("2025-Q1")!;
  const quarters: Period[] = [first];
  while (quarters.length < DUREN_SAWIT.length) {
    const last = quarters[quarters.length - 1];
    quarters.push(last.n < 4 ? { ...last, n: last.n + 1 } : { kind: "quarter", year: last.year + 1, n: 1 });
  }
  const rows: Row[] = [];
  const surveys: { unitId: number; period: string; serviceUsers: number; serviceUsersById: number }[] = [];
  for (const unit of units) {
    const duren = unit.slug === "ptsp-duren-sawit";
    const services = (await db.service.findMany({ where: { unitId: unit.id }, select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    const targets = duren ? DUREN_SAWIT : CAKUNG;
    for (const [qi, period] of quarters.entries()) {
      if (periodRange(period).start > now) break;
      const { n, total } = sheetsFor(targets[qi], duren ? 250 + rand(30) : 170 + rand(25));
      const scores = spread(elementSums(total, n), n, rand);
      const users = duren ? 700 + rand(40) : 1150 + rand(100);
      surveys.push({ unitId: unit.id, period: formatPeriod(period), serviceUsers: users, serviceUsersById: ctx.users.admin });
      for (let i = 0; i < n; i++) {
        const answeredAt = officeTime(period, rand);
        if (answeredAt > now) continue;
        const sheet = Object.fromEntries(ELEMENT_KEYS.map((k) => [ELEMENT_COLUMN[k], scores[k][i]]));
        const values = ELEMENT_KEYS.map((k) => scores[k][i]);
        const comment = rand(12) === 0 ? COMMENTS[rand(COMMENTS.length)] : null;
        rows.push({
          unitId: unit.id,
          serviceId: services.length ? services[rand(services.length)] : null,
          channel: ["web", "queue", "queue", "paper"][rand(4)],
          ...sheet,
          complete: true,
          overall: Math.floor(values.reduce((a, v) => a + v, 0) / 9 + 0.5),
          ageGroup: rand(5) ? AGE_GROUPS[rand(AGE_GROUPS.length)] : null,
          sex: rand(6) ? SEXES[rand(2)] : null,
          education: rand(4) ? EDUCATIONS[rand(EDUCATIONS.length)] : null,
          occupation: rand(4) ? OCCUPATIONS[rand(OCCUPATIONS.length)] : null,
          comment,
          commentStatus: comment ? (qi === quarters.length - 1 && rand(2) ? "pending" : "approved") : null,
          answeredAt,
          createdAt: answeredAt,
        });
      }
    }
    if (duren) {
      // a kiosk at the counter with a month of taps (the heat map, the kiosk figures)
      const device = await db.kioskDevice.create({
        data: { unitId: unit.id, name: "Tablet loket 1", tokenHash: hashDeviceToken(`demo-kiosk-${unit.id}`), enrolledById: ctx.users.admin, lastSeenAt: now },
      });
      const current = parsePeriod(formatPeriod({ kind: "quarter", year: now.getUTCFullYear(), n: Math.ceil((now.getUTCMonth() + 1) / 3) }))!;
      for (let i = 0; i < 80; i++) {
        const answeredAt = officeTime(rand(2) ? current : previousPeriod(current), rand);
        if (answeredAt > now) continue;
        const score = [4, 4, 4, 3, 3, 2][rand(6)];
        const chip = rand(3) ? ELEMENT_KEYS[rand(9)] : null;
        rows.push({
          unitId: unit.id,
          channel: "kiosk",
          ...(chip && { [ELEMENT_COLUMN[chip]]: score }),
          complete: false,
          overall: score,
          deviceId: device.id,
          clientKey: `demo-${i}`,
          answeredAt,
          createdAt: answeredAt,
        });
      }
    }
  }
  await db.survey.createMany({ data: surveys });
  await insertRows(db, rows);
}
