// The agenda as JSON (open data: items, scores, decisions, sources).
import { agendaJson, deliberationAt, publicAgenda } from "~/domain/agenda/agenda.server";
import { getUser } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, context, params }) => {
  const user = await getUser(request, context);
  const { deliberation: d } = await deliberationAt(context.db, user, params);
  const { items } = await publicAgenda(context.db, user, d);
  const origin = context.config.publicUrl ?? new URL(request.url).origin;
  const filename = `musyawarah-${d.year}-${d.level}-${d.area.code}.json`;
  return new Response(JSON.stringify(agendaJson(d, items, origin), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `inline; filename="${filename}"`, "Cache-Control": "no-cache" },
  });
});
