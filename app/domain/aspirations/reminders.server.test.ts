// Deadline reminders: staff are reminded once per deadline within the last day before
// it, not after it was met, not for grouped members; integrity reports only reach the
// unit's supervisors and admins; the messages carry the code and the time, no content.
import { describe, expect, it } from "vitest";
import { anAspiration, aUser } from "../../../prisma/builders";
import { aServiceUnit, aUnitStaffMember } from "../../../prisma/builders/services";
import { remindDeadlines } from "./reminders.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-remind-");
const db = () => database().db;

const hours = (h: number, from: Date) => new Date(from.getTime() + h * 3600_000);

async function notesOf(userId: number) {
  return db().notification.findMany({ where: { userId }, orderBy: { id: "asc" } });
}

describe("deadline reminders", () => {
  it("remind the staff once per deadline in its last day, and not when it was met, far off, past or grouped", async () => {
    const now = new Date("2026-12-07T02:00:00.000Z"); // Monday 09.00 WIB
    const moderator = await aUser(db(), { role: "moderator" });
    const planner = await aUser(db(), { role: "planner" });
    const resident = await aUser(db());
    const soon = await anAspiration(db(), { createdAt: hours(-40, now) });
    await db().aspiration.update({ where: { id: soon.id }, data: { verifyDueAt: hours(5, now), responseDueAt: hours(30, now) } });
    const verified = await anAspiration(db(), { status: "verified", createdAt: hours(-40, now) });
    await db().aspiration.update({ where: { id: verified.id }, data: { verifyDueAt: hours(3, now), responseDueAt: hours(20, now) } });
    const farOff = await anAspiration(db(), { createdAt: now });
    await db().aspiration.update({ where: { id: farOff.id }, data: { verifyDueAt: hours(48, now), responseDueAt: hours(200, now) } });
    const late = await anAspiration(db(), { createdAt: hours(-100, now) });
    await db().aspiration.update({ where: { id: late.id }, data: { verifyDueAt: hours(-2, now), responseDueAt: hours(-1, now) } });
    const member = await anAspiration(db(), { createdAt: hours(-40, now) });
    await db().aspiration.update({ where: { id: member.id }, data: { groupPrimaryId: soon.id, verifyDueAt: hours(4, now), responseDueAt: hours(6, now) } });

    const first = await remindDeadlines(db(), now);
    expect(first).toMatch(/^2 deadlines/); // soon's verification, verified's first follow-up
    for (const staff of [moderator, planner]) {
      const notes = await notesOf(staff.id);
      expect(notes.map((n) => [n.messageKey, JSON.parse(n.params) as unknown, n.link])).toEqual([
        ["jobs.reminder.verifySoon", { code: soon.code, dueAt: hours(5, now).toISOString() }, `/aspirations/${soon.code}/manage`],
        ["jobs.reminder.responseSoon", { code: verified.code, dueAt: hours(20, now).toISOString() }, `/aspirations/${verified.code}/manage`],
      ]);
      // the message is about the code and the time, not the content
      expect(notes.every((n) => !n.params.includes(soon.title))).toBe(true);
    }
    expect(await notesOf(resident.id)).toEqual([]);

    // the next run (or another instance) sends nothing again
    await remindDeadlines(db(), hours(1, now));
    expect(await notesOf(moderator.id)).toHaveLength(2);
    // a day later soon's first follow-up is within a day: that one is new
    await remindDeadlines(db(), hours(7, now));
    expect((await notesOf(moderator.id)).map((n) => n.messageKey)).toEqual([
      "jobs.reminder.verifySoon",
      "jobs.reminder.responseSoon",
      "jobs.reminder.responseSoon",
    ]);
    // a deadline that moved is reminded again
    await db().aspiration.update({ where: { id: verified.id }, data: { responseDueAt: hours(22, now) } });
    await remindDeadlines(db(), hours(7, now));
    expect(await notesOf(moderator.id)).toHaveLength(4);
    // e-mail goes through the outbox for staff with an address
    const staffMail = await db().outboxMessage.count({ where: { recipientRef: `user:${moderator.id}`, channel: "email" } });
    expect(staffMail).toBe(moderator.email ? 4 : 0);
  });

  it("remind only the unit's supervisors and admins of an integrity report", async () => {
    const now = new Date("2026-12-14T02:00:00.000Z");
    const unit = await aServiceUnit(db());
    const otherUnit = await aServiceUnit(db());
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const otherSupervisor = await aUnitStaffMember(db(), otherUnit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const admin = await aUser(db(), { role: "admin" });
    const moderator = await aUser(db(), { role: "moderator" });
    const report = await anAspiration(db(), { createdAt: hours(-30, now) });
    await db().aspiration.update({ where: { id: report.id }, data: { integrityUnitId: unit.id, verifyDueAt: hours(2, now), responseDueAt: hours(100, now) } });

    await remindDeadlines(db(), now);
    for (const u of [supervisor, admin]) expect((await notesOf(u.id)).map((n) => n.link)).toContain(`/aspirations/${report.code}/manage`);
    for (const u of [otherSupervisor, counter, moderator]) expect((await notesOf(u.id)).map((n) => n.link)).not.toContain(`/aspirations/${report.code}/manage`);
  });
});
