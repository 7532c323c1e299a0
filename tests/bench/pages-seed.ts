// A city's worth of data for bench:pages, written in bulk with raw SQL in one
// transaction (better-sqlite3 prepared statements, or multi-row INSERTs on
// PostgreSQL), on top of the demo data already in the database. Deterministic.
import { pathSegment } from "~/domain/discussions/tree";

export interface Sizes {
  users: number;
  aspirations: number;
  supportsPerAspiration: number;
  events: number;
  rsvpsPerEvent: number;
  topics: number;
  postsPerTopic: number;
  questions: number;
}

export const CITY: Sizes = {
  users: 20_000,
  aspirations: 100_000,
  supportsPerAspiration: 5,
  events: 10_000,
  rsvpsPerEvent: 20,
  topics: 2_000,
  postsPerTopic: 100,
  questions: 2_000,
};

type Value = string | number | boolean | Date | null;

interface Writer {
  insert(table: string, columns: string[], rows: Value[][]): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  done(): Promise<void>;
}

function sqliteDate(d: Date): string {
  // the format Prisma's better-sqlite3 adapter writes, so ranges compare as text
  return d.toISOString().replace("Z", "+00:00");
}

async function sqliteWriter(file: string): Promise<Writer> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.exec("BEGIN");
  const statements = new Map<string, import("better-sqlite3").Statement>();
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(",")})`;
      let st = statements.get(key);
      if (!st) {
        st = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
        statements.set(key, st);
      }
      for (const row of rows) st.run(row.map((v) => (v instanceof Date ? sqliteDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v)));
    },
    async query<T>(sql: string) {
      return db.prepare(sql).all() as T[];
    },
    async done() {
      db.exec("COMMIT");
      db.exec("ANALYZE");
      db.close();
    },
  };
}

async function pgWriter(url: string): Promise<Writer> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  const tables = new Set<string>();
  return {
    async insert(table, columns, rows) {
      tables.add(table);
      const per = Math.max(1, Math.floor(30_000 / columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const chunk = rows.slice(i, i + per);
        const params: Value[] = [];
        const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(", ")})`);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`, params);
      }
    },
    async query<T>(sql: string) {
      return (await client.query(sql)).rows as T[];
    },
    async done() {
      // explicit ids were written: move every sequence past them
      for (const t of tables) {
        // (a failing statement would end the transaction: ask only tables with an id column)
        const hasId = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'id'`, [t])).rowCount;
        const seq = hasId ? (await client.query(`SELECT pg_get_serial_sequence('"${t}"', 'id') AS s`)).rows[0]?.s : null;
        if (seq) await client.query(`SELECT setval('${seq}', (SELECT MAX("id") FROM "${t}"))`);
      }
      await client.query("COMMIT");
      await client.query("ANALYZE");
      await client.end();
    },
  };
}

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

const WORDS = "jalan saluran air lampu taman sampah posyandu sekolah banjir trotoar parkir pasar ojek angkot rusun kebersihan kegiatan warga layanan".split(
  " ",
);
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const DAY = 86_400_000;

/** A bench aspiration code: "Y" + 7 characters from the index (demo codes are random: a clash is 1 in 31^7). */
function benchCode(i: number): string {
  let s = "";
  for (let k = 0; k < 7; k++) {
    s = CODE_ALPHABET[i % 31] + s;
    i = Math.floor(i / 31);
  }
  return `Y${s}`;
}

export interface Seeded {
  eventId: number;
  topicId: number;
  qaCode: string;
  reportPeriod: string;
  counts: Record<string, number>;
}

