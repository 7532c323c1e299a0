// The session event Balai creates with a deliberation is titled and described by Balai itself: stored
// as message keys and shown in the reader's language (issue 15) on the event page, the list, the Q&A
// page and the calendar feeds; open data keeps the stored text with its key. Over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aKelurahan, aQaSession, aStaffMember, wibYear } from "../../prisma/builders";
import { Client } from "../support/http";
import { deliberationFields } from "../support/agenda-form";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
const db = () => database.db;

const year = wibYear();
/** the page's text with React's escaped apostrophes and ampersands read back */
const text = (html: string) => html.replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");

beforeAll(async () => {
  server = await startServer({ env: { BALAI_SEED: "0" } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

describe("the deliberation's session event", () => {
  it("is shown in English to an English reader and in Indonesian by default", async () => {
    const kel = await aKelurahan(db());
    const planner = await aStaffMember(db(), "planner");
    const c = new Client(server.url);
    await c.login(planner.identifier, planner.password);
    const res = await c.post("/agenda/new", deliberationFields(kel.id));
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("location")!.match(/\/agenda\/manage\/(\d+)/)![1]);
    const { event } = await db().deliberation.findUniqueOrThrow({ where: { id }, include: { event: true } });
    const idTitle = `Musyawarah Warga ${year}: Kelurahan ${kel.name}`;
    const enTitle = `Residents' deliberation ${year}: Kelurahan ${kel.name}`;
    // stored: the Indonesian text, and the key with its parameters
    expect(event).toMatchObject({ title: idTitle, titleKey: "agenda.event.title", descriptionKey: "agenda.event.description" });
    expect(JSON.parse(event!.titleParams!)).toEqual({ year, area: `Kelurahan ${kel.name}` });

    const visitor = new Client(server.url);
    const en = text((await visitor.page(`/events/${event!.id}?lang=en`)).html);
    expect(en).toContain(`<h1>${enTitle}</h1>`);
    expect(en).toContain(`The annual deliberation of Kelurahan ${kel.name} ${year}`);
    expect(en).not.toContain(idTitle);
    const id_ = text((await new Client(server.url).page(`/events/${event!.id}`)).html);
    expect(id_).toContain(`<h1>${idTitle}</h1>`);
    expect(id_).toContain(`Rembuk tahunan Kelurahan ${kel.name} ${year}`);

    expect(text((await visitor.page(`/events?lang=en&kelurahan=${kel.id}`)).html)).toContain(enTitle);
    expect(text((await visitor.page(`/events/${event!.id}/qa?lang=en`)).html)).toContain(enTitle);

    // the live Q&A of the session, and its poll page
    const qa = await aQaSession(db(), { eventId: event!.id });
    expect(text((await new Client(server.url).page(`/qa/${qa.code}?lang=en`)).html)).toContain(`<h1>${enTitle}</h1>`);
    expect(text((await new Client(server.url).page(`/qa/${qa.code}`)).html)).toContain(`<h1>${idTitle}</h1>`);
    expect(text((await new Client(server.url).page(`/qa/${qa.code}/poll?lang=en`)).html)).toContain(`<h1>${enTitle}</h1>`);
    // the projector, and the moderator's console
    const screen = text((await new Client(server.url).page(`/qa/${qa.code}/screen?lang=en`)).html);
    expect(screen).toContain(`<p class="qa-screen-event">${enTitle}</p>`);
    // what the page shows (its data for hydration still carries the live snapshot's stored text)
    const shown = (html: string) => html.split("<script")[0];
    expect(shown(screen)).not.toContain(idTitle);
    const moderator = await aStaffMember(db(), "moderator");
    const mod = new Client(server.url);
    await mod.login(moderator.identifier, moderator.password);
    const console_ = text((await mod.page(`/qa/${qa.code}/moderate?lang=en`)).html);
    expect(console_).toContain(enTitle);
    expect(shown(console_)).not.toContain(idTitle);

    const ics = await (await fetch(`${server.url}/events/${event!.id}/calendar.ics?lang=en`)).text();
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${enTitle}`);
    const feed = await (await fetch(`${server.url}/calendar.ics?kelurahan=${kel.id}`)).text();
    expect(feed.replace(/\r\n /g, "")).toContain(`SUMMARY:${idTitle}`);
  });
});
