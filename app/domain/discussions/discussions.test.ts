// Use cases against a fresh SQLite database, without HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { createCountCache } from "~/domain/counts";
import { DomainError } from "~/domain/errors";
import { aTopic } from "../../../prisma/builders";
import { createTopic, editPost, getSubthread, getThread, listTopics, replyToPost, supportPost, THREAD_PAGE_SIZE, deletePost } from "./discussions.server";
import { approvePost, blockUser, hidePost, reportPost, restorePost } from "./moderation.server";
import { SETTING_KEYS } from "./settings.server";
import { runThreadAction } from "./thread-actions.server";
import type { Publisher } from "~/realtime/publisher";
import { VISIBLE_DEPTH } from "./tree";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-disc-");
let db: Db;
const users: Record<string, Actor> = {};
let categoryId: number;
let strictCategoryId: number;

async function user(name: string, role: Actor["role"], createdAt = new Date(Date.now() - 400 * 86_400_000)): Promise<Actor> {
  const u = await db.user.create({ data: { name, email: `${name}@t.test`, passwordHash: "x", role, createdAt } });
  return { id: u.id, role };
}

async function rejects(promise: Promise<unknown>, key: string) {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).messageKey).toBe(key);
}

beforeAll(async () => {
  db = database().db;
  for (const n of ["a", "b", "c", "d"]) users[n] = await user(n, "resident");
  users.newbie = await user("newbie", "resident", new Date());
  users.mod = await user("mod", "moderator");
  categoryId = (await db.category.create({ data: { slug: "umum", nameId: "Umum", nameEn: "General" } })).id;
  strictCategoryId = (await db.category.create({ data: { slug: "ketat", nameId: "Ketat", nameEn: "Strict", requireApprovalForNewAccounts: true } })).id;
});

describe("threads", () => {
  it("paginates top-level replies with their whole (readable) subtrees", async () => {
    const { topicId, post: root } = await createTopic(db, users.a, { title: "Jalan rusak di RW 03", categoryId, body: "Mohon diperbaiki." });
    const tops: number[] = [];
    for (let i = 0; i < THREAD_PAGE_SIZE + 3; i++) tops.push((await replyToPost(db, users.b, { parentId: root.id, body: `Balasan ${i}` })).id);
    // a deep chain under the first top-level reply
    let parent = tops[0];
    const chain: number[] = [];
    for (let d = 0; d < VISIBLE_DEPTH + 2; d++) {
      parent = (await replyToPost(db, d % 2 ? users.b : users.c, { parentId: parent, body: `Lapis ${d}` })).id;
      chain.push(parent);
    }
    const page1 = await getThread(db, null, topicId, { page: 1, sort: "oldest" });
    expect(page1.total).toBe(THREAD_PAGE_SIZE + 3);
    expect(page1.pages).toBe(2);
    expect(page1.posts.map((p) => p.id)).toEqual(tops.slice(0, THREAD_PAGE_SIZE));
    let node = page1.posts[0];
    for (let d = 2; d <= VISIBLE_DEPTH; d++) node = node.children[0];
    expect(node.depth).toBe(VISIBLE_DEPTH);
    expect(node.children).toEqual([]);
    expect(node.hasMore).toBe(true);

    const page2 = await getThread(db, null, topicId, { page: 2, sort: "oldest" });
    expect(page2.posts.map((p) => p.id)).toEqual(tops.slice(THREAD_PAGE_SIZE));
    const newest = await getThread(db, null, topicId, { page: 1, sort: "newest" });
    expect(newest.posts[0].id).toBe(tops.at(-1));

    // "continue this thread" shows the rest below the cut
    const sub = await getSubthread(db, null, topicId, node.id, "oldest");
    expect(sub.post.id).toBe(node.id);
    expect(sub.post.children[0].id).toBe(chain[VISIBLE_DEPTH - 1]);
  });

  it("sorts by support and counts each supporter once", async () => {
    const { topicId, post: root } = await createTopic(db, users.a, { title: "Posyandu lansia", categoryId, body: "Jadwalnya kapan?" });
    const x = await replyToPost(db, users.b, { parentId: root.id, body: "Setiap Selasa." });
    const y = await replyToPost(db, users.c, { parentId: root.id, body: "Setiap Rabu pagi di balai RW." });
    await supportPost(db, users.a, { postId: y.id });
    await supportPost(db, users.b, { postId: y.id });
    await rejects(supportPost(db, users.a, { postId: y.id }), "discussions.error.alreadySupported");
    await rejects(supportPost(db, users.c, { postId: y.id }), "discussions.error.supportOwn");
    const thread = await getThread(db, users.a, topicId, { page: 1, sort: "supported" });
    expect(thread.posts.map((p) => p.id)).toEqual([y.id, x.id]);
    expect(thread.posts[0].supportCount).toBe(2);
    expect(thread.posts[0].supportedByMe).toBe(true);
  });

  it("keeps a tombstone for deleted posts and revisions for moderators", async () => {
    const { topicId, post: root } = await createTopic(db, users.a, { title: "Lampu jalan mati", categoryId, body: "Sudah seminggu." });
    const r = await replyToPost(db, users.b, { parentId: root.id, body: "Versi pertama" });
    await replyToPost(db, users.c, { parentId: r.id, body: "Tanggapan" });
    await editPost(db, users.b, { postId: r.id, body: "Versi kedua" });
    await rejects(editPost(db, users.c, { postId: r.id, body: "bukan milik saya" }), "error.403.text");
    const asMod = await getThread(db, users.mod, topicId, { page: 1, sort: "oldest" });
    expect(asMod.posts[0].editedAt).not.toBeNull();
    expect(asMod.posts[0].revisions.map((v) => v.body)).toEqual(["Versi pertama"]);
    expect((await getThread(db, users.c, topicId, { page: 1, sort: "oldest" })).posts[0].revisions).toEqual([]);
    await deletePost(db, users.b, { postId: r.id });
    const after = await getThread(db, null, topicId, { page: 1, sort: "oldest" });
    expect(after.posts[0].status).toBe("deleted");
    expect(after.posts[0].bodyHtml).toBeNull();
    expect(after.posts[0].children).toHaveLength(1);
  });

  it("searches titles and post bodies", async () => {
    const { post: root } = await createTopic(db, users.a, { title: "Pasar murah di Klender", categoryId, body: "Kapan diadakan?" });
    await replyToPost(db, users.b, { parentId: root.id, body: "Kabarnya ada minyak goreng bersubsidi." });
    expect((await listTopics(db, null, { q: "Pasar murah", page: 1 })).topics.map((t) => t.title)).toContain("Pasar murah di Klender");
    const byBody = await listTopics(db, null, { q: "minyak goreng", page: 1 });
    expect(byBody.topics.map((t) => t.title)).toContain("Pasar murah di Klender");
    expect(byBody.postMatches[0].excerpt).toContain("minyak goreng");
  });
});

