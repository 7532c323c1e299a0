// Taking answers in: web sheets (by unit, or through a single-use link after a queue
// visit), paper forms typed in by staff, kiosk taps (with their idempotency keys).
// Honest numbers: a link or visit answers once, limits per IP and device, and bursts of
// identical answers are flagged for a supervisor (they still count until a recorded
// decision excludes them). A response never carries the respondent's account.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { wibToDate } from "~/domain/events/wib";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { requireUnitStaff, requireUnitSupervisor, unitNotFound } from "./access.server";
import { evaluateAlert } from "./alerts.server";
import { ELEMENT_COLUMN, type ElementColumn } from "./elements";
import { ELEMENT_KEYS, type ElementKey } from "./ikm";
import type { SurveyLimits } from "./limits";
import type { Channel, KioskAnswer, SheetInput } from "./satisfaction.schema";

/** Twenty identical answers from one source within a minute look like misuse. */
export const BURST_COUNT = 20;
export const BURST_WINDOW_MS = 60_000;
/** A link handed out after a visit stays valid this long. */
export const TOKEN_DAYS = 14;
/** A kiosk answer sent late keeps its time, but not older than this. */
export const KIOSK_MAX_AGE_MS = 7 * 86_400_000;

export interface AnswerContext {
  limits: SurveyLimits;
  ip: string;
  mailer: Mailer;
  publicUrl?: string;
  now?: Date;
}

type Scores = Partial<Record<ElementKey, number>>;

function scoreColumns(scores: Scores): Record<ElementColumn, number | null> {
  return Object.fromEntries(ELEMENT_KEYS.map((k) => [ELEMENT_COLUMN[k], scores[k] ?? null])) as Record<ElementColumn, number | null>;
}

/** The sheet's mean, rounded half up (1-4): what the heat map and alerts read. */
export function overallOf(scores: Scores): number {
  const values = ELEMENT_KEYS.map((k) => scores[k]).filter((v): v is number => typeof v === "number");
  if (values.length === 0) throw new RangeError("a response needs at least one answer");
  return Math.floor(values.reduce((a, v) => a + v, 0) / values.length + 0.5);
}

function sheetScores(input: SheetInput): Scores {
  return Object.fromEntries(ELEMENT_KEYS.map((k) => [k, input[k]])) as Scores;
}

async function checkUnitService(db: Db, unitId: number, serviceId: number | undefined | null) {
  const unit = await db.serviceUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) unitNotFound();
  if (serviceId) {
    const service = await db.service.findUnique({ where: { id: serviceId }, select: { unitId: true } });
    if (!service || service.unitId !== unitId) throw new DomainError("satisfaction.validation.service", "serviceId");
  }
}

function sheetData(input: SheetInput, unitId: number, channel: Channel, answeredAt: Date) {
  const scores = sheetScores(input);
  return {
    unitId,
    serviceId: input.serviceId ?? null,
    channel,
    ...scoreColumns(scores),
    complete: true,
    overall: overallOf(scores),
    ageGroup: input.ageGroup ?? null,
    sex: input.sex ?? null,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    comment: input.comment ?? null,
    commentStatus: input.comment ? "pending" : null,
    answeredAt,
  };
}

function rateLimited(): never {
  throw new DomainError("satisfaction.rateLimited", undefined, undefined, 429);
}

// ------------------------------------------------------------------ web and links

/** The public web survey of a unit (no link). */
export async function submitWebSheet(db: Db, ctx: AnswerContext, unitId: number, input: SheetInput) {
  if (!(await ctx.limits.web(ctx.ip))) rateLimited();
  await checkUnitService(db, unitId, input.serviceId);
  const now = ctx.now ?? new Date();
  const row = await db.surveyResponse.create({ data: sheetData(input, unitId, "web", now), select: { id: true } });
  await afterAnswers(db, ctx, unitId, null, "web", now, now);
  return row;
}

function newToken(): string {
  return randomBytes(16).toString("base64url");
}

