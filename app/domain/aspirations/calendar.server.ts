// Service-deadline settings (Setting table) and the holiday list (Holiday table).
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { INDONESIAN_HOLIDAYS } from "./holidays";
import { addWorkingDays } from "./workdays";

export const SETTING_VERIFY_DAYS = "aspirations.verifyWorkingDays";
export const SETTING_RESPONSE_DAYS = "aspirations.responseWorkingDays";
export const DEFAULT_DEADLINES = { verifyDays: 3, responseDays: 5 };
export type DeadlineSettings = typeof DEFAULT_DEADLINES;

function positiveInt(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  try {
    const n = JSON.parse(text);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  } catch {
    return fallback;
  }
}

export async function getDeadlineSettings(db: Db): Promise<DeadlineSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: [SETTING_VERIFY_DAYS, SETTING_RESPONSE_DAYS] } } });
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    verifyDays: positiveInt(map.get(SETTING_VERIFY_DAYS), DEFAULT_DEADLINES.verifyDays),
    responseDays: positiveInt(map.get(SETTING_RESPONSE_DAYS), DEFAULT_DEADLINES.responseDays),
  };
}

export async function saveDeadlineSettings(db: Db, actor: Actor, input: DeadlineSettings): Promise<void> {
  if (!can.configureAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  for (const [key, value] of [
    [SETTING_VERIFY_DAYS, input.verifyDays],
    [SETTING_RESPONSE_DAYS, input.responseDays],
  ] as const) {
    await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
  }
  await audit(db, { actorId: actor.id, action: "aspirations.deadlines_changed", targetType: "setting", details: { ...input } });
}

/** The holidays as "YYYY-MM-DD" keys; the built-in list until the table has rows. */
export async function loadHolidays(db: Db): Promise<Set<string>> {
  const rows = await db.holiday.findMany({ select: { date: true } });
  return new Set(rows.length > 0 ? rows.map((r) => r.date) : INDONESIAN_HOLIDAYS.map(([d]) => d));
}

/** Fills the Holiday table with the built-in Indonesian list when it is empty. */
export async function ensureHolidays(db: Db): Promise<void> {
  if ((await db.holiday.count()) > 0) return;
  await db.holiday.createMany({ data: INDONESIAN_HOLIDAYS.map(([date, name]) => ({ date, name })) });
}

export async function listHolidays(db: Db, fromYear: number) {
  return db.holiday.findMany({ where: { date: { gte: `${fromYear}-01-01` } }, orderBy: { date: "asc" } });
}

export async function addHoliday(db: Db, actor: Actor, input: { date: string; name?: string }): Promise<void> {
  if (!can.configureAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) throw new DomainError("aspirations.validation.date", "date");
  if (!input.name) throw new DomainError("aspirations.validation.holidayName", "name");
  await ensureHolidays(db);
  await db.holiday.upsert({ where: { date: input.date }, create: { date: input.date, name: input.name }, update: { name: input.name } });
  await audit(db, { actorId: actor.id, action: "aspirations.holiday_added", targetType: "holiday", targetId: input.date, details: { name: input.name } });
}

export async function removeHoliday(db: Db, actor: Actor, date: string): Promise<void> {
  if (!can.configureAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  await ensureHolidays(db);
  await db.holiday.deleteMany({ where: { date } });
  await audit(db, { actorId: actor.id, action: "aspirations.holiday_removed", targetType: "holiday", targetId: date });
}

/** Verification and first-response deadlines for something received at `at`. */
export async function deadlinesFor(db: Db, at: Date): Promise<{ verifyDueAt: Date; responseDueAt: Date }> {
  const [settings, holidays] = await Promise.all([getDeadlineSettings(db), loadHolidays(db)]);
  return {
    verifyDueAt: addWorkingDays(at, settings.verifyDays, holidays),
    responseDueAt: addWorkingDays(at, settings.responseDays, holidays),
  };
}
