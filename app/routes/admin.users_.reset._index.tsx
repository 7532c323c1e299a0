import type { MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { counterSearchSchema } from "~/domain/accounts/password-reset.schema";
import { findResidentsForCounter } from "~/domain/accounts/password-reset.server";
import { can } from "~/domain/accounts/roles";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("accounts.counter.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, can.resetPasswordAtCounter);
  const url = new URL(request.url);
  const query = counterSearchSchema.parse({ q: url.searchParams.get("q") ?? undefined, page: url.searchParams.get("page") ?? 1 });
  return { page: query.page, ...(await findResidentsForCounter(context.db, actor, query)) };
});

export default function CounterResetSearch() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("accounts.counter.title")}</h1>
      <p>{t("accounts.counter.intro")}</p>
      <Form method="get" className="search-form" role="search">
        <div className="field">
          <label htmlFor="q">{t("accounts.counter.search")}</label>
          <p className="hint" id="q-hint">
            {t("accounts.counter.searchHint")}
          </p>
          <input id="q" name="q" type="search" minLength={3} maxLength={100} aria-describedby="q-hint" defaultValue={data.q} />
        </div>
        <button type="submit">{t("accounts.counter.searchSubmit")}</button>
      </Form>
      {data.q.length >= 3 && (
        <>
          <p>{t("accounts.counter.count", { count: data.total })}</p>
          {data.residents.length === 0 ? (
            <p>{t("accounts.counter.none")}</p>
          ) : (
            <TableRegion label={t("accounts.counter.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("accounts.counter.name")}</th>
                    <th scope="col">{t("accounts.counter.contact")}</th>
                    <th scope="col">{t("accounts.counter.kelurahan")}</th>
                    <th scope="col">{t("accounts.counter.since")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.residents.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/admin/users/reset/${r.id}`} aria-label={t("accounts.counter.choose", { name: r.name })}>
                          {r.name}
                        </Link>
                        {r.disabled && <span className="muted"> ({t("accounts.counter.disabledAccount")})</span>}
                      </td>
                      <td>{[r.emailHint, r.phoneHint].filter(Boolean).join(", ") || t("accounts.counter.noContact")}</td>
                      <td>{r.kelurahan ?? "–"}</td>
                      <td>{formatShortDate(r.createdAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <Pagination page={data.page} pages={data.pages} />
        </>
      )}
    </>
  );
}
