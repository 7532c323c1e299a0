// Entry point: check configuration, migrate, seed the embedded default on first
// start, serve, and shut down gracefully on SIGTERM/SIGINT.
import { openDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import { seedDemoIfEmpty } from "../prisma/seed/index";
import { ConfigError, loadConfig, type Config } from "./config";
import { createBalaiServer } from "./app";
import { setLogLevel } from "./log";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = readConfig();
  setLogLevel(config.logLevel);
  // Libraries (React, Express) run their fast production builds unless someone
  // asks for development explicitly. Balai's own rules (secret required, demo
  // accounts refused) follow the NODE_ENV the operator set, read into `config` above.
  // eslint-disable-next-line no-restricted-syntax -- this sets the libraries' mode, it reads no setting
  if (!config.development) process.env.NODE_ENV = "production";
  const { applied } = await migrate(config.databaseUrl);
  if (applied.length) console.log(`Database migrated: ${applied.join(", ")}`);
  const database = await openDatabase(config.databaseUrl);
  if (config.seedDemo && config.allowDemoAccounts) {
    if (await seedDemoIfEmpty(database.db)) console.log("Demo data added (Kecamatan Duren Sawit).");
  }
  const { httpServer, io, services, redis, jobs, startDraining, channels } = await createBalaiServer(config, database);
  jobs.start(); // timed jobs: run once across instances (a lease in the database)

  httpServer.listen(config.port, config.host, () => {
    const address = httpServer.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    console.log(`Balai is listening on http://localhost:${port} (database: ${database.provider})`);
    channels.worker.start(); // delivers the outbox: what was pending before a restart goes out now
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests and closing.`);
    startDraining(); // /readyz says 503: the proxy stops sending new visitors here
    const jobsStopped = jobs.stop(); // a run in progress finishes and stores its outcome
    // the outbox worker claims nothing more; deliveries in flight finish and are recorded
    // (what is still pending waits in the database for the next start: nothing lost, nothing twice)
    const outboxStopped = channels.worker.stop();
    const force = setTimeout(() => httpServer.closeAllConnections(), 10_000);
    force.unref();
    // votes queued so far are stored and acknowledged while their sockets are still open
    await services.votes.flush().catch(() => undefined);
    // io.close closes every socket's connection (the clients reconnect by themselves,
    // through the proxy to the other instances when scaled out), then closes the HTTP
    // server, which waits for requests in flight; idle keep-alive connections go at once.
    io.close(async () => {
      await services.votes.flush(); // every acknowledged vote is stored before the database closes
      await jobsStopped;
      await outboxStopped;
      await redis?.quit().catch(() => undefined);
      await database.close();
      console.log("Balai stopped.");
      process.exit(0);
    });
    httpServer.closeIdleConnections();
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error) => {
  console.error("Balai could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
