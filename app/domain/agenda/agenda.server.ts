// The annual deliberation (musyawarah warga / rembuk tahunan): planners compile
// the agenda from a year of aspirations, residents prioritise it in the open,
// the session decides, and the decisions flow back to every resident involved.
// Use cases take the database, the acting user and typed input; never a Request.
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify } from "~/domain/notifications/notifications.server";
import { localizeParams } from "~/domain/notifications/templates";
import { eventTextSelect, eventTitle, parseTextParams, writtenEventText } from "~/domain/events/text.server";
import { translate, type Locale, type MessageKey, type Params } from "~/i18n";
import {
  POOL_STATUSES,
  type CreateInput,
  type CreateItemInput,
  type DecideInput,
  type PoolFilters,
  type SettingsInput,
  type UpdateItemInput,
} from "./agenda.schema";
import { checkBallot, normalise, remaining, spent, type Allocation } from "./ballot";
import {
  canChangeItemSet,
  canDecide,
  canEditItemText,
  canEditMinutes,
  canEditSettings,
  checkAdvance,
  checkDecision,
  isPublic,
  votingOpen,
  type Level,
} from "./phases";
import { rank, score, weightsOf, type Breakdown } from "./score";
import { propagateStatus } from "./propagate.server";
import { residencyOf, verifiedVoterFilter } from "~/domain/accounts/residency.server";
import { PUBLIC_ONLY, publicOnlySql } from "~/domain/aspirations/visibility.server";

export const POOL_PAGE_SIZE = 25;

// ------------------------------------------------------------------ helpers

