// Mystery shopping (PermenPAN-RB 31/2014): a supervisor plans a visit to a service; its
// checklist is generated from the service's current standard (requirements, cost, time
// and steps as published; the Maklumat displayed) and from SETIA (Solusi, Empati, Tegas,
// Inovatif, Andal) for staff conduct. Each item is scored 0-100 with notes (and image
// photos as evidence); the visit's score is 0-1000 in Ombudsman RI's zones: red up to 500,
// yellow 501-800, green 801-1000. Supervisors of the unit and admins only.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { readPhoto } from "~/domain/events/photos.server";
import { wibToDate } from "~/domain/events/wib";
import type { ImageStore, Variant } from "~/domain/images/images";
import { toVersion } from "~/domain/services/services.server";
import { requireMysteryAccess } from "./access.server";
import { PHOTOS_PER_ITEM } from "./satisfaction.schema";

export type Zone = "red" | "yellow" | "green";

/** Ombudsman RI's compliance zones, 0-1000. */
export function zoneOf(score: number): Zone {
  if (score <= 500) return "red";
  if (score <= 800) return "yellow";
  return "green";
}

export const SETIA = ["solusi", "empati", "tegas", "inovatif", "andal"] as const;

/** The weighted share of the items met, on 0-1000 (items not checked yet count as 0). */
export function visitScore(items: { weight: number; score: number | null }[]): number {
  const weights = items.reduce((a, i) => a + i.weight, 0);
  if (!weights) return 0;
  return Math.round((items.reduce((a, i) => a + i.weight * (i.score ?? 0), 0) / (weights * 100)) * 1000);
}

function rupiah(amount: number) {
  return amount === 0 ? "Gratis" : `Rp${amount.toLocaleString("id-ID")}`;
}

export async function planVisit(db: Db, actor: Actor, input: { serviceId: number; plannedFor: string; shopperName: string }) {
  const service = await db.service.findUnique({ where: { id: input.serviceId }, include: { currentVersion: true } });
  if (!service || !service.currentVersion) throw new DomainError("satisfaction.mystery.serviceNotFound", "serviceId");
  await requireMysteryAccess(db, actor, service.unitId);
  const plannedFor = wibToDate(input.plannedFor, "09:00");
  if (!plannedFor) throw new DomainError("satisfaction.validation.date", "plannedFor");
  const v = toVersion(service.currentVersion);
  const items = [
    { key: "requirements", expected: v.requirements.map((r) => r.name).join("; "), weight: 2 },
    { key: "cost", expected: rupiah(v.costAmount), weight: 3 },
    { key: "time", expected: `${v.durationValue} ${v.durationUnit}`, weight: 2 },
    { key: "steps", expected: v.stepsCounter.map((s) => s.text).join(" → "), weight: 2 },
    { key: "maklumat", expected: "Maklumat Pelayanan dipajang di ruang layanan", weight: 1 },
    ...SETIA.map((k) => ({ key: `setia_${k}`, expected: "", weight: 1 })),
  ];
  const visit = await db.mysteryVisit.create({
    data: {
      unitId: service.unitId,
      serviceId: service.id,
      serviceVersionId: service.currentVersion.id,
      plannedById: actor.id,
      shopperName: input.shopperName,
      plannedFor,
      items: { create: items.map((item, i) => ({ ...item, position: i + 1 })) },
    },
  });
  await audit(db, { actorId: actor.id, action: "satisfaction.mystery.plan", targetType: "MysteryVisit", targetId: visit.id });
  return visit;
}

export async function getVisit(db: Db, actor: Actor, visitId: number) {
  const visit = await db.mysteryVisit.findUnique({
    where: { id: visitId },
    include: {
      items: {
        orderBy: { position: "asc" },
        include: { photos: { orderBy: { id: "asc" }, select: { id: true, caption: true, width: true, height: true, createdAt: true } } },
      },
    },
  });
  if (!visit) throw new DomainError("satisfaction.mystery.notFound", undefined, undefined, 404);
  await requireMysteryAccess(db, actor, visit.unitId);
  const service = visit.serviceId ? await db.service.findUnique({ where: { id: visit.serviceId }, select: { name: true } }) : null;
  return { ...visit, serviceName: service?.name ?? "" };
}

/** Records the checked items (score 0-100 and notes each) and scores the visit into its zone. */
export async function recordVisit(
  db: Db,
  actor: Actor,
  visitId: number,
  input: { notes: string; items: { id: number; score: number; notes: string }[] },
  now = new Date(),
) {
  const visit = await db.mysteryVisit.findUnique({ where: { id: visitId }, include: { items: true } });
  if (!visit) throw new DomainError("satisfaction.mystery.notFound", undefined, undefined, 404);
  await requireMysteryAccess(db, actor, visit.unitId);
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const items = visit.items.map((i) => ({ ...i, score: byId.get(i.id)?.score ?? i.score, notes: byId.get(i.id)?.notes ?? i.notes }));
  const score = visitScore(items);
  await db.$transaction([
    ...items.map((i) => db.mysteryCheckItem.update({ where: { id: i.id }, data: { score: i.score, notes: i.notes } })),
    db.mysteryVisit.update({
      where: { id: visit.id },
      data: { notes: input.notes, score, zone: zoneOf(score), status: "done", visitedAt: visit.visitedAt ?? now },
    }),
  ]);
  await audit(db, { actorId: actor.id, action: "satisfaction.mystery.record", targetType: "MysteryVisit", targetId: visit.id, details: { score } });
  return { score, zone: zoneOf(score) };
}

