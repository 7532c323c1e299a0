// Demo aspirations for Kecamatan Duren Sawit: every channel, every stage of the
// follow-up, supports, a group of duplicates, one from an event's agenda and one
// from a live Q&A question (the chain an asker without an account can follow).
// Rows come from the same builders as the tests (prisma/builders/aspirations.ts);
// the follow-up goes through the domain's own status change.
import type { Db } from "~/db/client.server";
import type { Actor } from "~/domain/accounts/roles";
import type { NewAspiration } from "~/domain/aspirations/aspirations.server";
import { ensureHolidays, SETTING_RESPONSE_DAYS, SETTING_VERIFY_DAYS } from "~/domain/aspirations/calendar.server";
import { groupAspirations } from "~/domain/aspirations/grouping.server";
import type { AspirationStatus } from "~/domain/aspirations/status";
import { changeAspirationStatus } from "~/domain/aspirations/status.server";
import { anAspiration, anAspirationSupport } from "../builders/aspirations";
import type { SeedContext } from "./foundation";

const silent = { send: async () => {} };
const DAY = 86_400_000;
const daysAgo = (d: number, hour = 10) => {
  const t = new Date(Date.now() - d * DAY);
  // at `hour` WIB on that day
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), hour - 7, 15));
};

const RESIDENTS = [
  ["Rahmat Hidayat", "rahmat.hidayat@contoh.id"],
  ["Sri Wahyuni", "sri.wahyuni@contoh.id"],
  ["Agus Permana", "agus.permana@contoh.id"],
  ["Yuliani Putri", "yuliani.putri@contoh.id"],
  ["Darto Sugiarto", "darto.sugiarto@contoh.id"],
  ["Nur Aisyah", "nur.aisyah@contoh.id"],
] as const;

interface Demo {
  key: string;
  at: number;
  data: Omit<NewAspiration, "categoryId" | "kelurahanId"> & { category: string; kelurahan: string; rw?: number };
  /** [status, note, days after submission] */
  steps?: [AspirationStatus, string, number][];
  supporters?: number[];
}

