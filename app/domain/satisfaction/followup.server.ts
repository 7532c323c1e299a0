// Rencana tindak lanjut (follow-up plan): actions a unit takes on its survey results,
// each with an owner, a due date and a status, linked to the aspirations, agenda items
// or mystery-shopping findings it answers. Planned by the unit's supervisor (or a
// planner/admin); published with the results.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { normalizeCode } from "~/domain/aspirations/code";
import { PUBLIC_ONLY } from "~/domain/aspirations/visibility.server";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { wibToDate } from "~/domain/events/wib";
import { requireMysteryAccess, requireUnitSupervisor } from "./access.server";
import type { FollowUpInput, FollowUpStatus } from "./satisfaction.schema";

export async function createFollowUp(db: Db, actor: Actor, input: FollowUpInput) {
  await requireUnitSupervisor(db, actor, input.unitId);
  const dueOn = wibToDate(input.dueOn, "00:00");
  if (!dueOn) throw new DomainError("satisfaction.validation.date", "dueOn");
  const links: { aspirationId?: number; agendaItemId?: number; checkItemId?: number }[] = [];
  if (input.aspirationCode) {
    const code = normalizeCode(input.aspirationCode);
    const aspiration = code ? await db.aspiration.findUnique({ where: { code }, select: { id: true } }) : null;
    if (!aspiration) throw new DomainError("satisfaction.followUp.aspirationNotFound", "aspirationCode");
    links.push({ aspirationId: aspiration.id });
  }
  if (input.agendaItemId) {
    const item = await db.agendaItem.findUnique({ where: { id: input.agendaItemId }, select: { id: true } });
    if (!item) throw new DomainError("satisfaction.followUp.agendaItemNotFound", "agendaItemId");
    links.push({ agendaItemId: item.id });
  }
  if (input.checkItemId) {
    const item = await db.mysteryCheckItem.findUnique({ where: { id: input.checkItemId }, select: { id: true, visit: { select: { unitId: true } } } });
    if (!item || item.visit.unitId !== input.unitId) throw new DomainError("satisfaction.followUp.findingNotFound", "checkItemId");
    await requireMysteryAccess(db, actor, input.unitId);
    links.push({ checkItemId: item.id });
  }
  const action = await db.followUpAction.create({
    data: {
      unitId: input.unitId,
      period: input.period,
      elementKey: input.elementKey ?? null,
      title: input.title,
      description: input.description,
      ownerName: input.ownerName,
      dueOn,
      createdById: actor.id,
      links: { create: links },
    },
  });
  await audit(db, { actorId: actor.id, action: "satisfaction.followUp.create", targetType: "FollowUpAction", targetId: action.id });
  return action;
}

export async function setFollowUpStatus(db: Db, actor: Actor, input: { actionId: number; status: FollowUpStatus }, now = new Date()) {
  const action = await db.followUpAction.findUnique({ where: { id: input.actionId } });
  if (!action) throw new DomainError("satisfaction.followUp.notFound", undefined, undefined, 404);
  await requireUnitSupervisor(db, actor, action.unitId);
  await db.followUpAction.update({ where: { id: action.id }, data: { status: input.status, doneAt: input.status === "done" ? (action.doneAt ?? now) : null } });
  await audit(db, {
    actorId: actor.id,
    action: "satisfaction.followUp.status",
    targetType: "FollowUpAction",
    targetId: action.id,
    details: { status: input.status },
  });
}

/**
 * The public follow-up plan of a unit for a period: actions with owner, due date and
 * status, and what each answers (aspiration codes and titles, agenda items). Findings of
 * mystery shopping are for supervisors: the public sees only that an action answers one.
 */
export async function followUpPlan(db: Db, unitId: number, period: string) {
  const actions = await db.followUpAction.findMany({ where: { unitId, period }, orderBy: [{ dueOn: "asc" }, { id: "asc" }], include: { links: true } });
  const aspirationIds = actions.flatMap((a) => a.links.map((l) => l.aspirationId)).filter((v): v is number => v !== null);
  const agendaIds = actions.flatMap((a) => a.links.map((l) => l.agendaItemId)).filter((v): v is number => v !== null);
  const [aspirations, items] = await Promise.all([
    aspirationIds.length ? db.aspiration.findMany({ where: { id: { in: aspirationIds }, ...PUBLIC_ONLY }, select: { id: true, code: true, title: true } }) : [],
    agendaIds.length
      ? db.agendaItem.findMany({ where: { id: { in: agendaIds } }, select: { id: true, title: true, deliberation: { select: { year: true } } } })
      : [],
  ]);
  const asp = new Map(aspirations.map((a) => [a.id, a]));
  const agenda = new Map(items.map((i) => [i.id, i]));
  return actions.map((a) => ({
    id: a.id,
    title: a.title,
    description: a.description,
    elementKey: a.elementKey,
    ownerName: a.ownerName,
    dueOn: a.dueOn,
    status: a.status as FollowUpStatus,
    doneAt: a.doneAt,
    aspirations: a.links.flatMap((l) =>
      l.aspirationId && asp.get(l.aspirationId) ? [{ code: asp.get(l.aspirationId)!.code, title: asp.get(l.aspirationId)!.title }] : [],
    ),
    agendaItems: a.links.flatMap((l) =>
      l.agendaItemId && agenda.get(l.agendaItemId)
        ? [{ id: l.agendaItemId, title: agenda.get(l.agendaItemId)!.title, year: agenda.get(l.agendaItemId)!.deliberation.year }]
        : [],
    ),
    findings: a.links.filter((l) => l.checkItemId !== null).length,
  }));
}

export type FollowUpPlan = Awaited<ReturnType<typeof followUpPlan>>;
