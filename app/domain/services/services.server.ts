// Service standards: units, services and their versions, the Maklumat Pelayanan,
// announcements, who works where, reminders, the catalogue and open data.
// Use cases take (db, actor, …) and check permissions here, on the server.
import type { Db } from "~/db/client.server";
import { containsText } from "~/db/search";
import { parseIdentifier } from "~/domain/accounts/identifier";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { readPhoto } from "~/domain/events/photos.server";
import { wibToDate } from "~/domain/events/wib";
import type { ImageStore, StoredImageRef } from "~/domain/images/images";
import { diffVersions, type Change } from "./diff";
import {
  DEFAULT_REMINDER_MONTHS,
  REMINDER_SETTING,
  parseList,
  requirementSchema,
  stepSchema,
  type AnnouncementInput,
  type DurationUnit,
  type MaklumatInput,
  type UnitInput,
  type UnitRole,
  type VersionContent,
  type VersionFormInput,
} from "./services.schema";

export const CATALOGUE_PAGE_SIZE = 20;

function forbidden(): never {
  throw new DomainError("error.403.text", undefined, undefined, 403);
}
function serviceNotFound(): never {
  throw new DomainError("services.notFound", undefined, undefined, 404);
}
function unitNotFound(): never {
  throw new DomainError("services.unit.notFound", undefined, undefined, 404);
}

// ------------------------------------------------------------------ who may do what

export type UnitAccess = "all" | UnitRole | null;

/** What the actor may do at a unit: planners and admins everywhere, staff at their own units. */
export async function unitAccess(db: Db, actor: Actor | null | undefined, unitId: number): Promise<UnitAccess> {
  if (!actor) return null;
  if (can.manageAllServices(actor)) return "all";
  if (!can.workAtCounter(actor)) return null;
  const tie = await db.unitStaff.findUnique({ where: { userId_unitId: { userId: actor.id, unitId } }, select: { role: true } });
  return (tie?.role as UnitRole | undefined) ?? null;
}

/** Edit services, the Maklumat and announcements: planners, admins and the unit's supervisor. */
/** Whether the actor may edit the unit's services (planners and admins everywhere, a supervisor at their units). */
export async function mayEditUnit(db: Db, actor: Actor | null | undefined, unitId: number): Promise<boolean> {
  if (!actor) return false;
  const access = await unitAccess(db, actor, unitId);
  return access === "all" || access === "supervisor";
}

export async function requireUnitEditor(db: Db, actor: Actor | null | undefined, unitId: number): Promise<void> {
  if (!(await mayEditUnit(db, actor, unitId))) forbidden();
}

/** Units the actor works at (all of them for planners and admins). */
export async function unitsOf(db: Db, actor: Actor): Promise<number[] | "all"> {
  if (can.manageAllServices(actor)) return "all";
  if (!can.serviceDesk(actor)) forbidden();
  const ties = await db.unitStaff.findMany({ where: { userId: actor.id }, select: { unitId: true } });
  return ties.map((t) => t.unitId);
}

// ------------------------------------------------------------------ versions

type VersionRow = {
  id: number;
  number: number;
  name: string;
  summary: string;
  requirements: string;
  stepsCounter: string;
  stepsOnline: string;
  onlineName: string | null;
  onlineUrl: string | null;
  durationValue: number;
  durationUnit: string;
  costAmount: number;
  costBasis: string | null;
  product: string;
  complaints: string;
  legalBasis: string;
  facilities: string;
  competence: string;
  oversight: string;
  staffCount: string;
  guarantee: string;
  security: string;
  evaluation: string;
  effectiveFrom: Date;
  reason: string;
  createdAt: Date;
};

export interface Version extends VersionContent {
  id: number;
  number: number;
  effectiveFrom: Date;
  reason: string;
  createdAt: Date;
}

export function toVersion(row: VersionRow): Version {
  return {
    ...row,
    durationUnit: row.durationUnit as DurationUnit,
    requirements: parseList(row.requirements, requirementSchema),
    stepsCounter: parseList(row.stepsCounter, stepSchema),
    stepsOnline: parseList(row.stepsOnline, stepSchema),
  };
}

