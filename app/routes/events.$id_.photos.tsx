// POST /events/:id/photos: upload (multipart), remove, or choose the cover photo.
// On a validation error the photo section is shown again with the message.
import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import eventsCss from "~/styles/events.css";
import { EventPhotos } from "~/components/EventPhotos";
import { can } from "~/domain/accounts/roles";
import { getEventForEdit } from "~/domain/events/events.server";
import { addEventPhoto, photoSchema, removeEventPhoto, setCoverPhoto } from "~/domain/events/photos.server";
import { metaT, useT } from "~/i18n/react";
import { requirePermission } from "~/utils/auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "~/utils/boundary.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventsCss }];
export const meta: MetaFunction = ({ matches }) => [{ title: `${metaT(matches)("events.photo.title")} · Balai` }];

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const event = await getEventForEdit(context.db, actor, idParam(params, "id", "events.notFound"), context.images);
  return { id: event.id, title: event.title, images: event.images };
});

export const action = /* @__PURE__ */ defineAction(async ({ request, params, context, form }) => {
  const actor = await requirePermission(request, context, can.manageEvents);
  const id = idParam(params, "id", "events.notFound");
  const input = form.parse(photoSchema);
  const store = context.images;
  let key: "events.photo.uploaded" | "events.photo.removed" | "events.form.saved";
  if (input.intent === "upload") {
    // type, bytes and pixels are checked before anything is stored; refusals go next to the file field
    await addEventPhoto(context.db, store, actor, id, { file: form.data.get("photo"), alt: input.alt, cover: input.cover });
    key = "events.photo.uploaded";
  } else if (input.intent === "remove") {
    await removeEventPhoto(context.db, store, actor, id, input.imageId);
    key = "events.photo.removed";
  } else {
    await setCoverPhoto(context.db, actor, id, input.imageId);
    key = "events.form.saved";
  }
  return redirectWithFlash(context, `/events/${id}/edit#photos`, { key });
});

export default function EventPhotosPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  return (
    <>
      <h1>{t("events.form.editTitle", { title: data.title })}</h1>
      <p>
        <Link to={`/events/${data.id}/edit`}>← {t("events.detail.manage")}</Link>
      </p>
      <EventPhotos eventId={data.id} photos={data.images} state={state} />
    </>
  );
}
