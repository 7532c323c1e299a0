// Seeds one big discussion thread for the benchmark (deterministic).
import type { Db } from "~/db/client.server";
import { pathSegment } from "~/domain/discussions/tree";
import { renderMarkdown } from "~/domain/text/markdown.server";

/** deterministic pseudo-random numbers, so every run seeds the same thread */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

const SENTENCES = [
  "Saluran di depan rumah kami juga tersumbat sejak musim hujan.",
  "Setuju, sebaiknya dibahas di Ngopi Dursa bulan depan.",
  "Apakah sudah ada jadwal kerja bakti dari pengurus RW?",
  "Terima kasih informasinya, **sangat membantu** warga lansia seperti orang tua saya.",
  "Saya coba daftar lewat aplikasi tapi gagal di langkah unggah KK.",
  "Mohon petugas kelurahan bisa hadir supaya jelas prosedurnya.",
  "Di RW kami sudah berjalan baik, bisa dicontoh:\n\n- kumpul Minggu pagi\n- catat di buku kas\n- laporan tiap bulan",
  "> Kalau lewat Ngopi Dursa bisa langsung ditanyakan\n\nBetul, kemarin saya tanyakan dan langsung dijawab.",
];

export async function seedThread(db: Db, REPLIES: number): Promise<{ topicId: number; topLevel: number }> {
  const rand = random(42);
  const authors = (await db.user.findMany({ select: { id: true } })).map((u) => u.id);
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  const topic = await db.topic.create({
    data: { title: "Diskusi besar: banjir dan saluran air di Duren Sawit", categoryId: category.id, authorId: authors[0] },
  });
  const last = await db.post.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  let nextId = (last?.id ?? 0) + 1;
  const start = Date.now() - 30 * 86_400_000;
  type Row = {
    id: number;
    topicId: number;
    parentId: number | null;
    depth: number;
    path: string;
    authorId: number;
    body: string;
    bodyHtml: string;
    supportCount: number;
    createdAt: Date;
    isOfficial: boolean;
  };
  const rows: Row[] = [];
  const html = SENTENCES.map((s) => renderMarkdown(s));
  const root: Row = {
    id: nextId++,
    topicId: topic.id,
    parentId: null,
    depth: 0,
    path: "",
    authorId: authors[0],
    body: SENTENCES[0],
    bodyHtml: html[0],
    supportCount: 12,
    createdAt: new Date(start),
    isOfficial: false,
  };
  root.path = pathSegment(root.id);
  rows.push(root);
  let topLevel = 0;
  for (let i = 0; i < REPLIES; i++) {
    // about a quarter answer the topic; the rest answer a reply, mostly recent ones, sometimes deep chains
    let parent = root;
    if (i > 0 && rand() > 0.25) {
      const recent = rand() < 0.7;
      const from = recent ? Math.max(1, rows.length - 40) : 1;
      parent = rows[from + Math.floor(rand() * (rows.length - from))];
      if (parent.depth >= 14) parent = root;
    }
    if (parent === root) topLevel++;
    const s = Math.floor(rand() * SENTENCES.length);
    const row: Row = {
      id: nextId++,
      topicId: topic.id,
      parentId: parent.id,
      depth: parent.depth + 1,
      path: "",
      authorId: authors[Math.floor(rand() * authors.length)],
      body: SENTENCES[s],
      bodyHtml: html[s],
      supportCount: Math.floor(rand() ** 3 * 25),
      createdAt: new Date(start + i * 60_000),
      isOfficial: false,
    };
    row.path = parent.path + pathSegment(row.id);
    rows.push(row);
  }
  for (let i = 0; i < rows.length; i += 500) await db.post.createMany({ data: rows.slice(i, i + 500) });
  await db.topic.update({ where: { id: topic.id }, data: { replyCount: REPLIES, lastActivityAt: new Date() } });
  return { topicId: topic.id, topLevel };
}
