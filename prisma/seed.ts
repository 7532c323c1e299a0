// Demo data for Kecamatan Duren Sawit (Jakarta Timur), in Indonesian.
// Dates are relative to today so the demo always has upcoming events.
import type { Db } from "~/db/client.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { DEMO_PASSWORD } from "~/domain/accounts/accounts.schema";

/** Kelurahan of Kecamatan Duren Sawit and their number of RWs. */
export const DUREN_SAWIT_KELURAHAN: [name: string, rwCount: number][] = [
  ["Pondok Bambu", 13],
  ["Duren Sawit", 16],
  ["Pondok Kelapa", 16],
  ["Pondok Kopi", 13],
  ["Malaka Jaya", 10],
  ["Malaka Sari", 13],
  ["Klender", 17],
];

export const CATEGORIES: [slug: string, id: string, en: string][] = [
  ["adminduk", "Administrasi kependudukan", "Population administration"],
  ["infrastruktur", "Infrastruktur dan jalan", "Infrastructure and roads"],
  ["lingkungan", "Lingkungan dan kebersihan", "Environment and cleanliness"],
  ["kesehatan", "Kesehatan", "Health"],
  ["pendidikan", "Pendidikan", "Education"],
  ["umkm", "Usaha kecil (UMKM)", "Small business"],
  ["layanan-digital", "Layanan digital", "Digital services"],
  ["lainnya", "Lainnya", "Other"],
];

export const DEMO_ACCOUNTS = [
  { email: "warga@balai.test", name: "Siti Aminah", role: "resident" },
  { email: "moderator@balai.test", name: "Budi Santoso", role: "moderator" },
  { email: "perencana@balai.test", name: "Dewi Lestari", role: "planner" },
  { email: "admin@balai.test", name: "Admin Kecamatan", role: "admin" },
] as const;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A moment in WIB (UTC+7, no daylight saving). */
export function wib(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 7, minute));
}

/** The date (in WIB) of the n-th Saturday counted from today, n=0 is the next one. */
function saturday(offsetWeeks: number, hour: number, minute = 0): Date {
  const nowWib = new Date(Date.now() + 7 * 3_600_000);
  const daysToSat = (6 - nowWib.getUTCDay() + 7) % 7 || 7;
  const d = new Date(Date.UTC(nowWib.getUTCFullYear(), nowWib.getUTCMonth(), nowWib.getUTCDate() + daysToSat + offsetWeeks * 7));
  return wib(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute);
}

export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seedDemo(db);
  return true;
}

