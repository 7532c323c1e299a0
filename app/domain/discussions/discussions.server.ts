// Discussions: topics, threaded posts, supports, official answers. Use cases take
// (db, actor, input[, services]) and enforce their own permissions.
import type { Db } from "~/db/client.server";
import type { CountCache } from "~/domain/counts";
import { containsText } from "~/db/search";
import { can, type Actor, type Role, isRole } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify } from "~/domain/notifications/notifications.server";
import { renderMarkdown } from "~/domain/text/markdown.server";
import type { FormKind, NewTopicInput, PostStatus, Sort, TopicStatus } from "./discussions.schema";
import { getDiscussionSettings } from "./settings.server";
import { buildTree, pathSegment, subtreeRange, VISIBLE_CHILDREN, VISIBLE_DEPTH, type TreeNode } from "./tree";

/** top-level replies per page (each with its subtree to a readable depth) */
export const THREAD_PAGE_SIZE = 10;
export const TOPICS_PAGE_SIZE = 20;
/** no list is this long; a larger page number from a URL shows an empty page, never an offset the database refuses */
const MAX_PAGE = 100_000;
const pageNumber = (page: number) => Math.min(MAX_PAGE, Math.max(1, Math.floor(page) || 1));
/** a new account's posts wait for approval until this many were approved */
export const TRUSTED_AFTER_POSTS = 3;

export interface Services {
  mailer?: Mailer;
}
const silentMailer: Mailer = { async send() {} };
export const mailerOf = (s: Services) => s.mailer ?? silentMailer;

export const notFound = () => new DomainError("discussions.error.notFound", undefined, undefined, 404);
export const forbidden = () => new DomainError("error.403.text", undefined, undefined, 403);

// ------------------------------------------------------------------ reading

const postSelect = {
  id: true,
  topicId: true,
  parentId: true,
  depth: true,
  path: true,
  authorId: true,
  bodyHtml: true,
  status: true,
  isOfficial: true,
  hiddenReason: true,
  hiddenById: true,
  editedAt: true,
  supportCount: true,
  createdAt: true,
} as const;

type PostRow = {
  id: number;
  topicId: number;
  parentId: number | null;
  depth: number;
  path: string;
  authorId: number | null;
  bodyHtml: string;
  status: string;
  isOfficial: boolean;
  hiddenReason: string | null;
  hiddenById: number | null;
  editedAt: Date | null;
  supportCount: number;
  createdAt: Date;
};

type Author = { id: number; name: string; role: string };

/** The authors of many rows in one query (instead of one per findMany). */
async function authorsOf(db: Db, rows: (PostRow | null)[]): Promise<Map<number, Author>> {
  const ids = [...new Set(rows.map((r) => r?.authorId).filter((id): id is number => typeof id === "number"))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, role: true } }) : [];
  return new Map(users.map((u) => [u.id, u]));
}

export interface PostView {
  id: number;
  topicId: number;
  parentId: number | null;
  depth: number;
  status: PostStatus;
  isOfficial: boolean;
  /** null on a tombstone the reader may not look behind */
  bodyHtml: string | null;
  hiddenReason: string | null;
  /** hidden by the report threshold, waiting for review */
  autoHidden: boolean;
  editedAt: Date | null;
  supportCount: number;
  createdAt: Date;
  author: { id: number; name: string; role: Role } | null;
  mine: boolean;
  supportedByMe: boolean;
  aspirationCodes: string[];
  openReports: number;
  revisions: { body: string; createdAt: Date; editor: string | null }[];
}

export type PostNode = TreeNode<PostView>;

/** What a reader may see: moderators everything, others all but other people's pending posts. */
export function visibilityWhere(viewer: Actor | null) {
  if (can.moderate(viewer)) return {};
  if (viewer) return { OR: [{ status: { not: "pending" } }, { authorId: viewer.id }] };
  return { status: { not: "pending" } };
}

export function mayRead(viewer: Actor | null, post: { status: string; authorId: number | null }): boolean {
  return post.status !== "pending" || can.moderate(viewer) || (!!viewer && post.authorId === viewer.id);
}

