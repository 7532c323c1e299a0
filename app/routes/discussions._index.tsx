import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/Pagination";
import { can } from "~/domain/accounts/roles";
import { listCategories } from "~/domain/discussions/categories.server";
import { optionalQueryId, topicStatuses, type TopicStatus } from "~/domain/discussions/discussions.schema";
import { kelurahanOptions, listTopics } from "~/domain/discussions/discussions.server";
import { getDiscussionSettings } from "~/domain/discussions/settings.server";
import { formatDateTime } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import type { loader as rootLoader } from "~/root";
import discussionsCss from "~/styles/discussions.css";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: discussionsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("discussions.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const user = await getUser(request, context);
  const url = new URL(request.url);
  const status = url.searchParams.get("status");
  const query = {
    q: url.searchParams.get("q")?.slice(0, 100) ?? "",
    // an id that is not one (e.g. beyond the databases' range) filters nothing
    categoryId: optionalQueryId(url.searchParams.get("category")),
    kelurahanId: optionalQueryId(url.searchParams.get("kelurahan")),
    status: (topicStatuses as readonly string[]).includes(status ?? "") ? (status as TopicStatus) : undefined,
    page: optionalQueryId(url.searchParams.get("page")) ?? 1,
  };
  const [result, categories, kelurahan, settings] = await Promise.all([
    listTopics(context.db, user, query, context.counts),
    listCategories(context.db),
    kelurahanOptions(context.db),
    getDiscussionSettings(context.db),
  ]);
  // a category's page says whether new accounts' first posts wait for a moderator there
  const category = categories.find((c) => c.id === query.categoryId);
  const moderation = category ? { premoderated: category.requireApprovalForNewAccounts, newAccountDays: settings.newAccountDays } : null;
  return { ...result, query, categories, kelurahan, moderation };
});

export default function DiscussionsIndex() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const user = root?.user;
  const { query } = data;
  return (
    <>
      <h1>{t("discussions.title")}</h1>
      <p className="lead">{t("discussions.intro")}</p>
      <p className="toolbar">
        {user ? (
          <Link to="/discussions/new" className="button">
            {t("discussions.new")}
          </Link>
        ) : (
          <Link to="/login?redirectTo=%2Fdiscussions%2Fnew" className="button">
            {t("discussions.loginToPost")}
          </Link>
        )}
        {user && can.moderate(user) && <Link to="/discussions/moderation">{t("discussions.moderationLink")}</Link>}
        {user && can.manageCategories(user) && <Link to="/admin/categories">{t("discussions.categoriesLink")}</Link>}
      </p>
      {data.moderation && (
        <p className="alert alert-info category-moderation">
          {data.moderation.premoderated ? t("discussions.category.premoderated", { days: data.moderation.newAccountDays }) : t("discussions.category.open")}
        </p>
      )}
      <Form method="get" className="search-form filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("discussions.search")}</label>
          <input id="q" name="q" type="search" defaultValue={query.q} />
        </div>
        <div className="field">
          <label htmlFor="category">{t("discussions.filter.category")}</label>
          <select id="category" name="category" defaultValue={query.categoryId ?? ""}>
            <option value="">{t("discussions.filter.all")}</option>
            {data.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === "en" ? c.nameEn : c.nameId}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="kelurahan">{t("discussions.filter.kelurahan")}</label>
          <select id="kelurahan" name="kelurahan" defaultValue={query.kelurahanId ?? ""}>
            <option value="">{t("discussions.filter.all")}</option>
            {data.kelurahan.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t("discussions.filter.status")}</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("discussions.filter.all")}</option>
            {topicStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`discussions.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("discussions.searchSubmit")}</button>
      </Form>
      <p>{t("discussions.count", { count: data.total })}</p>
      {data.topics.length === 0 ? (
        <p>{t("discussions.none")}</p>
      ) : (
        <ul className="topic-list">
          {data.topics.map((topic) => (
            <li key={topic.id} className="topic-item">
              <h2 className="topic-title">
                <Link to={`/discussions/${topic.id}`}>{topic.title}</Link>
              </h2>
              <p className="tags">
                {topic.pinned && <span className="badge">{t("discussions.pinned")}</span>}
                {topic.eventId && <span className="badge">{t("discussions.eventThread")}</span>}
                {topic.category && <span className="tag">{locale === "en" ? topic.category.nameEn : topic.category.nameId}</span>}
                {topic.kelurahan && <span className="tag">{topic.kelurahan}</span>}
                <span className={`badge status-${topic.status}`}>{t(`discussions.status.${topic.status}`)}</span>
                {topic.locked && <span className="badge">{t("discussions.locked")}</span>}
              </p>
              <p className="muted">
                {t("discussions.replies", { count: topic.replyCount })} ·{" "}
                {t("discussions.lastActivity", { date: formatDateTime(topic.lastActivityAt, locale) })}
                {topic.authorName && <> · {t("discussions.by", { name: topic.authorName })}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pages={data.pages} />
      {data.postMatches.length > 0 && (
        <section aria-labelledby="post-matches">
          <h2 id="post-matches">{t("discussions.postMatches", { q: query.q })}</h2>
          <ul className="topic-list">
            {data.postMatches.map((m) => (
              <li key={m.id} className="topic-item">
                <p>
                  <Link to={`/discussions/${m.topicId}/posts/${m.id}`}>{m.topicTitle}</Link>
                </p>
                <p>{m.excerpt}</p>
                <p className="muted">
                  {m.author} · {formatDateTime(m.createdAt, locale)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
