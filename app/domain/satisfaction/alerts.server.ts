// Live alerts: when the share of negative answers (1 or 2) at a unit over the last
// window passes the threshold, the unit's supervisors are told in the app; they
// acknowledge with a comment; the alert closes by itself when the share recovers.
// The rule is a Setting ("satisfaction.alert"), copied onto every alert it opens.
import { z } from "zod";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify } from "~/domain/notifications/notifications.server";
import { requireUnitSupervisor } from "./access.server";

export const ALERT_SETTING = "satisfaction.alert";
export const alertRuleSchema = z.object({
  /** share of negative answers (0-1) that opens an alert when passed */
  threshold: z.number().min(0).max(1),
  windowMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** fewer answers than this in the window say nothing */
  minAnswers: z.number().int().min(1).max(1000),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const DEFAULT_ALERT_RULE: AlertRule = { threshold: 0.4, windowMinutes: 60, minAnswers: 10 };

export async function alertRule(db: Db): Promise<AlertRule> {
  const row = await db.setting.findUnique({ where: { key: ALERT_SETTING } });
  if (!row) return DEFAULT_ALERT_RULE;
  try {
    return alertRuleSchema.parse(JSON.parse(row.value));
  } catch {
    return DEFAULT_ALERT_RULE;
  }
}

/** The share of negative answers at a unit over the window ending now (not excluded ones). */
export async function negativeShare(db: Db, unitId: number, windowMinutes: number, now: Date) {
  const where = { unitId, excluded: false, answeredAt: { gt: new Date(now.getTime() - windowMinutes * 60_000), lte: now } };
  const [answers, negative] = await Promise.all([db.surveyResponse.count({ where }), db.surveyResponse.count({ where: { ...where, overall: { lte: 2 } } })]);
  return { answers, negative, share: answers ? negative / answers : 0 };
}

/** Opens an alert (and tells the supervisors) or closes the open one when the figures recovered. */
export async function evaluateAlert(db: Db, mailer: Mailer, unitId: number, now = new Date(), publicUrl = "") {
  const rule = await alertRule(db);
  const open = await db.surveyAlert.findFirst({ where: { unitId, closedAt: null }, orderBy: { openedAt: "desc" } });
  const { answers, share } = await negativeShare(db, unitId, open?.windowMinutes ?? rule.windowMinutes, now);
  if (open) {
    if (share <= open.threshold) await db.surveyAlert.update({ where: { id: open.id }, data: { closedAt: now } });
    return open;
  }
  if (answers < rule.minAnswers || share <= rule.threshold) return null;
  const alert = await db.surveyAlert.create({
    data: { unitId, threshold: rule.threshold, windowMinutes: rule.windowMinutes, negativeShare: share, answers, openedAt: now },
  });
  const [unit, supervisors] = await Promise.all([
    db.serviceUnit.findUnique({ where: { id: unitId }, select: { name: true } }),
    db.unitStaff.findMany({ where: { unitId, role: "supervisor" }, select: { userId: true } }),
  ]);
  await notify(
    db,
    mailer,
    {
      userIds: supervisors.map((s) => s.userId),
      messageKey: "satisfaction.alert.notify",
      params: { unit: unit?.name ?? String(unitId), share: Math.round(share * 100), minutes: rule.windowMinutes },
      link: `/survei/kelola/${unitId}#peringatan`,
    },
    publicUrl,
  );
  return alert;
}

export async function acknowledgeAlert(db: Db, actor: Actor, input: { alertId: number; comment: string }, now = new Date()) {
  const alert = await db.surveyAlert.findUnique({ where: { id: input.alertId } });
  if (!alert) throw new DomainError("satisfaction.alert.notFound", undefined, undefined, 404);
  await requireUnitSupervisor(db, actor, alert.unitId);
  await db.surveyAlert.update({
    where: { id: alert.id },
    data: { acknowledgedById: actor.id, acknowledgedAt: alert.acknowledgedAt ?? now, comment: input.comment },
  });
  await audit(db, { actorId: actor.id, action: "satisfaction.alert.acknowledge", targetType: "SurveyAlert", targetId: alert.id });
}

/** Open alerts first, then the last closed ones; with the current share (re-checked, so a recovered one closes). */
export async function unitAlerts(db: Db, mailer: Mailer, unitId: number, now = new Date()) {
  await evaluateAlert(db, mailer, unitId, now);
  const rows = await db.surveyAlert.findMany({ where: { unitId }, orderBy: [{ openedAt: "desc" }], take: 10 });
  const names = await userNames(
    db,
    rows.map((r) => r.acknowledgedById),
  );
  return rows.map((r) => ({ ...r, acknowledgedBy: r.acknowledgedById ? (names.get(r.acknowledgedById) ?? null) : null }));
}

export async function userNames(db: Db, ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return new Map<number, string>();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
