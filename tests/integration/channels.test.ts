// Channels (issue 13) against the real server: e-mail through a real SMTP server,
// WhatsApp and SMS through local stand-ins of their APIs, the WhatsApp webhook with
// its signature, idempotency and limits, and restarts in the middle of a delivery.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { recipientTag, type Mailer } from "~/domain/notifications/mailer.server";
import { notify } from "~/domain/notifications/notifications.server";
import {
  aCategory,
  aDeliberation,
  aGuestRsvp,
  aKelurahan,
  anAgendaItem,
  anAspiration,
  anEvent,
  anRsvp,
  aPhoneNumber,
  aPng,
  aStaffMember,
  aUser,
  unique,
  wibMorning,
} from "../../prisma/builders";
import {
  eventually,
  hubSignature,
  startSmtp,
  startSms,
  startWhatsApp,
  waPayload,
  type SmsStandIn,
  type SmtpStandIn,
  type WhatsAppStandIn,
} from "../support/channels";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

const APP_SECRET = "test-app-secret";
const VERIFY_TOKEN = "test-verify-token";
const unused: Mailer = { send: async () => undefined };

let server: RunningServer;
let database: Database;
let dataDir: string;
let smtp: SmtpStandIn;
let wa: WhatsAppStandIn;
let sms: SmsStandIn;
const db = () => database.db;