function versionData(content: VersionContent) {
  return {
    ...content,
    requirements: JSON.stringify(content.requirements),
    stepsCounter: JSON.stringify(content.stepsCounter),
    stepsOnline: JSON.stringify(content.stepsOnline),
  };
}

function contentOf(input: VersionFormInput): VersionContent {
  return {
    name: input.name,
    summary: input.summary,
    requirements: input.requirements,
    stepsCounter: input.stepsCounter,
    stepsOnline: input.stepsOnline,
    onlineName: input.onlineName ?? null,
    onlineUrl: input.onlineUrl ?? null,
    durationValue: input.durationValue,
    durationUnit: input.durationUnit,
    costAmount: input.costAmount,
    costBasis: input.costBasis ?? null,
    product: input.product,
    complaints: input.complaints,
    legalBasis: input.legalBasis,
    facilities: input.facilities,
    competence: input.competence,
    oversight: input.oversight,
    staffCount: input.staffCount,
    guarantee: input.guarantee,
    security: input.security,
    evaluation: input.evaluation,
  };
}

function effectiveDate(day: string): Date {
  const d = wibToDate(day, "00:00");
  if (!d) throw new DomainError("services.validation.date", "effectiveFrom");
  return d;
}

export interface NewServiceInput {
  unitId: number;
  slug: string;
  category: string;
  content: VersionContent;
  effectiveFrom: Date;
  reason: string;
  now?: Date;
}

/** Writes a service with its first version. No permission check: callers (and the seed) do it. */
export async function insertService(db: Db, actorId: number | null, input: NewServiceInput) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const service = await tx.service.create({
      data: {
        slug: input.slug,
        unitId: input.unitId,
        name: input.content.name,
        category: input.category,
        lastCheckedAt: now,
        lastCheckedById: actorId,
        createdAt: now,
      },
    });
    const version = await tx.serviceVersion.create({
      data: {
        ...versionData(input.content),
        serviceId: service.id,
        number: 1,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        createdById: actorId,
        createdAt: now,
      },
    });
    return tx.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });
  });
}

/** Adds a version on top of the newest one and makes it current. No permission check. */
export async function insertVersion(
  db: Db,
  actorId: number | null,
  serviceId: number,
  input: { category?: string; content: VersionContent; effectiveFrom: Date; reason: string; now?: Date },
) {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const last = await tx.serviceVersion.findFirst({ where: { serviceId }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.serviceVersion.create({
      data: {
        ...versionData(input.content),
        serviceId,
        number: (last?.number ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        reason: input.reason,
        createdById: actorId,
        createdAt: now,
      },
    });
    await tx.service.update({
      where: { id: serviceId },
      data: {
        currentVersionId: version.id,
        name: input.content.name,
        ...(input.category && { category: input.category }),
        lastCheckedAt: now,
        lastCheckedById: actorId,
      },
    });
    return version;
  });
}

/** Staff create a service at a unit they may edit; its first version comes from the form. */
export async function createService(db: Db, actor: Actor, unitId: number, slug: string, input: VersionFormInput) {
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) throw new DomainError("services.validation.unit", "unitId");
  await requireUnitEditor(db, actor, unitId);
  try {
    const service = await insertService(db, actor.id, {
      unitId,
      slug,
      category: input.category,
      content: contentOf(input),
      effectiveFrom: effectiveDate(input.effectiveFrom),
      reason: input.reason,
    });
    await audit(db, { actorId: actor.id, action: "service.create", targetType: "service", targetId: service.id, details: { slug } });
    return service;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("services.validation.slugTaken", "slug");
    throw error;
  }
}

