// Service standards in a real browser: axe on every new page with JavaScript on
// and off and at 360 px (no page or console error may happen: browserSuite fails
// the test), a planner's cost change reaching the page, the print guide and the
// display, an old printed QR telling what changed, the display keeping its last
// content when the network drops, and the integrity form without JavaScript.
// Every test builds its own data with the builders.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { queueDay } from "~/domain/services/queue.server";
import { translator } from "~/i18n";
import {
  aKelurahan,
  aMaklumat,
  anAnnouncement,
  anEvent,
  aQueueTicket,
  aService,
  aServiceUnit,
  aServiceVersion,
  aStaffMember,
  aUnitStaffMember,
} from "../../prisma/builders";
import {
  allowConsoleErrors,
  browserSuite,
  eventually,
  expectNoHorizontalScroll,
  expectSameDocument,
  expectNoSeriousA11yViolations,
  logIn,
  markDocument,
  text,
  waitForHydration,
} from "./support";

const suite = browserSuite({ env: { BALAI_SEED: "0" } });
const db = () => suite.database.db;
const t = translator("id");

/** A kecamatan unit with one kelurahan office, a service with two versions (the cost went up), a Maklumat and an announcement. */
async function aUnitWithServices() {
  const kel = await aKelurahan(db(), { rwCount: 1 });
  const unit = await aServiceUnit(db(), { name: "PTSP Kecamatan Uji", areaId: kel.kecamatanId });
  const office = await aServiceUnit(db(), { name: "Kantor Kelurahan Uji", kind: "kelurahan", areaId: kel.id, parentId: unit.id });
  const service = await aService(db(), {
    unitId: unit.id,
    content: {
      name: "Izin Pemakaian Gedung Uji",
      costAmount: 0,
      onlineName: "OSS",
      onlineUrl: "https://oss.go.id",
      stepsOnline: [{ actor: "Warga", text: "mendaftar di OSS" }],
    },
  });
  await aServiceVersion(db(), service.id, { costAmount: 10_000, costBasis: "Perda DKI Jakarta No. 1 Tahun 2024" }, { reason: "Tarif baru" });
  await aService(db(), { unitId: office.id, content: { name: "SKTM Uji" } });
  await aMaklumat(db(), unit.id, { signerName: "Camat Uji" });
  await anAnnouncement(db(), unit.id, { title: "Loket buka Sabtu" });
  return { unit, office, service };
}

function publicPaths(b: Awaited<ReturnType<typeof aUnitWithServices>>) {
  const s = `/layanan/${b.service.slug}`;
  return [
    "/layanan",
    `/layanan?q=gedung&unit=${b.unit.id}`,
    s,
    `${s}?v=1`,
    `${s}/versi/1`,
    `${s}/cetak`,
    `${s}/cetak?ukuran=besar`,
    `${s}/integritas`,
    `/layanan/unit/${b.unit.id}`,
    `/layanan/unit/${b.office.id}`,
    `/layanan/unit/${b.unit.id}/display`,
  ];
}

async function checkPage(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
  expect(await page.locator("main h1").count(), path).toBe(1);
  await expectNoSeriousA11yViolations(page, `${path} (JavaScript ${js ? "on" : "off"})`);
  await expectNoHorizontalScroll(page, 360);
}

describe("every services page", () => {
  it("passes axe at 360 px with JavaScript on", async () => {
    const built = await aUnitWithServices();
    const page = await suite.page({ viewport: { width: 360, height: 800 } });
    for (const path of publicPaths(built)) await checkPage(page, path, true);
  });

  it("passes axe at 360 px with JavaScript off", async () => {
    const built = await aUnitWithServices();
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    for (const path of publicPaths(built)) await checkPage(page, path, false);
  });

  it("the staff pages pass axe with JavaScript on and off", async () => {
    const { unit, service } = await aUnitWithServices();
    const planner = await aStaffMember(db(), "admin");
    for (const js of [true, false]) {
      const page = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      await logIn(page, planner);
      for (const path of ["/layanan/kelola", `/layanan/kelola/${service.slug}`, "/layanan/kelola/baru", `/layanan/kelola/unit/${unit.id}`])
        await checkPage(page, path, js);
    }
  });
});

