// Builders for service standards: a unit on the area tree, a service with its first
// version (and more versions on top), counter staff and supervisors tied to a unit,
// a Maklumat Pelayanan, an announcement and queue tickets. See core.ts for the conventions.
import type { Db } from "~/db/client.server";
import type { UnitKind, UnitRole, VersionContent } from "~/domain/services/services.schema";
import type { Priority, TicketStatus } from "~/domain/services/queue.schema";
import { queueDay } from "~/domain/services/queue.server";
import { insertService, insertVersion } from "~/domain/services/services.server";
import { aKelurahan, aUser, anArea, unique } from "./core";

export interface UnitOverrides {
  name?: string;
  kind?: UnitKind;
  /** the area the unit serves (a new kecamatan, or a new kelurahan for kind "kelurahan") */
  areaId?: number;
  parentId?: number | null;
  address?: string;
  openingHours?: string;
  slug?: string;
  position?: number;
  phone?: string | null;
  whatsapp?: string | null;
}

export async function aServiceUnit(db: Db, overrides: UnitOverrides = {}) {
  const id = unique();
  const kind = overrides.kind ?? "kecamatan";
  const areaId = overrides.areaId ?? (kind === "kelurahan" ? (await aKelurahan(db, { rwCount: 1 })).id : (await anArea(db, { level: "kecamatan" })).id);
  return db.serviceUnit.create({
    data: {
      slug: overrides.slug ?? `unit-${id}`,
      name: overrides.name ?? `PTSP Uji ${id}`,
      kind,
      areaId,
      parentId: overrides.parentId ?? null,
      address: overrides.address ?? `Jl. Uji No. ${id.slice(0, 2)}`,
      openingHours: overrides.openingHours ?? "Senin–Jumat 08.00–15.00 WIB",
      phone: overrides.phone ?? null,
      whatsapp: overrides.whatsapp ?? null,
      position: overrides.position ?? 100,
    },
  });
}

/** A complete, valid standard; override what the test or the demo cares about. */
export function serviceContent(overrides: Partial<VersionContent> = {}): VersionContent {
  return {
    name: `Layanan Uji ${unique()}`,
    summary: "Layanan uji untuk memeriksa standar pelayanan.",
    requirements: [
      { name: "KTP-el", validity: "asli, masih berlaku" },
      { name: "Kartu Keluarga", validity: "asli, data terbaru" },
    ],
    stepsCounter: [
      { actor: "Warga", text: "mengambil nomor antrean" },
      { actor: "Petugas loket", text: "memeriksa berkas" },
    ],
    stepsOnline: [],
    onlineName: null,
    onlineUrl: null,
    durationValue: 1,
    durationUnit: "working_days",
    costAmount: 0,
    costBasis: null,
    product: "Surat keterangan",
    complaints: "Kotak saran di ruang tunggu, WhatsApp unit, atau LAPOR! (lapor.go.id).",
    legalBasis: "",
    facilities: "",
    competence: "",
    oversight: "",
    staffCount: "",
    guarantee: "",
    security: "",
    evaluation: "",
    ...overrides,
  };
}

export interface ServiceOverrides {
  unitId?: number;
  slug?: string;
  category?: string;
  content?: Partial<VersionContent>;
  effectiveFrom?: Date;
  reason?: string;
  createdById?: number | null;
  /** when it was written (and last checked) */
  now?: Date;
}

/** A service with its first version (a new unit unless given). */
export async function aService(db: Db, overrides: ServiceOverrides = {}) {
  const unitId = overrides.unitId ?? (await aServiceUnit(db)).id;
  const content = serviceContent(overrides.content);
  const now = overrides.now ?? new Date();
  return insertService(db, overrides.createdById ?? null, {
    unitId,
    slug: overrides.slug ?? `layanan-${unique()}`,
    category: overrides.category ?? "adminduk",
    content,
    effectiveFrom: overrides.effectiveFrom ?? now,
    reason: overrides.reason ?? "Standar pertama",
    now,
  });
}

