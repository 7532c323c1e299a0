// npm run bench:agenda
// Seeds 100,000 aspirations with 1,000,000 supports and agenda votes into a fresh
// SQLite database (bulk inserts with better-sqlite3 after the real migrations),
// then times building the candidate pool with scores for a kecamatan-level
// deliberation through the same domain function the planner's pool page uses.
// Prints `candidate pool: N ms` (median of several runs).
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../app/db/client.server";
import { migrate } from "../../app/db/migrate.server";
import { candidatePool } from "../../app/domain/agenda/agenda.server";

const ASPIRATIONS = 100_000;
const SUPPORTS = 900_000;
const VOTES = 100_000;
const USERS = 60_000;
const ITEMS = 200;
const RUNS = 7;

const KELURAHAN: [string, number][] = [
  ["Pondok Bambu", 13],
  ["Duren Sawit", 16],
  ["Pondok Kelapa", 16],
  ["Pondok Kopi", 13],
  ["Malaka Jaya", 10],
  ["Malaka Sari", 13],
  ["Klender", 17],
];
const STATUSES = ["verified", "verified", "verified", "forwarded", "received", "rejected", "done", "deferred"];

/** Prisma's SQLite DateTime text */
const dt = (d: Date) => d.toISOString().replace("Z", "+00:00");

