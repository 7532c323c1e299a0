// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded default).
import { migrate } from "~/db/migrate.server";
import { loadConfig } from "../server/config";

const config = loadConfig();
const { applied } = await migrate(config.databaseUrl);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