export async function seedAspirations(db: Db, { kelurahan, users, categories }: SeedContext): Promise<void> {
  await ensureHolidays(db);
  await db.setting.createMany({
    data: [
      { key: SETTING_VERIFY_DAYS, value: "3" },
      { key: SETTING_RESPONSE_DAYS, value: "5" },
    ],
  });
  const resident = await db.user.findUniqueOrThrow({ where: { id: users.resident }, select: { passwordHash: true } });
  const people: number[] = [users.resident];
  for (const [name, email] of RESIDENTS) {
    const u = await db.user.create({ data: { name, email, passwordHash: resident.passwordHash, isDemo: true, kelurahanId: kelurahan["Pondok Kelapa"].id } });
    people.push(u.id);
  }
  const moderator: Actor = { id: users.moderator, role: "moderator" };
  const planner: Actor = { id: users.planner, role: "planner" };

  const floodEvent = await db.event.findFirst({
    where: { title: { contains: "Banjir" } },
    select: { id: true, agendaPoints: { orderBy: { position: "asc" }, select: { id: true, text: true } } },
  });
  const question =
    (await db.qaQuestion.findFirst({
      where: { text: { contains: "pelatihan foto produk" } },
      select: { id: true, text: true, session: { select: { eventId: true } } },
    })) ??
    (await db.qaQuestion.findFirst({
      where: { userId: null, status: { not: "rejected" } },
      orderBy: { id: "asc" },
      select: { id: true, text: true, session: { select: { eventId: true } } },
    }));
  const post = await db.post.findFirst({
    where: { status: "visible", parentId: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true, body: true, authorId: true, topic: { select: { title: true, eventId: true } } },
  });

  const demos: Demo[] = [
    {
      key: "drain",
      at: 75,
      data: {
        title: "Saluran air tersumbat di Jl. Swadaya RW 03",
        description:
          "Saluran di depan gang Masjid Al-Ikhlas tersumbat sampah dan lumpur. Setiap hujan deras air meluap ke rumah warga setinggi mata kaki. Mohon dikeruk sebelum musim hujan.",
        category: "infrastruktur",
        kelurahan: "Pondok Kelapa",
        rw: 3,
        address: "Jl. Swadaya, depan gang Masjid Al-Ikhlas",
        channel: "web",
        submitterId: users.resident,
      },
      steps: [
        ["verified", "Sudah dicek petugas kelurahan: saluran sepanjang ±80 m tersumbat.", 1],
        ["forwarded", "Diteruskan ke Suku Dinas Sumber Daya Air Jakarta Timur untuk pengerukan.", 3],
        ["done", "Saluran sudah dikeruk Sudin SDA bersama PPSU Pondok Kelapa. Terima kasih atas laporannya.", 20],
      ],
      supporters: [1, 2, 3, 4, 5],
    },
    {
      key: "drain-dup",
      at: 70,
      data: {
        title: "Got mampet dekat Masjid Al-Ikhlas, Jl. Swadaya",
        description: "Got di Jl. Swadaya dekat masjid mampet, airnya hitam dan bau. Banyak nyamuk.",
        category: "lingkungan",
        kelurahan: "Pondok Kelapa",
        rw: 3,
        channel: "whatsapp",
        submitterName: "Pak Harun",
        submitterContact: "+6281398765432",
        assistedById: users.moderator,
        consentRecorded: true,
      },
      supporters: [1, 6],
    },
    {
      key: "flood-point",
      at: 14,
      data: {
        title: "Titik genangan di lingkungan RW 03 dan RW 07 Pondok Kelapa",
        description:
          "Dari Ngopi Dursa tentang banjir: warga RW 03 dan RW 07 melaporkan genangan di Jl. Swadaya setiap hujan deras. Diusulkan pembuatan sumur resapan dan pelebaran saluran.",
        category: "infrastruktur",
        kelurahan: "Pondok Kelapa",
        rw: 7,
        channel: "event",
        anonymous: true,
        assistedById: users.moderator,
        sourceEventId: floodEvent?.id,
        sourceAgendaPointId: floodEvent?.agendaPoints[0]?.id,
      },
      steps: [
        ["verified", "Dicatat dari Ngopi Dursa; lokasi sudah ditinjau.", 1],
        ["on_agenda", "Masuk daftar usulan rembuk tahunan kecamatan.", 4],
      ],
      supporters: [0, 2, 4],
    },
    {
      key: "umkm-training",
      at: 50,
      data: {
        title: "Pelatihan pemasaran daring untuk UMKM",
        description:
          "Banyak pelaku UMKM di Duren Sawit belum bisa berjualan di marketplace. Mohon diadakan pelatihan foto produk dan pemasaran daring secara rutin di kecamatan.",
        category: "umkm",
        kelurahan: "Duren Sawit",
        channel: "social_media",
        submitterName: "Bu Ani",
        assistedById: users.moderator,
        consentRecorded: true,
      },
      steps: [
        ["verified", "Usulan diterima dari Instagram kecamatan.", 2],
        ["on_agenda", "Dibahas pada rembuk tahunan bersama PPKUKM.", 6],
        ["accepted", "Disetujui: pelatihan bulanan di Pendopo Kecamatan mulai triwulan depan.", 30],
      ],
      supporters: [0, 1, 3, 5, 6],
    },
    {
      key: "tensimeter",
      at: 12,
      data: {
        title: "Posyandu lansia RW 02 butuh tensimeter baru",
        description: "Tensimeter di Posyandu Lansia RW 02 Malaka Jaya rusak sejak dua bulan lalu. Pemeriksaan tekanan darah lansia terpaksa ditunda.",
        category: "kesehatan",
        kelurahan: "Malaka Jaya",
        rw: 2,
        channel: "walk_in",
        submitterName: "Ibu Sumarni",
        submitterContact: "+6285711223344",
        assistedById: users.moderator,
        consentRecorded: true,
      },
      steps: [["verified", "Sudah dikonfirmasi ke kader posyandu.", 2]],
      supporters: [2, 5],
    },
    {
      key: "reading-corner",
      at: 95,
      data: {
        title: "Pojok baca anak di RPTRA Malaka Sari",
        description: "RPTRA Malaka Sari ramai anak-anak setiap sore tetapi belum ada buku bacaan. Usul dibuatkan pojok baca dengan rak dan buku cerita.",
        category: "pendidikan",
        kelurahan: "Malaka Sari",
        rw: 8,
        channel: "web",
        submitterId: people[2],
      },
      steps: [
        ["verified", "Lokasi dan kebutuhan sudah dicek bersama pengelola RPTRA.", 1],
        ["on_agenda", "Masuk agenda rembuk tahunan.", 5],
        [
          "deferred",
          "Anggaran tahun ini sudah teralokasi; usulan dibawa ke rembuk tahun depan. Sementara itu perpustakaan keliling dijadwalkan datang sebulan sekali.",
          40,
        ],
      ],
      supporters: [0, 3],
    },
    {
      key: "app-queue",
      at: 33,
      data: {
        title: "Antrean daring Alpukat Betawi sering gagal",
        description: "Sudah tiga kali mencoba ambil antrean KTP-el lewat aplikasi tetapi selalu gagal di langkah verifikasi wajah.",
        category: "layanan-digital",
        kelurahan: "Klender",
        channel: "email",
        submitterName: "Yusuf",
        submitterContact: "yusuf.klender@contoh.id",
        confidential: true,
        assistedById: users.moderator,
        consentRecorded: true,
      },
      steps: [
        [
          "rejected",
          "Bukan wewenang kecamatan: gangguan aplikasi ditangani Dinas Dukcapil DKI. Laporan sudah kami sampaikan; sementara antrean bisa diambil langsung di Satpel Dukcapil kecamatan.",
          2,
        ],
      ],
    },
    {
      key: "speed-bump",
      at: 60,
      data: {
        title: "Polisi tidur terlalu tinggi di Jl. Pahlawan Revolusi",
        description: "Polisi tidur di depan sekolah terlalu tinggi sehingga motor sering terjatuh, terutama malam hari.",
        category: "infrastruktur",
        kelurahan: "Pondok Bambu",
        channel: "kiosk",
        anonymous: true,
      },
      steps: [
        ["verified", "Lokasi sudah ditinjau.", 2],
        ["forwarded", "Diteruskan ke Suku Dinas Bina Marga Jakarta Timur.", 4],
        ["declined", "Sudin Bina Marga menilai ukuran sudah sesuai standar; akan dipasang cat dan rambu peringatan agar terlihat di malam hari.", 25],
      ],
    },
    {
      key: "garbage",
      at: 10,
      data: {
        title: "Tambah jadwal angkut sampah di Klender RW 05",
        description: "Sampah di TPS RW 05 menumpuk sampai tiga hari sebelum diangkut. Mohon jadwal angkut ditambah menjadi setiap hari.",
        category: "lingkungan",
        kelurahan: "Klender",
        rw: 5,
        channel: "web",
        submitterName: "Ibu Yuliani",
        submitterContact: "yuliani.klender@contoh.id",
        confidential: true,
      },
      supporters: [0, 4, 6],
    },
    {
      key: "street-light",
      at: 1,
      data: {
        title: "Lampu penerangan jalan mati di Jl. Raya Pondok Kopi",
        description: "Tiga lampu jalan di dekat halte Pondok Kopi mati sejak minggu lalu. Jalan menjadi gelap dan rawan.",
        category: "infrastruktur",
        kelurahan: "Pondok Kopi",
        channel: "suggestion_box",
        anonymous: true,
        assistedById: users.moderator,
        consentRecorded: true,
      },
    },
    {
      key: "sidewalk",
      at: 3,
      data: {
        title: "Trotoar rusak di depan Taman Interaksi Pondok Bambu",
        description: "Ubin trotoar banyak yang lepas dan berlubang, berbahaya bagi lansia dan pengguna kursi roda.",
        category: "infrastruktur",
        kelurahan: "Pondok Bambu",
        channel: "web",
        submitterId: people[4],
      },
      supporters: [0],
    },
  ];
  if (question) {
    demos.push({
      key: "qa",
      at: 0.1,
      data: {
        title: "Pelatihan foto produk dan jualan daring untuk UMKM",
        description: question.text,
        category: "umkm",
        kelurahan: "Duren Sawit",
        channel: "qa",
        anonymous: true,
        assistedById: users.moderator,
        sourceQuestionId: question.id,
        sourceEventId: question.session.eventId,
      },
      steps: [["verified", "Pertanyaan dari sesi Ngopi Dursa; akan dibahas bersama usulan pelatihan UMKM lainnya.", 0]],
    });
  }
  if (post) {
    demos.push({
      key: "discussion",
      at: 6,
      data: {
        title: post.topic.title.slice(0, 150),
        description: post.body.length >= 10 ? post.body.slice(0, 4000) : `${post.topic.title}: ${post.body}`,
        category: "lainnya",
        kelurahan: "Duren Sawit",
        channel: "discussion",
        submitterId: post.authorId,
        assistedById: users.moderator,
        sourcePostId: post.id,
        sourceEventId: post.topic.eventId,
      },
    });
  }

  const created: Record<string, number> = {};
  for (const demo of demos) {
    const { category, kelurahan: kel, rw, ...rest } = demo.data;
    const k = kelurahan[kel];
    const at = demo.at < 1 ? new Date(Date.now() - demo.at * DAY) : daysAgo(demo.at);
    const a = await anAspiration(db, { ...rest, categoryId: categories[category], kelurahanId: k.id, rwId: rw ? k.rws[rw - 1] : null, createdAt: at });
    created[demo.key] = a.id;
    for (const [i, idx] of (demo.supporters ?? []).entries()) {
      const userId = people[idx];
      if (userId === demo.data.submitterId) continue;
      await anAspirationSupport(db, a, { userId, createdAt: new Date(at.getTime() + (i + 1) * 3_600_000) });
    }
    for (const [to, note, after] of demo.steps ?? []) {
      const when = new Date(Math.min(Date.now() - 60_000, at.getTime() + after * DAY + 2 * 3_600_000));
      await changeAspirationStatus(
        db,
        silent,
        to === "accepted" || to === "deferred" || to === "on_agenda" ? planner : moderator,
        { aspirationId: a.id, to, note },
        { now: when },
      );
    }
  }
  // the WhatsApp duplicate joins the web report: nothing deleted, supports counted once per person
  await groupAspirations(db, moderator, { primaryId: created["drain"], memberId: created["drain-dup"] });
}