// a deterministic generator (mulberry32): the same data every run
let seed = 42;
const rand = (n: number) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) * n);
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "balai-bench-agenda-"));
  const file = path.join(dir, "bench.db");
  const url = `file:${file}`;
  try {
    await migrate(url);
    const started = Date.now();
    const raw = new Database(file);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = OFF");
    const now = new Date();
    const year = now.getUTCFullYear();
    const intakeStart = new Date(Date.UTC(year, 0, 1) - 7 * 3_600_000);
    const intakeEnd = new Date(Date.UTC(year, 10, 30, 16, 59, 59));

    const ids = raw.transaction(() => {
      const area = raw.prepare(`INSERT INTO "Area" ("level", "name", "code", "parentId") VALUES (?, ?, ?, ?)`);
      const kota = Number(area.run("kota", "Jakarta Timur", "jaktim", null).lastInsertRowid);
      const kecamatan = Number(area.run("kecamatan", "Duren Sawit", "jaktim.duren-sawit", kota).lastInsertRowid);
      const kel: { id: number; rws: number[] }[] = [];
      for (const [name, rwCount] of KELURAHAN) {
        const id = Number(area.run("kelurahan", name, `jaktim.duren-sawit.${name.toLowerCase().replace(/ /g, "-")}`, kecamatan).lastInsertRowid);
        const rws: number[] = [];
        for (let i = 1; i <= rwCount; i++) rws.push(Number(area.run("rw", `RW ${String(i).padStart(2, "0")}`, `${id}.rw${i}`, id).lastInsertRowid));
        kel.push({ id, rws });
      }
      const category = raw.prepare(`INSERT INTO "Category" ("slug", "nameId", "nameEn", "position") VALUES (?, ?, ?, ?)`);
      const categories = ["infrastruktur", "lingkungan", "kesehatan", "adminduk", "umkm", "pendidikan", "layanan-digital", "lainnya"].map((s, i) =>
        Number(category.run(s, s, s, i).lastInsertRowid),
      );

      const user = raw.prepare(
        `INSERT INTO "User" ("name", "email", "passwordHash", "role", "kelurahanId", "rwId", "createdAt", "updatedAt") VALUES (?, ?, '!', ?, ?, ?, ?, ?)`,
      );
      const created = dt(now);
      const planner = Number(user.run("Perencana", "perencana@bench.test", "planner", null, null, created, created).lastInsertRowid);
      const firstUser = planner + 1;
      for (let i = 0; i < USERS; i++) {
        const k = kel[i % kel.length];
        user.run(`Warga ${i}`, `warga${i}@bench.test`, "resident", k.id, k.rws[rand(k.rws.length)], created, created);
      }

      const event = raw.prepare(
        `INSERT INTO "Event" ("kind", "status", "title", "startsAt", "endsAt", "venueName", "venueAddress", "createdAt", "updatedAt") VALUES ('dialogue', 'completed', ?, ?, ?, 'Pendopo', 'Jl. Raya', ?, ?)`,
      );
      const events: number[] = [];
      for (let i = 0; i < 60; i++) {
        const at = new Date(intakeStart.getTime() + i * 5 * 86_400_000);
        events.push(Number(event.run(`Ngopi Dursa ${i}`, dt(at), dt(new Date(at.getTime() + 7_200_000)), created, created).lastInsertRowid));
      }
      const sessionEvent = Number(
        event.run("Musyawarah Warga", dt(intakeEnd), dt(new Date(intakeEnd.getTime() + 7_200_000)), created, created).lastInsertRowid,
      );
      const qaSession = raw.prepare(`INSERT INTO "QaSession" ("eventId", "code", "createdAt") VALUES (?, ?, ?)`);
      const participant = raw.prepare(`INSERT INTO "QaParticipant" ("id", "createdAt") VALUES (?, ?)`);
      const question = raw.prepare(
        `INSERT INTO "QaQuestion" ("sessionId", "participantId", "text", "status", "createdAt", "updatedAt") VALUES (?, ?, ?, 'answered', ?, ?)`,
      );
      participant.run("bench", created);
      const questions: number[] = [];
      for (let s = 0; s < 30; s++) {
        const sessionId = Number(qaSession.run(events[s * 2], `BENCH${s}`, created).lastInsertRowid);
        for (let q = 0; q < 50; q++) questions.push(Number(question.run(sessionId, "bench", `Pertanyaan ${s}-${q}`, created, created).lastInsertRowid));
      }

      const aspiration = raw.prepare(
        `INSERT INTO "Aspiration" ("code", "title", "description", "categoryId", "kelurahanId", "rwId", "channel", "status", "submitterId", "groupPrimaryId", "sourceQuestionId", "sourceEventId", "supportCount", "responseDueAt", "firstResponseAt", "createdAt", "updatedAt")
         VALUES (?, ?, 'Deskripsi usulan warga.', ?, ?, ?, 'web', ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      );
      const span = intakeEnd.getTime() - intakeStart.getTime();
      let firstAspiration = 0;
      for (let i = 0; i < ASPIRATIONS; i++) {
        const k = kel[rand(kel.length)];
        const at = new Date(intakeStart.getTime() + rand(span / 1000) * 1000);
        // about one in ten is a duplicate grouped under an earlier one
        const group = i > 1000 && rand(10) === 0 ? firstAspiration + rand(i - 1) : null;
        const q = rand(20) === 0 ? questions[rand(questions.length)] : null;
        const e = q === null && rand(10) === 0 ? events[rand(events.length)] : null;
        const due = new Date(at.getTime() + 7 * 86_400_000);
        const answered = rand(3) === 0 ? dt(new Date(at.getTime() + rand(10) * 86_400_000)) : null;
        const id = Number(
          aspiration.run(
            `B${String(i).padStart(7, "0")}`,
            `Usulan ${i}`,
            categories[rand(categories.length)],
            k.id,
            k.rws[rand(k.rws.length)],
            STATUSES[rand(STATUSES.length)],
            firstUser + rand(USERS),
            group,
            q,
            e,
            dt(due),
            answered,
            dt(at),
            dt(at),
          ).lastInsertRowid,
        );
        if (i === 0) firstAspiration = id;
      }
      // grouped under a member? point at that member's primary (groups are one level deep)
      raw
        .prepare(
          `UPDATE "Aspiration" SET "groupPrimaryId" = (SELECT COALESCE(p."groupPrimaryId", p."id") FROM "Aspiration" p WHERE p."id" = "Aspiration"."groupPrimaryId") WHERE "groupPrimaryId" IS NOT NULL`,
        )
        .run();

      // supports: distinct (aspiration, user) pairs, skewed so some aspirations are popular
      const support = raw.prepare(`INSERT OR IGNORE INTO "AspirationSupport" ("aspirationId", "userId", "createdAt") VALUES (?, ?, ?)`);
      let supports = 0;
      while (supports < SUPPORTS) {
        const hot = rand(4) === 0;
        const a = firstAspiration + (hot ? rand(2000) : rand(ASPIRATIONS));
        supports += support.run(a, firstUser + rand(USERS), created).changes;
      }
      // the primary carries the group's count (as the aspirations area keeps it)
      raw.exec(`UPDATE "Aspiration" SET "supportCount" = (SELECT COUNT(*) FROM "AspirationSupport" s WHERE s."aspirationId" = "Aspiration"."id")`);
      raw.exec(`CREATE TEMP TABLE "groupCount" ("root" INTEGER PRIMARY KEY, "n" INTEGER)`);
      raw.exec(
        `INSERT INTO "groupCount" SELECT COALESCE(m."groupPrimaryId", m."id"), COUNT(DISTINCT s."userId") FROM "AspirationSupport" s JOIN "Aspiration" m ON m."id" = s."aspirationId" GROUP BY 1`,
      );
      raw.exec(
        `UPDATE "Aspiration" SET "supportCount" = (SELECT g."n" FROM "groupCount" g WHERE g."root" = "Aspiration"."id") WHERE "id" IN (SELECT "groupPrimaryId" FROM "Aspiration" WHERE "groupPrimaryId" IS NOT NULL) AND "id" IN (SELECT "root" FROM "groupCount")`,
      );

      const deliberation = Number(
        raw
          .prepare(
            `INSERT INTO "Deliberation" ("year", "level", "areaId", "phase", "intakeStart", "intakeEnd", "reviewStart", "reviewEnd", "eventId", "weightSupports", "weightVotes", "weightUrgency", "weightReach", "createdAt", "updatedAt") VALUES (?, 'kecamatan', ?, 'review', ?, ?, ?, ?, ?, 1, 2, 3, 3, ?, ?)`,
          )
          .run(
            year,
            kecamatan,
            dt(intakeStart),
            dt(intakeEnd),
            dt(intakeStart),
            dt(new Date(intakeEnd.getTime() + 30 * 86_400_000)),
            sessionEvent,
            created,
            created,
          ).lastInsertRowid,
      );
      const item = raw.prepare(`INSERT INTO "AgendaItem" ("deliberationId", "title", "rationale", "urgency", "createdAt") VALUES (?, ?, 'Alasan.', ?, ?)`);
      const link = raw.prepare(`INSERT OR IGNORE INTO "AgendaItemAspiration" ("agendaItemId", "aspirationId") VALUES (?, ?)`);
      const items: number[] = [];
      for (let i = 0; i < ITEMS; i++) {
        const id = Number(item.run(deliberation, `Usulan agenda ${i}`, rand(6), created).lastInsertRowid);
        items.push(id);
        link.run(id, firstAspiration + i * 3);
      }
      const vote = raw.prepare(`INSERT OR IGNORE INTO "AgendaVote" ("deliberationId", "agendaItemId", "userId", "dots", "updatedAt") VALUES (?, ?, ?, ?, ?)`);
      let votes = 0;
      while (votes < VOTES) votes += vote.run(deliberation, items[rand(items.length)], firstUser + rand(USERS), 1 + rand(3), created).changes;
      return { planner, deliberation, supports, votes };
    })();
    raw.exec("ANALYZE");
    raw.close();
    console.log(
      `seeded ${ASPIRATIONS.toLocaleString("en")} aspirations, ${ids.supports.toLocaleString("en")} supports, ${ids.votes.toLocaleString("en")} votes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    const { db, close } = await openDatabase(url);
    const actor = { id: ids.planner, role: "planner" as const };
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const pool = await candidatePool(db, actor, ids.deliberation, { page: 1 });
      times.push(performance.now() - t0);
      total = pool.total;
      if (pool.candidates.length === 0) throw new Error("empty candidate pool");
    }
    await close();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`${total.toLocaleString("en")} candidates (grouped duplicates counted once), runs: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
    console.log(`candidate pool: ${median.toFixed(0)} ms`);
    if (median > 2000) {
      console.error("slower than the 2,000 ms budget");
      process.exitCode = 1;
    }
  } finally {
    if (process.env.BENCH_KEEP_DB) console.log(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
