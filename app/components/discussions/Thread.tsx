// One post of a thread with its replies, its actions and (when asked for in the URL)
// one inline form: reply, edit, delete, report, hide, restore, block. Everything is
// a link or a plain form, so it all works without JavaScript.
import { Form, Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfField, FormAlert, TextAreaField, type FormState } from "~/components/forms";
import { formKinds, type FormKind } from "~/domain/discussions/discussions.schema";
import type { PostNode, PostView } from "~/domain/discussions/discussions.server";
import { formatDateTime } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { useLiveSupport } from "./LiveThread";

export interface ThreadContext {
  topicId: number;
  viewer: { signedIn: boolean; moderator: boolean; staff: boolean; canReply: boolean; userId: number | null };
  officialAnswerPostId: number | null;
  open: { kind: FormKind; postId: number } | null;
  editBody: string | null;
  state?: FormState;
  /** the post at the top of this page (no "continue" link for it) */
  pageRootId?: number;
  /** computed once per page by useThreadUrls */
  urls: ThreadUrls;
}

export interface ThreadUrls {
  /** where forms post: the current URL */
  action: string;
  /** where actions come back to: the current URL without the inline-form parameters */
  back: string;
  formLink: (kind: FormKind, postId: number) => string;
}

export function useThreadUrls(): ThreadUrls {
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  search.delete("form");
  search.delete("post");
  const qs = search.toString();
  return {
    action: location.pathname + location.search,
    back: location.pathname + (qs ? `?${qs}` : ""),
    formLink: (kind, postId) => {
      const s = new URLSearchParams(search);
      s.set("form", kind);
      s.set("post", String(postId));
      return `${location.pathname}?${s}#form-${postId}`;
    },
  };
}

type Post = PostView;
export type PostTree = PostNode;

function stateFor(ctx: ThreadContext, intent: string, idField: string, id: number): FormState | undefined {
  const v = ctx.state?.values;
  return v && v.intent === intent && v[idField] === String(id) ? ctx.state : undefined;
}

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

function ActionForm({
  ctx,
  intent,
  fields,
  children,
  className,
}: {
  ctx: ThreadContext;
  intent: string;
  fields: Record<string, string | number>;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Form method="post" action={ctx.urls.action} className={className} preventScrollReset>
      <CsrfField />
      <Hidden fields={{ intent, back: ctx.urls.back, ...fields }} />
      {children}
    </Form>
  );
}