function requirePlanner(actor: Actor | null | undefined): asserts actor is Actor {
  if (!can.plan(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

function notFound(): never {
  throw new DomainError("agenda.notFound", undefined, undefined, 404);
}

const deliberationInclude = {
  area: { select: { id: true, name: true, code: true, level: true, parentId: true } },
  event: {
    select: { id: true, title: true, ...eventTextSelect, startsAt: true, endsAt: true, venueName: true, venueAddress: true, status: true, sequence: true },
  },
} as const;

export async function loadDeliberation(db: Db, id: number) {
  const d = await db.deliberation.findUnique({ where: { id }, include: deliberationInclude });
  return d ?? notFound();
}
export type DeliberationRow = Awaited<ReturnType<typeof loadDeliberation>>;

/** The public address: /agenda/2026/kecamatan/jaktim.duren-sawit */
/** What a page shows of a deliberation (public page and planners' page alike). */
export function deliberationView(d: DeliberationRow) {
  return {
    id: d.id,
    year: d.year,
    level: d.level,
    phase: d.phase,
    areaName: d.area.name,
    intakeStart: d.intakeStart,
    intakeEnd: d.intakeEnd,
    reviewStart: d.reviewStart,
    reviewEnd: d.reviewEnd,
    votesPerResident: d.votesPerResident,
    verifiedResidentsOnly: d.verifiedResidentsOnly,
    weightSupports: d.weightSupports,
    weightVotes: d.weightVotes,
    weightUrgency: d.weightUrgency,
    weightReach: d.weightReach,
    event: d.event,
    path: agendaPath(d),
  };
}

export function agendaPath(d: { year: number; level: string; area: { code: string } }): string {
  return `/agenda/${d.year}/${d.level}/${encodeURIComponent(d.area.code)}`;
}

/** Which kelurahan (and, below kecamatan level, which RWs) a deliberation covers. */
export interface Scope {
  kelurahanIds: number[];
  /** null: every RW of those kelurahan */
  rwIds: number[] | null;
}

export async function scopeOf(db: Db, area: { id: number; level: string; parentId: number | null }): Promise<Scope> {
  if (area.level === "kecamatan") {
    const kel = await db.area.findMany({ where: { parentId: area.id, level: "kelurahan" }, select: { id: true } });
    return { kelurahanIds: kel.map((k) => k.id), rwIds: null };
  }
  if (area.level === "kelurahan") return { kelurahanIds: [area.id], rwIds: null };
  return { kelurahanIds: area.parentId ? [area.parentId] : [], rwIds: [area.id] };
}

function inScope(scope: Scope, kelurahanId: number | null, rwId: number | null): boolean {
  if (!kelurahanId || !scope.kelurahanIds.includes(kelurahanId)) return false;
  return scope.rwIds === null || (rwId !== null && scope.rwIds.includes(rwId));
}

/** The votes that count: all, or only verified residents' when the deliberation says so (one person, one vote). */
async function countedVotes(db: Db, d: DeliberationRow) {
  return { deliberationId: d.id, ...(d.verifiedResidentsOnly ? verifiedVoterFilter(await scopeOf(db, d.area)) : {}) };
}

/** Raw SQL that runs on SQLite and PostgreSQL: placeholders differ (? vs $n). */
class Sql {
  text = "";
  params: unknown[] = [];
  constructor(private readonly pg: boolean) {}
  add(fragment: string): this {
    this.text += fragment;
    return this;
  }
  param(value: unknown): string {
    this.params.push(value);
    return this.pg ? `$${this.params.length}` : "?";
  }
  list(values: unknown[]): string {
    return values.length === 0 ? "NULL" : values.map((v) => this.param(v)).join(", ");
  }
}

function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : Number(v ?? 0));

// ------------------------------------------------------------------ deliberations

export async function listAreaOptions(db: Db) {
  const rows = await db.area.findMany({
    where: { level: { in: ["kecamatan", "kelurahan", "rw"] } },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true, level: true, parentId: true },
  });
  const kecamatan = rows.filter((r) => r.level === "kecamatan");
  const kelurahan = rows.filter((r) => r.level === "kelurahan");
  return kecamatan.map((k) => ({
    id: k.id,
    name: k.name,
    kelurahan: kelurahan
      .filter((l) => l.parentId === k.id)
      .map((l) => ({ id: l.id, name: l.name, rws: rows.filter((r) => r.level === "rw" && r.parentId === l.id).map((r) => ({ id: r.id, name: r.name })) })),
  }));
}

export async function listDeliberations(db: Db, viewer: Actor | null) {
  const rows = await db.deliberation.findMany({
    where: can.plan(viewer) ? {} : { phase: { not: "draft" } },
    orderBy: [{ year: "desc" }, { level: "desc" }, { id: "asc" }],
    include: { area: { select: { name: true, code: true } }, _count: { select: { items: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    year: d.year,
    level: d.level,
    phase: d.phase,
    areaName: d.area.name,
    itemCount: d._count.items,
    path: agendaPath(d),
  }));
}

export async function createDeliberation(db: Db, actor: Actor, input: CreateInput) {
  requirePlanner(actor);
  const area = await db.area.findUnique({ where: { id: input.areaId }, select: { id: true, name: true, code: true, level: true, parentId: true } });
  if (!area || !["kecamatan", "kelurahan", "rw"].includes(area.level)) throw new DomainError("agenda.validation.area", "areaId");
  const level = area.level as Level;
  const exists = await db.deliberation.findFirst({ where: { year: input.year, level, areaId: area.id }, select: { id: true } });
  if (exists) throw new DomainError("agenda.create.exists", "areaId");
  const parent = area.level === "rw" && area.parentId ? area.parentId : null;
  const levelName = { kecamatan: "Kecamatan", kelurahan: "Kelurahan", rw: "" }[level];
  const areaLabel =
    level === "rw" && parent
      ? `${area.name} ${(await db.area.findUnique({ where: { id: parent }, select: { name: true } }))?.name ?? ""}`
      : `${levelName} ${area.name}`;
  try {
    const d = await db.$transaction(async (tx) => {
      // written by Balai: stored as message keys (each reader gets the reader's language), Indonesian as the text
      const text = writtenEventText("agenda.event.title", "agenda.event.description", { year: input.year, area: areaLabel.trim() });
      const event = await tx.event.create({
        data: {
          kind: "dialogue",
          status: "published",
          ...text,
          topic: "Musyawarah warga",
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          venueName: input.venueName,
          venueAddress: input.venueAddress,
          kelurahanId: level === "kelurahan" ? area.id : level === "rw" ? parent : null,
          rwId: level === "rw" ? area.id : null,
          createdById: actor.id,
        },
      });
      return tx.deliberation.create({
        data: {
          year: input.year,
          level,
          areaId: area.id,
          intakeStart: input.intakeStart,
          intakeEnd: input.intakeEnd,
          reviewStart: input.reviewStart,
          reviewEnd: input.reviewEnd,
          votesPerResident: input.votesPerResident,
          verifiedResidentsOnly: input.verifiedResidentsOnly,
          weightSupports: input.weightSupports,
          weightVotes: input.weightVotes,
          weightUrgency: input.weightUrgency,
          weightReach: input.weightReach,
          eventId: event.id,
          createdById: actor.id,
        },
        include: deliberationInclude,
      });
    });
    await audit(db, {
      actorId: actor.id,
      action: "agenda.create",
      targetType: "Deliberation",
      targetId: d.id,
      details: { year: d.year, level, areaId: area.id, eventId: d.eventId },
    });
    return d;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("agenda.create.exists", "areaId");
    throw error;
  }
}

export async function updateSettings(db: Db, actor: Actor, id: number, input: SettingsInput) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  if (!canEditSettings(d.phase)) throw new DomainError("agenda.settings.locked", undefined, undefined, 409);
  await db.deliberation.update({ where: { id }, data: { ...input } });
  await audit(db, { actorId: actor.id, action: "agenda.settings", targetType: "Deliberation", targetId: id, details: { ...input } });
}

export async function advancePhase(db: Db, mailer: Mailer, actor: Actor, id: number, to: string) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  const [itemCount, undecidedCount] = await Promise.all([
    db.agendaItem.count({ where: { deliberationId: id } }),
    db.agendaItem.count({ where: { deliberationId: id, decision: null } }),
  ]);
  const problem = checkAdvance(
    { phase: d.phase, reviewStart: d.reviewStart, reviewEnd: d.reviewEnd, itemCount, undecidedCount, hasSession: d.eventId !== null },
    to,
  );
  if (problem) throw new DomainError(problem, undefined, undefined, 409);
  // optimistic: only one of two concurrent clicks moves the phase
  const moved = await db.$transaction(async (tx) => {
    const moved = await tx.deliberation.updateMany({ where: { id, phase: d.phase }, data: { phase: to } });
    if (moved.count === 1 && to === "decided") {
      // everyone who voted hears that the outcome is public (followers of each aspiration already did),
      // written to the outbox with the phase change
      const voters = await tx.agendaVote.findMany({ where: { deliberationId: id }, distinct: ["userId"], select: { userId: true } });
      await notify(tx as Db, mailer, {
        userIds: voters.map((v) => v.userId),
        messageKey: "agenda.notify.decided",
        params: { year: d.year, area: d.area.name },
        link: agendaPath(d),
        key: `deliberation:${id}:decided`,
      });
    }
    return moved;
  });
  if (moved.count === 0) throw new DomainError("agenda.phase.notNext", undefined, undefined, 409);
  await audit(db, { actorId: actor.id, action: "agenda.phase", targetType: "Deliberation", targetId: id, details: { from: d.phase, to } });
  if (to === "review") {
    // the agenda is published: every aspiration on it takes the status "on the deliberation agenda"
    const items = await db.agendaItem.findMany({
      where: { deliberationId: id },
      select: { id: true, title: true, aspirations: { select: { aspirationId: true } } },
    });
    for (const item of items) {
      await propagateStatus(
        db,
        mailer,
        actor,
        item.aspirations.map((a) => a.aspirationId),
        { to: "on_agenda", ...onAgendaNote(d, item.title) },
      );
    }
  }
}

/** The parameters every note about a deliberation's item has: the deliberation (year, area) and the item. */
function noteParamsOf(d: { year: number; level: string; area: { name: string } }, item: string): Params {
  const level = { kecamatan: "Kecamatan", kelurahan: "Kelurahan", rw: "" }[d.level as Level] ?? "";
  return { year: d.year, area: `${level} ${d.area.name}`.trim(), item };
}

/** The note on an aspiration whose item is put on the deliberation's public agenda. */
export function onAgendaNote(d: { year: number; level: string; area: { name: string; code: string }; reviewEnd: Date }, item: string) {
  return writtenNote("agenda.note.onAgenda", { ...noteParamsOf(d, item), until: d.reviewEnd.toISOString(), link: agendaPath(d) }, {});
}

/**
 * A note Balai writes on the aspirations of an item: stored as its message key and parameters (each
 * reader gets it in their language), with the Indonesian text as the note itself (exports, search).
 */
function writtenNote<T extends object>(noteKey: MessageKey, noteParams: Params, change: T) {
  return { ...change, note: translate("id", noteKey, localizeParams("id", noteParams)), noteKey, noteParams };
}

export function deliberationLabel(d: { year: number; level: string; area: { name: string } }): string {
  const level = { kecamatan: "Kecamatan", kelurahan: "Kelurahan", rw: "" }[d.level as Level] ?? "";
  return `Musyawarah Warga ${d.year} ${level} ${d.area.name}`.replace(/\s+/g, " ");
}

export async function saveMinutes(db: Db, actor: Actor, id: number, minutes: string) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  if (!canEditMinutes(d.phase)) throw new DomainError("agenda.minutes.locked", "minutes", undefined, 409);
  await db.deliberation.update({ where: { id }, data: { minutes } });
  await audit(db, { actorId: actor.id, action: "agenda.minutes", targetType: "Deliberation", targetId: id, details: { length: minutes.length } });
}

