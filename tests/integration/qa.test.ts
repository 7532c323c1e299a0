// Live Q&A over the real server: Socket.IO clients for participants and
// moderators, every moderator action, authorization, bad payloads, two
// moderators at once, a restart mid-session, and the forms without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { openDatabase, type Database } from "~/db/client.server";
import type { Snapshot } from "~/domain/qa/qa.server";
import type { ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

type QaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type AckResult<T = unknown> = { data: T } | { error: string };

let server: RunningServer;
let database: Database;
const sockets: QaSocket[] = [];

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await database?.close();
  await server?.stop();
});

const db = () => database.db;

function cookieHeader(c: Client) {
  return [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

async function connect(c: Client | null): Promise<QaSocket> {
  const s: QaSocket = io(server.url, {
    transports: ["websocket"],
    extraHeaders: c ? { Cookie: cookieHeader(c) } : {},
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

function call<T = unknown>(s: QaSocket, event: string, ...args: unknown[]): Promise<AckResult<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    (s.emit as (e: string, ...a: unknown[]) => void)(event, ...args, (res: AckResult<T>) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

function data<T>(res: AckResult<T>): T {
  if ("error" in res) throw new Error(`unexpected error ${res.error}`);
  return res.data;
}

function next<E extends keyof ServerToClientEvents>(s: QaSocket, event: E, match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true, timeout = 5000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, handler as never);
      reject(new Error(`no ${event}`));
    }, timeout);
    const handler = (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(p)) return;
      clearTimeout(timer);
      s.off(event, handler as never);
      resolve(p);
    };
    s.on(event, handler as never);
  });
}

/** A participant: a browser that opened /qa/CODE (and so has the participant cookie). */
async function participant(code: string) {
  const c = new Client(server.url);
  await c.page(`/qa/${code}`);
  expect(c.cookies.has("balai_qa")).toBe(true);
  const s = await connect(c);
  const snap = data(await call<Snapshot>(s, "qa:join", { code, as: "participant" }));
  return { c, s, snap };
}

async function moderator(code: string, email = "moderator@balai.test") {
  const c = new Client(server.url);
  await c.login(email);
  const s = await connect(c);
  const snap = data(await call<Snapshot>(s, "qa:join", { code, as: "moderator" }));
  return { c, s, snap };
}

/** A fresh open session on a demo event, opened by a moderator over HTTP. */
async function newSession(premoderation: boolean): Promise<string> {
  const c = new Client(server.url);
  await c.login("moderator@balai.test");
  const event = await db().event.create({
    data: { kind: "dialogue", status: "published", title: `Ngopi Dursa uji ${Math.random().toString(36).slice(2, 6)}`, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), venueName: "Pendopo", venueAddress: "Jl. Raya Bekasi Timur" },
  });
  const res = await c.post(`/events/${event.id}/qa`, premoderation ? { premoderation: "on" } : {});
  expect(res.status).toBe(302);
  const s = await db().qaSession.findFirstOrThrow({ where: { eventId: event.id } });
  expect(s.premoderation).toBe(premoderation);
  return s.code;
}

async function questionRow(id: number) {
  return db().qaQuestion.findUniqueOrThrow({ where: { id } });
}

