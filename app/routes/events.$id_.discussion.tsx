// Every event has its own thread: find it (or create it on first visit) and go there.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { findOrCreateEventTopic } from "~/domain/discussions/discussions.server";
import { DomainError } from "~/domain/errors";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const eventId = Number(params.id);
  if (!Number.isInteger(eventId) || eventId <= 0) throw json({ messageKey: "discussions.error.notFound" }, { status: 404 });
  try {
    return redirect(`/discussions/${await findOrCreateEventTopic(context.db, eventId)}`);
  } catch (error) {
    if (error instanceof DomainError) throw json({ messageKey: error.messageKey }, { status: error.status });
    throw error;
  }
}