export async function findDeliberation(db: Db, viewer: Actor | null, where: { year: number; level?: string; areaCode?: string }) {
  const rows = await db.deliberation.findMany({
    where: {
      year: where.year,
      ...(where.level ? { level: where.level } : {}),
      ...(where.areaCode ? { area: { code: where.areaCode } } : {}),
      ...(can.plan(viewer) ? {} : { phase: { not: "draft" } }),
    },
    include: deliberationInclude,
  });
  const order = { kecamatan: 0, kelurahan: 1, rw: 2 } as Record<string, number>;
  rows.sort((a, b) => (order[a.level] ?? 9) - (order[b.level] ?? 9) || a.id - b.id);
  return { deliberation: rows[0] ?? null, others: rows.slice(1).map((d) => ({ id: d.id, level: d.level, areaName: d.area.name, path: agendaPath(d) })) };
}

// ------------------------------------------------------------------ items and scores

export interface ScoredItem {
  id: number;
  rank: number;
  title: string;
  rationale: string;
  costEstimate: number | null;
  agency: string | null;
  urgency: number;
  decision: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  carriedFrom: { id: number; year: number; title: string } | null;
  breakdown: Breakdown;
  aspirations: {
    id: number;
    code: string;
    title: string;
    status: string;
    kelurahan: string | null;
    rw: string | null;
    supportCount: number;
    sourceEvent: { id: number; title: string } | null;
    sourceQuestion: { id: number; text: string; eventId: number; eventTitle: string } | null;
    members: number;
  }[];
}

/** Every item of a deliberation with its score broken down, in priority order. */
export async function scoredItems(db: Db, d: DeliberationRow): Promise<ScoredItem[]> {
  const [items, votes] = await Promise.all([
    db.agendaItem.findMany({
      where: { deliberationId: d.id },
      orderBy: { id: "asc" },
      include: {
        carriedFrom: { select: { id: true, title: true, deliberation: { select: { year: true } } } },
        aspirations: {
          include: {
            aspiration: {
              select: {
                id: true,
                code: true,
                title: true,
                status: true,
                kelurahanId: true,
                rwId: true,
                supportCount: true,
                kelurahan: { select: { name: true } },
                rw: { select: { name: true } },
                sourceEvent: { select: { id: true, title: true } },
                sourceQuestion: { select: { id: true, text: true, session: { select: { event: { select: { id: true, title: true } } } } } },
              },
            },
          },
        },
      },
    }),
    countedVotes(db, d).then((where) => db.agendaVote.groupBy({ by: ["agendaItemId"], where, _sum: { dots: true } })),
  ]);
  const votesByItem = new Map(votes.map((v) => [v.agendaItemId, v._sum.dots ?? 0]));
  const linkedIds = [...new Set(items.flatMap((i) => i.aspirations.map((a) => a.aspirationId)))];
  const members = linkedIds.length
    ? await db.aspiration.findMany({
        where: { groupPrimaryId: { in: linkedIds } },
        select: { id: true, groupPrimaryId: true, supportCount: true, kelurahanId: true, rwId: true },
      })
    : [];
  const weights = weightsOf(d);
  const reachByRw = d.level !== "kecamatan";
  const scored = items.map((item) => {
    const seen = new Set<number>();
    let supports = 0;
    const areas = new Set<number>();
    const count = (a: { id: number; supportCount: number; kelurahanId: number | null; rwId: number | null }) => {
      if (seen.has(a.id)) return;
      seen.add(a.id);
      supports += a.supportCount;
      const areaId = reachByRw ? a.rwId : a.kelurahanId;
      if (areaId) areas.add(areaId);
    };
    for (const link of item.aspirations) {
      // the primary's supportCount is the group's (each supporter once); members add reach only
      count(link.aspiration);
      for (const m of members) if (m.groupPrimaryId === link.aspirationId) count({ ...m, supportCount: 0 });
    }
    const breakdown = score({ supports, votes: votesByItem.get(item.id) ?? 0, urgency: item.urgency, reach: areas.size }, weights);
    return {
      id: item.id,
      title: item.title,
      rationale: item.rationale,
      costEstimate: item.costEstimate,
      agency: item.agency,
      urgency: item.urgency,
      decision: item.decision,
      decisionReason: item.decisionReason,
      decidedAt: item.decidedAt,
      carriedFrom: item.carriedFrom ? { id: item.carriedFrom.id, title: item.carriedFrom.title, year: item.carriedFrom.deliberation.year } : null,
      breakdown,
      aspirations: item.aspirations.map(({ aspiration: a }) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        status: a.status,
        kelurahan: a.kelurahan?.name ?? null,
        rw: a.rw?.name ?? null,
        supportCount: a.supportCount,
        sourceEvent: a.sourceEvent,
        sourceQuestion: a.sourceQuestion
          ? {
              id: a.sourceQuestion.id,
              text: a.sourceQuestion.text,
              eventId: a.sourceQuestion.session.event.id,
              eventTitle: a.sourceQuestion.session.event.title,
            }
          : null,
        members: members.filter((m) => m.groupPrimaryId === a.id).length,
      })),
    };
  });
  return rank(scored);
}

