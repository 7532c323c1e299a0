// Demo data: service standards of two Jakarta Timur kecamatan PTSP counters
// (Duren Sawit, and Cakung with its seven kelurahan offices), in Indonesian, with a
// few versions each (one where the cost changed), a Maklumat Pelayanan per unit,
// announcements for the display, and a counter staff member and a supervisor.
// The figures follow the usual practice of DKI Jakarta PTSP counters; they are demo
// data, not an official standard.
import type { Db } from "~/db/client.server";
import type { Requirement, Step, VersionContent } from "~/domain/services/services.schema";
import { anEvent } from "../builders/events";
import { aMaklumat, aQueueTicket, aService, aServiceUnit, aServiceVersion, anAnnouncement, serviceContent } from "../builders/services";
import type { SeedContext } from "./foundation";

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

export const CAKUNG_KELURAHAN = ["Cakung Barat", "Cakung Timur", "Jatinegara", "Penggilingan", "Pulo Gebang", "Rawa Terate", "Ujung Menteng"];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const MAKLUMAT =
  "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai dengan standar pelayanan yang telah ditetapkan, memberikan pelayanan dengan SETIA (Solusi, Empati, Tegas, Inovatif, Andal), melakukan perbaikan secara terus-menerus, dan apabila tidak menepati janji ini, kami siap menerima sanksi dan/atau memberikan kompensasi sesuai dengan peraturan perundang-undangan yang berlaku.";

const COMPLAINTS = (unit: string, wa: string) =>
  `Sampaikan langsung ke petugas pengaduan di ${unit}, lewat WhatsApp ${wa}, kotak saran di ruang tunggu, aplikasi JAKI (menu Lapor), atau LAPOR! (lapor.go.id). Setiap pengaduan mendapat kode pelacakan dan ditanggapi paling lambat 5 hari kerja.`;

const INTERNAL: Pick<VersionContent, "facilities" | "competence" | "oversight" | "staffCount" | "guarantee" | "security" | "evaluation"> = {
  facilities:
    "Ruang tunggu ber-AC, nomor antrean, loket prioritas untuk lansia, penyandang disabilitas dan ibu hamil, kursi roda, ramp, toilet ramah disabilitas, pojok laktasi, Wi-Fi dan komputer pendampingan digital.",
  competence:
    "Petugas memahami peraturan administrasi kependudukan dan perizinan, mampu mengoperasikan aplikasi layanan, dan terlatih melayani dengan empati digital.",
  oversight: "Kepala Satuan Pelaksana PTSP dan atasan langsung memeriksa berkas harian; Inspektorat Provinsi DKI Jakarta memeriksa berkala.",
  staffCount: "3 petugas loket, 1 petugas pendampingan digital, 1 supervisor.",
  guarantee: "Pelayanan sesuai standar ini; bila terlambat, petugas menjelaskan alasannya dan memberi tanggal selesai yang baru.",
  security: "Data pribadi hanya dipakai untuk layanan ini; berkas disimpan di lemari terkunci dan sistem dengan hak akses.",
  evaluation: "Survei Kepuasan Masyarakat setiap triwulan, evaluasi kinerja petugas setiap bulan oleh supervisor.",
};

const KTP: Requirement = { name: "KTP-el", validity: "asli (untuk pemohon yang sudah punya)" };
const KK: Requirement = { name: "Kartu Keluarga", validity: "asli, data sudah terbaru" };
const PENGANTAR: Requirement = { name: "Surat pengantar RT/RW", validity: "asli, dibuat bulan ini" };

const counterSteps = (extra: Step[]): Step[] => [
  { actor: "Warga", text: "mengambil nomor antrean di pintu masuk (lansia, penyandang disabilitas dan ibu hamil ke loket prioritas)" },
  { actor: "Petugas loket", text: "memeriksa kelengkapan dan keabsahan berkas" },
  ...extra,
  { actor: "Petugas loket", text: "menyerahkan hasil kepada warga dan meminta warga memeriksa datanya" },
];

