// Open data of a unit's SKM results and follow-up plan for a period:
// /survei/data/<unit>/hasil.json and /hasil.csv (?period=2025-Q1). Figures and actions
// only: never a response, a comment's author or anything about a respondent.
import { toCsv } from "~/domain/aspirations/csv";
import { formatPeriod } from "~/domain/periods";
import { unitResults } from "~/domain/satisfaction/figures.server";
import { followUpPlan } from "~/domain/satisfaction/followup.server";
import { ELEMENT_KEYS } from "~/domain/satisfaction/ikm";
import { defineLoader, idParam, notFound } from "~/utils/boundary.server";
import { periodFrom } from "~/utils/satisfaction.server";

const headers = (type: string, name: string) => ({
  "Content-Type": type,
  "Content-Disposition": `inline; filename="${name}"`,
  "Cache-Control": "public, max-age=60",
  "Access-Control-Allow-Origin": "*",
});

export const loader = /* @__PURE__ */ defineLoader(async ({ params, request, context }) => {
  const id = idParam(params, "id", "satisfaction.unit.notFound");
  const file = params.file ?? "";
  if (file !== "hasil.json" && file !== "hasil.csv") notFound();
  const period = periodFrom(request);
  const results = await unitResults(context.db, id, period);
  if (!results) notFound("satisfaction.unit.notFound");
  const plan = await followUpPlan(context.db, id, formatPeriod(period));
  const r = results.figures.result;
  const doc = {
    unit: results.unit.name,
    period: formatPeriod(period),
    ikm: r.shown,
    grade: r.grade,
    respondents: results.figures.respondents,
    answers: results.figures.answers,
    serviceUsers: results.users.users,
    minimumSample: results.sample.needed,
    representative: results.sample.representative,
    elements: results.elements.map((e) => ({ key: e.key, name: e.name.id, nrr: r.nrr[e.key], answers: results.figures.totals[e.key].count })),
    followUp: plan.map((a) => ({
      title: a.title,
      element: a.elementKey,
      owner: a.ownerName,
      due: new Date(a.dueOn.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
      status: a.status,
      aspirations: a.aspirations.map((x) => x.code),
      agendaItems: a.agendaItems.map((x) => x.id),
    })),
  };
  if (file === "hasil.json")
    return new Response(JSON.stringify(doc, null, 2), { headers: headers("application/json; charset=utf-8", `skm-${results.unit.id}-${doc.period}.json`) });
  const rows: unknown[][] = [
    ["ikm", "", "IKM", r.shown ?? "", r.grade ?? "", "", ""],
    ["sample", "respondents", "Responden", doc.respondents, "", "", ""],
    ["sample", "minimum", "Sampel minimum", doc.minimumSample ?? "", "", "", ""],
    ...ELEMENT_KEYS.map((k) => [
      "element",
      k,
      results.elements.find((e) => e.key === k)?.name.id ?? k,
      r.nrr[k] ?? "",
      results.figures.totals[k].count,
      "",
      "",
    ]),
    ...doc.followUp.map((a) => ["follow_up", a.element ?? "", a.title, a.status, a.owner, a.due, a.aspirations.join(" ")]),
  ];
  return new Response(toCsv(["section", "key", "label", "value", "detail", "due", "links"], rows), {
    headers: headers("text/csv; charset=utf-8", `skm-${results.unit.id}-${doc.period}.csv`),
  });
});
