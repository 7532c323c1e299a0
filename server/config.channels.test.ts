// The channels' configuration (issue 13): PUBLIC_URL in production, WhatsApp and SMS
// settings that go together, the outbox's numbers. Each problem is its own line.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dir = mkdtempSync(path.join(os.tmpdir(), "balai-config-channels-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { DATA_DIR: dir, SESSION_SECRET: "x".repeat(40) };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe("channels configuration", () => {
  it("requires PUBLIC_URL in production", () => {
    expect(problems({ NODE_ENV: "production" }).join("\n")).toContain("PUBLIC_URL is required when NODE_ENV=production");
    expect(problems({ NODE_ENV: "production", PUBLIC_URL: "https://balai.example.go.id" })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it("turns WhatsApp on only with its token, number id, app secret and verify token", () => {
    expect(loadConfig(base).whatsapp).toBeUndefined();
    expect(problems({ WHATSAPP_TOKEN: "t" })).toEqual(
      expect.arrayContaining([
        expect.stringContaining("WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID go together"),
        expect.stringContaining("WHATSAPP_APP_SECRET is required"),
        expect.stringContaining("WHATSAPP_VERIFY_TOKEN is required"),
      ]),
    );
    expect(problems({ WHATSAPP_TOKEN: "t", WHATSAPP_PHONE_NUMBER_ID: "abc", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v" }).join()).toContain("digits");
    expect(problems({ WHATSAPP_API_URL: "ftp://x" }).join()).toContain("WHATSAPP_API_URL must be an absolute http(s) URL");
    const config = loadConfig({ ...base, WHATSAPP_TOKEN: "t", WHATSAPP_PHONE_NUMBER_ID: "123", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v" });
    expect(config.whatsapp).toMatchObject({
      apiUrl: "https://graph.facebook.com/v21.0",
      phoneNumberId: "123",
      templates: { receipt: "balai_tanda_terima", status: "balai_status_aspirasi", code: "balai_kode_verifikasi", other: "balai_notifikasi" },
      messagesPerMinute: 10,
    });
  });

  it("reads a WhatsApp template name per kind of message, and refuses unknown kinds and bad names", () => {
    const wa = { ...base, WHATSAPP_TOKEN: "t", WHATSAPP_PHONE_NUMBER_ID: "123", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v" };
    const config = loadConfig({ ...wa, WHATSAPP_TEMPLATE: "umum_kecamatan", WHATSAPP_TEMPLATES: "status=status_kami, decision = putusan_rembuk" });
    expect(config.whatsapp!.templates).toMatchObject({
      status: "status_kami",
      decision: "putusan_rembuk",
      other: "umum_kecamatan",
      rsvp: "balai_pendaftaran_kegiatan",
    });
    expect(problems({ ...wa, WHATSAPP_TEMPLATES: "resi=x" }).join()).toContain('"resi=x" is not kind=name');
    expect(problems({ ...wa, WHATSAPP_TEMPLATES: "status=Status Baru" }).join()).toContain("is not a template name");
    expect(problems({ ...wa, WHATSAPP_TEMPLATE: "Umum!" }).join()).toContain("WHATSAPP_TEMPLATE must be a template name");
  });

  it("reads the SMS gateway and the outbox's numbers", () => {
    expect(loadConfig({ ...base, SMS_GATEWAY_URL: "https://sms.test/send", SMS_GATEWAY_TOKEN: "k" }).sms).toEqual({
      url: "https://sms.test/send",
      token: "k",
      sender: undefined,
    });
    expect(problems({ SMS_GATEWAY_TOKEN: "k" }).join()).toContain("SMS_GATEWAY_URL is not");
    expect(problems({ SMS_GATEWAY_URL: "sms.test" }).join()).toContain("SMS_GATEWAY_URL must be");
    expect(loadConfig(base).outbox).toEqual({ pollMs: 1000, batch: 20, maxAttempts: 8, retryBaseMs: 30_000, leaseMs: 60_000 });
    expect(problems({ OUTBOX_POLL_MS: "5", OUTBOX_MAX_ATTEMPTS: "0" })).toHaveLength(2);
  });
});
