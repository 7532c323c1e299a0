// The foundation over real HTTP: health, accounts, roles, CSRF, language, errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

const unique = () => Math.random().toString(36).slice(2, 8);

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
    const phone = `0813${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
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

  it("refuses a second account with the same e-mail", async () => {
    const c = new Client(server.url);
    const res = await c.post("/signup", { name: "Siti Kedua", identifier: "WARGA@balai.test", password: "rahasia-sekali" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Sudah ada akun dengan e-mail atau nomor HP ini.");
  });

  it("logs in with the demo account, and refuses a wrong password", async () => {
    const c = new Client(server.url);
    const bad = await c.post("/login", { identifier: "warga@balai.test", password: "salah-sandi" });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain("E-mail/nomor HP atau kata sandi salah.");
    await c.login("warga@balai.test");
    expect((await c.page("/account")).html).toContain("Siti Aminah");
  });

  it("locks an account after repeated failed logins", async () => {
    const c = new Client(server.url);
    const identifier = `kunci-${unique()}@contoh.id`;
    await c.post("/signup", { name: "Pak Kunci", identifier, password: "benar-sekali-1" });
    const other = new Client(server.url);
    for (let i = 0; i < 5; i++) {
      expect((await other.post("/login", { identifier, password: `salah-${i}` })).status).toBe(401);
    }
    const locked = await other.post("/login", { identifier, password: "benar-sekali-1" });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain("Terlalu banyak percobaan gagal");
  });

  it("logs out and revokes the session on the server", async () => {
    const c = new Client(server.url);
    await c.login("warga@balai.test");
    const stolen = new Map(c.cookies);
    const res = await c.post("/logout", {}, { fromPage: "/" });
    expect(res.status).toBe(302);
    const replay = new Client(server.url);
    replay.cookies = stolen;
    const page = await replay.page("/account");
    expect(page.url).toMatch(/^\/login\?redirectTo=%2Faccount/);
  });

  it("changes the password and signs out other sessions", async () => {
    const identifier = `ganti-${unique()}@contoh.id`;
    const a = new Client(server.url);
    await a.post("/signup", { name: "Bu Ganti", identifier, password: "sandi-lama-1" });
    const b = new Client(server.url);
    await b.login(identifier, "sandi-lama-1");
    const wrong = await a.post("/account/password", { currentPassword: "keliru", newPassword: "sandi-baru-2", confirmPassword: "sandi-baru-2" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Kata sandi sekarang salah.");
    const ok = await a.post("/account/password", { currentPassword: "sandi-lama-1", newPassword: "sandi-baru-2", confirmPassword: "sandi-baru-2" });
    expect(ok.status).toBe(302);
    expect((await b.page("/account")).url).toMatch(/^\/login/);
    expect((await a.page("/account")).status).toBe(200);
    const c = new Client(server.url);
    await c.login(identifier, "sandi-baru-2");
  });
});

describe("roles and permissions", () => {
  it("sends a signed-out visitor to log in and back", async () => {
    const c = new Client(server.url);
    const res = await c.get("/admin/users");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
    const login = await c.post("/login", { identifier: "admin@balai.test", password: "balai-demo", redirectTo: "/admin/users" }, { fromPage: "/login" });
    expect(login.headers.get("location")).toBe("/admin/users");
  });

  it("never redirects off-site after login", async () => {
    const c = new Client(server.url);
    const login = await c.post("/login", { identifier: "warga@balai.test", password: "balai-demo", redirectTo: "//evil.example/x" }, { fromPage: "/login" });
    expect(login.headers.get("location")).toBe("/");
  });

  it("gives a resident a friendly 403 on an admin page and refuses the action", async () => {
    const c = new Client(server.url);
    await c.login("warga@balai.test");
    const page = await c.page("/admin/users");
    expect(page.status).toBe(403);
    expect(page.html).toContain("Akses ditolak");
    const token = c.csrf((await c.page("/")).html);
    const res = await c.post("/admin/users", { userId: "1", role: "admin" }, { csrf: token });
    expect(res.status).toBe(403);
  });

  it("lets an admin change a role, and writes the audit log", async () => {
    const resident = new Client(server.url);
    const identifier = `calon-mod-${unique()}@contoh.id`;
    await resident.post("/signup", { name: "Calon Moderator", identifier, password: "kopi-pahit-12" });
    const admin = new Client(server.url);
    await admin.login("admin@balai.test");
    const list = await admin.page(`/admin/users?q=${encodeURIComponent(identifier)}`);
    const userId = list.html.match(/name="userId" value="(\d+)"/)![1];
    const res = await admin.post(`/admin/users?q=${encodeURIComponent(identifier)}`, { userId, role: "moderator" }, { fromPage: `/admin/users?q=${encodeURIComponent(identifier)}` });
    expect(res.status).toBe(302);
    expect((await admin.page(res.headers.get("location")!)).html).toContain("Peran Calon Moderator diubah menjadi Moderator.");
    expect((await resident.page("/account")).html).toContain("Moderator");
    const database = await openDatabase(server.databaseUrl);
    try {
      const entry = await database.db.auditLog.findFirst({ where: { action: "user.role_changed", targetId: userId }, include: { actor: true } });
      expect(entry?.actor?.email).toBe("admin@balai.test");
      expect(JSON.parse(entry!.details!)).toEqual({ from: "resident", to: "moderator" });
    } finally {
      await database.close();
    }
  });

  it("finds users by name whatever the letter case (SQLite and PostgreSQL alike)", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@balai.test");
    const { html } = await admin.page("/admin/users?q=SITI%20aminah");
    expect(html).toContain("warga@balai.test");
    expect(html).not.toContain("moderator@balai.test");
  });

  it("keeps at least one administrator", async () => {
    const admin = new Client(server.url);
    await admin.login("admin@balai.test");
    const list = await admin.page("/admin/users?q=admin%40balai.test");
    const userId = list.html.match(/name="userId" value="(\d+)"/)![1];
    const res = await admin.post("/admin/users?q=admin%40balai.test", { userId, role: "resident" }, { fromPage: "/admin/users?q=admin%40balai.test" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("harus tetap ada paling sedikit satu administrator");
  });
});

describe("cross-site request forgery", () => {
  it("refuses a form without the token", async () => {
    const c = new Client(server.url);
    const res = await c.post("/login", { identifier: "warga@balai.test", password: "balai-demo" }, { csrf: "" });
    expect(res.status).toBe(403);
  });

  it("refuses a form posted from another site", async () => {
    const c = new Client(server.url);
    const res = await c.post("/login", { identifier: "warga@balai.test", password: "balai-demo" }, { fromPage: "/login", origin: "https://evil.example" });
    expect(res.status).toBe(403);
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
});
