// "Diminta biaya lain atau dijanjikan jalur cepat?": a resident reports being asked
// to pay more than the standard says, or being offered a fast lane. It becomes a
// confidential aspiration (tracking code, deadlines, follow-up) in the integrity
// category, with the service, its version and the unit named in it. Only the reporter,
// the unit's supervisors and admins see it (app/domain/aspirations/visibility.server.ts).
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { submitAspiration, type NotifyOptions } from "~/domain/aspirations/aspirations.server";
import { INTEGRITY_CATEGORY, mayReadIntegrity } from "~/domain/aspirations/visibility.server";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify } from "~/domain/notifications/notifications.server";
import { defaultLocale, translate } from "~/i18n";
import { rupiah } from "./diff";
import { getServiceForPrint } from "./services.server";
import type { IntegrityInput } from "./services.schema";

export { INTEGRITY_CATEGORY };

/** The integrity category (made once, when the first report arrives, if the seed did not). */
export async function integrityCategoryId(db: Db): Promise<number> {
  const row = await db.category.upsert({
    where: { slug: INTEGRITY_CATEGORY },
    create: {
      slug: INTEGRITY_CATEGORY,
      nameId: "Integritas layanan (pungli, jalur cepat)",
      nameEn: "Service integrity (extra fees, fast lanes)",
      position: 900,
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

/** Kelurahan a report about this unit can be filed under: the unit's own, or those of its kecamatan. */
export async function integrityKelurahan(db: Db, areaId: number) {
  const area = await db.area.findUnique({ where: { id: areaId }, select: { id: true, level: true, name: true } });
  if (!area) return [];
  if (area.level === "kelurahan") return [{ id: area.id, name: area.name }];
  return db.area.findMany({ where: { parentId: area.id, level: "kelurahan" }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function fileIntegrityReport(db: Db, mailer: Mailer, actor: Actor | null, slug: string, input: IntegrityInput, options: NotifyOptions = {}) {
  const service = await getServiceForPrint(db, slug);
  const allowed = await integrityKelurahan(db, service.unit.areaId);
  if (!allowed.some((k) => k.id === input.kelurahanId)) throw new DomainError("services.validation.kelurahan", "kelurahanId");
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(defaultLocale, key, params);
  const v = service.currentVersion;
  const description = [
    t(`services.integrity.kind.${input.kind}`),
    "",
    input.description,
    "",
    `${t("services.integrity.record.service")}: ${service.name} (${t("services.version.number", { number: v.number })})`,
    `${t("services.integrity.record.unit")}: ${service.unit.name}`,
    `${t("services.integrity.record.officialCost")}: ${v.costAmount === 0 ? t("services.cost.free") : rupiah(v.costAmount)}`,
    ...(input.happenedOn ? [`${t("services.integrity.record.date")}: ${input.happenedOn}`] : []),
  ].join("\n");
  const created = await submitAspiration(
    db,
    mailer,
    actor,
    {
      intent: "submit",
      title: t("services.integrity.record.title", { service: service.name, unit: service.unit.name }).slice(0, 150),
      description: description.slice(0, 4000),
      categoryId: await integrityCategoryId(db),
      kelurahanId: input.kelurahanId,
      rwId: undefined,
      address: undefined,
      identity: actor ? "account" : "guest",
      submitterName: undefined,
      submitterContact: actor ? undefined : input.contact,
      confidential: true,
      sourceEventId: undefined,
    },
    { ...options, integrity: { unitId: service.unit.id, serviceId: service.id } },
  );
  // the unit's supervisors hear of it (admins see every unit's list)
  const supervisors = await db.unitStaff.findMany({ where: { unitId: service.unit.id, role: "supervisor" }, select: { userId: true } });
  if (supervisors.length)
    await notify(db, mailer, {
      userIds: supervisors.map((s) => s.userId),
      messageKey: "services.integrity.notify.new",
      params: { unit: service.unit.name, title: created.title, code: created.code },
      link: `/aspirations/${created.code}/manage`,
      key: `aspiration:${created.id}:integrity`,
    });
  return created;
}

export const INTEGRITY_PAGE_SIZE = 20;

/** The unit's integrity reports, newest first, a page at a time: its supervisors and admins only. */
export async function listIntegrityReports(db: Db, actor: Actor, unitId: number, page = 1) {
  if (!(await mayReadIntegrity(db, actor, unitId))) throw new DomainError("error.403.text", undefined, undefined, 403);
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) throw new DomainError("services.unit.notFound", undefined, undefined, 404);
  const where = { integrityUnitId: unitId };
  const [total, rows] = await Promise.all([
    db.aspiration.count({ where }),
    db.aspiration.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * INTEGRITY_PAGE_SIZE,
      take: INTEGRITY_PAGE_SIZE,
      select: { code: true, title: true, status: true, createdAt: true, verifyDueAt: true, integrityService: { select: { slug: true, name: true } } },
    }),
  ]);
  return {
    unit,
    page,
    total,
    pages: Math.max(1, Math.ceil(total / INTEGRITY_PAGE_SIZE)),
    reports: rows.map((r) => ({
      code: r.code,
      title: r.title,
      status: r.status,
      createdAt: r.createdAt,
      verifyDueAt: r.verifyDueAt,
      service: r.integrityService,
    })),
  };
}
