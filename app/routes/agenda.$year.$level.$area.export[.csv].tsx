// The agenda as CSV (items in priority order, with the score broken down).
import { agendaCsv, deliberationAt, publicAgenda } from "~/domain/agenda/agenda.server";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const user = await getUser(request, context);
  const { deliberation: d } = await deliberationAt(context.db, user, params);
  const { items } = await publicAgenda(context.db, user, d);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  const filename = `musyawarah-${d.year}-${d.level}-${d.area.code}.csv`;
  return new Response(agendaCsv(d, items, origin), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-cache" },
  });
});
