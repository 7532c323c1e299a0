// All questions of a session as CSV, for moderators (Excel-friendly: BOM, CRLF).
import { can } from "~/domain/accounts/roles";
import { exportCsv, requireSession } from "~/domain/qa/qa.server";
import { translate } from "~/i18n";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  const csv = await exportCsv(context.db, user, session, { anonymous: translate(getLocale(request), "qa.csv.anonymous") });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanya-jawab-${session.code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
