// All questions of a session as CSV, for moderators (Excel-friendly: BOM, CRLF).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { can } from "~/domain/accounts/roles";
import { exportCsv, findSession } from "~/domain/qa/qa.server";
import { translate } from "~/i18n";
import { requirePermission } from "~/utils/auth.server";
import { getLocale } from "~/utils/locale.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, can.moderate);
  const session = params.code ? await findSession(context.db, params.code) : null;
  if (!session) throw json({ messageKey: "qa.notFound" }, { status: 404 });
  const csv = await exportCsv(context.db, user, session, { anonymous: translate(getLocale(request), "qa.csv.anonymous") });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanya-jawab-${session.code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