interface Template {
  key: string;
  category: string;
  content: Partial<VersionContent>;
  /** further versions: what changed, why, how many days ago */
  later?: { changes: Partial<VersionContent>; reason: string; daysAgo: number }[];
  /** first written this many days ago (and last checked then unless a later version exists) */
  since: number;
}

function kecamatanServices(unit: string, wa: string): Template[] {
  const complaints = COMPLAINTS(unit, wa);
  return [
    {
      key: "ktp-el",
      category: "adminduk",
      since: 420,
      content: {
        name: "KTP-el (perekaman dan pencetakan)",
        summary: "Membuat KTP-el pertama kali (umur 17 tahun atau sudah menikah), mengganti yang rusak atau hilang, atau mencetak ulang karena data berubah.",
        requirements: [
          KK,
          { name: "Surat keterangan hilang dari kepolisian", validity: "asli, hanya bila KTP-el hilang" },
          { name: "KTP-el lama", validity: "bila rusak atau data berubah" },
        ],
        stepsCounter: counterSteps([
          { actor: "Petugas perekaman", text: "merekam foto, sidik jari, iris mata dan tanda tangan (hanya untuk perekaman baru)" },
          { actor: "Petugas cetak", text: "mencetak KTP-el setelah data terverifikasi Dukcapil" },
        ]),
        stepsOnline: [
          { actor: "Warga", text: "mengajukan cetak ulang lewat Alpukat Betawi dan mengunggah berkas" },
          { actor: "Petugas", text: "memverifikasi dan memberi jadwal pengambilan" },
        ],
        onlineName: "Alpukat Betawi",
        onlineUrl: "https://alpukat-dukcapil.jakarta.go.id",
        durationValue: 3,
        durationUnit: "working_days",
        costAmount: 0,
        product: "KTP-el",
        complaints,
        legalBasis: "UU No. 24 Tahun 2013 tentang Administrasi Kependudukan; Perpres No. 96 Tahun 2018; Permendagri No. 109 Tahun 2019.",
        ...INTERNAL,
      },
      later: [{ changes: { durationValue: 1 }, reason: "Blangko tersedia di kecamatan: KTP-el dicetak di hari yang sama bila berkas lengkap.", daysAgo: 150 }],
    },
    {
      key: "kartu-keluarga",
      category: "adminduk",
      since: 400,
      content: {
        name: "Kartu Keluarga (baru, perubahan, hilang)",
        summary: "Menerbitkan Kartu Keluarga baru, menambah atau mengurangi anggota keluarga, atau mengganti yang hilang atau rusak.",
        requirements: [
          KK,
          { name: "Buku nikah atau akta perkawinan", validity: "fotokopi, untuk KK baru setelah menikah" },
          { name: "Surat keterangan pindah", validity: "asli, bila anggota keluarga datang dari daerah lain" },
          PENGANTAR,
        ],
        stepsCounter: counterSteps([{ actor: "Petugas Dukcapil", text: "memperbarui data keluarga di SIAK" }]),
        stepsOnline: [{ actor: "Warga", text: "mengajukan lewat Alpukat Betawi; KK elektronik dikirim ke e-mail dan dicetak sendiri di kertas HVS 80 gram" }],
        onlineName: "Alpukat Betawi",
        onlineUrl: "https://alpukat-dukcapil.jakarta.go.id",
        durationValue: 1,
        durationUnit: "working_days",
        costAmount: 0,
        product: "Kartu Keluarga elektronik (bertanda tangan elektronik)",
        complaints,
        legalBasis: "UU No. 24 Tahun 2013; Permendagri No. 108 Tahun 2019.",
        ...INTERNAL,
      },
      later: [
        {
          changes: {
            requirements: [
              KK,
              { name: "Buku nikah atau akta perkawinan", validity: "fotokopi, untuk KK baru setelah menikah" },
              { name: "Surat keterangan pindah", validity: "asli, bila anggota keluarga datang dari daerah lain" },
            ],
          },
          reason: "Surat pengantar RT/RW tidak diperlukan lagi untuk perubahan KK.",
          daysAgo: 90,
        },
      ],
    },
    {
      key: "akta-kelahiran",
      category: "adminduk",
      since: 380,
      content: {
        name: "Akta Kelahiran",
        summary: "Mencatat kelahiran anak dan menerbitkan akta kelahiran, sekaligus memperbarui Kartu Keluarga dan membuat Kartu Identitas Anak.",
        requirements: [
          { name: "Surat keterangan lahir", validity: "asli, dari rumah sakit, puskesmas atau bidan" },
          { name: "Kartu Keluarga orang tua", validity: "asli" },
          { name: "Buku nikah atau akta perkawinan orang tua", validity: "fotokopi; bila tidak ada, Surat Pernyataan Tanggung Jawab Mutlak (SPTJM)" },
          { name: "KTP-el dua orang saksi", validity: "fotokopi" },
        ],
        stepsCounter: counterSteps([{ actor: "Petugas Dukcapil", text: "mencatat kelahiran dan menerbitkan akta, KK baru dan KIA" }]),
        stepsOnline: [{ actor: "Warga", text: "mengajukan lewat Alpukat Betawi dan mengunggah berkas; dokumen elektronik dikirim ke e-mail" }],
        onlineName: "Alpukat Betawi",
        onlineUrl: "https://alpukat-dukcapil.jakarta.go.id",
        durationValue: 1,
        durationUnit: "working_days",
        costAmount: 0,
        product: "Kutipan akta kelahiran, Kartu Keluarga baru dan Kartu Identitas Anak",
        complaints,
        legalBasis: "UU No. 24 Tahun 2013; Perpres No. 96 Tahun 2018.",
        ...INTERNAL,
      },
    },
    {
      key: "surat-pindah",
      category: "adminduk",
      since: 360,
      content: {
        name: "Surat Keterangan Pindah (SKPWNI)",
        summary: "Surat untuk pindah domisili ke kota atau provinsi lain, agar data kependudukan ikut pindah.",
        requirements: [KK, KTP, { name: "Alamat tujuan lengkap", validity: "sampai RT/RW dan kelurahan tujuan" }],
        stepsCounter: counterSteps([{ actor: "Petugas Dukcapil", text: "menerbitkan SKPWNI" }]),
        stepsOnline: [{ actor: "Warga", text: "mengajukan lewat Alpukat Betawi; SKPWNI elektronik dikirim ke e-mail" }],
        onlineName: "Alpukat Betawi",
        onlineUrl: "https://alpukat-dukcapil.jakarta.go.id",
        durationValue: 1,
        durationUnit: "working_days",
        costAmount: 0,
        product: "Surat Keterangan Pindah Warga Negara Indonesia (SKPWNI)",
        complaints,
        legalBasis: "UU No. 24 Tahun 2013; Permendagri No. 108 Tahun 2019.",
        ...INTERNAL,
      },
    },
    {
      key: "nib-oss",
      category: "perizinan",
      since: 300,
      content: {
        name: "Nomor Induk Berusaha (NIB) usaha mikro lewat OSS",
        summary: "Izin usaha mikro dan kecil berisiko rendah: NIB sekaligus sertifikat standar, didaftarkan lewat OSS dengan pendampingan petugas.",
        requirements: [
          { name: "KTP-el pemilik usaha", validity: "asli, NIK sudah terdaftar di Dukcapil" },
          { name: "NPWP", validity: "bila ada (tidak wajib untuk usaha mikro)" },
          { name: "Alamat e-mail dan nomor HP aktif", validity: "untuk akun OSS" },
          { name: "Alamat dan jenis kegiatan usaha", validity: "misalnya warung makan, jahit, kue rumahan" },
        ],
        stepsCounter: counterSteps([
          { actor: "Petugas pendampingan digital", text: "membantu membuat akun OSS dan mengisi data usaha bersama warga" },
          { actor: "Warga", text: "mengunduh NIB dari OSS" },
        ]),
        stepsOnline: [
          { actor: "Warga", text: "membuat akun di oss.go.id dengan NIK" },
          { actor: "Warga", text: "mengisi data usaha dan memilih KBLI" },
          { actor: "Sistem OSS", text: "menerbitkan NIB dan sertifikat standar" },
        ],
        onlineName: "OSS",
        onlineUrl: "https://oss.go.id",
        durationValue: 60,
        durationUnit: "minutes",
        costAmount: 0,
        product: "Nomor Induk Berusaha (NIB) dan sertifikat standar",
        complaints,
        legalBasis: "PP No. 5 Tahun 2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko; PP No. 7 Tahun 2021.",
        ...INTERNAL,
      },
      later: [{ changes: { durationValue: 30 }, reason: "Pendampingan OSS dipercepat setelah petugas pendampingan digital ditambah.", daysAgo: 60 }],
    },
  ];
}