/** Every save is a new version, with who, when and why. */
export async function saveVersion(db: Db, actor: Actor, serviceId: number, input: VersionFormInput) {
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { id: true, unitId: true } });
  if (!service) serviceNotFound();
  await requireUnitEditor(db, actor, service.unitId);
  const version = await insertVersion(db, actor.id, serviceId, {
    category: input.category,
    content: contentOf(input),
    effectiveFrom: effectiveDate(input.effectiveFrom),
    reason: input.reason,
  });
  await audit(db, {
    actorId: actor.id,
    action: "service.version",
    targetType: "service",
    targetId: serviceId,
    details: { number: version.number, reason: input.reason },
  });
  return version;
}

/** "Still correct": the standard was checked against what happens at the counter. */
export async function markChecked(db: Db, actor: Actor, serviceId: number, now = new Date()) {
  const service = await db.service.findUnique({ where: { id: serviceId }, select: { id: true, unitId: true } });
  if (!service) serviceNotFound();
  await requireUnitEditor(db, actor, service.unitId);
  await db.service.update({ where: { id: serviceId }, data: { lastCheckedAt: now, lastCheckedById: actor.id } });
  await audit(db, { actorId: actor.id, action: "service.checked", targetType: "service", targetId: serviceId });
}

const versionSelect = {
  id: true,
  number: true,
  name: true,
  summary: true,
  requirements: true,
  stepsCounter: true,
  stepsOnline: true,
  onlineName: true,
  onlineUrl: true,
  durationValue: true,
  durationUnit: true,
  costAmount: true,
  costBasis: true,
  product: true,
  complaints: true,
  legalBasis: true,
  facilities: true,
  competence: true,
  oversight: true,
  staffCount: true,
  guarantee: true,
  security: true,
  evaluation: true,
  effectiveFrom: true,
  reason: true,
  createdAt: true,
} as const;

const unitSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  address: true,
  openingHours: true,
  phone: true,
  whatsapp: true,
  email: true,
  areaId: true,
} as const;

/** What a resident who scanned a printed guide of version `printed` needs to know. */
export type PrintedComparison =
  { status: "current"; printed: number } | { status: "older"; printed: number; printedOn: Date; changes: Change[] } | { status: "unknown"; printed: number };

async function loadService(db: Db, slug: string) {
  const service = await db.service.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      category: true,
      status: true,
      lastCheckedAt: true,
      unitId: true,
      unit: { select: unitSelect },
      currentVersion: { select: versionSelect },
    },
  });
  if (!service || !service.currentVersion) serviceNotFound();
  return { ...service, currentVersion: toVersion(service.currentVersion) };
}

