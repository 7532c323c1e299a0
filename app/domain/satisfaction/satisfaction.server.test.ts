// The satisfaction domain on a real SQLite database (temporary folder, removed at the end):
// answers in by every channel, figures aggregated in SQL, single-use links, kiosk
// idempotency, anomalies decided by a supervisor, alerts, rate limits and permissions.
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "~/domain/accounts/roles";
import { DomainError } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { parsePeriod, type Period } from "~/domain/periods";
import { aKioskDevice, aServedTicket, aService, aServiceUnit, aSurveySheet, aUnitStaffMember, aUser, sheetOf } from "../../../prisma/builders";
import { acknowledgeAlert, evaluateAlert } from "./alerts.server";
import { saveElementLabels } from "./desk.server";
import { figuresByUnit, getElements, heatMap, ranking, reportCard, scopeFigures, serviceUsers, trendFigures, unitResults } from "./figures.server";
import { addSheet, computeIkm, emptyTotals, type ElementKey } from "./ikm";
import { createSurveyLimits, type SurveyLimits } from "./limits";
import {
  BURST_COUNT,
  decideAnomaly,
  deviceByToken,
  enrolDevice,
  enterPaperSheet,
  moderateComment,
  recordKioskAnswers,
  revokeDevice,
  setServiceUsers,
  submitTokenSheet,
  submitWebSheet,
  visitToken,
  type AnswerContext,
} from "./responses.server";
import type { SheetInput } from "./satisfaction.schema";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-satisfaction-");
const db = () => database().db;
const mailer: Mailer = { send: async () => undefined };
const open: SurveyLimits = { web: async () => true, kiosk: async () => true };
const ctx = (now?: Date): AnswerContext => ({ limits: open, ip: "10.0.0.1", mailer, now });
const actor = (u: { id: number; role: string }): Actor => ({ id: u.id, role: u.role as Role });
const q = (text: string) => parsePeriod(text) as Period;
/** 10:00 WIB on a day of 2025 */
const wib = (day: string, time = "10:00") => new Date(`${day}T${time}:00+07:00`);

function sheetInput(scores: number | number[], extra: Partial<SheetInput> = {}): SheetInput {
  return { ...(sheetOf(scores) as Record<ElementKey, number>), ...extra } as SheetInput;
}