const GEDUNG: Template = {
  key: "gedung-serbaguna",
  category: "lainnya",
  since: 500,
  content: {
    name: "Izin Pemakaian Gedung Serbaguna Kecamatan",
    summary: "Memakai gedung serbaguna kecamatan untuk kegiatan warga (pernikahan, pengajian, rapat, pelatihan) per 4 jam.",
    requirements: [KTP, { name: "Surat permohonan", validity: "berisi tanggal, jam, jenis kegiatan dan jumlah tamu" }, PENGANTAR],
    stepsCounter: counterSteps([
      { actor: "Petugas loket", text: "memeriksa jadwal gedung" },
      { actor: "Warga", text: "membayar retribusi lewat Bank DKI atau QRIS dengan kode bayar" },
    ]),
    durationValue: 2,
    durationUnit: "working_days",
    costAmount: 300_000,
    costBasis: "Perda Provinsi DKI Jakarta No. 3 Tahun 2012 tentang Retribusi Daerah (retribusi pemakaian kekayaan daerah), per 4 jam.",
    product: "Surat izin pemakaian gedung dan bukti bayar retribusi",
    complaints: COMPLAINTS("PTSP Kecamatan Duren Sawit", "0812-1000-2025"),
    legalBasis: "Perda Provinsi DKI Jakarta No. 1 Tahun 2024 tentang Pajak Daerah dan Retribusi Daerah.",
    ...INTERNAL,
  },
  later: [
    {
      changes: {
        costAmount: 350_000,
        costBasis: "Perda Provinsi DKI Jakarta No. 1 Tahun 2024 tentang Pajak Daerah dan Retribusi Daerah (retribusi pemakaian kekayaan daerah), per 4 jam.",
      },
      reason: "Tarif retribusi baru menurut Perda DKI Jakarta No. 1 Tahun 2024.",
      daysAgo: 200,
    },
  ],
};

