// "Lupa kata sandi" against the real server: the link arrives through a real SMTP
// server and works once; codes go by WhatsApp (or SMS) to the local stand-ins; the
// answer never tells whether an account exists; limits; every session ends; the
// reset at the counter is for counter staff only and is audited.
import { rmSync } from "node:fs";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import type { AckResponse, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { aPhoneNumber, aQaSession, aStaffMember, aUser, unique } from "../../prisma/builders";
import { eventually, startSmtp, startSms, startWhatsApp, type SmsStandIn, type SmtpStandIn, type WhatsAppStandIn } from "../support/channels";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;
let smtp: SmtpStandIn;
let wa: WhatsAppStandIn;
let sms: SmsStandIn;
const db = () => database.db;
const NEW_PASSWORD = "sandi-baru-warga-2026";

beforeAll(async () => {
  [smtp, wa, sms] = await Promise.all([startSmtp(), startWhatsApp(), startSms()]);
  server = await startServer({
    keepDatabase: true,
    env: {
      BALAI_SEED: "0",
      RATE_LIMIT_WRITES: "2000",
      RATE_LIMIT_LOGIN: "500",
      PUBLIC_URL: "https://balai.uji.test",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: "Balai <balai@uji.test>",
      WHATSAPP_API_URL: wa.url,
      WHATSAPP_TOKEN: wa.token,
      WHATSAPP_PHONE_NUMBER_ID: wa.phoneNumberId,
      WHATSAPP_APP_SECRET: "test-app-secret",
      WHATSAPP_VERIFY_TOKEN: "test-verify-token",
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: sms.token,
      OUTBOX_POLL_MS: "100",
    },
  });
  database = await openDatabase(server.databaseUrl);
}, 120_000);

afterAll(async () => {
  await database?.close();
  await server?.stop();
  await Promise.all([smtp?.close(), wa?.close(), sms?.close()]);
  if (server && server.databaseUrl.startsWith("file:")) rmSync(path.dirname(server.databaseUrl.slice(5)), { recursive: true, force: true });
});

const digits = (phone: string) => phone.replace(/\D/g, "");
/** The page without what differs per request (the CSRF token, nonces) and the identifier typed, to compare two answers. */
function comparable(html: string, identifier: string) {
  const token = html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? "\u0000";
  return html
    .split(token)
    .join("TOKEN")
    .split(identifier)
    .join("IDENTIFIER")
    .replace(/nonce="[^"]+"/g, "")
    .replace(/csrfToken\\",\\"[A-Za-z0-9_-]+/g, "csrfToken");
}

async function ask(identifier: string, client = new Client(server.url)) {
  const started = Date.now();
  const res = await client.post("/forgot-password", { identifier }, { fromPage: "/forgot-password" });
  return { res, html: await res.text(), ms: Date.now() - started };
}

async function signedIn(identifier: string, password: string) {
  const c = new Client(server.url);
  await c.login(identifier, password);
  expect((await c.page("/account")).url).toBe("/account");
  return c;
}

describe("a reset link by e-mail", () => {
  it("arrives through SMTP with an absolute link that works once and signs out every device", async () => {
    const user = await aUser(db());
    const elsewhere = await signedIn(user.email!, user.password);
    const { res, html } = await ask(user.email!);
    expect(res.status).toBe(200);
    expect(html).toContain("tautan untuk mengatur kata sandi baru sudah dikirim");

    const mail = await eventually(() => smtp.mails.find((m) => m.to === user.email), "the reset mail");
    expect(mail.subject).toBe("Balai: Atur ulang kata sandi");
    const link = mail.text.match(/https:\/\/balai\.uji\.test(\/reset-password\/[A-Za-z0-9_-]{40,})/)![1];
    expect(mail.html).toContain(`https://balai.uji.test${link}`);
    const token = link.split("/").pop()!;
    const rows = await db().outboxMessage.findMany({ where: { recipientRef: `user:${user.id}` } });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(await db().passwordReset.findMany({ where: { userId: user.id } }))).not.toContain(token);

    const c = new Client(server.url);
    const form = await c.page(link);
    expect(form.status).toBe(200);
    expect(form.html).toContain('name="newPassword"');
    const mismatch = await c.post(link, { newPassword: NEW_PASSWORD, confirmPassword: "lain" }, { fromPage: link });
    expect(mismatch.status).toBe(400);
    const done = await c.post(link, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { fromPage: link });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login");

    // a notice that the password changed, without it, with what to do if it was not them
    const notice = await eventually(() => smtp.mails.find((m) => m.to === user.email && m.subject === "Balai: Kata sandi Anda diubah"), "the notice");
    expect(notice.text).toContain("Jika bukan Anda, segera atur kata sandi baru");
    expect(notice.text).toContain("https://balai.uji.test/forgot-password");
    expect(notice.text + notice.html).not.toContain(NEW_PASSWORD);

    // the other device's session ended
    expect((await elsewhere.page("/account")).url).toMatch(/^\/login/);
    await signedIn(user.email!, NEW_PASSWORD);
    const old = await new Client(server.url).post("/login", { identifier: user.email!, password: user.password }, { fromPage: "/login" });
    expect(old.status).toBe(401);

    // once only
    expect((await c.page(link)).html).toContain("Tautan ini sudah dipakai atau sudah kedaluwarsa");
    const again = await c.post(link, { newPassword: "sandi-ketiga-warga-2026", confirmPassword: "sandi-ketiga-warga-2026" }, { csrf: c.csrf(form.html) });
    expect(again.status).toBe(410);
    const audit = await db().auditLog.findMany({ where: { action: "account.password_reset", targetId: String(user.id) } });
    expect(audit).toHaveLength(1);
  });
});

