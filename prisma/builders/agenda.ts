// Builders for the annual deliberation: a deliberation in a given phase with its
// session event, a candidate aspiration in its area, an agenda item, a ballot.
// See core.ts for the conventions.
import type { Db } from "~/db/client.server";
import { agendaPath } from "~/domain/agenda/agenda.server";
import type { Decision, Phase } from "~/domain/agenda/phases";
import { generateCode } from "~/domain/aspirations/code";
import { aKelurahan, anArea, unique } from "./core";
import { anEvent, wibMorning, type EventOverrides } from "./events";

const DAY = 86_400_000;
const WIB = 7 * 3_600_000;

type Level = "kecamatan" | "kelurahan" | "rw";

/** The current year in WIB. */
export function wibYear(now = new Date()): number {
  return new Date(now.getTime() + WIB).getUTCFullYear();
}

/** The last second of today (WIB), `days` from now. */
function endOfWibDay(days: number): Date {
  const now = new Date(Date.now() + WIB + days * DAY);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - WIB + DAY - 1000);
}

export interface DeliberationOverrides {
  /** default "candidates" */
  phase?: Phase;
  year?: number;
  /** the level of a new area (default "kelurahan"); ignored when `area` is given */
  level?: Level;
  /** an existing area to deliberate over, instead of a new one */
  area?: { id: number; level: string };
  intakeStart?: Date;
  intakeEnd?: Date;
  reviewStart?: Date;
  reviewEnd?: Date;
  votesPerResident?: number;
  /** only residents whose residency staff verified count (default false) */
  verifiedResidentsOnly?: boolean;
  weightSupports?: number;
  weightVotes?: number;
  weightUrgency?: number;
  weightReach?: number;
  minutes?: string | null;
  createdById?: number | null;
  /** the session event (an `anEvent` dialogue in the area); null: no session event */
  session?: EventOverrides | null;
}

/**
 * A deliberation in the given phase, with dates that fit the phase as of now:
 * before the session the intake runs until today and the public review is open
 * (yesterday to two weeks ahead); from the session on, both lie in the past and
 * the session was yesterday. By default over a new kelurahan with three RWs.
 */
export async function aDeliberation(db: Db, overrides: DeliberationOverrides = {}) {
  const phase = overrides.phase ?? "candidates";
  const past = phase === "session" || phase === "decided" || phase === "closed";
  const { area, kelurahan } = await areaFor(db, overrides);
  const year = overrides.year ?? wibYear();
  const event =
    overrides.session === null
      ? null
      : await anEvent(db, {
          title: `Musyawarah Warga ${year} uji ${unique()}`,
          topic: "Musyawarah warga",
          startsAt: past ? wibMorning(-1) : wibMorning(21),
          status: past && phase !== "session" ? "completed" : "published",
          kelurahanId: area.level === "kelurahan" ? area.id : area.level === "rw" ? (kelurahan?.id ?? null) : null,
          rwId: area.level === "rw" ? area.id : null,
          createdById: overrides.createdById ?? null,
          ...overrides.session,
        });
  const d = await db.deliberation.create({
    data: {
      year,
      level: area.level,
      areaId: area.id,
      phase,
      intakeStart: overrides.intakeStart ?? new Date(Date.now() - (past ? 150 : 120) * DAY),
      intakeEnd: overrides.intakeEnd ?? (past ? new Date(Date.now() - 30 * DAY) : endOfWibDay(0)),
      reviewStart: overrides.reviewStart ?? new Date(Date.now() - (past ? 29 : 1) * DAY),
      reviewEnd: overrides.reviewEnd ?? (past ? new Date(Date.now() - 2 * DAY) : endOfWibDay(14)),
      votesPerResident: overrides.votesPerResident ?? 5,
      verifiedResidentsOnly: overrides.verifiedResidentsOnly ?? false,
      weightSupports: overrides.weightSupports ?? 1,
      weightVotes: overrides.weightVotes ?? 2,
      weightUrgency: overrides.weightUrgency ?? 3,
      weightReach: overrides.weightReach ?? 3,
      minutes: overrides.minutes ?? null,
      eventId: event?.id ?? null,
      createdById: overrides.createdById ?? null,
    },
    include: { area: true },
  });
  return { ...d, event, kelurahan, path: agendaPath(d) };
}

/** The area a new deliberation covers, and (when there is one) the kelurahan whose RWs lie in it. */
async function areaFor(db: Db, overrides: DeliberationOverrides) {
  if (overrides.area) {
    const area = await db.area.findUniqueOrThrow({ where: { id: overrides.area.id } });
    const kelurahanId = area.level === "kelurahan" ? area.id : area.level === "rw" ? area.parentId : null;
    const kelurahan = kelurahanId ? await db.area.findUniqueOrThrow({ where: { id: kelurahanId }, include: { children: { orderBy: { id: "asc" } } } }) : null;
    return { area: { id: area.id, level: area.level as Level }, kelurahan: kelurahan && { id: kelurahan.id, name: kelurahan.name, rws: kelurahan.children } };
  }
  const level = overrides.level ?? "kelurahan";
  const kecamatan = await anArea(db, { level: "kecamatan" });
  const kelurahan = await aKelurahan(db, { kecamatanId: kecamatan.id });
  const id = level === "kecamatan" ? kecamatan.id : level === "kelurahan" ? kelurahan.id : kelurahan.rws[0].id;
  return { area: { id, level }, kelurahan: { id: kelurahan.id, name: kelurahan.name, rws: kelurahan.rws } };
}

