// Demo data: a live Q&A session (join code KOPI42) on the next Ngopi Dursa, with
// questions in every state, so a moderator can run a whole session from the demo.
import type { Db } from "~/db/client.server";
import type { QuestionStatus } from "~/domain/qa/rules";
import { aParticipant, aPoll, aPollAnswer, aQaSession, aQuestion } from "../builders/qa";
import type { SeedContext } from "./foundation";

export const DEMO_QA_CODE = "KOPI42";

export async function seedQa(db: Db, { users }: SeedContext): Promise<void> {
  const event =
    (await db.event.findFirst({ where: { title: { contains: "Izin usaha mikro" }, startsAt: { gt: new Date() } }, orderBy: { startsAt: "asc" } })) ??
    (await db.event.findFirst({ where: { status: "published", startsAt: { gt: new Date() } }, orderBy: { startsAt: "asc" } }));
  if (!event) return;
  const session = await aQaSession(db, {
    eventId: event.id,
    code: DEMO_QA_CODE,
    premoderation: true,
    createdById: users.moderator,
    extraBlockedWords: ["calo"],
  });
  const people = Array.from({ length: 14 }, (_, i) => `demo-participant-${String(i + 1).padStart(2, "0")}`);
  for (const id of people) await aParticipant(db, { id });

  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const questions: {
    who: number;
    name: string | null;
    text: string;
    status: QuestionStatus;
    votes: number;
    label?: string;
    answer?: string;
    at: number;
    userId?: number;
  }[] = [
    {
      who: 0,
      name: "Bu Sri",
      text: "Apakah usaha katering rumahan wajib punya NIB, atau cukup surat keterangan dari RT/RW?",
      status: "approved",
      votes: 9,
      label: "NIB",
      at: 40,
    },
    {
      who: 1,
      name: null,
      text: "Berapa biaya membuat NIB lewat OSS? Ada yang menawarkan jasa Rp500 ribu.",
      status: "approved",
      votes: 7,
      label: "Biaya",
      at: 38,
    },
    {
      who: 2,
      name: "Pak Darto",
      text: "Kalau tidak punya ponsel pintar, bisa dibantu daftar OSS di kantor kecamatan?",
      status: "approved",
      votes: 6,
      label: "Pendampingan",
      at: 35,
      userId: users.resident,
    },
    { who: 3, name: "Rina", text: "Setelah punya NIB, bagaimana cara mengurus sertifikat halal gratis?", status: "approved", votes: 4, label: "Halal", at: 30 },
    {
      who: 4,
      name: null,
      text: "Apakah NIB bisa dipakai untuk mengajukan KUR di bank?",
      status: "answered",
      votes: 5,
      label: "Modal",
      at: 45,
      answer: "Bisa. NIB menjadi salah satu syarat KUR; bawa juga KTP-el dan KK. Petugas PTSP akan membagikan daftar bank penyalur.",
    },
    { who: 5, name: "Mas Yoga", text: "Warung kelontong di gang kecil perlu izin lingkungan juga atau tidak?", status: "approved", votes: 2, at: 20 },
    { who: 6, name: null, text: "Data usaha saya di OSS salah alamat, bagaimana cara memperbaikinya?", status: "pending", votes: 0, at: 8 },
    { who: 7, name: "Bu Ani", text: "Apakah ada pelatihan foto produk dan jualan daring untuk UMKM di Duren Sawit?", status: "pending", votes: 0, at: 5 },
    { who: 8, name: null, text: "Tolong promosikan toko saya di Jl. Swadaya, diskon 20%!", status: "rejected", votes: 0, at: 25 },
  ];
  let onScreen: number | null = null;
  let next: number | null = null;
  for (const q of questions) {
    const created = await aQuestion(db, session.id, {
      participantId: people[q.who],
      userId: q.userId ?? null,
      displayName: q.name,
      text: q.text,
      status: q.status,
      label: q.label ?? null,
      answerText: q.answer ?? null,
      answeredAt: q.answer ? minutesAgo(10) : null,
      createdAt: minutesAgo(q.at),
      voters: people.filter((_, i) => i !== q.who).slice(0, q.votes),
    });
    if (q.status === "approved" && onScreen === null) onScreen = created.id;
    else if (q.status === "approved" && next === null) next = created.id;
  }
  await db.qaSession.update({ where: { id: session.id }, data: { onScreenQuestionId: onScreen, nextQuestionId: next, revision: questions.length } });

  // polls (issue 17): one prepared for the moderator to open, and a word cloud already asked, with answers
  await aPoll(db, session.id, { kind: "single", question: "Siapa yang sudah pernah memakai JAKI?", options: ["Sudah", "Belum", "Belum tahu JAKI"] });
  const cloud = await aPoll(db, session.id, { kind: "words", question: "Layanan apa yang paling sulit?", status: "closed", showResults: true });
  const words = ["izin usaha", "izin usaha", "izin usaha", "sertifikat halal", "sertifikat halal", "pindah domisili", "bpjs", "pajak daerah"];
  for (const [i, w] of words.entries()) await aPollAnswer(db, cloud, { participantId: people[i], words: w });
}
