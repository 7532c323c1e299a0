import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusTag, channelLabel } from "~/components/aspirations/AspirationFields";
import { Pagination } from "~/components/Pagination";
import { listKelurahan } from "~/domain/areas/areas.server";
import { browseAspirations, listCategories } from "~/domain/aspirations/aspirations.server";
import { OPEN_DATA_PAGE } from "~/domain/aspirations/open-data";
import { STATUSES } from "~/domain/aspirations/status";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { statusLabel } from "~/components/aspirations/AspirationFields";
import { optionalIdSchema } from "~/domain/ids";
import href from "~/styles/aspirations.css";
import { defineLoader } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("aspirations.index.title")} · Balai` }];

const SORTS = ["newest", "support", "oldest"] as const;

/** far beyond any real list: keeps a typed page number within what the databases take */
const MAX_PAGE = 10_000;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const url = new URL(request.url);
  const p = url.searchParams;
  const sortParam = p.get("sort");
  const sort = (SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as (typeof SORTS)[number]) : "newest";
  const statusParam = p.get("status") ?? "";
  const query = {
    category: (p.get("category") ?? "").slice(0, 40) || undefined,
    // an id beyond the databases' range (or not an id) filters nothing
    kelurahan: optionalIdSchema.safeParse(p.get("kelurahan") ?? "").data,
    status: (STATUSES as readonly string[]).includes(statusParam) ? statusParam : undefined,
    sort,
    page: Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(p.get("page"))) || 1)),
  };
  const [result, categories, kelurahan] = await Promise.all([
    browseAspirations(context.db, query, context.counts),
    listCategories(context.db),
    listKelurahan(context.db),
  ]);
  return { ...result, query, categories, kelurahan: kelurahan.map((k) => ({ id: k.id, name: k.name })) };
});

export default function AspirationsIndex() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const q = data.query;
  return (
    <>
      <h1>{t("aspirations.index.title")}</h1>
      <p className="lead">{t("aspirations.index.lead")}</p>
      <div className="actions">
        <Link className="button" to="/aspirations/new">
          {t("aspirations.index.new")}
        </Link>
        <Link to="/aspirations/report">{t("aspirations.index.report")}</Link>
        <span>
          {t("aspirations.index.openData")}: <a href="/aspirations/data/aspirations.csv">CSV</a> · <a href="/aspirations/data/aspirations.json">JSON</a>{" "}
          <span className="muted">({t("aspirations.index.openDataPaged", { count: OPEN_DATA_PAGE })})</span>
        </span>
      </div>

      <section aria-labelledby="track-title">
        <h2 id="track-title">{t("aspirations.track.title")}</h2>
        <Form method="get" action="/aspirations/track" className="search-form">
          <div className="field">
            <label htmlFor="track-code">{t("aspirations.track.code")}</label>
            <p className="hint" id="track-code-hint">
              {t("aspirations.track.hint")}
            </p>
            <input id="track-code" name="code" autoComplete="off" autoCapitalize="characters" aria-describedby="track-code-hint" />
          </div>
          <button type="submit">{t("aspirations.track.submit")}</button>
        </Form>
      </section>

      <h2>{t("aspirations.index.filters")}</h2>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="f-category">{t("aspirations.index.category")}</label>
          <select id="f-category" name="category" defaultValue={q.category ?? ""}>
            <option value="">{t("aspirations.index.all")}</option>
            {data.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {locale === "en" ? c.nameEn : c.nameId}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kelurahan">{t("aspirations.index.kelurahan")}</label>
          <select id="f-kelurahan" name="kelurahan" defaultValue={q.kelurahan ? String(q.kelurahan) : ""}>
            <option value="">{t("aspirations.index.all")}</option>
            {data.kelurahan.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("aspirations.index.status")}</label>
          <select id="f-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">{t("aspirations.index.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel(s))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t("aspirations.index.sort")}</label>
          <select id="f-sort" name="sort" defaultValue={q.sort}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`aspirations.index.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("aspirations.index.apply")}</button>
      </Form>

      <p role="status">{t("aspirations.index.count", { count: data.total })}</p>
      {data.aspirations.length === 0 ? (
        <p>{t("aspirations.index.none")}</p>
      ) : (
        <ul className="aspiration-list">
          {data.aspirations.map((a) => (
            <li key={a.code}>
              <h2>
                <Link to={`/aspirations/${a.code}`}>{a.title}</Link>
              </h2>
              <p className="meta">
                <StatusTag status={a.status} /> · <span className="code-inline">{a.code}</span> · {t("aspirations.support.count", { count: a.supportCount })}
                {a.groupSize > 0 && <> · {t("aspirations.group.size", { count: a.groupSize })}</>}
              </p>
              <p className="meta">
                {[
                  a.category ? (locale === "en" ? a.category.nameEn : a.category.nameId) : null,
                  a.kelurahan,
                  t(channelLabel(a.channel)),
                  t("aspirations.index.received", { date: formatShortDate(a.createdAt, locale) }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={q.page} pages={data.pages} />
    </>
  );
}
