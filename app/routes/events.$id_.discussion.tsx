// Every event has its own thread: find it (or create it on first visit) and go there.
import { redirect } from "@remix-run/node";
import { findOrCreateEventTopic } from "~/domain/discussions/discussions.server";
import { defineLoader, idParam } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ params, context }) => {
  const eventId = idParam(params, "id", "events.notFound");
  return redirect(`/discussions/${await findOrCreateEventTopic(context.db, eventId)}`);
});

/** Never shown (the loader always redirects or throws): a page route, so "not found" is the error page with its message. */
export default function EventDiscussion() {
  return null;
}