/** A new version on top of the service's current one, with the given changes. */
export async function aServiceVersion(
  db: Db,
  serviceId: number,
  changes: Partial<VersionContent> = {},
  options: { reason?: string; effectiveFrom?: Date; now?: Date; createdById?: number | null } = {},
) {
  const current = await db.service.findUniqueOrThrow({ where: { id: serviceId }, select: { currentVersion: true } });
  const v = current.currentVersion!;
  const base: VersionContent = {
    ...serviceContent(),
    name: v.name,
    summary: v.summary,
    requirements: JSON.parse(v.requirements),
    stepsCounter: JSON.parse(v.stepsCounter),
    stepsOnline: JSON.parse(v.stepsOnline),
    onlineName: v.onlineName,
    onlineUrl: v.onlineUrl,
    durationValue: v.durationValue,
    durationUnit: v.durationUnit as VersionContent["durationUnit"],
    costAmount: v.costAmount,
    costBasis: v.costBasis,
    product: v.product,
    complaints: v.complaints,
    legalBasis: v.legalBasis,
    facilities: v.facilities,
    competence: v.competence,
    oversight: v.oversight,
    staffCount: v.staffCount,
    guarantee: v.guarantee,
    security: v.security,
    evaluation: v.evaluation,
  };
  const now = options.now ?? new Date();
  return insertVersion(db, options.createdById ?? null, serviceId, {
    content: { ...base, ...changes },
    effectiveFrom: options.effectiveFrom ?? now,
    reason: options.reason ?? "Perubahan uji",
    now,
  });
}

/** A user tied to the unit as counter staff or supervisor (with that role). */
export async function aUnitStaffMember(db: Db, unitId: number, role: UnitRole = "counter") {
  const user = await aUser(db, { role });
  await db.unitStaff.create({ data: { userId: user.id, unitId, role } });
  return { ...user, role };
}

export async function aMaklumat(db: Db, unitId: number, overrides: { text?: string; signerName?: string; signerTitle?: string; signedOn?: Date } = {}) {
  return db.serviceMaklumat.create({
    data: {
      unitId,
      text: overrides.text ?? "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.",
      signerName: overrides.signerName ?? `Kepala Unit ${unique()}`,
      signerTitle: overrides.signerTitle ?? "Kepala Unit Pelayanan",
      signedOn: overrides.signedOn ?? new Date(),
    },
  });
}

export async function anAnnouncement(db: Db, unitId: number, overrides: { title?: string; body?: string; startsAt?: Date; endsAt?: Date | null } = {}) {
  return db.serviceAnnouncement.create({
    data: {
      unitId,
      title: overrides.title ?? `Pengumuman ${unique()}`,
      body: overrides.body ?? "",
      startsAt: overrides.startsAt ?? new Date(Date.now() - 3_600_000),
      endsAt: overrides.endsAt ?? null,
    },
  });
}

export interface TicketOverrides {
  /** default: the next number of the unit's day */
  number?: number;
  status?: TicketStatus;
  priority?: Priority | null;
  channel?: "door" | "kiosk" | "phone";
  counter?: string | null;
  /** default: now */
  takenAt?: Date;
  /** minutes from taking the number to being called (default 12) */
  waitMinutes?: number;
  /** minutes at the counter, for a served visit (default 8) */
  serviceMinutes?: number;
  servedById?: number | null;
}

/** A queue ticket in any state, with times that fit it (called after the wait, served after the service). */
export async function aQueueTicket(db: Db, unitId: number, serviceId: number, overrides: TicketOverrides = {}) {
  const MIN = 60_000;
  const takenAt = overrides.takenAt ?? new Date();
  const status = overrides.status ?? "waiting";
  const day = queueDay(takenAt);
  const calledAt = status === "waiting" ? null : new Date(takenAt.getTime() + (overrides.waitMinutes ?? 12) * MIN);
  const servingAt = status === "serving" || status === "served" ? calledAt : null;
  const servedAt = status === "served" ? new Date(calledAt!.getTime() + (overrides.serviceMinutes ?? 8) * MIN) : null;
  const closedAt = status === "served" ? servedAt : status === "no_show" || status === "transferred" ? new Date(calledAt!.getTime() + 5 * MIN) : null;
  const number =
    overrides.number ?? ((await db.queueTicket.findFirst({ where: { unitId, day }, orderBy: { number: "desc" }, select: { number: true } }))?.number ?? 0) + 1;
  return db.queueTicket.create({
    data: {
      unitId,
      serviceId,
      day,
      number,
      priority: overrides.priority ?? null,
      status,
      channel: overrides.channel ?? "phone",
      counter: status === "waiting" ? null : (overrides.counter ?? "1"),
      servedById: overrides.servedById ?? null,
      takenAt,
      calledAt,
      servingAt,
      servedAt,
      closedAt,
    },
  });
}