function kelurahanServices(kelurahan: string): Template[] {
  const complaints = COMPLAINTS(`Kantor Kelurahan ${kelurahan}`, "0812-1000-2026");
  return [
    {
      key: "sktm",
      category: "sosial",
      since: 330,
      content: {
        name: "Surat Keterangan Tidak Mampu (SKTM)",
        summary: "Surat keterangan untuk keringanan biaya sekolah, berobat atau bantuan sosial bagi keluarga kurang mampu.",
        requirements: [KTP, KK, PENGANTAR, { name: "Surat keterangan dari sekolah atau rumah sakit", validity: "bila SKTM untuk keperluan itu" }],
        stepsCounter: counterSteps([
          { actor: "Kasi Kesejahteraan Rakyat", text: "memeriksa data di DTKS" },
          { actor: "Lurah", text: "menandatangani surat" },
        ]),
        durationValue: 1,
        durationUnit: "working_days",
        costAmount: 0,
        product: "Surat Keterangan Tidak Mampu",
        complaints,
        legalBasis: "Permensos No. 3 Tahun 2021 tentang Pengelolaan Data Terpadu Kesejahteraan Sosial.",
        ...INTERNAL,
      },
    },
    {
      key: "domisili-usaha",
      category: "perizinan",
      since: 320,
      content: {
        name: "Surat Keterangan Domisili Usaha",
        summary: "Surat yang menerangkan alamat tempat usaha, untuk bank, pemasok atau kemitraan.",
        requirements: [KTP, KK, PENGANTAR, { name: "Foto tempat usaha", validity: "tampak depan dengan papan nama bila ada" }],
        stepsCounter: counterSteps([{ actor: "Lurah", text: "menandatangani surat" }]),
        durationValue: 1,
        durationUnit: "working_days",
        costAmount: 0,
        product: "Surat Keterangan Domisili Usaha",
        complaints,
        legalBasis: "Pergub DKI Jakarta tentang Pelayanan Terpadu Satu Pintu.",
        ...INTERNAL,
      },
      later: [
        {
          changes: {
            stepsOnline: [{ actor: "Warga", text: "untuk usaha mikro, cukup NIB dari OSS: alamat usaha sudah tercantum di sana" }],
            onlineName: "OSS",
            onlineUrl: "https://oss.go.id",
          },
          reason: "NIB dari OSS diterima sebagai bukti alamat usaha mikro.",
          daysAgo: 45,
        },
      ],
    },
  ];
}