/** The public page of a service: the current version, its history, and (for ?v=) what changed since a printed one. */
export async function getServicePage(db: Db, slug: string, printed?: number) {
  const service = await loadService(db, slug);
  const history = await db.serviceVersion.findMany({
    where: { serviceId: service.id },
    orderBy: { number: "desc" },
    select: { number: true, effectiveFrom: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  let comparison: PrintedComparison | null = null;
  if (printed !== undefined) {
    const current = service.currentVersion;
    if (printed === current.number) comparison = { status: "current", printed };
    else {
      const old =
        printed < current.number
          ? await db.serviceVersion.findUnique({ where: { serviceId_number: { serviceId: service.id, number: printed } }, select: versionSelect })
          : null;
      comparison = old
        ? { status: "older", printed, printedOn: old.effectiveFrom, changes: diffVersions(toVersion(old), current) }
        : { status: "unknown", printed };
    }
  }
  const classes = await db.eventService.findMany({
    where: { serviceId: service.id, event: { status: "published", endsAt: { gte: new Date() } } },
    select: { event: { select: { id: true, title: true, startsAt: true } } },
    orderBy: { event: { startsAt: "asc" } },
    take: 3,
  });
  return {
    ...service,
    history: history.map((h) => ({
      number: h.number,
      effectiveFrom: h.effectiveFrom,
      reason: h.reason,
      createdAt: h.createdAt,
      by: h.createdBy?.name ?? null,
    })),
    comparison,
    classes: classes.map((c) => c.event),
  };
}
export type ServicePage = Awaited<ReturnType<typeof getServicePage>>;

/** One version as it was (the history links to each). */
export async function getServiceVersion(db: Db, slug: string, number: number) {
  const service = await loadService(db, slug);
  const row = await db.serviceVersion.findUnique({ where: { serviceId_number: { serviceId: service.id, number } }, select: versionSelect });
  if (!row) serviceNotFound();
  const version = toVersion(row);
  const previous =
    number > 1
      ? await db.serviceVersion.findUnique({ where: { serviceId_number: { serviceId: service.id, number: number - 1 } }, select: versionSelect })
      : null;
  return { service, version, changes: previous ? diffVersions(toVersion(previous), version) : [] };
}

/** The print guide, the social card and the editor read the same record. */
export async function getServiceForPrint(db: Db, slug: string) {
  return loadService(db, slug);
}

/** The form of the editor: the current version and whether the actor may save. */
export async function getServiceForEdit(db: Db, actor: Actor, slug: string) {
  const service = await loadService(db, slug);
  await requireUnitEditor(db, actor, service.unitId);
  return service;
}

// ------------------------------------------------------------------ catalogue, units

export interface CatalogueQuery {
  q?: string;
  unit?: number;
  page?: number;
}

/** Active services, by unit and keyword, a page at a time; cost and time from the current version. */
export async function catalogue(db: Db, query: CatalogueQuery) {
  const page = Math.max(1, query.page ?? 1);
  const where = {
    status: "active",
    currentVersionId: { not: null },
    ...(query.unit && { unitId: query.unit }),
    ...(query.q && { name: containsText(db, query.q) }),
  };
  const [total, rows] = await Promise.all([
    db.service.count({ where }),
    db.service.findMany({
      where,
      orderBy: [{ unit: { position: "asc" } }, { unitId: "asc" }, { name: "asc" }],
      skip: (page - 1) * CATALOGUE_PAGE_SIZE,
      take: CATALOGUE_PAGE_SIZE,
      select: {
        slug: true,
        name: true,
        category: true,
        unit: { select: { id: true, name: true } },
        currentVersion: { select: { number: true, summary: true, costAmount: true, durationValue: true, durationUnit: true, onlineName: true } },
      },
    }),
  ]);
  return {
    items: rows.map((r) => ({ ...r, currentVersion: { ...r.currentVersion!, durationUnit: r.currentVersion!.durationUnit as DurationUnit } })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
  };
}

/** Every unit, grouped by kecamatan on the area tree, for filters and the unit list. */
export async function listUnits(db: Db) {
  const units = await db.serviceUnit.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, kind: true, parentId: true, area: { select: { name: true, level: true, parent: { select: { name: true } } } } },
  });
  return units.map((u) => ({ ...u, kecamatan: u.area.level === "kecamatan" ? u.area.name : (u.area.parent?.name ?? "") }));
}

/** Announcements shown now (started, not ended). */
function activeAnnouncements(db: Db, unitId: number, now: Date) {
  return db.serviceAnnouncement.findMany({
    where: { unitId, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    orderBy: { startsAt: "desc" },
    take: 10,
    select: { id: true, title: true, body: true, startsAt: true, endsAt: true },
  });
}

function latestMaklumat(db: Db, unitId: number) {
  return db.serviceMaklumat.findFirst({
    where: { unitId },
    orderBy: [{ signedOn: "desc" }, { id: "desc" }],
    select: { id: true, text: true, signerName: true, signerTitle: true, signedOn: true, imageKey: true },
  });
}

/** The unit's public page: where and when, its Maklumat, its services, its kelurahan offices. */
export async function getUnitPage(db: Db, unitId: number, now = new Date()) {
  const unit = await db.serviceUnit.findUnique({
    where: { id: unitId },
    select: {
      ...unitSelect,
      area: { select: { name: true, level: true, parent: { select: { name: true } } } },
      parent: { select: { id: true, name: true } },
      children: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
    },
  });
  if (!unit) unitNotFound();
  const [maklumat, announcements, services] = await Promise.all([
    latestMaklumat(db, unitId),
    activeAnnouncements(db, unitId, now),
    db.service.findMany({
      where: { unitId, status: "active", currentVersionId: { not: null } },
      orderBy: { name: "asc" },
      select: { slug: true, name: true, currentVersion: { select: { costAmount: true, durationValue: true, durationUnit: true } } },
    }),
  ]);
  return {
    unit,
    maklumat,
    announcements,
    services: services.map((s) => ({
      slug: s.slug,
      name: s.name,
      costAmount: s.currentVersion!.costAmount,
      durationValue: s.currentVersion!.durationValue,
      durationUnit: s.currentVersion!.durationUnit as DurationUnit,
    })),
  };
}
export type UnitPage = Awaited<ReturnType<typeof getUnitPage>>;

/**
 * Numbers called at the unit today, newest first: the display's queue panel.
 * The queue (issue 11, second half) fills QueueTicket; until then this is empty.
 */
export async function recentCalls(db: Db, unitId: number, now = new Date(), take = 4) {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const rows = await db.queueTicket.findMany({
    where: { unitId, day, status: { in: ["called", "serving"] }, calledAt: { not: null } },
    orderBy: { calledAt: "desc" },
    take,
    select: { number: true, priority: true, counter: true, calledAt: true, service: { select: { name: true } } },
  });
  return rows.map((r) => ({ number: r.number, priority: r.priority, counter: r.counter, calledAt: r.calledAt!, service: r.service.name }));
}

/** What the waiting-room display cycles through: plain values only (it is also served as JSON). */
export interface DisplayFeed {
  unit: { id: number; name: string; address: string; openingHours: string };
  services: { slug: string; name: string; version: number; costAmount: number; durationValue: number; durationUnit: DurationUnit; requirements: string[] }[];
  announcements: { id: number; title: string; body: string }[];
  maklumat: { text: string; signerName: string; signerTitle: string; signedOn: string } | null;
  calls: { number: number; priority: string | null; counter: string | null; calledAt: string; service: string }[];
  generatedAt: string;
}

export async function displayFeed(db: Db, unitId: number, now = new Date()): Promise<DisplayFeed> {
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true, address: true, openingHours: true } });
  if (!unit) unitNotFound();
  const [services, announcements, maklumat, calls] = await Promise.all([
    db.service.findMany({
      where: { unitId, status: "active", currentVersionId: { not: null } },
      orderBy: { name: "asc" },
      take: 30,
      select: {
        slug: true,
        name: true,
        currentVersion: { select: { number: true, costAmount: true, durationValue: true, durationUnit: true, requirements: true } },
      },
    }),
    activeAnnouncements(db, unitId, now),
    latestMaklumat(db, unitId),
    recentCalls(db, unitId, now),
  ]);
  return {
    unit,
    services: services.map((s) => {
      const v = s.currentVersion!;
      return {
        slug: s.slug,
        name: s.name,
        version: v.number,
        costAmount: v.costAmount,
        durationValue: v.durationValue,
        durationUnit: v.durationUnit as DurationUnit,
        requirements: parseList(v.requirements, requirementSchema)
          .map((r) => r.name)
          .slice(0, 6),
      };
    }),
    announcements: announcements.map((a) => ({ id: a.id, title: a.title, body: a.body })),
    maklumat: maklumat && {
      text: maklumat.text,
      signerName: maklumat.signerName,
      signerTitle: maklumat.signerTitle,
      signedOn: maklumat.signedOn.toISOString(),
    },
    calls: calls.map((c) => ({ ...c, calledAt: c.calledAt.toISOString() })),
    generatedAt: now.toISOString(),
  };
}