describe("one source, every medium", () => {
  for (const js of [true, false]) {
    it(`a planner's new cost reaches the page, the print guide and the display, and an old QR says what changed (JavaScript ${js ? "on" : "off"})`, async () => {
      const unit = await aServiceUnit(db());
      const service = await aService(db(), { unitId: unit.id, content: { name: "Surat Keterangan Domisili Usaha", costAmount: 0 } });
      const page = await suite.page({ javaScriptEnabled: js });
      allowConsoleErrors(page, /status of 400/); // the refused form answers 400 on purpose
      await logIn(page, await aStaffMember(db(), "planner"));
      await page.goto(`/layanan/kelola/${service.slug}`);
      if (js) await waitForHydration(page);
      const main = page.locator("main");
      await main.getByLabel(t("services.field.costAmount"), { exact: true }).fill("10000");
      await main.getByLabel(t("services.field.costBasis")).fill("Perda DKI Jakarta No. 1 Tahun 2024");
      // the reason is required: refused next to the field first
      await main.getByRole("button", { name: t("services.edit.save") }).click();
      await eventually(() => text(main)).toContain(t("services.validation.reason"));
      await main.getByLabel(t("services.field.reason"), { exact: true }).fill("Tarif retribusi baru");
      await main.getByRole("button", { name: t("services.edit.save") }).click();
      await page.waitForURL((url) => url.pathname === `/layanan/${service.slug}`);
      await eventually(() => text(page.getByTestId("service-cost"))).toBe("Rp 10.000");
      expect(await text(page.locator("main"))).toContain(t("services.edit.saved", { number: 2, name: "Surat Keterangan Domisili Usaha" }));

      await page.goto(`/layanan/${service.slug}/cetak`);
      expect(await text(page.getByTestId("print-cost"))).toBe("Rp 10.000");
      await page.goto(`/layanan/unit/${unit.id}/display`);
      expect(await text(page.getByTestId("display-cost"))).toBe("Rp 10.000");

      // the poster printed from version 1
      await page.goto(`/layanan/${service.slug}?v=1`);
      expect(await text(page.getByTestId("printed-comparison"))).toContain(t("services.change.cost", { from: "Gratis", to: "Rp 10.000" }));
    });
  }
});

describe("the display", () => {
  it("keeps showing the last content when the network drops, and catches up when it is back", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id, content: { name: "Legalisir Uji", costAmount: 0 } });
    const page = await suite.page();
    allowConsoleErrors(page, /Failed to load resource|ERR_INTERNET_DISCONNECTED/);
    await page.goto(`/layanan/unit/${unit.id}/display`);
    await waitForHydration(page);
    expect(await page.locator("meta[http-equiv=refresh]").count()).toBe(0); // JavaScript refreshes instead
    expect(await text(page.getByTestId("display-cost"))).toBe(t("services.cost.free"));

    await page.context().setOffline(true);
    await eventually(() => text(page.getByRole("status"))).toBe(t("services.display.offline"));
    expect(await text(page.getByTestId("display-cost"))).toBe(t("services.cost.free"));

    await aServiceVersion(db(), service.id, { costAmount: 5_000, costBasis: "Perda uji" });
    await page.context().setOffline(false);
    await eventually(() => text(page.getByTestId("display-cost")), 15_000).toBe("Rp 5.000");
    expect(await text(page.getByRole("status"))).not.toBe(t("services.display.offline"));
  });

  it("refreshes itself without JavaScript with a meta refresh to the next item", async () => {
    const { unit } = await aUnitWithServices();
    const page = await suite.page({ javaScriptEnabled: false });
    await page.goto(`/layanan/unit/${unit.id}/display`);
    expect(await page.locator("meta[http-equiv=refresh]").getAttribute("content")).toBe(`15;url=/layanan/unit/${unit.id}/display?slide=1`);
    expect(await page.getByTestId("display-slide").getAttribute("data-kind")).toBe("service");
    await page.goto(`/layanan/unit/${unit.id}/display?slide=1`);
    expect(await page.getByTestId("display-slide").getAttribute("data-kind")).toBe("announcement");
    await page.goto(`/layanan/unit/${unit.id}/display?slide=2`);
    expect(await page.getByTestId("display-slide").getAttribute("data-kind")).toBe("maklumat");
  });
});

