// Discussions over real HTTP: who may do what, what each reader sees, and what is recorded.
// Every test builds its own people, categories and topics (prisma/builders).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import type { Role } from "~/domain/accounts/roles";
import { VISIBLE_DEPTH } from "~/domain/discussions/tree";
import { translator } from "~/i18n";
import { aCategory, anEvent, aReply, aStaffMember, aTopic, aUser, unique } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const t = translator("id");
const DAY = 86_400_000;
const clients: Record<string, Client> = {};
const users: Record<string, { id: number; name: string }> = {};
let categoryId: number;

/** a person of `role`, signed in with their own client */
async function signIn(name: string, role: Role = "resident", createdAt = new Date(Date.now() - 400 * DAY)) {
  const user = role === "resident" ? await aUser(db(), { createdAt }) : await aStaffMember(db(), role, { createdAt });
  const client = new Client(server.url);
  await client.login(user.identifier, user.password);
  clients[name] = client;
  users[name] = user;
  return user;
}

beforeAll(async () => {
  server = await startServer();
  database = await openDatabase(server.databaseUrl);
  clients.anon = new Client(server.url);
  categoryId = (await aCategory(db())).id;
  for (const name of ["warga", "rahmat", "nur", "joko"]) await signIn(name);
  await signIn("mod", "moderator");
  await signIn("planner", "planner");
  await signIn("admin", "admin");
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const db = () => database.db;
const location = (res: Response) => res.headers.get("location") ?? "";

/** a fresh topic by `who` with one reply ("Balasan uji.") by `replier`; returns ids */
async function fixture(who = "warga", replier = "rahmat") {
  const topic = await aTopic(db(), { author: users[who], categoryId, body: "Pertanyaan *uji*." });
  const reply = await aReply(db(), topic.root, { author: users[replier], body: "Balasan uji." });
  return { topicId: topic.id, root: topic.root, rootId: topic.root.id, replyId: reply.id, title: topic.title };
}

describe("reading", () => {
  it("lists topics and opens threads for everyone, in both languages", async () => {
    const topic = await aTopic(db(), { author: users.warga, categoryId, title: `Syarat membuat KIA ${unique()}` });
    const answer = await aReply(db(), topic.root, { author: users.mod, isOfficial: true, body: "Bawa **Kartu Keluarga asli** dan akta kelahiran." });
    await db().topic.update({ where: { id: topic.id }, data: { officialAnswerPostId: answer.id, status: "answered" } });
    const list = await clients.anon.page("/discussions");
    expect(list.status).toBe(200);
    expect(list.html).toContain(topic.title);
    const page = await clients.anon.page(`/discussions/${topic.id}`);
    expect(page.html).toContain(t("discussions.officialAnswer"));
    expect(page.html).toContain("<strong>Kartu Keluarga asli</strong>");
    expect(page.html).not.toContain('name="intent"');
    const en = await clients.anon.page(`/discussions/${topic.id}?lang=en`);
    expect(en.html).toContain("Official answer");
    await clients.anon.page("/discussions?lang=id");
  });

  it("searches topics and replies by keyword", async () => {
    const word = `jelantah${unique()}`;
    const { root, title } = await fixture();
    await aReply(db(), root, { author: users.nur, body: `Minyak ${word} ditampung di botol.` });
    const res = await clients.anon.page(`/discussions?q=${word}`);
    expect(res.html).toContain(title);
    expect(res.html).toContain("Balasan yang cocok");
  });

  it("shows a deep thread to a readable depth, then continues it on its own page", async () => {
    const topic = await aTopic(db(), { author: users.nur, categoryId });
    let parent = await aReply(db(), topic.root, { author: users.joko });
    for (let depth = 2; depth <= VISIBLE_DEPTH + 2; depth++)
      parent = await aReply(db(), parent, { author: depth % 2 ? users.nur : users.rahmat, body: `Lapis ${depth}.` });
    const deepest = `Lapis ${VISIBLE_DEPTH + 2}.`;
    const page = await clients.anon.page(`/discussions/${topic.id}`);
    const m = page.html.match(/href="(\/discussions\/\d+\/posts\/(\d+))"[^>]*>Lanjutkan utas ini/);
    expect(m).not.toBeNull();
    const sub = await clients.anon.page(m![1]);
    expect(sub.status).toBe(200);
    expect(sub.html).toContain(deepest);
    expect(page.html).not.toContain(deepest);
  });

  it("gives every event its own thread, found again on the next visit", async () => {
    const event = await anEvent(db());
    const first = await clients.anon.get(`/events/${event.id}/discussion`);
    expect(first.status).toBe(302);
    const again = await clients.anon.get(`/events/${event.id}/discussion`);
    expect(location(again)).toBe(location(first));
    const page = await clients.anon.page(location(first));
    expect(page.html).toContain(event.title);
    expect((await clients.anon.get("/events/999999/discussion")).status).toBe(404);
  });
});

describe("posting", () => {
  it("creates a topic through the form", async () => {
    const title = `Topik dari formulir ${unique()}`;
    const res = await clients.warga.post(
      "/discussions/new",
      { title, categoryId: String(categoryId), body: "Pertanyaan *uji*." },
      { fromPage: "/discussions/new" },
    );
    expect(res.status).toBe(302);
    const topicId = Number(location(res).split("/").pop());
    const topic = await db().topic.findUniqueOrThrow({ where: { id: topicId }, include: { posts: true } });
    expect(topic).toMatchObject({ title, categoryId, authorId: users.warga.id });
    expect(topic.posts.map((p) => p.bodyHtml.trim())).toEqual(["<p>Pertanyaan <em>uji</em>.</p>"]);
  });

  it("sends signed-out visitors to the login page for every write", async () => {
    const { topicId, rootId } = await fixture();
    expect(location(await clients.anon.get("/discussions/new"))).toMatch(/^\/login\?redirectTo=/);
    const res = await clients.anon.post(`/discussions/${topicId}`, { intent: "reply", parentId: String(rootId), body: "Halo" }, { fromPage: "/login" });
    expect(res.status).toBe(302);
    expect(location(res)).toMatch(/^\/login/);
  });

  it("validates topics and keeps what was typed", async () => {
    const res = await clients.warga.post("/discussions/new", { title: "abc", categoryId: "", body: "Isi yang panjang" }, { fromPage: "/discussions/new" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Judul 5 sampai 160 karakter.");
    expect(html).toContain("Pilih kategori.");
    expect(html).toContain("Isi yang panjang");
  });

  it("replies nest, render sanitized markdown, and staff replies are official", async () => {
    const { topicId, replyId } = await fixture();
    const res = await clients.warga.post(`/discussions/${topicId}`, {
      intent: "reply",
      parentId: String(replyId),
      body: "**Tebal** <script>alert(1)</script> [tautan](https://jakarta.go.id)",
      back: `/discussions/${topicId}`,
    });
    expect(res.status).toBe(302);
    expect(location(res)).toMatch(new RegExp(`^/discussions/${topicId}#post-\\d+$`));
    const nested = await db().post.findFirstOrThrow({ where: { parentId: replyId } });
    expect(nested.depth).toBe(2);
    expect(nested.path.startsWith((await db().post.findUniqueOrThrow({ where: { id: replyId } })).path)).toBe(true);
    const html = (await clients.anon.page(`/discussions/${topicId}`)).html;
    expect(html).toContain("<strong>Tebal</strong>");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain('rel="nofollow ugc noopener"');
    await clients.mod.post(`/discussions/${topicId}`, { intent: "reply", parentId: String(replyId), body: "Jawaban petugas." });
    expect((await db().post.findFirstOrThrow({ where: { parentId: replyId, authorId: users.mod.id } })).isOfficial).toBe(true);
    expect((await clients.anon.page(`/discussions/${topicId}`)).html).toContain("Resmi · Moderator");
  });

  it("lets only the author edit (with a marker and revisions for moderators) and delete (tombstone)", async () => {
    const { topicId, replyId } = await fixture("warga", "rahmat");
    const other = await clients.nur.post(`/discussions/${topicId}`, { intent: "edit", postId: String(replyId), body: "Diubah orang lain" });
    expect(other.status).toBe(403);
    const edit = await clients.rahmat.post(`/discussions/${topicId}`, { intent: "edit", postId: String(replyId), body: "Balasan yang sudah diperbaiki." });
    expect(edit.status).toBe(302);
    const asResident = (await clients.nur.page(`/discussions/${topicId}`)).html;
    expect(asResident).toContain("(diedit)");
    expect(asResident).not.toContain("Versi sebelumnya");
    const asMod = (await clients.mod.page(`/discussions/${topicId}`)).html;
    expect(asMod).toContain("Versi sebelumnya (1)");
    expect(asMod).toContain("Balasan uji.");
    expect((await clients.nur.post(`/discussions/${topicId}`, { intent: "delete", postId: String(replyId) })).status).toBe(403);
    expect((await clients.rahmat.post(`/discussions/${topicId}`, { intent: "delete", postId: String(replyId) })).status).toBe(302);
    const after = (await clients.anon.page(`/discussions/${topicId}`)).html;
    expect(after).toContain("Tulisan ini dihapus oleh penulisnya.");
    expect(after).not.toContain("Balasan yang sudah diperbaiki.");
  });

  it("counts a support once per person and never one's own", async () => {
    const { topicId, replyId } = await fixture("warga", "rahmat");
    const post = (c: string, intent = "support") => clients[c].post(`/discussions/${topicId}`, { intent, postId: String(replyId) });
    expect((await post("warga")).status).toBe(302);
    expect((await post("warga")).status).toBe(409);
    expect((await post("rahmat")).status).toBe(409);
    expect((await post("nur")).status).toBe(302);
    expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).supportCount).toBe(2);
    expect((await post("nur", "unsupport")).status).toBe(302);
    expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).supportCount).toBe(1);
  });
});

