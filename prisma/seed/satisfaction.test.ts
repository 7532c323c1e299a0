// The satisfaction demo: the study's reference figure holds exactly (Duren Sawit,
// 2025-Q1, IKM 92.74, A), both units have a trend, the seed stays fast.
import { expect, it } from "vitest";
import { parsePeriod, type Period } from "~/domain/periods";
import { ranking, reportCard, scopeFigures } from "~/domain/satisfaction/figures.server";
import { aService, aServiceUnit, aUser } from "../builders";
import type { SeedContext } from "./foundation";
import { seedSatisfaction, sheetsFor } from "./satisfaction";
import { withTempDatabase } from "../builders/temp-database";

const database = withTempDatabase("balai-seed-skm-");

it("finds a sample size that gives the exact figure", () => {
  const { n, total } = sheetsFor(92.74, 250);
  expect(Math.round(((total * 25) / (9 * n)) * 100) / 100).toBe(92.74);
});

it("seeds Duren Sawit and Cakung with a trend; Duren Sawit 2025-Q1 is 92.74 (A)", async () => {
  const db = database().db;
  const duren = await aServiceUnit(db, { slug: "ptsp-duren-sawit", name: "PTSP Kecamatan Duren Sawit" });
  const cakung = await aServiceUnit(db, { slug: "ptsp-cakung", name: "PTSP Kecamatan Cakung" });
  await aService(db, { unitId: duren.id });
  await aService(db, { unitId: cakung.id });
  const admin = await aUser(db, { role: "admin" });
  const ctx = { users: { admin: admin.id } } as unknown as SeedContext;
  const started = Date.now();
  await seedSatisfaction(db, ctx, new Date("2026-12-01T05:00:00Z"));
  expect(Date.now() - started).toBeLessThan(3000);
  const q1 = parsePeriod("2025-Q1") as Period;
  const f = await scopeFigures(db, { unitId: duren.id, period: q1 });
  expect(f.result.shown).toBe(92.74);
  expect(f.result.grade).toBe("A");
  const card = await reportCard(db, { unitId: cakung.id, period: parsePeriod("2026-Q3") as Period });
  expect(card?.trend.filter((p) => p.ikm !== null).length).toBe(7);
  expect(card?.figures.result.grade).toBe("B");
  expect(card?.sample.representative).toBe(false);
  const rows = await ranking(db, q1);
  expect(rows.map((r) => r.unit.name)).toEqual(["PTSP Kecamatan Duren Sawit", "PTSP Kecamatan Cakung"]);
});