describe("staff", () => {
  it("counter staff see the reminders; the unit's supervisor marks a standard checked without JavaScript", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id, content: { name: "KTP-el Uji Lama" }, now: new Date(Date.now() - 300 * 86_400_000) });
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counterPage = await suite.page({ javaScriptEnabled: false });
    await logIn(counterPage, counter);
    await counterPage.goto("/layanan/kelola");
    expect(await text(counterPage.getByTestId("reminders"))).toContain("KTP-el Uji Lama");
    expect(await counterPage.getByRole("button", { name: `${t("services.staff.markChecked")}: KTP-el Uji Lama` }).count()).toBe(0);

    const page = await suite.page({ javaScriptEnabled: false });
    await logIn(page, supervisor);
    await page.goto("/layanan/kelola");
    await page.getByRole("button", { name: `${t("services.staff.markChecked")}: KTP-el Uji Lama` }).click();
    await page.waitForURL((url) => url.pathname === "/layanan/kelola");
    expect(await text(page.locator("main"))).toContain(t("services.staff.checked", { name: "KTP-el Uji Lama" }));
    expect(await page.getByTestId("reminders").count()).toBe(0);
    expect((await db().service.findUniqueOrThrow({ where: { id: service.id } })).lastCheckedById).toBe(supervisor.id);
  });
});