beforeAll(async () => {
  [smtp, wa, sms] = await Promise.all([startSmtp(), startWhatsApp(), startSms()]);
  dataDir = mkdtempSync(path.join(os.tmpdir(), "balai-channels-"));
  server = await startServer({
    keepDatabase: true,
    env: {
      BALAI_SEED: "0",
      DATA_DIR: dataDir,
      RATE_LIMIT_WRITES: "2000",
      RATE_LIMIT_LOGIN: "500",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: "Balai <balai@uji.test>",
      WHATSAPP_API_URL: wa.url,
      WHATSAPP_TOKEN: wa.token,
      WHATSAPP_PHONE_NUMBER_ID: wa.phoneNumberId,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      WHATSAPP_RATE_LIMIT: "10",
      WHATSAPP_TEMPLATES: "status=balai_status_uji",
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: sms.token,
      OUTBOX_POLL_MS: "100",
      OUTBOX_RETRY_BASE_MS: "100",
      OUTBOX_MAX_ATTEMPTS: "3",
      OUTBOX_LEASE_MS: "3000",
    },
  });
  database = await openDatabase(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  await database?.close();
  await server?.stop();
  await Promise.all([smtp?.close(), wa?.close(), sms?.close()]);
  if (server && server.databaseUrl.startsWith("file:")) rmSync(path.dirname(server.databaseUrl.slice(5)), { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const mailTo = (address: string, includes?: string) =>
  eventually(
    () => smtp.mails.find((m) => m.to === address && (!includes || m.text.includes(includes) || m.subject.includes(includes))),
    `a mail to ${address}`,
  );
const waTo = (phone: string, includes?: string) =>
  eventually(
    () => wa.sent.find((m) => m.to === phone.replace(/\D/g, "") && (!includes || m.texts.some((t) => t.includes(includes)))),
    `a WhatsApp message to ${phone}`,
  );
const email = () => `warga.${unique()}@contoh.id`;

/** Posts a webhook body signed with the app secret (or the given signature). */
function webhook(payload: unknown, signature?: string) {
  const raw = typeof payload === "string" ? payload : JSON.stringify(payload);
  return fetch(`${server.url}/webhooks/whatsapp`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Hub-Signature-256": signature ?? hubSignature(APP_SECRET, raw) },
    body: raw,
  });
}
const waNumber = () => aPhoneNumber().slice(1); // the Cloud API writes numbers as digits

/** Someone signed in (or a guest), as a browser without JavaScript. */
async function as(who?: { identifier: string; password: string }) {
  const c = new Client(server.url);
  if (who) await c.login(who.identifier, who.password);
  return c;
}

/** A guest registers on the event's page; their RSVP code and status. */
async function guestRsvp(eventId: number, name: string, contact: string) {
  const res = await (await as()).post(`/events/${eventId}`, { intent: "guest", name, contact });
  expect(res.status, `a guest's RSVP to event ${eventId}`).toBe(302);
  const code = decodeURIComponent(res.headers.get("location")!.match(/\/rsvp\/([^?#]+)/)![1]);
  return db().rsvp.findUniqueOrThrow({ where: { code }, select: { code: true, status: true } });
}

/** A guest cancels on their RSVP page. */
async function cancelRsvp(code: string) {
  // the page asks first (?batal=1), then posts the cancellation
  expect((await (await as()).post(`/rsvp/${code}`, { intent: "cancel" }, { fromPage: `/rsvp/${code}?batal=1` })).status, `cancelling ${code}`).toBe(302);
}

/** A staff member changes an aspiration's status on its staff page (a plain form post). */
async function changeStatusAsStaff(staff: { identifier: string; password: string }, code: string, to: string, note: string) {
  const c = new Client(server.url);
  await c.login(staff.identifier, staff.password);
  const res = await c.post(`/aspirations/${code}/manage`, { intent: "status", to, note });
  expect(res.status, `status change of ${code}`).toBeLessThan(400);
}

describe("e-mail through SMTP", () => {
  it("sends a guest's receipt with the tracking code, an absolute link, HTML and a subject that fits", async () => {
    const [category, kelurahan] = await Promise.all([aCategory(db()), aKelurahan(db())]);
    const address = email();
    const c = new Client(server.url);
    const title = `Lampu jalan padam sepanjang gang menuju musala dan sekolah dasar di RW 05 ${unique()}`;
    const res = await c.post(
      "/aspirations/new",
      {
        intent: "submit",
        identity: "guest",
        title,
        description: "Sudah dua minggu gelap, warga takut lewat malam hari.",
        categoryId: String(category.id),
        kelurahanId: String(kelurahan.id),
        submitterName: "Bu Tamu",
        submitterContact: address,
      },
      { fromPage: "/aspirations/new" },
    );
    expect(res.status).toBe(302);
    const code = res.headers.get("location")!.match(/([A-Z2-9]{4}-[A-Z2-9]{4})/)![1];
    const mail = await mailTo(address);
    expect(mail.subject).toBe(`Balai: Aspirasi ${code} diterima`);
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(`${server.url}/aspirations/${code}`);
    expect(mail.html).toContain(`href="${server.url}/aspirations/${code}"`);
    expect(mail.messageId).toMatch(/@balai>$/);
    // the guest's consent is on file with its purpose and date; the log holds no address
    const point = await db().contactPoint.findUniqueOrThrow({ where: { value: address } });
    expect(point.consentPurpose).toBe("aspirations.followUp");
    expect(point.consentAt).not.toBeNull();
    expect(server.output()).not.toContain(address);
  });

  it("tells a resident of a status change in their own language, and a guest with only a phone on WhatsApp", async () => {
    const resident = await aUser(db(), { email: email() });
    await db().user.update({ where: { id: resident.id }, data: { locale: "en" } });
    const staff = await aStaffMember(db(), "moderator");
    const phone = aPhoneNumber();
    const mine = await anAspiration(db(), { submitterId: resident.id, title: `Trotoar rusak ${unique()}` });
    const guests = await anAspiration(db(), { submitterContact: phone, submitterName: "Pak Tamu", title: `Got mampet ${unique()}` });
    // through the staff page, as staff do: the server is the only writer of its database
    await changeStatusAsStaff(staff, mine.code, "verified", "Checked on site by staff");
    await changeStatusAsStaff(staff, guests.code, "verified", "Sudah dicek petugas");
    const mail = await mailTo(resident.email!);
    expect(mail.subject).toBe(`Balai: Aspiration ${mine.code}: Verified`);
    expect(mail.text).toContain("was verified: Checked on site by staff");
    const message = await waTo(phone);
    expect(message.type).toBe("template");
    expect(message.template).toBe("balai_status_uji"); // the status change's own template, as configured
    expect(message.language).toBe("id");
    expect(message.texts[0]).toContain(guests.code);
    expect(message.texts[1]).toBe(`${server.url}/aspirations/${guests.code}`);
  });

  it("confirms a guest's RSVP, tells of a change and a cancellation, and moves a phone-only guest up by WhatsApp or SMS", async () => {
    const moderator = await aStaffMember(db(), "moderator");
    const event = await anEvent(db(), { capacity: 1, title: `Ngopi Dursa kanal ${unique()}`, startsAt: wibMorning(10) });
    const seated = email();
    const first = await guestRsvp(event.id, "Bu Surel", seated);
    expect(first.status).toBe("confirmed");
    const confirmation = await mailTo(seated, first.code);
    expect(confirmation.subject).toContain("Pendaftaran diterima");
    expect(confirmation.text).toMatch(/\d{4}, \d{2}\.\d{2} WIB/); // the time written for its reader, not an ISO instant
    // two phone-only guests wait: one has WhatsApp, the other does not
    const onWa = aPhoneNumber();
    const noWa = aPhoneNumber();
    wa.notOnWhatsApp.add(noWa.slice(1));
    const waiting = await guestRsvp(event.id, "Pak WA", onWa);
    expect(waiting.status).toBe("waitlisted");
    expect((await waTo(onWa, waiting.code)).template).toBe("balai_daftar_tunggu");
    // the seated guest cancels: the first waiting one moves up and hears it on WhatsApp
    await cancelRsvp(first.code);
    expect((await waTo(onWa, "kursi")).texts[1]).toBe(`${server.url}/rsvp/${waiting.code}`);
    // a guest whose number has no WhatsApp is told by SMS, with the code and link
    const other = await anEvent(db(), { capacity: 1, startsAt: wibMorning(12) });
    const sitter = await anRsvp(db(), other, { guestContact: email() });
    const smsGuest = await aGuestRsvp(db(), other, { guestContact: noWa, status: "waitlisted" });
    await cancelRsvp(sitter.code);
    const text = await eventually(() => sms.sent.find((s) => s.to === noWa), "an SMS to the number without WhatsApp");
    expect(text.text).toContain(smsGuest.code);
    expect(text.text).toContain(`${server.url}/rsvp/${smsGuest.code}`);
    expect(text.text.length).toBeLessThanOrEqual(160);

    // the event moves: everyone registered hears it; then it is cancelled with a reason
    const registeredMail = email();
    await guestRsvp(event.id, "Bu Daftar", registeredMail);
    const english = await aUser(db(), { email: email() });
    await db().user.update({ where: { id: english.id }, data: { locale: "en" } });
    await anRsvp(db(), event, { userId: english.id, status: "waitlisted" });
    const desk = await as(moderator);
    const saved = await desk.post(`/events/${event.id}/edit`, {
      kind: "dialogue",
      title: event.title,
      date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      startTime: "19:00",
      endTime: "21:00",
      venueName: "Balai Warga RW 07",
      venueAddress: "Jl. Uji No. 7",
      capacity: "1",
      registrationOpen: "on",
    });
    expect(saved.status, "the event saved").toBe(302);
    const changed = await mailTo(registeredMail, "Balai Warga RW 07");
    expect(changed.subject).toContain("Perubahan kegiatan");
    expect(changed.text).toContain(", 19.00 WIB, Balai Warga RW 07");
    // an English reader reads the new time in English
    const changedEn = await mailTo(english.email!, "Balai Warga RW 07");
    expect(changedEn.subject).toContain("Event changed");
    expect(changedEn.text).toMatch(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d+ [A-Z][a-z]+ \d{4}, 19:00 WIB, Balai Warga RW 07/);
    expect((await desk.post(`/events/${event.id}/edit`, { intent: "cancel", reason: "Aula dipakai posko banjir" })).status).toBe(302);
    const cancelled = await mailTo(registeredMail, "posko banjir");
    expect(cancelled.subject).toContain("Balai: Dibatalkan: Ngopi Dursa kanal");
    expect(cancelled.subject.length).toBeLessThanOrEqual(78);
    await waTo(onWa, "dibatalkan");
  });

  it("reports a deliberation's decision to the aspiration's submitter", async () => {
    const planner = await aStaffMember(db(), "planner");
    const submitter = await aUser(db(), { email: email() });
    const deliberation = await aDeliberation(db(), { phase: "session" });
    const aspiration = await anAspiration(db(), { submitterId: submitter.id, status: "on_agenda", kelurahanId: deliberation.areaId });
    const item = await anAgendaItem(db(), deliberation, { aspirations: [aspiration] });
    const decided = await (
      await as(planner)
    ).post(`/agenda/manage/${deliberation.id}`, { intent: "decide", itemId: String(item.id), decision: "accepted", reason: "" });
    expect(decided.status, "the decision saved").toBe(302);
    const mail = await mailTo(submitter.email!, aspiration.code);
    expect(mail.subject).toBe(`Balai: Aspirasi ${aspiration.code}: Disetujui`);
    expect(mail.text).toContain("memutuskan usulan");
  });
});

describe("the WhatsApp webhook", () => {
  it("answers the verification handshake only with the verify token", async () => {
    const ok = await fetch(`${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=12345`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("12345");
    const wrong = await fetch(`${server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345`);
    expect(wrong.status).toBe(403);
  });

  it("refuses a wrong signature and a malformed payload, with a log line and no number in it", async () => {
    const from = waNumber();
    const payload = waPayload({ from, id: `wamid.${unique()}`, text: "Jalan berlubang besar di depan pasar, mohon segera ditambal" });
    const forged = await webhook(payload, hubSignature("not-the-secret", JSON.stringify(payload)));
    expect(forged.status).toBe(401);
    expect((await webhook(payload, "")).status).toBe(401);
    expect(server.output()).toContain("webhook refused: wrong X-Hub-Signature-256");
    expect((await webhook("{not json")).status).toBe(400);
    expect((await webhook({ object: "whatsapp_business_account", entry: [{ id: 1 }] })).status).toBe(400);
    expect(server.output()).toContain("webhook refused: malformed payload");
    expect(server.output()).not.toContain(from);
    expect(await db().inboundMessage.count({ where: { contact: { value: `+${from}` } } })).toBe(0);
  });

  it("turns a resident's message into an aspiration once, replies with its code and link, and answers STATUS", async () => {
    const from = waNumber();
    const id = `wamid.${unique()}`;
    const text = "Jalan berlubang besar di depan Pasar Klender, sudah dua motor jatuh minggu ini.";
    expect((await webhook(waPayload({ from, id, text, name: "Pak Joko" }))).status).toBe(200);
    // Meta delivers the same message again: nothing new is made
    expect((await webhook(waPayload({ from, id, text, name: "Pak Joko" }))).status).toBe(200);
    const aspirations = await db().aspiration.findMany({ where: { submitterContact: `+${from}` } });
    expect(aspirations).toHaveLength(1);
    expect(aspirations[0]).toMatchObject({
      channel: "whatsapp",
      title: "Jalan berlubang besar di depan Pasar Klender, sudah dua motor jatuh minggu ini.",
      submitterName: "Pak Joko",
    });
    const code = aspirations[0].code;
    const reply = await waTo(from, code);
    expect(reply.type).toBe("text");
    expect(reply.texts[0]).toContain(`${server.url}/aspirations/${code}`);
    expect(wa.sent.filter((m) => m.to === from)).toHaveLength(1);

    // a status change reaches them on WhatsApp
    const staff = await aStaffMember(db(), "moderator");
    await changeStatusAsStaff(staff, aspirations[0].code, "verified", "Sudah dicek ke lokasi");
    await eventually(() => wa.sent.find((m) => m.to === from && m.type === "template" && m.texts[0].includes(code)), "the status change on WhatsApp");

    expect((await webhook(waPayload({ from, id: `wamid.${unique()}`, text: `status ${code.toLowerCase().replace("-", " ")}` }))).status).toBe(200);
    const status = await waTo(from, "Terverifikasi");
    expect(status.texts[0]).toContain(code);
    expect((await webhook(waPayload({ from, id: `wamid.${unique()}`, text: "STATUS ZZZZ-ZZZZ" }))).status).toBe(200);
    await waTo(from, "tidak kami temukan");
  });

  it("stops every message to a number that sends BERHENTI", async () => {
    const from = waNumber();
    await webhook(waPayload({ from, id: `wamid.${unique()}`, text: "Sampah menumpuk di pinggir kali dekat jembatan, bau sekali." }));
    const aspiration = await eventually(() => db().aspiration.findFirst({ where: { submitterContact: `+${from}` } }), "the aspiration");
    await waTo(from, aspiration.code);
    await webhook(waPayload({ from, id: `wamid.${unique()}`, text: "BERHENTI" }));
    await waTo(from, "tidak akan mengirim");
    const before = wa.sent.filter((m) => m.to === from).length;
    const staff = await aStaffMember(db(), "moderator");
    await changeStatusAsStaff(staff, aspiration.code, "verified", "Sudah dicek ke lokasi");
    await new Promise((r) => setTimeout(r, 1500));
    expect(wa.sent.filter((m) => m.to === from)).toHaveLength(before);
    expect((await db().contactPoint.findUniqueOrThrow({ where: { value: `+${from}` } })).optedOutAt).not.toBeNull();
  });

  it("keeps photos as the aspiration's photos, and short messages for the staff inbox", async () => {
    const from = waNumber();
    wa.media.set("media-1", { bytes: aPng(40, 30), mime: "image/png" });
    const caption = "Pohon tumbang menutup jalan di RW 03, mohon dipotong.";
    await webhook(waPayload({ from, id: `wamid.${unique()}`, image: { id: "media-1", caption } }));
    const aspiration = await eventually(
      () => db().aspiration.findFirst({ where: { submitterContact: `+${from}` }, include: { images: true } }),
      "the aspiration",
    );
    expect(aspiration.images).toHaveLength(1);
    // a photo alone a moment later joins it
    wa.media.set("media-2", { bytes: aPng(20, 20), mime: "image/png" });
    await webhook(waPayload({ from, id: `wamid.${unique()}`, image: { id: "media-2" } }));
    await eventually(async () => (await db().image.count({ where: { aspirationId: aspiration.id } })) === 2, "the second photo");
    // an oversized picture (pixels) is refused without leaving anything behind
    wa.media.set("media-huge", { bytes: aPng(15000, 15000), mime: "image/png" });
    await webhook(waPayload({ from, id: `wamid.${unique()}`, image: { id: "media-huge" } }));
    expect(await db().image.count({ where: { aspirationId: aspiration.id } })).toBe(2);
    expect(server.output()).toContain("photo from");

    // "Halo pak" is not an aspiration: it waits for staff, who answer it
    const other = waNumber();
    await webhook(waPayload({ from: other, id: `wamid.${unique()}`, text: "Halo pak" }));
    const queued = await eventually(
      () => db().inboundMessage.findFirst({ where: { contact: { value: `+${other}` }, outcome: "queued" } }),
      "the queued message",
    );
    const admin = await aStaffMember(db(), "moderator");
    const c = new Client(server.url);
    await c.login(admin.identifier, admin.password);
    const inbox = await c.page("/aspirations/staff/inbox");
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain("Halo pak");
    const answered = await c.post("/aspirations/staff/inbox", {
      intent: "answer",
      messageId: String(queued.id),
      answer: "Selamat siang, ada yang bisa kami bantu?",
    });
    expect(answered.status).toBe(302);
    await waTo(other, "ada yang bisa kami bantu");
    // the next short message is turned into an aspiration by staff; the resident gets its code
    await webhook(waPayload({ from: other, id: `wamid.${unique()}`, text: "Got mampet pak" }));
    const second = await eventually(
      () => db().inboundMessage.findFirst({ where: { contact: { value: `+${other}` }, outcome: "queued" } }),
      "the second queued message",
    );
    const converted = await c.post("/aspirations/staff/inbox", { intent: "convert", messageId: String(second.id), title: "Got mampet di gang warga" });
    expect(converted.status).toBe(302);
    const made = await db().aspiration.findFirstOrThrow({ where: { submitterContact: `+${other}` } });
    expect(made).toMatchObject({ channel: "whatsapp", title: "Got mampet di gang warga", description: "Got mampet pak" });
    await waTo(other, made.code);
  });

  it("limits a flood from one number", async () => {
    const from = waNumber();
    const results = [];
    for (let i = 0; i < 14; i++) results.push((await webhook(waPayload({ from, id: `wamid.${unique()}`, text: `Halo ${i}` }))).status);
    expect(results.every((s) => s === 200)).toBe(true);
    expect(await db().inboundMessage.count({ where: { contact: { value: `+${from}` } } })).toBe(10);
    expect(server.output()).toContain(`${recipientTag(`+${from}`)} dropped`);
  });
});

describe("contacts verified by a code", () => {
  it("sends a new account's code and nothing else until it is entered on the profile page; a new number gets its own code", async () => {
    const address = email();
    const c = new Client(server.url);
    const signup = await c.post("/signup", { name: "Bu Kode", identifier: address, password: "sandi-panjang-sekali" }, { fromPage: "/signup" });
    expect(signup.status).toBe(302);
    const codeMail = await mailTo(address, "Kode verifikasi");
    const code = codeMail.text.match(/\b(\d{6})\b/)![1];
    const user = await db().user.findUniqueOrThrow({ where: { email: address } });
    // a notification meanwhile reaches the app, not the unconfirmed address
    await notify(db(), unused, { userIds: [user.id], messageKey: "agenda.notify.decided", params: { year: 2026, area: "Uji" }, key: `unverified:${user.id}` });
    let page = await c.page("/account");
    expect(page.html).toContain("Belum terverifikasi");
    expect(page.html).toContain("Kirim ulang kode");
    // a wrong code comes back next to its field; the right one confirms
    const wrong = await c.post("/account", { kind: "email", intent: "confirm", emailCode: code === "000000" ? "111111" : "000000" }, { fromPage: "/account" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Kode salah");
    expect((await c.post("/account", { kind: "email", intent: "confirm", emailCode: code }, { fromPage: "/account" })).status).toBe(302);
    page = await c.page("/account");
    expect(page.html).toContain("Terverifikasi");
    expect(smtp.mails.filter((m) => m.to === address)).toHaveLength(1);
    await notify(db(), unused, { userIds: [user.id], messageKey: "agenda.notify.decided", params: { year: 2026, area: "Uji" }, key: `verified:${user.id}` });
    await mailTo(address, "Musyawarah Warga 2026");

    // adding a phone: the code goes to WhatsApp; the number is the account's once confirmed
    const phone = aPhoneNumber();
    expect((await c.post("/account", { kind: "phone", intent: "request", phoneValue: phone }, { fromPage: "/account" })).status).toBe(302);
    const waCode = (await waTo(phone)).texts.join(" ").match(/\b(\d{6})\b/)![1];
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBeNull();
    expect((await c.post("/account", { kind: "phone", intent: "resend" }, { fromPage: "/account" })).status).toBe(302);
    const again = await eventually(() => wa.sent.filter((m) => m.to === phone.slice(1))[1], "the code again");
    const newCode = again.texts.join(" ").match(/\b(\d{6})\b/)![1];
    // the first code was replaced by the second
    if (newCode !== waCode) {
      expect((await c.post("/account", { kind: "phone", intent: "confirm", phoneCode: waCode }, { fromPage: "/account" })).status).toBe(400);
    }
    expect((await c.post("/account", { kind: "phone", intent: "confirm", phoneCode: newCode }, { fromPage: "/account" })).status).toBe(302);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBe(phone);
  });
});

describe("admins and the dead letters", () => {
  it("lists messages that failed for good at /admin/outbox and sends them again on request", async () => {
    const user = await aUser(db(), { email: email() });
    smtp.delayMs = 0;
    // a message the SMTP server cannot take: the stand-in's address is gone for a moment
    await db().outboxMessage.create({
      data: {
        channel: "email",
        recipientRef: `user:${user.id}`,
        templateKey: "aspirations.notify.received",
        params: JSON.stringify({ code: "ABCD-2345", title: "Uji" }),
        idempotencyKey: `test:${unique()}`,
        status: "dead",
        attempts: 3,
        lastError: "550 mailbox unavailable",
      },
    });
    const admin = await aStaffMember(db(), "admin");
    const c = new Client(server.url);
    await c.login(admin.identifier, admin.password);
    const page = await c.page("/admin/outbox?status=dead");
    expect(page.status).toBe(200);
    expect(page.html).toContain("550 mailbox unavailable");
    expect(page.html).toContain(`user:${user.id}`);
    expect(page.html).not.toContain(user.email!);
    const row = await db().outboxMessage.findFirstOrThrow({ where: { recipientRef: `user:${user.id}` } });
    expect((await c.post("/admin/outbox?status=dead", { intent: "retry", messageId: String(row.id) })).status).toBe(302);
    await mailTo(user.email!, "ABCD-2345");
    // the SMTP server has the mail a moment before the worker records the outcome
    await eventually(async () => (await db().outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).status === "sent", "the retried message marked sent");
    const resident = new Client(server.url);
    await resident.login(user.identifier, user.password);
    expect((await resident.page("/admin/outbox")).status).toBe(403);
  });
});

describe("restarts", () => {
  it("loses nothing and sends nothing twice when the server restarts in the middle of a delivery", async () => {
    smtp.delayMs = 300;
    const users = await Promise.all(Array.from({ length: 30 }, () => aUser(db(), { email: email() })));
    const key = `restart:${unique()}`;
    await notify(db(), unused, {
      userIds: users.map((u) => u.id),
      messageKey: "agenda.notify.decided",
      params: { year: 2026, area: "Uji" },
      link: "/agenda",
      key,
    });
    const addresses = new Set(users.map((u) => u.email!));
    const received = () => smtp.mails.filter((m) => addresses.has(m.to));
    await eventually(() => received().length >= 3, "the first deliveries");
    server = await server.restart(); // SIGTERM while mails are on their way, then a new process
    // the old process finished what it had claimed and left the rest for the new one
    expect(received().length).toBeLessThan(users.length);
    await eventually(() => received().length >= users.length, "every delivery after the restart", 30_000);
    await new Promise((r) => setTimeout(r, 800));
    expect(received()).toHaveLength(users.length);
    expect(new Set(received().map((m) => m.to)).size).toBe(users.length);
    expect(await db().outboxMessage.count({ where: { idempotencyKey: { startsWith: key }, channel: "email", status: { not: "sent" } } })).toBe(0);

    // killed outright (no time to finish): the lease runs out and the message goes out again
    // under the same Message-ID, so a receiver can tell the repeat; nothing is lost
    const more = await Promise.all(Array.from({ length: 10 }, () => aUser(db(), { email: email() })));
    const key2 = `kill:${unique()}`;
    const addresses2 = new Set(more.map((u) => u.email!));
    await notify(db(), unused, {
      userIds: more.map((u) => u.id),
      messageKey: "agenda.notify.decided",
      params: { year: 2026, area: "Uji" },
      link: "/agenda",
      key: key2,
    });
    await eventually(() => smtp.mails.some((m) => addresses2.has(m.to)), "a first delivery");
    server.process.kill("SIGKILL");
    server = await server.restart();
    await eventually(
      () => new Set(smtp.mails.filter((m) => addresses2.has(m.to)).map((m) => m.to)).size === more.length,
      "every delivery after the kill",
      30_000,
    );
    const byAddress = new Map<string, Set<string>>();
    for (const m of smtp.mails.filter((x) => addresses2.has(x.to))) byAddress.set(m.to, (byAddress.get(m.to) ?? new Set()).add(m.messageId));
    for (const ids of byAddress.values()) expect(ids.size).toBe(1);
    smtp.delayMs = 0;
  }, 90_000);
});
