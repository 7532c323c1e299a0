import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { FormState } from "~/components/forms";
import { LiveThread } from "~/components/discussions/LiveThread";
import { PostCard, StrayError, collectIds, useThreadUrls, type PostTree, type ThreadContext } from "~/components/discussions/Thread";
import { parseSort } from "~/domain/discussions/discussions.schema";
import { getSubthread } from "~/domain/discussions/discussions.server";
import { DomainError } from "~/domain/errors";
import { useT } from "~/i18n/react";
import discussionsCss from "~/styles/discussions.css";
import { getUser } from "~/utils/auth.server";
import { openForm, threadAction } from "~/utils/discussions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.thread.topic.title ?? ""} · Balai` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const topicId = Number(params.id);
  const postId = Number(params.postId);
  if (!Number.isInteger(topicId) || topicId <= 0 || !Number.isInteger(postId) || postId <= 0) throw json({ messageKey: "discussions.error.notFound" }, { status: 404 });
  const user = await getUser(request, context);
  const url = new URL(request.url);
  try {
    const thread = await getSubthread(context.db, user, topicId, postId, parseSort(url.searchParams.get("sort")));
    const form = await openForm(url, context, user);
    return json({ thread, ...form, userId: user?.id ?? null });
  } catch (error) {
    if (error instanceof DomainError) throw json({ messageKey: error.messageKey }, { status: error.status });
    throw error;
  }
}

export const action = threadAction;

export default function SubthreadPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
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
  const post = thread.post as unknown as PostTree;
  return (
    <LiveThread topicId={topic.id} knownIds={collectIds([post])}>
      <p><Link to={`/discussions/${topic.id}`}>← {t("discussions.backToTopic")}</Link></p>
      <h1>{topic.title}</h1>
      <p className="muted">{t("discussions.continueHeading")}</p>
      <StrayError ctx={ctx} shown={false} />
      {thread.parentId !== null && (
        <p><Link to={`/discussions/${topic.id}/posts/${thread.parentId}`}>↑ {t("discussions.upOneLevel")}</Link></p>
      )}
      <div className="thread">
        <PostCard post={post} ctx={ctx} />
      </div>
    </LiveThread>
  );
}