export async function unitVisits(db: Db, actor: Actor, unitId: number) {
  await requireMysteryAccess(db, actor, unitId);
  const [visits, services] = await Promise.all([
    db.mysteryVisit.findMany({ where: { unitId }, orderBy: { plannedFor: "desc" }, take: 30 }),
    db.service.findMany({ where: { unitId, status: "active" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const names = new Map(services.map((s) => [s.id, s.name]));
  return { visits: visits.map((v) => ({ ...v, serviceName: v.serviceId ? (names.get(v.serviceId) ?? "") : "" })), services };
}

// ------------------------------------------------------------------ evidence photos

/** The evidence store: local and private (see createImageStore); `variantFile` serves the resized copies. */
export type EvidenceStore = Pick<ImageStore, "save" | "remove"> & { variantFile(key: string, variant: Variant): Promise<string | null> };

async function itemOfVisit(db: Db, actor: Actor, visitId: number, itemId: number) {
  const item = await db.mysteryCheckItem.findUnique({ where: { id: itemId }, select: { id: true, visitId: true, visit: { select: { unitId: true } } } });
  if (!item || item.visitId !== visitId) throw new DomainError("satisfaction.mystery.notFound", undefined, undefined, 404);
  await requireMysteryAccess(db, actor, item.visit.unitId);
  return item;
}

/**
 * Adds a photo as evidence to a checklist item. The type, bytes and pixels are checked
 * (readPhoto, as for event and aspiration photos) before anything is stored.
 */
export async function addVisitPhoto(db: Db, store: EvidenceStore, actor: Actor, visitId: number, input: { itemId: number; caption: string; file: unknown }) {
  const item = await itemOfVisit(db, actor, visitId, input.itemId);
  if ((await db.mysteryPhoto.count({ where: { itemId: item.id } })) >= PHOTOS_PER_ITEM) {
    throw new DomainError("satisfaction.mystery.photo.tooMany", "photo", { max: PHOTOS_PER_ITEM }, 409);
  }
  const { bytes, mime } = await readPhoto(input.file);
  const saved = await store.save(bytes, mime);
  let photo;
  try {
    photo = await db.mysteryPhoto.create({
      data: { itemId: item.id, storageKey: saved.storageKey, width: saved.width, height: saved.height, caption: input.caption, uploadedById: actor.id },
    });
  } catch (error) {
    await store.remove({ provider: "local", storageKey: saved.storageKey }); // no file without its row
    throw error;
  }
  await audit(db, {
    actorId: actor.id,
    action: "satisfaction.mystery.photo.add",
    targetType: "MysteryVisit",
    targetId: visitId,
    details: { photoId: photo.id },
  });
  return photo;
}

async function photoOfVisit(db: Db, actor: Actor, visitId: number, photoId: number) {
  const photo = await db.mysteryPhoto.findUnique({
    where: { id: photoId },
    include: { item: { select: { visitId: true, visit: { select: { unitId: true } } } } },
  });
  if (!photo || photo.item.visitId !== visitId) throw new DomainError("satisfaction.mystery.photo.notFound", undefined, undefined, 404);
  await requireMysteryAccess(db, actor, photo.item.visit.unitId);
  return photo;
}

export async function removeVisitPhoto(db: Db, store: EvidenceStore, actor: Actor, visitId: number, photoId: number) {
  const photo = await photoOfVisit(db, actor, visitId, photoId);
  await db.mysteryPhoto.delete({ where: { id: photo.id } });
  await store.remove({ provider: "local", storageKey: photo.storageKey });
  await audit(db, { actorId: actor.id, action: "satisfaction.mystery.photo.remove", targetType: "MysteryVisit", targetId: visitId, details: { photoId } });
}

/** The file of a resized copy of an evidence photo, for the unit's supervisors and admins only. */
export async function visitPhotoFile(db: Db, store: EvidenceStore, actor: Actor | null, visitId: number, photoId: number, variant: Variant) {
  if (!actor) throw new DomainError("error.403.text", undefined, undefined, 403);
  const photo = await photoOfVisit(db, actor, visitId, photoId);
  const file = await store.variantFile(photo.storageKey, variant);
  if (!file) throw new DomainError("satisfaction.mystery.photo.notFound", undefined, undefined, 404);
  return file;
}
