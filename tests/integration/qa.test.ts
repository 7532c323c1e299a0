// Live Q&A over the real server: Socket.IO clients for participants and
// moderators, every moderator action, authorization, bad payloads, two
// moderators at once, a restart mid-session, the forms without JavaScript, and
// the limits and the vote queue that HTTP and Socket.IO share (one module graph).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { openDatabase, type Database } from "~/db/client.server";
import type { ErrorCode } from "~/domain/errors";
import type { Snapshot } from "~/domain/qa/views";
import { anEvent, aQaSession, aQuestion, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { call, data, next, type QaSocket } from "../support/sockets";

type Role = "resident" | "moderator" | "admin";

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

async function connect(c: Client | null, options: { url?: string; headers?: Record<string, string> } = {}): Promise<QaSocket> {
  const s: QaSocket = io(options.url ?? server.url, {
    transports: ["websocket"],
    extraHeaders: { ...(c ? { Cookie: cookieHeader(c) } : {}), ...options.headers },
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

/** The acknowledgement of a refusal: its code for programs, its message key for people. */
const refused = (code: ErrorCode, messageKey: string, params?: Record<string, string | number>) => ({ error: { code, messageKey, ...(params && { params }) } });

/** A browser that opened /qa/CODE (and so has the participant cookie), without a socket yet. */
async function browser(code: string, url = server.url) {
  const c = new Client(url);
  await c.page(`/qa/${code}`);
  expect(c.cookies.has("balai_qa")).toBe(true);
  return c;
}

/** A participant: a browser on /qa/CODE with its socket joined. */
async function participant(code: string) {
  const c = await browser(code);
  const s = await connect(c);
  const snap = data(await call<Snapshot>(s, "qa:join", { code, as: "participant" }));
  return { c, s, snap };
}

/** A signed-in browser of a user built for the test. */
async function signedIn(role: Role, on: { url: string; db: Database["db"] } = { url: server.url, db: db() }) {
  const user = await aUser(on.db, { role });
  const c = new Client(on.url);
  await c.login(user.identifier, user.password);
  return c;
}

async function moderator(code: string, role: Role = "moderator") {
  const c = await signedIn(role);
  const s = await connect(c);
  const snap = data(await call<Snapshot>(s, "qa:join", { code, as: "moderator" }));
  return { c, s, snap };
}

/** A fresh open session on a new event, opened by a moderator over HTTP (the event's Q&A page). */
async function newSession(premoderation: boolean): Promise<string> {
  const c = await signedIn("moderator");
  const event = await anEvent(db());
  const res = await c.post(`/events/${event.id}/qa`, premoderation ? { premoderation: "on" } : {});
  expect(res.status).toBe(302);
  const s = await db().qaSession.findFirstOrThrow({ where: { eventId: event.id } });
  expect(s.premoderation).toBe(premoderation);
  return s.code;
}

async function questionRow(id: number) {
  return db().qaQuestion.findUniqueOrThrow({ where: { id } });
}

/** A form post like `Client.post`, with extra request headers (e.g. X-Forwarded-For behind a proxy). */
async function postForm(c: Client, path: string, fields: Record<string, string>, headers: Record<string, string> = {}, csrf?: string) {
  const token = csrf ?? c.csrf((await c.page(path.split("?")[0])).html);
  return fetch(c.baseUrl + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookieHeader(c), "Content-Type": "application/x-www-form-urlencoded", Origin: c.baseUrl, ...headers },
    body: new URLSearchParams({ csrf: token, ...fields }),
  });
}

describe("pages", () => {
  it("serves the join page, finds a session by code and 404s a wrong one", async () => {
    const session = await aQaSession(db());
    const c = new Client(server.url);
    const join = await c.page("/qa");
    expect(join.html).toContain(session.code);
    expect(join.html).toContain(session.event.title);
    const res = await c.get(`/qa?code=${session.code.toLowerCase()}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/qa/${session.code}`);
    const bad = await c.page("/qa?code=ZZZZZZ");
    expect(bad.status).toBe(404);
    expect(bad.html).toContain("Kode tanya jawab tidak ditemukan");
    const page = await c.page("/qa/ZZZZZZ");
    expect(page.status).toBe(404);
    expect(page.html).toContain("Kode tanya jawab tidak ditemukan");
  });

  it("shows the event's join code and QR to everyone and the open form to moderators only", async () => {
    const session = await aQaSession(db());
    const anon = await new Client(server.url).page(`/events/${session.eventId}/qa`);
    expect(anon.status).toBe(200);
    expect(anon.html).toContain(session.code);
    expect(anon.html).toContain("<svg");
    expect(anon.html).not.toContain(`/qa/${session.code}/moderate`);
    const mod = await signedIn("moderator");
    expect((await mod.page(`/events/${session.eventId}/qa`)).html).toContain(`/qa/${session.code}/moderate`);
    const resident = await signedIn("resident");
    const res = await resident.post(`/events/${session.eventId}/qa`, {}, { fromPage: `/events/${session.eventId}/qa` });
    expect(res.status).toBe(403);
    expect(await db().qaSession.count({ where: { eventId: session.eventId } })).toBe(1);
    expect((await new Client(server.url).page("/events/99999999999999999999/qa")).status).toBe(404);
  });

  // defect 4: a draft event leaked its title and start time through /events/:id/qa
  it("keeps a draft event's Q&A page as hidden as the event itself, for guests and residents", async () => {
    const session = await aQaSession(db(), { event: { status: "draft", title: `Rapat rahasia ${Math.random().toString(36).slice(2, 8)}` } });
    const { eventId } = session;
    const resident = await signedIn("resident");
    for (const c of [new Client(server.url), resident]) {
      expect((await c.page(`/events/${eventId}`)).status).toBe(404);
      const qa = await c.page(`/events/${eventId}/qa`);
      expect(qa.status).toBe(404);
      expect(qa.html).toContain("Acara tidak ditemukan");
      expect(qa.html).not.toContain(session.event.title);
      expect(qa.html).not.toContain(session.code);
      // nor does the join page list it
      expect((await c.page("/qa")).html).not.toContain(session.event.title);
    }
    const mod = await signedIn("moderator");
    const staff = await mod.page(`/events/${eventId}/qa`);
    expect(staff.status).toBe(200);
    expect(staff.html).toContain(session.event.title);
  });

  it("keeps the console and the CSV export for moderators", async () => {
    const session = await aQaSession(db());
    const named = await aQuestion(db(), session.id, { text: "Apakah usaha katering rumahan wajib punya NIB?" });
    await aQuestion(db(), session.id, { displayName: null, text: '=HYPERLINK("http://contoh.test")' });
    const resident = await signedIn("resident");
    expect((await resident.page(`/qa/${session.code}/moderate`)).status).toBe(403);
    expect((await resident.get(`/qa/${session.code}/export.csv`)).status).toBe(403);
    const anon = await new Client(server.url).get(`/qa/${session.code}/moderate`);
    expect(anon.status).toBe(302);
    const mod = await signedIn("moderator");
    expect((await mod.page(`/qa/${session.code}/moderate`)).html).toContain(named.text);
    const csv = await mod.get(`/qa/${session.code}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const body = await csv.text();
    expect(body.split("\r\n")[0]).toContain("id,text,original_text,author,status,votes");
    expect(body).toContain(named.text);
    expect(body).toContain(named.displayName!);
    expect(body).toContain("Anonim");
    expect(body).toContain(`"'=HYPERLINK(""http://contoh.test"")"`);
    expect((await mod.get("/qa/ZZZZZZ/export.csv")).status).toBe(404);
  });
});

describe("participants over Socket.IO", () => {
  it("asks under pre-moderation: only the asker and the moderators see it, then approval publishes it to all", async () => {
    const code = await newSession(true);
    const asker = await participant(code);
    const other = await participant(code);
    const mod = await moderator(code);

    const modSees = next(mod.s, "qa:update", (u) => u.questions.some((q) => q.text.startsWith("Kapan jadwal")));
    const asked = data(
      await call<{ question: { id: number; status: string; mine?: boolean } }>(asker.s, "qa:ask", {
        code,
        text: "Kapan jadwal layanan KTP keliling di RW 07?",
        displayName: "Bu Sri",
      }),
    );
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
    expect(await call(p.s, "qa:ask", { code, text: "Dasar bangsat, jalan rusak terus" })).toEqual(refused("invalid", "qa.validation.profanity"));
    expect(await call(p.s, "qa:ask", { code, text: "x".repeat(301) })).toEqual(refused("invalid", "qa.validation.textLong"));
    expect(await call(p.s, "qa:ask", { code, text: "ini ulah calo" })).toHaveProperty("data");
    data(await call(mod.s, "qa:session", { code, action: "blockedWords", words: "penipu, calo" }));
    expect(await call(p.s, "qa:ask", { code, text: "dasar penipu semua" })).toEqual(refused("invalid", "qa.validation.profanity"));
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan kedua yang sopan" })).toHaveProperty("data");
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan ketiga yang sopan" })).toHaveProperty("data");
    expect(await call(p.s, "qa:ask", { code, text: "Pertanyaan keempat yang sopan" })).toEqual(refused("rate_limited", "qa.rateLimited"));
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
    expect(await questionRow(q1)).toMatchObject({
      status: "approved",
      text: "Bagaimana cara mendaftar NIB untuk usaha warung?",
      originalText: "Bagaimana cara mendaftar NIB untuk warung?",
    });
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
    expect(await call(mod.s, "qa:moderate", { code, questionId: q3, version: before.version, action: "answer" })).toEqual(
      refused("conflict", "qa.notAllowed", { action: "answer" }),
    );
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
    expect(await call(p.s, "qa:ask", { code, text: "Masih bisa bertanya?" })).toEqual(refused("conflict", "qa.closed"));
    expect(await call(p.s, "qa:vote", { code, questionId: q.id, on: true })).toEqual(refused("conflict", "qa.closed"));
    data(await call(mod.s, "qa:session", { code, action: "reopen" }));
    expect((await session()).status).toBe("open");

    data(await call(mod.s, "qa:ban", { code, questionId: q.id }));
    expect(await db().qaBan.count({ where: { sessionId: (await session()).id } })).toBe(1);
    expect(await call(p.s, "qa:ask", { code, text: "Setelah diblokir masih bisa?" })).toEqual(refused("forbidden", "qa.banned"));
    expect(await call(p.s, "qa:vote", { code, questionId: q.id, on: true })).toEqual(refused("forbidden", "qa.banned"));
  });
});

describe("authorization", () => {
  it("refuses every moderator event from an anonymous participant and from a resident, changing nothing", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Pertanyaan untuk uji otorisasi" })).question;
    const resident = await signedIn("resident");
    await resident.page(`/qa/${code}`);
    const residentSocket = await connect(resident);
    data(await call(residentSocket, "qa:join", { code, as: "participant" }));

    const before = JSON.stringify([
      await db().qaQuestion.findMany({ where: { sessionId: { gt: 0 } }, orderBy: { id: "asc" } }),
      await db().qaSession.findMany({ orderBy: { id: "asc" } }),
      await db().qaBan.count(),
    ]);
    const { version } = await questionRow(q.id);
    for (const s of [p.s, residentSocket]) {
      expect(await call(s, "qa:join", { code, as: "moderator" })).toEqual(refused("forbidden", "error.403.text"));
      for (const action of ["approve", "reject", "edit", "label", "pin", "unpin", "answer", "archive", "restore", "show", "next", "merge"]) {
        expect(await call(s, "qa:moderate", { code, questionId: q.id, version, action, text: "diubah", label: "x", reply: "x", intoId: q.id })).toEqual(
          refused("forbidden", "error.403.text"),
        );
      }
      for (const action of ["premoderationOn", "premoderationOff", "close", "reopen", "clearScreen", "clearNext", "blockedWords"]) {
        expect(await call(s, "qa:session", { code, action, words: "a" })).toEqual(refused("forbidden", "error.403.text"));
      }
      expect(await call(s, "qa:ban", { code, questionId: q.id })).toEqual(refused("forbidden", "error.403.text"));
    }
    const after = JSON.stringify([
      await db().qaQuestion.findMany({ where: { sessionId: { gt: 0 } }, orderBy: { id: "asc" } }),
      await db().qaSession.findMany({ orderBy: { id: "asc" } }),
      await db().qaBan.count(),
    ]);
    expect(after).toBe(before);
  });
});

describe("bad payloads", () => {
  it("rejects malformed and oversized payloads and keeps serving", async () => {
    const { code } = await aQaSession(db());
    const p = await participant(code);
    for (const payload of [
      null,
      42,
      "x",
      [],
      { code: 5 },
      { code, questionId: "abc", on: true },
      { code, questionId: "1", on: true },
      { code, questionId: -1, on: true },
      { code, questionId: 1e12, on: "yes" },
      { code, questionId: 1e20, on: true },
    ]) {
      const res = await call(p.s, "qa:vote", payload);
      expect(res).toEqual({ error: expect.objectContaining({ code: "invalid" }) });
    }
    expect(await call(p.s, "qa:moderate", { code, questionId: 1, version: 0, action: "merge", intoId: 1e20 })).toEqual({
      error: expect.objectContaining({ code: "invalid" }),
    });
    expect(await call(p.s, "qa:join", { code: "../../etc", as: "participant" })).toHaveProperty("error");
    expect(await call(p.s, "qa:join", { code, as: "admin" })).toEqual({ error: expect.objectContaining({ code: "invalid" }) });
    expect(await call(p.s, "qa:join", { code: "ZZZZZZ", as: "participant" })).toEqual(refused("not_found", "qa.notFound"));
    expect(await call(p.s, "qa:ask", { code, text: { $gt: "" } })).toHaveProperty("error");
    // no acknowledgement function: ignored, not a crash
    (p.s.emit as (e: string, ...a: unknown[]) => void)("qa:vote", { code, questionId: 1, on: true });
    (p.s.emit as (e: string, ...a: unknown[]) => void)("qa:moderate");

    const big = await participant(code);
    const dropped = new Promise<string>((resolve) => big.s.once("disconnect", (reason) => resolve(reason)));
    big.s.io.opts.reconnection = false;
    big.s.emit("qa:ask", { code, text: "x".repeat(64 * 1024) }, () => undefined);
    expect(await dropped).toBeTruthy();

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await call(p.s, "qa:join", { code, as: "participant" })).toHaveProperty("data");
  });

  it("answers ids beyond the integer range in forms with a 400, not a 500", async () => {
    const { code } = await aQaSession(db());
    const c = await browser(code);
    const vote = await c.post(`/qa/${code}`, { intent: "vote", questionId: "99999999999999999999", on: "true" });
    expect(vote.status).toBe(400);
    const mod = await signedIn("moderator");
    const ban = await mod.post(`/qa/${code}/moderate`, { intent: "ban", questionId: "99999999999999999999" });
    expect(ban.status).toBe(400);
    const merge = await mod.post(`/qa/${code}/moderate`, {
      intent: "moderate",
      questionId: "1",
      version: "0",
      action: "merge",
      intoId: "99999999999999999999",
    });
    expect(merge.status).toBe(400);
  });
});

describe("several moderators", () => {
  it("refuses an action based on an out-of-date view instead of overwriting", async () => {
    const code = await newSession(true);
    const p = await participant(code);
    const q = data(await call<{ question: { id: number } }>(p.s, "qa:ask", { code, text: "Dua moderator sekaligus?" })).question;
    const a = await moderator(code);
    const b = await moderator(code, "admin");
    const { version } = await questionRow(q.id);
    const results = await Promise.all([
      call(a.s, "qa:moderate", { code, questionId: q.id, version, action: "approve" }),
      call(b.s, "qa:moderate", { code, questionId: q.id, version, action: "reject" }),
    ]);
    const errors = results.filter((r) => "error" in r);
    expect(errors).toEqual([refused("conflict", "qa.stale")]);
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
    const mod = await signedIn("moderator");
    const page = await mod.page(`/qa/${code}/moderate`);
    expect(page.html).toContain("Formulir basi tanpa JavaScript?");
    const { version } = await questionRow(q.id);
    const ok = await mod.post(
      `/qa/${code}/moderate`,
      { intent: "moderate", questionId: String(q.id), version: String(version), action: "approve" },
      { csrf: mod.csrf(page.html) },
    );
    expect(ok.status).toBe(200);
    const stale = await mod.post(
      `/qa/${code}/moderate`,
      { intent: "moderate", questionId: String(q.id), version: String(version), action: "reject" },
      { csrf: mod.csrf(page.html) },
    );
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
    const asked = await c.post(
      `/qa/${code}`,
      { intent: "ask", text: "Bisakah RW kami dapat tong sampah terpilah?", displayName: "Pak Budi" },
      { csrf: c.csrf(page.html) },
    );
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
    const mod = await signedIn("moderator");
    const console = await mod.page(`/qa/${code}/moderate`);
    expect(
      (
        await mod.post(
          `/qa/${code}/moderate`,
          { intent: "moderate", questionId: String(row.id), version: String(row.version), action: "approve" },
          { csrf: mod.csrf(console.html) },
        )
      ).status,
    ).toBe(200);

    const voted = await c.post(`/qa/${code}`, { intent: "vote", questionId: String(row.id), on: "true" }, { csrf: c.csrf(after.html) });
    expect(voted.status).toBe(302);
    await c.post(`/qa/${code}`, { intent: "vote", questionId: String(row.id), on: "true" }, { csrf: c.csrf(after.html) });
    expect((await questionRow(row.id)).voteCount).toBe(1);
    const reloaded = await c.page(`/qa/${code}`);
    expect(reloaded.html).toContain("1 suara");
    expect(reloaded.html).toContain("Batalkan dukungan");
  });
});

// One module graph: the limits and the vote queue exist once in the process and
// HTTP (the forms without JavaScript) and Socket.IO share them. Before, the Remix
// bundle and the socket handlers each had their own copy, and the forms passed no IP.
describe("limits and votes shared by HTTP and Socket.IO", () => {
  it("counts questions asked by form against the same participant's questions over Socket.IO", async () => {
    const { code } = await aQaSession(db());
    const c = await browser(code);
    for (let i = 1; i <= 3; i++) {
      const res = await c.post(`/qa/${code}`, { intent: "ask", text: `Pertanyaan lewat formulir nomor ${i}` });
      expect(res.status).toBe(302);
    }
    const s = await connect(c);
    data(await call(s, "qa:join", { code, as: "participant" }));
    expect(await call(s, "qa:ask", { code, text: "Pertanyaan keempat lewat soket" })).toEqual(refused("rate_limited", "qa.rateLimited"));
    const fourth = await c.post(`/qa/${code}`, { intent: "ask", text: "Pertanyaan keempat lewat formulir" });
    expect(fourth.status).toBe(429);
    expect(await fourth.text()).toContain("Terlalu cepat");
    expect(await db().qaQuestion.count({ where: { session: { code } } })).toBe(3);
  });

  describe("per IP, behind a proxy", () => {
    // low per-IP limits; the tick is long so that only the shared queue can store a socket's vote early
    let proxied: RunningServer;
    beforeAll(async () => {
      proxied = await startServer({ env: { TRUST_PROXY: "1", QA_RATE_LIMIT_IP_ASKS: "2", QA_RATE_LIMIT_IP_VOTES: "3", QA_VOTE_TICK_MS: "3000" } });
    });
    afterAll(async () => {
      await proxied?.stop();
    });

    /** the same database handle cannot reach the second server's file: open it for the test */
    async function withDb<T>(fn: (db: Database["db"]) => Promise<T>): Promise<T> {
      const other = await openDatabase(proxied.databaseUrl);
      try {
        return await fn(other.db);
      } finally {
        await other.close();
      }
    }
    const via = (ip: string) => ({ "X-Forwarded-For": ip });

    it("counts questions asked by form against the IP's questions over Socket.IO", async () => {
      const { code } = await withDb((db) => aQaSession(db));
      const venue = "203.0.113.7";
      const first = await browser(code, proxied.url);
      for (let i = 1; i <= 2; i++) {
        const res = await postForm(first, `/qa/${code}`, { intent: "ask", text: `Pertanyaan dari Wi-Fi balai ${i}` }, via(venue));
        expect(res.status).toBe(302);
      }
      // another phone on the venue's Wi-Fi (a made-up address in front does not help)
      const second = await browser(code, proxied.url);
      const s = await connect(second, { url: proxied.url, headers: via(`198.51.100.9, ${venue}`) });
      data(await call(s, "qa:join", { code, as: "participant" }));
      expect(await call(s, "qa:ask", { code, text: "Pertanyaan ketiga dari Wi-Fi balai" })).toEqual(refused("rate_limited", "qa.rateLimited"));
      expect((await postForm(second, `/qa/${code}`, { intent: "ask", text: "Pertanyaan ketiga lewat formulir" }, via(venue))).status).toBe(429);
      // a phone elsewhere may still ask
      const elsewhere = await connect(await browser(code, proxied.url), { url: proxied.url, headers: via("198.51.100.10") });
      data(await call(elsewhere, "qa:join", { code, as: "participant" }));
      expect(await call(elsewhere, "qa:ask", { code, text: "Pertanyaan dari rumah" })).toHaveProperty("data");
    });

    it("counts votes by form against the IP's votes over Socket.IO", async () => {
      const { code, questions } = await withDb(async (db) => {
        const session = await aQaSession(db);
        const questions = [];
        for (let i = 0; i < 4; i++) questions.push(await aQuestion(db, session.id));
        return { code: session.code, questions };
      });
      const venue = "203.0.113.8";
      const first = await browser(code, proxied.url);
      for (const q of questions.slice(0, 2)) {
        expect((await postForm(first, `/qa/${code}`, { intent: "vote", questionId: String(q.id), on: "true" }, via(venue))).status).toBe(302);
      }
      const s = await connect(await browser(code, proxied.url), { url: proxied.url, headers: via(venue) });
      data(await call(s, "qa:join", { code, as: "participant" }));
      expect(await call(s, "qa:vote", { code, questionId: questions[2].id, on: true })).toHaveProperty("data");
      expect(await call(s, "qa:vote", { code, questionId: questions[3].id, on: true })).toEqual(refused("rate_limited", "qa.rateLimited"));
      expect(await withDb((db) => db.qaVote.count({ where: { question: { session: { code } } } }))).toBe(3);
    });

    it("stores votes from the socket and the form in one queue: one batch, one count everywhere", async () => {
      const { code, question } = await withDb(async (db) => {
        const session = await aQaSession(db);
        return { code: session.code, question: await aQuestion(db, session.id) };
      });
      const mod = await withDb((db) => signedIn("moderator", { url: proxied.url, db }));
      const modSocket = await connect(mod, { url: proxied.url });
      data(await call(modSocket, "qa:join", { code, as: "moderator" }));
      const modSees = next(modSocket, "qa:votes", (p) => p.counts.some(([id, n]) => id === question.id && n === 2));

      const phone = await connect(await browser(code, proxied.url), { url: proxied.url, headers: via("203.0.113.9") });
      data(await call(phone, "qa:join", { code, as: "participant" }));
      const form = await browser(code, proxied.url);
      const csrf = form.csrf();
      // the socket's vote waits in the queue for the hub's next commit (the tick is 3 s, the fallback 1 s)...
      const socketVote = call<{ voteCount: number }>(phone, "qa:vote", { code, questionId: question.id, on: true });
      await new Promise((r) => setTimeout(r, 100));
      // ...and the form's vote commits that same queue: when the form is answered, both are stored
      expect((await postForm(form, `/qa/${code}`, { intent: "vote", questionId: String(question.id), on: "true" }, via("203.0.113.10"), csrf)).status).toBe(
        302,
      );
      const stored = await withDb(async (db) => ({
        votes: await db.qaVote.count({ where: { questionId: question.id } }),
        row: await db.qaQuestion.findUniqueOrThrow({ where: { id: question.id } }),
      }));
      expect(stored).toMatchObject({ votes: 2, row: { voteCount: 2 } });
      expect(data(await socketVote).voteCount).toBe(2);
      await modSees;
      expect((await mod.page(`/qa/${code}/moderate`)).html).toContain(`data-votes="2"`);
    });
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

// The participant page with a city's worth of questions: the open ones come a page at a
// time (?open=N, a link that works without JavaScript); the socket's snapshot follows the page.
describe("open questions in pages", () => {
  it("shows the first 50 open questions with a link to more, keeps the page after a form vote, and joins with the same page", async () => {
    const session = await aQaSession(db());
    const base = Date.now() - 3_600_000;
    const made: Awaited<ReturnType<typeof aQuestion>>[] = [];
    for (let i = 0; i < 70; i++)
      made.push(await aQuestion(db(), session.id, { text: `Pertanyaan terbuka nomor ${i} ?`, createdAt: new Date(base + i * 1000) }));
    const c = new Client(server.url);
    const first = await c.page(`/qa/${session.code}`);
    expect(first.html).toContain("Pertanyaan terbuka nomor 49 ?");
    expect(first.html).not.toContain("Pertanyaan terbuka nomor 50 ?");
    expect(first.html).toContain("50 dari 70 pertanyaan terbuka ditampilkan");
    expect(first.html).toMatch(new RegExp(`href="/qa/${session.code}\\?open=100#q-${made[49]!.id}"[^>]*>Lebih banyak pertanyaan`));
    const newest = await c.page(`/qa/${session.code}?sort=newest`);
    expect(newest.html).toContain("Pertanyaan terbuka nomor 69 ?");
    expect(newest.html).not.toContain("Pertanyaan terbuka nomor 19 ?");
    expect(newest.html).toContain("sort=newest&amp;open=100");
    const more = await c.page(`/qa/${session.code}?open=100`);
    expect(more.html).toContain("Pertanyaan terbuka nomor 69 ?");
    expect(more.html).not.toContain("Lebih banyak pertanyaan");
    // a vote without JavaScript comes back to the same, longer page
    const voted = await c.post(`/qa/${session.code}?open=100`, { intent: "vote", questionId: String(made[60]!.id), on: "true" }, { csrf: c.csrf(more.html) });
    expect(voted.status).toBe(302);
    expect(voted.headers.get("location")).toBe(`/qa/${session.code}?open=100#q-${made[60]!.id}`);
    // the socket: the first page by default, the longer one when the page asks for it
    const s = await connect(c);
    const short = data(await call<Snapshot>(s, "qa:join", { code: session.code, as: "participant" }));
    expect(short.open).toEqual({ total: 70, shown: 50 });
    expect(short.questions.filter((q) => q.status === "approved")).toHaveLength(50);
    const long = data(await call<Snapshot>(s, "qa:join", { code: session.code, as: "participant", open: 100, sort: "newest" }));
    expect(long.open).toEqual({ total: 70, shown: 70 });
    expect(long.questions[0]!.id).toBe(made[69]!.id);
  });
});