function InlineForm({ post, ctx }: { post: Post; ctx: ThreadContext }) {
  const t = useT();
  if (!ctx.open || ctx.open.postId !== post.id) return null;
  const kind = ctx.open.kind;
  const cancel = (
    <Link to={ctx.urls.back + `#post-${post.id}`} className="button button-secondary">
      {t("discussions.action.cancel")}
    </Link>
  );
  const wrap = (title: string, children: ReactNode) => (
    <section className="inline-panel" id={`form-${post.id}`} aria-label={title}>
      {children}
    </section>
  );
  if (kind === "reply" && ctx.viewer.canReply && post.status === "visible") {
    const state = stateFor(ctx, "reply", "parentId", post.id);
    return wrap(
      t("discussions.action.replyTo", { name: post.author?.name ?? t("discussions.system") }),
      <ActionForm ctx={ctx} intent="reply" fields={{ parentId: post.id }}>
        <FormAlert state={state} />
        <TextAreaField
          name="body"
          label={t("discussions.field.reply")}
          hint={t("discussions.field.bodyHint")}
          state={state}
          required
          rows={4}
          maxLength={10000}
        />
        <div className="form-actions">
          <button type="submit">{t("discussions.action.sendReply")}</button>
          {cancel}
        </div>
      </ActionForm>,
    );
  }
  if (kind === "edit" && post.mine && ctx.editBody !== null) {
    const state = stateFor(ctx, "edit", "postId", post.id);
    return wrap(
      t("discussions.action.edit"),
      <ActionForm ctx={ctx} intent="edit" fields={{ postId: post.id }}>
        <FormAlert state={state} />
        <TextAreaField
          name="body"
          label={t("discussions.field.body")}
          hint={t("discussions.field.bodyHint")}
          state={state}
          required
          rows={5}
          maxLength={10000}
          defaultValue={ctx.editBody}
        />
        <div className="form-actions">
          <button type="submit">{t("discussions.action.saveEdit")}</button>
          {cancel}
        </div>
      </ActionForm>,
    );
  }
  if (kind === "delete" && post.mine) {
    const state = stateFor(ctx, "delete", "postId", post.id);
    return wrap(
      t("discussions.action.delete"),
      <ActionForm ctx={ctx} intent="delete" fields={{ postId: post.id }}>
        <FormAlert state={state} />
        <p>{t("discussions.action.deleteQuestion")}</p>
        <div className="form-actions">
          <button type="submit">{t("discussions.action.deleteConfirm")}</button>
          {cancel}
        </div>
      </ActionForm>,
    );
  }
  const reasonForm = (intent: "report" | "hide" | "restore" | "block", label: string, submit: string, fields: Record<string, number>, required = true) => {
    const state = stateFor(ctx, intent, Object.keys(fields)[0], Object.values(fields)[0]);
    return wrap(
      submit,
      <ActionForm ctx={ctx} intent={intent} fields={fields}>
        <FormAlert state={state} />
        <TextAreaField name="reason" label={label} state={state} required={required} rows={3} maxLength={500} />
        <div className="form-actions">
          <button type="submit">{submit}</button>
          {cancel}
        </div>
      </ActionForm>,
    );
  };
  if (kind === "report" && ctx.viewer.signedIn && !post.mine)
    return reasonForm("report", t("discussions.field.reportReason"), t("discussions.action.sendReport"), { postId: post.id });
  if (kind === "hide" && ctx.viewer.moderator) return reasonForm("hide", t("discussions.field.reason"), t("discussions.action.hide"), { postId: post.id });
  if (kind === "restore" && ctx.viewer.moderator)
    return reasonForm("restore", t("discussions.field.restoreReason"), t("discussions.action.restore"), { postId: post.id }, false);
  if (kind === "block" && ctx.viewer.moderator && post.author)
    return reasonForm("block", t("discussions.field.reason"), t("discussions.action.block"), { userId: post.author.id });
  return null;
}

function Meta({ post }: { post: Post }) {
  const t = useT();
  const locale = useLocale();
  const staff = post.author && post.author.role !== "resident";
  return (
    <p className="post-meta">
      <span className="post-author">
        {post.author ? post.author.name : post.status === "deleted" ? t("discussions.anonymousAuthor") : t("discussions.system")}
      </span>
      {post.isOfficial && staff && (
        <span className="badge badge-official">{`${t("discussions.official")} · ${t(`discussions.role.${post.author!.role as "moderator"}`)}`}</span>
      )}
      <time dateTime={post.createdAt.toISOString()}>{formatDateTime(post.createdAt, locale)}</time>
      {post.editedAt && (
        <span className="edited" title={formatDateTime(post.editedAt, locale)}>
          {`(${t("discussions.edited")})`}
        </span>
      )}
    </p>
  );
}

function SupportControl({ post, ctx }: { post: Post; ctx: ThreadContext }) {
  const t = useT();
  const count = useLiveSupport(post.id, post.supportCount);
  if (post.status !== "visible") return null;
  if (!ctx.viewer.signedIn || post.mine) {
    return <span className="support-count">{t("discussions.supports", { count })}</span>;
  }
  const supported = post.supportedByMe;
  return (
    <ActionForm ctx={ctx} intent={supported ? "unsupport" : "support"} fields={{ postId: post.id }} className="inline-form">
      <button
        type="submit"
        className={supported ? "button-secondary support-button" : "support-button"}
        aria-pressed={supported}
        aria-label={supported ? t("discussions.action.unsupportLabel", { count }) : t("discussions.action.supportLabel", { count })}
      >
        {supported ? t("discussions.action.unsupport", { count }) : t("discussions.action.support", { count })}
      </button>
    </ActionForm>
  );
}

