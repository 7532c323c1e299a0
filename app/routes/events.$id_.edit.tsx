import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import eventsCss from "~/styles/events.css";
import { EventForm } from "~/components/EventForm";
import { EventPhotos } from "~/components/EventPhotos";
import { statusKey } from "~/components/events";
import { CheckboxField, CsrfField, Field, FormAlert, TextAreaField } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { listKelurahan } from "~/domain/areas/areas.server";
import { rooms } from "~/realtime/contract";
import { cancelEventSchema, closeEventSchema, eventFormSchema } from "~/domain/events/events.schema";
import { cancelEvent, closeEvent, getEventForEdit, publishEvent, updateEvent } from "~/domain/events/events.server";
import { metaT, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";
import type { Flash } from "~/utils/flash.server";
import { originOf } from "~/utils/origin.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${metaT(matches)("events.form.editTitle", { title: data?.event.title ?? "" })} · Balai` },
];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const [event, kelurahan] = await Promise.all([getEventForEdit(context.db, actor, id, context.images), listKelurahan(context.db)]);
  return { event, kelurahan };
});

const publishSchema = z.object({
  wholeSeries: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const notifier = { mailer: context.mailer, publicUrl: originOf(request, context) };
  const done = (flash: Flash, to = `/events/${id}/edit`) => {
    context.realtime.publish(rooms.event(id), "event:changed", { eventId: id });
    return redirectWithFlash(context, to, flash);
  };
  // the page tells the forms apart by `intent`; the event form sends "save"
  switch (form.get("intent")) {
    case "publish": {
      const count = await publishEvent(context.db, actor, id, form.parse(publishSchema).wholeSeries);
      return done(count > 1 ? { key: "events.manage.publishedMany", params: { count } } : { key: "events.manage.published" }, `/events/${id}`);
    }
    case "cancel": {
      const count = await cancelEvent(context.db, actor, id, form.parse(cancelEventSchema).reason, notifier);
      return done({ key: "events.manage.cancelledFlash", params: { count } }, `/events/${id}`);
    }
    case "close":
      await closeEvent(context.db, actor, id, form.parse(closeEventSchema));
      return done({ key: "events.manage.closed" }, `/events/${id}#summary`);
    default:
      await updateEvent(context.db, actor, id, form.parse(eventFormSchema), notifier);
      return done({ key: "events.form.saved" });
  }
});

export default function EditEvent() {
  const t = useT();
  const { event, kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const intent = state?.values?.intent ?? "save";
  const stateFor = (name: string) => (intent === name ? state : undefined);
  const editable = event.status === "draft" || event.status === "published";
  return (
    <>
      <h1>{t("events.form.editTitle", { title: event.title })}</h1>
      <p>
        <span className={`status status-${event.status}`}>{t(statusKey(event.status))}</span> <Link to={`/events/${event.id}`}>{t("events.manage.view")}</Link>{" "}
        · <Link to={`/events/${event.id}/attendees`}>{t("events.detail.attendees")}</Link>
      </p>

      {event.status === "draft" && (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">{t("events.manage.publishTitle")}</h2>
          <FormAlert state={stateFor("publish")} />
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="publish" />
            {event.seriesDrafts > 0 && (
              <CheckboxField name="wholeSeries" label={t("events.manage.publishSeries", { count: event.seriesDrafts })} defaultChecked />
            )}
            <button type="submit">{t("events.manage.publish")}</button>
          </Form>
        </section>
      )}

      {editable && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("events.form.save")}</h2>
          {event.seriesId && <p className="alert alert-info">{t("events.form.seriesNote")}</p>}
          <EventForm state={stateFor("save")} defaults={event.values} kelurahan={kelurahan} creating={false} />
        </section>
      )}

      <EventPhotos eventId={event.id} photos={event.images} />

      {(event.status === "completed" || (event.status === "published" && event.started)) && (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading">{t("events.manage.closeTitle")}</h2>
          <FormAlert state={stateFor("close")} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="close" />
            <TextAreaField
              name="summary"
              label={t("events.manage.summary")}
              hint={t("events.manage.summaryHint")}
              required
              rows={6}
              state={stateFor("close")}
              defaultValue={event.summary}
            />
            <Field
              name="attendanceCount"
              type="number"
              inputMode="numeric"
              label={t("events.manage.attendance")}
              hint={t("events.manage.attendanceHint")}
              state={stateFor("close")}
              defaultValue={event.attendanceCount?.toString() ?? ""}
            />
            <button type="submit">{t("events.manage.close")}</button>
          </Form>
        </section>
      )}

      {editable && (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("events.manage.cancelTitle")}</h2>
          <FormAlert state={stateFor("cancel")} />
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="cancel" />
            <TextAreaField
              name="reason"
              label={t("events.manage.reason")}
              hint={t("events.manage.cancelHint", { count: event.registrations })}
              required
              rows={3}
              maxLength={500}
              state={stateFor("cancel")}
            />
            <button type="submit" className="button-danger">
              {t("events.manage.cancel")}
            </button>
          </Form>
        </section>
      )}
    </>
  );
}
