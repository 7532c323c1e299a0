// Generates the engine-free Prisma clients for both providers (run by `npm install`).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { prismaDir, providers, readSchema, rootDir, schemaFor } from "./providers.mjs";

const tmp = path.join(rootDir, "node_modules", ".balai-prisma");
mkdirSync(tmp, { recursive: true });
const prismaBin = path.join(rootDir, "node_modules", "prisma", "build", "index.js");

const cliArgs = (args) => [prismaBin, ...args, "--config", path.join(prismaDir, "prisma.config.ts")];

function prismaCli(args, options = {}) {
  return execFileSync(process.execPath, cliArgs(args), {
    cwd: rootDir,
    encoding: "utf8",
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
  });
}

/**
 * The same, leaving the event loop free while it runs: a test worker blocked in
 * execFileSync for a minute cannot answer its runner (Vitest 3's 60 s RPC timeout).
 */
export async function prismaCliAsync(args) {
  const { stdout } = await promisify(execFile)(process.execPath, cliArgs(args), { cwd: rootDir, encoding: "utf8" });
  return stdout;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = readSchema();
  for (const provider of providers) {
    const file = provider === "sqlite" ? path.join(prismaDir, "schema.prisma") : path.join(tmp, `${provider}.prisma`);
    if (provider !== "sqlite") writeFileSync(file, schemaFor(provider, source));
    prismaCli(["generate", "--schema", file], { stdio: "inherit" });
  }
}
