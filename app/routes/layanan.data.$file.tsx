// Open data: the service catalogue as JSON and CSV (public fields only: the same
// figures as the pages).
import { toCsv } from "~/domain/aspirations/csv";
import { OPEN_DATA_COLUMNS, openDataRows } from "~/domain/services/services.server";
import { defineLoader, notFound } from "~/utils/boundary.server";
import { siteOrigin } from "~/utils/services.server";

const headers = (type: string, name: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${name}"`,
  "Cache-Control": "public, max-age=300",
  "Access-Control-Allow-Origin": "*",
});

export const loader = /* @__PURE__ */ defineLoader(async ({ params, request, context }) => {
  const file = params.file ?? "";
  if (file !== "katalog.json" && file !== "katalog.csv") notFound("services.notFound");
  const rows = await openDataRows(context.db, siteOrigin(request, context.config.publicUrl));
  if (file === "katalog.json") {
    return new Response(JSON.stringify({ generatedAt: new Date().toISOString(), services: rows }, null, 2), {
      headers: headers("application/json; charset=utf-8", file),
    });
  }
  const csvRows = rows.map((r) => OPEN_DATA_COLUMNS.map((c) => (c === "persyaratan" ? r.persyaratan.join("; ") : r[c])));
  return new Response(toCsv([...OPEN_DATA_COLUMNS], csvRows), { headers: headers("text/csv; charset=utf-8", file) });
});
