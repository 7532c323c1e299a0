// Moderation of discussions: reports (auto-hide at a threshold of distinct reporters),
// hide / restore with a reason, approval of new accounts' posts, posting blocks.
// Every action is audited and the author is told what happened and why.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { notify } from "~/domain/notifications/notifications.server";
import { forbidden, mailerOf, mayRead, notFound, type Services } from "./discussions.server";
import { getDiscussionSettings } from "./settings.server";
import { reachesThreshold } from "./tree";

const postForModeration = {
  id: true,
  topicId: true,
  parentId: true,
  authorId: true,
  status: true,
  hiddenById: true,
  topic: { select: { title: true } },
} as const;

async function loadPost(db: Db, postId: number) {
  const post = await db.post.findUnique({ where: { id: postId }, select: postForModeration });
  if (!post) throw notFound();
  return post;
}

function postLink(post: { id: number; topicId: number; parentId: number | null }) {
  return post.parentId === null ? `/discussions/${post.topicId}` : `/discussions/${post.topicId}/posts/${post.id}`;
}

/**
 * Anyone signed in reports a post with a reason. When enough different people
 * have open reports on it, it is hidden until a moderator reviews it.
 */
export async function reportPost(db: Db, actor: Actor, input: { postId: number; reason: string }, services: Services = {}) {
  const post = await loadPost(db, input.postId);
  if (!mayRead(actor, post)) throw notFound();
  if (post.authorId === actor.id) throw new DomainError("discussions.error.reportOwn", "reason", undefined, 409);
  if (post.status === "deleted") throw new DomainError("discussions.error.postUnavailable", "reason", undefined, 409);
  try {
    await db.postReport.create({ data: { postId: post.id, reporterId: actor.id, reason: input.reason } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("discussions.error.alreadyReported", "reason", undefined, 409);
    throw error;
  }
  const reports = await db.postReport.findMany({ where: { postId: post.id, resolvedAt: null }, select: { reporterId: true } });
  const { reportThreshold } = await getDiscussionSettings(db);
  let autoHidden = false;
  if (
    post.status === "visible" &&
    reachesThreshold(
      reports.map((r) => r.reporterId),
      reportThreshold,
    )
  ) {
    const updated = await db.post.updateMany({ where: { id: post.id, status: "visible" }, data: { status: "hidden", hiddenReason: null, hiddenById: null } });
    autoHidden = updated.count === 1;
    if (autoHidden) {
      await audit(db, {
        actorId: null,
        action: "discussions.post.autoHide",
        targetType: "post",
        targetId: post.id,
        details: { reporters: reports.length, threshold: reportThreshold },
      });
      if (post.authorId) {
        await notify(db, mailerOf(services), {
          userIds: [post.authorId],
          messageKey: "discussions.notify.autoHidden",
          params: { title: post.topic.title },
          link: postLink(post),
        });
      }
    }
  }
  return { topicId: post.topicId, postId: post.id, autoHidden };
}

async function resolveReports(db: Db, actor: Actor, postId: number, resolution: "upheld" | "dismissed") {
  await db.postReport.updateMany({ where: { postId, resolvedAt: null }, data: { resolvedAt: new Date(), resolvedById: actor.id, resolution } });
}

export async function hidePost(db: Db, actor: Actor, input: { postId: number; reason: string }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const post = await loadPost(db, input.postId);
  if (post.status === "deleted") throw new DomainError("discussions.error.postUnavailable", "reason", undefined, 409);
  await db.post.update({ where: { id: post.id }, data: { status: "hidden", hiddenReason: input.reason, hiddenById: actor.id } });
  await resolveReports(db, actor, post.id, "upheld");
  await audit(db, {
    actorId: actor.id,
    action: "discussions.post.hide",
    targetType: "post",
    targetId: post.id,
    details: { reason: input.reason, from: post.status },
  });
  if (post.authorId) {
    await notify(db, mailerOf(services), {
      userIds: [post.authorId],
      messageKey: "discussions.notify.hidden",
      params: { title: post.topic.title, reason: input.reason },
      link: postLink(post),
    });
  }
  return { topicId: post.topicId, postId: post.id };
}

/** Makes a hidden post visible again, or dismisses the open reports on a visible one. */
export async function restorePost(db: Db, actor: Actor, input: { postId: number; reason?: string }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const post = await loadPost(db, input.postId);
  if (post.status !== "hidden" && post.status !== "visible") throw new DomainError("discussions.error.postUnavailable", "reason", undefined, 409);
  const wasHidden = post.status === "hidden";
  if (wasHidden) await db.post.update({ where: { id: post.id }, data: { status: "visible", hiddenReason: null, hiddenById: null } });
  await resolveReports(db, actor, post.id, "dismissed");
  await audit(db, {
    actorId: actor.id,
    action: wasHidden ? "discussions.post.restore" : "discussions.reports.dismiss",
    targetType: "post",
    targetId: post.id,
    details: { reason: input.reason ?? null },
  });
  if (wasHidden && post.authorId) {
    await notify(db, mailerOf(services), {
      userIds: [post.authorId],
      messageKey: "discussions.notify.restored",
      params: { title: post.topic.title, reason: input.reason || "-" },
      link: postLink(post),
    });
  }
  return { topicId: post.topicId, postId: post.id, wasHidden };
}

export async function approvePost(db: Db, actor: Actor, input: { postId: number }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const post = await loadPost(db, input.postId);
  if (post.status !== "pending") throw new DomainError("discussions.error.notPending", undefined, undefined, 409);
  await db.post.update({ where: { id: post.id }, data: { status: "visible" } });
  if (post.parentId !== null) await db.topic.update({ where: { id: post.topicId }, data: { replyCount: { increment: 1 }, lastActivityAt: new Date() } });
  await audit(db, { actorId: actor.id, action: "discussions.post.approve", targetType: "post", targetId: post.id });
  if (post.authorId) {
    await notify(db, mailerOf(services), {
      userIds: [post.authorId],
      messageKey: "discussions.notify.approved",
      params: { title: post.topic.title },
      link: postLink(post),
    });
  }
  return { topicId: post.topicId, postId: post.id };
}

export async function rejectPost(db: Db, actor: Actor, input: { postId: number; reason: string }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const post = await loadPost(db, input.postId);
  if (post.status !== "pending") throw new DomainError("discussions.error.notPending", undefined, undefined, 409);
  await db.post.update({ where: { id: post.id }, data: { status: "hidden", hiddenReason: input.reason, hiddenById: actor.id } });
  await audit(db, { actorId: actor.id, action: "discussions.post.reject", targetType: "post", targetId: post.id, details: { reason: input.reason } });
  if (post.authorId) {
    await notify(db, mailerOf(services), {
      userIds: [post.authorId],
      messageKey: "discussions.notify.rejected",
      params: { title: post.topic.title, reason: input.reason },
      link: postLink(post),
    });
  }
  return { topicId: post.topicId, postId: post.id };
}

export async function blockUser(db: Db, actor: Actor, input: { userId: number; reason: string }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, role: true } });
  if (!user) throw notFound();
  if (user.id === actor.id || user.role !== "resident") throw new DomainError("discussions.error.blockStaff", "reason", undefined, 409);
  await db.user.update({ where: { id: user.id }, data: { postingBlockedAt: new Date(), postingBlockedReason: input.reason } });
  await audit(db, { actorId: actor.id, action: "discussions.user.block", targetType: "user", targetId: user.id, details: { reason: input.reason } });
  await notify(db, mailerOf(services), {
    userIds: [user.id],
    messageKey: "discussions.notify.blocked",
    params: { reason: input.reason },
    link: "/discussions",
  });
  return { userId: user.id };
}