async function checkAspirationsForItem(db: Db, d: DeliberationRow, ids: number[], exceptItemId?: number) {
  const scope = await scopeOf(db, d.area);
  const rows = await db.aspiration.findMany({
    // integrity reports are confidential: never a candidate
    where: { id: { in: ids }, ...PUBLIC_ONLY },
    select: {
      id: true,
      status: true,
      kelurahanId: true,
      rwId: true,
      groupPrimaryId: true,
      agendaLinks: { select: { agendaItem: { select: { id: true, deliberationId: true } } } },
    },
  });
  if (rows.length !== ids.length) throw new DomainError("agenda.validation.aspirations", "aspirationIds");
  for (const a of rows) {
    if (!(POOL_STATUSES as readonly string[]).includes(a.status) || a.groupPrimaryId !== null || !inScope(scope, a.kelurahanId, a.rwId)) {
      throw new DomainError("agenda.item.notCandidate", "aspirationIds");
    }
    if (a.agendaLinks.some((l) => l.agendaItem.deliberationId === d.id && l.agendaItem.id !== exceptItemId)) {
      throw new DomainError("agenda.item.alreadyOnAgenda", "aspirationIds");
    }
  }
  return rows;
}

export async function createItem(db: Db, actor: Actor, id: number, input: CreateItemInput) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  if (!canChangeItemSet(d.phase)) throw new DomainError("agenda.item.locked", undefined, undefined, 409);
  const ids = [...new Set(input.aspirationIds)];
  await checkAspirationsForItem(db, d, ids);
  // carried over: the caller names the deferred item, or one of the aspirations was deferred last time
  let carriedFromId: number | null = null;
  const deferredLinks = await db.agendaItemAspiration.findMany({
    where: { aspirationId: { in: ids }, agendaItem: { decision: "deferred", deliberation: { year: { lt: d.year } } } },
    select: { agendaItemId: true, agendaItem: { select: { deliberation: { select: { year: true } } } } },
  });
  if (input.carriedFromId) {
    if (!deferredLinks.some((l) => l.agendaItemId === input.carriedFromId)) throw new DomainError("agenda.item.notCarried", "aspirationIds");
    carriedFromId = input.carriedFromId;
  } else if (deferredLinks.length > 0) {
    deferredLinks.sort((a, b) => b.agendaItem.deliberation.year - a.agendaItem.deliberation.year || b.agendaItemId - a.agendaItemId);
    carriedFromId = deferredLinks[0].agendaItemId;
  }
  const item = await db.agendaItem.create({
    data: {
      deliberationId: id,
      title: input.title,
      rationale: input.rationale,
      costEstimate: input.costEstimate ?? null,
      agency: input.agency ?? null,
      urgency: input.urgency,
      carriedFromId,
      aspirations: { create: ids.map((aspirationId) => ({ aspirationId })) },
    },
  });
  await audit(db, {
    actorId: actor.id,
    action: "agenda.item.create",
    targetType: "AgendaItem",
    targetId: item.id,
    details: { deliberationId: id, aspirationIds: ids, carriedFromId },
  });
  return item;
}

async function loadItem(db: Db, deliberationId: number, itemId: number) {
  const item = await db.agendaItem.findFirst({ where: { id: itemId, deliberationId }, include: { aspirations: { select: { aspirationId: true } } } });
  return item ?? notFound();
}

export async function updateItem(db: Db, actor: Actor, id: number, input: UpdateItemInput) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  const item = await loadItem(db, id, input.itemId);
  if (!canEditItemText(d.phase, item.decision !== null)) throw new DomainError("agenda.item.locked", undefined, undefined, 409);
  // the urgency is a score component: locked with the weights once the review opens
  if (input.urgency !== item.urgency && !canChangeItemSet(d.phase)) throw new DomainError("agenda.item.urgencyLocked", "urgency", undefined, 409);
  await db.agendaItem.update({
    where: { id: item.id },
    data: { title: input.title, rationale: input.rationale, costEstimate: input.costEstimate ?? null, agency: input.agency ?? null, urgency: input.urgency },
  });
  await audit(db, {
    actorId: actor.id,
    action: "agenda.item.update",
    targetType: "AgendaItem",
    targetId: item.id,
    details: { title: input.title, urgency: input.urgency },
  });
}

export async function removeItem(db: Db, actor: Actor, id: number, itemId: number) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  const item = await loadItem(db, id, itemId);
  if (!canChangeItemSet(d.phase)) throw new DomainError("agenda.item.locked", undefined, undefined, 409);
  await db.agendaItem.delete({ where: { id: item.id } });
  await audit(db, { actorId: actor.id, action: "agenda.item.remove", targetType: "AgendaItem", targetId: item.id, details: { title: item.title } });
}

export async function decideItem(db: Db, mailer: Mailer, actor: Actor, id: number, input: DecideInput) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  const item = await loadItem(db, id, input.itemId);
  if (!canDecide(d.phase, item.decision !== null))
    throw new DomainError(item.decision ? "agenda.item.decided" : "agenda.decision.notNow", undefined, undefined, 409);
  const problem = checkDecision(input.decision, input.reason);
  if (problem) throw new DomainError(problem, "reason");
  const reason = input.reason.trim();
  const moved = await db.agendaItem.updateMany({
    where: { id: item.id, decision: null },
    data: { decision: input.decision, decisionReason: reason || null, decidedAt: new Date() },
  });
  if (moved.count === 0) throw new DomainError("agenda.item.decided", undefined, undefined, 409);
  await audit(db, {
    actorId: actor.id,
    action: "agenda.item.decide",
    targetType: "AgendaItem",
    targetId: item.id,
    details: { decision: input.decision, reason },
  });
  const key: MessageKey = input.decision === "accepted" && item.agency ? "agenda.note.acceptedTo" : `agenda.note.${input.decision}`;
  const params = { ...noteParamsOf(d, item.title), reason: reason ?? "", reasons: reason ? 1 : 0, agency: item.agency ?? "" };
  await propagateStatus(
    db,
    mailer,
    actor,
    item.aspirations.map((a) => a.aspirationId),
    writtenNote(key, params, { to: input.decision }),
  );
}

