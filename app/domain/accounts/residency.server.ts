// Residency verified in person (issue 13), as Decidim's direct verification and
// CONSUL's census check do: counter staff (or a supervisor, or an admin) look at a
// resident's KTP at the office and confirm the kelurahan and RW on their account.
// Every grant and revocation is audited (who, when, which area). A deliberation can
// then count only verified residents' dots (agenda.server.ts): one person, one vote.
//
// A verification confirms the area the account had at that moment; if the account
// names another area later, it no longer counts (`residencyOf`).
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { containsText } from "~/db/search";
import { hasRole, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import { idSchema } from "~/domain/ids";

/** Counter staff and supervisors (the office's desk), and admins. */
export function canVerifyResidency(actor: Actor | null | undefined): actor is Actor {
  return hasRole(actor, "counter", "supervisor");
}

function requireDesk(actor: Actor | null | undefined): asserts actor is Actor {
  if (!canVerifyResidency(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
}

export const residencyActionSchema = z.object({
  userId: idSchema,
  note: z.string().trim().max(300, "agenda.residency.noteTooLong").optional().default(""),
});

export interface Residency {
  verified: boolean;
  verifiedAt: Date | null;
  /** a verification that no longer counts: revoked, or the account's area changed */
  lapsed: boolean;
}

/** Whether the account's current kelurahan and RW are the ones staff confirmed. */
export function residencyOf(
  user: { kelurahanId: number | null; rwId: number | null },
  row: { kelurahanId: number; rwId: number | null; verifiedAt: Date; revokedAt: Date | null } | null,
): Residency {
  if (!row) return { verified: false, verifiedAt: null, lapsed: false };
  const sameArea = row.kelurahanId === user.kelurahanId && row.rwId === user.rwId;
  const verified = !row.revokedAt && sameArea;
  return { verified, verifiedAt: verified ? row.verifiedAt : null, lapsed: !verified };
}

export async function residencyOfUser(db: Db, userId: number): Promise<Residency> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { kelurahanId: true, rwId: true, residency: true } });
  return user ? residencyOf(user, user.residency) : { verified: false, verifiedAt: null, lapsed: false };
}

/** Staff confirm in person that the resident lives in the kelurahan (and RW) on their account. */
export async function verifyResidency(db: Db, staff: Actor | null, input: { userId: number; note?: string }, now = new Date()): Promise<{ name: string }> {
  requireDesk(staff);
  return db.$transaction(async (txClient) => {
    const tx = txClient as Db;
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, kelurahanId: true, rwId: true, disabledAt: true } });
    if (!user || user.disabledAt) throw new DomainError("agenda.residency.notFound", undefined, undefined, 404);
    if (!user.kelurahanId) throw new DomainError("agenda.residency.noArea", "userId", undefined, 409);
    const data = {
      kelurahanId: user.kelurahanId,
      rwId: user.rwId,
      method: "in_person",
      note: input.note || null,
      verifiedById: staff.id,
      verifiedAt: now,
      revokedAt: null,
      revokedById: null,
    };
    await tx.residencyVerification.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
    await audit(tx, {
      actorId: staff.id,
      action: "residency.verified",
      targetType: "user",
      targetId: user.id,
      details: { kelurahanId: user.kelurahanId, rwId: user.rwId, method: "in_person", ...(input.note ? { note: input.note } : {}) },
    });
    return { name: user.name };
  });
}

/** Staff take a verification back (a mistake, the resident moved); the record stays, marked revoked. */
export async function revokeResidency(db: Db, staff: Actor | null, input: { userId: number; note?: string }, now = new Date()): Promise<{ name: string }> {
  requireDesk(staff);
  return db.$transaction(async (txClient) => {
    const tx = txClient as Db;
    const { count } = await tx.residencyVerification.updateMany({
      where: { userId: input.userId, revokedAt: null },
      data: { revokedAt: now, revokedById: staff.id },
    });
    if (count !== 1) throw new DomainError("agenda.residency.notVerified", "userId", undefined, 409);
    await audit(tx, {
      actorId: staff.id,
      action: "residency.revoked",
      targetType: "user",
      targetId: input.userId,
      details: input.note ? { note: input.note } : undefined,
    });
    return { name: (await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { name: true } })).name };
  });
}

export const RESIDENTS_PAGE_SIZE = 20;

/** The desk's search: residents by name, e-mail or phone, with their area and verification. */
export async function findResidents(db: Db, staff: Actor | null, query: { q?: string; page: number }) {
  requireDesk(staff);
  const q = query.q?.trim() ?? "";
  if (q.length < 2) return { q, total: 0, pages: 1, residents: [] };
  const digits = q.replace(/\D/g, "");
  const where = {
    disabledAt: null,
    OR: [
      { name: containsText(db, q) },
      { email: { contains: q.toLowerCase() } },
      ...(digits.length >= 4 ? [{ phone: { contains: digits.replace(/^0/, "") } }] : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * RESIDENTS_PAGE_SIZE,
      take: RESIDENTS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        kelurahanId: true,
        rwId: true,
        kelurahan: { select: { name: true } },
        rw: { select: { name: true } },
        residency: true,
      },
    }),
  ]);
  return {
    q,
    total,
    pages: Math.max(1, Math.ceil(total / RESIDENTS_PAGE_SIZE)),
    residents: rows.map((u) => ({
      id: u.id,
      name: u.name,
      contact: u.email ?? u.phone ?? "",
      area: [u.rw?.name, u.kelurahan?.name].filter(Boolean).join(", "),
      hasArea: u.kelurahanId !== null,
      ...residencyOf(u, u.residency),
      revocable: !!u.residency && !u.residency.revokedAt,
    })),
  };
}

/**
 * The votes a deliberation counts when it counts only verified residents: those whose
 * verification stands and confirms an area inside the deliberation's (a Prisma filter
 * on AgendaVote). `null`: every vote counts.
 */
export function verifiedVoterFilter(scope: { kelurahanIds: number[]; rwIds: number[] | null }) {
  return {
    user: {
      residency: { is: { revokedAt: null, kelurahanId: { in: scope.kelurahanIds }, ...(scope.rwIds ? { rwId: { in: scope.rwIds } } : {}) } },
    },
  };
}