export interface CandidateOverrides {
  title?: string;
  description?: string;
  /** default "verified": a candidate for the pool */
  status?: string;
  kelurahanId?: number;
  rwId?: number | null;
  categoryId?: number | null;
  submitterId?: number | null;
  supportCount?: number;
  groupPrimaryId?: number | null;
  /** default ten days ago (inside the default intake period) */
  createdAt?: Date;
  responseDueAt?: Date | null;
  firstResponseAt?: Date | null;
}

/**
 * A verified aspiration inside a deliberation's area (its kelurahan, in its first RW
 * unless told otherwise): a candidate of the pool, ready to go on an agenda item.
 */
export async function aCandidateAspiration(db: Db, deliberation: { areaId: number }, overrides: CandidateOverrides = {}) {
  const place = overrides.kelurahanId
    ? { kelurahanId: overrides.kelurahanId, rwId: overrides.rwId ?? null }
    : await placeIn(db, deliberation.areaId, overrides.rwId);
  const createdAt = overrides.createdAt ?? new Date(Date.now() - 10 * DAY);
  const id = unique();
  return db.aspiration.create({
    data: {
      code: generateCode(),
      title: overrides.title ?? `Usulan warga uji ${id}`,
      description: overrides.description ?? "Usulan warga untuk musyawarah tahunan.",
      channel: "web",
      status: overrides.status ?? "verified",
      kelurahanId: place.kelurahanId,
      rwId: place.rwId,
      categoryId: overrides.categoryId ?? null,
      submitterId: overrides.submitterId ?? null,
      supportCount: overrides.supportCount ?? 0,
      groupPrimaryId: overrides.groupPrimaryId ?? null,
      createdAt,
      verifiedAt: new Date(createdAt.getTime() + DAY),
      responseDueAt: overrides.responseDueAt === undefined ? new Date(createdAt.getTime() + 7 * DAY) : overrides.responseDueAt,
      firstResponseAt: overrides.firstResponseAt ?? null,
    },
  });
}

/** A kelurahan (and RW) inside an area: the area itself, its parent kelurahan, or a kecamatan's first kelurahan. */
async function placeIn(db: Db, areaId: number, rwId?: number | null) {
  const area = await db.area.findUniqueOrThrow({ where: { id: areaId } });
  if (area.level === "rw") return { kelurahanId: area.parentId!, rwId: area.id };
  const kelurahan =
    area.level === "kelurahan" ? area : await db.area.findFirstOrThrow({ where: { parentId: area.id, level: "kelurahan" }, orderBy: { id: "asc" } });
  const rw = rwId === undefined ? await db.area.findFirst({ where: { parentId: kelurahan.id, level: "rw" }, orderBy: { id: "asc" } }) : null;
  return { kelurahanId: kelurahan.id, rwId: rwId === undefined ? (rw?.id ?? null) : rwId };
}

type BuiltAspiration = Awaited<ReturnType<typeof aCandidateAspiration>>;

export interface AgendaItemOverrides<A extends { id: number } = BuiltAspiration> {
  title?: string;
  rationale?: string;
  costEstimate?: number | null;
  agency?: string | null;
  urgency?: number;
  decision?: Decision | null;
  decisionReason?: string | null;
  decidedAt?: Date | null;
  carriedFromId?: number | null;
  /** the aspirations it is made of (default: one new candidate in the deliberation's area) */
  aspirations?: A[];
}

/** An agenda item of `deliberation`, undecided unless told otherwise. */
export async function anAgendaItem<A extends { id: number } = BuiltAspiration>(
  db: Db,
  deliberation: { id: number; areaId: number },
  overrides: AgendaItemOverrides<A> = {},
) {
  const aspirations: (A | BuiltAspiration)[] = overrides.aspirations ?? [await aCandidateAspiration(db, deliberation)];
  const decision = overrides.decision ?? null;
  const item = await db.agendaItem.create({
    data: {
      deliberationId: deliberation.id,
      title: overrides.title ?? `Usulan agenda uji ${unique()}`,
      rationale: overrides.rationale ?? "Diusulkan warga dan didukung tetangga dari beberapa RW.",
      costEstimate: overrides.costEstimate ?? null,
      agency: overrides.agency ?? null,
      urgency: overrides.urgency ?? 0,
      decision,
      decisionReason: overrides.decisionReason ?? (decision && decision !== "accepted" ? "Ditunda untuk uji." : null),
      decidedAt: overrides.decidedAt ?? (decision ? new Date() : null),
      carriedFromId: overrides.carriedFromId ?? null,
      aspirations: { create: aspirations.map((a) => ({ aspirationId: a.id })) },
    },
  });
  return { ...item, aspirations };
}

/** A resident's dots on the items of a deliberation (`{ [itemId]: dots }`); `assistedById` for the check-in desk. */
export async function aBallot(
  db: Db,
  deliberation: { id: number },
  voter: { id: number },
  dots: Record<number, number>,
  overrides: { assistedById?: number | null } = {},
) {
  const rows = Object.entries(dots)
    .filter(([, n]) => n > 0)
    .map(([itemId, n]) => ({
      deliberationId: deliberation.id,
      agendaItemId: Number(itemId),
      userId: voter.id,
      dots: n,
      assistedById: overrides.assistedById ?? null,
    }));
  await db.agendaVote.createMany({ data: rows });
  return rows;
}
