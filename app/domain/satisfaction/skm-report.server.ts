// The SKM report the regulation asks a unit to publish for a period (PermenPAN-RB
// 14/2017): the method (population, the Krejcie–Morgan minimum sample, respondents, how
// the answers came in), the respondents' profile, the nine elements with their NRR and
// weighted NRR, the IKM and its grade, the lowest elements with the actions that answer
// them, the trend, the follow-up plan and the public consultation forum's note. Built
// from the same figures as the results page; nothing here touches a respondent's identity.
import type { Db } from "~/db/client.server";
import { formatPeriod, periodRange, type Period } from "~/domain/periods";
import { trendFigures, trendPeriods, unitResults } from "./figures.server";
import { followUpPlan } from "./followup.server";
import { lowestElements } from "./ikm";
import { CHANNELS, type Channel } from "./satisfaction.schema";

export async function skmReport(db: Db, input: { unitId: number; serviceId?: number; period: Period }, now = new Date()) {
  const results = await unitResults(db, input.unitId, input.period, input.serviceId);
  if (!results) return null;
  const serviceId = results.service?.id;
  const period = formatPeriod(input.period);
  const periods = trendPeriods(input.period, 4);
  const range = periodRange(input.period);
  const where = { unitId: input.unitId, answeredAt: { gte: range.start, lt: range.end }, ...(serviceId && { serviceId }) };
  const [trend, plan, channels, excluded, survey] = await Promise.all([
    trendFigures(db, { unitId: input.unitId, serviceId }, periods),
    followUpPlan(db, input.unitId, period),
    db.surveyResponse.groupBy({ by: ["channel"], where: { ...where, excluded: false }, _count: { _all: true } }),
    db.surveyResponse.count({ where: { ...where, excluded: true } }),
    db.survey.findUnique({ where: { unitId_period: { unitId: input.unitId, period } }, select: { forumNote: true } }),
  ]);
  const byChannel = new Map(channels.map((c) => [c.channel, c._count._all]));
  const lowest = lowestElements(results.figures.result.nrr, 3).map((e) => ({
    ...e,
    actions: plan.filter((a) => a.elementKey === e.key).map((a) => ({ id: a.id, title: a.title, status: a.status })),
  }));
  return {
    ...results,
    period,
    start: range.start,
    // the last day of the period (its end is the next period's first moment)
    end: new Date(range.end.getTime() - 1),
    channels: CHANNELS.map((channel: Channel) => ({ channel, answers: byChannel.get(channel) ?? 0 })),
    excluded,
    lowest,
    trend: periods.map((p, i) => ({ period: formatPeriod(p), ikm: trend[i].result.shown, grade: trend[i].result.grade, respondents: trend[i].respondents })),
    plan,
    forumNote: survey?.forumNote ?? null,
    generatedAt: now,
  };
}

export type SkmReport = NonNullable<Awaited<ReturnType<typeof skmReport>>>;