// ------------------------------------------------------------------ candidate pool

export interface Candidate {
  id: number;
  code: string;
  title: string;
  status: string;
  category: { id: number; nameId: string; nameEn: string } | null;
  kelurahan: string | null;
  rw: string | null;
  createdAt: Date;
  ageDays: number;
  /** "overdue" | "open" | "met" | "late" | "none" */
  deadline: string;
  responseDueAt: Date | null;
  groupSize: number;
  events: number;
  breakdown: Breakdown;
  /** items of this deliberation it is on */
  onItem: { id: number; title: string } | null;
  /** the deferred item of an earlier year it comes back from */
  carriedFrom: { id: number; title: string; year: number; reason: string | null } | null;
}

export function deadlineStatus(a: { responseDueAt: Date | null; firstResponseAt: Date | null }, now: Date): string {
  if (!a.responseDueAt) return "none";
  if (a.firstResponseAt) return a.firstResponseAt <= a.responseDueAt ? "met" : "late";
  return now > a.responseDueAt ? "overdue" : "open";
}

/**
 * The candidate pool of a deliberation: verified aspirations from the intake period
 * within its area (plus deferred ones from earlier years, carried over automatically),
 * duplicates grouped under their primary and counted once, scored with the
 * deliberation's weights (supports and reach; votes and urgency come with the agenda).
 * One aggregate query over all candidates, then a page of details.
 */
export async function candidatePool(db: Db, actor: Actor, id: number, filters: PoolFilters, now = new Date()) {
  requirePlanner(actor);
  const d = await loadDeliberation(db, id);
  const scope = await scopeOf(db, d.area);
  const pg = isPostgres(db);
  const weights = weightsOf(d);
  const reachColumn = d.level === "kecamatan" ? `a."kelurahanId"` : `a."rwId"`;
  const statuses = filters.status ? [filters.status] : [...POOL_STATUSES];
  const kelurahanIds = filters.kelurahanId ? scope.kelurahanIds.filter((k) => k === filters.kelurahanId) : scope.kelurahanIds;
  const rwIds = filters.rwId ? (scope.rwIds ?? [filters.rwId]).filter((r) => r === filters.rwId) : scope.rwIds;

  /**
   * One statement, portable to PostgreSQL: the eligible primaries (filters apply to
   * the primary), then each group aggregated by its root (the primary and its
   * members: reach, events raised at, size), scored and ordered in SQL with the
   * tie-break rule, one page returned with the total.
   */
  const query = (page: number) => {
    const sql = new Sql(pg);
    const eligible =
      `SELECT p."id" FROM "Aspiration" p WHERE p."groupPrimaryId" IS NULL AND ${publicOnlySql("p")}` +
      ` AND p."status" IN (${sql.list(statuses)})` +
      // the intake period; deferred aspirations come back whatever their age
      ` AND ((p."createdAt" >= ${sql.param(d.intakeStart)} AND p."createdAt" <= ${sql.param(d.intakeEnd)}) OR p."status" = 'deferred')` +
      ` AND p."kelurahanId" IN (${sql.list(kelurahanIds)})` +
      (rwIds ? ` AND p."rwId" IN (${sql.list(rwIds)})` : "") +
      (filters.categoryId ? ` AND p."categoryId" = ${sql.param(filters.categoryId)}` : "");
    const wS = `CAST(${sql.param(weights.supports)} AS DOUBLE PRECISION)`;
    const wR = `CAST(${sql.param(weights.reach)} AS DOUBLE PRECISION)`;
    sql.add(
      `SELECT p."id" AS id, p."supportCount" AS supports, g."reach" AS reach, g."events" AS events, g."size" AS size, COUNT(*) OVER () AS total ` +
        `FROM (SELECT COALESCE(a."groupPrimaryId", a."id") AS root, COUNT(DISTINCT ${reachColumn}) AS reach, ` +
        `COUNT(DISTINCT COALESCE(a."sourceEventId", s."eventId")) AS events, COUNT(*) AS size ` +
        `FROM "Aspiration" a ` +
        `LEFT JOIN "QaQuestion" q ON q."id" = a."sourceQuestionId" ` +
        `LEFT JOIN "QaSession" s ON s."id" = q."sessionId" ` +
        `WHERE COALESCE(a."groupPrimaryId", a."id") IN (${eligible}) ` +
        `GROUP BY COALESCE(a."groupPrimaryId", a."id")) g ` +
        `JOIN "Aspiration" p ON p."id" = g."root" ` +
        `ORDER BY (p."supportCount" * ${wS} + g."reach" * ${wR}) DESC, p."supportCount" DESC, p."id" ASC ` +
        `LIMIT ${sql.param(POOL_PAGE_SIZE)} OFFSET ${sql.param((page - 1) * POOL_PAGE_SIZE)}`,
    );
    return db.$queryRawUnsafe<{ id: unknown; supports: unknown; reach: unknown; events: unknown; size: unknown; total: unknown }[]>(sql.text, ...sql.params);
  };
  let page = filters.page;
  let rows = await query(page);
  if (rows.length === 0 && page > 1) {
    // past the last page: show the last one
    const first = await query(1);
    page = Math.max(1, Math.ceil(num(first[0]?.total) / POOL_PAGE_SIZE));
    rows = page === 1 ? first : await query(page);
  }
  const total = rows.length ? num(rows[0].total) : 0;
  const pages = Math.max(1, Math.ceil(total / POOL_PAGE_SIZE));
  const slice = rows.map((r, i) => ({
    id: num(r.id),
    rank: (page - 1) * POOL_PAGE_SIZE + i + 1,
    events: num(r.events),
    groupSize: num(r.size),
    breakdown: score({ supports: num(r.supports), votes: 0, urgency: 0, reach: num(r.reach) }, weights),
  }));
  const ids = slice.map((s) => s.id);
  const [details, links] = await Promise.all([
    db.aspiration.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        code: true,
        title: true,
        status: true,
        createdAt: true,
        responseDueAt: true,
        firstResponseAt: true,
        category: { select: { id: true, nameId: true, nameEn: true } },
        kelurahan: { select: { name: true } },
        rw: { select: { name: true } },
      },
    }),
    db.agendaItemAspiration.findMany({
      where: { aspirationId: { in: ids } },
      select: {
        aspirationId: true,
        agendaItem: { select: { id: true, title: true, decision: true, decisionReason: true, deliberationId: true, deliberation: { select: { year: true } } } },
      },
    }),
  ]);
  const byId = new Map(details.map((a) => [a.id, a]));
  const candidates: Candidate[] = slice.map((s) => {
    const a = byId.get(s.id)!;
    const own = links.find((l) => l.aspirationId === s.id && l.agendaItem.deliberationId === d.id);
    const carried = links
      .filter((l) => l.aspirationId === s.id && l.agendaItem.decision === "deferred" && l.agendaItem.deliberation.year < d.year)
      .sort((x, y) => y.agendaItem.deliberation.year - x.agendaItem.deliberation.year)[0];
    return {
      id: s.id,
      code: a.code,
      title: a.title,
      status: a.status,
      category: a.category,
      kelurahan: a.kelurahan?.name ?? null,
      rw: a.rw?.name ?? null,
      createdAt: a.createdAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - a.createdAt.getTime()) / 86_400_000)),
      deadline: deadlineStatus(a, now),
      responseDueAt: a.responseDueAt,
      groupSize: s.groupSize,
      events: s.events,
      breakdown: s.breakdown,
      onItem: own ? { id: own.agendaItem.id, title: own.agendaItem.title } : null,
      carriedFrom: carried
        ? { id: carried.agendaItem.id, title: carried.agendaItem.title, year: carried.agendaItem.deliberation.year, reason: carried.agendaItem.decisionReason }
        : null,
    };
  });
  return { deliberation: d, total, page, pages, candidates, carried: await carriedItems(db, d, scope) };
}

