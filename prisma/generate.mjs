// Generates the engine-free Prisma clients for both providers (run by `npm install`).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { prismaDir, providers, readSchema, rootDir, schemaFor } from "./providers.mjs";

const tmp = path.join(rootDir, "node_modules", ".balai-prisma");
mkdirSync(tmp, { recursive: true });
const prismaBin = path.join(rootDir, "node_modules", "prisma", "build", "index.js");

export function prismaCli(args, options = {}) {
  return execFileSync(process.execPath, [prismaBin, ...args, "--config", path.join(prismaDir, "prisma.config.ts")], {
    cwd: rootDir,
    encoding: "utf8",
    stdio: options.stdio ?? ["ignore", "pipe", "pipe"],
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = readSchema();
  for (const provider of providers) {
    const file = provider === "sqlite" ? path.join(prismaDir, "schema.prisma") : path.join(tmp, `${provider}.prisma`);
    if (provider !== "sqlite") writeFileSync(file, schemaFor(provider, source));
    prismaCli(["generate", "--schema", file], { stdio: "inherit" });
  }
}
