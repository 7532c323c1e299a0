import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormErrors } from "~/components/agenda/AgendaParts";
import { ItemFields } from "~/components/agenda/ItemFields";
import { CsrfField, FormAlert } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { createItemSchema, poolFiltersSchema, POOL_STATUSES } from "~/domain/agenda/agenda.schema";
import { candidatePool, createItem, poolFilterOptions } from "~/domain/agenda/agenda.server";
import { canChangeItemSet } from "~/domain/agenda/phases";
import { can } from "~/domain/accounts/roles";
import type { MessageKey } from "~/i18n";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.pool.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const actor = await requirePermission(request, context, can.plan);
  const filters = poolFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const pool = await candidatePool(context.db, actor, idParam(params, "id", "agenda.notFound"), filters);
  const d = pool.deliberation;
  return {
    d: { id: d.id, year: d.year, level: d.level, phase: d.phase, areaName: d.area.name },
    canAdd: canChangeItemSet(d.phase),
    total: pool.total,
    page: pool.page,
    pages: pool.pages,
    candidates: pool.candidates,
    carried: pool.carried,
    options: await poolFilterOptions(context.db, d),
  };
});

/** A new agenda item from the picked aspirations (or one carried over from an earlier year). */
export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const actor = await requirePermission(request, context, can.plan);
  const id = idParam(params, "id", "agenda.notFound");
  const item = await createItem(context.db, actor, id, form.parse(createItemSchema));
  return redirectWithFlash(context, `/agenda/manage/${id}#item-${item.id}`, { key: "agenda.item.created" });
});