/** Deferred items of earlier deliberations in this area not yet carried into a later one. */
async function carriedItems(db: Db, d: DeliberationRow, scope: Scope) {
  const rows = await db.agendaItem.findMany({
    where: { decision: "deferred", deliberation: { year: { lt: d.year } }, carriedInto: { none: {} } },
    include: {
      deliberation: { select: { year: true, area: { select: { name: true } } } },
      aspirations: {
        select: { aspiration: { select: { id: true, code: true, title: true, status: true, kelurahanId: true, rwId: true, groupPrimaryId: true } } },
      },
    },
    orderBy: { id: "asc" },
    take: 100,
  });
  return rows
    .filter((i) => i.aspirations.length > 0 && i.aspirations.every((l) => inScope(scope, l.aspiration.kelurahanId, l.aspiration.rwId)))
    .map((i) => ({
      id: i.id,
      title: i.title,
      rationale: i.rationale,
      costEstimate: i.costEstimate,
      agency: i.agency,
      urgency: i.urgency,
      year: i.deliberation.year,
      areaName: i.deliberation.area.name,
      reason: i.decisionReason,
      aspirations: i.aspirations.map((l) => ({ id: l.aspiration.id, code: l.aspiration.code, title: l.aspiration.title, status: l.aspiration.status })),
    }));
}

// ------------------------------------------------------------------ dot voting

export async function voterStatus(db: Db, d: DeliberationRow, userId: number | null) {
  if (!userId) return { eligible: false as const, reason: "agenda.vote.signIn" as const, ballot: {} as Allocation, remaining: d.votesPerResident };
  const user = await db.user.findUnique({ where: { id: userId }, select: { kelurahanId: true, rwId: true, disabledAt: true, residency: true } });
  const scope = await scopeOf(db, d.area);
  const votes = await db.agendaVote.findMany({ where: { deliberationId: d.id, userId }, select: { agendaItemId: true, dots: true, assistedById: true } });
  const ballot: Allocation = Object.fromEntries(votes.map((v) => [v.agendaItemId, v.dots]));
  const inArea = !!user && !user.disabledAt && inScope(scope, user.kelurahanId, user.rwId);
  // told before they spend a dot: here only residents whose residency staff verified count
  const unverified = inArea && d.verifiedResidentsOnly && !residencyOf(user, user.residency).verified;
  const eligible = inArea && !unverified;
  return {
    eligible,
    reason: eligible
      ? null
      : unverified
        ? ("agenda.vote.unverified" as const)
        : user?.kelurahanId
          ? ("agenda.vote.outOfArea" as const)
          : ("agenda.vote.noArea" as const),
    ballot,
    assisted: votes.some((v) => v.assistedById !== null),
    spent: spent(ballot),
    remaining: remaining(ballot, d.votesPerResident),
  };
}

async function storeBallot(db: Db, d: DeliberationRow, userId: number, ballot: Allocation, assistedById: number | null, now: Date) {
  if (!votingOpen(d, now)) throw new DomainError("agenda.vote.closed", undefined, undefined, 409);
  const itemIds = (await db.agendaItem.findMany({ where: { deliberationId: d.id }, select: { id: true } })).map((i) => i.id);
  const problem = checkBallot(ballot, itemIds, d.votesPerResident);
  if (problem) throw new DomainError(problem, undefined, { budget: d.votesPerResident });
  const clean = normalise(ballot);
  await db.$transaction([
    db.agendaVote.deleteMany({ where: { deliberationId: d.id, userId } }),
    db.agendaVote.createMany({
      data: Object.entries(clean).map(([itemId, dots]) => ({ deliberationId: d.id, agendaItemId: Number(itemId), userId, dots, assistedById })),
    }),
  ]);
  return { spent: spent(clean), remaining: remaining(clean, d.votesPerResident) };
}