describe("moderation", () => {
  it("hides a post once enough different people report it (threshold from settings)", async () => {
    const { topicId, post: root } = await createTopic(db, users.a, { title: "Parkir liar", categoryId, body: "Di depan sekolah." });
    const bad = await replyToPost(db, users.b, { parentId: root.id, body: "Isi yang tidak pantas" });
    await db.setting.upsert({
      where: { key: SETTING_KEYS.reportThreshold },
      create: { key: SETTING_KEYS.reportThreshold, value: "2" },
      update: { value: "2" },
    });
    try {
      expect((await reportPost(db, users.c, { postId: bad.id, reason: "kasar" })).autoHidden).toBe(false);
      await rejects(reportPost(db, users.c, { postId: bad.id, reason: "lagi" }), "discussions.error.alreadyReported");
      await rejects(reportPost(db, users.b, { postId: bad.id, reason: "sendiri" }), "discussions.error.reportOwn");
      expect((await reportPost(db, users.d, { postId: bad.id, reason: "menghina" })).autoHidden).toBe(true);
    } finally {
      await db.setting.delete({ where: { key: SETTING_KEYS.reportThreshold } });
    }
    const asResident = await getThread(db, users.c, topicId, { page: 1, sort: "oldest" });
    expect(asResident.posts[0].status).toBe("hidden");
    expect(asResident.posts[0].autoHidden).toBe(true);
    expect(asResident.posts[0].bodyHtml).toBeNull();
    expect(await db.auditLog.count({ where: { action: "discussions.post.autoHide", targetId: String(bad.id) } })).toBe(1);
    expect(await db.notification.count({ where: { userId: users.b.id, messageKey: "discussions.notify.autoHidden" } })).toBe(1);

    await restorePost(db, users.mod, { postId: bad.id, reason: "Tidak melanggar" });
    expect((await db.post.findUniqueOrThrow({ where: { id: bad.id } })).status).toBe("visible");
    expect(await db.postReport.count({ where: { postId: bad.id, resolvedAt: null } })).toBe(0);
    await hidePost(db, users.mod, { postId: bad.id, reason: "Menyerang pribadi" });
    const hidden = (await getThread(db, null, topicId, { page: 1, sort: "oldest" })).posts[0];
    expect(hidden.hiddenReason).toBe("Menyerang pribadi");
    expect(hidden.autoHidden).toBe(false);
  });

  it("with the default threshold three different reporters are needed", async () => {
    const { post: root } = await createTopic(db, users.a, { title: "Sampah menumpuk", categoryId, body: "Di TPS." });
    const p = await replyToPost(db, users.b, { parentId: root.id, body: "Balasan biasa" });
    expect((await reportPost(db, users.a, { postId: p.id, reason: "spam" })).autoHidden).toBe(false);
    expect((await reportPost(db, users.c, { postId: p.id, reason: "spam" })).autoHidden).toBe(false);
    expect((await reportPost(db, users.d, { postId: p.id, reason: "spam" })).autoHidden).toBe(true);
  });

  it("holds new accounts' first posts for approval in strict categories", async () => {
    const { topicId, post } = await createTopic(db, users.newbie, { title: "Pertanyaan akun baru", categoryId: strictCategoryId, body: "Halo semua." });
    expect(post.status).toBe("pending");
    await rejects(getThread(db, users.a, topicId, { page: 1, sort: "oldest" }), "discussions.error.notFound");
    expect((await getThread(db, users.newbie, topicId, { page: 1, sort: "oldest" })).root.status).toBe("pending");
    expect((await listTopics(db, users.a, { page: 1 })).topics.map((t) => t.id)).not.toContain(topicId);
    await rejects(approvePost(db, users.a, { postId: post.id }), "error.403.text");
    await approvePost(db, users.mod, { postId: post.id });
    expect((await getThread(db, users.a, topicId, { page: 1, sort: "oldest" })).root.status).toBe("visible");
    // an old account is not held
    expect((await createTopic(db, users.a, { title: "Akun lama di kategori ketat", categoryId: strictCategoryId, body: "Isi." })).post.status).toBe("visible");
  });

  it("blocked users cannot post; only moderators block", async () => {
    const { post: root } = await createTopic(db, users.a, { title: "Blokir", categoryId, body: "Uji." });
    await rejects(blockUser(db, users.c, { userId: users.d.id, reason: "spam" }), "error.403.text");
    await rejects(blockUser(db, users.mod, { userId: users.mod.id, reason: "diri sendiri" }), "discussions.error.blockStaff");
    await blockUser(db, users.mod, { userId: users.d.id, reason: "Spam berulang" });
    await rejects(replyToPost(db, users.d, { parentId: root.id, body: "coba" }), "discussions.error.blocked");
    expect(await db.auditLog.count({ where: { action: "discussions.user.block", targetId: String(users.d.id) } })).toBe(1);
    await db.user.update({ where: { id: users.d.id }, data: { postingBlockedAt: null } });
  });
});

