import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { EventForm } from "~/components/EventForm";
import { can } from "~/domain/accounts/roles";
import { listKelurahan } from "~/domain/areas/areas.server";
import { eventFormSchema } from "~/domain/events/events.schema";
import { createEvent } from "~/domain/events/events.server";
import { metaT, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.form.newTitle")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context }) => {
  await requirePermission(request, context, can.manageEvents);
  return { kelurahan: await listKelurahan(context.db) };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, context, form }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const { id, count } = await createEvent(context.db, actor, form.parse(eventFormSchema));
  return redirectWithFlash(context, `/events/${id}/edit`, count > 1 ? { key: "events.form.createdSeries", params: { count } } : { key: "events.form.created" });
});

export default function NewEvent() {
  const t = useT();
  const { kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("events.form.newTitle")}</h1>
      <EventForm state={state} kelurahan={kelurahan} creating />
    </>
  );
}