function toView(row: PostRow, viewer: Actor | null, authors: Map<number, Author>): PostView {
  const author = row.authorId === null ? null : (authors.get(row.authorId) ?? null);
  const mod = can.moderate(viewer);
  const status = row.status as PostStatus;
  const open = status === "visible" || status === "pending";
  const showAuthor = open || status === "hidden" || mod;
  return {
    id: row.id,
    topicId: row.topicId,
    parentId: row.parentId,
    depth: row.depth,
    status,
    isOfficial: row.isOfficial,
    bodyHtml: open || mod ? row.bodyHtml : null,
    hiddenReason: status === "hidden" ? row.hiddenReason : null,
    autoHidden: status === "hidden" && row.hiddenById === null,
    editedAt: row.editedAt,
    supportCount: row.supportCount,
    createdAt: row.createdAt,
    author: author && showAuthor ? { id: author.id, name: author.name, role: isRole(author.role) ? author.role : "resident" } : null,
    mine: !!viewer && row.authorId === viewer.id,
    supportedByMe: false,
    aspirationCodes: [],
    openReports: 0,
    revisions: [],
  };
}

function orderFor(sort: Sort) {
  if (sort === "newest") return [{ createdAt: "desc" as const }, { id: "desc" as const }];
  if (sort === "supported") return [{ supportCount: "desc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  return [{ createdAt: "asc" as const }, { id: "asc" as const }];
}

/** supports by the reader, linked aspirations, and for moderators reports and revisions */
async function decorate(db: Db, viewer: Actor | null, views: PostView[]): Promise<void> {
  if (views.length === 0) return;
  const ids = views.map((v) => v.id);
  const byId = new Map(views.map((v) => [v.id, v]));
  const mod = can.moderate(viewer);
  const [supports, aspirations, reports, revisions] = await Promise.all([
    viewer ? db.postSupport.findMany({ where: { userId: viewer.id, postId: { in: ids } }, select: { postId: true } }) : [],
    db.aspiration.findMany({ where: { sourcePostId: { in: ids } }, select: { code: true, sourcePostId: true }, orderBy: { id: "asc" } }),
    mod ? db.postReport.groupBy({ by: ["postId"], where: { postId: { in: ids }, resolvedAt: null }, _count: { _all: true } }) : [],
    mod
      ? db.postRevision.findMany({
          where: { postId: { in: views.filter((v) => v.editedAt).map((v) => v.id) } },
          orderBy: { id: "asc" },
          select: { postId: true, body: true, createdAt: true, editor: { select: { name: true } } },
        })
      : [],
  ]);
  for (const s of supports) byId.get(s.postId)!.supportedByMe = true;
  for (const a of aspirations) if (a.sourcePostId) byId.get(a.sourcePostId)?.aspirationCodes.push(a.code);
  for (const r of reports) byId.get(r.postId)!.openReports = r._count._all;
  for (const r of revisions) byId.get(r.postId)!.revisions.push({ body: r.body, createdAt: r.createdAt, editor: r.editor?.name ?? null });
}

export interface TopicHeader {
  id: number;
  title: string;
  status: TopicStatus;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  createdAt: Date;
  lastActivityAt: Date;
  category: { id: number; slug: string; nameId: string; nameEn: string } | null;
  kelurahan: { id: number; name: string } | null;
  event: { id: number; title: string; startsAt: Date } | null;
  officialAnswerPostId: number | null;
}

async function loadTopic(db: Db, topicId: number): Promise<TopicHeader> {
  const topic = await db.topic.findUnique({
    where: { id: topicId },
    select: {
      id: true,
      title: true,
      status: true,
      pinned: true,
      locked: true,
      replyCount: true,
      createdAt: true,
      lastActivityAt: true,
      officialAnswerPostId: true,
      category: { select: { id: true, slug: true, nameId: true, nameEn: true } },
      kelurahan: { select: { id: true, name: true } },
      event: { select: { id: true, title: true, startsAt: true } },
    },
  });
  if (!topic) throw notFound();
  return { ...topic, status: topic.status as TopicStatus };
}

async function viewerState(db: Db, viewer: Actor | null, topic: TopicHeader) {
  const mod = can.moderate(viewer);
  const user = viewer ? await db.user.findUnique({ where: { id: viewer.id }, select: { postingBlockedAt: true, postingBlockedReason: true } }) : null;
  const blocked = !!user?.postingBlockedAt;
  const closed = topic.locked || topic.status === "closed";
  return {
    signedIn: !!viewer,
    moderator: mod,
    staff: can.isStaff(viewer),
    blocked,
    blockedReason: user?.postingBlockedReason ?? null,
    canReply: !!viewer && !blocked && (!closed || mod),
  };
}

/**
 * The replies under a page's top-level posts, down to maxDepth + 1 (to know where the
 * thread continues), in few indexed queries: for oldest/newest the page's top-level
 * posts are neighbours in path order, so one (topicId, path) range read covers them;
 * otherwise one parentId IN (...) read per level. Rows of other subtrees are dropped.
 */
async function subtreesOf(db: Db, tops: PostRow[], sort: Sort, maxDepth: number, vis: ReturnType<typeof visibilityWhere>): Promise<PostRow[]> {
  if (tops.length === 0) return [];
  const topicId = tops[0].topicId;
  if (sort !== "supported") {
    const paths = tops.map((t) => t.path).sort();
    const rows = await db.post.findMany({
      where: { AND: [{ topicId, path: { gt: paths[0], lt: subtreeRange(paths[paths.length - 1]).lt }, depth: { gt: tops[0].depth, lte: maxDepth + 1 } }, vis] },
      select: postSelect,
    });
    const topLength = paths[0].length;
    const onPage = new Set(paths);
    return rows.filter((r) => onPage.has(r.path.slice(0, topLength)));
  }
  const out: PostRow[] = [];
  let parents = tops.map((t) => t.id);
  for (let depth = tops[0].depth + 1; depth <= maxDepth + 1 && parents.length > 0; depth++) {
    const level = await db.post.findMany({ where: { AND: [{ topicId, parentId: { in: parents } }, vis] }, select: postSelect });
    out.push(...level);
    parents = level.map((r) => r.id);
  }
  return out;
}

export interface ThreadPage {
  topic: TopicHeader;
  root: PostView;
  officialAnswer: PostView | null;
  posts: PostNode[];
  page: number;
  pages: number;
  total: number;
  sort: Sort;
  viewer: Awaited<ReturnType<typeof viewerState>>;
}

/** One page of a topic: top-level replies (sorted, paginated) with their subtrees to a readable depth. */
export async function getThread(db: Db, viewer: Actor | null, topicId: number, query: { page: number; sort: Sort }): Promise<ThreadPage> {
  const topic = await loadTopic(db, topicId);
  const rootRow = await db.post.findFirst({ where: { topicId, parentId: null }, orderBy: { id: "asc" }, select: postSelect });
  if (!rootRow || !mayRead(viewer, rootRow)) throw notFound();
  const vis = visibilityWhere(viewer);
  const topWhere = { topicId, parentId: rootRow.id, ...vis };
  const page = pageNumber(query.page);
  const [total, tops] = await Promise.all([
    db.post.count({ where: topWhere }),
    db.post.findMany({ where: topWhere, orderBy: orderFor(query.sort), skip: (page - 1) * THREAD_PAGE_SIZE, take: THREAD_PAGE_SIZE, select: postSelect }),
  ]);
  const maxDepth = rootRow.depth + VISIBLE_DEPTH;
  const descendants = await subtreesOf(db, tops, query.sort, maxDepth, vis);
  const official = topic.officialAnswerPostId
    ? await db.post.findFirst({ where: { id: topic.officialAnswerPostId, status: "visible" }, select: postSelect })
    : null;
  const authors = await authorsOf(db, [rootRow, ...tops, ...descendants, official]);
  const root = toView(rootRow, viewer, authors);
  const views = [...tops, ...descendants].map((r) => toView(r, viewer, authors));
  const officialView = official ? toView(official, viewer, authors) : null;
  await decorate(db, viewer, [root, ...views, ...(officialView ? [officialView] : [])]);
  const posts = buildTree(
    views,
    tops.map((t) => t.id),
    query.sort,
    { maxDepth, maxChildren: VISIBLE_CHILDREN, limitRoots: true },
  );
  return {
    topic,
    root,
    officialAnswer: officialView,
    posts,
    page,
    pages: Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE)),
    total,
    sort: query.sort,
    viewer: await viewerState(db, viewer, topic),
  };
}

