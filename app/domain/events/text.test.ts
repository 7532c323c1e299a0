// An event's title and description in the reader's language: a text Balai wrote itself (message key
// and parameters) is shown in each language, staff's own text as typed; staff editing the text drops
// the key (issue 15). Against a real (SQLite) database for the edit, without HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { migrate } from "~/db/migrate.server";
import type { Actor } from "~/domain/accounts/roles";
import { localizeParams } from "~/domain/notifications/templates";
import { eventFormSchema } from "./events.schema";
import { getEventPage, updateEvent } from "./events.server";
import { eventDescription, eventTitle, localizeEvent, parseTextParams, titleMessageParams, writtenEventText } from "./text.server";

const params = { year: 2031, area: "Kelurahan Pondok Kopi" };
const written = writtenEventText("agenda.event.title", "agenda.event.description", params);

describe("eventTitle / eventDescription", () => {
  it("stores the Indonesian text beside the key and gives each language its own", () => {
    expect(written.title).toBe("Musyawarah Warga 2031: Kelurahan Pondok Kopi");
    expect(eventTitle(written, "id")).toBe("Musyawarah Warga 2031: Kelurahan Pondok Kopi");
    expect(eventTitle(written, "en")).toBe("Residents' deliberation 2031: Kelurahan Pondok Kopi");
    expect(eventDescription(written, "en")).toMatch(/^The annual deliberation of Kelurahan Pondok Kopi 2031: residents and planners/);
    expect(eventDescription(written, "id")).toMatch(/^Rembuk tahunan Kelurahan Pondok Kopi 2031:/);
    expect(localizeEvent({ ...written, id: 7 }, "en")).toMatchObject({ id: 7, title: "Residents' deliberation 2031: Kelurahan Pondok Kopi" });
  });

  it("shows staff's text as typed, and the stored text when the key or its parameters are not usable", () => {
    expect(eventTitle({ title: "Ngopi Dursa uji" }, "en")).toBe("Ngopi Dursa uji");
    expect(eventTitle({ title: "Teks tersimpan", titleKey: "no.such.key", titleParams: "{}" }, "en")).toBe("Teks tersimpan");
    expect(eventTitle({ title: "Teks tersimpan", titleKey: written.titleKey, titleParams: '{"year":[1]}' }, "en")).toBe("Teks tersimpan");
    expect(eventTitle({ title: "Teks tersimpan", titleKey: written.titleKey, titleParams: "not json" }, "en")).toBe("Teks tersimpan");
    expect(parseTextParams('["a"]')).toBeNull();
    expect(parseTextParams('{"year":2031,"area":"X"}')).toEqual({ year: 2031, area: "X" });
  });

  it("travels in a notification's parameters and is written in the recipient's language", () => {
    expect(localizeParams("en", titleMessageParams(written)).title).toBe("Residents' deliberation 2031: Kelurahan Pondok Kopi");
    expect(localizeParams("id", titleMessageParams(written)).title).toBe("Musyawarah Warga 2031: Kelurahan Pondok Kopi");
    expect(titleMessageParams({ title: "Ngopi Dursa uji" })).toEqual({ title: "Ngopi Dursa uji" });
  });
});

describe("staff editing an event Balai titled", () => {
  let dir: string;
  let database: Database;
  let moderator: Actor;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "balai-event-text-"));
    const url = `file:${path.join(dir, "t.db")}`;
    await migrate(url);
    database = await openDatabase(url);
    const mod = await database.db.user.create({ data: { name: "Budi", email: "mod@x.id", passwordHash: "x", role: "moderator" } });
    moderator = { id: mod.id, role: "moderator" };
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const form = (overrides: Record<string, string>) =>
    eventFormSchema.parse({
      kind: "dialogue",
      title: written.title,
      description: written.description,
      date: inDays(10),
      startTime: "09:00",
      endTime: "11:00",
      venueName: "Pendopo",
      venueAddress: "Jl. Raya Bekasi Timur No. 1",
      registrationOpen: "on",
      ...overrides,
    });
  const anEventTitledByBalai = () =>
    database.db.event.create({
      data: {
        kind: "dialogue",
        status: "published",
        ...written,
        startsAt: new Date(Date.now() + 10 * 86_400_000),
        endsAt: new Date(Date.now() + 10 * 86_400_000 + 7_200_000),
        venueName: "Pendopo",
        venueAddress: "Jl. Raya Bekasi Timur No. 1",
      },
    });

  it("keeps the keys while the text stays as Balai wrote it, and drops the one whose text staff changed", async () => {
    const { id } = await anEventTitledByBalai();
    await updateEvent(database.db, moderator, id, form({ venueName: "Aula baru" }));
    expect(await database.db.event.findUniqueOrThrow({ where: { id } })).toMatchObject({ titleKey: written.titleKey, descriptionKey: written.descriptionKey });
    expect((await getEventPage(database.db, null, id, undefined, new Date(), "en")).event.title).toBe("Residents' deliberation 2031: Kelurahan Pondok Kopi");

    await updateEvent(database.db, moderator, id, form({ venueName: "Aula baru", title: "Musyawarah Warga Pondok Kopi (pindah tempat)" }));
    const edited = await database.db.event.findUniqueOrThrow({ where: { id } });
    expect(edited).toMatchObject({ titleKey: null, titleParams: null, descriptionKey: written.descriptionKey });
    // staff's words win, in every language
    expect((await getEventPage(database.db, null, id, undefined, new Date(), "en")).event.title).toBe("Musyawarah Warga Pondok Kopi (pindah tempat)");

    await updateEvent(database.db, moderator, id, form({ title: edited.title, description: "Tempat pindah ke aula baru." }));
    expect(await database.db.event.findUniqueOrThrow({ where: { id } })).toMatchObject({ descriptionKey: null, descriptionParams: null });
  });
});
