// Configuration of several instances (REDIS_URL): what is refused, with a message.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dir = mkdtempSync(path.join(os.tmpdir(), "balai-scale-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ DATA_DIR: dir, ...env });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};
const pg = "postgresql://u@127.0.0.1:5432/balai";

describe("several instances", () => {
  it("refuse photos on one instance's own disk: a shared UPLOAD_DIR or Cloudinary is required", () => {
    expect(problems({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: pg })).toEqual([
      expect.stringMatching(/REDIS_URL is set .* set CLOUDINARY_URL, or UPLOAD_DIR/),
    ]);
    expect(problems({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: pg, UPLOAD_DIR: "/srv/balai-uploads" })).toEqual([]);
    expect(problems({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: pg, CLOUDINARY_URL: "cloudinary://k:s@cloud" })).toEqual([]);
    expect(loadConfig({ DATA_DIR: dir, REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: pg, UPLOAD_DIR: "/srv/balai-uploads" }).uploadDir).toBe(
      "/srv/balai-uploads",
    );
  });

  it("refuse SQLite with REDIS_URL, and keep the embedded default as it was", () => {
    expect(problems({ REDIS_URL: "redis://127.0.0.1:6379", UPLOAD_DIR: "/srv/u" })).toEqual([expect.stringMatching(/must be a PostgreSQL database/)]);
    const embedded = loadConfig({ DATA_DIR: dir });
    expect(embedded.redisUrl).toBeUndefined();
    expect(embedded.uploadDir).toBe(path.join(dir, "uploads"));
    expect(embedded.jobs).toBe(true);
  });

  it("checks the observability settings", () => {
    expect(problems({ METRICS_TOKEN: "short", LOG_LEVEL: "loud" })).toHaveLength(2);
    expect(loadConfig({ DATA_DIR: dir, METRICS_TOKEN: "a-long-enough-token" }).metricsToken).toBe("a-long-enough-token");
  });
});