describe("thread actions", () => {
  /** a publisher that keeps what it was told */
  function recording() {
    const sent: { room: string; event: string; payload: unknown }[] = [];
    const publisher: Publisher = { publish: (room, event, payload) => void sent.push({ room, event, payload }), revoke() {} };
    return { sent, publisher };
  }

  it("runs the use case, then tells the thread's room the fact (ids only)", async () => {
    const { topicId, post: root } = await createTopic(db, users.a, { title: "Aksi utas", categoryId, body: "Pembuka." });
    const { sent, publisher } = recording();
    const reply = await runThreadAction({ db, realtime: publisher }, users.b, { intent: "reply", parentId: root.id, body: "Balasan lewat aksi." });
    const post = await db.post.findFirstOrThrow({ where: { topicId, parentId: root.id } });
    expect(reply).toEqual({ flash: "discussions.flash.replied", anchor: `#post-${post.id}` });
    expect(sent).toEqual([{ room: `topic:${topicId}`, event: "post:created", payload: { topicId, postId: post.id, parentId: root.id } }]);
    expect(await runThreadAction({ db, realtime: publisher }, users.c, { intent: "support", postId: post.id })).toEqual({
      flash: "discussions.flash.supported",
      anchor: `#post-${post.id}`,
    });
    expect(sent[1]).toEqual({ room: `topic:${topicId}`, event: "post:supported", payload: { topicId, postId: post.id, supportCount: 1 } });
  });

  it("refuses a moderator's action to a resident before anything is done", async () => {
    const { topicId } = await createTopic(db, users.a, { title: "Aksi moderator", categoryId, body: "Pembuka." });
    const { sent, publisher } = recording();
    await rejects(runThreadAction({ db, realtime: publisher }, users.b, { intent: "topic", topicId, status: "closed", locked: "on" }), "error.403.text");
    expect((await db.topic.findUniqueOrThrow({ where: { id: topicId } })).status).toBe("open");
    expect(sent).toEqual([]);
  });
});

describe("the topic list's total", () => {
  it("is counted again when a topic is added; a change the marker cannot see shows after the cache's lifetime", async () => {
    let now = 1_000_000;
    const counts = createCountCache({ now: () => now });
    const before = (await listTopics(db, null, { page: 1 }, counts)).total;
    expect(before).toBe((await listTopics(db, null, { page: 1 })).total);
    await aTopic(db);
    expect((await listTopics(db, null, { page: 1 }, counts)).total).toBe(before + 1);
    // a topic moved out of the list without a new topic: the cached total holds for up to 30 s
    const oldest = await db.topic.findFirstOrThrow({ where: { status: "open" }, orderBy: { id: "asc" }, select: { id: true } });
    const filter = { page: 1, status: "open" as const };
    const open = (await listTopics(db, null, filter, counts)).total;
    await db.topic.update({ where: { id: oldest.id }, data: { status: "closed" } });
    expect((await listTopics(db, null, filter, counts)).total).toBe(open);
    now += 31_000;
    expect((await listTopics(db, null, filter, counts)).total).toBe(open - 1);
  });
});