describe("pages", () => {
  it("serves the join page, finds a session by code and 404s a wrong one", async () => {
    const c = new Client(server.url);
    expect((await c.page("/qa")).html).toContain("KOPI42");
    const res = await c.get("/qa?code=kopi42");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/qa/KOPI42");
    const bad = await c.page("/qa?code=ZZZZZZ");
    expect(bad.status).toBe(404);
    expect(bad.html).toContain("Kode tanya jawab tidak ditemukan");
  });

  it("shows the event's join code and QR to everyone and the open form to moderators only", async () => {
    const session = await db().qaSession.findUniqueOrThrow({ where: { code: "KOPI42" } });
    const anon = await new Client(server.url).page(`/events/${session.eventId}/qa`);
    expect(anon.html).toContain("KOPI42");
    expect(anon.html).toContain("<svg");
    expect(anon.html).not.toContain("/qa/KOPI42/moderate");
    const resident = new Client(server.url);
    await resident.login("warga@balai.test");
    const res = await resident.post(`/events/${session.eventId}/qa`, {}, { fromPage: `/events/${session.eventId}/qa` });
    expect(res.status).toBe(403);
  });

  it("keeps the console and the CSV export for moderators", async () => {
    const resident = new Client(server.url);
    await resident.login("warga@balai.test");
    expect((await resident.page("/qa/KOPI42/moderate")).status).toBe(403);
    expect((await resident.get("/qa/KOPI42/export.csv")).status).toBe(403);
    const anon = await new Client(server.url).get("/qa/KOPI42/moderate");
    expect(anon.status).toBe(302);
    const mod = new Client(server.url);
    await mod.login("moderator@balai.test");
    const csv = await mod.get("/qa/KOPI42/export.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const body = await csv.text();
    expect(body.split("\r\n")[0]).toContain("id,text,original_text,author,status,votes");
    expect(body).toContain("Apakah usaha katering rumahan wajib punya NIB");
    expect(body).toContain("Anonim");
  });
});

describe("participants over Socket.IO", () => {
  it("asks under pre-moderation: only the asker and the moderators see it, then approval publishes it to all", async () => {
    const code = await newSession(true);
    const asker = await participant(code);
    const other = await participant(code);
    const mod = await moderator(code);

    const modSees = next(mod.s, "qa:update", (u) => u.questions.some((q) => q.text.startsWith("Kapan jadwal")));
    const asked = data(await call<{ question: { id: number; status: string; mine?: boolean } }>(asker.s, "qa:ask", { code, text: "Kapan jadwal layanan KTP keliling di RW 07?", displayName: "Bu Sri" }));
    expect(asked.question).toMatchObject({ status: "pending", mine: true });
    const update = await modSees;
    expect(update.questions[0].author).toBeTruthy();
    const stored = await questionRow(asked.question.id);
    expect(stored.status).toBe("pending");

    const otherSnap = data(await call<Snapshot>(other.s, "qa:join", { code, as: "participant" }));
    expect(otherSnap.questions.map((q) => q.id)).not.toContain(asked.question.id);
    const askerSnap = data(await call<Snapshot>(asker.s, "qa:join", { code, as: "participant" }));
    expect(askerSnap.questions.find((q) => q.id === asked.question.id)).toMatchObject({ status: "pending", mine: true });

    const otherSees = next(other.s, "qa:update", (u) => u.questions.some((q) => q.id === asked.question.id));
    data(await call(mod.s, "qa:moderate", { code, questionId: asked.question.id, version: stored.version, action: "approve" }));
    const pub = await otherSees;
    expect(pub.questions[0]).toMatchObject({ id: asked.question.id, status: "approved", displayName: "Bu Sri" });
    expect(pub.questions[0]).not.toHaveProperty("author");
    expect(pub.revision).toBe(otherSnap.session.revision + 1);
  });

  it("counts one vote per participant, takes it back, and coalesces counts to everyone", async () => {
    const code = await newSession(false);
    const a = await participant(code);
    const b = await participant(code);
    const q = data(await call<{ question: { id: number } }>(a.s, "qa:ask", { code, text: "Apakah ada bank sampah di Klender?" })).question;
    const seen = next(b.s, "qa:votes", (p) => p.counts.some(([id, n]) => id === q.id && n === 1));
    const first = data(await call<{ voteCount: number }>(b.s, "qa:vote", { code, questionId: q.id, on: true }));
    const retry = data(await call<{ voteCount: number }>(b.s, "qa:vote", { code, questionId: q.id, on: true }));
    expect(first.voteCount).toBe(1);
    expect(retry.voteCount).toBe(1);
    await seen;
    const two = data(await call<{ voteCount: number }>(a.s, "qa:vote", { code, questionId: q.id, on: true }));
    expect(two.voteCount).toBe(2);
    const back = data(await call<{ voteCount: number }>(b.s, "qa:vote", { code, questionId: q.id, on: false }));
    expect(back.voteCount).toBe(1);
    expect((await questionRow(q.id)).voteCount).toBe(1);
    expect(await db().qaVote.count({ where: { questionId: q.id } })).toBe(1);
  });

  it("refuses profanity (with the moderators' extra words), over-long text and too many questions", async () => {
    const code = await newSession(false);
    const p = await participant(code);
    const mod = await moderator(code);
    expect(await call(p.s, "qa:ask", { code, text: "Dasar bangsat, jalan rusak terus" })).toEqual({ error: "qa.validation.profanity" });
    expect(await call(p.s, "qa:ask", { code, text: "x".repeat(301) })).toEqual({ error: "qa.validation.textLong" });
    expect(await call(p.s, "qa:ask", { code, text: "ini ulah calo" })).toHaveProperty("data");
    data(await call(mod.s, "qa:session", { code, action: "blockedWords", words: "penipu, calo" }));
    expect(await call(p.s, "qa:ask", { code, text: "dasar penipu semua" })).toEqual({ error: "qa.validation.profanity" });
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan kedua yang sopan" })).toHaveProperty("data");
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan ketiga yang sopan" })).toHaveProperty("data");
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan keempat yang sopan" })).toEqual({ error: "qa.rateLimited" });
  });
});

describe("every moderator action over Socket.IO", () => {
  it("approves, edits, labels, pins, puts on screen, sets next, answers, archives, restores, rejects and merges", async () => {
    const code = await newSession(true);
    const asker = await participant(code);
    const voter = await participant(code);
    const mod = await moderator(code);
    const ask = async (text: string) => data(await call<{ question: { id: number } }>(asker.s, "qa:ask", { code, text })).question.id;
    const q1 = await ask("Bagaimana cara mendaftar NIB untuk warung?");
    const q2 = await ask("Cara daftar NIB untuk warung itu bagaimana?");
    const q3 = await ask("Iklan: jual pulsa murah hubungi saya");
    const act = async (questionId: number, action: string, extra: Record<string, unknown> = {}) => {
      const { version } = await questionRow(questionId);
      return data(await call<{ revision: number }>(mod.s, "qa:moderate", { code, questionId, version, action, ...extra }));
    };

    await act(q1, "approve", { text: "Bagaimana cara mendaftar NIB untuk usaha warung?" });
    expect(await questionRow(q1)).toMatchObject({ status: "approved", text: "Bagaimana cara mendaftar NIB untuk usaha warung?", originalText: "Bagaimana cara mendaftar NIB untuk warung?" });
    const askerSees = next(asker.s, "qa:mine", (p) => p.questions.some((q) => q.id === q3 && q.status === "rejected"));
    await act(q3, "reject");
    expect((await questionRow(q3)).status).toBe("rejected");
    await askerSees;
    await act(q2, "edit", { text: "Cara daftar NIB untuk warung bagaimana ya?" });
    expect((await questionRow(q2)).text).toBe("Cara daftar NIB untuk warung bagaimana ya?");
    await act(q2, "approve");
    await act(q1, "label", { label: "Perizinan" });
    expect((await questionRow(q1)).label).toBe("Perizinan");
    await act(q1, "pin");
    expect((await questionRow(q1)).pinned).toBe(true);
    await act(q1, "unpin");
    expect((await questionRow(q1)).pinned).toBe(false);

    const screenSocket = await connect(null);
    data(await call(screenSocket, "qa:join", { code, as: "screen" }));
    const screenSees = next(screenSocket, "qa:update", (u) => u.session.onScreenQuestionId === q1 && u.questions.some((q) => q.id === q1));
    await act(q1, "show");
    await screenSees;
    await act(q2, "next");
    let session = await db().qaSession.findUniqueOrThrow({ where: { code } });
    expect(session).toMatchObject({ onScreenQuestionId: q1, nextQuestionId: q2 });

    // merge: votes add up, nobody counted twice
    data(await call(voter.s, "qa:vote", { code, questionId: q1, on: true }));
    data(await call(voter.s, "qa:vote", { code, questionId: q2, on: true }));
    data(await call(asker.s, "qa:vote", { code, questionId: q2, on: true }));
    await act(q2, "merge", { intoId: q1 });
    expect(await questionRow(q2)).toMatchObject({ status: "archived", mergedIntoId: q1 });
    expect((await questionRow(q1)).voteCount).toBe(2);
    session = await db().qaSession.findUniqueOrThrow({ where: { code } });
    expect(session.nextQuestionId).toBeNull();

    await act(q1, "answer", { reply: "Daftar di oss.go.id; petugas PTSP siap membantu setiap Senin." });
    expect(await questionRow(q1)).toMatchObject({ status: "answered", answerText: "Daftar di oss.go.id; petugas PTSP siap membantu setiap Senin." });
    await act(q1, "archive");
    expect((await questionRow(q1)).status).toBe("archived");
    await act(q1, "restore");
    expect((await questionRow(q1)).status).toBe("approved");
    await act(q2, "restore");
    expect(await questionRow(q2)).toMatchObject({ status: "approved", mergedIntoId: null });

    // an action the state machine forbids changes nothing
    const before = await questionRow(q3);
    expect(await call(mod.s, "qa:moderate", { code, questionId: q3, version: before.version, action: "answer" })).toEqual({ error: "qa.notAllowed" });
    expect(await questionRow(q3)).toEqual(before);
  });

  it("switches pre-moderation, clears screen and next, closes and reopens, and bans", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const mod = await moderator(code);
    const session = () => db().qaSession.findUniqueOrThrow({ where: { code } });
    data(await call(mod.s, "qa:session", { code, action: "premoderationOff" }));
    expect((await session()).premoderation).toBe(false);
    const q = data(await call<{ question: { id: number; status: string } }>(p.s, "qa:ask", { code, text: "Langsung tampil tanpa diperiksa?" })).question;
    expect(q.status).toBe("approved");
    data(await call(mod.s, "qa:session", { code, action: "premoderationOn" }));
    expect((await session()).premoderation).toBe(true);

    const { version } = await questionRow(q.id);
    data(await call(mod.s, "qa:moderate", { code, questionId: q.id, version, action: "show" }));
    data(await call(mod.s, "qa:moderate", { code, questionId: q.id, version: version + 1, action: "next" }));
    expect((await session()).nextQuestionId).toBe(q.id);
    data(await call(mod.s, "qa:session", { code, action: "clearNext" }));
    expect((await session()).nextQuestionId).toBeNull();
    data(await call(mod.s, "qa:moderate", { code, questionId: q.id, version: version + 2, action: "show" }));
    data(await call(mod.s, "qa:session", { code, action: "clearScreen" }));
    expect((await session()).onScreenQuestionId).toBeNull();

    const closed = next(p.s, "qa:update", (u) => u.session.status === "closed");
    data(await call(mod.s, "qa:session", { code, action: "close" }));
    await closed;
    expect((await session()).status).toBe("closed");
    expect(await call(p.s, "qa:ask", { code, text: "Masih bisa bertanya?" })).toEqual({ error: "qa.closed" });
    expect(await call(p.s, "qa:vote", { code, questionId: q.id, on: true })).toEqual({ error: "qa.closed" });
    data(await call(mod.s, "qa:session", { code, action: "reopen" }));
    expect((await session()).status).toBe("open");

    data(await call(mod.s, "qa:ban", { code, questionId: q.id }));
    expect(await db().qaBan.count({ where: { sessionId: (await session()).id } })).toBe(1);
    expect(await call(p.s, "qa:ask", { code, text: "Setelah diblokir masih bisa?" })).toEqual({ error: "qa.banned" });
    expect(await call(p.s, "qa:vote", { code, questionId: q.id, on: true })).toEqual({ error: "qa.banned" });
  });
});