describe("moderation", () => {
  it("refuses every moderator action to residents and planners", async () => {
    const { topicId, replyId } = await fixture();
    const attempts: Record<string, string>[] = [
      { intent: "hide", postId: String(replyId), reason: "Tidak pantas" },
      { intent: "restore", postId: String(replyId) },
      { intent: "approve", postId: String(replyId) },
      { intent: "reject", postId: String(replyId), reason: "Tidak pantas" },
      { intent: "answer", postId: String(replyId) },
      { intent: "unanswer", topicId: String(topicId) },
      { intent: "topic", topicId: String(topicId), status: "closed", locked: "on" },
      { intent: "block", userId: String(users.rahmat.id), reason: "Spam berulang" },
      { intent: "unblock", userId: String(users.rahmat.id) },
    ];
    for (const who of ["warga", "planner"]) {
      for (const fields of attempts) {
        const res = await clients[who].post(`/discussions/${topicId}`, fields, { fromPage: `/discussions/${topicId}` });
        expect(res.status, `${who} ${fields.intent}`).toBe(403);
      }
    }
    expect((await db().topic.findUniqueOrThrow({ where: { id: topicId } })).locked).toBe(false);
    expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).status).toBe("visible");
    expect((await clients.warga.page("/discussions/moderation")).status).toBe(403);
    expect(location(await clients.anon.get("/discussions/moderation"))).toMatch(/^\/login/);
  });

  it("hides with a reason the tombstone shows, notifies the author, audits, and restores", async () => {
    const { topicId, replyId } = await fixture("warga", "rahmat");
    const res = await clients.mod.post(`/discussions/${topicId}`, { intent: "hide", postId: String(replyId), reason: "Berisi data pribadi warga lain" });
    expect(res.status).toBe(302);
    const seen = (await clients.nur.page(`/discussions/${topicId}`)).html;
    expect(seen).toContain("disembunyikan oleh moderator. Alasan: Berisi data pribadi warga lain");
    expect(seen).not.toContain("Balasan uji.");
    expect((await clients.mod.page(`/discussions/${topicId}`)).html).toContain("Balasan uji.");
    expect(await db().notification.count({ where: { userId: users.rahmat.id, messageKey: "discussions.notify.hidden" } })).toBeGreaterThan(0);
    expect(await db().auditLog.count({ where: { action: "discussions.post.hide", targetId: String(replyId), actorId: users.mod.id } })).toBe(1);
    expect((await clients.mod.post(`/discussions/${topicId}`, { intent: "restore", postId: String(replyId), reason: "Sudah dikoreksi" })).status).toBe(302);
    expect((await clients.nur.page(`/discussions/${topicId}`)).html).toContain("Balasan uji.");
    expect(await db().auditLog.count({ where: { action: "discussions.post.restore", targetId: String(replyId) } })).toBe(1);
  });

  it("hides a post reported by the configured number of different people, queued for review", async () => {
    const { topicId, replyId } = await fixture("warga", "rahmat");
    const report = (c: string) => clients[c].post(`/discussions/${topicId}`, { intent: "report", postId: String(replyId), reason: "Menghina warga" });
    expect((await report("rahmat")).status).toBe(409); // own post
    expect((await report("warga")).status).toBe(302);
    expect((await report("warga")).status).toBe(409); // once each
    expect((await report("nur")).status).toBe(302);
    expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).status).toBe("visible");
    expect((await report("joko")).status).toBe(302);
    expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).status).toBe("hidden");
    expect((await clients.anon.page(`/discussions/${topicId}`)).html).toContain("dilaporkan beberapa warga");
    const queue = await clients.mod.page("/discussions/moderation");
    expect(queue.status).toBe(200);
    expect(queue.html).toContain("Menghina warga");
    expect(queue.html).toContain("Disembunyikan otomatis");
    expect(await db().notification.count({ where: { userId: users.rahmat.id, messageKey: "discussions.notify.autoHidden" } })).toBeGreaterThan(0);
  });

  it("lets the admin change the threshold; nobody else", async () => {
    expect((await clients.mod.page("/admin/categories")).status).toBe(403);
    const before = await db().auditLog.count({ where: { action: "discussions.settings.update" } });
    const bad = await clients.admin.post("/admin/categories?settings=1", { reportThreshold: "0", newAccountDays: "7" }, { fromPage: "/admin/categories" });
    expect(bad.status).toBe(400);
    const ok = await clients.admin.post("/admin/categories?settings=1", { reportThreshold: "1", newAccountDays: "7" }, { fromPage: "/admin/categories" });
    expect(ok.status).toBe(302);
    try {
      const { topicId, replyId } = await fixture("warga", "rahmat");
      await clients.nur.post(`/discussions/${topicId}`, { intent: "report", postId: String(replyId), reason: "Spam iklan" });
      expect((await db().post.findUniqueOrThrow({ where: { id: replyId } })).status).toBe("hidden");
    } finally {
      await clients.admin.post("/admin/categories?settings=1", { reportThreshold: "3", newAccountDays: "7" }, { fromPage: "/admin/categories" });
    }
    expect(await db().auditLog.count({ where: { action: "discussions.settings.update" } })).toBe(before + 2);
  });

  it("marks an official answer, pins, locks and closes topics", async () => {
    const { topicId, rootId, replyId, title } = await fixture("warga", "rahmat");
    const newer = await aTopic(db(), { author: users.nur, categoryId });
    expect((await clients.mod.post(`/discussions/${topicId}`, { intent: "answer", postId: String(replyId) })).status).toBe(302);
    const topic = await db().topic.findUniqueOrThrow({ where: { id: topicId } });
    expect(topic.officialAnswerPostId).toBe(replyId);
    expect(topic.status).toBe("answered");
    expect((await clients.anon.page(`/discussions/${topicId}`)).html).toContain('id="official-answer"');
    expect(
      (await clients.mod.post(`/discussions/${topicId}`, { intent: "topic", topicId: String(topicId), status: "closed", pinned: "on", locked: "on" })).status,
    ).toBe(302);
    const res = await clients.nur.post(`/discussions/${topicId}`, { intent: "reply", parentId: String(rootId), body: "Masih bisa?" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Topik ini dikunci atau ditutup.");
    expect((await clients.nur.page(`/discussions/${topicId}`)).html).toContain("Topik ini dikunci");
    // pinned first, before a topic with later activity
    const list = (await clients.anon.page("/discussions")).html;
    expect(list.indexOf(title)).toBeGreaterThan(-1);
    expect(list.indexOf(title)).toBeLessThan(list.indexOf(newer.title));
    expect(await db().auditLog.count({ where: { action: "discussions.topic.update", targetId: String(topicId) } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "discussions.topic.officialAnswer", targetId: String(topicId) } })).toBe(1);
  });

  it("blocks a user from posting and unblocks; staff cannot be blocked", async () => {
    const { topicId, rootId } = await fixture("warga", "nur");
    expect((await clients.mod.post(`/discussions/${topicId}`, { intent: "block", userId: String(users.planner.id), reason: "Coba blokir staf" })).status).toBe(
      409,
    );
    expect((await clients.mod.post(`/discussions/${topicId}`, { intent: "block", userId: String(users.joko.id), reason: "Spam berulang" })).status).toBe(302);
    const res = await clients.joko.post(`/discussions/${topicId}`, { intent: "reply", parentId: String(rootId), body: "Coba lagi" });
    expect(res.status).toBe(403);
    expect((await clients.joko.page(`/discussions/${topicId}`)).html).toContain("Akun Anda diblokir dari menulis di diskusi. Alasan: Spam berulang");
    expect((await clients.mod.page("/discussions/moderation")).html).toContain("Spam berulang");
    expect(
      (
        await clients.mod.post(
          "/discussions/moderation",
          { intent: "unblock", userId: String(users.joko.id), back: "/discussions/moderation" },
          { fromPage: "/discussions/moderation" },
        )
      ).status,
    ).toBe(302);
    expect(
      (await clients.joko.post(`/discussions/${topicId}`, { intent: "reply", parentId: String(rootId), body: "Terima kasih, saya akan lebih sopan." })).status,
    ).toBe(302);
    expect(
      await db().auditLog.count({ where: { action: { in: ["discussions.user.block", "discussions.user.unblock"] }, targetId: String(users.joko.id) } }),
    ).toBe(2);
    expect(await db().notification.count({ where: { userId: users.joko.id, messageKey: "discussions.notify.blocked" } })).toBe(1);
  });

  it("holds new accounts' first posts in categories that require approval", async () => {
    const cat = await aCategory(db(), { nameId: `Kesehatan ${unique()}` });
    const page = await clients.admin.page("/admin/categories");
    expect(page.html).toContain(cat.nameId);
    const save = await clients.admin.post(
      "/admin/categories",
      { categoryId: String(cat.id), slug: cat.slug, nameId: cat.nameId, nameEn: cat.nameEn, position: String(cat.position), requireApproval: "on" },
      { fromPage: "/admin/categories" },
    );
    expect(save.status).toBe(302);
    const newcomer = await signIn("newcomer", "resident", new Date());
    const res = await clients.newcomer.post(
      "/discussions/new",
      { title: "Imunisasi anak di puskesmas", categoryId: String(cat.id), body: "Jadwalnya kapan?" },
      { fromPage: "/discussions/new" },
    );
    expect(res.status).toBe(302);
    const topicId = Number(location(res).split("/").pop());
    expect((await db().topic.findUniqueOrThrow({ where: { id: topicId } })).authorId).toBe(newcomer.id);
    expect((await clients.newcomer.page(`/discussions/${topicId}`)).html).toContain("Menunggu persetujuan moderator");
    expect((await clients.warga.page(`/discussions/${topicId}`)).status).toBe(404);
    const root = await db().post.findFirstOrThrow({ where: { topicId, parentId: null } });
    expect((await clients.mod.page("/discussions/moderation")).html).toContain("Imunisasi anak di puskesmas");
    expect(
      (
        await clients.mod.post(
          "/discussions/moderation",
          { intent: "approve", postId: String(root.id), back: "/discussions/moderation" },
          { fromPage: "/discussions/moderation" },
        )
      ).status,
    ).toBe(302);
    expect((await clients.warga.page(`/discussions/${topicId}`)).status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "discussions.category.update", targetId: String(cat.id) } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "discussions.post.approve", targetId: String(root.id) } })).toBe(1);
  });

  it("offers staff the aspiration form on posts and links aspirations made from a post", async () => {
    const { topicId, replyId } = await fixture("warga", "rahmat");
    expect((await clients.warga.page(`/discussions/${topicId}`)).html).not.toContain(`/aspirations/from-post/${replyId}`);
    expect((await clients.planner.page(`/discussions/${topicId}`)).html).toContain(`action="/aspirations/from-post/${replyId}"`);
    const code = `DSK-UJI-${unique().toUpperCase()}`;
    await db().aspiration.create({ data: { code, title: "Dari diskusi", description: "Uji", channel: "discussion", sourcePostId: replyId } });
    expect((await clients.anon.page(`/discussions/${topicId}`)).html).toContain(`href="/aspirations/${code}"`);
  });

  it("lets only admins manage categories", async () => {
    const existing = await aCategory(db());
    expect(
      (await clients.warga.post("/admin/categories", { slug: `baru-${unique()}`, nameId: "Baru", nameEn: "New", position: "9" }, { fromPage: "/discussions" }))
        .status,
    ).toBe(403);
    const dup = await clients.admin.post(
      "/admin/categories",
      { slug: existing.slug, nameId: "Lain", nameEn: "Other", position: "9" },
      { fromPage: "/admin/categories" },
    );
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain("Kode ini sudah dipakai kategori lain.");
    const nameId = `Keamanan dan ketertiban ${unique()}`;
    const ok = await clients.admin.post(
      "/admin/categories",
      { slug: `keamanan-${unique()}`, nameId, nameEn: "Safety and order", position: "9" },
      { fromPage: "/admin/categories" },
    );
    expect(ok.status).toBe(302);
    expect((await clients.anon.page("/discussions")).html).toContain(nameId);
  });
});

