// Demo data: Ngopi Dursa sessions (two past, two upcoming) and a Dursa Vaganza fair.
import type { Db } from "~/db/client.server";
import type { SeedContext } from "./foundation";

export async function seedEvents(db: Db, { kelurahan, users, saturday }: SeedContext): Promise<void> {
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