async function seedTemplates(db: Db, unitId: number, unitSlug: string, templates: Template[], createdById: number) {
  const services: Record<string, number> = {};
  for (const tpl of templates) {
    const since = daysAgo(tpl.since);
    const service = await aService(db, {
      unitId,
      slug: `${tpl.key}-${unitSlug}`,
      category: tpl.category,
      content: serviceContent(tpl.content),
      effectiveFrom: since,
      now: since,
      createdById,
      reason: "Standar pelayanan ditetapkan dengan Keputusan Camat setelah forum konsultasi publik.",
    });
    for (const next of tpl.later ?? []) {
      await aServiceVersion(db, service.id, next.changes, {
        reason: next.reason,
        effectiveFrom: daysAgo(next.daysAgo),
        now: daysAgo(next.daysAgo),
        createdById,
      });
    }
    services[tpl.key] = service.id;
  }
  return services;
}

export async function seedServices(db: Db, ctx: SeedContext): Promise<void> {
  const duren = await db.area.findUniqueOrThrow({ where: { code: "jaktim.duren-sawit" } });
  const kota = await db.area.findUniqueOrThrow({ where: { code: "jaktim" } });
  // Cakung is on the area tree too: one Balai serves units of both kecamatan
  const cakung = await db.area.create({ data: { level: "kecamatan", name: "Cakung", code: "jaktim.cakung", parentId: kota.id } });
  const planner = ctx.users.planner;

  const ds = await aServiceUnit(db, {
    slug: "ptsp-duren-sawit",
    name: "PTSP Kecamatan Duren Sawit",
    kind: "kecamatan",
    areaId: duren.id,
    address: "Jl. Kolonel Sugiono No. 1, Duren Sawit, Jakarta Timur",
    openingHours: "Senin–Jumat 08.00–15.00 WIB; Sabtu 08.00–12.00 WIB (perekaman KTP-el)",
    phone: "(021) 861-0000",
    whatsapp: "0812-1000-2025",
    position: 1,
  });
  const dsServices = await seedTemplates(db, ds.id, "duren-sawit", [...kecamatanServices("PTSP Kecamatan Duren Sawit", "0812-1000-2025"), GEDUNG], planner);
  // one standard not checked for eight months: the staff reminder has something to show
  await db.service.update({ where: { id: dsServices["surat-pindah"] }, data: { lastCheckedAt: daysAgo(240) } });
  await aMaklumat(db, ds.id, { text: MAKLUMAT, signerName: "Drs. Hendra Wijaya, M.Si.", signerTitle: "Camat Duren Sawit", signedOn: daysAgo(300) });
  await anAnnouncement(db, ds.id, {
    title: "Sabtu ini loket perekaman KTP-el buka 08.00–12.00 WIB",
    body: "Untuk pelajar dan pekerja yang tidak sempat datang di hari kerja.",
    startsAt: daysAgo(2),
    endsAt: new Date(Date.now() + 5 * DAY),
  });
  await anAnnouncement(db, ds.id, {
    title: "Semua layanan administrasi kependudukan GRATIS",
    body: "Jangan bayar apa pun kepada siapa pun. Diminta biaya? Laporkan di loket pengaduan atau lewat Balai.",
    startsAt: daysAgo(30),
  });

  const ck = await aServiceUnit(db, {
    slug: "ptsp-cakung",
    name: "PTSP Kecamatan Cakung",
    kind: "kecamatan",
    areaId: cakung.id,
    address: "Jl. Raya Bekasi Km. 17, Cakung, Jakarta Timur",
    openingHours: "Senin–Jumat 08.00–15.00 WIB",
    phone: "(021) 460-0000",
    whatsapp: "0812-1000-2026",
    position: 2,
  });
  await seedTemplates(db, ck.id, "cakung", kecamatanServices("PTSP Kecamatan Cakung", "0812-1000-2026"), planner);
  await aMaklumat(db, ck.id, { text: MAKLUMAT, signerName: "Ahmad Fauzi, S.Sos., M.Si.", signerTitle: "Camat Cakung", signedOn: daysAgo(280) });
  await anAnnouncement(db, ck.id, {
    title: "Pendampingan digital: daftar NIB lewat OSS setiap Selasa",
    body: "Bawa KTP-el dan HP Anda; petugas membantu sampai NIB terbit.",
    startsAt: daysAgo(7),
  });

  let position = 10;
  for (const name of CAKUNG_KELURAHAN) {
    const kel = await db.area.create({ data: { level: "kelurahan", name, code: `${cakung.code}.${slug(name)}`, parentId: cakung.id } });
    await db.area.create({ data: { level: "rw", name: "RW 01", code: `${kel.code}.rw01`, parentId: kel.id } });
    const unit = await aServiceUnit(db, {
      slug: `kelurahan-${slug(name)}`,
      name: `Kantor Kelurahan ${name}`,
      kind: "kelurahan",
      areaId: kel.id,
      parentId: ck.id,
      address: `Kantor Kelurahan ${name}, Kecamatan Cakung, Jakarta Timur`,
      openingHours: "Senin–Jumat 08.00–15.00 WIB",
      whatsapp: "0812-1000-2026",
      position: position++,
    });
    await seedTemplates(db, unit.id, slug(name), kelurahanServices(name), planner);
    await aMaklumat(db, unit.id, { text: MAKLUMAT, signerName: `Lurah ${name}`, signerTitle: `Lurah ${name}`, signedOn: daysAgo(270) });
  }

  // counter staff and a supervisor at Duren Sawit (demo password, like the other demo accounts)
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: planner }, select: { passwordHash: true } });
  const staff: Record<string, number> = {};
  for (const [email, name, role] of [
    ["petugas@balai.test", "Rina Marlina", "counter"],
    ["supervisor@balai.test", "Agus Salim", "supervisor"],
  ] as const) {
    const user = await db.user.create({ data: { email, name, role, passwordHash, isDemo: true } });
    await db.unitStaff.create({ data: { userId: user.id, unitId: ds.id, role } });
    staff[role] = user.id;
  }

  // the OSS dialogue session teaches the NIB service
  const oss = await db.event.findFirst({ where: { title: { contains: "OSS" } }, select: { id: true } });
  if (oss) await db.eventService.create({ data: { eventId: oss.id, serviceId: dsServices["nib-oss"] } });
  // and a digital class: the helpdesk teaches small businesses to register on OSS themselves
  const kelas = await anEvent(db, {
    kind: "class",
    title: "Kelas digital: daftar NIB sendiri lewat OSS untuk pelaku UMKM",
    description: "Bawa KTP-el dan HP yang bisa menerima SMS. Petugas pendampingan digital memandu langkah demi langkah sampai NIB terbit.",
    startsAt: wibAt(9, 9),
    endsAt: wibAt(9, 11),
    venueName: "Ruang Pelayanan PTSP Kecamatan Duren Sawit",
    venueAddress: "Jl. Kolonel Sugiono No. 1, Duren Sawit, Jakarta Timur",
    capacity: 20,
    createdById: planner,
  });
  await db.eventService.create({ data: { eventId: kelas.id, serviceId: dsServices["nib-oss"] } });

  await seedQueue(db, ds.id, dsServices, staff.counter);
}

