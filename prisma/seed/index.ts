// Demo data for Kecamatan Duren Sawit (Jakarta Timur), in Indonesian. Dates are
// relative to today so the demo always has upcoming events. Each product area
// seeds its own part; they run in this order.
import type { Db } from "~/db/client.server";
import { seedAspirations } from "./aspirations";
import { seedAgenda } from "./agenda";
import { seedDiscussions } from "./discussions";
import { seedEvents } from "./events";
import { seedFoundation } from "./foundation";
import { seedQa } from "./qa";
import { seedServices } from "./services";
import { seedSatisfaction } from "./satisfaction";

export async function seedDemo(db: Db): Promise<void> {
  const ctx = await seedFoundation(db);
  await seedEvents(db, ctx);
  await seedQa(db, ctx);
  await seedDiscussions(db, ctx);
  await seedAspirations(db, ctx);
  // after the aspirations: the deliberation compiles them
  await seedAgenda(db, ctx);
  await seedServices(db, ctx);
  await seedSatisfaction(db, ctx);
}

export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemo(db);
  return true;
}