export async function seedDemo(db: Db): Promise<void> {
  const kota = await db.area.create({ data: { level: "kota", name: "Jakarta Timur", code: "jaktim" } });
  const kecamatan = await db.area.create({
    data: { level: "kecamatan", name: "Duren Sawit", code: "jaktim.duren-sawit", parentId: kota.id },
  });
  const kelurahan: Record<string, { id: number; rws: number[] }> = {};
  for (const [name, rwCount] of DUREN_SAWIT_KELURAHAN) {
    const k = await db.area.create({
      data: { level: "kelurahan", name, code: `${kecamatan.code}.${slug(name)}`, parentId: kecamatan.id },
    });
    const rws: number[] = [];
    for (let i = 1; i <= rwCount; i++) {
      const num = String(i).padStart(2, "0");
      const rw = await db.area.create({ data: { level: "rw", name: `RW ${num}`, code: `${k.code}.rw${num}`, parentId: k.id } });
      rws.push(rw.id);
    }
    kelurahan[name] = { id: k.id, rws };
  }

  await db.category.createMany({
    data: CATEGORIES.map(([s, nameId, nameEn], position) => ({ slug: s, nameId, nameEn, position })),
  });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: Record<string, number> = {};
  for (const account of DEMO_ACCOUNTS) {
    const u = await db.user.create({
      data: {
        ...account,
        passwordHash,
        isDemo: true,
        kelurahanId: account.role === "resident" ? kelurahan["Pondok Kopi"].id : null,
        rwId: account.role === "resident" ? kelurahan["Pondok Kopi"].rws[4] : null,
      },
    });
    users[account.role] = u.id;
  }

  const moderator = users.moderator;
  const pk = kelurahan["Pondok Kelapa"];
  const ds = kelurahan["Duren Sawit"];
  const kl = kelurahan["Klender"];
  const pb = kelurahan["Pondok Bambu"];

  await db.event.create({
    data: {
      kind: "dialogue",
      status: "completed",
      title: "Ngopi Dursa: Mengurus KTP-el dan KIA tanpa antre",
      description: "Obrolan santai tentang layanan kependudukan secara daring lewat aplikasi Alpukat Betawi.",
      topic: "Layanan kependudukan daring",
      startsAt: saturday(-5, 9),
      endsAt: saturday(-5, 11),
      venueName: "Pendopo Kantor Kecamatan Duren Sawit",
      venueAddress: "Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur",
      kelurahanId: ds.id,
      latitude: -6.2275,
      longitude: 106.9136,
      capacity: 40,
      accessibility: JSON.stringify(["wheelchair", "elderly_seating"]),
      summary: "Hadir 34 warga. Pokok bahasan: cara mendaftar antrean daring, syarat KIA untuk bayi baru lahir, dan pendampingan bagi warga lansia. Warga meminta jadwal layanan keliling di tingkat RW.",
      attendanceCount: 34,
      createdById: moderator,
      agendaPoints: { create: [
        { position: 1, text: "Pendaftaran antrean daring" },
        { position: 2, text: "Syarat KIA untuk bayi baru lahir" },
        { position: 3, text: "Pendampingan warga lansia" },
      ] },
      officials: { create: [
        { name: "Hendra Wijaya", position: "Kepala Satpel Dukcapil" },
        { name: "Rina Marlina", position: "Sekretaris Kecamatan" },
      ] },
    },
  });

  await db.event.create({
    data: {
      kind: "dialogue",
      status: "completed",
      title: "Ngopi Dursa: Banjir dan saluran air di Pondok Kelapa",
      description: "Dialog bersama Sudin SDA tentang normalisasi saluran dan kesiapsiagaan musim hujan.",
      topic: "Saluran air dan banjir",
      startsAt: saturday(-2, 9),
      endsAt: saturday(-2, 11),
      venueName: "Aula Kantor Kelurahan Pondok Kelapa",
      venueAddress: "Jl. Swadaya Raya No. 4, Pondok Kelapa, Jakarta Timur",
      kelurahanId: pk.id,
      rwId: pk.rws[2],
      capacity: 50,
      accessibility: JSON.stringify(["wheelchair", "elderly_seating", "sign_language"]),
      summary: "Hadir 41 warga. Warga RW 03 dan RW 07 melaporkan genangan di Jl. Swadaya. Sudin SDA berjanji meninjau saluran pada bulan depan.",
      attendanceCount: 41,
      createdById: moderator,
      agendaPoints: { create: [
        { position: 1, text: "Titik genangan di lingkungan RW" },
        { position: 2, text: "Jadwal pengerukan saluran" },
      ] },
      officials: { create: [{ name: "Agus Salim", position: "Kepala Seksi Sudin SDA Jakarta Timur" }] },
    },
  });

  await db.event.create({
    data: {
      kind: "dialogue",
      status: "published",
      title: "Ngopi Dursa: Izin usaha mikro lewat OSS",
      description: "Belajar bersama cara mendaftar NIB untuk usaha rumahan. **Bawa KTP-el dan ponsel** bila ingin langsung mencoba.",
      topic: "Perizinan UMKM",
      startsAt: saturday(1, 9),
      endsAt: saturday(1, 11),
      venueName: "Pendopo Kantor Kecamatan Duren Sawit",
      venueAddress: "Jl. Raya Bekasi Timur No. 1, Duren Sawit, Jakarta Timur",
      kelurahanId: ds.id,
      latitude: -6.2275,
      longitude: 106.9136,
      capacity: 40,
      accessibility: JSON.stringify(["wheelchair", "elderly_seating", "childcare"]),
      createdById: moderator,
      agendaPoints: { create: [
        { position: 1, text: "Apa itu NIB dan siapa yang perlu" },
        { position: 2, text: "Praktik mendaftar di OSS" },
        { position: 3, text: "Tanya jawab" },
      ] },
      officials: { create: [{ name: "Yusuf Maulana", position: "Kepala Satpel PTSP Kecamatan Duren Sawit" }] },
    },
  });

  await db.event.create({
    data: {
      kind: "dialogue",
      status: "published",
      title: "Ngopi Dursa: Pengelolaan sampah di Klender",
      description: "Bank sampah, jadwal angkut, dan usulan TPS baru.",
      topic: "Sampah dan kebersihan",
      startsAt: saturday(3, 15, 30),
      endsAt: saturday(3, 17),
      venueName: "Balai Warga RW 05 Klender",
      venueAddress: "Jl. Bekasi Timur IV, Klender, Jakarta Timur",
      kelurahanId: kl.id,
      rwId: kl.rws[4],
      capacity: 30,
      accessibility: JSON.stringify(["elderly_seating"]),
      createdById: moderator,
      agendaPoints: { create: [{ position: 1, text: "Jadwal angkut sampah" }, { position: 2, text: "Bank sampah RW" }] },
      officials: { create: [{ name: "Lurah Klender", position: "Lurah" }] },
    },
  });

  await db.event.create({
    data: {
      kind: "fair",
      status: "published",
      title: "Dursa Vaganza di Taman Pondok Bambu",
      description: "Layanan kecamatan hadir di taman: urus dokumen, periksa kesehatan, dan belajar layanan digital dengan didampingi petugas.",
      startsAt: saturday(2, 7),
      endsAt: saturday(2, 12),
      venueName: "Taman Interaksi Pondok Bambu",
      venueAddress: "Jl. Pahlawan Revolusi, Pondok Bambu, Jakarta Timur",
      kelurahanId: pb.id,
      latitude: -6.2339,
      longitude: 106.9007,
      accessibility: JSON.stringify(["wheelchair", "elderly_seating", "childcare"]),
      createdById: moderator,
      stalls: { create: [
        { name: "Pendampingan layanan digital", description: "Dibantu memasang dan memakai aplikasi layanan DKI." },
        { name: "Dokumen kependudukan", description: "KTP-el, KK, KIA, dan akta kelahiran." },
        { name: "Cek kesehatan gratis", description: "Tensi, gula darah, dan konsultasi dari Puskesmas Duren Sawit." },
        { name: "Pojok aspirasi", description: "Sampaikan usulan untuk rembuk tahunan, dicatat petugas." },
      ] },
    },
  });
}
