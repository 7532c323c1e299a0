// Demo data: discussion topics with nested replies, an official answer, and an
// event thread. Written the way residents of Duren Sawit actually talk.
import type { Db } from "~/db/client.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { DEMO_PASSWORD } from "~/domain/accounts/accounts.schema";
import { aReply, aReport, aSupport, aTopic, type ParentPost } from "../builders/discussions";
import type { SeedContext } from "./foundation";

const DAY = 86_400_000;

interface SeedPost {
  author: number | null;
  body: string;
  /** days before now */
  ago: number;
  official?: boolean;
  supports?: number[];
  replies?: SeedPost[];
}

const ref = (id: number | null) => (id === null ? null : { id });

/** Replies (and theirs) under `parent`; times spread over the day so sorting by date means something. */
async function insertTree(db: Db, parent: ParentPost, posts: SeedPost[], now: number, clock: { minutes: number }): Promise<void> {
  for (const p of posts) {
    clock.minutes = (clock.minutes + 97) % 600;
    const row = await aReply(db, parent, {
      author: ref(p.author),
      body: p.body,
      createdAt: new Date(now - p.ago * DAY + clock.minutes * 60_000),
      isOfficial: p.official,
    });
    for (const userId of p.supports ?? []) await aSupport(db, row, { id: userId });
    await insertTree(db, row, p.replies ?? [], now, clock);
  }
}

