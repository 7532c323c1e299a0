import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOr404, rethrow, whereFromParams } from "~/components/agenda/public.server";
import { agendaCsv, publicAgenda } from "~/domain/agenda/agenda.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, deliberation: d } = await findOr404(context, request, whereFromParams(params));
  const { items } = await publicAgenda(context.db, user, d).catch(rethrow);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  const filename = `musyawarah-${d.year}-${d.level}-${d.area.code}.csv`;
  return new Response(agendaCsv(d, items, origin), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-cache" },
  });
}
