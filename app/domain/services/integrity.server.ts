// "Diminta biaya lain atau dijanjikan jalur cepat?": a resident reports being asked
// to pay more than the standard says, or being offered a fast lane. It becomes a
// confidential aspiration (tracking code, deadlines, follow-up) in the integrity
// category, with the service, its version and the unit named in it.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { submitAspiration, type NotifyOptions } from "~/domain/aspirations/aspirations.server";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { defaultLocale, translate } from "~/i18n";
import { rupiah } from "./diff";
import { getServiceForPrint } from "./services.server";
import type { IntegrityInput } from "./services.schema";

export const INTEGRITY_CATEGORY = "integritas-layanan";

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
  return submitAspiration(
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
    options,
  );
}
