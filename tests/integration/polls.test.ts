// Live polls over the real server (issue 17): answers over Socket.IO and by plain
// forms, results coalesced to the room, every moderator action authorized over
// HTTP and the socket, a stale version refused, the CSV and the event summary,
// and a restart in the middle of a poll keeping every acknowledged answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { openDatabase, type Database } from "~/db/client.server";
import type { Snapshot } from "~/domain/qa/views";
import type { PollSnapshot } from "~/realtime/contract";
import { aPoll, aPollAnswer, aQaSession, aUser } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { call, data, next, type QaSocket } from "../support/sockets";

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
const cookieHeader = (c: Client) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

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

async function browser(code: string) {
  const c = new Client(server.url);
  await c.page(`/qa/${code}`);
  expect(c.cookies.has("balai_qa")).toBe(true);
  return c;
}

async function participant(code: string) {
  const c = await browser(code);
  const s = await connect(c);
  data(await call<Snapshot>(s, "qa:join", { code, as: "participant" }));
  return { c, s };
}

async function signedIn(role: "resident" | "moderator") {
  const user = await aUser(db(), { role });
  const c = new Client(server.url);
  await c.login(user.identifier, user.password);
  return c;
}

async function moderator(code: string) {
  const c = await signedIn("moderator");
  const s = await connect(c);
  data(await call<Snapshot>(s, "qa:join", { code, as: "moderator" }));
  return { c, s };
}

const newSession = async () => (await aQaSession(db())).code;
const sessionOf = async (code: string) => db().qaSession.findUniqueOrThrow({ where: { code } });

describe("answering", () => {
  it("stores a socket answer before the ack and sends the results to the room coalesced per tick", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const poll = await aPoll(db(), session.id, { status: "open", options: ["Sudah", "Belum"] });
    const screen = await connect(null);
    data(await call(screen, "qa:join", { code, as: "screen" }));
    const people = await Promise.all([participant(code), participant(code), participant(code)]);
    const seen = next(screen, "poll:results", (m) => m.results.some((r) => r.pollId === poll.id && r.answers === 3));
    const acks = await Promise.all(
      people.map(({ s }, i) => call<{ answerId: number }>(s, "poll:answer", { code, pollId: poll.id, optionIds: [poll.options[i % 2].id] })),
    );
    const ids = acks.map((a) => data(a).answerId);
    // stored before acknowledged
    expect(await db().qaPollAnswer.count({ where: { id: { in: ids } } })).toBe(3);
    const message = await seen;
    expect(message.through).toBeGreaterThanOrEqual(Math.max(...ids));
    expect(message.results.find((r) => r.pollId === poll.id)?.rows.map((r) => r.count)).toEqual([2, 1]);
    // a change of answer replaces it: still one per participant
    data(await call(people[0].s, "poll:answer", { code, pollId: poll.id, optionIds: [poll.options[1].id] }));
    expect(await db().qaPollAnswer.count({ where: { pollId: poll.id } })).toBe(3);
    // the participant's view after (re)joining carries the answer and the results
    const snap = data(await call<PollSnapshot>(people[0].s, "poll:current", { code, as: "participant" }));
    expect(snap.current?.mine?.optionIds).toEqual([poll.options[1].id]);
    expect(snap.current?.results?.rows.map((r) => r.count)).toEqual([1, 2]);
  });

  it("refuses bad answers with typed errors: invalid payloads, words through the filter, closed polls, sockets that did not join", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    await db().qaSession.update({ where: { id: session.id }, data: { extraBlockedWords: JSON.stringify(["calo"]) } });
    const cloud = await aPoll(db(), session.id, { kind: "words", status: "open" });
    const p = await participant(code);
    expect(await call(p.s, "poll:answer", { code, pollId: "x" })).toMatchObject({ error: { code: "invalid" } });
    expect(await call(p.s, "poll:answer", { code, pollId: 2 ** 40 })).toMatchObject({ error: { code: "invalid" } });
    expect(await call(p.s, "poll:answer", { code, pollId: cloud.id, words: "Calo" })).toEqual({
      error: { code: "invalid", messageKey: "qa.validation.profanity" },
    });
    expect(await call(p.s, "poll:answer", { code, pollId: cloud.id, words: "satu dua tiga empat" })).toMatchObject({
      error: { code: "invalid", messageKey: "polls.validation.words" },
    });
    expect(data(await call<{ words: string }>(p.s, "poll:answer", { code, pollId: cloud.id, words: "  Izin   USAHA " })).words).toBe("izin usaha");
    await db().qaPoll.update({ where: { id: cloud.id }, data: { status: "closed" } });
    expect(await call(p.s, "poll:answer", { code, pollId: cloud.id, words: "pajak" })).toEqual({ error: { code: "conflict", messageKey: "polls.notOpen" } });
    const stranger = await connect(await browser(code));
    expect(await call(stranger, "poll:answer", { code, pollId: cloud.id, words: "pajak" })).toMatchObject({
      error: { code: "conflict", messageKey: "qa.notJoined" },
    });
  });

  it("answers by plain form without JavaScript; the results page shows after answering", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const poll = await aPoll(db(), session.id, { status: "open", question: "Siapa yang sudah pernah memakai JAKI?", options: ["Sudah", "Belum"] });
    const c = await browser(code);
    const page = await c.page(`/qa/${code}`);
    expect(page.html).toContain("Siapa yang sudah pernah memakai JAKI?");
    expect(page.html).toContain(`action="/qa/${code}/poll"`);
    // nothing chosen: back to the form with the error next to the choices
    const empty = await c.post(`/qa/${code}/poll`, { pollId: String(poll.id) }, { fromPage: `/qa/${code}` });
    expect(empty.status).toBe(400);
    const res = await c.post(`/qa/${code}/poll`, { pollId: String(poll.id), optionIds: String(poll.options[0].id) }, { fromPage: `/qa/${code}` });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/qa/${code}/poll#poll`);
    const results = await c.page(`/qa/${code}/poll`);
    expect(results.html).toContain("1 (100%)");
    expect(await db().qaPollAnswer.count({ where: { pollId: poll.id } })).toBe(1);
  });
});