export interface SubthreadPage {
  topic: TopicHeader;
  post: PostNode;
  /** where "up one level" leads: a post id, or null for the topic page */
  parentId: number | null;
  sort: Sort;
  viewer: Awaited<ReturnType<typeof viewerState>>;
}

/** "Continue this thread": one post and its replies, on their own page. */
export async function getSubthread(db: Db, viewer: Actor | null, topicId: number, postId: number, sort: Sort): Promise<SubthreadPage> {
  const topic = await loadTopic(db, topicId);
  const row = await db.post.findFirst({ where: { id: postId, topicId }, select: postSelect });
  if (!row || !mayRead(viewer, row) || row.parentId === null) throw notFound();
  const maxDepth = row.depth + VISIBLE_DEPTH;
  const descendants = await db.post.findMany({
    where: { AND: [{ topicId, depth: { lte: maxDepth + 1 }, path: subtreeRange(row.path) }, visibilityWhere(viewer)] },
    select: postSelect,
    take: 2000,
  });
  const authors = await authorsOf(db, [row, ...descendants]);
  const views = [row, ...descendants].map((r) => toView(r, viewer, authors));
  await decorate(db, viewer, views);
  const [post] = buildTree(views, [row.id], sort, { maxDepth, maxChildren: VISIBLE_CHILDREN });
  const parent = await db.post.findUnique({ where: { id: row.parentId }, select: { parentId: true, id: true } });
  return { topic, post, parentId: parent?.parentId === null ? null : row.parentId, sort, viewer: await viewerState(db, viewer, topic) };
}

