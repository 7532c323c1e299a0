// app/server-stubs.browser.ts must import every `.server` module (and @remix-run/node) that a
// module of the browser bundle imports: each one left out becomes a request of its own on the
// pages that use it (see the file's comment). Also: the browser build maps zod, socket.io-client
// and the stubs through package.json "browser".
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/server";

const SERVER_ONLY = /\.server(\.[jt]sx?)?$|^@remix-run\/(node|deno|cloudflare)(\/.*)?$/;

function browserGraphImports(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.server\.|\.test\.|\.browser\./.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        const statements = /^(?:import|export)\s+(?!type\s)(?:[\s\S]*?\s+from\s+)?"([^"]+)"/gm;
        for (const m of source.matchAll(statements)) if (SERVER_ONLY.test(m[1]) && !m[1].startsWith(".")) found.add(m[1]);
      }
    }
  };
  walk(path.join(projectRoot, "app"));
  return found;
}

describe("the browser bundle's server stubs", () => {
  it("lists every server-only module that browser code imports", () => {
    const listed = new Set([...readFileSync(path.join(projectRoot, "app/server-stubs.browser.ts"), "utf8").matchAll(/^import "([^"]+)";/gm)].map((m) => m[1]));
    const missing = [...browserGraphImports()].filter((s) => !listed.has(s)).sort();
    expect(missing, `add to app/server-stubs.browser.ts:\n${missing.map((s) => `import "${s}";`).join("\n")}`).toEqual([]);
  });

  it("are mapped for the browser only", () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { browser: Record<string, string> };
    expect(pkg.browser).toMatchObject({
      zod: "./app/utils/zod.browser.ts",
      "socket.io-client": "./app/realtime/socket-lite.ts",
      "./app/server-stubs.ts": "./app/server-stubs.browser.ts",
    });
  });
});
