import { describe, expect, it } from "vitest";
import { allMessages, formatDate, formatDateTime, formatTime, translate } from "./index";

const { id, en } = allMessages;

describe("messages", () => {
  it("has the same keys in both languages, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, value] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("uses the same placeholders in both languages", () => {
    // "{name}" and the argument of "{name, plural, …}"
    const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort().join();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(names(en[key]), key).toBe(names(id[key]));
    }
  });

  it("fills in parameters", () => {
    expect(translate("id", "auth.signup.welcome", { name: "Siti" })).toBe("Selamat datang di Balai, Siti!");
    expect(translate("en", "auth.login.locked", { minutes: 3 })).toBe("Too many failed attempts. Try again in 3 minutes.");
  });
});

describe("plurals", () => {
  it("chooses the form with Intl.PluralRules of the reader's language", () => {
    expect(translate("en", "aspirations.support.count", { count: 1 })).toBe("1 resident supports this");
    expect(translate("en", "aspirations.support.count", { count: 2 })).toBe("2 residents support this");
    expect(translate("en", "aspirations.support.count", { count: 0 })).toBe("No resident supports this yet");
    expect(translate("id", "aspirations.support.count", { count: 1 })).toBe("1 warga mendukung");
    expect(translate("en", "auth.login.locked", { minutes: 1 })).toBe("Too many failed attempts. Try again in 1 minute.");
  });

  it("keeps other placeholders inside a form and around it", () => {
    expect(translate("en", "events.seatsLeft", { count: 1, capacity: 40 })).toBe("1 of 40 seats left");
    expect(translate("en", "discussions.action.supportLabel", { count: 1 })).toBe("Agree with this post, now 1 support");
  });

  it("has an `other` form in every plural", () => {
    for (const [key, value] of [...Object.entries(id), ...Object.entries(en)]) {
      if (value.includes(", plural,")) expect(value, key).toMatch(/\bother \{/);
    }
  });
});

describe("dates in WIB", () => {
  // 14 June 2025 09:00 WIB is 02:00 UTC
  const moment = new Date(Date.UTC(2025, 5, 14, 2, 0));

  it("formats the Indonesian way", () => {
    expect(formatDateTime(moment, "id")).toBe("Sabtu, 14 Juni 2025, 09.00 WIB");
  });

  it("formats in English with the same wall-clock time", () => {
    expect(formatDateTime(moment, "en")).toBe("Saturday, 14 June 2025, 09:00 WIB");
  });

  it("uses Jakarta's date near midnight UTC", () => {
    const lateUtc = new Date(Date.UTC(2025, 5, 14, 18, 30)); // 01.30 WIB on Sunday
    expect(formatDate(lateUtc, "id")).toBe("Minggu, 15 Juni 2025");
    expect(formatTime(lateUtc, "id")).toBe("01.30 WIB");
  });
});