describe("moderators", () => {
  it("refuses every moderator action to guests and residents, over HTTP and the socket", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const poll = await aPoll(db(), session.id);
    const other = await aPoll(db(), (await aQaSession(db())).id);
    const forms: Record<string, string>[] = [
      { intent: "create", kind: "words", question: "Apa kabar?" },
      { intent: "action", pollId: String(poll.id), version: "0", action: "open" },
      { intent: "action", pollId: String(poll.id), version: "0", action: "showResults" },
      { intent: "copy", sourceId: String(other.id) },
      { intent: "edit", pollId: String(poll.id), version: "0", kind: "words", question: "Diubah tamu?" },
      { intent: "delete", pollId: String(poll.id), version: "0" },
    ];
    const resident = await signedIn("resident");
    for (const fields of forms) {
      const guest = new Client(server.url);
      const g = await guest.post(`/qa/${code}/polls`, fields, { fromPage: `/qa/${code}` });
      expect([302, 303]).toContain(g.status);
      expect(g.headers.get("location")).toContain("/login");
      expect((await resident.post(`/qa/${code}/polls`, fields, { fromPage: `/qa/${code}` })).status).toBe(403);
    }
    expect((await resident.get(`/qa/${code}/polls`)).status).toBe(403);
    const s = await connect(resident);
    data(await call(s, "qa:join", { code, as: "participant" }));
    expect(await call(s, "poll:moderate", { code, pollId: poll.id, version: 0, action: "open" })).toMatchObject({ error: { code: "forbidden" } });
    expect(await call(s, "poll:current", { code, as: "moderator" })).toMatchObject({ error: { code: "forbidden" } });
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ status: "draft", showResults: false });
    expect(await db().qaPoll.count({ where: { sessionId: session.id } })).toBe(1);
  });

  it("runs a poll by forms: create, open, show results, close, reopen, copy; the room hears each change", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const mod = await moderator(code);
    const p = await participant(code);
    const created = await mod.c.post(
      `/qa/${code}/polls`,
      { intent: "create", kind: "single", question: "Siapa yang sudah pernah memakai JAKI?", options: "Sudah\nBelum" },
      { fromPage: `/qa/${code}/moderate` },
    );
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/qa/${code}/moderate#polls`);
    const poll = await db().qaPoll.findFirstOrThrow({ where: { sessionId: session.id }, include: { options: true } });
    const opened = next(p.s, "poll:state", (m) => m.polls.some((x) => x.poll.id === poll.id && x.poll.status === "open"));
    expect(
      (await mod.c.post(`/qa/${code}/polls`, { intent: "action", pollId: String(poll.id), version: "0", action: "open" }, { fromPage: `/qa/${code}/moderate` }))
        .status,
    ).toBe(302);
    await opened;
    for (const [action, version] of [
      ["showResults", 1],
      ["close", 2],
      ["reopen", 3],
    ] as const) {
      expect(
        (
          await mod.c.post(
            `/qa/${code}/polls`,
            { intent: "action", pollId: String(poll.id), version: String(version), action },
            { fromPage: `/qa/${code}/moderate` },
          )
        ).status,
      ).toBe(302);
    }
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ status: "open", showResults: true, version: 4 });
    const consolePage = await mod.c.page(`/qa/${code}/moderate`);
    expect(consolePage.html).toContain("Siapa yang sudah pernah memakai JAKI?");
    // copy into a later session
    const later = await newSession();
    const laterMod = await signedIn("moderator");
    expect((await laterMod.post(`/qa/${later}/polls`, { intent: "copy", sourceId: String(poll.id) }, { fromPage: `/qa/${later}/moderate` })).status).toBe(302);
    const copy = await db().qaPoll.findFirstOrThrow({ where: { session: { code: later } }, include: { options: true } });
    expect(copy).toMatchObject({ status: "draft", copiedFromId: poll.id, question: poll.question });
    expect(copy.options.map((o) => o.label)).toEqual(["Sudah", "Belum"]);
  });

  it("changes and deletes a draft by plain forms: prefilled, validated next to the field, moderators hear it, participants never see drafts", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const draft = await aPoll(db(), session.id, { kind: "single", options: ["Pasar", "Kuliner"] });
    const mod = await moderator(code);
    const p = await participant(code);
    const heardByParticipant: unknown[] = [];
    p.s.on("poll:state", (m) => heardByParticipant.push(m));
    // the console's panel: the draft's change form, prefilled with its fields, and its delete button
    const panel = await mod.c.page(`/qa/${code}/polls`);
    expect(panel.html).toContain(`id="poll-${draft.id}-question"`);
    expect(panel.html).toMatch(new RegExp(`<textarea[^>]*id="poll-${draft.id}-options"[^>]*>Pasar\nKuliner</textarea>`));
    // refused: the error next to its field, what was typed kept, nothing stored
    const refused = await mod.c.post(
      `/qa/${code}/polls`,
      { intent: "edit", pollId: String(draft.id), version: "0", kind: "single", question: "Stan apa tahun depan?", options: "Hanya satu" },
      { fromPage: `/qa/${code}/polls` },
    );
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain(`id="poll-${draft.id}-options-error"`);
    expect(refusedHtml).toContain("Hanya satu");
    expect(refusedHtml).not.toContain('id="poll-options-error"');
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ question: draft.question, version: 0 });
    // changed
    const heard = next(mod.s, "poll:state", (m) => m.polls.some((x) => x.poll.id === draft.id && x.poll.question === "Stan apa tahun depan?"));
    const edited = await mod.c.post(
      `/qa/${code}/polls`,
      { intent: "edit", pollId: String(draft.id), version: "0", kind: "multiple", question: "Stan apa tahun depan?", options: "Pasar\nKesehatan\nUMKM" },
      { fromPage: `/qa/${code}/polls` },
    );
    expect(edited.status).toBe(302);
    expect((await heard).polls[0].poll).toMatchObject({
      kind: "multiple",
      version: 1,
      options: [{ label: "Pasar" }, { label: "Kesehatan" }, { label: "UMKM" }],
    });
    // the old version is stale now
    const stale = await mod.c.post(`/qa/${code}/polls`, { intent: "delete", pollId: String(draft.id), version: "0" }, { fromPage: `/qa/${code}/polls` });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("baru saja diubah");
    // deleted: the consoles drop it
    const removed = next(mod.s, "poll:state", (m) => (m.removed ?? []).includes(draft.id));
    expect(
      (await mod.c.post(`/qa/${code}/polls`, { intent: "delete", pollId: String(draft.id), version: "1" }, { fromPage: `/qa/${code}/polls` })).status,
    ).toBe(302);
    await removed;
    expect(await db().qaPoll.findUnique({ where: { id: draft.id } })).toBeNull();
    expect((await mod.c.page(`/qa/${code}/polls`)).html).not.toContain(`data-poll-id="${draft.id}"`);
    // an opened poll cannot be changed or deleted
    const asked = await aPoll(db(), session.id, { status: "open" });
    const locked = await mod.c.post(
      `/qa/${code}/polls`,
      { intent: "edit", pollId: String(asked.id), version: "0", kind: "words", question: "Sesudah dibuka?" },
      { fromPage: `/qa/${code}/polls` },
    );
    expect(locked.status).toBe(409);
    expect(await locked.text()).toContain("hanya draf");
    expect(
      (await mod.c.post(`/qa/${code}/polls`, { intent: "delete", pollId: String(asked.id), version: "0" }, { fromPage: `/qa/${code}/polls` })).status,
    ).toBe(409);
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({ status: "open", question: asked.question });
    await new Promise((r) => setTimeout(r, 300));
    expect(heardByParticipant).toEqual([]);
  });

  it("refuses a stale version from the second moderator, over HTTP and the socket, without overwriting", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const poll = await aPoll(db(), session.id);
    const first = await moderator(code);
    const second = await moderator(code);
    expect(data(await call<{ version: number }>(first.s, "poll:moderate", { code, pollId: poll.id, version: 0, action: "open" })).version).toBe(1);
    expect(await call(second.s, "poll:moderate", { code, pollId: poll.id, version: 0, action: "showResults" })).toEqual({
      error: { code: "conflict", messageKey: "qa.stale" },
    });
    const res = await second.c.post(
      `/qa/${code}/polls`,
      { intent: "action", pollId: String(poll.id), version: "0", action: "close" },
      { fromPage: `/qa/${code}/moderate` },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("baru saja diubah");
    expect(await db().qaPoll.findUniqueOrThrow({ where: { id: poll.id } })).toMatchObject({ status: "open", showResults: false, version: 1 });
  });

  it("exports polls with the session's CSV and keeps them in the closed event's summary", async () => {
    const s = await aQaSession(db(), { event: { status: "completed" } });
    const poll = await aPoll(db(), s.id, { kind: "words", status: "closed", question: "Layanan apa yang paling sulit?" });
    for (const w of ["izin usaha", "izin usaha", "bpjs"]) await aPollAnswer(db(), poll, { words: w });
    const mod = await signedIn("moderator");
    const csv = await (await mod.get(`/qa/${s.code}/export.csv`)).text();
    expect(csv).toContain(`${poll.id},words,Layanan apa yang paling sulit?,closed,3,izin usaha,2,67`);
    const guest = new Client(server.url);
    const summary = await guest.page(`/events/${s.eventId}`);
    expect(summary.html).toContain("Layanan apa yang paling sulit?");
    expect(summary.html).toContain("3 jawaban");
    expect(summary.html).toContain("2 (67%)");
  });
});