describe("figures", () => {
  it("are the sums and counts per element from SQL, the same as computing the sheets by hand", async () => {
    const unit = await aServiceUnit(db());
    const sheets = [
      [4, 4, 3, 4, 3, 4, 4, 4, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 3, 4, 3, 3],
      [4, 4, 4, 4, 3, 4, 4, 4, 4],
    ];
    for (const s of sheets) await submitWebSheet(db(), ctx(wib("2025-02-03")), unit.id, sheetInput(s));
    const f = await scopeFigures(db(), { unitId: unit.id, period: q("2025-Q1") });
    const byHand = emptyTotals();
    for (const s of sheets) addSheet(byHand, sheetOf(s));
    expect(f.totals).toEqual(byHand);
    expect(f.result).toEqual(computeIkm(byHand));
    expect(f.result.shown).toBe(88.89);
    expect(f.result.grade).toBe("A");
    expect(f.respondents).toBe(4);
    // outside the period: nothing
    expect((await scopeFigures(db(), { unitId: unit.id, period: q("2025-Q2") })).answers).toBe(0);
  });

  it("take a period from its first instant (WIB) up to, not including, the next one", async () => {
    const unit = await aServiceUnit(db());
    await aSurveySheet(db(), unit.id, sheetOf(4), { answeredAt: new Date("2024-12-31T17:00:00.000Z") }); // 1 Jan 2025 00:00 WIB
    await aSurveySheet(db(), unit.id, sheetOf(1), { answeredAt: new Date("2025-03-31T17:00:00.000Z") }); // 1 Apr 2025 00:00 WIB
    await aSurveySheet(db(), unit.id, sheetOf(2), { answeredAt: new Date("2025-03-31T16:59:59.999Z") });
    const f = await scopeFigures(db(), { unitId: unit.id, period: q("2025-Q1") });
    expect(f.totals.U1).toEqual({ sum: 6, count: 2 });
    const trend = await trendFigures(db(), { unitId: unit.id }, [q("2024-Q4"), q("2025-Q1"), q("2025-Q2")]);
    expect(trend.map((t) => t.answers)).toEqual([0, 2, 1]);
    expect(trend[1].totals).toEqual(f.totals);
  });

  it("counts a kiosk tap only for the elements its chips name, and not as a respondent", async () => {
    const unit = await aServiceUnit(db());
    const { device } = await aKioskDevice(db(), unit.id);
    await submitWebSheet(db(), ctx(wib("2025-01-10")), unit.id, sheetInput(3));
    await recordKioskAnswers(db(), ctx(wib("2025-01-10", "11:00")), device, [{ key: "tap-0001-abcd", score: 1, elements: ["U3", "U7"] }]);
    const f = await scopeFigures(db(), { unitId: unit.id, period: q("2025-Q1") });
    expect(f.totals.U3).toEqual({ sum: 4, count: 2 });
    expect(f.totals.U1).toEqual({ sum: 3, count: 1 });
    expect(f.respondents).toBe(1);
    expect(f.answers).toBe(2);
  });

  it("find the service users in the queue, else what staff entered, and show the sample progress", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    expect(await serviceUsers(db(), unit.id, q("2025-Q1"))).toEqual({ users: null, source: null });
    await setServiceUsers(db(), actor(counter), { unitId: unit.id, period: "2025-Q1", serviceUsers: 5000 });
    expect(await serviceUsers(db(), unit.id, q("2025-Q1"))).toEqual({ users: 5000, source: "staff" });
    for (let i = 0; i < 3; i++) await aServedTicket(db(), unit.id, service.id, { servedAt: wib("2025-03-0" + (i + 1)) });
    expect(await serviceUsers(db(), unit.id, q("2025-Q1"))).toEqual({ users: 3, source: "queue" });
    await setServiceUsers(db(), actor(counter), { unitId: unit.id, period: "2025-Q2", serviceUsers: 500 });
    for (let i = 0; i < 5; i++) await aSurveySheet(db(), unit.id, sheetOf(4), { answeredAt: wib("2025-04-02") });
    const results = await unitResults(db(), unit.id, q("2025-Q2"));
    expect(results?.sample).toEqual({ respondents: 5, needed: 217, representative: false });
  });

  it("rank the units of a period, and a report card carries its trend", async () => {
    const a = await aServiceUnit(db(), { name: "Unit A uji" });
    const b = await aServiceUnit(db(), { name: "Unit B uji" });
    await aSurveySheet(db(), a.id, sheetOf(3), { answeredAt: wib("2024-11-05") });
    await aSurveySheet(db(), a.id, sheetOf(4), { answeredAt: wib("2025-02-05") });
    await aSurveySheet(db(), b.id, sheetOf(3), { answeredAt: wib("2025-02-05") });
    const rows = (await ranking(db(), q("2025-Q1"))).filter((r) => r.unit.id === a.id || r.unit.id === b.id);
    expect(rows.map((r) => [r.unit.name, r.ikm, r.grade])).toEqual([
      ["Unit A uji", 100, "A"],
      ["Unit B uji", 75, "C"],
    ]);
    const card = await reportCard(db(), { unitId: a.id, period: q("2025-Q1"), trend: 3 });
    expect(card?.trend).toEqual([
      { period: "2024-Q3", ikm: null, grade: null, respondents: 0 },
      { period: "2024-Q4", ikm: 75, grade: "C", respondents: 1 },
      { period: "2025-Q1", ikm: 100, grade: "A", respondents: 1 },
    ]);
    const all = await figuresByUnit(db(), q("2025-Q1"));
    expect(all.get(b.id)?.result.shown).toBe(75);
  });

  it("report card: waiting and service times from the queue, assisted sessions", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    await aServedTicket(db(), unit.id, service.id, { servedAt: wib("2025-05-02"), waitMinutes: 10, serviceMinutes: 5 });
    await aServedTicket(db(), unit.id, service.id, { servedAt: wib("2025-05-03"), waitMinutes: 30, serviceMinutes: 15 });
    await db().helpdeskSession.create({ data: { unitId: unit.id, onlineService: "jaki", canDoAlone: "yes", startedAt: wib("2025-05-02") } });
    const card = await reportCard(db(), { unitId: unit.id, period: q("2025-Q2") });
    expect(card?.counter).toMatchObject({ visits: 2, waitingMinutes: 20, serviceMinutes: 10, assistedSessions: 1, canDoAloneShare: 1 });
  });

  it("heat map: answers by weekday and hour in WIB", async () => {
    const unit = await aServiceUnit(db());
    // 2025-01-06 is a Monday; 08:30 WIB is 01:30 UTC
    await aSurveySheet(db(), unit.id, sheetOf(1), { answeredAt: wib("2025-01-06", "08:30") });
    await aSurveySheet(db(), unit.id, sheetOf(4), { answeredAt: wib("2025-01-06", "08:45") });
    // WIB's day and hour, not UTC's: Sunday 23:30 WIB is Sunday 16:30 UTC, Monday 00:30 WIB still Sunday in UTC
    await aSurveySheet(db(), unit.id, sheetOf(2), { answeredAt: wib("2025-01-05", "23:30") });
    await aSurveySheet(db(), unit.id, sheetOf(3), { answeredAt: wib("2025-01-13", "00:30") });
    const excluded = await aSurveySheet(db(), unit.id, sheetOf(1), { answeredAt: wib("2025-01-06", "08:50") });
    await db().surveyResponse.update({ where: { id: excluded.id }, data: { excluded: true } });
    const map = await heatMap(db(), unit.id, q("2025-Q1"));
    expect(map.cells[0][8]).toEqual({ answers: 2, negative: 1 });
    expect(map.cells[6][23]).toEqual({ answers: 1, negative: 1 });
    expect(map.cells[0][0]).toEqual({ answers: 1, negative: 0 });
    expect(map.total).toBe(4);
    expect(map.max).toBe(2);
    expect(map.hours[0]).toBe(0);
    expect(map.hours.at(-1)).toBe(23);
  });
});

