// Follow-up actions and mystery shopping on a real SQLite database (temporary folder).
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor, Role } from "~/domain/accounts/roles";
import { createLocalStore } from "~/domain/images/local.server";
import { anAspiration, aPng, aService, aServiceUnit, aUnitStaffMember, aUser } from "../../../prisma/builders";
import { createFollowUp, followUpPlan, setFollowUpStatus } from "./followup.server";
import {
  addVisitPhoto,
  getVisit,
  planVisit,
  recordVisit,
  removeVisitPhoto,
  unitVisits,
  visitPhotoFile,
  visitScore,
  zoneOf,
  type EvidenceStore,
} from "./mystery.server";
import type { Db } from "~/db/client.server";
import { withTempDatabase } from "../../../prisma/builders/temp-database";

const database = withTempDatabase("balai-skm-followup-");
const db = () => database().db;
const actor = (u: { id: number; role: string }): Actor => ({ id: u.id, role: u.role as Role });

describe("zones (Ombudsman RI, 0-1000)", () => {
  it("red up to 500, yellow 501-800, green 801-1000", () => {
    expect([0, 500, 501, 800, 801, 1000].map(zoneOf)).toEqual(["red", "red", "yellow", "yellow", "green", "green"]);
    expect(
      visitScore([
        { weight: 3, score: 100 },
        { weight: 1, score: 0 },
      ]),
    ).toBe(750);
    expect(visitScore([{ weight: 1, score: null }])).toBe(0);
  });
});

describe("mystery shopping", () => {
  it("a supervisor plans a visit with a checklist from the standard and SETIA, scores it into a zone; counter staff and planners may not", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id, content: { costAmount: 0, durationValue: 3 } });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const planner = await aUser(db(), { role: "planner" });
    const admin = await aUser(db(), { role: "admin" });
    for (const who of [counter, planner])
      await expect(planVisit(db(), actor(who), { serviceId: service.id, plannedFor: "2026-12-10", shopperName: "" })).rejects.toMatchObject({ status: 403 });
    const visit = await planVisit(db(), actor(supervisor), { serviceId: service.id, plannedFor: "2026-12-10", shopperName: "Relawan A" });
    const read = await getVisit(db(), actor(admin), visit.id);
    expect(read.items.map((i) => i.key)).toEqual([
      "requirements",
      "cost",
      "time",
      "steps",
      "maklumat",
      "setia_solusi",
      "setia_empati",
      "setia_tegas",
      "setia_inovatif",
      "setia_andal",
    ]);
    expect(read.items.find((i) => i.key === "cost")?.expected).toBe("Gratis");
    await expect(getVisit(db(), actor(counter), visit.id)).rejects.toMatchObject({ status: 403 });
    // everything met but the cost (someone asked for money): 3 of 15 weight points lost -> 800, yellow
    const result = await recordVisit(db(), actor(supervisor), visit.id, {
      notes: "Diminta uang map",
      items: read.items.map((i) => ({ id: i.id, score: i.key === "cost" ? 0 : 100, notes: i.key === "cost" ? "Diminta Rp20.000" : "" })),
    });
    expect(result).toEqual({ score: 800, zone: "yellow" });
    expect((await unitVisits(db(), actor(supervisor), unit.id)).visits[0]).toMatchObject({ status: "done", score: 800, zone: "yellow" });
  });
});

describe("follow-up actions", () => {
  it("are planned by the supervisor, linked to an aspiration and a finding, and published with their status", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const aspiration = await anAspiration(db());
    const visit = await planVisit(db(), actor(supervisor), { serviceId: service.id, plannedFor: "2026-12-10", shopperName: "" });
    const finding = (await getVisit(db(), actor(supervisor), visit.id)).items[1];
    const input = {
      unitId: unit.id,
      period: "2026-Q4",
      elementKey: "U3" as const,
      title: "Tambah satu loket pada jam sibuk",
      description: "",
      ownerName: "Kepala Satpel PTSP",
      dueOn: "2027-01-31",
      aspirationCode: aspiration.code.toLowerCase().replace("-", " "),
      checkItemId: finding.id,
    };
    await expect(createFollowUp(db(), actor(counter), input)).rejects.toMatchObject({ status: 403 });
    await expect(createFollowUp(db(), actor(supervisor), { ...input, aspirationCode: "ZZZZ-ZZZZ" })).rejects.toMatchObject({ field: "aspirationCode" });
    const action = await createFollowUp(db(), actor(supervisor), input);
    await setFollowUpStatus(db(), actor(supervisor), { actionId: action.id, status: "done" });
    const plan = await followUpPlan(db(), unit.id, "2026-Q4");
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      title: "Tambah satu loket pada jam sibuk",
      ownerName: "Kepala Satpel PTSP",
      status: "done",
      elementKey: "U3",
      findings: 1,
      aspirations: [{ code: aspiration.code, title: aspiration.title }],
    });
    expect(plan[0].doneAt).not.toBeNull();
  });
});