describe("restart mid-poll", () => {
  it("keeps every acknowledged answer, and the room goes on counting", async () => {
    const code = await newSession();
    const session = await sessionOf(code);
    const poll = await aPoll(db(), session.id, { status: "open", options: ["Sudah", "Belum"] });
    const people = await Promise.all(Array.from({ length: 6 }, () => participant(code)));
    const acked = await Promise.all(
      people.map(({ s }, i) => call<{ answerId: number }>(s, "poll:answer", { code, pollId: poll.id, optionIds: [poll.options[i % 2].id] })),
    );
    const ids = acked.map((a) => data(a).answerId);
    const rejoined = people.map(
      ({ s }) =>
        new Promise<void>((resolve) => {
          s.once("connect", async () => {
            data(await call(s, "qa:join", { code, as: "participant" }));
            resolve();
          });
        }),
    );
    await database.close();
    server = await server.restart();
    database = await openDatabase(server.databaseUrl);
    await Promise.all(rejoined);
    expect(await db().qaPollAnswer.count({ where: { id: { in: ids } } })).toBe(6);
    const seen = next(people[0].s, "poll:results", (m) => m.results.some((r) => r.pollId === poll.id && r.answers === 6));
    data(await call(people[0].s, "poll:answer", { code, pollId: poll.id, optionIds: [poll.options[1].id] }));
    expect((await seen).results[0].rows.map((r) => r.count)).toEqual([2, 4]);
  });
});