export async function unblockUser(db: Db, actor: Actor, input: { userId: number }, services: Services = {}) {
  if (!can.moderate(actor)) throw forbidden();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, postingBlockedAt: true } });
  if (!user) throw notFound();
  if (!user.postingBlockedAt) throw new DomainError("discussions.error.notBlocked", undefined, undefined, 409);
  await db.user.update({ where: { id: user.id }, data: { postingBlockedAt: null, postingBlockedReason: null } });
  await audit(db, { actorId: actor.id, action: "discussions.user.unblock", targetType: "user", targetId: user.id });
  await notify(db, mailerOf(services), { userIds: [user.id], messageKey: "discussions.notify.unblocked", params: {}, link: "/discussions" });
  return { userId: user.id };
}

export interface QueueItem {
  postId: number;
  topicId: number;
  topicTitle: string;
  parentId: number | null;
  status: string;
  bodyHtml: string;
  createdAt: Date;
  author: { id: number; name: string; role: string; blocked: boolean } | null;
  reports: { reason: string; reporter: string; createdAt: Date }[];
}

const queueSelect = {
  id: true,
  topicId: true,
  parentId: true,
  status: true,
  bodyHtml: true,
  createdAt: true,
  topic: { select: { title: true } },
  author: { select: { id: true, name: true, role: true, postingBlockedAt: true } },
  reports: {
    where: { resolvedAt: null },
    orderBy: { createdAt: "asc" as const },
    select: { reason: true, createdAt: true, reporter: { select: { name: true } } },
  },
} as const;

/** Posts waiting for a moderator: open reports (auto-hidden first) and pending approvals; blocked users. */
export async function moderationQueue(db: Db, actor: Actor) {
  if (!can.moderate(actor)) throw forbidden();
  const [reported, pending, blocked] = await Promise.all([
    db.post.findMany({ where: { reports: { some: { resolvedAt: null } } }, orderBy: [{ status: "asc" }, { id: "asc" }], take: 100, select: queueSelect }),
    db.post.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: 100, select: queueSelect }),
    db.user.findMany({
      where: { postingBlockedAt: { not: null } },
      orderBy: { postingBlockedAt: "desc" },
      take: 100,
      select: { id: true, name: true, postingBlockedAt: true, postingBlockedReason: true },
    }),
  ]);
  const item = (p: (typeof reported)[number]): QueueItem => ({
    postId: p.id,
    topicId: p.topicId,
    topicTitle: p.topic.title,
    parentId: p.parentId,
    status: p.status,
    bodyHtml: p.bodyHtml,
    createdAt: p.createdAt,
    author: p.author ? { id: p.author.id, name: p.author.name, role: p.author.role, blocked: !!p.author.postingBlockedAt } : null,
    reports: p.reports.map((r) => ({ reason: r.reason, reporter: r.reporter.name, createdAt: r.createdAt })),
  });
  return {
    reported: reported.map(item).sort((a, b) => (a.status === "hidden" ? 0 : 1) - (b.status === "hidden" ? 0 : 1)),
    pending: pending.map(item),
    blocked: blocked.map((u) => ({ id: u.id, name: u.name, since: u.postingBlockedAt!, reason: u.postingBlockedReason })),
  };
}
