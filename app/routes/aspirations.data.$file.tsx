// Open data: the public list and the follow-up report as CSV and JSON. No names,
// no contacts: the same fields as the public pages. Each file is built at most once a
// minute (read from the database a page of rows at a time) and answered from the
// process-wide cache (context.responses) with ETag, Last-Modified and 304; while a newer
// one is built, the previous one answers.
import { toCsv } from "~/domain/aspirations/csv";
import { cachedFollowUpReport, currentPeriod, formatPeriod, openDataPages, openDataVersion, parsePeriod } from "~/domain/aspirations/report.server";
import { defineLoader, notFound } from "~/utils/boundary.server";
import { cachedFileResponse } from "~/utils/response-cache.server";

/** how stale an open-data file may be (its Cache-Control says the same) */
const OPEN_DATA_MAX_AGE_S = 60;

const headers = (type: string, name: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${name}"`,
  "Cache-Control": `public, max-age=${OPEN_DATA_MAX_AGE_S}`,
  "Access-Control-Allow-Origin": "*",
});

const LIST_COLUMNS = [
  "code",
  "title",
  "description",
  "category",
  "kelurahan",
  "rw",
  "channel",
  "status",
  "supports",
  "groupPrimary",
  "receivedAt",
  "verifiedAt",
  "firstResponseAt",
] as const;

export const loader = /* @__PURE__ */ defineLoader(async ({ params, request, context }) => {
  const file = params.file ?? "";
  // a new aspiration or status change shows at once; supports and the rest within a minute
  const data = await openDataVersion(context.db);
  const version = `${data}/${Math.floor(Date.now() / (OPEN_DATA_MAX_AGE_S * 1000))}`;
  const lagging = { staleWhileRevalidate: (previous: string) => previous.startsWith(`${data}/`) };
  if (file === "aspirations.json" || file === "aspirations.csv") {
    const json = file.endsWith(".json");
    const cached = await context.responses.get(
      `open-data:${file}`,
      version,
      async () => {
        const generatedAt = new Date();
        // built piece by piece: a page of rows is read, written out and let go
        const parts: string[] = [];
        let first = true;
        if (json) parts.push(`{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"aspirations":[`);
        else parts.push(toCsv([...LIST_COLUMNS], []));
        for await (const page of openDataPages(context.db)) {
          if (json) {
            for (const row of page) {
              parts.push((first ? "\n" : ",\n") + JSON.stringify(row));
              first = false;
            }
          } else if (page.length)
            parts.push(
              toCsv(
                [],
                page.map((r) => LIST_COLUMNS.map((c) => r[c])),
              ).replace(/^\r\n/, ""),
            );
        }
        if (json) parts.push("\n]}\n");
        return { body: parts.join(""), lastModified: generatedAt };
      },
      lagging,
    );
    return cachedFileResponse(request, cached, headers(json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8", file));
  }
  if (file === "report.json" || file === "report.csv") {
    const period = parsePeriod(new URL(request.url).searchParams.get("period")) ?? currentPeriod("month");
    const json = file.endsWith(".json");
    const name = json ? file : `report-${formatPeriod(period)}.csv`;
    const cached = await context.responses.get(
      `open-data:${file}:${formatPeriod(period)}`,
      version,
      async () => {
        const report = await cachedFollowUpReport(context.db, context.counts, period);
        if (json) return { body: JSON.stringify(report, null, 2), lastModified: new Date() };
        const cols = ["received", "verified", "rejected", "resolved", "overdue", "medianDaysToFirstResponse"] as const;
        const rows = [
          ["total", "", ...cols.map((c) => report.totals[c])],
          ...report.byCategory.map((r) => ["category", r.key, ...cols.map((c) => r[c])]),
          ...report.byKelurahan.map((r) => ["kelurahan", r.key, ...cols.map((c) => r[c])]),
        ];
        return {
          body: toCsv(
            ["period", "breakdown", "group", ...cols],
            rows.map((r) => [report.period, ...r]),
          ),
          lastModified: new Date(),
        };
      },
      lagging,
    );
    return cachedFileResponse(request, cached, headers(json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8", name));
  }
  notFound();
});
