import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LiveThread } from "~/components/discussions/LiveThread";
import { PostCard, StrayError, collectIds, useThreadUrls, type ThreadContext } from "~/components/discussions/Thread";
import { parseSort } from "~/domain/discussions/discussions.schema";
import { getSubthread } from "~/domain/discussions/discussions.server";
import { useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { getUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam } from "~/utils/boundary.server";
import { openForm, threadAction } from "~/utils/discussions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.topic.title ?? ""} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const topicId = idParam(params, "id", "discussions.error.notFound");
  const postId = idParam(params, "postId", "discussions.error.notFound");
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const thread = await getSubthread(context.db, user, topicId, postId, parseSort(url.searchParams.get("sort")));
  const form = await openForm(url, context, user);
  return { thread, ...form, userId: user?.id ?? null };
});

export const action = /* @__PURE__ */ defineAction(threadAction);

export default function SubthreadPage() {
  const t = useT();
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
    pageRootId: thread.post.id,
    urls,
  };
  const post = thread.post;
  return (
    <LiveThread topicId={topic.id} knownIds={collectIds([post])}>
      <p>
        <Link to={`/discussions/${topic.id}`}>← {t("discussions.backToTopic")}</Link>
      </p>
      <h1>{topic.title}</h1>
      <p className="muted">{t("discussions.continueHeading")}</p>
      <StrayError ctx={ctx} shown={false} />
      {thread.parentId !== null && (
        <p>
          <Link to={`/discussions/${topic.id}/posts/${thread.parentId}`}>↑ {t("discussions.upOneLevel")}</Link>
        </p>
      )}
      <div className="thread">
        <PostCard post={post} ctx={ctx} />
      </div>
    </LiveThread>
  );
}