// Defect 5 (issue 10): ids beyond the databases' integer range answered 500.
describe("ids beyond the integer range", () => {
  const huge = "99999999999999999999";

  /** what any refused write could have left behind */
  const written = async () =>
    Promise.all([
      db().topic.count(),
      db().post.count(),
      db().category.count(),
      db().postSupport.count(),
      db().postReport.count(),
      db().postRevision.count(),
      db().auditLog.count(),
      db().notification.count(),
      db().post.count({ where: { status: { not: "visible" } } }),
    ]);

  it("in a form field (parentId, postId, categoryId, kelurahanId, userId) are a 400 with a clear message, and nothing is written", async () => {
    const { topicId } = await fixture();
    const before = await written();
    const refused = async (client: Client, path: string, fields: Record<string, string>, fromPage = path) => {
      const res = await client.post(path, fields, { fromPage });
      expect(res.status, `${path} ${JSON.stringify(fields)}`).toBe(400);
      expect(await res.text(), `${path} ${JSON.stringify(fields)}`).toContain(t("error.invalid"));
    };
    const thread = `/discussions/${topicId}`;
    await refused(clients.warga, thread, { intent: "reply", parentId: huge, body: "Balasan ke tulisan yang tidak ada.", back: thread });
    for (const intent of ["edit", "delete", "support", "unsupport", "report"]) {
      await refused(clients.warga, thread, { intent, postId: huge, body: "Isi baru yang cukup panjang.", reason: "Alasan yang cukup." });
    }
    for (const intent of ["hide", "restore", "approve", "reject", "answer"]) {
      await refused(clients.mod, thread, { intent, postId: huge, reason: "Alasan moderator." });
    }
    await refused(clients.mod, thread, { intent: "topic", topicId: huge, status: "closed" });
    await refused(clients.mod, "/discussions/moderation", { intent: "approve", postId: huge, back: "/discussions/moderation" });
    await refused(clients.mod, "/discussions/moderation", { intent: "block", userId: huge, reason: "Spam berulang", back: "/discussions/moderation" });
    await refused(clients.warga, "/discussions/new", { title: "Topik dengan kategori palsu", categoryId: huge, body: "Isi topik." });
    await refused(clients.warga, "/discussions/new", {
      title: "Topik dengan kelurahan palsu",
      categoryId: String(categoryId),
      kelurahanId: huge,
      body: "Isi topik.",
    });
    await refused(clients.admin, "/admin/categories", { categoryId: huge, slug: `palsu-${unique()}`, nameId: "Palsu", nameEn: "Fake", position: "1" });
    expect(await written()).toEqual(before);
  });

  it("in a URL are a 404 with the area's message (paths) or filter nothing (query), never a 500", async () => {
    const { topicId, replyId } = await fixture();
    for (const path of [`/discussions/${huge}`, `/discussions/${topicId}/posts/${huge}`, `/discussions/${huge}/posts/${replyId}`]) {
      const res = await clients.warga.page(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain(t("discussions.error.notFound"));
    }
    for (const path of [
      `/discussions?category=${huge}`,
      `/discussions?kelurahan=${huge}`,
      `/discussions?page=${huge}`,
      `/discussions?page=2147483647`,
      `/discussions/${topicId}?page=${huge}`,
      `/discussions/${topicId}?page=2147483647`,
      `/discussions/${topicId}?form=edit&post=${huge}`,
      `/discussions/${topicId}/posts/${replyId}?form=reply&post=${huge}`,
    ]) {
      expect((await clients.warga.page(path)).status, path).toBe(200);
    }
  });
});
