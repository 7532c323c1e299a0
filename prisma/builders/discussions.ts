// Builders for the discussions area: a topic with its opening post, replies at any
// depth (each with its materialised path, as the domain writes them), supports and
// reports. See core.ts for the conventions.
import type { Db } from "~/db/client.server";
import type { PostStatus, TopicStatus } from "~/domain/discussions/discussions.schema";
import { pathSegment } from "~/domain/discussions/tree";
import { renderMarkdown } from "~/domain/text/markdown.server";
import { aCategory, aUser, unique } from "./core";

/** Where a reply goes: its parent post. */
export interface ParentPost {
  id: number;
  topicId: number;
  path: string;
  depth: number;
}

export interface PostOverrides {
  /** default: a new resident; null: no author (an event thread's opening post) */
  author?: { id: number } | null;
  body?: string;
  status?: PostStatus;
  isOfficial?: boolean;
  /** the count shown; supporters themselves come from `aSupport` */
  supportCount?: number;
  createdAt?: Date;
  hiddenReason?: string | null;
  hiddenById?: number | null;
}

/** A post of `topicId` with its materialised path: the opening post without a parent, else a reply under it. */
export async function aPost(db: Db, topicId: number, parent: Omit<ParentPost, "topicId"> | null, overrides: PostOverrides = {}) {
  const author = overrides.author === undefined ? await aUser(db) : overrides.author;
  const body = overrides.body ?? `Tulisan uji ${unique()}.`;
  const created = await db.post.create({
    data: {
      topicId,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: "",
      authorId: author?.id ?? null,
      body,
      bodyHtml: renderMarkdown(body),
      status: overrides.status ?? "visible",
      isOfficial: overrides.isOfficial ?? false,
      supportCount: overrides.supportCount ?? 0,
      hiddenReason: overrides.hiddenReason ?? null,
      hiddenById: overrides.hiddenById ?? null,
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
    },
    select: { id: true },
  });
  return db.post.update({ where: { id: created.id }, data: { path: (parent?.path ?? "") + pathSegment(created.id) } });
}

/** A reply under `parent` (at any depth); a visible one counts in its topic's replies and latest activity. */
export async function aReply(db: Db, parent: ParentPost, overrides: PostOverrides = {}) {
  const post = await aPost(db, parent.topicId, parent, overrides);
  if (post.status === "visible")
    await db.topic.update({ where: { id: parent.topicId }, data: { replyCount: { increment: 1 }, lastActivityAt: post.createdAt } });
  return post;
}

export interface TopicOverrides {
  title?: string;
  /** default: a new category (none for an event's thread) */
  categoryId?: number | null;
  kelurahanId?: number | null;
  /** the event whose thread this is */
  eventId?: number | null;
  /** of the topic and its opening post (an event thread's opening post has none); default: a new resident */
  author?: { id: number } | null;
  body?: string;
  status?: TopicStatus;
  pinned?: boolean;
  locked?: boolean;
  createdAt?: Date;
  /** the opening post's status ("pending" holds the whole topic for approval) */
  rootStatus?: PostStatus;
}

/** A topic with its opening post (`root`): by default an open question of a new resident in a new category. */
export async function aTopic(db: Db, overrides: TopicOverrides = {}) {
  const id = unique();
  const eventId = overrides.eventId ?? null;
  const author = overrides.author === undefined ? await aUser(db) : overrides.author;
  const categoryId = overrides.categoryId === undefined ? (eventId ? null : (await aCategory(db)).id) : overrides.categoryId;
  const createdAt = overrides.createdAt ?? new Date();
  const topic = await db.topic.create({
    data: {
      title: overrides.title ?? `Topik uji ${id}`,
      categoryId,
      kelurahanId: overrides.kelurahanId ?? null,
      eventId,
      authorId: author?.id ?? null,
      status: overrides.status ?? "open",
      pinned: overrides.pinned ?? false,
      locked: overrides.locked ?? false,
      createdAt,
      lastActivityAt: createdAt,
    },
  });
  const root = await aPost(db, topic.id, null, {
    author: eventId ? null : author,
    body: overrides.body ?? (eventId ? "" : `Pertanyaan uji ${id}: bagaimana caranya?`),
    status: overrides.rootStatus,
    isOfficial: eventId !== null,
    createdAt,
  });
  return { ...topic, root };
}

/** `user` supports `post` (the post's count goes up with it). */
export async function aSupport(db: Db, post: { id: number }, user: { id: number }) {
  await db.postSupport.create({ data: { postId: post.id, userId: user.id } });
  return db.post.update({ where: { id: post.id }, data: { supportCount: { increment: 1 } } });
}

/** An open report on `post` by `reporter` (a new resident unless given). */
export async function aReport(db: Db, post: { id: number }, overrides: { reporter?: { id: number }; reason?: string; createdAt?: Date } = {}) {
  const reporter = overrides.reporter ?? (await aUser(db));
  return db.postReport.create({
    data: {
      postId: post.id,
      reporterId: reporter.id,
      reason: overrides.reason ?? "Isi tidak pantas.",
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
    },
  });
}