describe("mystery-shopping evidence photos", () => {
  it("are added per item by the unit's supervisor, read back resized only by those who may see the visit, and removed with their file", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const counter = await aUnitStaffMember(db(), unit.id, "counter");
    const planner = await aUser(db(), { role: "planner" });
    const admin = await aUser(db(), { role: "admin" });
    const store = createLocalStore(database.dir(), path.join(database.dir(), "uploads", "private"));
    const visit = await planVisit(db(), actor(supervisor), { serviceId: service.id, plannedFor: "2026-12-11", shopperName: "" });
    const [item] = (await getVisit(db(), actor(supervisor), visit.id)).items;
    const file = () => new Blob([new Uint8Array(aPng(120, 90))], { type: "image/png" });
    for (const who of [counter, planner])
      await expect(addVisitPhoto(db(), store, actor(who), visit.id, { itemId: item.id, caption: "", file: file() })).rejects.toMatchObject({ status: 403 });
    await expect(addVisitPhoto(db(), store, actor(supervisor), visit.id + 1000, { itemId: item.id, caption: "", file: file() })).rejects.toMatchObject({
      status: 404,
    });
    const photo = await addVisitPhoto(db(), store, actor(supervisor), visit.id, { itemId: item.id, caption: "Tidak ada papan biaya", file: file() });
    expect((await getVisit(db(), actor(admin), visit.id)).items[0].photos).toEqual([
      expect.objectContaining({ id: photo.id, caption: "Tidak ada papan biaya", width: 120, height: 90 }),
    ]);
    const thumb = await visitPhotoFile(db(), store, actor(admin), visit.id, photo.id, "thumb");
    expect(thumb).toContain(path.join("uploads", "private", "variants"));
    await expect(visitPhotoFile(db(), store, actor(counter), visit.id, photo.id, "thumb")).rejects.toMatchObject({ status: 403 });
    await expect(visitPhotoFile(db(), store, null, visit.id, photo.id, "thumb")).rejects.toMatchObject({ status: 403 });
    await expect(removeVisitPhoto(db(), store, actor(counter), visit.id, photo.id)).rejects.toMatchObject({ status: 403 });
    await removeVisitPhoto(db(), store, actor(supervisor), visit.id, photo.id);
    expect(await db().mysteryPhoto.count({ where: { itemId: item.id } })).toBe(0);
    expect(existsSync(path.join(database.dir(), "uploads", "private", photo.storageKey))).toBe(false);
    expect(existsSync(thumb)).toBe(false);
  });

  it("leave no file behind when the row cannot be written", async () => {
    const unit = await aServiceUnit(db());
    const service = await aService(db(), { unitId: unit.id });
    const supervisor = await aUnitStaffMember(db(), unit.id, "supervisor");
    const visit = await planVisit(db(), actor(supervisor), { serviceId: service.id, plannedFor: "2026-12-12", shopperName: "" });
    const [item] = (await getVisit(db(), actor(supervisor), visit.id)).items;
    const removed: string[] = [];
    const store: EvidenceStore = {
      save: async () => ({ provider: "local", storageKey: "a".repeat(32) + ".png", width: 1, height: 1 }),
      remove: async (image) => void removed.push(image.storageKey),
      variantFile: async () => null,
    };
    // the item disappears between the check and the insert (the visit was deleted meanwhile)
    const file = new Blob([new Uint8Array(aPng(10, 10))], { type: "image/png" });
    const broken = { ...db(), mysteryPhoto: { ...db().mysteryPhoto, create: () => Promise.reject(new Error("foreign key")) } } as unknown as Db;
    await expect(addVisitPhoto(broken, store, actor(supervisor), visit.id, { itemId: item.id, caption: "", file })).rejects.toThrow("foreign key");
    expect(removed).toEqual(["a".repeat(32) + ".png"]);
  });
});
