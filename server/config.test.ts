import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "balai-config-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("configuration", () => {
  it("defaults to the embedded SQLite database and keeps a generated session secret", () => {
    const dataDir = tmp();
    const a = loadConfig({ DATA_DIR: dataDir });
    expect(a.port).toBe(3000);
    expect(a.databaseUrl).toBe(`file:${path.join(dataDir, "balai.db")}`);
    expect(a.embeddedDefault).toBe(true);
    expect(a.sessionSecret).toHaveLength(64);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(a.sessionSecret);
    expect(readFileSync(path.join(dataDir, "session-secret"), "utf8").trim()).toBe(a.sessionSecret);
    expect(statSync(path.join(dataDir, "session-secret")).mode & 0o077).toBe(0);
  });

  it("accepts file: and postgresql:// URLs", () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: "file:/tmp/x.db" }).databaseUrl).toBe("file:/tmp/x.db");
    const pg = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: "postgresql://u:p@localhost:5432/balai" });
    expect(pg.databaseUrl).toBe("postgresql://u:p@localhost:5432/balai");
    expect(pg.embeddedDefault).toBe(false);
  });

  it("requires a session secret in production and refuses demo accounts there", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: tmp() })).toThrow(ConfigError);
    const prod = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), PUBLIC_URL: "https://balai.test", DATA_DIR: tmp() });
    expect(prod.allowDemoAccounts).toBe(false);
    const seeded = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(40),
      PUBLIC_URL: "https://balai.test",
      BALAI_ALLOW_DEMO_ACCOUNTS: "1",
      DATA_DIR: tmp(),
    });
    expect(seeded.allowDemoAccounts).toBe(true);
  });

  it("collects one message per problem", () => {
    try {
      loadConfig({ PORT: "-1", SESSION_SECRET: "short", CLOUDINARY_URL: "https://x", SMTP_HOST: "mail", DATA_DIR: tmp() });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it("checks the limits and switches too, so a typo is a message and never a NaN limit", () => {
    try {
      loadConfig({ DATA_DIR: tmp(), RATE_LIMIT_WRITES: "12O", QA_VOTE_TICK_MS: "10", QA_RATE_LIMIT_IP_VOTES: "many", BALAI_SEED: "yes", TRUST_PROXY: "true" });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems[0]).toMatch(/RATE_LIMIT_WRITES/);
    }
    const ok = loadConfig({ DATA_DIR: tmp(), RATE_LIMIT_WRITES: "300", QA_RATE_LIMIT_IP_ASKS: "90", BALAI_SEED: "0" });
    expect(ok.rateLimits.writesPerMinute).toBe(300);
    expect(ok.qa.asksPerIp).toBe(90);
    expect(ok.seedDemo).toBe(false);
  });
});