/** `days` from today (WIB), at `hour`:00 WIB. */
function wibAt(days: number, hour: number): Date {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY + (hour - 7) * 3_600_000);
}

/**
 * This morning's queue at Duren Sawit (so the desk, the ticket pages, the display and the
 * figures have something to show): visits served and a no-show, one at counter 1 and one
 * being served at counter 2, people waiting (one with a priority number), helpdesk sessions.
 */
async function seedQueue(db: Db, unitId: number, services: Record<string, number>, counterId: number) {
  const now = Date.now();
  // numbers taken over the last two hours, oldest first
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  const closed = [
    { service: "ktp-el", minutesAgo: 120, status: "served", wait: 9, counter: "1" },
    { service: "kartu-keluarga", minutesAgo: 112, status: "served", wait: 14, counter: "2" },
    { service: "nib-oss", minutesAgo: 105, status: "served", wait: 18, counter: "1" },
    { service: "akta-kelahiran", minutesAgo: 96, status: "no_show", wait: 20, counter: "2" },
    { service: "ktp-el", minutesAgo: 80, status: "served", wait: 11, counter: "1" },
  ] as const;
  const tickets = [];
  for (const c of closed)
    tickets.push(
      await aQueueTicket(db, unitId, services[c.service], {
        status: c.status,
        takenAt: at(c.minutesAgo),
        waitMinutes: c.wait,
        counter: c.counter,
        servedById: counterId,
        channel: "door",
      }),
    );
  await aQueueTicket(db, unitId, services["kartu-keluarga"], { status: "serving", takenAt: at(40), waitMinutes: 25, counter: "2", servedById: counterId });
  await aQueueTicket(db, unitId, services["ktp-el"], { status: "called", takenAt: at(30), waitMinutes: 28, counter: "1", servedById: counterId });
  await aQueueTicket(db, unitId, services["ktp-el"], { takenAt: at(22) });
  await aQueueTicket(db, unitId, services["akta-kelahiran"], { takenAt: at(15), channel: "kiosk" });
  await aQueueTicket(db, unitId, services["ktp-el"], { takenAt: at(9), priority: "elderly", channel: "door" });
  await aQueueTicket(db, unitId, services["nib-oss"], { takenAt: at(4) });
  // two of the served residents were helped with the online procedure
  await db.helpdeskSession.createMany({
    data: [
      {
        unitId,
        serviceId: services["nib-oss"],
        ticketId: tickets[2].id,
        onlineService: "oss",
        difficulty: "Kode OTP tidak masuk; belum punya e-mail aktif.",
        canDoAlone: "yes",
        staffId: counterId,
        startedAt: at(80),
        endedAt: at(70),
      },
      {
        unitId,
        serviceId: services["ktp-el"],
        ticketId: tickets[4].id,
        onlineService: "jaki",
        difficulty: "Belum tahu cara unggah foto dokumen di JAKI.",
        canDoAlone: "unsure",
        staffId: counterId,
        startedAt: at(60),
        endedAt: at(52),
      },
    ],
  });
}
