import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, levelLabel } from "~/components/agenda/AgendaParts";
import { CsrfField } from "~/components/forms";
import { assistedBallotSchema, assistQuerySchema } from "~/domain/agenda/agenda.schema";
import { attendance, castAssistedBallot, findResident, listItemTitles, loadDeliberation, voterStatus } from "~/domain/agenda/agenda.server";
import { votingOpen } from "~/domain/agenda/phases";
import { parseIdentifier } from "~/domain/accounts/identifier";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { metaT, useT } from "~/i18n/react";
import agendaStyles from "~/styles/agenda.css";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("agenda.assist.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const staff = await requirePermission(request, context, can.isStaff);
  const d = await loadDeliberation(context.db, idParam(params, "id", "agenda.notFound"));
  const query = assistQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const identifier = query.resident ? parseIdentifier(query.resident) : null;
  const resident = query.residentId
    ? await findResident(context.db, staff, { id: query.residentId })
    : identifier && query.residentId === undefined
      ? await findResident(context.db, staff, identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value })
      : null;
  const [items, present, status] = await Promise.all([
    listItemTitles(context.db, d),
    attendance(context.db, staff, d),
    resident ? voterStatus(context.db, d, resident.id) : null,
  ]);
  return {
    d: { id: d.id, year: d.year, level: d.level, areaName: d.area.name, votesPerResident: d.votesPerResident },
    open: votingOpen(d),
    q: query.resident,
    notFound: (!!query.resident || query.residentId !== undefined) && !resident,
    resident,
    status: status && { eligible: status.eligible, reason: status.reason, ballot: status.ballot, remaining: status.remaining },
    items,
    attendees: present.filter((p) => p.userId !== null),
  };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, params, form }) => {
  const staff = await requirePermission(request, context, can.isStaff);
  const id = idParam(params, "id", "agenda.notFound");
  const { residentId, ballot } = form.parse(assistedBallotSchema);
  const resident = await findResident(context.db, staff, { id: residentId });
  if (!resident) throw new DomainError("agenda.assist.notFound", "residentId");
  const result = await castAssistedBallot(context.db, staff, id, resident.id, ballot);
  return redirectWithFlash(context, `/agenda/manage/${id}/assist`, {
    key: "agenda.assist.saved",
    params: { name: resident.name, remaining: result.remaining },
  });
});

export default function AssistedVotes() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const { d, resident, status } = data;
  const ballot = status?.ballot ?? {};
  return (
    <>
      <h1>{t("agenda.assist.title")}</h1>
      <p>
        <Link to={`/agenda/manage/${d.id}`}>{t("agenda.heading", { year: d.year, level: levelLabel(t, d.level), area: d.areaName })}</Link>
      </p>
      <p>{t("agenda.assist.intro")}</p>
      {!data.open && <p className="alert alert-info">{t("agenda.vote.closed")}</p>}
      <FormErrors state={state} />
      <Form method="get" className="search-form">
        <div className="field">
          <label htmlFor="resident">{t("agenda.assist.identifier")}</label>
          <input id="resident" name="resident" type="search" defaultValue={data.q} />
        </div>
        <button type="submit">{t("agenda.assist.find")}</button>
      </Form>
      {data.attendees.length > 0 && (
        <Form method="get" className="search-form">
          <div className="field">
            <label htmlFor="residentId">{t("agenda.assist.attendee")}</label>
            <select id="residentId" name="residentId" defaultValue={resident ? String(resident.id) : ""}>
              <option value="">{t("form.choose")}</option>
              {data.attendees.map((a) => (
                <option key={a.id} value={a.userId!}>
                  {a.name}
                  {a.area ? ` (${a.area})` : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("agenda.assist.find")}</button>
        </Form>
      )}
      {data.notFound && (
        <p className="alert alert-error" role="alert">
          {t("agenda.assist.notFound")}
        </p>
      )}
      {resident && status && (
        <section className="agenda-vote" aria-labelledby="assist-for">
          <h2 id="assist-for">{t("agenda.assist.for", { name: resident.name, area: resident.area || "-" })}</h2>
          {!status.eligible ? (
            <p>{status.reason && t(status.reason)}</p>
          ) : (
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="residentId" value={resident.id} />
              <p className="agenda-remaining">{t("agenda.vote.remaining", { remaining: status.remaining, budget: d.votesPerResident })}</p>
              {data.items.map((item) => (
                <div className="field" key={item.id}>
                  <label htmlFor={`f-dots-${item.id}`}>{t("agenda.vote.field", { title: item.title })}</label>
                  <input
                    id={`f-dots-${item.id}`}
                    name={`dots-${item.id}`}
                    type="number"
                    min={0}
                    max={d.votesPerResident}
                    inputMode="numeric"
                    defaultValue={state?.values?.[`dots-${item.id}`] ?? String(ballot[item.id] ?? 0)}
                  />
                </div>
              ))}
              <button type="submit">{t("agenda.vote.submit")}</button>
            </Form>
          )}
        </section>
      )}
    </>
  );
}
