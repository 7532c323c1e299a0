// Demo data: the annual deliberation of Kecamatan Duren Sawit. Last year's
// deliberation is closed (one item accepted, one deferred: it comes back in this
// year's candidate pool); this year's is in public review with three items, so
// the demo resident can vote and a planner can take it through the session.
// Runs after the aspirations seed and uses its verified aspirations; only when
// there are no aspirations at all does it create a few of its own.
import { randomInt } from "node:crypto";
import type { Db } from "~/db/client.server";
import { onAgendaNote } from "~/domain/agenda/agenda.server";
import { changeAspirationStatus } from "~/domain/aspirations/status.server";
import type { Mailer } from "~/domain/notifications/mailer.server";
import { writtenEventText } from "~/domain/events/text.server";
import { aBallot, aDeliberation, anAgendaItem } from "../builders";
import type { SeedContext } from "./foundation";

const DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function code(): string {
  let raw = "";
  for (let i = 0; i < 8; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** start (or end) of the WIB day `days` from today */
function wibDay(days: number, end = false): Date {
  const now = new Date(Date.now() + OFFSET);
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days) - OFFSET;
  return new Date(end ? start + DAY - 1000 : start);
}

interface SeedAspiration {
  title: string;
  description: string;
  category: string;
  kelurahan: string;
  rw?: number;
  daysAgo: number;
  supporters: number;
  sourceEvent?: string;
  fromQuestionOfResident?: boolean;
  groupWith?: number;
}

const THIS_YEAR: SeedAspiration[] = [
  {
    title: "Pendampingan daftar OSS di kantor kecamatan bagi warga tanpa ponsel pintar",
    description: "Banyak pelaku usaha rumahan tidak punya ponsel pintar. Mohon ada meja pendampingan pendaftaran NIB setiap minggu.",
    category: "umkm",
    kelurahan: "Duren Sawit",
    rw: 3,
    daysAgo: 40,
    supporters: 5,
    fromQuestionOfResident: true,
  },
  {
    title: "Normalisasi saluran air Jl. Swadaya Raya",
    description: "Saluran di Jl. Swadaya Raya dangkal dan tertutup sedimen; setiap hujan deras air meluap ke rumah warga RW 03.",
    category: "infrastruktur",
    kelurahan: "Pondok Kelapa",
    rw: 3,
    daysAgo: 90,
    supporters: 6,
    sourceEvent: "Banjir dan saluran air",
  },
  {
    title: "Genangan di Jl. Swadaya RW 07 setiap hujan",
    description: "Air setinggi mata kaki bertahan berjam-jam di depan SD. Anak-anak sulit lewat.",
    category: "infrastruktur",
    kelurahan: "Pondok Kelapa",
    rw: 7,
    daysAgo: 85,
    supporters: 3,
    sourceEvent: "Banjir dan saluran air",
    groupWith: 1,
  },
  {
    title: "Layanan adminduk keliling di tingkat RW untuk warga lansia",
    description: "Warga lansia sulit datang ke kantor kecamatan. Usul jadwal pelayanan KTP-el dan KK keliling sebulan sekali per kelurahan.",
    category: "adminduk",
    kelurahan: "Duren Sawit",
    rw: 8,
    daysAgo: 120,
    supporters: 4,
    sourceEvent: "KTP-el dan KIA",
  },
  {
    title: "TPS sementara di Klender RW 05 sering meluap",
    description: "Sampah menumpuk sampai ke jalan karena jadwal angkut hanya dua kali seminggu.",
    category: "lingkungan",
    kelurahan: "Klender",
    rw: 5,
    daysAgo: 60,
    supporters: 4,
  },
  {
    title: "Tensimeter digital untuk posyandu lansia Malaka Sari",
    description: "Posyandu lansia di RW 02 memakai tensimeter lama yang sering rusak.",
    category: "kesehatan",
    kelurahan: "Malaka Sari",
    rw: 2,
    daysAgo: 30,
    supporters: 2,
  },
  {
    title: "Wi-Fi publik di RPTRA Pondok Bambu",
    description: "Pelajar sering mengerjakan tugas di RPTRA tetapi sinyal lemah.",
    category: "layanan-digital",
    kelurahan: "Pondok Bambu",
    rw: 4,
    daysAgo: 25,
    supporters: 1,
  },
  {
    title: "Perbaikan trotoar rusak di Jl. Pahlawan Revolusi",
    description: "Trotoar berlubang dekat halte membahayakan pejalan kaki dan pengguna kursi roda.",
    category: "infrastruktur",
    kelurahan: "Pondok Bambu",
    rw: 1,
    daysAgo: 70,
    supporters: 3,
  },
  {
    title: "Pelatihan foto produk dan jualan daring untuk UMKM",
    description: "Pelaku UMKM di Malaka Jaya ingin belajar memotret produk dan berjualan di lokapasar.",
    category: "umkm",
    kelurahan: "Malaka Jaya",
    rw: 6,
    daysAgo: 15,
    supporters: 2,
  },
];

const silent: Mailer = { async send() {} };

const RESIDENT_NAMES = ["Bu Sri Wahyuni", "Pak Darto", "Rina Kusuma", "Mas Yoga Pratama", "Bu Ani Suryani", "Pak Hasan", "Dewi Anggraini"];

export async function seedAgenda(db: Db, ctx: SeedContext): Promise<void> {
  const { kelurahan, users, categories } = ctx;
  const planner = { id: users.planner, role: "planner" as const };
  const kecamatan = await db.area.findFirst({ where: { level: "kecamatan", name: "Duren Sawit" } });
  if (!kecamatan) return;
  const now = new Date();
  const year = Number(new Date(now.getTime() + OFFSET).toISOString().slice(0, 4));
  const kelurahanIds = Object.values(kelurahan).map((k) => k.id);

  // demo neighbours who support and vote (they cannot log in: no password)
  const neighbours: number[] = [];
  const names = Object.keys(kelurahan);
  for (const [i, name] of RESIDENT_NAMES.entries()) {
    const k = kelurahan[names[i % names.length]];
    const u = await db.user.create({
      data: { name, email: `tetangga${i + 1}@contoh.balai.test`, passwordHash: "!", isDemo: true, kelurahanId: k.id, rwId: k.rws[(i * 3) % k.rws.length] },
    });
    neighbours.push(u.id);
  }

  if ((await db.aspiration.count()) === 0) await seedOwnAspirations(db, ctx, neighbours);
  await seedLastYear(db, ctx, kecamatan.id, year - 1, kelurahanIds);

  // this year's deliberation, in public review
  const sessionStart = ctx.saturday(3, 9);
  const reviewEnd = wibDay(14, true);
  const d = await aDeliberation(db, {
    area: kecamatan,
    year,
    phase: "review",
    intakeStart: wibDay(-300),
    intakeEnd: wibDay(0, true),
    reviewStart: wibDay(-2),
    reviewEnd,
    votesPerResident: 5,
    weightSupports: 1,
    weightVotes: 2,
    weightUrgency: 3,
    weightReach: 3,
    createdById: users.planner,
    session: {
      ...sessionText(year),
      topic: "Musyawarah warga",
      startsAt: sessionStart,
      endsAt: new Date(sessionStart.getTime() + 3 * 3_600_000),
      venueName: "Pendopo Kantor Kecamatan Duren Sawit",
      venueAddress: "Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur",
      capacity: 120,
      accessibility: ["wheelchair", "elderly_seating", "sign_language"],
    },
  });

  // items: aspirations already marked "on the agenda" by staff, then the best-supported
  // verified ones of the intake period (up to four items)
  const inPeriod = { groupPrimaryId: null, kelurahanId: { in: kelurahanIds }, createdAt: { gte: d.intakeStart, lte: d.intakeEnd }, agendaLinks: { none: {} } };
  const onAgenda = await db.aspiration.findMany({
    where: { ...inPeriod, status: "on_agenda" },
    orderBy: { id: "asc" },
    take: 4,
    select: { id: true, title: true, categoryId: true, status: true },
  });
  const verified = await db.aspiration.findMany({
    where: { ...inPeriod, status: { in: ["verified", "forwarded"] } },
    orderBy: [{ supportCount: "desc" }, { id: "asc" }],
    take: Math.max(0, 4 - onAgenda.length),
    select: { id: true, title: true, categoryId: true, status: true },
  });
  const candidates = [...onAgenda, ...verified];
  const agencies: Record<string, string> = {
    infrastruktur: "Suku Dinas Sumber Daya Air Jakarta Timur",
    umkm: "Satpel PTSP Kecamatan Duren Sawit",
    adminduk: "Suku Dinas Dukcapil Jakarta Timur",
    lingkungan: "Suku Dinas Lingkungan Hidup Jakarta Timur",
  };
  const slugOf = Object.fromEntries(Object.entries(categories).map(([slug, id]) => [id, slug]));
  const itemIds: number[] = [];
  for (const [i, a] of candidates.entries()) {
    const item = await anAgendaItem(db, d, {
      title: a.title,
      rationale: `Diusulkan warga dan didukung tetangga dari beberapa RW. ${i === 0 ? "Perencana menilai mendesak karena berdampak langsung pada keselamatan dan kesehatan warga." : "Perlu dianggarkan pada tahun berikutnya."}`,
      costEstimate: [350_000_000, 45_000_000, 120_000_000, 15_000_000][i] ?? null,
      agency: agencies[slugOf[a.categoryId ?? -1] ?? ""] ?? "Kecamatan Duren Sawit",
      urgency: [4, 3, 2, 2][i] ?? 1,
      aspirations: [a],
    });
    itemIds.push(item.id);
    if (a.status !== "on_agenda") {
      await changeAspirationStatus(db, silent, planner, {
        aspirationId: a.id,
        to: "on_agenda",
        // the note Balai writes when an agenda is published (a message: in each reader's language)
        ...onAgendaNote({ year, level: "kecamatan", area: kecamatan, reviewEnd }, a.title),
      });
    }
  }
  // neighbours' dots (the demo resident has not voted yet)
  const pattern = [
    [3, 2],
    [1, 4],
    [5, 0],
    [2, 2],
    [0, 3],
    [4, 1],
    [2, 3],
  ];
  for (const [i, userId] of neighbours.entries()) {
    const [a, b] = pattern[i % pattern.length];
    const dots: Record<number, number> = {};
    if (itemIds[0]) dots[itemIds[0]] = a;
    if (itemIds[1]) dots[itemIds[1]] = b;
    await aBallot(db, d, { id: userId }, dots, { assistedById: i === 5 ? users.moderator : null });
  }
}

async function createAspiration(
  db: Db,
  ctx: SeedContext,
  a: SeedAspiration,
  createdAt: Date,
  status: string,
  neighbours: number[],
  extra: Record<string, unknown> = {},
) {
  const k = ctx.kelurahan[a.kelurahan];
  let sourceEventId: number | null = null;
  let sourceQuestionId: number | null = null;
  let submitterId: number | null = neighbours[a.daysAgo % neighbours.length];
  if (a.sourceEvent) sourceEventId = (await db.event.findFirst({ where: { title: { contains: a.sourceEvent } }, select: { id: true } }))?.id ?? null;
  if (a.fromQuestionOfResident) {
    const q = await db.qaQuestion.findFirst({ where: { userId: ctx.users.resident }, select: { id: true, session: { select: { eventId: true } } } });
    if (q) {
      sourceQuestionId = q.id;
      sourceEventId = q.session.eventId;
      submitterId = ctx.users.resident;
    }
  }
  const supporters = neighbours.filter((id) => id !== submitterId).slice(0, a.supporters);
  const created = await db.aspiration.create({
    data: {
      code: code(),
      title: a.title,
      description: a.description,
      categoryId: ctx.categories[a.category],
      kelurahanId: k.id,
      rwId: a.rw ? k.rws[a.rw - 1] : null,
      channel: a.fromQuestionOfResident ? "qa" : sourceEventId ? "event" : "web",
      status,
      submitterId,
      sourceEventId,
      sourceQuestionId,
      supportCount: supporters.length,
      createdAt,
      verifiedAt: new Date(createdAt.getTime() + 2 * DAY),
      verifyDueAt: new Date(createdAt.getTime() + 3 * DAY),
      responseDueAt: new Date(createdAt.getTime() + 7 * DAY),
      ...extra,
    },
  });
  if (supporters.length) await db.aspirationSupport.createMany({ data: supporters.map((userId) => ({ aspirationId: created.id, userId, createdAt })) });
  await db.aspirationUpdate.createMany({
    data: [
      { aspirationId: created.id, fromStatus: null, toStatus: "received", note: "Aspirasi diterima.", createdAt },
      {
        aspirationId: created.id,
        fromStatus: "received",
        toStatus: "verified",
        note: "Aspirasi diverifikasi dan menjadi calon agenda musyawarah warga.",
        actorId: ctx.users.moderator,
        createdAt: new Date(createdAt.getTime() + 2 * DAY),
      },
    ],
  });
  return created;
}

/** Only when the aspirations seed has not run: a few verified aspirations, and two decided last year. */
async function seedOwnAspirations(db: Db, ctx: SeedContext, neighbours: number[]) {
  await createAspiration(
    db,
    ctx,
    {
      title: "Pengerukan Kali Buaran di Malaka Jaya",
      description: "Kali Buaran dangkal; setiap musim hujan meluap ke permukiman.",
      category: "lingkungan",
      kelurahan: "Malaka Jaya",
      rw: 3,
      daysAgo: 400,
      supporters: 5,
    },
    wibDay(-420),
    "accepted",
    neighbours,
  );
  await createAspiration(
    db,
    ctx,
    {
      title: "Lampu penerangan jalan di Gang Masjid Pondok Kopi RW 05",
      description: "Gang menuju masjid gelap gulita setelah magrib; warga lansia dan anak-anak takut lewat.",
      category: "infrastruktur",
      kelurahan: "Pondok Kopi",
      rw: 5,
      daysAgo: 380,
      supporters: 4,
    },
    wibDay(-400),
    "deferred",
    neighbours,
    { submitterId: ctx.users.resident },
  );
  const ids: number[] = [];
  for (const a of THIS_YEAR) {
    const created = await createAspiration(db, ctx, a, wibDay(-a.daysAgo), "verified", neighbours);
    if (a.groupWith !== undefined) await db.aspiration.update({ where: { id: created.id }, data: { groupPrimaryId: ids[a.groupWith] } });
    ids.push(created.id);
  }
  // the primary carries the group's supporters (each once)
  for (const a of THIS_YEAR) {
    if (a.groupWith === undefined) continue;
    const primary = ids[a.groupWith];
    const distinct = await db.aspirationSupport.findMany({
      where: { aspiration: { OR: [{ id: primary }, { groupPrimaryId: primary }] } },
      distinct: ["userId"],
      select: { userId: true },
    });
    await db.aspiration.update({ where: { id: primary }, data: { supportCount: distinct.length } });
  }
}

/**
 * Last year's deliberation, closed: the aspirations already decided (accepted,
 * deferred) become its items, so the deferred one comes back in this year's pool.
 */
async function seedLastYear(db: Db, ctx: SeedContext, kecamatanId: number, year: number, kelurahanIds: number[]): Promise<void> {
  const decided = await Promise.all(
    (["accepted", "deferred"] as const).map((status) =>
      db.aspiration.findFirst({
        where: { status, groupPrimaryId: null, kelurahanId: { in: kelurahanIds }, agendaLinks: { none: {} } },
        orderBy: { id: "asc" },
        select: { id: true, title: true, updates: { where: { toStatus: status }, orderBy: { createdAt: "desc" }, take: 1, select: { note: true } } },
      }),
    ),
  );
  if (!decided.some(Boolean)) return;
  const sessionStart = new Date(wibDay(-340).getTime() + 9 * 3_600_000);
  const d = await aDeliberation(db, {
    area: { id: kecamatanId, level: "kecamatan" },
    year,
    phase: "closed",
    intakeStart: wibDay(-700),
    intakeEnd: wibDay(-370, true),
    reviewStart: wibDay(-365),
    reviewEnd: wibDay(-350, true),
    weightSupports: 1,
    weightVotes: 2,
    weightUrgency: 3,
    weightReach: 3,
    createdById: ctx.users.planner,
    minutes: `Sidang dibuka pukul 09.00 WIB oleh Camat Duren Sawit dan dihadiri 87 warga. ${decided.filter(Boolean).length} usulan dibahas dan diputuskan; keputusan beserta alasannya tercatat pada setiap usulan. Sidang ditutup pukul 11.40 WIB.`,
    session: {
      status: "completed",
      ...sessionText(year),
      topic: "Musyawarah warga",
      startsAt: sessionStart,
      endsAt: new Date(sessionStart.getTime() + 3 * 3_600_000),
      venueName: "Pendopo Kantor Kecamatan Duren Sawit",
      venueAddress: "Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur",
      attendanceCount: 87,
    },
  });
  const decidedAt = new Date(sessionStart.getTime() + 2 * 3_600_000);
  for (const [i, a] of decided.entries()) {
    if (!a) continue;
    const decision = i === 0 ? "accepted" : "deferred";
    await anAgendaItem(db, d, {
      title: a.title,
      rationale: "Usulan warga yang dibahas pada rembuk tahunan.",
      costEstimate: i === 0 ? 90_000_000 : 25_000_000,
      agency: "Kecamatan Duren Sawit",
      urgency: i === 0 ? 4 : 2,
      decision,
      decidedAt,
      decisionReason: a.updates[0]?.note ?? (decision === "deferred" ? "Anggaran tahun ini sudah teralokasi; dibahas lagi tahun depan." : null),
      aspirations: [a],
    });
  }
}

/** The session event's title and description as Balai writes them (message keys, Indonesian as the text). */
function sessionText(year: number) {
  return writtenEventText("agenda.event.title", "agenda.event.description", { year, area: "Kecamatan Duren Sawit" });
}