/** A resident replaces their whole ballot (they may change it until the window closes). */
export async function castBallot(db: Db, actor: Actor, id: number, ballot: Allocation, now = new Date()) {
  const d = await loadDeliberation(db, id);
  const status = await voterStatus(db, d, actor.id);
  if (!status.eligible) throw new DomainError(status.reason ?? "agenda.vote.outOfArea", undefined, undefined, 403);
  const result = await storeBallot(db, d, actor.id, ballot, null, now);
  await audit(db, { actorId: actor.id, action: "agenda.vote", targetType: "Deliberation", targetId: id, details: { ballot: normalise(ballot) } });
  return result;
}

/** Staff at the check-in desk record a resident's dots on their behalf (marked as assisted). */
export async function castAssistedBallot(db: Db, staff: Actor, id: number, residentId: number, ballot: Allocation, now = new Date()) {
  if (!can.isStaff(staff)) throw new DomainError("error.403.text", undefined, undefined, 403);
  const d = await loadDeliberation(db, id);
  const status = await voterStatus(db, d, residentId);
  if (!status.eligible) throw new DomainError(status.reason ?? "agenda.vote.outOfArea", "residentId", undefined, 409);
  const result = await storeBallot(db, d, residentId, ballot, staff.id, now);
  await audit(db, {
    actorId: staff.id,
    action: "agenda.vote.assisted",
    targetType: "Deliberation",
    targetId: id,
    details: { residentId, ballot: normalise(ballot) },
  });
  return result;
}

/** For the check-in desk: a resident by e-mail/phone, or the people checked in at the session. */
export async function findResident(db: Db, staff: Actor, where: { id?: number; email?: string; phone?: string }) {
  if (!can.isStaff(staff)) throw new DomainError("error.403.text", undefined, undefined, 403);
  const user = await db.user.findFirst({
    where: where.id ? { id: where.id } : where.email ? { email: where.email } : where.phone ? { phone: where.phone } : { id: -1 },
    select: { id: true, name: true, email: true, phone: true, kelurahan: { select: { name: true } }, rw: { select: { name: true } } },
  });
  return user
    ? { id: user.id, name: user.name, contact: user.email ?? user.phone, area: [user.rw?.name, user.kelurahan?.name].filter(Boolean).join(", ") }
    : null;
}

// ------------------------------------------------------------------ session, attendance, publication

