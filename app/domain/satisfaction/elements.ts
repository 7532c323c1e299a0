// The nine SKM elements (unsur) with their standard questions and answer labels
// (PermenPAN-RB 14/2017), by key. Offices localise the labels (admins edit them:
// SurveyElement rows); the values stay 1-4. Each key has its own column in
// SurveyResponse (U1 -> u1 …): the only place that mapping is written down.
import { ELEMENT_KEYS, type ElementKey } from "./ikm";

export interface ElementLabels {
  key: ElementKey;
  position: number;
  name: { id: string; en: string };
  question: { id: string; en: string };
  /** labels of the answers 1, 2, 3, 4 */
  answers: { id: [string, string, string, string]; en: [string, string, string, string] };
}

export type ElementColumn = "u1" | "u2" | "u3" | "u4" | "u5" | "u6" | "u7" | "u8" | "u9";

export const ELEMENT_COLUMN: Record<ElementKey, ElementColumn> = {
  U1: "u1",
  U2: "u2",
  U3: "u3",
  U4: "u4",
  U5: "u5",
  U6: "u6",
  U7: "u7",
  U8: "u8",
  U9: "u9",
};

type Default = Omit<ElementLabels, "key" | "position">;

export const DEFAULT_ELEMENTS: Record<ElementKey, Default> = {
  U1: {
    name: { id: "Persyaratan", en: "Requirements" },
    question: { id: "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?", en: "How well do the requirements fit the kind of service?" },
    answers: { id: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"], en: ["Not suitable", "Hardly suitable", "Suitable", "Very suitable"] },
  },
  U2: {
    name: { id: "Sistem, mekanisme dan prosedur", en: "System, mechanism and procedure" },
    question: { id: "Bagaimana kemudahan prosedur pelayanan di unit ini?", en: "How easy is the service procedure at this unit?" },
    answers: { id: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"], en: ["Not easy", "Hardly easy", "Easy", "Very easy"] },
  },
  U3: {
    name: { id: "Waktu penyelesaian", en: "Completion time" },
    question: { id: "Bagaimana kecepatan waktu dalam memberikan pelayanan?", en: "How fast was the service given?" },
    answers: { id: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"], en: ["Not fast", "Hardly fast", "Fast", "Very fast"] },
  },
  U4: {
    name: { id: "Biaya/tarif", en: "Cost/fee" },
    question: { id: "Bagaimana kewajaran biaya/tarif dalam pelayanan?", en: "How fair is the cost or fee of the service?" },
    answers: { id: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"], en: ["Very expensive", "Rather expensive", "Cheap", "Free"] },
  },
  U5: {
    name: { id: "Produk spesifikasi jenis pelayanan", en: "Service product" },
    question: {
      id: "Bagaimana kesesuaian produk pelayanan dengan yang tercantum dalam standar pelayanan?",
      en: "Does the product you received match what the service standard says?",
    },
    answers: { id: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"], en: ["Not as stated", "Hardly as stated", "As stated", "Fully as stated"] },
  },
  U6: {
    name: { id: "Kompetensi pelaksana", en: "Staff competence" },
    question: { id: "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?", en: "How competent were the staff?" },
    answers: {
      id: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
      en: ["Not competent", "Hardly competent", "Competent", "Very competent"],
    },
  },
  U7: {
    name: { id: "Perilaku pelaksana", en: "Staff conduct" },
    question: { id: "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?", en: "How polite and friendly were the staff?" },
    answers: {
      id: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
      en: ["Not polite or friendly", "Hardly polite or friendly", "Polite and friendly", "Very polite and friendly"],
    },
  },
  U8: {
    name: { id: "Sarana dan prasarana", en: "Facilities" },
    question: { id: "Bagaimana kualitas sarana dan prasarana?", en: "How good are the facilities?" },
    answers: { id: ["Buruk", "Cukup", "Baik", "Sangat baik"], en: ["Poor", "Fair", "Good", "Very good"] },
  },
  U9: {
    name: { id: "Penanganan pengaduan, saran dan masukan", en: "Complaints, suggestions and input" },
    question: { id: "Bagaimana penanganan pengaduan pengguna layanan?", en: "How are complaints from service users handled?" },
    answers: {
      id: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
      en: ["None", "Exists but does not work", "Works, not fully", "Well managed"],
    },
  },
};

export function defaultElements(): ElementLabels[] {
  return ELEMENT_KEYS.map((key, i) => ({ key, position: i + 1, ...DEFAULT_ELEMENTS[key] }));
}

/** The row as stored (SurveyElement) -> labels. */
export interface ElementRow {
  key: string;
  position: number;
  nameId: string;
  nameEn: string;
  questionId: string;
  questionEn: string;
  answer1Id: string;
  answer2Id: string;
  answer3Id: string;
  answer4Id: string;
  answer1En: string;
  answer2En: string;
  answer3En: string;
  answer4En: string;
}

export function fromRow(row: ElementRow): ElementLabels {
  return {
    key: row.key as ElementKey,
    position: row.position,
    name: { id: row.nameId, en: row.nameEn },
    question: { id: row.questionId, en: row.questionEn },
    answers: { id: [row.answer1Id, row.answer2Id, row.answer3Id, row.answer4Id], en: [row.answer1En, row.answer2En, row.answer3En, row.answer4En] },
  };
}

export function toRow(e: ElementLabels): ElementRow {
  return {
    key: e.key,
    position: e.position,
    nameId: e.name.id,
    nameEn: e.name.en,
    questionId: e.question.id,
    questionEn: e.question.en,
    answer1Id: e.answers.id[0],
    answer2Id: e.answers.id[1],
    answer3Id: e.answers.id[2],
    answer4Id: e.answers.id[3],
    answer1En: e.answers.en[0],
    answer2En: e.answers.en[1],
    answer3En: e.answers.en[2],
    answer4En: e.answers.en[3],
  };
}