describe("authorization", () => {
  it("refuses every moderator event from an anonymous participant and from a resident, changing nothing", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Pertanyaan untuk uji otorisasi" })).question;
    const resident = new Client(server.url);
    await resident.login("warga@balai.test");
    await resident.page(`/qa/${code}`);
    const residentSocket = await connect(resident);
    data(await call(residentSocket, "qa:join", { code, as: "participant" }));

    const before = JSON.stringify([await db().qaQuestion.findMany({ where: { sessionId: { gt: 0 } }, orderBy: { id: "asc" } }), await db().qaSession.findMany({ orderBy: { id: "asc" } }), await db().qaBan.count()]);
    const { version } = await questionRow(q.id);
    for (const s of [p.s, residentSocket]) {
      expect(await call(s, "qa:join", { code, as: "moderator" })).toEqual({ error: "error.403.text" });
      for (const action of ["approve", "reject", "edit", "label", "pin", "unpin", "answer", "archive", "restore", "show", "next", "merge"]) {
        expect(await call(s, "qa:moderate", { code, questionId: q.id, version, action, text: "diubah", label: "x", reply: "x", intoId: q.id })).toEqual({ error: "error.403.text" });
      }
      for (const action of ["premoderationOn", "premoderationOff", "close", "reopen", "clearScreen", "clearNext", "blockedWords"]) {
        expect(await call(s, "qa:session", { code, action, words: "a" })).toEqual({ error: "error.403.text" });
      }
      expect(await call(s, "qa:ban", { code, questionId: q.id })).toEqual({ error: "error.403.text" });
    }
    const after = JSON.stringify([await db().qaQuestion.findMany({ where: { sessionId: { gt: 0 } }, orderBy: { id: "asc" } }), await db().qaSession.findMany({ orderBy: { id: "asc" } }), await db().qaBan.count()]);
    expect(after).toBe(before);
  });
});

