// The survey desk of a unit (staff): kiosks, anomalies to decide, alerts, comments
// waiting for moderation, the service users entered per period, the public consultation
// forum's note; and the element labels admins edit. Permissions are checked here.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { formatPeriod, type Period } from "~/domain/periods";
import { forbidden, mayMysteryShop, requireUnitStaff, requireUnitSupervisor, unitNotFound } from "./access.server";
import { unitAlerts, userNames } from "./alerts.server";
import { getUnit, serviceUsers } from "./figures.server";
import type { ElementLabelsInput } from "./satisfaction.schema";

export async function unitDesk(db: Db, mailer: Mailer, actor: Actor, unitId: number, period: Period, now = new Date()) {
  const access = await requireUnitStaff(db, actor, unitId);
  const unit = await getUnit(db, unitId);
  if (!unit) unitNotFound();
  const [devices, anomalies, alerts, comments, users, services, survey] = await Promise.all([
    db.kioskDevice.findMany({ where: { unitId }, orderBy: { createdAt: "desc" }, take: 20 }),
    db.surveyAnomaly.findMany({
      where: { unitId },
      orderBy: [{ status: "desc" }, { createdAt: "desc" }],
      take: 20,
      include: { _count: { select: { responses: true } }, device: { select: { name: true } } },
    }),
    unitAlerts(db, mailer, unitId, now),
    db.surveyResponse.findMany({
      where: { unitId, commentStatus: "pending" },
      select: { id: true, comment: true, answeredAt: true, channel: true },
      orderBy: { answeredAt: "asc" },
      take: 20,
    }),
    serviceUsers(db, unitId, period),
    db.service.findMany({ where: { unitId, status: "active" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.survey.findUnique({ where: { unitId_period: { unitId, period: formatPeriod(period) } }, select: { forumNote: true } }),
  ]);
  const names = await userNames(
    db,
    anomalies.map((a) => a.decidedById),
  );
  return {
    unit,
    period: formatPeriod(period),
    supervises: access === "all" || access === "supervisor",
    /** mystery shopping is for the unit's supervisor and admins, not planners */
    mysteryShops: mayMysteryShop(actor, access),
    devices: devices.map((d) => ({ id: d.id, name: d.name, createdAt: d.createdAt, lastSeenAt: d.lastSeenAt, revoked: d.revokedAt !== null })),
    anomalies: anomalies.map((a) => ({
      id: a.id,
      kind: a.kind,
      device: a.device?.name ?? null,
      windowStart: a.windowStart,
      windowEnd: a.windowEnd,
      responses: a._count.responses,
      status: a.status,
      decidedBy: a.decidedById ? (names.get(a.decidedById) ?? null) : null,
      decidedAt: a.decidedAt,
      note: a.decisionNote,
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      openedAt: a.openedAt,
      closedAt: a.closedAt,
      share: a.negativeShare,
      answers: a.answers,
      threshold: a.threshold,
      windowMinutes: a.windowMinutes,
      acknowledgedAt: a.acknowledgedAt,
      acknowledgedBy: a.acknowledgedBy,
      comment: a.comment,
    })),
    comments: comments.map((c) => ({ id: c.id, comment: c.comment ?? "", answeredAt: c.answeredAt, channel: c.channel })),
    users,
    services,
    forumNote: survey?.forumNote ?? "",
  };
}

/** The unit's supervisor (or a planner/admin) records how the public consultation forum (FKP) discussed a period's results. */
export async function setForumNote(db: Db, actor: Actor, input: { unitId: number; period: string; forumNote: string }) {
  await requireUnitSupervisor(db, actor, input.unitId);
  const forumNote = input.forumNote || null;
  await db.survey.upsert({
    where: { unitId_period: { unitId: input.unitId, period: input.period } },
    create: { unitId: input.unitId, period: input.period, forumNote },
    update: { forumNote },
  });
  await audit(db, {
    actorId: actor.id,
    action: "satisfaction.forumNote",
    targetType: "ServiceUnit",
    targetId: input.unitId,
    details: { period: input.period },
  });
}

export type UnitDesk = Awaited<ReturnType<typeof unitDesk>>;

export async function saveElementLabels(db: Db, actor: Actor, input: ElementLabelsInput) {
  if (!can.manageUsers(actor)) forbidden();
  const { key, ...labels } = input;
  await db.surveyElement.upsert({ where: { key }, create: { key, ...labels, updatedById: actor.id }, update: { ...labels, updatedById: actor.id } });
  await audit(db, { actorId: actor.id, action: "satisfaction.element.labels", targetType: "SurveyElement", targetId: key });
}
