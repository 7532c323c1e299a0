import type { Db } from "~/db/client.server";

export interface EventSummary {
  id: number;
  kind: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  kelurahan: string | null;
}

/** Published events that have not ended yet, soonest first. */
export async function listUpcomingEvents(db: Db, limit = 3, now = new Date()): Promise<EventSummary[]> {
  const rows = await db.event.findMany({
    where: { status: "published", endsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
    take: limit,
    select: { id: true, kind: true, title: true, startsAt: true, endsAt: true, venueName: true, kelurahan: { select: { name: true } } },
  });
  return rows.map(({ kelurahan, ...e }) => ({ ...e, kelurahan: kelurahan?.name ?? null }));
}