async function topic(
  db: Db,
  clock: { minutes: number },
  data: {
    title: string;
    categoryId?: number;
    kelurahanId?: number;
    eventId?: number;
    author: number | null;
    body: string;
    ago: number;
    replies: SeedPost[];
    status?: "open" | "answered" | "closed";
    pinned?: boolean;
  },
) {
  const now = Date.now();
  const t = await aTopic(db, {
    title: data.title,
    categoryId: data.categoryId ?? null,
    kelurahanId: data.kelurahanId,
    eventId: data.eventId,
    author: ref(data.author),
    body: data.body,
    status: data.status,
    pinned: data.pinned,
    createdAt: new Date(now - data.ago * DAY),
  });
  await insertTree(db, t.root, data.replies, now, clock);
  // the latest reply, whatever order the tree was written in
  const last = await db.post.findFirst({ where: { topicId: t.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  await db.topic.update({ where: { id: t.id }, data: { lastActivityAt: last?.createdAt ?? new Date() } });
  return t;
}

export async function seedDiscussions(db: Db, { users, categories, kelurahan }: SeedContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const neighbour = async (name: string, email: string, kel: string) =>
    (
      await db.user.create({
        data: { name, email, passwordHash, role: "resident", isDemo: true, kelurahanId: kelurahan[kel]?.id, createdAt: new Date(Date.now() - 200 * DAY) },
      })
    ).id;
  const rahmat = await neighbour("Rahmat Hidayat", "rahmat.hidayat@warga.balai.test", "Pondok Kopi");
  const nur = await neighbour("Nur Aini", "nur.aini@warga.balai.test", "Duren Sawit");
  const joko = await neighbour("Joko Prasetyo", "joko.prasetyo@warga.balai.test", "Klender");
  const siti = users.resident;
  const budi = users.moderator;
  const dewi = users.planner;
  const clock = { minutes: 0 };

  const kia = await topic(db, clock, {
    title: "Syarat membuat KIA untuk bayi baru lahir, apa saja?",
    categoryId: categories["adminduk"],
    kelurahanId: kelurahan["Pondok Kopi"]?.id,
    author: siti,
    ago: 12,
    body: "Assalamualaikum. Cucu saya baru lahir bulan lalu. Untuk membuat **Kartu Identitas Anak (KIA)** apa saja yang perlu dibawa? Apakah bisa diurus di kelurahan atau harus ke kecamatan?",
    replies: [
      {
        author: budi,
        official: true,
        ago: 11,
        supports: [siti, rahmat, nur],
        body: "Waalaikumsalam, Bu Siti. Untuk bayi baru lahir, KIA bisa diurus bersamaan dengan akta kelahiran. Yang dibawa:\n\n- Kartu Keluarga asli (yang sudah mencantumkan nama bayi)\n- Kutipan akta kelahiran\n- KTP-el kedua orang tua\n\nBisa di Satpel Dukcapil kelurahan, atau daring lewat aplikasi *Alpukat Betawi*. Anak di bawah 5 tahun tidak perlu pas foto.",
        replies: [
          {
            author: siti,
            ago: 11,
            supports: [nur],
            body: "Terima kasih, Pak Budi. Kalau KK-nya belum diperbarui, apakah harus ubah KK dulu?",
            replies: [
              {
                author: budi,
                official: true,
                ago: 10,
                body: "Betul, Bu. KK diperbarui dulu (penambahan anggota keluarga), lalu KIA terbit setelahnya. Keduanya bisa diajukan dalam satu kunjungan.",
              },
              {
                author: rahmat,
                ago: 10,
                body: "Saya kemarin begitu juga, Bu. Di Satpel Pondok Kopi selesai dua hari kerja, tidak dipungut biaya.",
                replies: [{ author: siti, ago: 9, body: "Alhamdulillah, kalau gratis saya tenang. Terima kasih Pak Rahmat." }],
              },
            ],
          },
        ],
      },
      {
        author: nur,
        ago: 9,
        supports: [siti],
        body: "Usul saja: di kelurahan kami petugasnya ramah, tapi papan informasinya kurang jelas. Mungkin bisa dibuat **satu halaman panduan** per layanan seperti di Duren Sawit?",
        replies: [
          {
            author: dewi,
            official: true,
            ago: 8,
            body: "Terima kasih usulannya, Bu Nur. Panduan satu halaman untuk layanan kependudukan sedang kami susun dan akan dipasang di semua Satpel kelurahan.",
          },
        ],
      },
    ],
  });
  const answer = await db.post.findFirst({ where: { topicId: kia.id, depth: 1, authorId: budi }, select: { id: true } });
  if (answer) await db.topic.update({ where: { id: kia.id }, data: { officialAnswerPostId: answer.id, status: "answered" } });

  await topic(db, clock, {
    title: "Genangan air di Jl. Swadaya setiap hujan deras",
    categoryId: categories["infrastruktur"],
    kelurahanId: kelurahan["Duren Sawit"]?.id,
    author: nur,
    ago: 6,
    body: "Setiap hujan deras lebih dari satu jam, Jl. Swadaya dekat musala tergenang sampai 30 cm. Saluran di sisi timur tampaknya tersumbat. Ada yang tahu apakah sudah dilaporkan?",
    replies: [
      {
        author: joko,
        ago: 6,
        supports: [nur, rahmat],
        body: "Sudah pernah saya laporkan lewat JAKI bulan lalu, tapi belum ada tindak lanjut. Foto-fotonya masih saya simpan.",
        replies: [
          {
            author: nur,
            ago: 5,
            body: "Boleh dibagikan nomor laporannya, Pak Joko? Supaya bisa kita kawal bersama.",
            replies: [
              {
                author: joko,
                ago: 5,
                body: "Nanti saya cari dulu, Bu. Seingat saya statusnya masih *menunggu verifikasi*.",
                replies: [
                  {
                    author: rahmat,
                    ago: 4,
                    body: "Kalau lewat Ngopi Dursa bulan depan bisa langsung ditanyakan ke Sudin SDA, biasanya mereka hadir.",
                    replies: [{ author: nur, ago: 4, body: "Ide bagus. Saya catat untuk dibawa ke sana." }],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: dewi,
        official: true,
        ago: 3,
        supports: [nur, joko, siti],
        body: "Terima kasih laporannya. Kami sudah meneruskan ke Suku Dinas Sumber Daya Air Jakarta Timur untuk pengerukan saluran. Perkembangannya akan kami kabarkan di sini.",
      },
    ],
  });

  const bank = await topic(db, clock, {
    title: "Jadwal bank sampah RW 05 Pondok Kopi",
    categoryId: categories["lingkungan"],
    kelurahanId: kelurahan["Pondok Kopi"]?.id,
    author: rahmat,
    ago: 3,
    body: "Warga RW 05, bank sampah buka lagi setiap **Minggu pagi pukul 07.00–09.00** di pos RW. Botol plastik, kardus dan minyak jelantah diterima. Yang mau ikut jadi pengurus silakan kabari.",
    replies: [
      {
        author: siti,
        ago: 2,
        supports: [rahmat],
        body: "Alhamdulillah. Minyak jelantah ditampung pakai jeriken atau botol biasa saja, Pak?",
        replies: [{ author: rahmat, ago: 2, body: "Botol bekas air mineral juga boleh, Bu, asal tertutup rapat." }],
      },
      { author: joko, ago: 1, body: "Semoga bisa ditiru di Klender. Boleh minta kontak pengurusnya untuk belajar?" },
    ],
  });

  // something for the moderation queue: a reported advertisement
  const ad = await aReply(db, bank.root, {
    author: { id: joko },
    body: "PROMO! Jual obat herbal pelangsing, hubungi 0812-xxxx-xxxx, dijamin ampuh!!!",
    createdAt: new Date(Date.now() - 0.5 * DAY),
  });
  await aReport(db, ad, { reporter: { id: siti }, reason: "Iklan, tidak ada hubungannya dengan bank sampah." });

  const past = await db.event.findFirst({
    where: { status: "completed" },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, kelurahanId: true, createdById: true },
  });
  if (past) {
    const t = await aTopic(db, {
      title: past.title,
      eventId: past.id,
      kelurahanId: past.kelurahanId,
      author: ref(past.createdById),
      createdAt: new Date(Date.now() - 20 * DAY),
    });
    await insertTree(
      db,
      t.root,
      [
        {
          author: rahmat,
          ago: 18,
          supports: [siti, joko],
          body: "Terima kasih sudah mengadakan sesi ini. Bisakah materi tentang antrean daring dibagikan di sini?",
          replies: [
            {
              author: budi,
              official: true,
              ago: 17,
              body: "Tentu, Pak. Ringkasannya: daftar di aplikasi Alpukat Betawi, pilih layanan dan jadwal, lalu datang membawa berkas asli sesuai jadwal.",
            },
          ],
        },
        { author: siti, ago: 16, body: "Untuk lansia yang tidak punya ponsel, apakah bisa didaftarkan oleh petugas?" },
      ],
      Date.now(),
      clock,
    );
    await db.topic.update({ where: { id: t.id }, data: { lastActivityAt: new Date(Date.now() - 16 * DAY) } });
  }
}