describe("single-use links after a queue visit", () => {
  it("answer once, as a queue visit, and move the figures", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const ticket = await aServedTicket(db(), unit.id, service.id);
    const token = await visitToken(db(), actor(counter), ticket.id);
    expect((await visitToken(db(), actor(counter), ticket.id)).token).toBe(token.token); // one per visit
    await submitTokenSheet(db(), ctx(), token.token, sheetInput(4, { comment: "Cepat sekali" }));
    await expect(submitTokenSheet(db(), ctx(), token.token, sheetInput(1))).rejects.toMatchObject({ messageKey: "satisfaction.token.used", status: 409 });
    const rows = await db().surveyResponse.findMany({ where: { unitId: unit.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "queue", serviceId: service.id, complete: true, commentStatus: "pending" });
  });

  it("are refused for visits not served, unknown tokens, and staff of another unit", async () => {
    const unit = await aServiceUnit(db());
    const other = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const stranger = await aUnitStaffMember(db(), other.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const ticket = await aServedTicket(db(), unit.id, service.id);
    await expect(visitToken(db(), actor(stranger), ticket.id)).rejects.toMatchObject({ status: 403 });
    await db().queueTicket.update({ where: { id: ticket.id }, data: { status: "waiting" } });
    await expect(visitToken(db(), actor(counter), ticket.id)).rejects.toMatchObject({ messageKey: "satisfaction.ticket.notServed" });
    await expect(submitTokenSheet(db(), ctx(), "tidak-ada", sheetInput(3))).rejects.toMatchObject({ status: 404 });
  });
});

describe("kiosk", () => {
  it("stores each answer once, whatever the number of times the device sends it", async () => {
    const unit = await aServiceUnit(db());
    const { device, token } = await aKioskDevice(db(), unit.id);
    const answers = [
      { key: "offline-key-0001", score: 4, elements: [] as ElementKey[], answeredAt: new Date(Date.now() - 600_000).toISOString() },
      { key: "offline-key-0002", score: 2, elements: ["U3"] as ElementKey[] },
    ];
    const first = await recordKioskAnswers(db(), ctx(), device, answers);
    expect(first).toEqual({ stored: ["offline-key-0001", "offline-key-0002"], duplicates: [] });
    const again = await recordKioskAnswers(db(), ctx(), device, [...answers, { key: "offline-key-0003", score: 3, elements: [] }]);
    expect(again.stored).toEqual(["offline-key-0003"]);
    expect(again.duplicates.sort()).toEqual(["offline-key-0001", "offline-key-0002"]);
    expect(await db().surveyResponse.count({ where: { deviceId: device.id } })).toBe(3);
    const late = await db().surveyResponse.findFirst({ where: { clientKey: "offline-key-0001" } });
    expect(late!.answeredAt.getTime()).toBeLessThan(Date.now() - 500_000); // keeps the time it was given
    expect((await deviceByToken(db(), token))?.id).toBe(device.id);
  });

  it("is enrolled and revoked by unit staff only; a revoked token is no device", async () => {
    const unit = await aServiceUnit(db());
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const resident = await aUser(db());
    await expect(enrolDevice(db(), actor(resident), { unitId: unit.id, name: "Tablet loket" })).rejects.toMatchObject({ status: 403 });
    const { device, token } = await enrolDevice(db(), actor(counter), { unitId: unit.id, name: "Tablet loket" });
    expect(device.tokenHash).not.toContain(token);
    expect((await deviceByToken(db(), token))?.unitId).toBe(unit.id);
    await revokeDevice(db(), actor(counter), device.id);
    expect(await deviceByToken(db(), token)).toBeNull();
  });

  it("flags twenty identical answers within a minute; they count until a supervisor's recorded decision excludes them", async () => {
    const unit = await aServiceUnit(db());
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const { device } = await aKioskDevice(db(), unit.id);
    const start = wib("2025-02-10", "09:00").getTime();
    await recordKioskAnswers(db(), ctx(new Date(start + 120_000)), device, [
      { key: "honest-answer-1", score: 3, elements: ["U1"], answeredAt: new Date(start - 3_600_000).toISOString() },
    ]);
    const burst = Array.from({ length: BURST_COUNT }, (_, i) => ({
      key: `burst-key-${String(i).padStart(4, "0")}`,
      score: 1,
      elements: ["U1"] as ElementKey[],
      answeredAt: new Date(start + i * 2000).toISOString(),
    }));
    await recordKioskAnswers(db(), ctx(new Date(start + 120_000)), device, burst);
    const anomaly = await db().surveyAnomaly.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(await db().surveyResponse.count({ where: { anomalyId: anomaly.id } })).toBe(BURST_COUNT);
    const period = q("2025-Q1");
    expect((await scopeFigures(db(), { unitId: unit.id, period })).totals.U1.count).toBe(21); // still counted
    await expect(decideAnomaly(db(), actor(counter), { anomalyId: anomaly.id, decision: "excluded", note: "tombol ditekan berulang" })).rejects.toMatchObject({
      status: 403,
    });
    await decideAnomaly(db(), actor(supervisor), { anomalyId: anomaly.id, decision: "excluded", note: "tombol ditekan berulang" });
    expect((await scopeFigures(db(), { unitId: unit.id, period })).totals.U1).toEqual({ sum: 3, count: 1 });
    expect(await db().surveyAnomaly.findUniqueOrThrow({ where: { id: anomaly.id } })).toMatchObject({
      status: "excluded",
      decidedById: supervisor.id,
      decisionNote: "tombol ditekan berulang",
    });
    await expect(decideAnomaly(db(), actor(supervisor), { anomalyId: anomaly.id, decision: "kept", note: "berubah pikiran" })).rejects.toMatchObject({
      status: 409,
    });
  });

  it("refuses a device over its rate limit", async () => {
    const unit = await aServiceUnit(db());
    const { device } = await aKioskDevice(db(), unit.id);
    const limits = createSurveyLimits({ webPerIpPer10Min: 1, kioskPerDevicePerMinute: 1, kioskPerIpPerMinute: 100 });
    const c = { limits, ip: "10.1.1.1", mailer };
    await recordKioskAnswers(db(), c, device, [{ key: "rate-key-0001", score: 3, elements: [] }]);
    await expect(recordKioskAnswers(db(), c, device, [{ key: "rate-key-0002", score: 3, elements: [] }])).rejects.toMatchObject({ status: 429 });
    await submitWebSheet(db(), c, unit.id, sheetInput(3));
    await expect(submitWebSheet(db(), c, unit.id, sheetInput(3))).rejects.toMatchObject({ messageKey: "satisfaction.rateLimited" });
  });
});

describe("alerts", () => {
  it("tell the supervisor when negative answers pass the threshold; acknowledged; closed when figures recover", async () => {
    const unit = await aServiceUnit(db());
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const { device } = await aKioskDevice(db(), unit.id);
    const now = new Date();
    const taps = (score: number, n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => ({
        key: `${prefix}-${String(i).padStart(4, "0")}`,
        score,
        elements: [] as ElementKey[],
        answeredAt: new Date(now.getTime() - (n - i) * 90_000).toISOString(),
      }));
    await recordKioskAnswers(db(), ctx(now), device, taps(1, 6, "neg"));
    expect(await db().surveyAlert.count({ where: { unitId: unit.id } })).toBe(0); // too few answers yet
    await recordKioskAnswers(db(), ctx(now), device, taps(4, 5, "pos"));
    const alert = await db().surveyAlert.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(alert.closedAt).toBeNull();
    const notes = await db().notification.findMany({ where: { userId: supervisor.id } });
    expect(notes.map((n) => n.messageKey)).toEqual(["satisfaction.alert.notify"]);
    await expect(acknowledgeAlert(db(), actor(counter), { alertId: alert.id, comment: "sudah dicek" })).rejects.toBeInstanceOf(DomainError);
    await acknowledgeAlert(db(), actor(supervisor), { alertId: alert.id, comment: "Loket 2 kekurangan petugas, sudah ditambah." });
    await recordKioskAnswers(db(), ctx(now), device, taps(4, 10, "good"));
    const closed = await db().surveyAlert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(closed).toMatchObject({ acknowledgedById: supervisor.id, comment: "Loket 2 kekurangan petugas, sudah ditambah." });
    expect(closed.closedAt).not.toBeNull();
    expect(await evaluateAlert(db(), mailer, unit.id, now)).toBeNull();
  });
});

describe("staff actions", () => {
  it("paper forms are entered by unit staff, with the day they were filled in", async () => {
    const unit = await aServiceUnit(db());
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const planner = await aUser(db(), { role: "planner" });
    const resident = await aUser(db());
    await enterPaperSheet(db(), actor(counter), { mailer }, unit.id, { ...sheetInput(3), answeredOn: "2025-03-03" });
    await enterPaperSheet(db(), actor(planner), { mailer }, unit.id, sheetInput(4));
    await expect(enterPaperSheet(db(), actor(resident), { mailer }, unit.id, sheetInput(4))).rejects.toMatchObject({ status: 403 });
    const row = await db().surveyResponse.findFirstOrThrow({ where: { unitId: unit.id, enteredById: counter.id } });
    expect(row).toMatchObject({ channel: "paper", answeredAt: wib("2025-03-03", "12:00") });
    await expect(enterPaperSheet(db(), actor(counter), { mailer }, unit.id, { ...sheetInput(3), answeredOn: "2999-01-01" })).rejects.toMatchObject({
      field: "answeredOn",
    });
  });

  it("comments are published only once approved, without anything about the respondent", async () => {
    const unit = await aServiceUnit(db());
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const row = await aSurveySheet(db(), unit.id, sheetOf(4), { answeredAt: wib("2025-07-01"), comment: "Petugas ramah", ageGroup: "30-39" });
    expect((await unitResults(db(), unit.id, q("2025-Q3")))?.comments).toEqual([]);
    await moderateComment(db(), actor(supervisor), { responseId: row.id, status: "approved" });
    const results = await unitResults(db(), unit.id, q("2025-Q3"));
    expect(results?.comments).toEqual([{ id: row.id, comment: "Petugas ramah", answeredAt: row.answeredAt }]);
    expect(results?.profile.ageGroup.find((p) => p.value === "30-39")?.count).toBe(1);
  });

  it("element labels are edited by admins only, by key; values stay 1-4", async () => {
    const admin = await aUser(db(), { role: "admin" });
    const planner = await aUser(db(), { role: "planner" });
    const u8 = (await getElements(db())).find((e) => e.key === "U8")!;
    const input = {
      key: "U8" as const,
      position: 9,
      nameId: "Sarana dan prasarana",
      nameEn: "Facilities",
      questionId: "Bagaimana kenyamanan ruang tunggu?",
      questionEn: "How comfortable is the waiting room?",
      answer1Id: u8.answers.id[0],
      answer2Id: u8.answers.id[1],
      answer3Id: u8.answers.id[2],
      answer4Id: "Sangat nyaman",
      answer1En: u8.answers.en[0],
      answer2En: u8.answers.en[1],
      answer3En: u8.answers.en[2],
      answer4En: "Very comfortable",
    };
    await expect(saveElementLabels(db(), actor(planner), input)).rejects.toMatchObject({ status: 403 });
    await saveElementLabels(db(), actor(admin), input);
    const elements = await getElements(db());
    const saved = elements.find((e) => e.key === "U8");
    expect(saved).toMatchObject({ position: 9, question: { id: "Bagaimana kenyamanan ruang tunggu?" } });
    expect(saved?.answers.id[3]).toBe("Sangat nyaman");
    expect(elements.map((e) => e.key).slice(-2)).toEqual(["U8", "U9"]); // shown in the new order
    expect(elements.map((e) => e.key)).toHaveLength(9);
  });
});