// ------------------------------------------------------------------ Maklumat, announcements, staff

/** The Maklumat's signed image is kept as "<provider>:<storage key>" (local or cloudinary). */
export function maklumatImageRef(imageKey: string | null): StoredImageRef | null {
  if (!imageKey) return null;
  const at = imageKey.indexOf(":");
  return at > 0 ? { provider: imageKey.slice(0, at), storageKey: imageKey.slice(at + 1) } : { provider: "local", storageKey: imageKey };
}

/** Publishes a new Maklumat (the newest is shown), with the photo of the signed paper when one is sent. */
export async function saveMaklumat(db: Db, actor: Actor, unitId: number, input: MaklumatInput, photo?: { store: ImageStore; file: unknown }) {
  await requireUnitEditor(db, actor, unitId);
  const signedOn = wibToDate(input.signedOn, "00:00");
  if (!signedOn) throw new DomainError("services.validation.date", "signedOn");
  let imageKey: string | null = null;
  const sent = photo?.file && typeof photo.file !== "string" && (photo.file as Blob).size > 0;
  if (photo && sent) {
    const { bytes, mime } = await readPhoto(photo.file);
    const saved = await photo.store.save(bytes, mime);
    imageKey = `${saved.provider}:${saved.storageKey}`;
  }
  const row = await db.serviceMaklumat.create({
    data: { unitId, text: input.text, signerName: input.signerName, signerTitle: input.signerTitle, signedOn, imageKey, createdById: actor.id },
  });
  await audit(db, { actorId: actor.id, action: "service.maklumat", targetType: "serviceUnit", targetId: unitId, details: { image: !!imageKey } });
  return row;
}