export async function attendance(db: Db, actor: Actor, d: DeliberationRow) {
  if (!can.isStaff(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
  if (!d.eventId) return [];
  const rows = await db.rsvp.findMany({
    where: { eventId: d.eventId, checkedInAt: { not: null } },
    orderBy: { checkedInAt: "asc" },
    select: {
      id: true,
      guestName: true,
      walkIn: true,
      checkedInAt: true,
      user: { select: { id: true, name: true, kelurahan: { select: { name: true } }, rw: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    userId: r.user?.id ?? null,
    name: r.user?.name ?? r.guestName ?? "",
    area: [r.user?.rw?.name, r.user?.kelurahan?.name].filter(Boolean).join(", "),
    walkIn: r.walkIn,
    checkedInAt: r.checkedInAt!,
  }));
}

/** What the deliberation decided about an aspiration (also through its group's primary). */
export async function agendaItemsForAspiration(db: Db, aspirationId: number) {
  const a = await db.aspiration.findUnique({ where: { id: aspirationId }, select: { id: true, groupPrimaryId: true } });
  if (!a) return [];
  const ids = a.groupPrimaryId ? [a.id, a.groupPrimaryId] : [a.id];
  const links = await db.agendaItemAspiration.findMany({
    where: { aspirationId: { in: ids }, agendaItem: { deliberation: { phase: { not: "draft" } } } },
    include: { agendaItem: { include: { deliberation: { include: { area: { select: { name: true, code: true } } } } } } },
  });
  const seen = new Set<number>();
  return links
    .filter((l) => !seen.has(l.agendaItemId) && seen.add(l.agendaItemId))
    .sort((x, y) => y.agendaItem.deliberation.year - x.agendaItem.deliberation.year)
    .map(({ agendaItem: i }) => ({
      itemId: i.id,
      title: i.title,
      decision: i.decision,
      decisionReason: i.decisionReason,
      decidedAt: i.decidedAt,
      year: i.deliberation.year,
      level: i.deliberation.level,
      areaName: i.deliberation.area.name,
      phase: i.deliberation.phase,
      /** link to the item on the public agenda page */
      path: `${agendaPath(i.deliberation)}#item-${i.id}`,
    }));
}

/** The same, for the public aspiration page, which knows the tracking code. */
export async function agendaItemsForAspirationCode(db: Db, code: string): ReturnType<typeof agendaItemsForAspiration> {
  const a = await db.aspiration.findUnique({ where: { code }, select: { id: true } });
  return a ? agendaItemsForAspiration(db, a.id) : [];
}

/** A public address: /agenda/:year, or /agenda/:year/:level/:area (as the URL spells them). */
export interface AgendaAddress {
  year?: string;
  level?: string;
  area?: string;
}

/**
 * The deliberation at a public address (the first of the year when no level and
 * area are named), and the year's other deliberations. A year that is not one,
 * or no deliberation there that the viewer may see, is "not found".
 */
export async function deliberationAt(db: Db, viewer: Actor | null, address: AgendaAddress) {
  const year = /^\d{4}$/.test(address.year ?? "") ? Number(address.year) : NaN;
  if (!(year >= 2000 && year <= 2200)) notFound();
  const found = await findDeliberation(db, viewer, { year, level: address.level, areaCode: address.area });
  if (!found.deliberation) notFound();
  return { deliberation: found.deliberation, others: found.others };
}

/** Everything the public page of a deliberation shows to this viewer. */
export async function publicAgendaPage(db: Db, viewer: Actor | null, address: AgendaAddress, now = new Date()) {
  const { deliberation: d, others } = await deliberationAt(db, viewer, address);
  const page = await publicAgenda(db, viewer, d);
  const voter = await voterStatus(db, d, viewer?.id ?? null);
  return {
    d: { ...deliberationView(d), minutes: d.phase === "decided" || d.phase === "closed" ? d.minutes : null },
    ...page,
    others,
    signedIn: !!viewer,
    canPlan: can.plan(viewer),
    votingOpen: votingOpen(d, now),
    voter: {
      eligible: voter.eligible,
      reason: voter.reason,
      ballot: voter.ballot,
      remaining: voter.remaining,
      assisted: "assisted" in voter ? voter.assisted : false,
    },
  };
}
export type PublicAgendaPage = Awaited<ReturnType<typeof publicAgendaPage>>;

/** The public page of a deliberation: phase, dates, formula, items in priority order. */
export async function publicAgenda(db: Db, viewer: Actor | null, d: DeliberationRow) {
  if (!isPublic(d.phase) && !can.plan(viewer)) notFound();
  const items = await scoredItems(db, d);
  const where = await countedVotes(db, d);
  const [voters, dots] = await Promise.all([
    db.agendaVote.findMany({ where, distinct: ["userId"], select: { userId: true } }),
    db.agendaVote.aggregate({ where, _sum: { dots: true } }),
  ]);
  return { items, voterCount: voters.length, dotCount: dots._sum.dots ?? 0 };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // formulas are neutralised for spreadsheet programs
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function agendaCsv(d: DeliberationRow, items: ScoredItem[], publicUrl = ""): string {
  const header = [
    "rank",
    "item_id",
    "title",
    "score",
    "supports",
    "votes",
    "urgency",
    "reach",
    "part_supports",
    "part_votes",
    "part_urgency",
    "part_reach",
    "cost_estimate",
    "agency",
    "decision",
    "decision_reason",
    "carried_from_item",
    "aspiration_codes",
    "url",
  ];
  const lines = [header.join(",")];
  for (const i of items) {
    const b = i.breakdown;
    lines.push(
      [
        i.rank,
        i.id,
        i.title,
        b.total,
        b.components.supports,
        b.components.votes,
        b.components.urgency,
        b.components.reach,
        b.parts.supports,
        b.parts.votes,
        b.parts.urgency,
        b.parts.reach,
        i.costEstimate,
        i.agency,
        i.decision,
        i.decisionReason,
        i.carriedFrom?.id,
        i.aspirations.map((a) => a.code).join(" "),
        `${publicUrl}${agendaPath(d)}#item-${i.id}`,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function agendaJson(d: DeliberationRow, items: ScoredItem[], publicUrl = "") {
  return {
    year: d.year,
    level: d.level,
    area: { name: d.area.name, code: d.area.code },
    phase: d.phase,
    intake: { start: d.intakeStart, end: d.intakeEnd },
    review: { start: d.reviewStart, end: d.reviewEnd, votesPerResident: d.votesPerResident, verifiedResidentsOnly: d.verifiedResidentsOnly },
    session: d.event
      ? {
          eventId: d.event.id,
          // the stored (Indonesian) text, and its message key and parameters when Balai wrote it
          title: d.event.title,
          titleKey: d.event.titleKey,
          titleParams: d.event.titleKey ? parseTextParams(d.event.titleParams) : null,
          startsAt: d.event.startsAt,
          endsAt: d.event.endsAt,
          venue: d.event.venueName,
          address: d.event.venueAddress,
        }
      : null,
    weights: weightsOf(d),
    formula: "score = supports*w_supports + votes*w_votes + urgency*w_urgency + reach*w_reach",
    tieBreak: ["more residents' votes", "more supports", "item created first"],
    url: `${publicUrl}${agendaPath(d)}`,
    items: items.map((i) => ({
      rank: i.rank,
      id: i.id,
      title: i.title,
      rationale: i.rationale,
      costEstimate: i.costEstimate,
      agency: i.agency,
      score: i.breakdown.total,
      components: i.breakdown.components,
      parts: i.breakdown.parts,
      decision: i.decision,
      decisionReason: i.decisionReason,
      decidedAt: i.decidedAt,
      carriedFrom: i.carriedFrom,
      aspirations: i.aspirations.map((a) => ({
        code: a.code,
        title: a.title,
        status: a.status,
        url: `${publicUrl}/aspirations/${a.code}`,
        sourceEvent: a.sourceEvent ? { id: a.sourceEvent.id, title: a.sourceEvent.title, url: `${publicUrl}/events/${a.sourceEvent.id}` } : null,
        sourceQuestion: a.sourceQuestion ? { id: a.sourceQuestion.id, text: a.sourceQuestion.text, eventId: a.sourceQuestion.eventId } : null,
      })),
    })),
  };
}

/** The session as an .ics file; the UID is the session event's, so calendars see one entry. */
export function sessionIcs(d: DeliberationRow, origin: string, locale: Locale = "id"): { body: string; filename: string } {
  if (!d.event || !isPublic(d.phase)) notFound();
  const title = eventTitle(d.event, locale);
  const cal = ical({ name: title, prodId: { company: "Kecamatan Duren Sawit", product: "Balai", language: locale.toUpperCase() } });
  cal.method(ICalCalendarMethod.PUBLISH);
  const url = `${origin}${agendaPath(d)}`;
  cal.createEvent({
    id: `event-${d.event.id}@balai.duren-sawit`,
    sequence: d.event.sequence,
    start: d.event.startsAt,
    end: d.event.endsAt,
    summary: title,
    description: `${deliberationLabel(d)}\n\n${url}`,
    location: { title: d.event.venueName, address: d.event.venueAddress },
    url,
    status: d.event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { body: cal.toString(), filename: `musyawarah-${d.year}-${d.level}-${d.area.code}.ics` };
}

/** Filter choices of the candidate pool: categories, and the kelurahan/RWs of the area. */
export async function poolFilterOptions(db: Db, d: DeliberationRow) {
  const scope = await scopeOf(db, d.area);
  const [categories, kelurahan] = await Promise.all([
    db.category.findMany({ where: { archived: false }, orderBy: { position: "asc" }, select: { id: true, nameId: true, nameEn: true } }),
    db.area.findMany({
      where: { id: { in: scope.kelurahanIds } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        children: { where: scope.rwIds ? { id: { in: scope.rwIds } } : { level: "rw" }, orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
  ]);
  return { categories, kelurahan: kelurahan.map((k) => ({ id: k.id, name: k.name, rws: k.children })) };
}

export function listItemTitles(db: Db, d: DeliberationRow) {
  return db.agendaItem.findMany({ where: { deliberationId: d.id }, orderBy: { id: "asc" }, select: { id: true, title: true } });
}
