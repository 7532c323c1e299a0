// Digital classes (kelas digital): events of kind "class" in which the helpdesk teaches
// residents (small businesses, the elderly, other vulnerable groups) the online
// procedures. A class is linked to the services it teaches (EventService); the service
// page lists the coming ones, and the unit's figures count their attendance with the
// helpdesk. Moderators create the events; whoever edits a unit's services (planners,
// admins, the unit's supervisors) links them to those services.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { editableUnits, mayEditUnit } from "./services.server";

export const CLASS_PAGE_SIZE = 20;

function forbidden(): never {
  throw new DomainError("error.403.text", undefined, undefined, 403);
}

/** The staff page: class events, newest first, a page at a time, with their services and the services the actor may link. */
export async function classDesk(db: Db, actor: Actor, page = 1) {
  const units = await editableUnits(db, actor);
  if (units !== "all" && units.length === 0) forbidden();
  const where = { kind: "class" };
  const [total, events, services] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CLASS_PAGE_SIZE,
      take: CLASS_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        startsAt: true,
        attendanceCount: true,
        services: { select: { service: { select: { id: true, slug: true, name: true, unitId: true, unit: { select: { name: true } } } } } },
      },
    }),
    db.service.findMany({
      where: { status: "active", ...(units !== "all" && { unitId: { in: units } }) },
      orderBy: [{ unitId: "asc" }, { name: "asc" }],
      take: 500,
      select: { id: true, name: true, unit: { select: { id: true, name: true } } },
    }),
  ]);
  const mine = (unitId: number) => units === "all" || units.includes(unitId);
  return {
    page,
    total,
    pages: Math.max(1, Math.ceil(total / CLASS_PAGE_SIZE)),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      startsAt: e.startsAt,
      attendanceCount: e.attendanceCount,
      services: e.services.map((l) => ({ ...l.service, unit: l.service.unit.name, mayUnlink: mine(l.service.unitId) })),
    })),
    services,
    /** moderators (and admins) create events */
    mayCreate: can.manageEvents(actor),
  };
}

async function checkLink(db: Db, actor: Actor, eventId: number, serviceId: number) {
  const [event, service] = await Promise.all([
    db.event.findUnique({ where: { id: eventId }, select: { kind: true } }),
    db.service.findUnique({ where: { id: serviceId }, select: { unitId: true, status: true } }),
  ]);
  if (!event) throw new DomainError("events.notFound", "eventId", undefined, 404);
  if (event.kind !== "class") throw new DomainError("services.classes.notClass", "eventId");
  if (!service || service.status !== "active") throw new DomainError("services.notFound", "serviceId");
  if (!(await mayEditUnit(db, actor, service.unitId))) forbidden();
}

export async function linkClass(db: Db, actor: Actor, input: { eventId: number; serviceId: number }) {
  await checkLink(db, actor, input.eventId, input.serviceId);
  try {
    await db.eventService.create({ data: input });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("services.classes.already", "serviceId");
    throw error;
  }
  await audit(db, { actorId: actor.id, action: "service.class.link", targetType: "event", targetId: input.eventId, details: { serviceId: input.serviceId } });
}

export async function unlinkClass(db: Db, actor: Actor, input: { eventId: number; serviceId: number }) {
  await checkLink(db, actor, input.eventId, input.serviceId);
  await db.eventService.deleteMany({ where: input });
  await audit(db, { actorId: actor.id, action: "service.class.unlink", targetType: "event", targetId: input.eventId, details: { serviceId: input.serviceId } });
}

/** The classes of the unit's services held in the period (each once) and their recorded attendance: part of the empowerment figure. */
export async function classAttendance(db: Db, unitId: number, range: { from: Date; to: Date }) {
  const where = { kind: "class", status: { not: "cancelled" }, startsAt: { gte: range.from, lt: range.to }, services: { some: { service: { unitId } } } };
  const row = await db.event.aggregate({ where, _count: { _all: true }, _sum: { attendanceCount: true } });
  return { classes: row._count._all, attendance: row._sum.attendanceCount ?? 0 };
}