describe("bad payloads", () => {
  it("rejects malformed and oversized payloads and keeps serving", async () => {
    const p = await participant("KOPI42");
    for (const payload of [null, 42, "x", [], { code: 5 }, { code: "KOPI42", questionId: "abc", on: true }, { code: "KOPI42", questionId: -1, on: true }, { code: "KOPI42", questionId: 1e12, on: "yes" }]) {
      const res = await call(p.s, "qa:vote", payload);
      expect(res).toHaveProperty("error");
    }
    expect(await call(p.s, "qa:join", { code: "../../etc", as: "participant" })).toHaveProperty("error");
    expect(await call(p.s, "qa:join", { code: "KOPI42", as: "admin" })).toHaveProperty("error");
    expect(await call(p.s, "qa:ask", { code: "KOPI42", text: { $gt: "" } })).toHaveProperty("error");
    // no acknowledgement function: ignored, not a crash
    (p.s.emit as (e: string, ...a: unknown[]) => void)("qa:vote", { code: "KOPI42", questionId: 1, on: true });
    (p.s.emit as (e: string, ...a: unknown[]) => void)("qa:moderate");

    const big = await participant("KOPI42");
    const dropped = new Promise<string>((resolve) => big.s.once("disconnect", (reason) => resolve(reason)));
    big.s.io.opts.reconnection = false;
    big.s.emit("qa:ask", { code: "KOPI42", text: "x".repeat(64 * 1024) }, () => undefined);
    expect(await dropped).toBeTruthy();

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await call(p.s, "qa:join", { code: "KOPI42", as: "participant" })).toHaveProperty("data");
  });
});

