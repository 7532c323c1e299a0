// A unit's survey desk (counter staff, the unit's supervisor, planners, admins): links
// for served visits and single-use links, the number of service users, kiosk devices
// (enrol this tablet, revoke), and for supervisors the anomalies to decide, the alerts
// to acknowledge and the comments to moderate; the weekday × hour heat map.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField, Field, FormAlert } from "~/components/forms";
import { TableRegion } from "~/components/TableRegion";
import { PeriodPicker, periodText } from "~/components/satisfaction/PeriodPicker";
import { acknowledgeAlert } from "~/domain/satisfaction/alerts.server";
import { setForumNote, unitDesk } from "~/domain/satisfaction/desk.server";
import { heatMap } from "~/domain/satisfaction/figures.server";
import { createFollowUp, followUpPlan, setFollowUpStatus } from "~/domain/satisfaction/followup.server";
import { FollowUpTable } from "~/components/satisfaction/FollowUpTable";
import { ELEMENT_KEYS } from "~/domain/satisfaction/ikm";
import { FOLLOW_UP_STATUSES, followUpSchema, followUpStatusSchema } from "~/domain/satisfaction/satisfaction.schema";
import { decideAnomaly, enrolDevice, linkToken, moderateComment, revokeDevice, setServiceUsers, visitToken } from "~/domain/satisfaction/responses.server";
import {
  acknowledgeSchema,
  anomalyDecisionSchema,
  enrolSchema,
  forumNoteSchema,
  linkTokenSchema,
  moderateCommentSchema,
  revokeSchema,
  serviceUsersSchema,
  visitTokenSchema,
} from "~/domain/satisfaction/satisfaction.schema";
import { DomainError } from "~/domain/errors";
import { formatDateTime, type MessageKey } from "~/i18n";
import { metaT, useLocale, useT } from "~/i18n/react";
import href from "~/styles/satisfaction.css";
import { endSession, requireUser } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import { kioskCookie, periodChoices, periodFrom } from "~/utils/satisfaction.server";
import { siteOrigin } from "~/utils/services.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href }];
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  { title: `${metaT(matches)("satisfaction.desk.unitTitle", { unit: data?.desk.unit.name ?? "" })} · Balai` },
  { name: "robots", content: "noindex" },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  const period = periodFrom(request);
  const desk = await unitDesk(context.db, context.mailer, user, id, period);
  const [heat, plan] = await Promise.all([heatMap(context.db, id, period), followUpPlan(context.db, id, desk.period)]);
  // "make this finding a follow-up action" on a mystery visit comes here with the item's id
  const checkItem = /^\d{1,9}$/.exec(new URL(request.url).searchParams.get("checkItemId") ?? "")?.[0];
  return { desk, heat, plan, choices: periodChoices(period), checkItemId: checkItem };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const user = await requireUser(request, context);
  const back = `/survei/kelola/${id}`;
  const origin = siteOrigin(request, context.config.publicUrl);
  switch (form.get("intent")) {
    case "visit": {
      const { ticketId } = form.parse(visitTokenSchema);
      const token = await visitToken(context.db, user, ticketId);
      if (token.unitId !== id) throw new DomainError("satisfaction.ticket.notFound", "ticketId", undefined, 404);
      return { ok: true as const, link: `${origin}/survei/t/${token.token}` };
    }
    case "link": {
      const input = form.parse(linkTokenSchema);
      const token = await linkToken(context.db, user, id, input.serviceId);
      return { ok: true as const, link: `${origin}/survei/t/${token.token}` };
    }
    case "users": {
      const input = form.parse(serviceUsersSchema);
      await setServiceUsers(context.db, user, { ...input, unitId: id });
      return redirectWithFlash(context, `${back}?period=${input.period}`, { key: "satisfaction.desk.usersSaved" });
    }
    case "enrol": {
      const input = form.parse(enrolSchema);
      const { device, token } = await enrolDevice(context.db, user, { ...input, unitId: id });
      const headers = new Headers();
      headers.append("Set-Cookie", await kioskCookie(context).serialize(token));
      // no staff login is left on the tablet
      await endSession(request, context, headers);
      const unit = await context.db.serviceUnit.findUnique({ where: { id: device.unitId }, select: { name: true } });
      return redirectWithFlash(context, "/kiosk", { key: "satisfaction.kiosk.enrolled", params: { unit: unit?.name ?? "" } }, headers);
    }
    case "revoke": {
      const { deviceId } = form.parse(revokeSchema);
      await revokeDevice(context.db, user, deviceId);
      return redirectWithFlash(context, back, { key: "satisfaction.desk.kioskRevokedDone" });
    }
    case "decide": {
      const input = form.parse(anomalyDecisionSchema);
      await decideAnomaly(context.db, user, input);
      return redirectWithFlash(context, `${back}#janggal`, { key: "satisfaction.desk.anomalyDecided" });
    }
    case "acknowledge": {
      const input = form.parse(acknowledgeSchema);
      await acknowledgeAlert(context.db, user, input);
      return redirectWithFlash(context, `${back}#peringatan`, { key: "satisfaction.desk.alertAcked" });
    }
    case "moderate": {
      const input = form.parse(moderateCommentSchema);
      await moderateComment(context.db, user, input);
      return redirectWithFlash(context, `${back}#komentar`, { key: "satisfaction.desk.commentDone" });
    }
    case "followUp": {
      const input = form.parse(followUpSchema);
      await createFollowUp(context.db, user, { ...input, unitId: id });
      return redirectWithFlash(context, `${back}?period=${input.period}#rtl`, { key: "satisfaction.followUp.saved" });
    }
    case "forum": {
      const input = form.parse(forumNoteSchema);
      await setForumNote(context.db, user, { ...input, unitId: id });
      return redirectWithFlash(context, `${back}?period=${input.period}#fkp`, { key: "satisfaction.forum.saved" });
    }
    case "followUpStatus": {
      const input = form.parse(followUpStatusSchema);
      await setFollowUpStatus(context.db, user, input);
      return redirectWithFlash(context, `${back}#rtl`, { key: "satisfaction.followUp.saved" });
    }
    default:
      throw new DomainError("error.badRequest");
  }
});

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export default function Desk() {
  const t = useT();
  const locale = useLocale();
  const { desk, heat, plan, choices, checkItemId } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const failure = state && "errors" in state ? state : undefined;
  const link = state && "link" in state ? state.link : null;
  const intent = failure?.values?.intent;
  const stateOf = (name: string) => (intent === name ? failure : undefined);
  const when = (d: Date | string) => formatDateTime(new Date(d), locale);
  return (
    <>
      <h1>{t("satisfaction.desk.unitTitle", { unit: desk.unit.name })}</h1>
      <p className="skm-period">{periodText(t, desk.period)}</p>
      <PeriodPicker period={desk.period} choices={choices} />
      <p>
        <Link to={`/survei/kelola/${desk.unit.id}/kertas`}>{t("satisfaction.desk.paper")}</Link> ·{" "}
        <Link to={`/survei/hasil/${desk.unit.id}?period=${desk.period}`}>{t("satisfaction.desk.results")}</Link> ·{" "}
        <Link to={`/survei/rapor/${desk.unit.id}?period=${desk.period}`}>{t("satisfaction.desk.reportCard")}</Link>
        {desk.mysteryShops && (
          <>
            {" "}
            · <Link to={`/survei/kelola/${desk.unit.id}/misteri`}>{t("satisfaction.desk.mystery")}</Link>
          </>
        )}
      </p>
      {link && (
        <p className="alert alert-success" role="status">
          {t("satisfaction.desk.linkMade", { url: "" })}
          <a href={link} className="skm-link">
            {link}
          </a>
        </p>
      )}

      <div className="skm-desk-grid">
        <section aria-labelledby="visit-h" className="card">
          <h2 id="visit-h">{t("satisfaction.desk.visit")}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="visit" />
            <FormAlert state={stateOf("visit")} />
            <Field
              name="ticketId"
              label={t("satisfaction.desk.ticket")}
              hint={t("satisfaction.desk.visitHint")}
              inputMode="numeric"
              required
              state={stateOf("visit")}
            />
            <button type="submit">{t("satisfaction.desk.visitSubmit")}</button>
          </Form>
        </section>
        <section aria-labelledby="link-h" className="card">
          <h2 id="link-h">{t("satisfaction.desk.link")}</h2>
          <p className="hint">{t("satisfaction.desk.linkHint")}</p>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="link" />
            <input type="hidden" name="unitId" value={desk.unit.id} />
            <div className="field">
              <label htmlFor="f-link-service">{t("satisfaction.form.service")}</label>
              <select id="f-link-service" name="serviceId" defaultValue="">
                <option value="">{t("satisfaction.form.serviceNone")}</option>
                {desk.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">{t("satisfaction.desk.linkSubmit")}</button>
          </Form>
        </section>
        <section aria-labelledby="users-h" className="card">
          <h2 id="users-h">{t("satisfaction.desk.users")}</h2>
          <p className="hint">{t("satisfaction.desk.usersHint")}</p>
          {desk.users.users !== null && <p>{t("satisfaction.desk.usersNow", { users: desk.users.users })}</p>}
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="users" />
            <input type="hidden" name="unitId" value={desk.unit.id} />
            <input type="hidden" name="period" value={desk.period} />
            <Field
              name="serviceUsers"
              label={t("satisfaction.desk.users")}
              inputMode="numeric"
              required
              state={stateOf("users")}
              defaultValue={desk.users.source === "staff" ? String(desk.users.users) : undefined}
            />
            <button type="submit">{t("satisfaction.desk.usersSave")}</button>
          </Form>
        </section>
      </div>

      <section aria-labelledby="kiosk-h">
        <h2 id="kiosk-h">{t("satisfaction.desk.kiosks")}</h2>
        {desk.devices.length === 0 ? (
          <p>{t("satisfaction.desk.kioskNone")}</p>
        ) : (
          <ul className="skm-list">
            {desk.devices.map((d) => (
              <li key={d.id}>
                <strong>{d.name}</strong>{" "}
                {d.revoked
                  ? `(${t("satisfaction.desk.kioskRevoked")})`
                  : d.lastSeenAt
                    ? `(${t("satisfaction.desk.kioskLastSeen", { at: when(d.lastSeenAt) })})`
                    : null}
                {!d.revoked && (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="deviceId" value={d.id} />
                    <button type="submit" className="button-secondary" aria-label={`${t("satisfaction.desk.kioskRevoke")}: ${d.name}`}>
                      {t("satisfaction.desk.kioskRevoke")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="stack card" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="enrol" />
          <input type="hidden" name="unitId" value={desk.unit.id} />
          <p className="hint">{t("satisfaction.desk.kioskEnrolHint")}</p>
          <FormAlert state={stateOf("enrol")} />
          <Field name="name" label={t("satisfaction.desk.kioskName")} required state={stateOf("enrol")} />
          <button type="submit">{t("satisfaction.desk.kioskEnrol")}</button>
        </Form>
      </section>

      <section aria-labelledby="janggal" id="janggal-section">
        <h2 id="janggal">{t("satisfaction.desk.anomalies")}</h2>
        {desk.anomalies.length === 0 ? (
          <p>{t("satisfaction.desk.anomaliesNone")}</p>
        ) : (
          <ul className="skm-list">
            {desk.anomalies.map((a) => (
              <li key={a.id}>
                <p>
                  {t("satisfaction.desk.anomaly", {
                    count: a.responses,
                    source: a.device ?? t("satisfaction.desk.anomalySource"),
                    from: when(a.windowStart),
                    to: when(a.windowEnd),
                  })}{" "}
                  —{" "}
                  {a.status === "open"
                    ? t("satisfaction.desk.anomaly.open")
                    : t(`satisfaction.desk.anomaly.${a.status}` as MessageKey, { name: a.decidedBy ?? "", note: a.note ?? "" })}
                </p>
                {a.status === "open" && desk.supervises && (
                  <Form method="post" className="stack" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="anomalyId" value={a.id} />
                    <Field
                      name="note"
                      label={t("satisfaction.desk.anomalyNote")}
                      required
                      state={failure?.values?.anomalyId === String(a.id) ? failure : undefined}
                    />
                    <div className="button-row">
                      <button type="submit" name="decision" value="excluded">
                        {t("satisfaction.desk.anomalyExclude")}
                      </button>
                      <button type="submit" name="decision" value="kept" className="button-secondary">
                        {t("satisfaction.desk.anomalyKeep")}
                      </button>
                    </div>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="peringatan">
        <h2 id="peringatan">{t("satisfaction.desk.alerts")}</h2>
        {desk.alerts.length === 0 ? (
          <p>{t("satisfaction.desk.alertsNone")}</p>
        ) : (
          <ul className="skm-list">
            {desk.alerts.map((a) => (
              <li key={a.id} className={a.closedAt ? "" : "skm-alert-open"}>
                <p>
                  <strong>
                    {t("satisfaction.desk.alert", {
                      share: Math.round(a.share * 100),
                      minutes: a.windowMinutes,
                      answers: a.answers,
                      threshold: Math.round(a.threshold * 100),
                    })}
                  </strong>{" "}
                  — {a.closedAt ? t("satisfaction.desk.alertClosed", { at: when(a.closedAt) }) : t("satisfaction.desk.alertOpen", { at: when(a.openedAt) })}
                </p>
                {a.acknowledgedAt && <p>{t("satisfaction.desk.alertAck", { name: a.acknowledgedBy ?? "", comment: a.comment ?? "" })}</p>}
                {desk.supervises && !a.closedAt && (
                  <Form method="post" className="stack" noValidate>
                    <CsrfField />
                    <input type="hidden" name="intent" value="acknowledge" />
                    <input type="hidden" name="alertId" value={a.id} />
                    <Field
                      name="comment"
                      label={t("satisfaction.desk.alertComment")}
                      required
                      state={failure?.values?.alertId === String(a.id) ? failure : undefined}
                    />
                    <button type="submit">{t("satisfaction.desk.alertAckSubmit")}</button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {desk.supervises && (
        <section aria-labelledby="komentar">
          <h2 id="komentar">{t("satisfaction.desk.comments")}</h2>
          {desk.comments.length === 0 ? (
            <p>{t("satisfaction.desk.commentsNone")}</p>
          ) : (
            <ul className="skm-list">
              {desk.comments.map((c) => (
                <li key={c.id}>
                  <blockquote>{c.comment}</blockquote>
                  <p className="muted">
                    {when(c.answeredAt)} · {t(`satisfaction.channel.${c.channel}` as MessageKey)}
                  </p>
                  <Form method="post" className="button-row">
                    <CsrfField />
                    <input type="hidden" name="intent" value="moderate" />
                    <input type="hidden" name="responseId" value={c.id} />
                    <button type="submit" name="status" value="approved">
                      {t("satisfaction.desk.commentApprove")}
                    </button>
                    <button type="submit" name="status" value="rejected" className="button-secondary">
                      {t("satisfaction.desk.commentReject")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="rtl">
        <h2 id="rtl">{t("satisfaction.followUp.title")}</h2>
        <FollowUpTable plan={plan} />
        {desk.supervises && plan.length > 0 && (
          <ul className="skm-list">
            {plan.map((a) => (
              <li key={a.id}>
                <Form method="post" className="skm-picker">
                  <CsrfField />
                  <input type="hidden" name="intent" value="followUpStatus" />
                  <input type="hidden" name="actionId" value={a.id} />
                  <div className="field">
                    <label htmlFor={`f-status-${a.id}`}>
                      {t("satisfaction.followUp.status")}: {a.title}
                    </label>
                    <select id={`f-status-${a.id}`} name="status" defaultValue={a.status}>
                      {FOLLOW_UP_STATUSES.map((st) => (
                        <option key={st} value={st}>
                          {t(`satisfaction.followUp.status.${st}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit">{t("satisfaction.followUp.setStatus")}</button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        {desk.supervises && (
          <Form method="post" className="stack card" noValidate>
            <CsrfField />
            <h3>{t("satisfaction.followUp.new")}</h3>
            <input type="hidden" name="intent" value="followUp" />
            <input type="hidden" name="unitId" value={desk.unit.id} />
            <input type="hidden" name="period" value={desk.period} />
            <FormAlert state={stateOf("followUp")} />
            <Field name="title" label={t("satisfaction.followUp.actionTitle")} required state={stateOf("followUp")} />
            <Field name="description" label={t("satisfaction.followUp.description")} state={stateOf("followUp")} />
            <Field name="ownerName" label={t("satisfaction.followUp.owner")} required state={stateOf("followUp")} />
            <Field name="dueOn" type="date" label={t("satisfaction.followUp.due")} required state={stateOf("followUp")} />
            <div className="field">
              <label htmlFor="f-elementKey">{t("satisfaction.followUp.elementKey")}</label>
              <select id="f-elementKey" name="elementKey" defaultValue={stateOf("followUp")?.values?.elementKey ?? ""}>
                <option value="">—</option>
                {ELEMENT_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </div>
            <Field name="aspirationCode" label={t("satisfaction.followUp.aspirationCode")} state={stateOf("followUp")} />
            <Field name="agendaItemId" label={t("satisfaction.followUp.agendaItemId")} inputMode="numeric" state={stateOf("followUp")} />
            <Field
              name="checkItemId"
              label={t("satisfaction.followUp.checkItemId")}
              inputMode="numeric"
              state={stateOf("followUp")}
              defaultValue={checkItemId}
              autoFocus={!!checkItemId}
            />
            <button type="submit">{t("satisfaction.followUp.save")}</button>
          </Form>
        )}
      </section>

      {desk.supervises && (
        <section aria-labelledby="fkp" className="card">
          <h2 id="fkp">{t("satisfaction.forum.title")}</h2>
          <p className="hint" id="f-forumNote-hint">
            {t("satisfaction.forum.hint", { period: periodText(t, desk.period) })}
          </p>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="forum" />
            <input type="hidden" name="period" value={desk.period} />
            <FormAlert state={stateOf("forum")} />
            <div className="field">
              <label htmlFor="f-forumNote">{t("satisfaction.forum.note")}</label>
              <textarea
                id="f-forumNote"
                name="forumNote"
                rows={4}
                maxLength={4000}
                defaultValue={stateOf("forum")?.values?.forumNote ?? desk.forumNote}
                aria-describedby={stateOf("forum")?.errors?.forumNote ? "f-forumNote-hint f-forumNote-error" : "f-forumNote-hint"}
                aria-invalid={stateOf("forum")?.errors?.forumNote ? true : undefined}
              />
              {stateOf("forum")?.errors?.forumNote && (
                <p className="field-error" id="f-forumNote-error">
                  {t(stateOf("forum")!.errors!.forumNote.key)}
                </p>
              )}
            </div>
            <button type="submit">{t("satisfaction.forum.save")}</button>
          </Form>
          <p>
            <Link to={`/survei/hasil/${desk.unit.id}/laporan?period=${desk.period}`}>{t("satisfaction.skm.open")}</Link>
          </p>
        </section>
      )}

      <section aria-labelledby="heat-h">
        <h2 id="heat-h">{t("satisfaction.desk.heatMap")}</h2>
        <p className="hint" id="heat-hint">
          {t("satisfaction.desk.heatMapHint")}
        </p>
        <TableRegion labelledBy="heat-caption">
          <table className="skm-heat" aria-describedby="heat-hint">
            <caption id="heat-caption">{t("satisfaction.desk.heatMap")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("satisfaction.desk.day")}</th>
                {heat.hours.map((h) => (
                  <th scope="col" key={h}>
                    {String(h).padStart(2, "0")}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((d) => (
                <tr key={d}>
                  <th scope="row">{t(`satisfaction.weekday.${d}` as MessageKey)}</th>
                  {heat.hours.map((h) => {
                    const c = heat.cells[d][h];
                    const level = heat.max ? Math.ceil((c.answers / heat.max) * 4) : 0;
                    return (
                      <td key={h} className={`heat-${level}`}>
                        {c.answers}
                        {c.negative > 0 && <span className="heat-neg"> ({c.negative})</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>
    </>
  );
}
