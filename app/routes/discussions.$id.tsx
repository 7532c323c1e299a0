import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/Pagination";
import { CheckboxField, CsrfField, FormAlert, TextAreaField } from "~/components/forms";
import { LiveThread } from "~/components/discussions/LiveThread";
import { PostBody, PostCard, collectIds, StrayError, useThreadUrls, type PostTree, type ThreadContext } from "~/components/discussions/Thread";
import { optionalQueryId, parseSort, sorts, topicStatuses } from "~/domain/discussions/discussions.schema";
import { getThread } from "~/domain/discussions/discussions.server";
import { formatDateTime } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { getUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam } from "~/utils/boundary.server";
import { openForm, threadAction } from "~/utils/discussions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.topic.title ?? ""} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const topicId = idParam(params, "id", "discussions.error.notFound");
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const thread = await getThread(context.db, user, topicId, {
    page: optionalQueryId(url.searchParams.get("page")) ?? 1,
    sort: parseSort(url.searchParams.get("sort")),
  });
  const form = await openForm(url, context, user);
  return { thread, ...form, userId: user?.id ?? null };
});

export const action = /* @__PURE__ */ defineAction(threadAction);

export default function TopicPage() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const { thread } = data;
  const { topic, viewer } = thread;
  const urls = useThreadUrls();
  const ctx: ThreadContext = {
    topicId: topic.id,
    viewer: { ...viewer, userId: data.userId },
    officialAnswerPostId: topic.officialAnswerPostId,
    open: data.open,
    editBody: data.editBody,
    state,
    urls,
  };
  const root: PostTree = { ...thread.root, children: [], hasMore: false };
  const posts = thread.posts;
  const closed = topic.locked || topic.status === "closed";
  const replyState = state?.values?.intent === "reply" && state.values.parentId === String(thread.root.id) ? state : undefined;
  const topicState =
    (state?.values?.intent === "topic" || state?.values?.intent === "unanswer") && state.values.topicId === String(topic.id) ? state : undefined;
  // the settings form has no field that shows its own error (a status, an id): its first message goes on top of it
  const topicMessage = topicState && (topicState.formError ?? Object.values(topicState.errors ?? {})[0]);
  return (
    <LiveThread topicId={topic.id} knownIds={[thread.root.id, ...collectIds(posts)]}>
      <p>
        <Link to="/discussions">← {t("discussions.title")}</Link>
      </p>
      <h1>{topic.title}</h1>
      <StrayError ctx={ctx} shown={(!!replyState && !closed && !viewer.blocked) || !!topicState} />
      <p className="tags">
        {topic.pinned && <span className="badge">{t("discussions.pinned")}</span>}
        {topic.category && <span className="tag">{locale === "en" ? topic.category.nameEn : topic.category.nameId}</span>}
        {topic.kelurahan && <span className="tag">{topic.kelurahan.name}</span>}
        <span className={`badge status-${topic.status}`}>{t(`discussions.status.${topic.status}`)}</span>
        {topic.locked && <span className="badge">{t("discussions.locked")}</span>}
      </p>
      {topic.event ? (
        <section className="question" aria-label={t("discussions.eventThread")}>
          <p>{t("discussions.eventIntro", { title: topic.event.title })}</p>
          <p>
            <Link to={`/events/${topic.event.id}`}>{t("discussions.eventLink")}</Link> · {formatDateTime(topic.event.startsAt, locale)}
          </p>
        </section>
      ) : (
        <section className="question" aria-label={t("discussions.question")}>
          <PostCard post={root} ctx={ctx} nested={false} />
        </section>
      )}
      {thread.officialAnswer && (
        <section className="official-answer" aria-labelledby="official-answer">
          <h2 id="official-answer">{t("discussions.officialAnswer")}</h2>
          <p className="post-meta">
            <span className="post-author">{thread.officialAnswer.author?.name}</span>{" "}
            <time dateTime={thread.officialAnswer.createdAt.toISOString()}>{formatDateTime(thread.officialAnswer.createdAt, locale)}</time>
          </p>
          <PostBody post={{ ...thread.officialAnswer, revisions: [] }} />
          <p>
            <Link to={`/discussions/${topic.id}/posts/${thread.officialAnswer.id}`}>{t("discussions.officialAnswerShow")}</Link>
          </p>
        </section>
      )}
      {viewer.moderator && (
        <details className="topic-settings" open={!!topicState}>
          <summary>{t("discussions.topicSettings")}</summary>
          <Form method="post" action={urls.action} className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="topic" />
            <input type="hidden" name="topicId" value={topic.id} />
            <input type="hidden" name="back" value={urls.back} />
            <FormAlert state={topicMessage ? { formError: topicMessage } : undefined} />
            <div className="field">
              <label htmlFor="topic-status">{t("discussions.filter.status")}</label>
              <select id="topic-status" name="status" defaultValue={topic.status}>
                {topicStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`discussions.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <CheckboxField name="pinned" label={t("discussions.topicSettings.pinned")} defaultChecked={topic.pinned} />
            <CheckboxField name="locked" label={t("discussions.topicSettings.locked")} defaultChecked={topic.locked} />
            <button type="submit">{t("discussions.topicSettings.save")}</button>
          </Form>
        </details>
      )}

      <section aria-labelledby="replies-heading" className="thread">
        <div className="thread-head">
          <h2 id="replies-heading">{t("discussions.repliesHeading", { count: topic.replyCount })}</h2>
          <Form method="get" className="inline-form sort-form">
            <label htmlFor="sort">{t("discussions.sort")}</label>
            <select id="sort" name="sort" defaultValue={thread.sort}>
              {sorts.map((s) => (
                <option key={s} value={s}>
                  {t(`discussions.sort.${s}`)}
                </option>
              ))}
            </select>
            <button type="submit">{t("discussions.sortApply")}</button>
          </Form>
        </div>
        {posts.length === 0 ? (
          <p>{t("discussions.noReplies")}</p>
        ) : (
          <ol className="replies replies-top">
            {posts.map((p) => (
              <li key={p.id}>
                <PostCard post={p} ctx={ctx} />
              </li>
            ))}
          </ol>
        )}
        <Pagination page={thread.page} pages={thread.pages} />
      </section>

      <section aria-labelledby="reply-heading" className="reply-box">
        <h2 id="reply-heading">{t("discussions.action.replyTopic")}</h2>
        {viewer.blocked ? (
          <p className="alert alert-error">{t("discussions.blockedNotice", { reason: viewer.blockedReason ?? "-" })}</p>
        ) : closed && !viewer.moderator ? (
          <p className="alert alert-info">{topic.locked ? t("discussions.lockedNotice") : t("discussions.closedNotice")}</p>
        ) : !viewer.signedIn ? (
          <p>
            <Link to={`/login?redirectTo=${encodeURIComponent(`/discussions/${topic.id}`)}`} className="button">
              {t("discussions.loginToPost")}
            </Link>
          </p>
        ) : data.open ? null : (
          <Form method="post" action={urls.action} className="stack" id="reply-form">
            <CsrfField />
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="parentId" value={thread.root.id} />
            <input type="hidden" name="back" value={urls.back} />
            <FormAlert state={replyState} />
            <TextAreaField
              name="body"
              label={t("discussions.field.reply")}
              hint={t("discussions.field.bodyHint")}
              state={replyState}
              required
              rows={5}
              maxLength={10000}
            />
            <button type="submit">{t("discussions.action.sendReply")}</button>
          </Form>
        )}
      </section>
    </LiveThread>
  );
}
