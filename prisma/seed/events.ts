// Demo data: Ngopi Dursa sessions (two past, two upcoming) and a Dursa Vaganza fair.
// Built with the same builders as the tests (prisma/builders/events.ts).
import type { Db } from "~/db/client.server";
import { expandDates, formatRrule, nthWeekday, ruleFor } from "~/domain/events/recurrence";
import { wibParts, wibToDate } from "~/domain/events/wib";
import { anEvent, anRsvp } from "../builders";
import type { SeedContext } from "./foundation";

const GUESTS: [name: string, contact: string][] = [
  ["Bu Sumarni", "+6281210000001"],
  ["Pak Darto", "+6281210000002"],
  ["Ibu Yuliani", "yuliani.rw03@contoh.id"],
  ["Pak Slamet Riyadi", "+6281210000004"],
  ["Nur Aisyah", "+6281210000005"],
  ["Agus Prasetyo", "agus.p@contoh.id"],
  ["Rahmat Hidayat", "+6281210000007"],
  ["Sri Wahyuni", "+6281210000008"],
  ["Eko Saputra", "+6281210000009"],
  ["Fitri Handayani", "+6281210000010"],
  ["Hasan Basri", "+6281210000011"],
  ["Lina Marlina", "+6281210000012"],
  ["Wawan Setiawan", "+6281210000013"],
  ["Tuti Alawiyah", "+6281210000014"],
];