describe("several moderators", () => {
  it("refuses an action based on an out-of-date view instead of overwriting", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Dua moderator sekaligus?" })).question;
    const a = await moderator(code);
    const b = await moderator(code, "admin@balai.test");
    const { version } = await questionRow(q.id);
    const results = await Promise.all([
      call(a.s, "qa:moderate", { code, questionId: q.id, version, action: "approve" }),
      call(b.s, "qa:moderate", { code, questionId: q.id, version, action: "reject" }),
    ]);
    const errors = results.filter((r) => "error" in r);
    expect(errors).toEqual([{ error: "qa.stale" }]);
    const winner = "data" in results[0] ? "approved" : "rejected";
    expect((await questionRow(q.id)).status).toBe(winner);
    expect((await questionRow(q.id)).version).toBe(version + 1);
    // the refused console fetches a fresh snapshot and can act on it
    const fresh = data(await call<Snapshot>(b.s, "qa:join", { code, as: "moderator" }));
    const current = fresh.questions.find((x) => x.id === q.id)!;
    expect(current.version).toBe(version + 1);
    expect(await call(b.s, "qa:moderate", { code, questionId: q.id, version: current.version, action: "archive" })).toHaveProperty("data");
  });

  it("answers a stale form without JavaScript with 409 and the refreshed console", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Formulir basi tanpa JavaScript?" })).question;
    const mod = new Client(server.url);
    await mod.login("moderator@balai.test");
    const page = await mod.page(`/qa/${code}/moderate`);
    expect(page.html).toContain("Formulir basi tanpa JavaScript?");
    const { version } = await questionRow(q.id);
    const ok = await mod.post(`/qa/${code}/moderate`, { intent: "moderate", questionId: String(q.id), version: String(version), action: "approve" }, { csrf: mod.csrf(page.html) });
    expect(ok.status).toBe(200);
    const stale = await mod.post(`/qa/${code}/moderate`, { intent: "moderate", questionId: String(q.id), version: String(version), action: "reject" }, { csrf: mod.csrf(page.html) });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("baru saja diubah moderator lain");
    expect((await questionRow(q.id)).status).toBe("approved");
  });
});