export default function CandidatePool() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { d, options } = data;
  const selected = new Set((state?.values?.aspirationIds ?? "").split(","));
  const carriedState = state?.values?.carriedFromId ? state : undefined;
  const createState = carriedState ? undefined : state;
  const categoryName = (c: { nameId: string; nameEn: string }) => (locale === "en" ? c.nameEn : c.nameId);
  return (
    <>
      <h1>{t("agenda.pool.title")}</h1>
      <p>
        <Link to={`/agenda/manage/${d.id}`}>{t("agenda.heading", { year: d.year, level: t(`agenda.level.${d.level}` as MessageKey), area: d.areaName })}</Link>
      </p>
      <p>{t("agenda.pool.intro")}</p>

      <h2>{t("agenda.pool.carried.title")}</h2>
      <p>{t("agenda.pool.carried.intro")}</p>
      <FormErrors state={carriedState} />
      {data.carried.length === 0 ? (
        <p>{t("agenda.pool.carried.none")}</p>
      ) : (
        <ul className="cards">
          {data.carried.map((c) => (
            <li key={c.id} className="card">
              <span className="tag">{t("agenda.pool.carriedFrom", { year: c.year })}</span>
              <h3>{c.title}</h3>
              {c.reason && (
                <p>
                  {t("agenda.decision.reason")}: {c.reason}
                </p>
              )}
              <p className="muted">{c.aspirations.map((a) => a.code).join(", ")}</p>
              {data.canAdd && (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="carriedFromId" value={c.id} />
                  <input type="hidden" name="title" value={c.title} />
                  <input type="hidden" name="rationale" value={c.rationale} />
                  <input type="hidden" name="costEstimate" value={c.costEstimate ?? ""} />
                  <input type="hidden" name="agency" value={c.agency ?? ""} />
                  <input type="hidden" name="urgency" value={c.urgency} />
                  <input type="hidden" name="aspirationIds" value={c.aspirations.map((a) => a.id).join(",")} />
                  <button type="submit" aria-label={`${t("agenda.pool.carried.add")}: ${c.title}`}>
                    {t("agenda.pool.carried.add")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("agenda.pool.filters")}</h2>
      <Form method="get" className="search-form">
        <div className="field">
          <label htmlFor="filter-category">{t("agenda.pool.category")}</label>
          <select id="filter-category" name="categoryId" defaultValue={params.get("categoryId") ?? ""}>
            <option value="">{t("agenda.pool.all")}</option>
            {options.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kelurahan">{t("agenda.pool.kelurahan")}</label>
          <select id="filter-kelurahan" name="kelurahanId" defaultValue={params.get("kelurahanId") ?? ""}>
            <option value="">{t("agenda.pool.all")}</option>
            {options.kelurahan.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-rw">{t("agenda.pool.rw")}</label>
          <select id="filter-rw" name="rwId" defaultValue={params.get("rwId") ?? ""}>
            <option value="">{t("agenda.pool.all")}</option>
            {options.kelurahan.map((k) => (
              <optgroup key={k.id} label={k.name}>
                {k.rws.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} {k.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t("agenda.pool.status")}</label>
          <select id="filter-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">{t("agenda.pool.all")}</option>
            {POOL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`agenda.aspStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("agenda.pool.apply")}</button>
      </Form>
      <p>{t("agenda.pool.count", { count: data.total })}</p>

      <Form method="post" noValidate>
        <CsrfField />
        {data.candidates.length === 0 ? (
          <p>{t("agenda.pool.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="agenda-pool">
              <thead>
                <tr>
                  {data.canAdd && (
                    <th scope="col" className="agenda-pool-select">
                      <span className="visually-hidden">{t("agenda.field.aspirations")}</span>
                    </th>
                  )}
                  <th scope="col">{t("agenda.pool.aspiration")}</th>
                  <th scope="col" className="num">
                    {t("agenda.pool.supports")}
                  </th>
                  <th scope="col" className="num">
                    {t("agenda.pool.events")}
                  </th>
                  <th scope="col">{t("agenda.pool.age")}</th>
                  <th scope="col">{t("agenda.pool.deadline")}</th>
                  <th scope="col" className="num">
                    {t("agenda.pool.score")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.candidates.map((c) => (
                  <tr key={c.id}>
                    {data.canAdd && (
                      <td>
                        {!c.onItem && (
                          <>
                            <input
                              type="checkbox"
                              id={`pick-${c.id}`}
                              name="aspirationIds"
                              value={c.id}
                              defaultChecked={selected.has(String(c.id))}
                              className="agenda-pick"
                            />
                            <label htmlFor={`pick-${c.id}`} className="visually-hidden">
                              {t("agenda.pool.select", { title: c.title })}
                            </label>
                          </>
                        )}
                      </td>
                    )}
                    <td>
                      <Link to={`/aspirations/${c.code}`}>{c.code}</Link> {c.title}
                      <div className="muted">
                        {[
                          c.category ? categoryName(c.category) : null,
                          [c.rw, c.kelurahan].filter(Boolean).join(" "),
                          t(`agenda.aspStatus.${c.status}` as MessageKey),
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </div>
                      {c.groupSize > 1 && <div>{t("agenda.pool.group", { count: c.groupSize })}</div>}
                      {c.onItem && (
                        <div>
                          <strong>{t("agenda.pool.onItem", { title: c.onItem.title })}</strong>
                        </div>
                      )}
                      {c.carriedFrom && <div className="tag">{t("agenda.pool.carriedFrom", { year: c.carriedFrom.year })}</div>}
                    </td>
                    <td className="num">{c.breakdown.components.supports}</td>
                    <td className="num">{c.events}</td>
                    <td>{t("agenda.pool.ageDays", { days: c.ageDays })}</td>
                    <td>
                      {t(`agenda.deadline.${c.deadline}` as MessageKey)}
                      {c.responseDueAt && <div className="muted">{formatShortDate(c.responseDueAt, locale)}</div>}
                    </td>
                    <td className="num">{c.breakdown.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={data.page} pages={data.pages} />
        {data.canAdd && (
          <fieldset className="agenda-fieldset">
            <legend>{t("agenda.pool.createLegend")}</legend>
            <p className="hint">{t("agenda.pool.createHint")}</p>
            <FormAlert state={createState} />
            {createState?.errors?.aspirationIds && (
              <p className="field-error" role="alert">
                {t(createState.errors.aspirationIds.key)}
              </p>
            )}
            <ItemFields state={createState} />
            <button type="submit">{t("agenda.item.save")}</button>
          </fieldset>
        )}
      </Form>
    </>
  );
}