export async function addAnnouncement(db: Db, actor: Actor, unitId: number, input: AnnouncementInput) {
  await requireUnitEditor(db, actor, unitId);
  const startsAt = wibToDate(input.startsOn, "00:00");
  const endsAt = input.endsOn ? wibToDate(input.endsOn, "23:59") : null;
  if (!startsAt) throw new DomainError("services.validation.date", "startsOn");
  if (input.endsOn && (!endsAt || endsAt <= startsAt)) throw new DomainError("services.validation.endsOn", "endsOn");
  return db.serviceAnnouncement.create({ data: { unitId, title: input.title, body: input.body, startsAt, endsAt, createdById: actor.id } });
}

export async function removeAnnouncement(db: Db, actor: Actor, unitId: number, announcementId: number) {
  await requireUnitEditor(db, actor, unitId);
  const { count } = await db.serviceAnnouncement.deleteMany({ where: { id: announcementId, unitId } });
  if (count === 0) throw new DomainError("services.announcement.notFound", undefined, undefined, 404);
}

/** Kecamatan and kelurahan of the area tree, and the kecamatan units, for the new-unit form. */
export async function unitFormOptions(db: Db) {
  const [areas, parents] = await Promise.all([
    db.area.findMany({
      where: { level: { in: ["kecamatan", "kelurahan"] } },
      orderBy: [{ level: "asc" }, { name: "asc" }],
      select: { id: true, name: true, level: true, parent: { select: { name: true } } },
    }),
    db.serviceUnit.findMany({ where: { kind: "kecamatan" }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { areas, parents };
}

/** Admins open a unit on the area tree: a kecamatan PTSP, or a kelurahan office under its kecamatan's unit. */
export async function createUnit(db: Db, actor: Actor, input: UnitInput) {
  if (!can.assignUnitStaff(actor)) forbidden();
  const area = await db.area.findUnique({ where: { id: input.areaId }, select: { id: true, level: true, parentId: true } });
  if (!area || area.level !== input.kind) throw new DomainError("services.validation.area", "areaId");
  let parentId: number | null = null;
  if (input.kind === "kelurahan" && input.parentId) {
    const parent = await db.serviceUnit.findUnique({ where: { id: input.parentId }, select: { id: true, kind: true, areaId: true } });
    if (!parent || parent.kind !== "kecamatan" || parent.areaId !== area.parentId) throw new DomainError("services.validation.parent", "parentId");
    parentId = parent.id;
  } else if (input.parentId) throw new DomainError("services.validation.parent", "parentId");
  try {
    const unit = await db.serviceUnit.create({
      data: {
        name: input.name,
        slug: input.slug,
        kind: input.kind,
        areaId: area.id,
        parentId,
        address: input.address,
        openingHours: input.openingHours,
        phone: input.phone ?? null,
        whatsapp: input.whatsapp ?? null,
        email: input.email ?? null,
        position: 100,
      },
    });
    await audit(db, { actorId: actor.id, action: "service.unit.create", targetType: "serviceUnit", targetId: unit.id });
    return unit;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("services.validation.slugTaken", "slug");
    throw error;
  }
}

/** Admins tie a person to a unit as counter staff or supervisor; a resident gets that role. */
export async function assignStaff(db: Db, actor: Actor, unitId: number, input: { identifier: string; role: UnitRole }) {
  if (!can.assignUnitStaff(actor)) forbidden();
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) unitNotFound();
  const id = parseIdentifier(input.identifier);
  const user = id
    ? await db.user.findUnique({ where: id.kind === "email" ? { email: id.value } : { phone: id.value }, select: { id: true, role: true } })
    : null;
  if (!user) throw new DomainError("services.staff.noSuchUser", "identifier");
  await db.$transaction(async (tx) => {
    await tx.unitStaff.upsert({
      where: { userId_unitId: { userId: user.id, unitId } },
      create: { userId: user.id, unitId, role: input.role },
      update: { role: input.role },
    });
    // a resident (or counter staff made supervisor) takes the unit role; planners, moderators and admins keep theirs
    if (user.role === "resident" || user.role === "counter" || user.role === "supervisor") {
      const ties = await tx.unitStaff.findMany({ where: { userId: user.id }, select: { role: true } });
      const role = ties.some((t) => t.role === "supervisor") ? "supervisor" : "counter";
      await tx.user.update({ where: { id: user.id }, data: { role } });
    }
  });
  await audit(db, {
    actorId: actor.id,
    action: "service.staff.assign",
    targetType: "serviceUnit",
    targetId: unitId,
    details: { userId: user.id, role: input.role },
  });
}

export async function removeStaff(db: Db, actor: Actor, unitId: number, userId: number) {
  if (!can.assignUnitStaff(actor)) forbidden();
  await db.$transaction(async (tx) => {
    await tx.unitStaff.deleteMany({ where: { userId, unitId } });
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (user && (user.role === "counter" || user.role === "supervisor")) {
      const ties = await tx.unitStaff.findMany({ where: { userId }, select: { role: true } });
      const role = ties.length === 0 ? "resident" : ties.some((t) => t.role === "supervisor") ? "supervisor" : "counter";
      await tx.user.update({ where: { id: userId }, data: { role } });
    }
  });
  await audit(db, { actorId: actor.id, action: "service.staff.remove", targetType: "serviceUnit", targetId: unitId, details: { userId } });
}

/** The staff page of one unit: Maklumat, announcements (all, also ended), staff. */
export async function getUnitAdmin(db: Db, actor: Actor, unitId: number) {
  const access = await unitAccess(db, actor, unitId);
  if (!access) forbidden();
  const page = await getUnitPage(db, unitId);
  const [announcements, staff] = await Promise.all([
    db.serviceAnnouncement.findMany({
      where: { unitId },
      orderBy: { startsAt: "desc" },
      take: 50,
      select: { id: true, title: true, body: true, startsAt: true, endsAt: true },
    }),
    db.unitStaff.findMany({
      where: { unitId },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true, email: true, phone: true } } },
    }),
  ]);
  return {
    ...page,
    allAnnouncements: announcements,
    staff,
    mayEdit: access === "all" || access === "supervisor",
    mayAssign: can.assignUnitStaff(actor),
    /** the unit's confidential integrity reports: its supervisors and admins (not planners) */
    mayReadIntegrity: actor.role === "admin" || access === "supervisor",
  };
}

