// Issue 15 over HTTP: rough edges of the Q&A pages without JavaScript; categories' pre-moderation;
// photos in responsive sizes that keep their place while they load.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aCategory, anEvent, aQaSession, aStaffMember } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
beforeAll(async () => {
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
});
afterAll(async () => {
  await database?.close();
  await server?.stop();
});

describe("live Q&A without JavaScript", () => {
  it("the event's Q&A page does not ask for a code on the address that needs none", async () => {
    const session = await aQaSession(database.db);
    const page = await new Client(server.url).page(`/events/${session.eventId}/qa`);
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(new RegExp(`/qa/${session.code}\\s+lalu masukkan kode`));
    expect(page.html).toMatch(new RegExp(`Buka \\S+/qa/${session.code} di ponsel`));
  });

  it("the projector page refreshes itself (a meta refresh only browsers without JavaScript read)", async () => {
    const session = await aQaSession(database.db);
    const page = await new Client(server.url).page(`/qa/${session.code}/screen`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<noscript><meta http-equiv="refresh" content="15"\/?><\/noscript>/);
  });
});

describe("pre-moderation of new accounts' first posts", () => {
  it("is on for a new category unless the admin unticks it, and each category's page says which it is", async () => {
    const admin = await aStaffMember(database.db, "admin");
    const client = new Client(server.url);
    await client.login(admin.identifier, admin.password);
    const form = await client.page("/admin/categories");
    expect(form.html).toMatch(/<input id="new-requireApproval" name="requireApproval" type="checkbox" checked=""/);

    const strict = await aCategory(database.db, { requireApprovalForNewAccounts: true });
    const open = await aCategory(database.db);
    const guest = new Client(server.url);
    const strictPage = await guest.page(`/discussions?category=${strict.id}`);
    expect(strictPage.html).toContain("diperiksa moderator sebelum tampil");
    expect(strictPage.html).toMatch(/kurang dari \d+ hari/);
    expect((await guest.page(`/discussions?category=${open.id}`)).html).toContain("langsung tampil");
    expect((await guest.page("/discussions")).html).not.toContain("category-moderation");
  });
});

describe("photos", () => {
  /** The <img> tags of a page's main content, as attribute maps. */
  function images(html: string): Record<string, string>[] {
    const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    return [...main.matchAll(/<img\b([^>]*)>/g)].map((m) =>
      Object.fromEntries([...m[1].matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((a) => [a[1].toLowerCase(), a[2]])),
    );
  }

  it("come in every delivered width with their size, the cover at once and the rest lazily, on the public and the staff page", async () => {
    const event = await anEvent(database.db);
    for (const [position, key] of ["sampul", "galeri1", "galeri2"].entries()) {
      await database.db.image.create({
        data: {
          provider: "local",
          storageKey: `${key}-${event.id}`,
          alt: `Foto ${key}`,
          width: 1200,
          height: 800,
          position,
          isCover: position === 0,
          eventId: event.id,
        },
      });
    }
    const publicPage = images((await new Client(server.url).page(`/events/${event.id}`)).html).filter((img) => img.src?.startsWith("/images/"));
    expect(publicPage).toHaveLength(3);
    for (const img of publicPage) {
      expect(img.srcset.split(", ").map((c) => c.split(" ")[1])).toEqual(["320w", "800w", "1600w"]);
      expect(img.sizes).toBeTruthy();
      expect([img.width, img.height]).toEqual(["1200", "800"]);
    }
    expect(publicPage[0].loading).toBeUndefined(); // the cover is at the top: not lazy
    expect(publicPage.slice(1).map((img) => img.loading)).toEqual(["lazy", "lazy"]);

    const admin = await aStaffMember(database.db, "admin");
    const staff = new Client(server.url);
    await staff.login(admin.identifier, admin.password);
    const editPage = images((await staff.page(`/events/${event.id}/edit`)).html).filter((img) => img.src?.startsWith("/images/"));
    expect(editPage).toHaveLength(3);
    for (const img of editPage) expect([img.width, img.height, img.loading]).toEqual(["1200", "800", "lazy"]);
  });
});