/** The markdown source of the reader's own post, for the edit form. */
export async function getOwnPostBody(db: Db, actor: Actor, postId: number): Promise<string | null> {
  const post = await db.post.findUnique({ where: { id: postId }, select: { authorId: true, body: true, status: true } });
  if (!post || post.authorId !== actor.id || post.status === "deleted" || post.status === "hidden") return null;
  return post.body;
}

/** The inline form a thread page opens (from its URL), with the body to edit when it is the reader's own post. */
export async function openThreadForm(db: Db, viewer: Actor | null, open: { kind: FormKind; postId: number } | null) {
  const editBody = open?.kind === "edit" && viewer ? await getOwnPostBody(db, viewer, open.postId) : null;
  return { open, editBody };
}

export interface TopicListItem {
  id: number;
  title: string;
  status: TopicStatus;
  pinned: boolean;
  locked: boolean;
  replyCount: number;
  lastActivityAt: Date;
  category: { nameId: string; nameEn: string } | null;
  kelurahan: string | null;
  eventId: number | null;
  authorName: string | null;
}

export interface TopicQuery {
  q?: string;
  categoryId?: number;
  kelurahanId?: number;
  status?: TopicStatus;
  page: number;
}

/**
 * Topics, pinned first then by latest activity; `q` searches titles and posts. With
 * `counts`, the total (a check of every topic's opening post) is counted again only when a
 * topic is added, or after 30 seconds (an approved opening post shows within that).
 */
export async function listTopics(db: Db, viewer: Actor | null, query: TopicQuery, counts?: CountCache) {
  const q = query.q?.trim().slice(0, 100);
  const readable = { posts: { none: { parentId: null, status: "pending", ...(viewer && !can.moderate(viewer) ? { NOT: { authorId: viewer.id } } : {}) } } };
  const where = {
    AND: [
      can.moderate(viewer) ? {} : readable,
      query.categoryId ? { categoryId: query.categoryId } : {},
      query.kelurahanId ? { kelurahanId: query.kelurahanId } : {},
      query.status ? { status: query.status } : {},
      q ? { OR: [{ title: containsText(db, q) }, { posts: { some: { status: "visible", body: containsText(db, q) } } }] } : {},
    ],
  };
  const page = pageNumber(query.page);
  const countAll = () => db.topic.count({ where });
  const [total, rows, matches] = await Promise.all([
    counts
      ? // the newest topic: one primary-key step
        db.topic
          .findFirst({ orderBy: { id: "desc" }, select: { id: true } })
          .then((newest) => counts.count(`topics:${JSON.stringify(where)}`, String(newest?.id ?? 0), countAll))
      : countAll(),
    db.topic.findMany({
      where,
      orderBy: [{ pinned: "desc" }, { lastActivityAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * TOPICS_PAGE_SIZE,
      take: TOPICS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        pinned: true,
        locked: true,
        replyCount: true,
        lastActivityAt: true,
        eventId: true,
        category: { select: { nameId: true, nameEn: true } },
        kelurahan: { select: { name: true } },
        author: { select: { name: true } },
      },
    }),
    q
      ? db.post.findMany({
          where: { status: "visible", body: containsText(db, q), parentId: { not: null } },
          orderBy: { createdAt: "desc" },
          take: 10,
          select: { id: true, topicId: true, body: true, createdAt: true, author: { select: { name: true } }, topic: { select: { title: true } } },
        })
      : [],
  ]);
  const topics: TopicListItem[] = rows.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status as TopicStatus,
    pinned: t.pinned,
    locked: t.locked,
    replyCount: t.replyCount,
    lastActivityAt: t.lastActivityAt,
    category: t.category,
    kelurahan: t.kelurahan?.name ?? null,
    eventId: t.eventId,
    authorName: t.author?.name ?? null,
  }));
  return {
    topics,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / TOPICS_PAGE_SIZE)),
    postMatches: matches.map((m) => ({
      id: m.id,
      topicId: m.topicId,
      topicTitle: m.topic.title,
      author: m.author?.name ?? null,
      createdAt: m.createdAt,
      excerpt: excerpt(m.body, q!),
    })),
  };
}