export async function seedCity(databaseUrl: string, sizes: Sizes = CITY, now = new Date()): Promise<Seeded> {
  const w = databaseUrl.startsWith("file:") ? await sqliteWriter(databaseUrl.slice(5)) : await pgWriter(databaseUrl);
  const rand = random(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const text = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const maxId = async (table: string) => Number((await w.query<{ m: number | null }>(`SELECT MAX("id") AS m FROM "${table}"`))[0]?.m ?? 0);
  const kelurahan = (await w.query<{ id: number }>(`SELECT "id" FROM "Area" WHERE "level" = 'kelurahan'`)).map((r) => Number(r.id));
  const categories = (await w.query<{ id: number }>(`SELECT "id" FROM "Category"`)).map((r) => Number(r.id));
  if (!kelurahan.length || !categories.length) throw new Error("seedCity needs the demo areas and categories");

  // users
  const u0 = (await maxId("User")) + 1;
  const users: Value[][] = [];
  for (let i = 0; i < sizes.users; i++)
    users.push([u0 + i, `Warga ${i}`, `bench${u0 + i}@bench.test`, "!", "resident", pick(kelurahan), "id", false, now, now]);
  await w.insert("User", ["id", "name", "email", "passwordHash", "role", "kelurahanId", "locale", "isDemo", "createdAt", "updatedAt"], users);
  const userId = (i: number) => u0 + (((i % sizes.users) + sizes.users) % sizes.users);

  // aspirations over the last three years, a tenth of them grouped under an earlier one
  const a0 = (await maxId("Aspiration")) + 1;
  const span = 3 * 365 * DAY;
  const statuses = ["received", "verified", "rejected", "forwarded", "on_agenda", "accepted", "deferred", "declined", "done"];
  let rows: Value[][] = [];
  const flush = async (table: string, columns: string[]) => {
    await w.insert(table, columns, rows);
    rows = [];
  };
  const aspirationColumns = [
    "id",
    "code",
    "title",
    "description",
    "categoryId",
    "kelurahanId",
    "channel",
    "status",
    "anonymous",
    "confidential",
    "consentRecorded",
    "groupPrimaryId",
    "supportCount",
    "verifyDueAt",
    "responseDueAt",
    "verifiedAt",
    "firstResponseAt",
    "createdAt",
    "updatedAt",
  ];
  for (let i = 0; i < sizes.aspirations; i++) {
    const createdAt = new Date(now.getTime() - span + Math.floor((i / sizes.aspirations) * span) + Math.floor(rand() * 3_600_000));
    const status = pick(statuses);
    const verifiedAt = status === "received" || status === "rejected" ? null : new Date(createdAt.getTime() + Math.floor(rand() * 6 * DAY));
    const firstResponseAt = verifiedAt && status !== "verified" ? new Date(verifiedAt.getTime() + Math.floor(rand() * 8 * DAY)) : null;
    const grouped = i > 100 && rand() < 0.1 ? a0 + Math.floor(rand() * (i - 1)) : null;
    rows.push([
      a0 + i,
      benchCode(i),
      `Usulan ${text(5)}`,
      text(40),
      pick(categories),
      pick(kelurahan),
      "web",
      status,
      false,
      false,
      false,
      grouped,
      sizes.supportsPerAspiration,
      new Date(createdAt.getTime() + 3 * DAY),
      new Date(createdAt.getTime() + 7 * DAY),
      verifiedAt,
      firstResponseAt,
      createdAt,
      createdAt,
    ]);
    if (rows.length >= 5000) await flush("Aspiration", aspirationColumns);
  }
  await flush("Aspiration", aspirationColumns);
  for (let i = 0; i < sizes.aspirations; i++) {
    for (let k = 0; k < sizes.supportsPerAspiration; k++) rows.push([a0 + i, userId(i * 13 + k * 977), now]);
    if (rows.length >= 20_000) await flush("AspirationSupport", ["aspirationId", "userId", "createdAt"]);
  }
  await flush("AspirationSupport", ["aspirationId", "userId", "createdAt"]);

  // events from three years ago to half a year ahead, each with its RSVPs
  const e0 = (await maxId("Event")) + 1;
  const eventSpan = 3.5 * 365 * DAY;
  const eventColumns = [
    "id",
    "kind",
    "status",
    "title",
    "description",
    "startsAt",
    "endsAt",
    "venueName",
    "venueAddress",
    "kelurahanId",
    "capacity",
    "registrationOpen",
    "accessibility",
    "sequence",
    "createdAt",
    "updatedAt",
  ];
  for (let i = 0; i < sizes.events; i++) {
    const startsAt = new Date(now.getTime() - 3 * 365 * DAY + Math.floor((i / sizes.events) * eventSpan));
    const past = startsAt < now;
    const status = rand() < 0.05 ? "cancelled" : past ? "completed" : "published";
    rows.push([
      e0 + i,
      rand() < 0.7 ? "dialogue" : "fair",
      status,
      `Ngopi Dursa ${text(3)}`,
      text(30),
      startsAt,
      new Date(startsAt.getTime() + 2 * 3_600_000),
      `Balai Warga ${i % 97}`,
      `Jl. ${text(2)} No. ${i % 200}`,
      pick(kelurahan),
      100,
      true,
      "[]",
      0,
      now,
      now,
    ]);
    if (rows.length >= 5000) await flush("Event", eventColumns);
  }
  await flush("Event", eventColumns);
  const r0 = (await maxId("Rsvp")) + 1;
  let r = 0;
  for (let i = 0; i < sizes.events; i++) {
    for (let k = 0; k < sizes.rsvpsPerEvent; k++) {
      rows.push([r0 + r, e0 + i, userId(i * 31 + k * 499), `BENCH${r0 + r}`, k < 18 ? "confirmed" : "waitlisted", now, now]);
      r++;
    }
    if (rows.length >= 20_000) await flush("Rsvp", ["id", "eventId", "userId", "code", "status", "createdAt", "updatedAt"]);
  }
  await flush("Rsvp", ["id", "eventId", "userId", "code", "status", "createdAt", "updatedAt"]);

  // topics with their posts: the opening post, top-level replies and replies to them
  const t0 = (await maxId("Topic")) + 1;
  const p0 = (await maxId("Post")) + 1;
  const topics: Value[][] = [];
  let p = 0;
  const postColumns = ["id", "topicId", "parentId", "path", "depth", "authorId", "body", "bodyHtml", "status", "isOfficial", "supportCount", "createdAt"];
  for (let i = 0; i < sizes.topics; i++) {
    const created = new Date(now.getTime() - 400 * DAY + Math.floor((i / sizes.topics) * 399 * DAY));
    topics.push([t0 + i, `Diskusi ${text(4)}`, pick(categories), pick(kelurahan), userId(i), "open", false, false, sizes.postsPerTopic - 1, created, created]);
    const rootId = p0 + p;
    const rootPath = pathSegment(rootId);
    const tops: { id: number; path: string }[] = [];
    for (let k = 0; k < sizes.postsPerTopic; k++) {
      const id = p0 + p++;
      const body = text(25);
      const at = new Date(created.getTime() + k * 60_000);
      if (k === 0) rows.push([id, t0 + i, null, rootPath, 0, userId(i), body, `<p>${body}</p>`, "visible", false, 0, at]);
      else if (k % 3 !== 0 || tops.length === 0) {
        const path = rootPath + pathSegment(id);
        tops.push({ id, path });
        rows.push([id, t0 + i, rootId, path, 1, userId(i + k), body, `<p>${body}</p>`, "visible", false, k % 7, at]);
      } else {
        const parent = tops[Math.floor(rand() * tops.length)];
        rows.push([id, t0 + i, parent.id, parent.path + pathSegment(id), 2, userId(i + k), body, `<p>${body}</p>`, "visible", false, 0, at]);
      }
    }
    if (rows.length >= 20_000) {
      await w.insert(
        "Topic",
        ["id", "title", "categoryId", "kelurahanId", "authorId", "status", "pinned", "locked", "replyCount", "lastActivityAt", "createdAt"],
        topics.splice(0),
      );
      await flush("Post", postColumns);
    }
  }
  await w.insert(
    "Topic",
    ["id", "title", "categoryId", "kelurahanId", "authorId", "status", "pinned", "locked", "replyCount", "lastActivityAt", "createdAt"],
    topics,
  );
  await flush("Post", postColumns);

  // one Q&A session on an upcoming event: a tenth open, most answered, some archived
  const eventId = e0 + Math.floor(sizes.events * 0.9);
  const s0 = (await maxId("QaSession")) + 1;
  const qaCode = "CITY01";
  await w.insert(
    "QaSession",
    ["id", "eventId", "code", "status", "premoderation", "revision", "extraBlockedWords", "createdAt"],
    [[s0, eventId, qaCode, "open", false, 0, "[]", now]],
  );
  const participants: Value[][] = [];
  for (let i = 0; i < sizes.questions; i++) participants.push([`bench-participant-${s0}-${i}`, now]);
  await w.insert("QaParticipant", ["id", "createdAt"], participants);
  const q0 = (await maxId("QaQuestion")) + 1;
  for (let i = 0; i < sizes.questions; i++) {
    const status = i % 10 === 0 ? "approved" : i % 7 === 0 ? "archived" : "answered";
    const at = new Date(now.getTime() - (sizes.questions - i) * 60_000);
    rows.push([
      q0 + i,
      s0,
      `bench-participant-${s0}-${i}`,
      `Pertanyaan ${text(18)}?`,
      status,
      status === "answered" ? `Jawaban: ${text(20)}` : null,
      status === "answered" ? at : null,
      Math.floor(rand() * 50),
      0,
      false,
      at,
      at,
    ]);
  }
  await flush("QaQuestion", [
    "id",
    "sessionId",
    "participantId",
    "text",
    "status",
    "answerText",
    "answeredAt",
    "voteCount",
    "version",
    "pinned",
    "createdAt",
    "updatedAt",
  ]);

  await w.done();
  const q = Math.floor(new Date(now.getTime() - 120 * DAY).getUTCMonth() / 3) + 1;
  return {
    eventId: e0 + sizes.events - 100,
    topicId: t0 + sizes.topics - 1,
    qaCode,
    reportPeriod: `${new Date(now.getTime() - 120 * DAY).getUTCFullYear()}-Q${q}`,
    counts: {
      users: sizes.users,
      aspirations: sizes.aspirations,
      supports: sizes.aspirations * sizes.supportsPerAspiration,
      events: sizes.events,
      rsvps: sizes.events * sizes.rsvpsPerEvent,
      topics: sizes.topics,
      posts: sizes.topics * sizes.postsPerTopic,
      questions: sizes.questions,
    },
  };
}
