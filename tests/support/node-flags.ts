// The Node options every Balai instance runs with: package.json's `config.nodeFlags`,
// which `npm start` and `npm run start:built` pass to node. Tests, the cluster and the
// benchmarks start their instances with the same ones.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function instanceNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { config?: { nodeFlags?: string } };
  return (pkg.config?.nodeFlags ?? "").split(" ").filter(Boolean);
}