// ------------------------------------------------------------------ reminders

export async function getReminderMonths(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: REMINDER_SETTING } });
  const n = row ? Number(JSON.parse(row.value)) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_REMINDER_MONTHS;
}

export async function setReminderMonths(db: Db, actor: Actor, months: number): Promise<void> {
  if (!can.assignUnitStaff(actor)) forbidden();
  await db.setting.upsert({
    where: { key: REMINDER_SETTING },
    create: { key: REMINDER_SETTING, value: JSON.stringify(months) },
    update: { value: JSON.stringify(months) },
  });
  await audit(db, { actorId: actor.id, action: "service.reminderMonths", details: { months } });
}

/** `now` minus whole calendar months. */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** The staff home: the units one works at, their services, and the standards not checked for N months. */
export async function staffOverview(db: Db, actor: Actor, now = new Date()) {
  const scope = await unitsOf(db, actor);
  const months = await getReminderMonths(db);
  const cutoff = monthsBefore(now, months);
  const unitWhere = scope === "all" ? {} : { id: { in: scope } };
  const serviceWhere = { status: "active", ...(scope !== "all" && { unitId: { in: scope } }) };
  const [units, stale, services] = await Promise.all([
    db.serviceUnit.findMany({ where: unitWhere, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.service.findMany({
      where: { ...serviceWhere, lastCheckedAt: { lt: cutoff } },
      orderBy: { lastCheckedAt: "asc" },
      take: 100,
      select: { id: true, slug: true, name: true, lastCheckedAt: true, unit: { select: { id: true, name: true } } },
    }),
    db.service.findMany({
      where: serviceWhere,
      orderBy: [{ unitId: "asc" }, { name: "asc" }],
      take: 500,
      select: {
        id: true,
        slug: true,
        name: true,
        lastCheckedAt: true,
        unit: { select: { id: true, name: true } },
        currentVersion: { select: { number: true } },
      },
    }),
  ]);
  return { units, stale, services, months, mayAssign: can.assignUnitStaff(actor), editableUnits: await editableUnits(db, actor) };
}

export async function editableUnits(db: Db, actor: Actor): Promise<number[] | "all"> {
  if (can.manageAllServices(actor)) return "all";
  const ties = await db.unitStaff.findMany({ where: { userId: actor.id, role: "supervisor" }, select: { unitId: true } });
  return ties.map((t) => t.unitId);
}

// ------------------------------------------------------------------ open data

export const OPEN_DATA_COLUMNS = [
  "slug",
  "layanan",
  "unit",
  "kecamatan",
  "versi",
  "berlaku_sejak",
  "terakhir_diperiksa",
  "biaya_rp",
  "dasar_biaya",
  "waktu",
  "satuan_waktu",
  "persyaratan",
  "produk",
  "layanan_daring",
  "url",
] as const;

/** The catalogue as rows for JSON and CSV: public fields only. */
export async function openDataRows(db: Db, origin: string) {
  const rows = await db.service.findMany({
    where: { status: "active", currentVersionId: { not: null } },
    orderBy: [{ unitId: "asc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      lastCheckedAt: true,
      unit: { select: { name: true, area: { select: { name: true, level: true, parent: { select: { name: true } } } } } },
      currentVersion: {
        select: {
          number: true,
          effectiveFrom: true,
          costAmount: true,
          costBasis: true,
          durationValue: true,
          durationUnit: true,
          requirements: true,
          product: true,
          onlineName: true,
          onlineUrl: true,
        },
      },
    },
  });
  return rows.map((r) => {
    const v = r.currentVersion!;
    return {
      slug: r.slug,
      layanan: r.name,
      unit: r.unit.name,
      kecamatan: r.unit.area.level === "kecamatan" ? r.unit.area.name : (r.unit.area.parent?.name ?? ""),
      versi: v.number,
      berlaku_sejak: v.effectiveFrom.toISOString(),
      terakhir_diperiksa: r.lastCheckedAt.toISOString(),
      biaya_rp: v.costAmount,
      dasar_biaya: v.costBasis ?? "",
      waktu: v.durationValue,
      satuan_waktu: v.durationUnit,
      persyaratan: parseList(v.requirements, requirementSchema).map((q) => q.name),
      produk: v.product,
      layanan_daring: v.onlineUrl ?? "",
      url: `${origin}/layanan/${r.slug}`,
    };
  });
}