describe("a reset code by WhatsApp or SMS", () => {
  it("sends 6 digits by WhatsApp; the code with the number sets the new password", async () => {
    const phone = aPhoneNumber();
    const user = await aUser(db(), { phone });
    const { html } = await ask(phone.replace("+62", "0"));
    expect(html).toContain("kode 6 angka sudah dikirim");
    expect(html).toContain('action="/reset-password/code"');
    const sent = await eventually(() => wa.sent.find((m) => m.to === digits(phone)), "the WhatsApp code");
    const code = sent.texts.join(" ").match(/\b\d{6}\b/)![0];

    const c = new Client(server.url);
    const wrong = await c.post(
      "/reset-password/code",
      { identifier: phone, code: code === "000000" ? "111111" : "000000", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { fromPage: "/reset-password/code" },
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Kode salah, sudah dipakai, atau sudah kedaluwarsa");
    const ok = await c.post(
      "/reset-password/code",
      { identifier: phone, code, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { fromPage: "/reset-password/code" },
    );
    expect(ok.status).toBe(302);
    await signedIn(user.phone!, NEW_PASSWORD);
  });

  it("goes by SMS to a number that is not on WhatsApp", async () => {
    const phone = aPhoneNumber();
    await aUser(db(), { phone });
    wa.notOnWhatsApp.add(digits(phone));
    await ask(phone);
    const text = await eventually(() => sms.sent.find((m) => digits(m.to) === digits(phone)), "the SMS code");
    expect(text.text).toMatch(/kode atur ulang kata sandi \d{6}/);
    expect(text.text).toContain("https://balai.uji.test/reset-password/code");
    expect(text.text.length).toBeLessThanOrEqual(160);
  });
});

describe("open sockets", () => {
  type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
  const whoami = (socket: TypedSocket) =>
    new Promise<{ userId: number | null }>((resolve, reject) => {
      socket.timeout(5000).emit("session:whoami", (err: Error | null, res: AckResponse<{ userId: number | null }>) => {
        if (err) reject(err);
        else if ("data" in res) resolve(res.data);
        else reject(new Error(res.error.messageKey));
      });
    });

  it("lose the account's rights when its password is reset", async () => {
    const phone = aPhoneNumber();
    const user = await aUser(db(), { phone });
    const device = await signedIn(phone, user.password);
    const socket: TypedSocket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { Cookie: [...device.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
    });
    try {
      await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
      expect(await whoami(socket)).toEqual(expect.objectContaining({ userId: user.id }));
      const dropped = new Promise<void>((resolve) => socket.once("disconnect", () => socket.once("connect", () => resolve())));
      await ask(phone);
      const sent = await eventually(() => wa.sent.find((m) => m.to === digits(phone)), "the WhatsApp code");
      const code = sent.texts.join(" ").match(/\b\d{6}\b/)![0];
      const res = await new Client(server.url).post(
        "/reset-password/code",
        { identifier: phone, code, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { fromPage: "/reset-password/code" },
      );
      expect(res.status).toBe(302);
      await dropped;
      expect(await whoami(socket)).toEqual(expect.objectContaining({ userId: null }));
    } finally {
      socket.disconnect();
    }
  });
});

describe("never telling whether an account exists", () => {
  it("gives the same page, status and about the same time for an account and for nobody", async () => {
    const user = await aUser(db());
    const before = smtp.mails.length;
    const nobody = `tidak-ada-${unique()}@uji.test`;
    const known = await ask(user.email!);
    const unknown = await ask(nobody);
    expect(unknown.res.status).toBe(known.res.status);
    expect(comparable(unknown.html, nobody)).toBe(comparable(known.html, user.email!));
    expect(known.ms).toBeGreaterThanOrEqual(390);
    expect(unknown.ms).toBeGreaterThanOrEqual(390);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(400);
    await eventually(() => smtp.mails.find((m) => m.to === user.email), "the known account's mail");
    expect(smtp.mails.length).toBe(before + 1);
  });
});

describe("limits", () => {
  it("refuses a sixth request within the hour for one identifier, account or not", async () => {
    const identifier = `dibanjiri-${unique()}@uji.test`;
    for (let i = 0; i < 5; i++) expect((await ask(identifier)).res.status).toBe(200);
    const sixth = await ask(identifier);
    expect(sixth.res.status).toBe(429);
    expect(sixth.html).toContain("Terlalu banyak percobaan");
  });
});

describe("at the counter", () => {
  it("only counter staff, supervisors and admins reach it; a resident or moderator is refused on the server", async () => {
    const resident = await aUser(db());
    const target = await aUser(db());
    const moderator = await aStaffMember(db(), "moderator");
    const counter = await aStaffMember(db(), "counter");
    for (const who of [resident, moderator]) {
      const c = await signedIn(who.email!, who.password);
      expect((await c.get("/admin/users/reset")).status).toBe(403);
      // a form posted from elsewhere (a token from another page) is refused too
      const posted = await c.post(
        `/admin/users/reset/${target.id}`,
        { identityChecked: "on", documentType: "ktp", method: "temporary" },
        { fromPage: "/account" },
      );
      expect(posted.status).toBe(403);
    }
    const staff = await signedIn(counter.email!, counter.password);
    const onModerator = await staff.post(
      `/admin/users/reset/${moderator.id}`,
      { identityChecked: "on", documentType: "ktp", method: "temporary" },
      { fromPage: "/account" },
    );
    expect(onModerator.status).toBe(404);
    expect(
      await db().auditLog.count({ where: { action: "account.password_reset_counter", targetId: { in: [String(target.id), String(moderator.id)] } } }),
    ).toBe(0);
    const untouched = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(untouched.mustChangePassword).toBe(false);
  });

  it("sets a temporary password shown once, which the resident must change at the next login; audited with the document type", async () => {
    const resident = await aUser(db(), { name: `Pak Darto ${unique()}` });
    await db().user.update({ where: { id: resident.id }, data: { locale: "en" } });
    const counter = await aStaffMember(db(), "counter");
    const staff = await signedIn(counter.email!, counter.password);
    const found = await staff.page(`/admin/users/reset?q=${encodeURIComponent(resident.name)}`);
    expect(found.html).toContain(`/admin/users/reset/${resident.id}`);
    expect(found.html).not.toContain(resident.email!);

    const page = `/admin/users/reset/${resident.id}`;
    const unchecked = await staff.post(page, { documentType: "ktp", method: "temporary" }, { fromPage: page });
    expect(unchecked.status).toBe(400);
    expect(await unchecked.text()).toContain("Centang bahwa identitas sudah diperiksa secara langsung");

    const res = await staff.post(page, { identityChecked: "on", documentType: "kk", method: "temporary" }, { fromPage: page });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const temporary = (await res.text()).match(/class="reset-secret">([a-z2-9-]{14})</)![1];
    expect((await staff.page(page)).html).not.toContain(temporary); // shown once

    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "account.password_reset_counter", targetId: String(resident.id) } });
    expect(audit.actorId).toBe(counter.id);
    expect(JSON.parse(audit.details!)).toEqual({ method: "temporary", documentType: "kk" });

    // the notice in the resident's language (English here), never with the temporary password
    const notices = () => smtp.mails.filter((m) => m.to === resident.email && m.subject === "Balai: Your password was changed");
    const notice = await eventually(() => notices()[0], "the notice of the counter's reset");
    expect(notice.text).toContain("If it was not you, set a new password at once");
    expect(notice.text + notice.html).not.toContain(temporary);

    const c = new Client(server.url);
    const login = await c.post("/login", { identifier: resident.email!, password: temporary, redirectTo: "/events" }, { fromPage: "/login" });
    expect(login.headers.get("location")).toBe("/account/password");
    expect((await c.page("/account")).url).toBe("/account/password");
    const changed = await c.post(
      "/account/password",
      { currentPassword: temporary, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { fromPage: "/account/password" },
    );
    expect(changed.status).toBe(302);
    expect((await c.page("/account")).url).toBe("/account");
    // choosing one's own password on the account's page sends the notice again
    await eventually(() => notices()[1], "the notice of the change on /account/password");
    expect(notices()[1].text + notices()[1].html).not.toContain(NEW_PASSWORD);
  });

  it("prints a one-time code the resident uses at /reset-password/code", async () => {
    const resident = await aUser(db());
    const supervisor = await aStaffMember(db(), "supervisor");
    const staff = await signedIn(supervisor.email!, supervisor.password);
    const page = `/admin/users/reset/${resident.id}`;
    const res = await staff.post(page, { identityChecked: "on", documentType: "ktp", method: "code" }, { fromPage: page });
    const html = await res.text();
    const code = html.match(/class="reset-secret">([A-Z2-9]{5}-[A-Z2-9]{5})</)![1];
    expect(html).toContain("https://balai.uji.test/reset-password/code");
    expect(html).toContain(resident.email!);

    const c = new Client(server.url);
    const used = await c.post(
      "/reset-password/code",
      { identifier: resident.email!, code: code.toLowerCase(), newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { fromPage: "/reset-password/code" },
    );
    expect(used.status).toBe(302);
    await signedIn(resident.email!, NEW_PASSWORD);
  });
});

describe("an account that must change its password", () => {
  type TypedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
  const call = <T>(socket: TypedSocket, event: string, payload: unknown) =>
    new Promise<AckResponse<T>>((resolve, reject) =>
      (socket as unknown as Socket).timeout(5000).emit(event, payload, (err: Error | null, res: AckResponse<T>) => (err ? reject(err) : resolve(res))),
    );
  const socketOf = async (client: Client) => {
    const socket: TypedSocket = connect(server.url, {
      transports: ["websocket"],
      extraHeaders: { Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
    return socket;
  };

  it("cannot moderate over a socket until it has chosen its own password", async () => {
    const moderator = await aStaffMember(db(), "moderator");
    await db().user.update({ where: { id: moderator.id }, data: { mustChangePassword: true } });
    const session = await aQaSession(db());
    const c = new Client(server.url);
    const login = await c.post("/login", { identifier: moderator.email!, password: moderator.password }, { fromPage: "/login" });
    expect(login.headers.get("location")).toBe("/account/password");

    const held = await socketOf(c);
    try {
      const who = await new Promise<AckResponse<{ userId: number | null }>>((resolve) => held.emit("session:whoami", resolve));
      expect(who).toEqual({ data: { userId: null, role: null } });
      const refused = await call(held, "qa:join", { code: session.code, as: "moderator" });
      expect(refused).toEqual({ error: expect.objectContaining({ code: "forbidden", messageKey: "error.403.text" }) });
    } finally {
      held.disconnect();
    }

    const changed = await c.post(
      "/account/password",
      { currentPassword: moderator.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { fromPage: "/account/password" },
    );
    expect(changed.status).toBe(302);
    const free = await socketOf(c);
    try {
      const joined = await call(free, "qa:join", { code: session.code, as: "moderator" });
      expect(joined).toHaveProperty("data");
    } finally {
      free.disconnect();
    }
  });
});
