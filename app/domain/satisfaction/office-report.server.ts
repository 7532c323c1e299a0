// "Kami mendengar, kami bertindak": the office's periodic public report. What residents
// said (aspirations received, survey answers and published comments), what was decided
// (the annual deliberation's decisions in the period's year) and what was done (follow-up
// actions and aspirations resolved). Counts and public texts only.
import type { Db } from "~/db/client.server";
import { formatPeriod, periodRange, type Period } from "~/domain/periods";
import { PUBLIC_ONLY } from "~/domain/aspirations/visibility.server";
import { figuresByUnit } from "./figures.server";

export async function officeReport(db: Db, period: Period) {
  const { start, end } = periodRange(period);
  const inPeriod = { gte: start, lt: end };
  const [aspirations, resolved, comments, units, byUnit, decisions, actions] = await Promise.all([
    db.aspiration.count({ where: { createdAt: inPeriod, ...PUBLIC_ONLY } }),
    db.aspiration.count({ where: { createdAt: inPeriod, status: { in: ["done", "declined"] }, ...PUBLIC_ONLY } }),
    db.surveyResponse.findMany({
      where: { answeredAt: inPeriod, commentStatus: "approved", excluded: false },
      select: { id: true, unitId: true, comment: true },
      orderBy: { answeredAt: "desc" },
      take: 8,
    }),
    db.serviceUnit.findMany({ select: { id: true, name: true } }),
    figuresByUnit(db, period),
    db.agendaItem.groupBy({
      by: ["decision"],
      where: { decidedAt: { gte: new Date(Date.UTC(period.year, 0, 1, -7)), lt: new Date(Date.UTC(period.year + 1, 0, 1, -7)) }, decision: { not: null } },
      _count: { _all: true },
    }),
    db.followUpAction.groupBy({ by: ["status"], where: { period: formatPeriod(period) }, _count: { _all: true } }),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const decided = Object.fromEntries(decisions.map((d) => [d.decision ?? "", d._count._all]));
  const followUp = Object.fromEntries(actions.map((a) => [a.status, a._count._all]));
  return {
    period: formatPeriod(period),
    said: {
      aspirations,
      answers: [...byUnit.values()].reduce((a, f) => a + f.answers, 0),
      comments: comments.map((c) => ({ id: c.id, unit: names.get(c.unitId) ?? "", comment: c.comment ?? "" })),
    },
    decided: { accepted: decided.accepted ?? 0, deferred: decided.deferred ?? 0, declined: decided.declined ?? 0 },
    done: {
      aspirationsResolved: resolved,
      actionsDone: followUp.done ?? 0,
      actionsInProgress: followUp.in_progress ?? 0,
      actionsPlanned: followUp.planned ?? 0,
    },
    units: [...byUnit]
      .map(([id, f]) => ({ id, name: names.get(id) ?? "", ikm: f.result.shown, grade: f.result.grade, respondents: f.respondents }))
      .sort((a, b) => (b.ikm ?? -1) - (a.ikm ?? -1)),
  };
}
