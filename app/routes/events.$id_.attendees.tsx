// The door: search by name or code, check in by code (typed, or from a scanned QR
// code that opens this page with ?code=), add walk-ins, export as CSV.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { formatRange, useLiveEvent } from "~/components/events";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { Pagination } from "~/components/Pagination";
import { TableRegion } from "~/components/TableRegion";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { rooms } from "~/realtime/contract";
import { checkInSchema, rsvpIdSchema, walkInSchema } from "~/domain/events/events.schema";
import { addWalkIn, checkInByCode, checkInById, listAttendees, undoCheckIn } from "~/domain/events/rsvp.server";
import { formatShortDate, formatTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import type { Flash } from "~/utils/flash.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${metaT(matches)("events.attendees.title", { title: data?.event.title ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.slice(0, 100) ?? "";
  const code = url.searchParams.get("code")?.slice(0, 20) ?? "";
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const result = await listAttendees(context.db, actor, id, { q: q || code, page });
  return { ...result, q, code };
});

const checkedIn = (r: { name: string; already: boolean }): Flash => ({
  key: r.already ? "events.attendees.alreadyIn" : "events.attendees.checkedIn",
  params: { name: r.name },
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const back = new URL(request.url);
  back.searchParams.delete("code");
  const done = (flash: Flash) => {
    context.realtime.publish(rooms.event(id), "event:changed", { eventId: id });
    return redirectWithFlash(context, `${back.pathname}${back.search}`, flash);
  };
  switch (form.get("intent")) {
    case "code":
      return done(checkedIn(await checkInByCode(context.db, actor, id, form.parse(checkInSchema).code)));
    case "checkin":
      return done(checkedIn(await checkInById(context.db, actor, id, form.parse(rsvpIdSchema).rsvpId)));
    case "undo":
      await undoCheckIn(context.db, actor, id, form.parse(rsvpIdSchema).rsvpId);
      return done({ key: "events.attendees.undone" });
    case "walkin":
      return done(checkedIn(await addWalkIn(context.db, actor, id, form.parse(walkInSchema))));
    default:
      throw new DomainError("error.badRequest");
  }
});

export default function Attendees() {
  const t = useT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const [params] = useSearchParams();
  const intent = state?.values?.intent;
  const stateFor = (name: string) => (intent === name ? state : undefined);
  const rowState = intent === "checkin" || intent === "undo" ? state : undefined;
  const e = data.event;
  useLiveEvent(e.id);
  return (
    <div className="wide-layout">
      <h1>{t("events.attendees.title", { title: e.title })}</h1>
      <p>
        {formatRange(e.startsAt, e.endsAt, locale)} · <Link to={`/events/${e.id}`}>{t("events.manage.view")}</Link>
      </p>
      <p className="counts" role="status">
        {t("events.attendees.counts", data.counts)}
      </p>

      {/* on a laptop the door's forms beside the list */}
      <div className="attendees-columns">
        <div className="door">
          <section aria-labelledby="code-heading" className="card">
            <h2 id="code-heading">{t("events.attendees.codeTitle")}</h2>
            <FormAlert state={stateFor("code")} />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="code" />
              <Field
                name="code"
                label={t("events.attendees.code")}
                hint={t("events.attendees.codeHint")}
                autoComplete="off"
                required
                state={stateFor("code")}
                defaultValue={data.code}
                autoFocus={!!data.code}
              />
              <button type="submit">{t("events.attendees.checkIn")}</button>
            </Form>
          </section>
          <section aria-labelledby="walkin-heading" className="card">
            <h2 id="walkin-heading">{t("events.attendees.walkInTitle")}</h2>
            <FormAlert state={stateFor("walkin")} />
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="walkin" />
              <Field name="name" label={t("events.attendees.walkInName")} autoComplete="off" required state={stateFor("walkin")} />
              <Field name="contact" label={t("events.attendees.walkInContact")} autoComplete="off" state={stateFor("walkin")} />
              <button type="submit">{t("events.attendees.walkIn")}</button>
            </Form>
          </section>
        </div>

        <div className="attendees-list">
          <Form method="get" className="search-form" role="search">
            <div className="field">
              <label htmlFor="q">{t("events.attendees.search")}</label>
              <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} />
            </div>
            <button type="submit">{t("events.attendees.searchSubmit")}</button>
          </Form>
          <p>
            <a href={`/events/${e.id}/attendees.csv`} download>
              {t("events.attendees.csv")}
            </a>
          </p>
          {/* a row's button sends only the hidden id: its refusal is told here, in words */}
          <FormAlert state={rowState?.errors?.rsvpId ? { formError: { key: "events.attendees.unknownAttendee" } } : rowState} />

          {data.attendees.length === 0 ? (
            <p>{t("events.attendees.none")}</p>
          ) : (
            <TableRegion label={t("events.attendees.title", { title: e.title })}>
              <table className="attendees">
                <thead>
                  <tr>
                    <th scope="col">{t("events.attendees.col.name")}</th>
                    <th scope="col">{t("events.attendees.col.code")}</th>
                    <th scope="col">{t("events.attendees.col.status")}</th>
                    <th scope="col">{t("events.attendees.col.checkedIn")}</th>
                    <th scope="col">{t("events.attendees.col.action")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.attendees.map((a) => (
                    <tr key={a.id}>
                      <td>
                        {a.name}
                        {a.guest && <span className="muted"> ({t(a.walkIn ? "events.attendees.walkInTag" : "events.attendees.guest")})</span>}
                        {a.contact && (
                          <>
                            <br />
                            <span className="muted">{a.contact}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <code>{a.code}</code>
                      </td>
                      <td>{t(`events.attendees.status.${a.status}` as MessageKey)}</td>
                      <td>{a.checkedInAt ? `${formatShortDate(a.checkedInAt, locale)} ${formatTime(a.checkedInAt, locale)}` : "–"}</td>
                      <td>
                        <Form method="post" className="inline-form">
                          <CsrfField />
                          <input type="hidden" name="rsvpId" value={a.id} />
                          {a.checkedInAt ? (
                            <button type="submit" name="intent" value="undo" className="button-secondary">
                              {t("events.attendees.undo")}
                              <span className="visually-hidden">: {a.name}</span>
                            </button>
                          ) : (
                            <button type="submit" name="intent" value="checkin">
                              {t("events.attendees.checkIn")}
                              <span className="visually-hidden">: {a.name}</span>
                            </button>
                          )}
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          <Pagination page={data.page} pages={data.pages} />
        </div>
      </div>
    </div>
  );
}
