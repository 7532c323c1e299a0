import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { EventForm } from "~/components/EventForm";
import type { FormState } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { listKelurahan } from "~/domain/areas/areas.server";
import { DomainError } from "~/domain/errors";
import { eventFormSchema } from "~/domain/events/events.schema";
import { createEvent } from "~/domain/events/events.server";
import { metaT, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.form.newTitle")} · Balai` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, can.manageEvents);
  return json({ kelurahan: await listKelurahan(context.db) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageEvents);
  const form = await readForm(request, context, eventFormSchema);
  if (!form.ok) return invalid(form);
  try {
    const { id, count } = await createEvent(context.db, actor, form.data);
    const flash = count > 1 ? { key: "events.form.createdSeries" as const, params: { count } } : { key: "events.form.created" as const };
    return redirect(`/events/${id}/edit`, { headers: { "Set-Cookie": await setFlash(context, flash) } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
    throw error;
  }
}

export default function NewEvent() {
  const t = useT();
  const { kelurahan } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <>
      <h1>{t("events.form.newTitle")}</h1>
      <EventForm state={state} kelurahan={kelurahan} creating />
    </>
  );
}