describe("without JavaScript", () => {
  it("asks and votes with plain forms and shows the state on reload", async () => {
    const code = await newSession(true);
    const c = new Client(server.url);
    const page = await c.page(`/qa/${code}`);
    const asked = await c.post(`/qa/${code}`, { intent: "ask", text: "Bisakah RW kami dapat tong sampah terpilah?", displayName: "Pak Budi" }, { csrf: c.csrf(page.html) });
    expect(asked.status).toBe(302);
    const after = await c.page(`/qa/${code}`);
    expect(after.html).toContain("Bisakah RW kami dapat tong sampah terpilah?");
    expect(after.html).toContain("Menunggu diperiksa moderator");
    const stranger = await new Client(server.url).page(`/qa/${code}`);
    expect(stranger.html).not.toContain("tong sampah terpilah");

    const bad = await c.post(`/qa/${code}`, { intent: "ask", text: "abc" }, { csrf: c.csrf(after.html) });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Pertanyaan terlalu pendek");
    expect(badHtml).toContain(">abc</textarea>");

    const row = await db().qaQuestion.findFirstOrThrow({ where: { session: { code } } });
    const mod = new Client(server.url);
    await mod.login("moderator@balai.test");
    const console = await mod.page(`/qa/${code}/moderate`);
    expect((await mod.post(`/qa/${code}/moderate`, { intent: "moderate", questionId: String(row.id), version: String(row.version), action: "approve" }, { csrf: mod.csrf(console.html) })).status).toBe(200);

    const voted = await c.post(`/qa/${code}`, { intent: "vote", questionId: String(row.id), on: "true" }, { csrf: c.csrf(after.html) });
    expect(voted.status).toBe(302);
    await c.post(`/qa/${code}`, { intent: "vote", questionId: String(row.id), on: "true" }, { csrf: c.csrf(after.html) });
    expect((await questionRow(row.id)).voteCount).toBe(1);
    const reloaded = await c.page(`/qa/${code}`);
    expect(reloaded.html).toContain("1 suara");
    expect(reloaded.html).toContain("Batalkan dukungan");
  });
});

describe("restart mid-session", () => {
  it("loses nothing, and clients reconnect and resynchronise by themselves", async () => {
    const code = await newSession(false);
    const p = await participant(code);
    const other = await participant(code);
    const mod = await moderator(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Apakah data tersimpan setelah server mulai ulang?" })).question;
    data(await call(other.s, "qa:vote", { code, questionId: q.id, on: true }));
    const { version } = await questionRow(q.id);
    data(await call(mod.s, "qa:moderate", { code, questionId: q.id, version, action: "show" }));

    // every client re-joins on (re)connect, as the pages do
    const rejoined = [p, other, mod].map(
      ({ s }, i) =>
        new Promise<Snapshot>((resolve) => {
          s.once("connect", async () => {
            const res = await call<Snapshot>(s, "qa:join", { code, as: i === 2 ? "moderator" : "participant" });
            resolve(data(res));
          });
        }),
    );
    await database.close();
    server = await server.restart();
    database = await openDatabase(server.databaseUrl);
    const [pSnap, otherSnap, modSnap] = await Promise.all(rejoined);
    expect(pSnap.questions.find((x) => x.id === q.id)).toMatchObject({ voteCount: 1, mine: true });
    expect(otherSnap.myVotes).toContain(q.id);
    expect(modSnap.session.onScreenQuestionId).toBe(q.id);
    // and the session goes on
    const seen = next(p.s, "qa:votes", (v) => v.counts.some(([id, n]) => id === q.id && n === 2));
    data(await call(mod.s, "qa:join", { code, as: "moderator" }));
    const res = data(await call<{ voteCount: number }>(p.s, "qa:vote", { code, questionId: q.id, on: true }));
    expect(res.voteCount).toBe(2);
    await seen;
  });
});