export async function seedEvents(db: Db, { kelurahan, users, saturday }: SeedContext): Promise<void> {
  const moderator = users.moderator;
  const pk = kelurahan["Pondok Kelapa"];
  const ds = kelurahan["Duren Sawit"];
  const kl = kelurahan["Klender"];
  const pb = kelurahan["Pondok Bambu"];

  await anEvent(db, {
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
    accessibility: ["wheelchair", "elderly_seating"],
    summary:
      "Hadir 34 warga. Pokok bahasan: cara mendaftar antrean daring, syarat KIA untuk bayi baru lahir, dan pendampingan bagi warga lansia. Warga meminta jadwal layanan keliling di tingkat RW.",
    attendanceCount: 34,
    createdById: moderator,
    agenda: ["Pendaftaran antrean daring", "Syarat KIA untuk bayi baru lahir", "Pendampingan warga lansia"],
    officials: [
      { name: "Hendra Wijaya", position: "Kepala Satpel Dukcapil" },
      { name: "Rina Marlina", position: "Sekretaris Kecamatan" },
    ],
  });

  await anEvent(db, {
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
    accessibility: ["wheelchair", "elderly_seating", "sign_language"],
    summary: "Hadir 41 warga. Warga RW 03 dan RW 07 melaporkan genangan di Jl. Swadaya. Sudin SDA berjanji meninjau saluran pada bulan depan.",
    attendanceCount: 41,
    createdById: moderator,
    agenda: ["Titik genangan di lingkungan RW", "Jadwal pengerukan saluran"],
    officials: [{ name: "Agus Salim", position: "Kepala Seksi Sudin SDA Jakarta Timur" }],
  });

  const oss = await anEvent(db, {
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
    accessibility: ["wheelchair", "elderly_seating", "childcare"],
    createdById: moderator,
    agenda: ["Apa itu NIB dan siapa yang perlu", "Praktik mendaftar di OSS", "Tanya jawab"],
    officials: [{ name: "Yusuf Maulana", position: "Kepala Satpel PTSP Kecamatan Duren Sawit" }],
  });

  await anEvent(db, {
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
    accessibility: ["elderly_seating"],
    createdById: moderator,
    agenda: ["Jadwal angkut sampah", "Bank sampah RW"],
    officials: [{ name: "Lurah Klender", position: "Lurah" }],
  });

  await anEvent(db, {
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
    accessibility: ["wheelchair", "elderly_seating", "childcare"],
    createdById: moderator,
    stalls: [
      { name: "Pendampingan layanan digital", description: "Dibantu memasang dan memakai aplikasi layanan DKI." },
      { name: "Dokumen kependudukan", description: "KTP-el, KK, KIA, dan akta kelahiran." },
      { name: "Cek kesehatan gratis", description: "Tensi, gula darah, dan konsultasi dari Puskesmas Duren Sawit." },
      { name: "Pojok aspirasi", description: "Sampaikan usulan untuk rembuk tahunan, dicatat petugas." },
    ],
  });

  // RSVPs for the OSS session: the demo resident and a few guests (one already checked in is not
  // possible before the day, so all are simply registered).
  await anRsvp(db, oss, { userId: users.resident });
  for (const [guestName, guestContact] of GUESTS.slice(0, 6)) {
    await anRsvp(db, oss, { guestName, guestContact });
  }

  // A small class that is full, with a waitlist.
  const mk = kelurahan["Malaka Jaya"];
  const full = await anEvent(db, {
    kind: "dialogue",
    status: "published",
    title: "Ngopi Dursa: Belajar aplikasi JAKI untuk lansia",
    description: "Kelas kecil, satu petugas mendampingi dua peserta. Bawa ponsel yang biasa dipakai.",
    topic: "Literasi digital",
    startsAt: saturday(1, 13),
    endsAt: saturday(1, 15),
    venueName: "Ruang Rapat Kelurahan Malaka Jaya",
    venueAddress: "Jl. Delima Raya No. 1, Malaka Jaya, Jakarta Timur",
    kelurahanId: mk.id,
    capacity: 12,
    accessibility: ["wheelchair", "elderly_seating", "large_print", "accessible_toilet"],
    createdById: moderator,
    agenda: ["Memasang dan masuk ke JAKI", "Melapor lewat JAKI"],
    officials: [{ name: "Dimas Anggara", position: "Pendamping Layanan Digital Kecamatan" }],
  });
  for (const [i, [guestName, guestContact]] of GUESTS.entries()) {
    await anRsvp(db, full, {
      guestName,
      guestContact,
      status: i < 12 ? "confirmed" : "waitlisted",
      createdAt: new Date(Date.now() - (GUESTS.length - i) * 3_600_000),
    });
  }

  // A recurring series: every first Saturday of the month at RW 05 Pondok Kopi, four sessions;
  // the third one is cancelled on its own.
  const pko = kelurahan["Pondok Kopi"];
  const firstDate = wibParts(saturday(0, 12)).date;
  const rule = ruleFor("monthly", firstSaturdayOfNextMonth(firstDate), 4);
  const series = await db.eventSeries.create({ data: { rrule: formatRrule(rule), startTime: "09:00", endTime: "11:00" } });
  const dates = expandDates(rule, firstSaturdayOfNextMonth(firstDate));
  for (const [i, date] of dates.entries()) {
    const startsAt = wibToDate(date, "09:00")!;
    const e = await anEvent(db, {
      kind: "dialogue",
      status: i === 2 ? "cancelled" : "published",
      cancelReason: i === 2 ? "Aula dipakai untuk posko vaksinasi. Sampai jumpa bulan berikutnya." : null,
      registrationOpen: i !== 2,
      sequence: i === 2 ? 1 : 0,
      title: "Ngopi Dursa RW 05 Pondok Kopi: obrolan Sabtu pertama",
      description: "Obrolan rutin bulanan warga RW 05 dengan lurah dan petugas kecamatan. Bawa pertanyaan, keluhan, dan usulan Anda.",
      topic: "Obrolan bebas warga",
      startsAt,
      endsAt: wibToDate(date, "11:00")!,
      venueName: "Pos RW 05 Pondok Kopi",
      venueAddress: "Jl. Pondok Kopi Raya Gg. Masjid, Pondok Kopi, Jakarta Timur",
      kelurahanId: pko.id,
      rwId: pko.rws[4],
      latitude: -6.2208,
      longitude: 106.9392,
      capacity: 35,
      accessibility: ["elderly_seating", "childcare"],
      seriesId: series.id,
      createdById: moderator,
      agenda: ["Kabar dari kelurahan", "Pertanyaan dan usulan warga"],
      officials: [{ name: "Lurah Pondok Kopi", position: "Lurah" }],
    });
    if (i === 0) await anRsvp(db, e, { userId: users.resident });
  }

  // A draft the moderator is still preparing.
  await anEvent(db, {
    kind: "fair",
    status: "draft",
    title: "Dursa Vaganza di Lapangan Klender (draf)",
    description: "Rencana layanan keliling di lapangan Klender.",
    startsAt: saturday(5, 7),
    endsAt: saturday(5, 12),
    venueName: "Lapangan Klender",
    venueAddress: "Jl. Raya Bekasi Km 18, Klender, Jakarta Timur",
    kelurahanId: kl.id,
    createdById: moderator,
    stalls: [{ name: "Dokumen kependudukan", description: "KTP-el dan KK." }],
  });
}

/** "2026-11-28" -> the first Saturday of the following month, "2026-12-05" */
function firstSaturdayOfNextMonth(date: string): string {
  const [y, m] = date.split("-").map(Number);
  return nthWeekday(m === 12 ? y + 1 : y, m % 12, 6, 1)
    .toISOString()
    .slice(0, 10);
}
