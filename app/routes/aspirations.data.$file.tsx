// Open data: the public list and the follow-up report as CSV and JSON. No names,
// no contacts: the same fields as the public pages. The list comes in pages
// (`?after=<cursor>&limit=<n>`, 500 rows by default, at most 5,000, keyset on the order
// of entry): each page says where the next one starts (JSON `next`, and a `Link:
// rel="next"` header on both), so a city's 60 MB list is never one response. Each
// file is built at most once a minute (sooner when an aspiration or a status change
// is added) and answered from the process-wide cache (context.responses) with ETag,
// Last-Modified and 304; while a newer one is built, the previous one answers.
import { toCsv } from "~/domain/aspirations/csv";
import {
  cachedFollowUpReport,
  currentPeriod,
  formatPeriod,
  OPEN_DATA_PAGE,
  OPEN_DATA_PAGE_MAX,
  openDataPage,
  openDataVersion,
  parsePeriod,
} from "~/domain/aspirations/report.server";
import { DomainError } from "~/domain/errors";
import { MAX_ID } from "~/domain/ids";
import { defineLoader, notFound } from "~/utils/boundary.server";
import { cachedFileResponse } from "~/utils/response-cache.server";

/** how stale an open-data file may be (its Cache-Control says the same) */
const OPEN_DATA_MAX_AGE_S = 60;

const headers = (type: string, name: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${name}"`,
  "Cache-Control": `public, max-age=${OPEN_DATA_MAX_AGE_S}`,
  "Access-Control-Allow-Origin": "*",
  // the next page's address is in a Link header: let other sites' scripts read it
  "Access-Control-Expose-Headers": "Link, ETag",
});

/** `?after=` and `?limit=`: whole numbers in range, or the request is refused (400) */
function pageParam(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || value === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new DomainError("error.badRequest", undefined, undefined, 400);
  return n;
}

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
    const search = new URL(request.url).searchParams;
    const after = pageParam(search.get("after"), 0, 0, MAX_ID);
    const limit = pageParam(search.get("limit"), OPEN_DATA_PAGE, 1, OPEN_DATA_PAGE_MAX);
    const cached = await context.responses.get(
      `open-data:${file}:${after}:${limit}`,
      version,
      async () => {
        const generatedAt = new Date();
        const page = await openDataPage(context.db, after, limit);
        const pageUrl = (from: number) => `/aspirations/data/${file}?after=${from}${limit === OPEN_DATA_PAGE ? "" : `&limit=${limit}`}`;
        const next = page.more ? pageUrl(page.cursor) : null;
        const link = { ...(next ? { Link: `<${next}>; rel="next"` } : {}) };
        if (!json) {
          const body = toCsv(
            [...LIST_COLUMNS],
            page.rows.map((r) => LIST_COLUMNS.map((c) => r[c])),
          );
          return { body, lastModified: generatedAt, headers: link };
        }
        // one row a line, as before: readable and diffable
        const head = { generatedAt: generatedAt.toISOString(), after, limit, count: page.rows.length, cursor: page.cursor, next };
        const rows = page.rows.map((r) => JSON.stringify(r)).join(",\n");
        const body = `${JSON.stringify(head).slice(0, -1)},"aspirations":[${rows ? `\n${rows}\n` : ""}]}\n`;
        return { body, lastModified: generatedAt, headers: link };
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
