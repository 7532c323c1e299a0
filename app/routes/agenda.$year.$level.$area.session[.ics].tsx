import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOr404, rethrow, whereFromParams } from "~/components/agenda/public.server";
import { sessionIcs } from "~/domain/agenda/agenda.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { deliberation: d } = await findOr404(context, request, whereFromParams(params));
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  let ics: { body: string; filename: string };
  try {
    ics = sessionIcs(d, origin);
  } catch (error) {
    rethrow(error);
  }
  return new Response(ics.body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${ics.filename}"` },
  });
}
