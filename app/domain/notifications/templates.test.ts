// Templates: the recipient's language, absolute links, subjects and SMS that fit
// without cutting a word (issue 13).
import { describe, expect, it } from "vitest";
import { intentOf, validSignature } from "./whatsapp-inbound.server";
import { SMS_MAX, SUBJECT_MAX, absoluteUrl, fitText, localizeParams, renderMessage } from "./templates";
import { createHmac } from "node:crypto";
import { backoffMs } from "./worker.server";
import { nextDigestAt, normalizeContact } from "./outbox.server";

describe("fitText", () => {
  it("keeps short text and cuts long text at a word boundary with an ellipsis", () => {
    expect(fitText("Aspirasi diterima", 78)).toBe("Aspirasi diterima");
    const cut = fitText("Lampu jalan padam sepanjang gang menuju musala dan sekolah dasar di RW 05 Pondok Kopi", 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith("…")).toBe(true);
    const words = cut.slice(0, -1).split(" ");
    for (const w of words) expect("Lampu jalan padam sepanjang gang menuju musala dan sekolah dasar di RW 05 Pondok Kopi".split(" ")).toContain(w);
  });
});

describe("renderMessage", () => {
  const title = "Lampu jalan padam sepanjang gang menuju musala dan sekolah dasar di RW 05 Pondok Kopi Duren Sawit";
  it("writes the subject, text, HTML and short text in Indonesian with an absolute link", () => {
    const m = renderMessage({
      locale: "id",
      templateKey: "aspirations.notify.status.verified",
      params: { code: "ABCD-2345", title, note: "Sudah dicek" },
      link: "/aspirations/ABCD-2345",
      publicUrl: "https://balai.example.go.id/",
    });
    expect(m.subject).toBe("Balai: Aspirasi ABCD-2345: Terverifikasi");
    expect(m.text).toContain("https://balai.example.go.id/aspirations/ABCD-2345");
    expect(m.text).toContain("https://balai.example.go.id/account/notifications");
    expect(m.html).toContain('<a href="https://balai.example.go.id/aspirations/ABCD-2345">');
    expect(m.short).toBe("Balai: aspirasi ABCD-2345 sekarang Terverifikasi. https://balai.example.go.id/aspirations/ABCD-2345");
    expect(m.short.length).toBeLessThanOrEqual(SMS_MAX);
  });

  it("speaks English to an English reader, and escapes HTML", () => {
    const m = renderMessage({
      locale: "en",
      templateKey: "events.notify.cancelled",
      params: { title: "<b>Ngopi</b> & talk", reason: "Rain" },
      link: "/events/3",
      publicUrl: "https://b.test",
      guest: true,
    });
    expect(m.subject).toBe("Balai: Cancelled: <b>Ngopi</b> & talk");
    expect(m.html).toContain("&lt;b&gt;Ngopi&lt;/b&gt; &amp; talk");
    expect(m.text).toContain("Reply STOP on WhatsApp");
  });

  it("fits a subject built from a long title under the limit without cutting a word", () => {
    const m = renderMessage({ locale: "id", templateKey: "channels.notify.eventChanged", params: { title, when: "Sabtu", venue: "Aula" }, link: "/events/1" });
    expect(m.subject.length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(m.subject.endsWith("…")).toBe(true);
    expect(`Balai: Perubahan kegiatan: ${title}`.startsWith(m.subject.slice(0, -1))).toBe(true);
    expect(`Balai: Perubahan kegiatan: ${title}`[m.subject.length - 1]).toBe(" ");
  });

  it("writes an event's new time in the reader's language and in WIB", () => {
    const when = new Date("2026-12-12T12:00:00.000Z").toISOString(); // Saturday 19:00 WIB
    const en = renderMessage({ locale: "en", templateKey: "channels.notify.eventChanged", params: { title: "Ngopi", when, venue: "Aula" } });
    const id = renderMessage({ locale: "id", templateKey: "channels.notify.eventChanged", params: { title: "Ngopi", when, venue: "Aula" } });
    expect(en.text).toContain("Saturday, 12 December 2026, 19:00 WIB");
    expect(en.text).not.toMatch(/Sabtu|Desember/);
    expect(id.text).toContain("Sabtu, 12 Desember 2026, 19.00 WIB");
    // what is not an instant stays as written (messages stored before the change)
    expect(localizeParams("en", { when: "Sabtu", n: 3 })).toEqual({ when: "Sabtu", n: 3 });
  });

  it("keeps an SMS within 160 characters with the code and the link", () => {
    const m = renderMessage({
      locale: "id",
      templateKey: "events.notify.promotedGuest",
      params: { title, code: "K7Q2M9XD" },
      link: "/rsvp/K7Q2M9XD",
      publicUrl: "https://balai.example.go.id",
    });
    expect(m.short.length).toBeLessThanOrEqual(SMS_MAX);
    expect(m.short).toContain("https://balai.example.go.id/rsvp/K7Q2M9XD");
  });

  it("makes links absolute", () => {
    expect(absoluteUrl("https://x.test/", "/a")).toBe("https://x.test/a");
    expect(absoluteUrl(undefined, "/a")).toBe("http://localhost:3000/a");
    expect(absoluteUrl("https://x.test", "https://other.test/b")).toBe("https://other.test/b");
  });
});

describe("WhatsApp messages", () => {
  it("reads commands, aspirations and chatter", () => {
    expect(intentOf("BERHENTI", false)).toEqual({ kind: "stop" });
    expect(intentOf(" stop ", false)).toEqual({ kind: "stop" });
    expect(intentOf("Mulai", false)).toEqual({ kind: "start" });
    expect(intentOf("STATUS abcd 2345", false)).toEqual({ kind: "status", code: "ABCD-2345", raw: "ABCD 2345" });
    expect(intentOf("Jalan berlubang di depan pasar, mohon ditambal", false)).toEqual({ kind: "aspiration" });
    expect(intentOf("Halo pak", false)).toEqual({ kind: "queue" });
    expect(intentOf("Pohon tumbang sini", true)).toEqual({ kind: "aspiration" });
  });

  it("checks X-Hub-Signature-256 in constant time", () => {
    const body = Buffer.from('{"a":1}');
    const good = `sha256=${createHmac("sha256", "s3cret").update(body).digest("hex")}`;
    expect(validSignature("s3cret", body, good)).toBe(true);
    expect(validSignature("other", body, good)).toBe(false);
    expect(validSignature("s3cret", Buffer.from('{"a":2}'), good)).toBe(false);
    expect(validSignature("s3cret", body, undefined)).toBe(false);
    expect(validSignature("s3cret", body, "sha256=zz")).toBe(false);
  });
});

describe("outbox helpers", () => {
  it("backs off exponentially with jitter, up to the maximum", () => {
    const fixed = () => 0.5;
    expect(backoffMs(1, 1000, 60_000, fixed)).toBe(1000);
    expect(backoffMs(2, 1000, 60_000, fixed)).toBe(2000);
    expect(backoffMs(5, 1000, 60_000, fixed)).toBe(16_000);
    expect(backoffMs(20, 1000, 60_000, fixed)).toBe(60_000);
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(800);
  });

  it("sends the daily digest at 07:00 WIB", () => {
    expect(nextDigestAt(new Date("2026-12-01T09:30:00Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(nextDigestAt(new Date("2026-12-01T23:59:00Z")).toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });

  it("normalises contacts", () => {
    expect(normalizeContact(" Warga@Contoh.ID ")).toBe("warga@contoh.id");
    expect(normalizeContact("0812-3456-7890")).toBe("+6281234567890");
    expect(normalizeContact("6281234567890")).toBe("+6281234567890");
  });
});
