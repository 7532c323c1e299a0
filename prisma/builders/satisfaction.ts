// Builders of the satisfaction area: served queue visits, answer sheets, kiosk devices.
// Units, services and unit staff come from ./services (aServiceUnit, aService,
// aUnitStaffMember). Shared by the tests and the demo seed (prisma/seed/satisfaction.ts).
import type { Db } from "~/db/client.server";
import { ELEMENT_COLUMN } from "~/domain/satisfaction/elements";
import { ELEMENT_KEYS, type ElementKey } from "~/domain/satisfaction/ikm";
import { hashDeviceToken, overallOf } from "~/domain/satisfaction/responses.server";
import { unique } from "./core";

/** A queue visit that was served (taken, called, served). */
export async function aServedTicket(
  db: Db,
  unitId: number,
  serviceId: number,
  overrides: { servedAt?: Date; waitMinutes?: number; serviceMinutes?: number; number?: number } = {},
) {
  const servedAt = overrides.servedAt ?? new Date();
  const serving = new Date(servedAt.getTime() - (overrides.serviceMinutes ?? 10) * 60_000);
  const taken = new Date(serving.getTime() - (overrides.waitMinutes ?? 15) * 60_000);
  return db.queueTicket.create({
    data: {
      unitId,
      serviceId,
      day: new Date(taken.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
      number: overrides.number ?? Math.floor(Math.random() * 1_000_000_000),
      status: "served",
      channel: "door",
      takenAt: taken,
      calledAt: serving,
      servingAt: serving,
      servedAt,
      closedAt: servedAt,
    },
  });
}

export type Sheet = Partial<Record<ElementKey, number>>;

/** The same score on all nine elements, or the scores given. */
export function sheetOf(scores: number | number[]): Sheet {
  return Object.fromEntries(ELEMENT_KEYS.map((k, i) => [k, Array.isArray(scores) ? scores[i] : scores])) as Sheet;
}

/** One stored answer sheet (no limits, no anomaly checks: for arranging figures). */
export async function aSurveySheet(
  db: Db,
  unitId: number,
  sheet: Sheet,
  overrides: {
    serviceId?: number | null;
    channel?: "web" | "kiosk" | "paper" | "queue";
    answeredAt?: Date;
    comment?: string;
    commentStatus?: string;
    ageGroup?: string;
    sex?: string;
  } = {},
) {
  const columns = Object.fromEntries(ELEMENT_KEYS.map((k) => [ELEMENT_COLUMN[k], sheet[k] ?? null]));
  return db.surveyResponse.create({
    data: {
      unitId,
      serviceId: overrides.serviceId ?? null,
      channel: overrides.channel ?? "web",
      ...columns,
      complete: ELEMENT_KEYS.every((k) => sheet[k] !== undefined),
      overall: overallOf(sheet),
      answeredAt: overrides.answeredAt ?? new Date(),
      comment: overrides.comment ?? null,
      commentStatus: overrides.comment ? (overrides.commentStatus ?? "pending") : null,
      ageGroup: overrides.ageGroup ?? null,
      sex: overrides.sex ?? null,
    },
  });
}

/** An enrolled kiosk device and the token its cookie carries. */
export async function aKioskDevice(db: Db, unitId: number, overrides: { name?: string; revoked?: boolean } = {}) {
  const token = `kiosk-${unique()}-${unique()}`;
  const device = await db.kioskDevice.create({
    data: { unitId, name: overrides.name ?? `Tablet ${unique()}`, tokenHash: hashDeviceToken(token), revokedAt: overrides.revoked ? new Date() : null },
  });
  return { device, token };
}
