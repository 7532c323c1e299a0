// Satisfaction in a real browser: the web survey with JavaScript off and on, a link
// after a queue visit on a phone, the staff pages and results (axe on every page), and
// the kiosk: enrolled from the desk, answered through a network drop (the answer waits
// on the tablet and is sent once when the network is back, never counted twice).
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { ELEMENT_KEYS } from "~/domain/satisfaction/ikm";
import { issueVisitToken } from "~/domain/satisfaction/responses.server";
import { aPng, aServedTicket, aService, aServiceUnit, aSurveySheet, aUnitStaffMember, aUser, sheetOf, unique } from "../../prisma/builders";
import { allowConsoleErrors, browserSuite, eventually, expectNoSeriousA11yViolations, logIn, waitForHydration } from "./support";

const suite = browserSuite({ env: { BALAI_SEED: "0", RATE_LIMIT_LOGIN: "500", RATE_LIMIT_WRITES: "5000" } });
const t = translator("id");
const main = (page: Page) => page.locator("main");
const db = () => suite.database.db;

let unit: { id: number; name: string };
let serviceId: number;

beforeAll(async () => {
  const u = await aServiceUnit(db(), { name: `PTSP Uji Peramban ${unique()}` });
  unit = { id: u.id, name: u.name };
  serviceId = (await aService(db(), { unitId: u.id, content: { name: "Akta Kelahiran Uji" } })).id;
  for (let i = 0; i < 6; i++)
    await aSurveySheet(db(), u.id, sheetOf([4, 3, 3, 4, 3, 4, 4, 3, 3]), {
      serviceId,
      comment: i === 0 ? "Pelayanan cepat" : undefined,
      commentStatus: "approved",
    });
});

async function answerSheet(page: Page, score: number) {
  for (const key of ELEMENT_KEYS) await main(page).locator(`input[name="${key}"][value="${score}"]`).check();
}

