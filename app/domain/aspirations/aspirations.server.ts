// Aspirations: intake from every channel, the public page (no personal data),
// the staff view, supports and browsing. Use cases take (db, actor, input).
import type { Db } from "~/db/client.server";
import { providerOfClient } from "~/db/search";
import { checkKelurahanRw } from "~/domain/areas/areas.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { MAX_ID } from "~/domain/ids";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { notify, notifyContact } from "~/domain/notifications/notifications.server";
import type { Channel, StaffIntakeInput, WebSubmitInput } from "./aspirations.schema";
import { deadlinesFor } from "./calendar.server";
import { generateCode, normalizeCode } from "./code";
import { FOLLOW_UP_FIELDS, followUpOf, pickFollowUp, refreshSupportCounts, rootIdOf } from "./grouping.server";
import { nextStatuses } from "./status";
import { MAX_PHOTOS, attachPhotos, discardPhotos, storePhotos, type Photo } from "./photos.server";
import type { ImageStore, SavedImage } from "~/domain/images/images";
import { defaultLocale, translate, type Locale } from "~/i18n";
import { INTEGRITY_CATEGORY, PUBLIC_ONLY, mayManageAspiration, maySeeContent, staffListFilter } from "./visibility.server";

export interface NotifyOptions {
  publicUrl?: string;
  now?: Date;
  /** a guest's language (the page they wrote from): their messages come in it */
  locale?: Locale;
}

export interface NewAspiration {
  title: string;
  description: string;
  /** null only for messages (WhatsApp) that staff classify afterwards */
  categoryId: number | null;
  kelurahanId: number | null;
  rwId?: number | null;
  address?: string | null;
  channel: Channel;
  submitterId?: number | null;
  submitterName?: string | null;
  submitterContact?: string | null;
  anonymous?: boolean;
  confidential?: boolean;
  assistedById?: number | null;
  consentRecorded?: boolean;
  sourceQuestionId?: number | null;
  sourcePostId?: number | null;
  sourceEventId?: number | null;
  sourceAgendaPointId?: number | null;
  /** an integrity report about this unit (and service): confidential, see visibility.server.ts */
  integrityUnitId?: number | null;
  integrityServiceId?: number | null;
}

/** Checks the references of a new aspiration (field errors for the form). */
export async function checkReferences(
  db: Db,
  data: { categoryId: number; kelurahanId: number } & Pick<NewAspiration, "rwId" | "sourceEventId">,
  options: { integrity?: boolean } = {},
): Promise<void> {
  const category = await db.category.findFirst({ where: { id: data.categoryId, archived: false }, select: { id: true, slug: true } });
  // the integrity category only through a service page's integrity form (which keeps it confidential)
  if (!category || (category.slug === INTEGRITY_CATEGORY) !== (options.integrity ?? false))
    throw new DomainError("aspirations.validation.category", "categoryId");
  const area = await checkKelurahanRw(db, data.kelurahanId, data.rwId ?? undefined);
  if (area === "kelurahan") throw new DomainError("aspirations.validation.kelurahan", "kelurahanId");
  if (area === "rw") throw new DomainError("aspirations.validation.rw", "rwId");
  if (data.sourceEventId) {
    const event = await db.event.findUnique({ where: { id: data.sourceEventId }, select: { id: true } });
    if (!event) throw new DomainError("aspirations.validation.event", "sourceEventId");
  }
}