/** What a link shows before it is answered; used and expired links say so. */
export async function tokenForSurvey(db: Db, token: string, now = new Date()) {
  const row = await db.surveyToken.findUnique({ where: { token } });
  if (!row || row.expiresAt <= now) throw new DomainError("satisfaction.token.notFound", undefined, undefined, 404);
  return { id: row.id, unitId: row.unitId, serviceId: row.serviceId, used: row.usedAt !== null, fromVisit: row.ticketId !== null };
}

/** A sheet through a single-use link: the link is spent in the same transaction as the answer is stored. */
export async function submitTokenSheet(db: Db, ctx: AnswerContext, token: string, input: SheetInput) {
  if (!(await ctx.limits.web(ctx.ip))) rateLimited();
  const now = ctx.now ?? new Date();
  const link = await tokenForSurvey(db, token, now);
  if (link.used) throw new DomainError("satisfaction.token.used", undefined, undefined, 409);
  const channel: Channel = link.fromVisit ? "queue" : "web";
  const data = { ...sheetData({ ...input, serviceId: link.serviceId ?? undefined }, link.unitId, channel, now), tokenId: link.id };
  try {
    await db.$transaction(async (tx) => {
      const spent = await tx.surveyToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
      if (spent.count !== 1) throw new DomainError("satisfaction.token.used", undefined, undefined, 409);
      await tx.surveyResponse.create({ data });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("satisfaction.token.used", undefined, undefined, 409);
    throw error;
  }
  await afterAnswers(db, ctx, link.unitId, null, channel, now, now);
  return { unitId: link.unitId };
}

/** The link for a queue visit that was served: one per visit (made once, then the same one). */
export async function visitToken(db: Db, actor: Actor, ticketId: number, now = new Date()) {
  const ticket = await db.queueTicket.findUnique({ where: { id: ticketId }, select: { id: true, unitId: true, serviceId: true, status: true } });
  if (!ticket) throw new DomainError("satisfaction.ticket.notFound", "ticketId", undefined, 404);
  await requireUnitStaff(db, actor, ticket.unitId);
  if (ticket.status !== "served") throw new DomainError("satisfaction.ticket.notServed", "ticketId");
  return issueVisitToken(db, ticket, actor.id, now);
}

/**
 * The survey link of a served visit, for the queue to hand out when it closes a visit
 * (no permission check: the caller closed the visit). Idempotent per ticket.
 */
export async function issueVisitToken(db: Db, ticket: { id: number; unitId: number; serviceId: number }, actorId: number | null = null, now = new Date()) {
  const existing = await db.surveyToken.findUnique({ where: { ticketId: ticket.id } });
  if (existing) return existing;
  try {
    return await db.surveyToken.create({
      data: {
        token: newToken(),
        unitId: ticket.unitId,
        serviceId: ticket.serviceId,
        ticketId: ticket.id,
        createdById: actorId,
        expiresAt: new Date(now.getTime() + TOKEN_DAYS * 86_400_000),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return (await db.surveyToken.findUnique({ where: { ticketId: ticket.id } }))!;
    throw error;
  }
}

/** A link staff hand out without a queue (printed slip, WhatsApp): single use as well. */
export async function linkToken(db: Db, actor: Actor, unitId: number, serviceId?: number, now = new Date()) {
  await requireUnitStaff(db, actor, unitId);
  await checkUnitService(db, unitId, serviceId);
  return db.surveyToken.create({
    data: { token: newToken(), unitId, serviceId: serviceId ?? null, createdById: actor.id, expiresAt: new Date(now.getTime() + TOKEN_DAYS * 86_400_000) },
  });
}

// ------------------------------------------------------------------ paper forms

export async function enterPaperSheet(
  db: Db,
  actor: Actor,
  ctx: Omit<AnswerContext, "limits" | "ip">,
  unitId: number,
  input: SheetInput & { answeredOn?: string },
) {
  await requireUnitStaff(db, actor, unitId);
  await checkUnitService(db, unitId, input.serviceId);
  const now = ctx.now ?? new Date();
  const answeredAt = input.answeredOn ? wibToDate(input.answeredOn, "12:00") : now;
  if (!answeredAt || answeredAt.getTime() > now.getTime() + 12 * 3_600_000) throw new DomainError("satisfaction.validation.date", "answeredOn");
  const row = await db.surveyResponse.create({ data: { ...sheetData(input, unitId, "paper", answeredAt), enteredById: actor.id }, select: { id: true } });
  await afterAnswers(db, { ...ctx, now }, unitId, null, "paper", answeredAt, answeredAt);
  return row;
}

// ------------------------------------------------------------------ kiosk devices

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Enrols a tablet for a unit: the token goes into the tablet's cookie, only its hash is kept. */
export async function enrolDevice(db: Db, actor: Actor, input: { unitId: number; name: string }, now = new Date()) {
  await requireUnitStaff(db, actor, input.unitId);
  await checkUnitService(db, input.unitId, null);
  const token = randomBytes(32).toString("base64url");
  const device = await db.kioskDevice.create({
    data: { unitId: input.unitId, name: input.name, tokenHash: hashDeviceToken(token), enrolledById: actor.id, createdAt: now },
  });
  await audit(db, { actorId: actor.id, action: "satisfaction.kiosk.enrol", targetType: "KioskDevice", targetId: device.id, details: { unitId: input.unitId } });
  return { device, token };
}

export async function revokeDevice(db: Db, actor: Actor, deviceId: number, now = new Date()) {
  const device = await db.kioskDevice.findUnique({ where: { id: deviceId } });
  if (!device) throw new DomainError("satisfaction.kiosk.notFound", undefined, undefined, 404);
  await requireUnitStaff(db, actor, device.unitId);
  if (!device.revokedAt) await db.kioskDevice.update({ where: { id: deviceId }, data: { revokedAt: now, revokedById: actor.id } });
  await audit(db, { actorId: actor.id, action: "satisfaction.kiosk.revoke", targetType: "KioskDevice", targetId: deviceId });
}

/** The enrolled, not revoked device of a cookie token, or null. */
export async function deviceByToken(db: Db, token: string | null | undefined) {
  if (!token || token.length > 200) return null;
  const device = await db.kioskDevice.findUnique({ where: { tokenHash: hashDeviceToken(token) } });
  if (!device || device.revokedAt) return null;
  return device;
}

/** A key for an answer made on the server (the kiosk without JavaScript). */
export function newAnswerKey(): string {
  return randomBytes(12).toString("base64url");
}

export type KioskDevice = NonNullable<Awaited<ReturnType<typeof deviceByToken>>>;

/**
 * Stores kiosk answers made on the device, each once: an answer whose key the device
 * already sent is acknowledged again and not counted twice. Returns the keys stored
 * now and the keys that were already there; both may be forgotten by the device.
 */
export async function recordKioskAnswers(db: Db, ctx: AnswerContext, device: KioskDevice, answers: KioskAnswer[]) {
  if (!(await ctx.limits.kiosk(device.id, ctx.ip))) rateLimited();
  const now = ctx.now ?? new Date();
  const keys = [...new Set(answers.map((a) => a.key))];
  const known = new Set(
    (await db.surveyResponse.findMany({ where: { deviceId: device.id, clientKey: { in: keys } }, select: { clientKey: true } })).map((r) => r.clientKey),
  );
  const stored: string[] = [];
  const duplicates: string[] = [...known].filter((k): k is string => k !== null);
  let first = now;
  let last = new Date(0);
  for (const answer of answers) {
    if (known.has(answer.key)) continue;
    known.add(answer.key);
    const told = answer.answeredAt ? new Date(answer.answeredAt) : now;
    const answeredAt = new Date(Math.min(now.getTime(), Math.max(now.getTime() - KIOSK_MAX_AGE_MS, told.getTime())));
    const scores: Scores = Object.fromEntries(answer.elements.map((k) => [k, answer.score]));
    try {
      await db.surveyResponse.create({
        data: {
          unitId: device.unitId,
          channel: "kiosk",
          ...scoreColumns(scores),
          complete: ELEMENT_KEYS.every((k) => scores[k] !== undefined),
          overall: answer.score,
          deviceId: device.id,
          clientKey: answer.key,
          answeredAt,
        },
      });
      stored.push(answer.key);
      if (answeredAt < first) first = answeredAt;
      if (answeredAt > last) last = answeredAt;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      duplicates.push(answer.key); // the same batch sent twice at once
    }
  }
  await db.kioskDevice.update({ where: { id: device.id }, data: { lastSeenAt: now } });
  if (stored.length) await afterAnswers(db, ctx, device.unitId, device.id, "kiosk", first, last);
  return { stored, duplicates };
}

/** JS-off kiosk: the "why" step adds the elements to the answer it follows (once, shortly after). */
export async function addKioskReasons(db: Db, device: KioskDevice, key: string, elements: ElementKey[], now = new Date()) {
  const row = await db.surveyResponse.findUnique({ where: { deviceId_clientKey: { deviceId: device.id, clientKey: key } } });
  if (!row || row.createdAt.getTime() < now.getTime() - 5 * 60_000) return false;
  if (ELEMENT_KEYS.some((k) => row[ELEMENT_COLUMN[k]] !== null)) return false;
  const scores: Scores = Object.fromEntries(elements.map((k) => [k, row.overall]));
  await db.surveyResponse.update({ where: { id: row.id }, data: { ...scoreColumns(scores), complete: elements.length === 9 } });
  return true;
}

// ------------------------------------------------------------------ anomalies

async function afterAnswers(
  db: Db,
  ctx: Omit<AnswerContext, "limits" | "ip">,
  unitId: number,
  deviceId: number | null,
  channel: Channel,
  from: Date,
  to: Date,
) {
  await flagBursts(db, unitId, deviceId, channel, from, to);
  await evaluateAlert(db, ctx.mailer, unitId, ctx.now ?? new Date(), ctx.publicUrl);
}

const SIGNATURE_COLUMNS = ["overall", ...ELEMENT_KEYS.map((k) => ELEMENT_COLUMN[k])] as const;

/**
 * Looks for BURST_COUNT identical answers from one source (a kiosk, or one unit's web or
 * paper channel) within BURST_WINDOW_MS around the new answers, and ties them to an open
 * anomaly for a supervisor to decide on. Nothing is excluded here.
 */
export async function flagBursts(db: Db, unitId: number, deviceId: number | null, channel: Channel, from: Date, to: Date) {
  const rows = await db.surveyResponse.findMany({
    where: { unitId, deviceId, channel, answeredAt: { gte: new Date(from.getTime() - BURST_WINDOW_MS), lte: new Date(to.getTime() + BURST_WINDOW_MS) } },
    select: {
      id: true,
      answeredAt: true,
      anomalyId: true,
      overall: true,
      u1: true,
      u2: true,
      u3: true,
      u4: true,
      u5: true,
      u6: true,
      u7: true,
      u8: true,
      u9: true,
    },
    orderBy: { answeredAt: "asc" },
  });
  if (rows.length < BURST_COUNT) return null;
  const bySignature = new Map<string, typeof rows>();
  for (const r of rows) {
    const sig = SIGNATURE_COLUMNS.map((c) => r[c] ?? "-").join(",");
    const list = bySignature.get(sig) ?? [];
    list.push(r);
    bySignature.set(sig, list);
  }
  const flagged: typeof rows = [];
  for (const list of bySignature.values()) {
    let start = 0;
    const inBurst = new Set<number>();
    for (let end = 0; end < list.length; end++) {
      while (list[end].answeredAt.getTime() - list[start].answeredAt.getTime() > BURST_WINDOW_MS) start++;
      if (end - start + 1 >= BURST_COUNT) for (let i = start; i <= end; i++) inBurst.add(i);
    }
    for (const i of inBurst) if (list[i].anomalyId === null) flagged.push(list[i]);
  }
  if (flagged.length === 0) return null;
  const windowStart = new Date(Math.min(...flagged.map((r) => r.answeredAt.getTime())));
  const windowEnd = new Date(Math.max(...flagged.map((r) => r.answeredAt.getTime())));
  const open = await db.surveyAnomaly.findFirst({
    where: { unitId, deviceId, kind: "identical_burst", status: "open", windowEnd: { gte: new Date(windowStart.getTime() - BURST_WINDOW_MS) } },
  });
  const anomaly = open
    ? await db.surveyAnomaly.update({
        where: { id: open.id },
        data: {
          windowStart: open.windowStart < windowStart ? open.windowStart : windowStart,
          windowEnd: open.windowEnd > windowEnd ? open.windowEnd : windowEnd,
        },
      })
    : await db.surveyAnomaly.create({ data: { unitId, deviceId, kind: "identical_burst", windowStart, windowEnd } });
  await db.surveyResponse.updateMany({ where: { id: { in: flagged.map((r) => r.id) } }, data: { anomalyId: anomaly.id } });
  return anomaly;
}

/** A supervisor's recorded decision: exclude the flagged answers from the figures, or keep them. */
export async function decideAnomaly(db: Db, actor: Actor, input: { anomalyId: number; decision: "excluded" | "kept"; note: string }, now = new Date()) {
  const anomaly = await db.surveyAnomaly.findUnique({ where: { id: input.anomalyId } });
  if (!anomaly) throw new DomainError("satisfaction.anomaly.notFound", undefined, undefined, 404);
  await requireUnitSupervisor(db, actor, anomaly.unitId);
  if (anomaly.status !== "open") throw new DomainError("satisfaction.anomaly.decided", undefined, undefined, 409);
  await db.$transaction(async (tx) => {
    await tx.surveyAnomaly.update({
      where: { id: anomaly.id },
      data: { status: input.decision, decidedById: actor.id, decidedAt: now, decisionNote: input.note },
    });
    await tx.surveyResponse.updateMany({ where: { anomalyId: anomaly.id }, data: { excluded: input.decision === "excluded" } });
  });
  await audit(db, {
    actorId: actor.id,
    action: "satisfaction.anomaly.decide",
    targetType: "SurveyAnomaly",
    targetId: anomaly.id,
    details: { decision: input.decision },
  });
}

// ------------------------------------------------------------------ comments

/** Only approved comments are published; never with anything about who wrote them. */
export async function moderateComment(db: Db, actor: Actor, input: { responseId: number; status: "approved" | "rejected" }, now = new Date()) {
  const row = await db.surveyResponse.findUnique({ where: { id: input.responseId }, select: { id: true, unitId: true, comment: true } });
  if (!row || !row.comment) throw new DomainError("satisfaction.comment.notFound", undefined, undefined, 404);
  await requireUnitSupervisor(db, actor, row.unitId);
  await db.surveyResponse.update({ where: { id: row.id }, data: { commentStatus: input.status, commentModeratedById: actor.id, commentModeratedAt: now } });
}

// ------------------------------------------------------------------ service users without a queue

export async function setServiceUsers(db: Db, actor: Actor, input: { unitId: number; period: string; serviceUsers: number }) {
  await requireUnitStaff(db, actor, input.unitId);
  await db.survey.upsert({
    where: { unitId_period: { unitId: input.unitId, period: input.period } },
    create: { unitId: input.unitId, period: input.period, serviceUsers: input.serviceUsers, serviceUsersById: actor.id },
    update: { serviceUsers: input.serviceUsers, serviceUsersById: actor.id },
  });
  await audit(db, {
    actorId: actor.id,
    action: "satisfaction.serviceUsers",
    targetType: "ServiceUnit",
    targetId: input.unitId,
    details: { period: input.period, serviceUsers: input.serviceUsers },
  });
}