describe("the web survey", () => {
  for (const js of [false, true]) {
    it(`is answered and its results shown (JavaScript ${js ? "on" : "off"})`, async () => {
      const page = await suite.page({ javaScriptEnabled: js });
      allowConsoleErrors(page, /status of 400/);
      await page.goto("/survei");
      await expectNoSeriousA11yViolations(page, `/survei, JS ${js}`);
      await main(page)
        .getByRole("link", { name: `${t("satisfaction.answer")}: ${unit.name}` })
        .click();
      await page.waitForURL(`**/survei/unit/${unit.id}`);
      if (js) await waitForHydration(page);
      await expectNoSeriousA11yViolations(page, `/survei/unit, JS ${js}`);
      // a missing answer: refused next to it, what was chosen kept
      for (const key of ELEMENT_KEYS.slice(0, 8)) await main(page).locator(`input[name="${key}"][value="3"]`).check();
      await main(page)
        .getByRole("button", { name: t("satisfaction.form.submit") })
        .click();
      await eventually(() => main(page).getByText(t("satisfaction.validation.score")).count()).toBe(1);
      expect(await main(page).locator('input[name="U1"][value="3"]').isChecked()).toBe(true);
      await expectNoSeriousA11yViolations(page, `/survei/unit with an error, JS ${js}`);
      await answerSheet(page, 4);
      await main(page).getByLabel(t("satisfaction.form.ageGroup")).selectOption("30-39");
      await main(page)
        .getByRole("button", { name: t("satisfaction.form.submit") })
        .click();
      await page.waitForURL(`**/survei/hasil/${unit.id}`);
      await eventually(() => page.getByText(t("satisfaction.form.thanks")).count()).toBe(1);
      expect(await main(page).locator(".skm-ikm-value").innerText()).toMatch(/^\d{2},\d{2}$/);
      expect(await main(page).innerText()).toContain("Pelayanan cepat");
      await expectNoSeriousA11yViolations(page, `/survei/hasil, JS ${js}`);
      await page.goto("/survei/rapor");
      await expectNoSeriousA11yViolations(page, `/survei/rapor, JS ${js}`);
      await page.goto(`/survei/rapor/${unit.id}`);
      expect(await main(page).locator("svg[role=img] title").count()).toBeGreaterThan(1);
      await expectNoSeriousA11yViolations(page, `/survei/rapor/<id>, JS ${js}`);
      await page.goto("/survei/laporan");
      expect(await main(page).innerText()).toContain(unit.name);
      await expectNoSeriousA11yViolations(page, `/survei/laporan, JS ${js}`);
    });
  }

  it("after a queue visit: a phone opens the link, answers once", async () => {
    const ticket = await aServedTicket(db(), unit.id, serviceId);
    const { token } = await issueVisitToken(db(), ticket);
    const page = await suite.page({ viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto(`/survei/t/${token}`);
    await waitForHydration(page);
    expect(await main(page).innerText()).toContain("Akta Kelahiran Uji");
    await expectNoSeriousA11yViolations(page, "/survei/t/<token>");
    await answerSheet(page, 3);
    await main(page)
      .getByRole("button", { name: t("satisfaction.form.submit") })
      .click();
    await page.waitForURL(`**/survei/hasil/${unit.id}`);
    await page.goto(`/survei/t/${token}`);
    expect(await main(page).innerText()).toContain(t("satisfaction.token.usedTitle"));
    expect(await db().surveyResponse.count({ where: { tokenId: { not: null }, unitId: unit.id } })).toBe(1);
  });
});

describe("staff pages", () => {
  for (const js of [false, true]) {
    it(`the desk, paper entry and element labels pass axe (JavaScript ${js ? "on" : "off"})`, async () => {
      const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
      await db().surveyAlert.create({ data: { unitId: unit.id, threshold: 0.4, windowMinutes: 60, negativeShare: 0.9, answers: 12 } });
      await db().surveyAnomaly.create({ data: { unitId: unit.id, kind: "identical_burst", windowStart: new Date(), windowEnd: new Date() } });
      await aSurveySheet(db(), unit.id, sheetOf(2), { comment: `Antrean lama ${unique()}` });
      const page = await suite.page({ javaScriptEnabled: js });
      await logIn(page, supervisor);
      await page.goto(`/survei/kelola/${unit.id}`);
      await expectNoSeriousA11yViolations(page, `desk, JS ${js}`);
      await main(page)
        .getByRole("link", { name: t("satisfaction.desk.paper") })
        .click();
      await page.waitForURL(`**/kertas`);
      await answerSheet(page, 2);
      await main(page)
        .getByRole("button", { name: t("satisfaction.form.submit") })
        .click();
      await eventually(() => page.getByText(t("satisfaction.desk.paperSaved")).count()).toBe(1);
      await expectNoSeriousA11yViolations(page, `paper entry, JS ${js}`);
      const admin = await aUser(db(), { role: "admin" });
      const adminPage = await suite.page({ javaScriptEnabled: js });
      await logIn(adminPage, admin);
      await adminPage.goto("/survei/kelola/unsur");
      await expectNoSeriousA11yViolations(adminPage, `element labels, JS ${js}`);
      // follow-up plan and mystery shopping
      await page.goto(`/survei/kelola/${unit.id}`);
      await main(page).getByLabel(t("satisfaction.followUp.actionTitle")).fill(`Tambah loket pagi ${unique()}`);
      await main(page).getByLabel(t("satisfaction.followUp.owner")).fill("Kepala Satpel PTSP");
      await main(page).getByLabel(t("satisfaction.followUp.due")).fill("2027-01-31");
      await main(page)
        .getByRole("button", { name: t("satisfaction.followUp.save") })
        .click();
      await eventually(() => page.getByText(t("satisfaction.followUp.saved")).count()).toBe(1);
      await page.goto(`/survei/hasil/${unit.id}`);
      expect(await main(page).innerText()).toContain("Kepala Satpel PTSP");
      await expectNoSeriousA11yViolations(page, `results with the follow-up plan, JS ${js}`);
      await main(page)
        .getByRole("link", { name: t("satisfaction.skm.open") })
        .click();
      await page.waitForURL(/\/survei\/hasil\/\d+\/laporan/);
      // with JavaScript, the address changes before React renders the report
      await eventually(() => main(page).innerText()).toContain(t("satisfaction.skm.sampleNeeded"));
      await expectNoSeriousA11yViolations(page, `printable SKM report, JS ${js}`);
      await page.goto(`/survei/kelola/${unit.id}/misteri`);
      await main(page).getByLabel(t("satisfaction.mystery.plannedFor")).fill("2027-01-10");
      await main(page)
        .getByRole("button", { name: t("satisfaction.mystery.plan") })
        .click();
      await page.waitForURL(/\/survei\/kelola\/misteri\/\d+$/);
      await expectNoSeriousA11yViolations(page, `mystery visit, JS ${js}`);
      // a photo as evidence, sent as a plain multipart form, shown through the authorized route
      await main(page)
        .getByLabel(t("satisfaction.mystery.photo.file"))
        .setInputFiles({ name: "bukti.png", mimeType: "image/png", buffer: aPng(240, 180) });
      await main(page).getByLabel(t("satisfaction.mystery.photo.caption")).fill("Papan Maklumat tidak dipajang");
      await main(page)
        .getByRole("button", { name: t("satisfaction.mystery.photo.upload") })
        .click();
      await eventually(() => page.getByText(t("satisfaction.mystery.photo.uploaded")).count()).toBe(1);
      const evidence = main(page).getByRole("img", { name: "Papan Maklumat tidak dipajang" });
      // loaded (naturalWidth is 0 for a refused or broken image; srcset density scales it otherwise)
      await eventually(() => evidence.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await expectNoSeriousA11yViolations(page, `mystery visit with a photo, JS ${js}`);
      for (const input of await main(page).getByLabel(t("satisfaction.mystery.score")).all()) await input.fill("100");
      await main(page)
        .getByRole("button", { name: t("satisfaction.mystery.record") })
        .click();
      await eventually(() => main(page).getByText("Nilai 1000 dari 1000 · zona hijau").count()).toBe(1);
      await page.goto(`/survei/kelola/${unit.id}/misteri`);
      await expectNoSeriousA11yViolations(page, `mystery visits, JS ${js}`);
    });
  }
});

describe("the kiosk", () => {
  it("without JavaScript: a face, the why step, thanks", async () => {
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const page = await suite.page({ javaScriptEnabled: false });
    await logIn(page, counter);
    await page.goto(`/survei/kelola/${unit.id}`);
    await main(page).getByLabel(t("satisfaction.desk.kioskName")).fill("Tablet tanpa JS");
    await main(page)
      .getByRole("button", { name: t("satisfaction.desk.kioskEnrol") })
      .click();
    await page.waitForURL("**/kiosk");
    await expectNoSeriousA11yViolations(page, "/kiosk, no JavaScript");
    await page.getByRole("button", { name: t("satisfaction.kiosk.face.2") }).click();
    await page.waitForURL(/step=why/);
    await page.getByLabel("Waktu penyelesaian").check();
    await expectNoSeriousA11yViolations(page, "/kiosk why, no JavaScript");
    await page.getByRole("button", { name: t("satisfaction.kiosk.send") }).click();
    await page.waitForURL(/step=thanks/);
    const device = await db().kioskDevice.findFirstOrThrow({ where: { name: "Tablet tanpa JS" } });
    expect(await db().surveyResponse.findFirstOrThrow({ where: { deviceId: device.id } })).toMatchObject({ overall: 2, u3: 2 });
  });

  it("keeps answers on the tablet through a network drop and sends each once", async () => {
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const page = await suite.page();
    // the sync attempts while offline fail on purpose
    allowConsoleErrors(page, /ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/);
    await logIn(page, counter);
    await page.goto(`/survei/kelola/${unit.id}`);
    await main(page).getByLabel(t("satisfaction.desk.kioskName")).fill("Tablet loket JS");
    await main(page)
      .getByRole("button", { name: t("satisfaction.desk.kioskEnrol") })
      .click();
    await page.waitForURL("**/kiosk");
    await waitForHydration(page);
    await expectNoSeriousA11yViolations(page, "/kiosk");
    const device = await db().kioskDevice.findFirstOrThrow({ where: { name: "Tablet loket JS" } });
    const stored = () => db().surveyResponse.count({ where: { deviceId: device.id } });
    const queued = () => page.evaluate(() => JSON.parse(localStorage.getItem("balai.kiosk.queue") ?? "[]").length as number);

    await page.context().setOffline(true);
    await page.getByRole("button", { name: t("satisfaction.kiosk.face.4") }).click();
    await page.getByRole("button", { name: "Perilaku pelaksana" }).click();
    expect(await page.getByRole("button", { name: "Perilaku pelaksana" }).getAttribute("aria-pressed")).toBe("true");
    await expectNoSeriousA11yViolations(page, "/kiosk why");
    await page.getByRole("button", { name: t("satisfaction.kiosk.send") }).click();
    await eventually(() => page.getByText(t("satisfaction.kiosk.thanks")).count()).toBe(1);
    await eventually(() => page.getByText(t("satisfaction.kiosk.offline")).count()).toBe(1);
    // the cooldown ends, a second person answers, still offline
    await page.getByRole("button", { name: t("satisfaction.kiosk.face.1") }).click({ timeout: 8000 });
    await page.getByRole("button", { name: t("satisfaction.kiosk.skip") }).click();
    expect(await queued()).toBe(2);
    expect(await stored()).toBe(0);

    await page.context().setOffline(false);
    await eventually(stored, 20_000).toBe(2);
    await eventually(queued).toBe(0);
    const rows = await db().surveyResponse.findMany({ where: { deviceId: device.id }, orderBy: { answeredAt: "asc" } });
    expect(rows.map((r) => [r.overall, r.u7])).toEqual([
      [4, 4],
      [1, null],
    ]);

    // the acknowledgement was lost: the tablet sends the same answer again, it is not counted twice
    await page.evaluate(
      (key) => localStorage.setItem("balai.kiosk.queue", JSON.stringify([{ key, score: 4, elements: ["U7"], answeredAt: new Date().toISOString() }])),
      rows[0].clientKey,
    );
    await page.reload();
    await waitForHydration(page);
    await eventually(queued).toBe(0);
    expect(await stored()).toBe(2);
  });
});
