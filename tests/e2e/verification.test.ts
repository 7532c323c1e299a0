// Contacts verified by a code and residency verified at the desk, in a real browser:
// the profile page's contact state, a wrong code next to its field, "kirim ulang",
// and the desk page, each checked with axe (WCAG 2.1 AA), in both languages.
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { aKelurahan, aStaffMember, aUser } from "../../prisma/builders";
import { allowConsoleErrors, browserSuite, expectNoSeriousA11yViolations, logIn, text } from "./support";

const suite = browserSuite();
const db = () => suite.database.db;
const t = translator("id");
const en = translator("en");

describe("contacts and residency verification", () => {
  it("shows an unverified contact, refuses a wrong code next to its field, and sends the code again", async () => {
    const resident = await aUser(db(), { unverified: true });
    const page = await suite.page();
    allowConsoleErrors(page, /status of 400/); // the wrong code's answer
    await logIn(page, resident);
    await page.goto("/account");
    const main = page.locator("main");
    expect(await text(main)).toContain(t("channels.contact.unverified"));
    await expectNoSeriousA11yViolations(page, "/account (unverified)");
    await main.getByLabel(t("channels.contact.code"), { exact: true }).fill("000000");
    await main.getByRole("button", { name: t("channels.contact.confirm"), exact: true }).click();
    await page.locator(".field-error").first().waitFor();
    expect(await text(page.locator(".field-error").first())).toContain("Kode salah");
    await expectNoSeriousA11yViolations(page, "/account (wrong code)");
    await main.getByRole("button", { name: t("channels.contact.resend"), exact: true }).click();
    await page.getByText(t("channels.contact.sent")).waitFor();
  });

  it("lets counter staff find a resident and mark their residency as verified, in English too", async () => {
    const kelurahan = await aKelurahan(db(), { rwCount: 1 });
    const resident = await aUser(db(), { kelurahanId: kelurahan.id, rwId: kelurahan.rws[0].id });
    const counter = await aStaffMember(db(), "counter");
    const page = await suite.page();
    await logIn(page, counter, "en");
    await page.goto(`/residents/verify?q=${encodeURIComponent(resident.name)}`);
    const main = page.locator("main");
    expect(await text(main)).toContain(en("agenda.residency.unverified"));
    await expectNoSeriousA11yViolations(page, "/residents/verify");
    await main.getByRole("button", { name: `${en("agenda.residency.verify")}: ${resident.name}` }).click();
    await page.getByText(en("agenda.residency.verified", { name: resident.name })).waitFor();
    expect(await text(main)).toContain(en("agenda.residency.revoke"));
    await expectNoSeriousA11yViolations(page, "/residents/verify (verified)");
  });
});
