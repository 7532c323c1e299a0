// The foundation over real HTTP: health, accounts, roles, CSRF, language, errors,
// and the edge of the server (body limits, unreadable bodies, redirects).
// Every test builds the users it needs (prisma/builders); none relies on the demo accounts.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/db/client.server";
import { aStaffMember, aUser, unique } from "../../prisma/builders";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let database: Database;

beforeAll(async () => {
  // many logins from one address in one file: the per-IP login limit is not what is tested here
  server = await startServer({ env: { RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "1000" } });
  database = await openDatabase(server.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  await server?.stop();
});

const db = () => database.db;
const phoneNumber = () => `0813${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

async function loggedIn(user: { identifier: string; password: string }) {
  const c = new Client(server.url);
  await c.login(user.identifier, user.password);
  return c;
}

/** The admin's row for one user on /admin/users: its user id. */
async function userIdOnAdminPage(admin: Client, q: string) {
  const list = await admin.page(`/admin/users?q=${encodeURIComponent(q)}`);
  return list.html.match(/name="userId" value="(\d+)"/)![1];
}

describe("health check", () => {
  it("reports the database and the realtime server", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.database.status).toBe("ok");
    expect(body.realtime.status).toBe("ok");
    expect(typeof body.realtime.connections).toBe("number");
  });
});

describe("security headers", () => {
  it("sends a CSP with a per-request nonce that the inline scripts carry", async () => {
    const a = await fetch(server.url + "/");
    const b = await fetch(server.url + "/");
    const csp = a.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("content-security-policy")).not.toContain(nonce!);
    const html = await a.text();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("long-caches the built assets", async () => {
    const html = await (await fetch(server.url + "/")).text();
    const asset = html.match(/\/build\/_assets\/app-[A-Z0-9]+\.css/)![0];
    const res = await fetch(server.url + asset);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });
});

describe("sign up and log in", () => {
  it("signs a resident up with a phone number and keeps them signed in", async () => {
    const c = new Client(server.url);
    const name = `Pak Rahmat ${unique()}`;
    const phone = phoneNumber();
    const res = await c.post("/signup", { name, identifier: phone, password: "kopi-susu-hangat" });
    expect(res.status).toBe(302);
    const home = await c.page("/");
    expect(home.html).toContain(`Selamat datang di Balai, ${name}!`);
    expect(home.html).toContain("Keluar");
    const account = await c.page("/account");
    expect(account.html).toContain(`+62${phone.slice(1)}`);
  });

  it("shows each error next to its field and keeps what was typed", async () => {
    const c = new Client(server.url);
    const res = await c.post("/signup", { name: "Bu Ani", identifier: "bukan-email", password: "short" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Tulis e-mail yang benar atau nomor HP Indonesia");
    expect(html).toContain("Kata sandi minimal 8 karakter.");
    expect(html).toMatch(/id="f-identifier"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-identifier"/);
    expect(html).toContain('value="Bu Ani"');
    expect(html).not.toContain('value="short"');
  });

  it("refuses a second account with the same e-mail, whatever its letter case", async () => {
    const existing = await aUser(db());
    const c = new Client(server.url);
    const res = await c.post("/signup", { name: "Siti Kedua", identifier: existing.identifier.toUpperCase(), password: "rahasia-sekali" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Sudah ada akun dengan e-mail atau nomor HP ini.");
  });

  it("refuses an area id beyond the databases' range next to its field, and creates nobody (defect 5)", async () => {
    const identifier = `luas-${unique()}@contoh.id`;
    const c = new Client(server.url);
    const res = await c.post("/signup", { name: "Bu Luas", identifier, password: "rahasia-sekali", kelurahanId: "99999999999999999999" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="f-kelurahanId"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-kelurahanId"/);
    expect(html).toContain("Isian tidak valid");
    expect(await db().user.count({ where: { email: identifier } })).toBe(0);
  });

  it("logs in, and refuses a wrong password", async () => {
    const user = await aUser(db(), { name: `Siti Uji ${unique()}` });
    const c = new Client(server.url);
    const bad = await c.post("/login", { identifier: user.identifier, password: "salah-sandi" });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain("E-mail/nomor HP atau kata sandi salah.");
    await c.login(user.identifier, user.password);
    expect((await c.page("/account")).html).toContain(user.name);
  });

  it("locks an account after repeated failed logins", async () => {
    const user = await aUser(db());
    const other = new Client(server.url);
    for (let i = 0; i < 5; i++) {
      expect((await other.post("/login", { identifier: user.identifier, password: `salah-${i}` })).status).toBe(401);
    }
    const locked = await other.post("/login", { identifier: user.identifier, password: user.password });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Terlalu banyak percobaan gagal");
  });

  it("logs out and revokes the session on the server", async () => {
    const c = await loggedIn(await aUser(db()));
    const stolen = new Map(c.cookies);
    const res = await c.post("/logout", {}, { fromPage: "/" });
    expect(res.status).toBe(302);
    const replay = new Client(server.url);
    replay.cookies = stolen;
    const page = await replay.page("/account");
    expect(page.url).toMatch(/^\/login\?redirectTo=%2Faccount/);
  });

  it("changes the password and signs out other sessions", async () => {
    const user = await aUser(db());
    const a = await loggedIn(user);
    const b = await loggedIn(user);
    const wrong = await a.post("/account/password", { currentPassword: "keliru", newPassword: "sandi-baru-2", confirmPassword: "sandi-baru-2" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Kata sandi sekarang salah.");
    const ok = await a.post("/account/password", { currentPassword: user.password, newPassword: "sandi-baru-2", confirmPassword: "sandi-baru-2" });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/account");
    expect((await a.page("/account")).html).toContain("Kata sandi diubah. Sesi di perangkat lain sudah dikeluarkan.");
    expect((await b.page("/account")).url).toMatch(/^\/login/);
    await new Client(server.url).login(user.identifier, "sandi-baru-2");
  });
});

describe("redirects after login", () => {
  it("sends a signed-out visitor to log in and back", async () => {
    const admin = await aStaffMember(db(), "admin");
    const c = new Client(server.url);
    const res = await c.get("/admin/users");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
    const login = await c.post("/login", { identifier: admin.identifier, password: admin.password, redirectTo: "/admin/users" }, { fromPage: "/login" });
    expect(login.headers.get("location")).toBe("/admin/users");
  });

  // defect 2: the browser drops the tab of "/\t/evil.example" and reads "//evil.example"
  it.each(["//evil.example/x", "/\t/evil.example", "/\\evil.example", "https://evil.example/", "/\n/evil.example"])(
    "never redirects off-site after login (redirectTo %j)",
    async (redirectTo) => {
      const user = await aUser(db());
      const c = new Client(server.url);
      const login = await c.post("/login", { identifier: user.identifier, password: user.password, redirectTo }, { fromPage: "/login" });
      expect(login.status).toBe(302);
      const location = login.headers.get("location")!;
      expect(location).toBe("/");
      expect(new URL(location, server.url).origin).toBe(server.url);
    },
  );
});

describe("roles and permissions", () => {
  it("gives a resident a friendly 403 on an admin page and refuses the action", async () => {
    const target = await aUser(db());
    const c = await loggedIn(await aUser(db()));
    const page = await c.page("/admin/users");
    expect(page.status).toBe(403);
    expect(page.html).toContain("Akses ditolak");
    const token = c.csrf((await c.page("/")).html);
    const res = await c.post("/admin/users", { userId: String(target.id), role: "admin" }, { csrf: token });
    expect(res.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("resident");
  });

  it("lets an admin change a role, and writes the audit log", async () => {
    const resident = await aUser(db(), { name: `Calon Moderator ${unique()}` });
    const residentClient = await loggedIn(resident);
    const adminUser = await aStaffMember(db(), "admin");
    const admin = await loggedIn(adminUser);
    const q = encodeURIComponent(resident.identifier);
    const userId = await userIdOnAdminPage(admin, resident.identifier);
    expect(userId).toBe(String(resident.id));
    const res = await admin.post(`/admin/users?q=${q}`, { intent: "role", userId, role: "moderator" }, { fromPage: `/admin/users?q=${q}` });
    expect(res.status).toBe(302);
    expect((await admin.page(res.headers.get("location")!)).html).toContain(`Peran ${resident.name} diubah menjadi Moderator.`);
    expect((await residentClient.page("/account")).html).toContain("Moderator");
    const entry = await db().auditLog.findFirst({ where: { action: "user.role_changed", targetId: userId }, include: { actor: true } });
    expect(entry?.actor?.id).toBe(adminUser.id);
    expect(JSON.parse(entry!.details!)).toEqual({ from: "resident", to: "moderator" });
  });

  it("refuses a user id beyond the databases' range with a 400 (defect 5)", async () => {
    const admin = await loggedIn(await aStaffMember(db(), "admin"));
    const res = await admin.post("/admin/users", { intent: "role", userId: "99999999999999999999", role: "moderator" }, { fromPage: "/admin/users" });
    expect(res.status).toBe(400);
  });

  it("finds users by name whatever the letter case (SQLite and PostgreSQL alike)", async () => {
    const tag = unique();
    const found = await aUser(db(), { name: `Ratna Kusuma ${tag}` });
    const other = await aUser(db(), { name: `Ratna Lain ${unique()}` });
    const admin = await loggedIn(await aStaffMember(db(), "admin"));
    const { html } = await admin.page(`/admin/users?q=${encodeURIComponent(`rATNA kusuma ${tag.toUpperCase()}`)}`);
    expect(html).toContain(found.identifier);
    expect(html).not.toContain(other.identifier);
  });

  it("keeps at least one administrator", async () => {
    const adminUser = await aStaffMember(db(), "admin");
    const admin = await loggedIn(adminUser);
    // given: this is the only active administrator
    await db().user.updateMany({ where: { role: "admin", id: { not: adminUser.id } }, data: { role: "planner" } });
    const q = encodeURIComponent(adminUser.identifier);
    const res = await admin.post(
      `/admin/users?q=${q}`,
      { intent: "role", userId: String(adminUser.id), role: "resident" },
      { fromPage: `/admin/users?q=${q}` },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("harus tetap ada paling sedikit satu administrator");
    expect((await db().user.findUniqueOrThrow({ where: { id: adminUser.id } })).role).toBe("admin");
  });
});

describe("disabling an account", () => {
  it("ends the user's sessions, refuses their login, and can be undone", async () => {
    const user = await aUser(db(), { name: `Warga Nakal ${unique()}` });
    const victim = await loggedIn(user);
    const adminUser = await aStaffMember(db(), "admin");
    const admin = await loggedIn(adminUser);
    const q = encodeURIComponent(user.identifier);
    const off = await admin.post(`/admin/users?q=${q}`, { intent: "status", userId: String(user.id), disabled: "true" }, { fromPage: `/admin/users?q=${q}` });
    expect(off.status).toBe(302);
    const list = await admin.page(off.headers.get("location")!);
    expect(list.html).toContain(`Akun ${user.name} dinonaktifkan.`);
    expect(list.html).toContain("Dinonaktifkan");

    expect((await victim.page("/account")).url).toMatch(/^\/login/);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    const refused = await new Client(server.url).post("/login", { identifier: user.identifier, password: user.password });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Akun ini dinonaktifkan.");
    const entry = await db().auditLog.findFirst({ where: { action: "user.disabled", targetId: String(user.id) } });
    expect(entry?.actorId).toBe(adminUser.id);

    const on = await admin.post(`/admin/users?q=${q}`, { intent: "status", userId: String(user.id), disabled: "false" }, { fromPage: `/admin/users?q=${q}` });
    expect(on.status).toBe(302);
    expect((await admin.page(on.headers.get("location")!)).html).toContain(`Akun ${user.name} aktif lagi.`);
    await new Client(server.url).login(user.identifier, user.password);
  });

  it("refuses to disable one's own account", async () => {
    const adminUser = await aStaffMember(db(), "admin");
    const admin = await loggedIn(adminUser);
    const res = await admin.post("/admin/users", { intent: "status", userId: String(adminUser.id), disabled: "true" }, { fromPage: "/admin/users" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Anda tidak dapat menonaktifkan akun Anda sendiri.");
    expect((await db().user.findUniqueOrThrow({ where: { id: adminUser.id } })).disabledAt).toBeNull();
  });
});

describe("cross-site request forgery", () => {
  it("refuses a form without the token", async () => {
    const user = await aUser(db());
    const c = new Client(server.url);
    const res = await c.post("/login", { identifier: user.identifier, password: user.password }, { csrf: "" });
    expect(res.status).toBe(403);
  });

  it("refuses a form posted from another site", async () => {
    const user = await aUser(db());
    const c = new Client(server.url);
    const res = await c.post("/login", { identifier: user.identifier, password: user.password }, { fromPage: "/login", origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});

/**
 * Defects 3 and 5 at the edge of the server: the body of a form post is limited on
 * the stream itself, and a body that is not a form is a 400 with a clear message.
 * Each post carries a valid CSRF token and a complete sign-up, so a server that read
 * the body anyway would create the account.
 */
describe("bodies the server refuses", () => {
  async function signupForm() {
    const c = new Client(server.url);
    const page = await c.page("/signup");
    const identifier = `tubuh-${unique()}@contoh.id`;
    return {
      identifier,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      fields: { csrf: c.csrf(page.html), name: "Pak Tubuh", identifier, password: "rahasia-sekali-9" },
    };
  }

  const accounts = () => db().user.count();

  it("answers a chunked 3 MB form without Content-Length with 413, and writes nothing", async () => {
    const { cookie, fields, identifier } = await signupForm();
    const before = await accounts();
    const head = new URLSearchParams(fields).toString();
    const chunk = "&padding=" + "x".repeat(64 * 1024);
    const answer = await new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/signup`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: server.url, Cookie: cookie },
      });
      let answered = false;
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on("error", (error) => (answered ? undefined : reject(error)));
      void (async () => {
        req.write(head);
        for (let sent = 0; sent < 3 * 1024 * 1024 && !answered; sent += chunk.length) {
          if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
        }
        req.end();
      })().catch(() => undefined);
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Kiriman terlalu besar.");
    expect(await accounts()).toBe(before);
    expect(await db().user.count({ where: { email: identifier } })).toBe(0);
  });

  it("answers a JSON body sent to a form action with 400 and a clear message, and writes nothing", async () => {
    const { cookie, fields, identifier } = await signupForm();
    const before = await accounts();
    const res = await fetch(`${server.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
      body: JSON.stringify(fields),
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Permintaan tidak dapat dibaca. Kirim formulir dari halaman Balai.");
    expect(await accounts()).toBe(before);
    expect(await db().user.count({ where: { email: identifier } })).toBe(0);
  });

  it("answers a broken multipart body with 400 and a clear message, and writes nothing", async () => {
    const { cookie, fields, identifier } = await signupForm();
    const before = await accounts();
    const boundary = "----balai-broken";
    // complete fields, but the last part never ends: no closing boundary
    const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    const body = parts.join("") + `--${boundary}\r\nContent-Disposition: form-data; name="kelurahanId"\r\n\r\n12`;
    const res = await fetch(`${server.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, Origin: server.url, Cookie: cookie },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Permintaan tidak dapat dibaca. Kirim formulir dari halaman Balai.");
    expect(await accounts()).toBe(before);
    expect(await db().user.count({ where: { email: identifier } })).toBe(0);
  });

  it("still reads the same sign-up sent as a proper form (the three refusals are about the body)", async () => {
    const { cookie, fields, identifier } = await signupForm();
    const res = await fetch(`${server.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
      body: new URLSearchParams(fields),
    });
    expect(res.status).toBe(302);
    expect(await db().user.count({ where: { email: identifier } })).toBe(1);
  });
});

describe("language", () => {
  it("is Indonesian by default, switches with ?lang= and remembers it", async () => {
    const c = new Client(server.url);
    const id = await c.page("/");
    expect(id.html).toContain('<html lang="id"');
    expect(id.html).toContain("Kegiatan mendatang");
    const en = await c.page("/?lang=en");
    expect(en.html).toContain('<html lang="en"');
    expect(en.html).toContain("Upcoming events");
    const later = await c.page("/login");
    expect(later.html).toContain('<html lang="en"');
    expect(later.html).toContain("E-mail or mobile number");
    expect((await c.page("/?lang=id")).html).toContain('<html lang="id"');
  });

  it("shows dates the Indonesian way in WIB", async () => {
    const html = (await new Client(server.url).page("/")).html;
    expect(html).toMatch(/(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}\.\d{2} WIB/);
  });
});

describe("home page", () => {
  it("shows upcoming events and leads to every way of taking part", async () => {
    const { html } = await new Client(server.url).page("/");
    expect(html).toMatch(/href="\/events\/\d+"/);
    for (const to of ["/events?kind=dialogue", "/events?kind=fair", "/qa", "/aspirations/new", "/agenda"]) {
      expect(html).toContain(`href="${to}"`);
    }
  });
});

describe("errors", () => {
  it("answers unknown pages with a 404 in the visitor's language", async () => {
    const c = new Client(server.url);
    const id = await c.page("/tidak-ada");
    expect(id.status).toBe(404);
    expect(id.html).toContain("Halaman tidak ditemukan");
    const en = await c.page("/no-such-page?lang=en");
    expect(en.status).toBe(404);
    expect(en.html).toContain("Page not found");
  });

  it("says that the event was not found, in the reader's language", async () => {
    const c = new Client(server.url);
    const id = await c.page("/events/999999?lang=id");
    expect(id.status).toBe(404);
    expect(id.html).toContain("Kegiatan tidak ditemukan.");
    const en = await c.page("/events/999999?lang=en");
    expect(en.status).toBe(404);
    expect(en.html).toContain("Event not found.");
    expect(en.html).not.toContain("The address you opened does not exist");
  });
});
