// POST /events/:id/photos: upload (multipart), remove, or choose the cover photo.
// On a validation error the photo section is shown again with the message.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { EventPhotos } from "~/components/EventPhotos";
import type { FormState } from "~/components/forms";
import { can } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import { getEventForEdit } from "~/domain/events/events.server";
import { addEventPhoto, photoSchema, removeEventPhoto, setCoverPhoto } from "~/domain/events/photos.server";
import { metaT, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { setFlash } from "~/utils/flash.server";
import { failure, invalid, readForm } from "~/utils/forms.server";
import { orHttpError } from "~/utils/http-errors.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.photo.title")} · Balai` }];

function eventId(params: { id?: string }): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw json({ messageKey: "events.notFound" }, { status: 404 });
  return id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageEvents);
  const event = await orHttpError(getEventForEdit(context.db, actor, eventId(params), context.images));
  return json({ id: event.id, title: event.title, images: event.images });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = eventId(params);
  const form = await readForm(request, context, photoSchema);
  if (!form.ok) return invalid(form);
  const store = context.images;
  try {
    const d = form.data;
    let key: "events.photo.uploaded" | "events.photo.removed" | "events.form.saved";
    if (d.intent === "upload") {
      await addEventPhoto(context.db, store, actor, id, { file: form.formData.get("photo"), alt: d.alt, cover: d.cover });
      key = "events.photo.uploaded";
    } else if (d.intent === "remove") {
      await removeEventPhoto(context.db, store, actor, id, d.imageId);
      key = "events.photo.removed";
    } else {
      await setCoverPhoto(context.db, actor, id, d.imageId);
      key = "events.form.saved";
    }
    return redirect(`/events/${id}/edit#photos`, { headers: { "Set-Cookie": await setFlash(context, { key }) } });
  } catch (error) {
    if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status === 404 ? 404 : error.status);
    throw error;
  }
}

export default function EventPhotosPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FormState | undefined;
  return (
    <>
      <h1>{t("events.form.editTitle", { title: data.title })}</h1>
      <p><Link to={`/events/${data.id}/edit`}>← {t("events.detail.manage")}</Link></p>
      <EventPhotos eventId={data.id} photos={data.images} state={state} />
    </>
  );
}