describe("integrity", () => {
  it("files a confidential report without JavaScript and shows the tracking code", async () => {
    const kel = await aKelurahan(db(), { rwCount: 1 });
    const unit = await aServiceUnit(db(), { kind: "kelurahan", areaId: kel.id });
    const service = await aService(db(), { unitId: unit.id, content: { name: "Surat Pengantar Uji" } });
    const page = await suite.page({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    await page.goto(`/layanan/${service.slug}`);
    await page.getByRole("link", { name: t("services.integrity.link") }).click();
    const main = page.locator("main");
    await main.getByLabel(t("services.integrity.kind.fast_lane")).check();
    await main.getByLabel(t("services.integrity.description"), { exact: true }).fill("Ditawari jalur cepat dengan membayar Rp 100.000.");
    await main.getByRole("button", { name: t("services.integrity.submit") }).click();
    await page.waitForURL((url) => url.pathname === `/layanan/${service.slug}`);
    const row = await db().aspiration.findFirstOrThrow({ where: { title: { contains: "Surat Pengantar Uji" } } });
    expect(row.confidential).toBe(true);
    expect(await text(page.locator("main"))).toContain(t("services.integrity.done", { code: row.code }));

    // with only the code the tracking page is sealed: the status, none of the content (axe, JavaScript off and on)
    for (const js of [false, true]) {
      const guest = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      await checkPage(guest, `/aspirations/${row.code}`, js);
      const seen = await text(guest.locator("main"));
      expect(seen).toContain(t("services.integrity.sealed.text"));
      expect(seen).not.toContain("100.000");
      expect(seen).not.toContain("Surat Pengantar Uji");
    }
  });
});

/**
 * Numbers are per queue day (queueDay, WIB): a ticket taken at 23:59:58 cannot be called at
 * 00:00:01. A walk through the queue takes about 15 s, so one that would cross into the
 * next queue day waits for it first.
 */
async function withinOneQueueDay(walkMs = 60_000) {
  const now = Date.now();
  const later = queueDay(new Date(now + walkMs));
  if (later === queueDay(new Date(now))) return;
  const nextDayStarts = Date.parse(`${later}T00:00:00+07:00`);
  await new Promise((r) => setTimeout(r, nextDayStarts - now + 1000));
}

describe("the queue", () => {
  for (const js of [true, false]) {
    it(`a resident takes a number on a phone, the counter calls and serves it, the display and the ticket follow, the survey is offered (JavaScript ${js ? "on" : "off"})`, async () => {
      await withinOneQueueDay();
      const unit = await aServiceUnit(db(), { name: "PTSP Antrean Uji" });
      const service = await aService(db(), { unitId: unit.id, content: { name: "Legalisir KK Uji" } });
      await aService(db(), { unitId: unit.id, content: { name: "Surat Pindah Uji" } });
      const counter = await aUnitStaffMember(db(), unit.id, "counter");
      const phone = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      const take = `/layanan/unit/${unit.id}/antrian`;
      await checkPage(phone, take, js);
      const main = phone.locator("main");
      await main.getByLabel(t("queue.service"), { exact: true }).selectOption({ label: "Legalisir KK Uji" });
      await main.getByLabel(t("queue.priority.elderly")).check();
      await main.getByRole("button", { name: t("queue.take") }).click();
      await phone.waitForURL(/\/layanan\/tiket\//);
      const ticketPath = new URL(phone.url()).pathname;
      await checkPage(phone, ticketPath, js);
      expect(await text(phone.getByTestId("ticket-number"))).toBe("P-001");
      expect(await phone.getByTestId("ticket-status").getAttribute("data-status")).toBe("waiting");
      if (!js) expect(await phone.locator("noscript").count()).toBeGreaterThan(0);
      if (js) await markDocument(phone);

      // the counter desk (360 px too) calls the next number: the priority one
      const desk = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      await logIn(desk, counter);
      const deskPath = `/layanan/unit/${unit.id}/loket?loket=3`;
      await checkPage(desk, deskPath, js);
      await desk
        .locator("main")
        .getByRole("button", { name: t("queue.desk.callNext") })
        .click();
      await eventually(() => text(desk.locator("main"))).toContain(t("queue.desk.called", { label: "P-001" }));
      await eventually(() => text(desk.getByTestId("desk-open"))).toContain("P-001");
      await checkPage(desk, deskPath, js);

      // the ticket: live with JavaScript (no reload), after a refresh without
      if (js) {
        await eventually(() => phone.getByTestId("ticket-status").getAttribute("data-status")).toBe("called");
        await expectSameDocument(phone);
      } else {
        await phone.getByRole("link", { name: t("queue.ticket.refresh") }).click();
        expect(await phone.getByTestId("ticket-status").getAttribute("data-status")).toBe("called");
      }
      expect(await text(phone.getByTestId("ticket-status"))).toContain(t("queue.ticket.counter", { counter: "3" }));
      const display = await suite.page({ javaScriptEnabled: js });
      await display.goto(`/layanan/unit/${unit.id}/display`);
      expect(await text(display.locator("main"))).toContain("001");

      // served: the resident's ticket offers the satisfaction survey
      await desk
        .locator("main")
        .getByRole("button", { name: t("queue.desk.serve") })
        .click();
      await eventually(() => text(desk.locator("main"))).toContain(t("queue.desk.noneOpen"));
      if (js) await eventually(() => phone.getByTestId("ticket-status").getAttribute("data-status")).toBe("served");
      else await phone.goto(ticketPath);
      await checkPage(phone, ticketPath, js);
      const survey = phone.getByRole("link", { name: t("queue.ticket.survey") });
      expect(await survey.getAttribute("href")).toMatch(/^\/survei\/t\/[\w-]+$/);
      expect(await db().queueTicket.findFirstOrThrow({ where: { unitId: unit.id } })).toMatchObject({
        status: "served",
        serviceId: service.id,
        priority: "elderly",
        counter: "3",
      });
    }, 150_000); // with withinOneQueueDay's wait
  }

  it("the figures, digital classes and integrity pages pass axe at 360 px with JavaScript on and off", async () => {
    const unit = await aServiceUnit(db(), { name: "PTSP Angka Uji" });
    const service = await aService(db(), { unitId: unit.id, content: { name: "KTP-el Angka Uji" } });
    await aQueueTicket(db(), unit.id, service.id, { status: "served", takenAt: new Date(Date.now() - 3_600_000) });
    await aQueueTicket(db(), unit.id, service.id, { status: "no_show", takenAt: new Date(Date.now() - 3_000_000) });
    await anEvent(db(), { kind: "class", title: "Kelas digital JAKI uji" });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    for (const js of [true, false]) {
      const guest = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      await checkPage(guest, `/layanan/unit/${unit.id}/angka`, js);
      expect(await guest.locator("#fig-hours").count()).toBe(0);
      // the period form is a plain GET
      await guest.locator("main").getByLabel(t("queue.figures.from")).fill("2026-01-01");
      await guest.locator("main").getByLabel(t("queue.figures.to")).fill("2026-01-31");
      await guest
        .locator("main")
        .getByRole("button", { name: t("queue.figures.show") })
        .click();
      await guest.waitForURL(/dari=2026-01-01/);
      // with JavaScript the address changes before React has rendered the new period's figures
      await guest.locator("main").getByText(t("queue.figures.noData")).waitFor();
      expect(await text(guest.locator("main"))).toContain(t("queue.figures.noData"));
      const staff = await suite.page({ javaScriptEnabled: js, viewport: { width: 360, height: 800 } });
      await logIn(staff, supervisor);
      await checkPage(staff, `/layanan/unit/${unit.id}/angka`, js);
      expect(await staff.locator("#fig-hours").count()).toBe(1);
      await checkPage(staff, "/layanan/kelola/kelas", js);
      await checkPage(staff, `/layanan/kelola/unit/${unit.id}/integritas`, js);
    }
  });
});
