// Open data: the public list and the follow-up report as CSV and JSON. No names,
// no contacts: the same fields as the public pages.
import { toCsv } from "~/domain/aspirations/csv";
import { currentPeriod, followUpReport, openDataList, parsePeriod } from "~/domain/aspirations/report.server";
import { defineLoader, notFound } from "~/utils/boundary.server";

const headers = (type: string, name: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${name}"`,
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
});

export const loader = /* @__PURE__ */ defineLoader(async ({ params, request, context }) => {
  const file = params.file ?? "";
  if (file === "aspirations.json" || file === "aspirations.csv") {
    const rows = await openDataList(context.db);
    if (file.endsWith(".json")) return new Response(JSON.stringify({ generatedAt: new Date().toISOString(), aspirations: rows }, null, 2), { headers: headers("application/json; charset=utf-8", file) });
    const cols = ["code", "title", "description", "category", "kelurahan", "rw", "channel", "status", "supports", "groupPrimary", "receivedAt", "verifiedAt", "firstResponseAt"] as const;
    return new Response(toCsv([...cols], rows.map((r) => cols.map((c) => r[c]))), { headers: headers("text/csv; charset=utf-8", file) });
  }
  if (file === "report.json" || file === "report.csv") {
    const period = parsePeriod(new URL(request.url).searchParams.get("period")) ?? currentPeriod("month");
    const report = await followUpReport(context.db, period);
    if (file.endsWith(".json")) return new Response(JSON.stringify(report, null, 2), { headers: headers("application/json; charset=utf-8", file) });
    const cols = ["received", "verified", "rejected", "resolved", "overdue", "medianDaysToFirstResponse"] as const;
    const rows = [
      ["total", "", ...cols.map((c) => report.totals[c])],
      ...report.byCategory.map((r) => ["category", r.key, ...cols.map((c) => r[c])]),
      ...report.byKelurahan.map((r) => ["kelurahan", r.key, ...cols.map((c) => r[c])]),
    ];
    return new Response(toCsv(["period", "breakdown", "group", ...cols], rows.map((r) => [report.period, ...r])), { headers: headers("text/csv; charset=utf-8", `report-${report.period}.csv`) });
  }
  notFound();
});
