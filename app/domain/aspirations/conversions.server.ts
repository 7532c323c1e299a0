// One click from another area's content to an aspiration, linked both ways:
// a live Q&A question, a discussion post, or a point of an event's agenda.
// Idempotent: converting the same source again gives the existing aspiration.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import type { ConversionInput } from "./aspirations.schema";
import { checkReferences, insertAspiration, listCategories, similarity, tokens, type NewAspiration } from "./aspirations.server";

export type SourceKind = "question" | "post" | "point";

export interface ConversionSource {
  kind: SourceKind;
  id: number;
  /** where the source lives, for the link back */
  href: string;
  /** the source's text, shown on the confirmation page */
  text: string;
  existingCode: string | null;
  prefill: { title: string; description: string; categoryId?: number; kelurahanId?: number; rwId?: number };
  fields: Omit<NewAspiration, "title" | "description" | "categoryId" | "kelurahanId" | "rwId">;
}

/** A title from a text: its first sentence, and when that is long, cut between words (never inside one) with "…". */
export function titleFrom(text: string, max = 100): string {
  const first = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const sentence = first.length >= 15 ? first : text; // "Pak." or "Mohon!" alone says too little
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–]+$/, "")}…`;
}

/** How many recent aspirations a category suggestion reads: a fixed window, whatever the table's size. */
const SUGGESTION_WINDOW = 300;

/**
 * The category staff most likely want for a text: the one whose name shares its words, or whose recent
 * aspirations are most like it (their similarity summed), else none (staff choose). Only a default.
 */
export async function suggestCategory(db: Db, text: string): Promise<number | undefined> {
  const words = tokens(text);
  if (words.size === 0) return undefined;
  const [categories, recent] = await Promise.all([
    listCategories(db),
    db.aspiration.findMany({
      where: { groupPrimaryId: null, status: { not: "rejected" } },
      orderBy: { id: "desc" },
      take: SUGGESTION_WINDOW,
      select: { title: true, description: true, categoryId: true },
    }),
  ]);
  const score = new Map<number, number>();
  for (const c of categories) {
    const shared = [...tokens(`${c.nameId} ${c.nameEn}`)].filter((w) => words.has(w)).length;
    if (shared > 0) score.set(c.id, shared);
  }
  for (const a of recent) {
    if (a.categoryId === null || !categories.some((c) => c.id === a.categoryId)) continue;
    const alike = similarity(words, tokens(`${a.title} ${a.description}`));
    if (alike >= 0.2) score.set(a.categoryId, (score.get(a.categoryId) ?? 0) + alike);
  }
  let best: number | undefined;
  for (const [id, value] of score) if (best === undefined || value > score.get(best)!) best = id;
  return best;
}

const plain = (markdown: string) =>
  markdown
    .replace(/[*_`>#\[\]]/g, "")
    .replace(/\(https?:[^)]+\)/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** The source, with a prefilled form (its category suggested unless `suggest` is false: converting needs none). */
export async function loadConversionSource(db: Db, actor: Actor, kind: SourceKind, id: number, { suggest = true } = {}): Promise<ConversionSource> {
  const suggestFor = (text: string) => (suggest ? suggestCategory(db, text) : Promise.resolve(undefined));
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const notFound = new DomainError("aspirations.convert.notFound", undefined, undefined, 404);
  if (kind === "question") {
    const q = await db.qaQuestion.findUnique({
      where: { id },
      select: {
        id: true,
        text: true,
        answerText: true,
        userId: true,
        displayName: true,
        session: { select: { code: true, eventId: true, event: { select: { kelurahanId: true, rwId: true } } } },
      },
    });
    if (!q) throw notFound;
    const existing = await db.aspiration.findFirst({ where: { sourceQuestionId: q.id }, select: { code: true } });
    return {
      kind,
      id,
      href: `/qa/${q.session.code}`,
      text: q.text,
      existingCode: existing?.code ?? null,
      prefill: {
        title: titleFrom(plain(q.text), 100),
        description: q.text,
        categoryId: await suggestFor(q.text),
        kelurahanId: q.session.event.kelurahanId ?? undefined,
        rwId: q.session.event.rwId ?? undefined,
      },
      // nothing personal: only the asker's own account, when they had one, to hear about progress
      fields: {
        channel: "qa",
        sourceQuestionId: q.id,
        sourceEventId: q.session.eventId,
        submitterId: q.userId,
        anonymous: q.userId === null,
        confidential: q.userId !== null && q.displayName === null,
      },
    };
  }
  if (kind === "post") {
    const p = await db.post.findUnique({
      where: { id },
      select: {
        id: true,
        body: true,
        status: true,
        parentId: true,
        authorId: true,
        topicId: true,
        topic: { select: { title: true, categoryId: true, kelurahanId: true, eventId: true } },
      },
    });
    if (!p || p.status === "deleted" || p.status === "hidden") throw notFound;
    const existing = await db.aspiration.findFirst({ where: { sourcePostId: p.id }, select: { code: true } });
    const body = plain(p.body);
    return {
      kind,
      id,
      href: `/discussions/${p.topicId}`,
      text: body,
      existingCode: existing?.code ?? null,
      prefill: {
        title: titleFrom(p.parentId === null ? p.topic.title : body, 100),
        description: body,
        categoryId: p.topic.categoryId ?? (await suggestFor(`${p.topic.title} ${body}`)),
        kelurahanId: p.topic.kelurahanId ?? undefined,
      },
      fields: { channel: "discussion", sourcePostId: p.id, sourceEventId: p.topic.eventId, submitterId: p.authorId },
    };
  }
  const point = await db.eventAgendaPoint.findUnique({
    where: { id },
    select: { id: true, text: true, event: { select: { id: true, title: true, summary: true, kelurahanId: true, rwId: true } } },
  });
  if (!point) throw notFound;
  const existing = await db.aspiration.findFirst({ where: { sourceAgendaPointId: point.id }, select: { code: true } });
  return {
    kind,
    id,
    href: `/events/${point.event.id}`,
    text: point.text,
    existingCode: existing?.code ?? null,
    prefill: {
      title: titleFrom(point.text, 100),
      description: [point.text, point.event.summary].filter(Boolean).join("\n\n"),
      categoryId: await suggestFor(point.text),
      kelurahanId: point.event.kelurahanId ?? undefined,
      rwId: point.event.rwId ?? undefined,
    },
    fields: { channel: "event", sourceAgendaPointId: point.id, sourceEventId: point.event.id, anonymous: true },
  };
}

/** Creates the aspiration from the confirmed form, or returns the one that already exists. */
export async function convertToAspiration(
  db: Db,
  actor: Actor,
  kind: SourceKind,
  id: number,
  input: ConversionInput,
): Promise<{ code: string; created: boolean }> {
  const source = await loadConversionSource(db, actor, kind, id, { suggest: false });
  if (source.existingCode) return { code: source.existingCode, created: false };
  await checkReferences(db, { ...input, sourceEventId: source.fields.sourceEventId });
  const created = await insertAspiration(db, { ...source.fields, ...input, assistedById: actor.id });
  await audit(db, {
    actorId: actor.id,
    action: "aspiration.converted",
    targetType: "aspiration",
    targetId: created.id,
    details: { from: kind, sourceId: id, code: created.code },
  });
  return { code: created.code, created: true };
}