function excerpt(body: string, q: string): string {
  const text = body.replace(/[*_`>#\[\]()]/g, "").replace(/\s+/g, " ");
  const at = Math.max(0, text.toLowerCase().indexOf(q.toLowerCase()) - 60);
  return (at > 0 ? "…" : "") + text.slice(at, at + 180) + (text.length > at + 180 ? "…" : "");
}

// ------------------------------------------------------------------ writing

async function loadPoster(db: Db, actor: Actor) {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { id: true, role: true, createdAt: true, postingBlockedAt: true, disabledAt: true },
  });
  if (!user || user.disabledAt) throw forbidden();
  if (user.postingBlockedAt) throw new DomainError("discussions.error.blocked", "body", undefined, 403);
  return user;
}

/** New accounts' first posts wait for a moderator in categories that ask for it. */
export async function needsApproval(
  db: Db,
  user: { id: number; role: string; createdAt: Date },
  category: { requireApprovalForNewAccounts: boolean } | null,
  now = new Date(),
): Promise<boolean> {
  if (!category?.requireApprovalForNewAccounts || user.role !== "resident") return false;
  const { newAccountDays } = await getDiscussionSettings(db);
  if (now.getTime() - user.createdAt.getTime() >= newAccountDays * 86_400_000) return false;
  const approved = await db.post.count({ where: { authorId: user.id, status: "visible" } });
  return approved < TRUSTED_AFTER_POSTS;
}

async function insertPost(
  db: Db,
  data: {
    topicId: number;
    parent: { id: number; path: string; depth: number } | null;
    authorId: number;
    body: string;
    status: PostStatus;
    isOfficial: boolean;
  },
) {
  return db.$transaction(async (tx) => {
    const post = await tx.post.create({
      data: {
        topicId: data.topicId,
        parentId: data.parent?.id ?? null,
        depth: data.parent ? data.parent.depth + 1 : 0,
        path: "",
        authorId: data.authorId,
        body: data.body,
        bodyHtml: renderMarkdown(data.body),
        status: data.status,
        isOfficial: data.isOfficial,
      },
      select: { id: true },
    });
    const path = (data.parent?.path ?? "") + pathSegment(post.id);
    return tx.post.update({ where: { id: post.id }, data: { path }, select: { id: true, topicId: true, parentId: true, status: true, authorId: true } });
  });
}

export async function createTopic(db: Db, actor: Actor, input: NewTopicInput) {
  const user = await loadPoster(db, actor);
  const category = await db.category.findFirst({ where: { id: input.categoryId, archived: false } });
  if (!category) throw new DomainError("discussions.validation.category", "categoryId");
  if (input.kelurahanId) {
    const area = await db.area.findFirst({ where: { id: input.kelurahanId, level: "kelurahan" } });
    if (!area) throw new DomainError("discussions.validation.kelurahan", "kelurahanId");
  }
  const pending = await needsApproval(db, user, category);
  const topic = await db.topic.create({
    data: { title: input.title, categoryId: category.id, kelurahanId: input.kelurahanId ?? null, authorId: actor.id },
    select: { id: true },
  });
  const post = await insertPost(db, {
    topicId: topic.id,
    parent: null,
    authorId: actor.id,
    body: input.body,
    status: pending ? "pending" : "visible",
    isOfficial: can.isStaff(actor),
  });
  return { topicId: topic.id, post };
}

/** Every event has its own thread: found, or created on first visit. */
export async function findOrCreateEventTopic(db: Db, eventId: number): Promise<number> {
  const existing = await db.topic.findUnique({ where: { eventId }, select: { id: true } });
  if (existing) return existing.id;
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, status: true, kelurahanId: true, createdById: true } });
  if (!event || event.status === "draft") throw notFound();
  try {
    const topic = await db.topic.create({
      data: { title: event.title, eventId: event.id, kelurahanId: event.kelurahanId, authorId: event.createdById ?? null },
      select: { id: true },
    });
    await db.$transaction(async (tx) => {
      const root = await tx.post.create({
        data: { topicId: topic.id, path: "", depth: 0, authorId: null, body: "", bodyHtml: "", status: "visible", isOfficial: true },
        select: { id: true },
      });
      await tx.post.update({ where: { id: root.id }, data: { path: pathSegment(root.id) } });
    });
    return topic.id;
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await db.topic.findUnique({ where: { eventId }, select: { id: true } });
      if (again) return again.id;
    }
    throw error;
  }
}

export async function replyToPost(db: Db, actor: Actor, input: { parentId: number; body: string }, services: Services = {}) {
  const user = await loadPoster(db, actor);
  const parent = await db.post.findUnique({
    where: { id: input.parentId },
    select: {
      id: true,
      path: true,
      depth: true,
      status: true,
      authorId: true,
      topic: { select: { id: true, title: true, locked: true, status: true, category: { select: { requireApprovalForNewAccounts: true } } } },
    },
  });
  if (!parent) throw notFound();
  const topic = parent.topic;
  if ((topic.locked || topic.status === "closed") && !can.moderate(actor)) throw new DomainError("discussions.error.locked", "body", undefined, 403);
  if (parent.status !== "visible") throw new DomainError("discussions.error.parentUnavailable", "body", undefined, 409);
  const pending = await needsApproval(db, user, topic.category);
  const post = await insertPost(db, {
    topicId: topic.id,
    parent,
    authorId: actor.id,
    body: input.body,
    status: pending ? "pending" : "visible",
    isOfficial: can.isStaff(actor),
  });
  if (!pending) {
    await db.topic.update({ where: { id: topic.id }, data: { replyCount: { increment: 1 }, lastActivityAt: new Date() } });
    if (parent.authorId && parent.authorId !== actor.id) {
      await notify(db, mailerOf(services), {
        userIds: [parent.authorId],
        messageKey: "discussions.notify.reply",
        params: { title: topic.title },
        link: `/discussions/${topic.id}/posts/${post.id}`,
      });
    }
  }
  return post;
}

async function ownPost(db: Db, actor: Actor, postId: number) {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, topicId: true, parentId: true, authorId: true, body: true, status: true, topic: { select: { locked: true, status: true } } },
  });
  if (!post) throw notFound();
  if (post.authorId !== actor.id) throw forbidden();
  if (post.status === "deleted" || post.status === "hidden") throw new DomainError("discussions.error.postUnavailable", "body", undefined, 409);
  return post;
}

export async function editPost(db: Db, actor: Actor, input: { postId: number; body: string }) {
  await loadPoster(db, actor);
  const post = await ownPost(db, actor, input.postId);
  if ((post.topic.locked || post.topic.status === "closed") && !can.moderate(actor)) throw new DomainError("discussions.error.locked", "body", undefined, 403);
  if (post.body === input.body) return post;
  await db.$transaction([
    db.postRevision.create({ data: { postId: post.id, body: post.body, editorId: actor.id } }),
    db.post.update({ where: { id: post.id }, data: { body: input.body, bodyHtml: renderMarkdown(input.body), editedAt: new Date() } }),
  ]);
  return post;
}

/** The author removes a post; a tombstone stays so replies keep their context. */
export async function deletePost(db: Db, actor: Actor, input: { postId: number }) {
  const post = await ownPost(db, actor, input.postId);
  await db.post.update({ where: { id: post.id }, data: { status: "deleted" } });
  return post;
}

export async function supportPost(db: Db, actor: Actor, input: { postId: number }) {
  const post = await db.post.findUnique({ where: { id: input.postId }, select: { id: true, topicId: true, authorId: true, status: true } });
  if (!post || !mayRead(actor, post)) throw notFound();
  if (post.status !== "visible") throw new DomainError("discussions.error.postUnavailable", undefined, undefined, 409);
  if (post.authorId === actor.id) throw new DomainError("discussions.error.supportOwn", undefined, undefined, 409);
  try {
    const [, updated] = await db.$transaction([
      db.postSupport.create({ data: { postId: post.id, userId: actor.id } }),
      db.post.update({ where: { id: post.id }, data: { supportCount: { increment: 1 } }, select: { supportCount: true } }),
    ]);
    return { topicId: post.topicId, postId: post.id, supportCount: updated.supportCount };
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("discussions.error.alreadySupported", undefined, undefined, 409);
    throw error;
  }
}

export async function unsupportPost(db: Db, actor: Actor, input: { postId: number }) {
  const removed = await db.postSupport.deleteMany({ where: { postId: input.postId, userId: actor.id } });
  if (removed.count === 0) throw new DomainError("discussions.error.notSupported", undefined, undefined, 409);
  const post = await db.post.update({ where: { id: input.postId }, data: { supportCount: { decrement: 1 } }, select: { topicId: true, supportCount: true } });
  return { topicId: post.topicId, postId: input.postId, supportCount: post.supportCount };
}

/** A moderator marks one reply as the official answer (shown under the question). */
export async function markOfficialAnswer(db: Db, actor: Actor, input: { postId: number }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const post = await db.post.findUnique({
    where: { id: input.postId },
    select: { id: true, topicId: true, parentId: true, status: true, topic: { select: { title: true, authorId: true } } },
  });
  if (!post || post.parentId === null) throw notFound();
  if (post.status !== "visible") throw new DomainError("discussions.error.postUnavailable", undefined, undefined, 409);
  await db.topic.updateMany({ where: { officialAnswerPostId: post.id }, data: { officialAnswerPostId: null } });
  await db.topic.update({ where: { id: post.topicId }, data: { officialAnswerPostId: post.id, status: "answered" } });
  await audit(db, { actorId: actor.id, action: "discussions.topic.officialAnswer", targetType: "topic", targetId: post.topicId, details: { postId: post.id } });
  if (post.topic.authorId && post.topic.authorId !== actor.id) {
    await notify(db, mailerOf(services), {
      userIds: [post.topic.authorId],
      messageKey: "discussions.notify.answered",
      params: { title: post.topic.title },
      link: `/discussions/${post.topicId}`,
    });
  }
  return { topicId: post.topicId };
}

export async function clearOfficialAnswer(db: Db, actor: Actor, input: { topicId: number }) {
  if (!can.moderate(actor)) throw forbidden();
  const topic = await db.topic.findUnique({ where: { id: input.topicId }, select: { id: true, officialAnswerPostId: true, status: true } });
  if (!topic) throw notFound();
  await db.topic.update({ where: { id: topic.id }, data: { officialAnswerPostId: null, status: topic.status === "answered" ? "open" : topic.status } });
  await audit(db, {
    actorId: actor.id,
    action: "discussions.topic.officialAnswerCleared",
    targetType: "topic",
    targetId: topic.id,
    details: { postId: topic.officialAnswerPostId },
  });
  return { topicId: topic.id };
}

/** Pin, lock, and mark answered or closed. */
export async function updateTopicState(db: Db, actor: Actor, input: { topicId: number; status: TopicStatus; pinned: boolean; locked: boolean }) {
  if (!can.moderate(actor)) throw forbidden();
  const before = await db.topic.findUnique({ where: { id: input.topicId }, select: { id: true, status: true, pinned: true, locked: true } });
  if (!before) throw notFound();
  const data = { status: input.status, pinned: input.pinned, locked: input.locked };
  await db.topic.update({ where: { id: before.id }, data });
  await audit(db, { actorId: actor.id, action: "discussions.topic.update", targetType: "topic", targetId: before.id, details: { before, after: data } });
  return { topicId: before.id };
}

/** Kelurahan names for filters and the topic form. */
export function kelurahanOptions(db: Db) {
  return db.area.findMany({ where: { level: "kelurahan" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
