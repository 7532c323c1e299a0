// All questions (then all polls) of a session as CSV, for moderators (Excel-friendly: BOM, CRLF).
import { can } from "~/domain/accounts/roles";
import { exportCsv, requireSession } from "~/domain/qa/qa.server";
import { pollsCsv } from "~/domain/qa/polls.server";
import { translate } from "~/i18n";
import { requirePermission } from "~/utils/auth.server";
import { defineLoader } from "~/utils/boundary.server";
import { getLocale } from "~/utils/locale.server";

export const loader = /* @__PURE__ */ defineLoader(async ({ request, params, context }) => {
  const user = await requirePermission(request, context, can.moderate);
  const session = await requireSession(context.db, params.code ?? "");
  const questions = await exportCsv(context.db, user, session, { anonymous: translate(getLocale(request), "qa.csv.anonymous") });
  // the session's polls follow the questions after an empty line (one line per choice or word)
  const csv = `${questions}\r\n${await pollsCsv(context.db, user, session)}`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tanya-jawab-${session.code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
