// The desk's residency verification (issue 13): counter staff find a resident, check
// their KTP in person, and mark the kelurahan and RW on the account as verified (or
// take it back). Plain forms; every change is audited in the domain.
import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CsrfField } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { canVerifyResidency, findResidents, residencyActionSchema, revokeResidency, verifyResidency } from "~/domain/accounts/residency.server";
import { DomainError } from "~/domain/errors";
import { formatShortDate } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.residency.title")} · Balai` }];

/** far beyond any real list: keeps a typed page number within what the databases take */
const MAX_PAGE = 10_000;

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  const actor = await requirePermission(request, context, canVerifyResidency);
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(url.searchParams.get("page"))) || 1));
  return { page, ...(await findResidents(context.db, actor, { q, page })) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, canVerifyResidency);
  const here = new URL(request.url);
  const back = here.pathname + here.search;
  const input = form.parse(residencyActionSchema);
  switch (form.get("intent")) {
    case "verify": {
      const { name } = await verifyResidency(context.db, actor, input);
      return redirectWithFlash(context, back, { key: "agenda.residency.verified", params: { name } });
    }
    case "revoke": {
      const { name } = await revokeResidency(context.db, actor, input);
      return redirectWithFlash(context, back, { key: "agenda.residency.revoked", params: { name } });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function ResidencyDesk() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failedFor = state?.values.userId;
  const failure = state && (state.errors.userId ?? state.errors.note ?? state.formError);
  return (
    <>
      <h1>{t("agenda.residency.title")}</h1>
      <p>{t("agenda.residency.intro")}</p>
      <Form method="get" className="search-form" role="search">
        <div className="field">
          <label htmlFor="q">{t("agenda.residency.search")}</label>
          <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
        </div>
        <button type="submit">{t("agenda.residency.searchSubmit")}</button>
      </Form>
      {failure && !data.residents.some((r) => String(r.id) === failedFor) && (
        <div className="alert alert-error" role="alert">
          {t(failure.key, failure.params)}
        </div>
      )}
      {data.q.length >= 2 && data.residents.length === 0 && <p>{t("agenda.residency.none")}</p>}
      {data.residents.length > 0 && (
        <TableRegion label={t("agenda.residency.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("agenda.residency.name")}</th>
                <th scope="col">{t("agenda.residency.contact")}</th>
                <th scope="col">{t("agenda.residency.area")}</th>
                <th scope="col">{t("agenda.residency.state")}</th>
              </tr>
            </thead>
            <tbody>
              {data.residents.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.contact}</td>
                  <td>{r.area || "-"}</td>
                  <td>
                    <p>
                      {r.verified && r.verifiedAt
                        ? t("agenda.residency.verifiedOn", { date: formatShortDate(new Date(r.verifiedAt), locale) })
                        : t(r.lapsed ? "agenda.residency.lapsed" : "agenda.residency.unverified")}
                    </p>
                    {failedFor === String(r.id) && failure && (
                      <p className="field-error" role="alert">
                        {t(failure.key, failure.params)}
                      </p>
                    )}
                    {r.hasArea && !r.verified && (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="userId" value={r.id} />
                        <label htmlFor={`note-${r.id}`}>{t("agenda.residency.note")}</label>
                        <input id={`note-${r.id}`} name="note" maxLength={300} />
                        <button type="submit" name="intent" value="verify" aria-label={`${t("agenda.residency.verify")}: ${r.name}`}>
                          {t("agenda.residency.verify")}
                        </button>
                      </Form>
                    )}
                    {r.revocable && (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="userId" value={r.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="revoke"
                          className="button-secondary"
                          aria-label={`${t("agenda.residency.revoke")}: ${r.name}`}
                        >
                          {t("agenda.residency.revoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={data.page} pages={data.pages} />
    </>
  );
}
