import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOr404, rethrow, whereFromParams } from "~/components/agenda/public.server";
import { agendaJson, publicAgenda } from "~/domain/agenda/agenda.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, deliberation: d } = await findOr404(context, request, whereFromParams(params));
  const { items } = await publicAgenda(context.db, user, d).catch(rethrow);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  const filename = `musyawarah-${d.year}-${d.level}-${d.area.code}.json`;
  return new Response(JSON.stringify(agendaJson(d, items, origin), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `inline; filename="${filename}"`, "Cache-Control": "no-cache" },
  });
}