/** Inserts with a fresh random tracking code and the service deadlines. No permission checks: callers do them. */
export async function insertAspiration(db: Db, data: NewAspiration, now = new Date()) {
  const deadlines = await deadlinesFor(db, now);
  const anonymous = data.anonymous ?? false;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.aspiration.create({
        data: {
          code: generateCode(),
          title: data.title,
          description: data.description,
          categoryId: data.categoryId,
          kelurahanId: data.kelurahanId,
          rwId: data.rwId ?? null,
          address: data.address ?? null,
          channel: data.channel,
          // anonymous: nothing about the person is kept at all
          submitterId: anonymous ? null : (data.submitterId ?? null),
          submitterName: anonymous ? null : (data.submitterName ?? null),
          submitterContact: anonymous ? null : (data.submitterContact ?? null),
          anonymous,
          confidential: anonymous ? false : (data.confidential ?? false),
          assistedById: data.assistedById ?? null,
          consentRecorded: data.consentRecorded ?? false,
          sourceQuestionId: data.sourceQuestionId ?? null,
          sourcePostId: data.sourcePostId ?? null,
          sourceEventId: data.sourceEventId ?? null,
          sourceAgendaPointId: data.sourceAgendaPointId ?? null,
          integrityUnitId: data.integrityUnitId ?? null,
          integrityServiceId: data.integrityUnitId ? (data.integrityServiceId ?? null) : null,
          createdAt: now,
          ...deadlines,
        },
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

/** The receipt, written to the outbox with the aspiration (call it inside the same transaction). */
async function tellSubmitter(
  db: Db,
  mailer: Mailer,
  a: { id: number; code: string; title: string; submitterId: number | null; submitterContact: string | null },
  options: NotifyOptions,
) {
  const input = {
    messageKey: "aspirations.notify.received" as const,
    params: { code: a.code, title: a.title },
    link: `/aspirations/${a.code}`,
    key: `aspiration:${a.id}:received`,
  };
  if (a.submitterId) await notify(db, mailer, { userIds: [a.submitterId], ...input });
  else await notifyContact(db, a.submitterContact, input, { locale: options.locale, purpose: "aspirations.followUp" });
}

/**
 * A resident (signed in, guest or anonymous) submits through the web form, with up to
 * 3 photos (already checked by readPhotos). The photos are stored first: when the
 * store refuses one (e.g. too many pixels), nothing is written and the error is about "photos".
 */
export async function submitAspiration(
  db: Db,
  mailer: Mailer,
  actor: Actor | null,
  input: WebSubmitInput,
  options: NotifyOptions & { photos?: Photo[]; store?: ImageStore; integrity?: { unitId: number; serviceId: number } } = {},
) {
  await checkReferences(db, input, { integrity: !!options.integrity });
  const store = options.store;
  const stored = options.photos?.length && store ? await storePhotos(store, options.photos) : [];
  const identity = input.identity === "account" && !actor ? "guest" : input.identity;
  let created: Awaited<ReturnType<typeof insertAspiration>>;
  try {
    // the aspiration, its photos and its receipt (outbox) are stored together
    created = await db.$transaction(async (tx) => {
      const row = await insertAspiration(
        tx as Db,
        {
          ...input,
          channel: "web",
          submitterId: identity === "account" ? actor!.id : null,
          submitterName: identity === "guest" ? input.submitterName : null,
          submitterContact: identity === "guest" ? input.submitterContact : null,
          anonymous: identity === "anonymous",
          confidential: input.confidential,
          integrityUnitId: options.integrity?.unitId ?? null,
          integrityServiceId: options.integrity?.serviceId ?? null,
        },
        options.now,
      );
      await attachPhotos(tx as Db, row.id, stored, translate(defaultLocale, "aspirations.new.photoAlt", { title: row.title }));
      await tellSubmitter(tx as Db, mailer, row, options);
      return row;
    });
  } catch (error) {
    if (store) await discardPhotos(store, stored);
    throw error;
  }
  return created;
}

/**
 * A resident's message on a messaging channel (WhatsApp) becomes an aspiration with
 * that channel: the first sentence is its title, the message its description, the
 * photos that came with it its images. Category and kelurahan are left for staff to
 * set. Call it inside the transaction that records the message; the caller replies
 * on the same channel with the tracking code (so no e-mail receipt is sent here).
 */
export async function submitFromMessage(
  tx: Db,
  input: { text: string; channel: Channel; contact: string; name?: string | null; photos?: SavedImage[]; title?: string },
  now = new Date(),
) {
  const text = input.text.trim();
  const firstSentence = text.split(/(?<=[.!?])\s|\n/)[0] ?? text;
  const title = (input.title?.trim() || (firstSentence.length > 150 ? `${firstSentence.slice(0, 147).replace(/\s+\S*$/, "")}…` : firstSentence)).slice(0, 150);
  const created = await insertAspiration(
    tx,
    {
      title,
      description: text,
      categoryId: null,
      kelurahanId: null,
      channel: input.channel,
      submitterName: input.name ?? null,
      submitterContact: input.contact,
      consentRecorded: true,
    },
    now,
  );
  if (input.photos?.length)
    await attachPhotos(tx, created.id, input.photos.slice(0, MAX_PHOTOS), translate(defaultLocale, "aspirations.new.photoAlt", { title: created.title }));
  return created;
}

/** Staff record an aspiration from an offline channel on the resident's behalf, with consent. */
export async function recordAspiration(db: Db, mailer: Mailer, actor: Actor, input: StaffIntakeInput, options: NotifyOptions = {}) {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  if (!input.consent) throw new DomainError("aspirations.validation.consent", "consent");
  await checkReferences(db, input);
  return db.$transaction(async (tx) => {
    const created = await insertAspiration(tx as Db, { ...input, assistedById: actor.id, consentRecorded: true }, options.now);
    await audit(tx as Db, {
      actorId: actor.id,
      action: "aspiration.recorded",
      targetType: "aspiration",
      targetId: created.id,
      details: { channel: input.channel, code: created.code },
    });
    await tellSubmitter(tx as Db, mailer, created, options);
    return created;
  });
}

// ------------------------------------------------------------------ similar

const STOPWORDS = new Set(
  "yang di ke dari dan untuk dengan ini itu ada tidak kami kita saya mohon agar pada akan sudah belum atau juga karena sangat lebih dalam oleh bisa tolong segera harap minta warga the and for with of to in a is are".split(
    " ",
  ),
);

export function tokens(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w.length > 2 && !STOPWORDS.has(w)),
  );
}

/** How alike two texts are, 0..1 (shared words over the geometric mean of the sizes). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

export async function findSimilar(db: Db, input: { title: string; description?: string; categoryId?: number; kelurahanId?: number }, limit = 5) {
  const mine = tokens(`${input.title} ${input.title} ${input.description ?? ""}`);
  const candidates = await db.aspiration.findMany({
    where: { groupPrimaryId: null, status: { notIn: ["rejected"] }, ...PUBLIC_ONLY },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      code: true,
      title: true,
      description: true,
      status: true,
      supportCount: true,
      categoryId: true,
      kelurahanId: true,
      kelurahan: { select: { name: true } },
    },
  });
  return candidates
    .map((c) => {
      let score = similarity(mine, tokens(`${c.title} ${c.title} ${c.description}`));
      if (score > 0 && input.categoryId && c.categoryId === input.categoryId) score += 0.05;
      if (score > 0 && input.kelurahanId && c.kelurahanId === input.kelurahanId) score += 0.05;
      return { code: c.code, title: c.title, status: c.status, supportCount: c.supportCount, kelurahan: c.kelurahan?.name ?? null, score };
    })
    .filter((c) => c.score >= 0.25)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

// ------------------------------------------------------------------ reading

const updatesSelect = {
  orderBy: { createdAt: "asc" as const },
  select: { id: true, fromStatus: true, toStatus: true, note: true, noteKey: true, noteParams: true, createdAt: true, actor: { select: { name: true } } },
};

const publicSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  channel: true,
  address: true,
  anonymous: true,
  confidential: true,
  submitterName: true,
  submitterId: true,
  submitter: { select: { name: true } },
  assistedById: true,
  supportCount: true,
  ...FOLLOW_UP_FIELDS,
  createdAt: true,
  groupPrimaryId: true,
  integrityUnitId: true,
  integrityUnit: { select: { id: true, name: true } },
  integrityService: { select: { slug: true, name: true } },
  category: { select: { slug: true, nameId: true, nameEn: true } },
  kelurahan: { select: { id: true, name: true } },
  rw: { select: { name: true } },
  sourceQuestion: { select: { id: true, session: { select: { code: true } } } },
  sourcePost: { select: { id: true, topicId: true } },
  sourceEvent: { select: { id: true, title: true } },
  sourceAgendaPoint: { select: { id: true, text: true } },
  updates: updatesSelect,
  groupPrimary: { select: { code: true, title: true, supportCount: true, ...FOLLOW_UP_FIELDS, updates: updatesSelect } },
} as const;

export type SourceLink = { kind: "qa" | "discussion" | "event"; href: string; label?: string };

function sourceOf(a: {
  sourceQuestion: { id: number; session: { code: string } } | null;
  sourcePost: { id: number; topicId: number } | null;
  sourceEvent: { id: number; title: string } | null;
  sourceAgendaPoint: { id: number; text: string } | null;
}): SourceLink[] {
  const links: SourceLink[] = [];
  if (a.sourceQuestion) links.push({ kind: "qa", href: `/qa/${a.sourceQuestion.session.code}` });
  if (a.sourcePost) links.push({ kind: "discussion", href: `/discussions/${a.sourcePost.topicId}#post-${a.sourcePost.id}` });
  if (a.sourceEvent)
    links.push({
      kind: "event",
      href: `/events/${a.sourceEvent.id}`,
      label: a.sourceAgendaPoint ? `${a.sourceEvent.title}: ${a.sourceAgendaPoint.text}` : a.sourceEvent.title,
    });
  return links;
}

/** The name shown publicly: only when the submitter chose to be named. Never a contact. */
function publicSubmitter(a: { anonymous: boolean; confidential: boolean; submitterName: string | null; submitter: { name: string } | null }): string | null {
  if (a.anonymous || a.confidential) return null;
  return a.submitter?.name ?? a.submitterName ?? null;
}

/**
 * Everything anyone with the code may see: no contact, no hidden identity. An integrity
 * report shows its content only to its reporter, the unit's supervisors and admins; to
 * anyone else it is `sealed`: the code, the status, the deadlines and when the status
 * changed, nothing of what was written.
 */
export async function getPublicAspiration(db: Db, rawCode: string, viewer: Actor | null, options: { staff?: boolean } = {}) {
  const code = normalizeCode(rawCode);
  if (!code) return null;
  const a = await db.aspiration.findUnique({ where: { code }, select: publicSelect });
  if (!a) return null;
  const sealed = !options.staff && !(await maySeeContent(db, viewer, a));
  const rootId = a.groupPrimaryId ?? a.id;
  const primary = a.groupPrimary;
  const [members, supportedByMe] = await Promise.all([
    db.aspiration.findMany({ where: { groupPrimaryId: rootId }, orderBy: { createdAt: "asc" }, select: { code: true, title: true, status: true } }),
    viewer
      ? db.aspirationSupport.findFirst({
          where: { userId: viewer.id, aspiration: { OR: [{ id: rootId }, { groupPrimaryId: rootId }] } },
          select: { aspirationId: true },
        })
      : null,
  ]);
  // a member of a group shows its group's status, deadlines and log (the one rule: followUpOf)
  const state = followUpOf({ ...pickFollowUp(a), updates: a.updates }, primary && { ...pickFollowUp(primary), updates: primary.updates });
  const full = {
    code: a.code,
    sealed,
    /** an integrity report (confidential): the unit and service it is about */
    integrity: a.integrityUnit && { unit: a.integrityUnit, service: a.integrityService },
    viewerMayManage: await mayManageAspiration(db, viewer, a),
    title: a.title,
    description: a.description,
    status: state.status,
    channel: a.channel,
    address: a.confidential ? null : a.address,
    submitterName: publicSubmitter(a),
    assisted: a.assistedById !== null,
    ownedByViewer: viewer !== null && a.submitterId === viewer.id,
    category: a.category,
    kelurahan: a.kelurahan?.name ?? null,
    rw: a.rw?.name ?? null,
    createdAt: a.createdAt,
    verifyDueAt: state.verifyDueAt,
    responseDueAt: state.responseDueAt,
    verifiedAt: state.verifiedAt,
    firstResponseAt: state.firstResponseAt,
    /** supports of the whole group, each person once */
    supportCount: primary ? primary.supportCount : a.supportCount,
    supportedByMe: supportedByMe !== null,
    supportedHere: supportedByMe?.aspirationId === a.id,
    primary: primary && { code: primary.code, title: primary.title, status: primary.status, supportCount: primary.supportCount },
    members: members.filter((m) => m.code !== a.code),
    sources: sourceOf(a),
    updates: state.updates.map((u) => ({
      id: u.id,
      fromStatus: u.fromStatus,
      toStatus: u.toStatus,
      note: u.note,
      // a note Balai wrote itself (a message key and its parameters): shown in the reader's language
      noteKey: u.noteKey,
      noteParams: u.noteParams,
      createdAt: u.createdAt,
      actorName: u.actor?.name ?? null,
    })),
  };
  if (!sealed) return full;
  return {
    ...full,
    title: "",
    description: "",
    channel: "web",
    address: null,
    submitterName: null,
    assisted: false,
    category: null,
    kelurahan: null,
    rw: null,
    integrity: null,
    supportCount: 0,
    supportedByMe: false,
    supportedHere: false,
    primary: null,
    members: [],
    sources: [],
    // when the status changed, not what was said
    updates: full.updates.map((u) => ({ ...u, note: "", noteKey: null, noteParams: null, actorName: null })),
  };
}
export type PublicAspiration = NonNullable<Awaited<ReturnType<typeof getPublicAspiration>>>;

/** The staff view: the public page plus the identity, the assisted entry and what may happen next. */
export async function getStaffAspiration(db: Db, actor: Actor, rawCode: string) {
  const pub = await getPublicAspiration(db, rawCode, actor, { staff: true });
  if (!pub) return null;
  if (!pub.viewerMayManage) throw new DomainError("error.403.title", undefined, undefined, 403);
  const a = await db.aspiration.findUniqueOrThrow({
    where: { code: pub.code },
    select: {
      id: true,
      groupPrimaryId: true,
      anonymous: true,
      confidential: true,
      submitterName: true,
      submitterContact: true,
      consentRecorded: true,
      submitter: { select: { name: true, email: true, phone: true } },
      assistedBy: { select: { name: true } },
      _count: { select: { supports: true } },
    },
  });
  return {
    ...pub,
    id: a.id,
    isGrouped: a.groupPrimaryId !== null,
    identity: {
      anonymous: a.anonymous,
      confidential: a.confidential,
      name: a.submitter?.name ?? a.submitterName,
      contact: a.submitter?.email ?? a.submitter?.phone ?? a.submitterContact,
      hasAccount: a.submitter !== null,
    },
    assistedBy: a.assistedBy?.name ?? null,
    consentRecorded: a.consentRecorded,
    ownSupports: a._count.supports,
    /** a member's follow-up happens on its primary */
    next: a.groupPrimaryId === null ? nextStatuses(pub.status) : [],
  };
}

export async function findIdByCode(db: Db, rawCode: string): Promise<number | null> {
  const code = normalizeCode(rawCode);
  if (!code) return null;
  const a = await db.aspiration.findUnique({ where: { code }, select: { id: true } });
  return a?.id ?? null;
}

// ------------------------------------------------------------------ supports

/** A signed-in resident supports an aspiration: once per person across its whole group. */
export async function supportAspiration(db: Db, actor: Actor, rawCode: string): Promise<void> {
  const id = await findIdByCode(db, rawCode);
  if (!id) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
  const rootId = await rootIdOf(db, id);
  const a = await db.aspiration.findUniqueOrThrow({
    where: { id },
    select: { submitterId: true, integrityUnitId: true, ...FOLLOW_UP_FIELDS, groupPrimary: { select: FOLLOW_UP_FIELDS } },
  });
  // integrity reports are not public: nothing to support
  if (a.integrityUnitId !== null) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
  if (a.submitterId === actor.id) throw new DomainError("aspirations.support.own");
  if (followUpOf(pickFollowUp(a), a.groupPrimary).status === "rejected") throw new DomainError("aspirations.support.closed");
  const existing = await db.aspirationSupport.findFirst({ where: { userId: actor.id, aspiration: { OR: [{ id: rootId }, { groupPrimaryId: rootId }] } } });
  if (existing) throw new DomainError("aspirations.support.already");
  try {
    await db.aspirationSupport.create({ data: { aspirationId: id, userId: actor.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("aspirations.support.already");
    throw error;
  }
  await refreshSupportCounts(db, rootId);
}

export async function withdrawSupport(db: Db, actor: Actor, rawCode: string): Promise<void> {
  const id = await findIdByCode(db, rawCode);
  if (!id) throw new DomainError("aspirations.notFound", undefined, undefined, 404);
  const rootId = await rootIdOf(db, id);
  await db.aspirationSupport.deleteMany({ where: { userId: actor.id, aspiration: { OR: [{ id: rootId }, { groupPrimaryId: rootId }] } } });
  await refreshSupportCounts(db, rootId);
}

// ------------------------------------------------------------------ browsing

export const PAGE_SIZE = 20;
export interface BrowseQuery {
  category?: string;
  kelurahan?: number;
  status?: string;
  sort?: "support" | "newest" | "oldest";
  page: number;
}

/** The public list: primaries and ungrouped aspirations (group members live on their primary's page). With `counts`, the total is counted again only when an aspiration or a status change is added, or after a few seconds. */
export async function browseAspirations(db: Db, query: BrowseQuery, counts?: import("~/domain/counts").CountCache) {
  // the category by its id (one unique-index step), so the filter is an equality the list's index can order by
  const categoryId = query.category ? ((await db.category.findUnique({ where: { slug: query.category }, select: { id: true } }))?.id ?? 0) : undefined;
  const where = {
    groupPrimaryId: null,
    ...PUBLIC_ONLY,
    ...(categoryId !== undefined ? { categoryId } : {}),
    ...(query.kelurahan ? { kelurahanId: query.kelurahan } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  // On PostgreSQL every order begins with groupPrimaryId (NULL in every row here, so it
  // changes nothing): PostgreSQL does not count "IS NULL" as fixing a column, and without
  // this term it cannot read the (…, groupPrimaryId, supportCount|createdAt) indexes in
  // order and sorts every row instead. Backwards (DESC NULLS FIRST) or forwards (ASC NULLS
  // LAST), as its indexes lie. SQLite counts IS NULL as fixing it, and Prisma writes NULLS
  // FIRST there as a CASE expression no index can follow: no such term on SQLite.
  const pg = providerOfClient(db) === "postgresql";
  const primaries = (sort: "asc" | "desc") => (pg ? [{ groupPrimaryId: { sort, nulls: sort === "desc" ? ("first" as const) : ("last" as const) } }] : []);
  const orderBy =
    query.sort === "support"
      ? [...primaries("desc"), { supportCount: "desc" as const }, { createdAt: "desc" as const }]
      : query.sort === "oldest"
        ? [...primaries("asc"), { createdAt: "asc" as const }]
        : [...primaries("desc"), { createdAt: "desc" as const }];
  const countAll = () => db.aspiration.count({ where });
  const [total, rows] = await Promise.all([
    counts
      ? // the newest aspiration and status change, one primary-key step each (Prisma's aggregate _max would read every row)
        Promise.all([
          db.aspiration.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
          db.aspirationUpdate.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
        ]).then(([a, u]) => counts.count(`aspirations:${JSON.stringify(where)}`, `${a?.id ?? 0}.${u?.id ?? 0}`, countAll))
      : countAll(),
    db.aspiration.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        code: true,
        title: true,
        status: true,
        supportCount: true,
        createdAt: true,
        channel: true,
        category: { select: { nameId: true, nameEn: true } },
        kelurahan: { select: { name: true } },
        id: true,
      },
    }),
  ]);
  // the page's group sizes: one grouped read of its 20 ids on the (groupPrimaryId, …) index
  // (Prisma's _count would join a count of every group in the table)
  const sizes = rows.length
    ? await db.aspiration.groupBy({ by: ["groupPrimaryId"], where: { groupPrimaryId: { in: rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const groupSize = new Map(sizes.map((g) => [g.groupPrimaryId, g._count._all]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    aspirations: rows.map((r) => ({
      code: r.code,
      title: r.title,
      status: r.status,
      channel: r.channel,
      supportCount: r.supportCount,
      createdAt: r.createdAt,
      category: r.category,
      kelurahan: r.kelurahan?.name ?? null,
      groupSize: groupSize.get(r.id) ?? 0,
    })),
  };
}

export async function listCategories(db: Db) {
  return db.category.findMany({
    where: { archived: false, slug: { not: INTEGRITY_CATEGORY } },
    orderBy: { position: "asc" },
    select: { id: true, slug: true, nameId: true, nameEn: true },
  });
}

// ------------------------------------------------------------------ staff: overdue

/** Aspirations past a service deadline: not verified in time, or no first follow-up in time. */
export async function listOverdue(db: Db, actor: Actor, now = new Date()) {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const rows = await db.aspiration.findMany({
    where: {
      groupPrimaryId: null,
      ...staffListFilter(actor),
      OR: [
        { verifiedAt: null, verifyDueAt: { lt: now } },
        { firstResponseAt: null, responseDueAt: { lt: now } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      code: true,
      title: true,
      status: true,
      channel: true,
      createdAt: true,
      verifiedAt: true,
      verifyDueAt: true,
      responseDueAt: true,
      kelurahan: { select: { name: true } },
    },
  });
  return rows.map((r) => {
    const kind: "verify" | "response" = r.verifiedAt === null && r.verifyDueAt !== null && r.verifyDueAt < now ? "verify" : "response";
    return {
      code: r.code,
      title: r.title,
      status: r.status,
      channel: r.channel,
      createdAt: r.createdAt,
      kind,
      dueAt: kind === "verify" ? r.verifyDueAt! : r.responseDueAt!,
      kelurahan: r.kelurahan?.name ?? null,
    };
  });
}

/** Newest aspirations waiting for verification, for the staff desk. */
export async function listToVerify(db: Db, actor: Actor) {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  return db.aspiration.findMany({
    where: { status: "received", groupPrimaryId: null, ...staffListFilter(actor) },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: { code: true, title: true, channel: true, createdAt: true, verifyDueAt: true },
  });
}

/** An event that a new aspiration can name as its source (`/aspirations/new?event=`). */
export async function eventForAspiration(db: Db, id: number) {
  if (!Number.isInteger(id) || id <= 0 || id > MAX_ID) return null;
  return db.event.findFirst({ where: { id, status: { not: "draft" } }, select: { id: true, title: true, kelurahanId: true, rwId: true } });
}

/** Aspirations that came from an event (for the event's page). */
export async function aspirationsFromEvent(db: Db, eventId: number) {
  return db.aspiration.findMany({
    where: { sourceEventId: eventId, ...PUBLIC_ONLY },
    orderBy: { createdAt: "asc" },
    select: { code: true, title: true, status: true, sourceAgendaPointId: true, sourceQuestionId: true },
  });
}
