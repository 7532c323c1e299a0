// Discussion settings kept in the Setting table (admins change them on /admin/categories).
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";

export const SETTING_KEYS = {
  reportThreshold: "discussions.reportThreshold",
  newAccountDays: "discussions.newAccountDays",
} as const;

export const DEFAULT_SETTINGS = { reportThreshold: 3, newAccountDays: 7 };
export type DiscussionSettings = typeof DEFAULT_SETTINGS;

export async function getDiscussionSettings(db: Db): Promise<DiscussionSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(SETTING_KEYS) } } });
  const settings = { ...DEFAULT_SETTINGS };
  for (const [name, key] of Object.entries(SETTING_KEYS) as [keyof DiscussionSettings, string][]) {
    const value = Number(rows.find((r) => r.key === key)?.value);
    if (Number.isInteger(value) && value >= 0) settings[name] = value;
  }
  settings.reportThreshold = Math.max(1, settings.reportThreshold);
  return settings;
}

export async function updateDiscussionSettings(db: Db, actor: Actor, input: DiscussionSettings): Promise<void> {
  if (!can.manageCategories(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
  const before = await getDiscussionSettings(db);
  for (const [name, key] of Object.entries(SETTING_KEYS) as [keyof DiscussionSettings, string][]) {
    const value = String(input[name]);
    await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  }
  await audit(db, {
    actorId: actor.id,
    action: "discussions.settings.update",
    targetType: "setting",
    targetId: "discussions",
    details: { before, after: input },
  });
}