function Actions({ post, ctx }: { post: Post; ctx: ThreadContext }) {
  const t = useT();
  const formLink = ctx.urls.formLink;
  const visible = post.status === "visible";
  const isRoot = post.parentId === null;
  const items: ReactNode[] = [];
  if (visible && ctx.viewer.canReply)
    items.push(
      <Link key="reply" to={formLink("reply", post.id)} aria-label={t("discussions.action.replyTo", { name: post.author?.name ?? t("discussions.system") })}>
        {t("discussions.action.reply")}
      </Link>,
    );
  if (post.mine && (visible || post.status === "pending")) {
    items.push(
      <Link key="edit" to={formLink("edit", post.id)}>
        {t("discussions.action.edit")}
      </Link>,
    );
    items.push(
      <Link key="delete" to={formLink("delete", post.id)}>
        {t("discussions.action.delete")}
      </Link>,
    );
  }
  if (ctx.viewer.signedIn && !post.mine && post.status !== "deleted" && post.status !== "pending" && (post.author || !isRoot)) {
    items.push(
      <Link key="report" to={formLink("report", post.id)}>
        {t("discussions.action.report")}
      </Link>,
    );
  }
  if (ctx.viewer.moderator) {
    if (post.status === "visible" && (post.author || !isRoot))
      items.push(
        <Link key="hide" to={formLink("hide", post.id)}>
          {t("discussions.action.hide")}
        </Link>,
      );
    if (post.status === "hidden")
      items.push(
        <Link key="restore" to={formLink("restore", post.id)}>
          {t("discussions.action.restore")}
        </Link>,
      );
    if (post.status === "visible" && post.openReports > 0) {
      items.push(
        <ActionForm ctx={ctx} key="dismiss" intent="restore" fields={{ postId: post.id }} className="inline-form">
          <button type="submit" className="link-button">
            {t("discussions.action.dismiss")}
          </button>
        </ActionForm>,
      );
    }
    if (post.status === "pending") {
      items.push(
        <ActionForm ctx={ctx} key="approve" intent="approve" fields={{ postId: post.id }} className="inline-form">
          <button type="submit" className="link-button">
            {t("discussions.action.approve")}
          </button>
        </ActionForm>,
      );
    }
    if (!isRoot && visible) {
      items.push(
        ctx.officialAnswerPostId === post.id ? (
          <ActionForm ctx={ctx} key="answer" intent="unanswer" fields={{ topicId: ctx.topicId }} className="inline-form">
            <button type="submit" className="link-button">
              {t("discussions.action.unmarkAnswer")}
            </button>
          </ActionForm>
        ) : (
          <ActionForm ctx={ctx} key="answer" intent="answer" fields={{ postId: post.id }} className="inline-form">
            <button type="submit" className="link-button">
              {t("discussions.action.markAnswer")}
            </button>
          </ActionForm>
        ),
      );
    }
    if (post.author && post.author.role === "resident" && !post.mine)
      items.push(
        <Link key="block" to={formLink("block", post.id)}>
          {t("discussions.action.block")}
        </Link>,
      );
  }
  if (ctx.viewer.staff && visible && (post.author || !isRoot) && post.bodyHtml) {
    items.push(
      <Form key="asp" method="post" action={`/aspirations/from-post/${post.id}`} className="inline-form">
        <CsrfField />
        <button type="submit" className="link-button">
          {t("discussions.action.toAspiration")}
        </button>
      </Form>,
    );
  }
  return (
    <div className="post-actions">
      <SupportControl post={post} ctx={ctx} />
      {items.length > 0 && (
        <ul className="action-list">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PostBody({ post }: { post: Post }) {
  const t = useT();
  const locale = useLocale();
  const tombstone =
    post.status === "deleted"
      ? t("discussions.tombstone.deleted")
      : post.status === "hidden"
        ? post.autoHidden
          ? t("discussions.tombstone.autoHidden")
          : t("discussions.tombstone.hidden", { reason: post.hiddenReason ?? "-" })
        : null;
  return (
    <>
      {post.status === "pending" && <p className="notice-pending">{t("discussions.pendingNotice")}</p>}
      {tombstone ? (
        <>
          <p className="tombstone">{tombstone}</p>
          {post.bodyHtml && (
            <details className="mod-details">
              <summary>{t("discussions.moderatorView")}</summary>
              <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
            </details>
          )}
        </>
      ) : (
        post.bodyHtml && <div className="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      {post.revisions.length > 0 && (
        <details className="mod-details">
          <summary>{t("discussions.revisions", { count: post.revisions.length })}</summary>
          <ol>
            {post.revisions.map((r, i) => (
              <li key={i}>
                <p className="muted">{t("discussions.revisionBy", { date: formatDateTime(r.createdAt, locale), name: r.editor ?? "-" })}</p>
                <pre className="revision">{r.body}</pre>
              </li>
            ))}
          </ol>
        </details>
      )}
    </>
  );
}

export function PostCard({ post, ctx, nested = true }: { post: PostTree; ctx: ThreadContext; nested?: boolean }) {
  const t = useT();
  const official = post.isOfficial && post.author && post.author.role !== "resident";
  return (
    <article
      id={`post-${post.id}`}
      className={`post${official ? " post-official" : ""}${post.status !== "visible" ? ` post-${post.status}` : ""}`}
      aria-labelledby={`post-${post.id}-meta`}
    >
      <div id={`post-${post.id}-meta`}>
        <Meta post={post} />
      </div>
      {ctx.officialAnswerPostId === post.id && <p className="badge badge-answer">{t("discussions.officialAnswer")}</p>}
      {post.openReports > 0 && <p className="badge badge-reports">{t("discussions.openReports", { count: post.openReports })}</p>}
      <PostBody post={post} />
      {post.aspirationCodes.length > 0 && (
        <ul className="aspiration-links">
          {post.aspirationCodes.map((code) => (
            <li key={code}>
              <Link to={`/aspirations/${code}`}>{t("discussions.aspirationLink", { code })}</Link>
            </li>
          ))}
        </ul>
      )}
      <Actions post={post} ctx={ctx} />
      <InlineForm post={post} ctx={ctx} />
      {nested && post.children.length > 0 && (
        <ol className="replies">
          {post.children.map((child) => (
            <li key={child.id}>
              <PostCard post={child} ctx={ctx} />
            </li>
          ))}
        </ol>
      )}
      {nested && post.hasMore && (
        <p className="continue">
          <Link to={`/discussions/${ctx.topicId}/posts/${post.id}`}>{t("discussions.continue")} →</Link>
        </p>
      )}
    </article>
  );
}

/** An error from an action that no inline form on the page shows (e.g. a support refused). */
export function StrayError({ ctx, shown }: { ctx: ThreadContext; shown: boolean }) {
  const v = ctx.state?.values;
  const message = ctx.state?.formError ?? Object.values(ctx.state?.errors ?? {})[0];
  if (!message || shown) return null;
  const inline = ctx.open && v && (v.postId === String(ctx.open.postId) || v.parentId === String(ctx.open.postId) || v.intent === "block");
  if (inline && (formKinds as readonly string[]).includes(v!.intent ?? "")) return null;
  return <FormAlert state={{ formError: message }} />;
}

/** Every post id in the trees (for the live hook: which posts the page already shows). */
export function collectIds(trees: IdTree[]): number[] {
  return trees.flatMap((p) => [p.id, ...collectIds(p.children)]);
}
interface IdTree {
  id: number;
  children: IdTree[];
}
