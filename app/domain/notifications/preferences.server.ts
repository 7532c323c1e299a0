// What a person with an account receives outside the app: which channels, at once or
// as one e-mail a day (07:00 WIB), or nothing at all. In-app notifications always stay.
import { z } from "zod";
import type { Db } from "~/db/client.server";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1" || v === true, z.boolean());

export const preferencesSchema = z.object({
  email: checkbox,
  whatsapp: checkbox,
  sms: checkbox,
  delivery: z.enum(["immediate", "daily"], { errorMap: () => ({ message: "error.badRequest" }) }),
  optOut: checkbox,
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;

export async function getPreferences(db: Db, userId: number) {
  const pref = await db.notificationPreference.findUnique({ where: { userId } });
  return {
    email: pref?.email ?? true,
    whatsapp: pref?.whatsapp ?? true,
    sms: pref?.sms ?? true,
    delivery: (pref?.delivery === "daily" ? "daily" : "immediate") as "immediate" | "daily",
    optOut: !!pref?.optedOutAt,
  };
}

export async function savePreferences(db: Db, userId: number, input: PreferencesInput, now = new Date()) {
  const data = { email: input.email, whatsapp: input.whatsapp, sms: input.sms, delivery: input.delivery, optedOutAt: input.optOut ? now : null };
  await db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}
