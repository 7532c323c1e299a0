// npm run db:seed: adds the demo data to an empty database.
import { openDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { loadConfig } from "../server/config";
import { seedDemoIfEmpty } from "./seed/index";

const config = loadConfig();
if (!config.allowDemoAccounts) {
  console.error("Refusing to seed demo accounts in production. Set BALAI_ALLOW_DEMO_ACCOUNTS=1 to do it on purpose.");
  process.exit(1);
}
await migrate(config.databaseUrl);
const database = await openDatabase(config.databaseUrl);
console.log((await seedDemoIfEmpty(database.db)) ? "Demo data added." : "The database already has users: nothing seeded.");
await database.close();
