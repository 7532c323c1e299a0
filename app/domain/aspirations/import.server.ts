// Bulk import from CSV (a transcribed suggestion box, a WhatsApp log): every
// line is checked and reported; nothing is imported unless the whole file is valid.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError } from "~/domain/errors";
import type { MessageKey } from "~/i18n";
import { aspirationFields, OFFLINE_CHANNELS, optionalContact } from "./aspirations.schema";
import { insertAspiration, type NewAspiration } from "./aspirations.server";
import { parseCsv } from "./csv";

export const MAX_IMPORT_ROWS = 1000;

/** Accepted column names (Indonesian first, English too). */
const COLUMNS: Record<string, string[]> = {
  title: ["judul", "title"],
  description: ["uraian", "isi", "description"],
  category: ["kategori", "category"],
  kelurahan: ["kelurahan"],
  rw: ["rw"],
  address: ["alamat", "lokasi", "address"],
  channel: ["kanal", "saluran", "channel"],
  name: ["nama", "name"],
  contact: ["kontak", "contact"],
  anonymous: ["anonim", "anonymous"],
  confidential: ["rahasia", "confidential"],
};
const REQUIRED = ["title", "description", "category", "kelurahan", "channel"];

const CHANNEL_ALIASES: Record<string, (typeof OFFLINE_CHANNELS)[number]> = {
  wa: "whatsapp",
  whatsapp: "whatsapp",
  email: "email",
  "e-mail": "email",
  surel: "email",
  "kotak saran": "suggestion_box",
  suggestion_box: "suggestion_box",
  "media sosial": "social_media",
  medsos: "social_media",
  social_media: "social_media",
  "datang langsung": "walk_in",
  walk_in: "walk_in",
  kios: "kiosk",
  kiosk: "kiosk",
  acara: "event",
  event: "event",
};

const yes = (v: string) => ["ya", "y", "yes", "1", "true"].includes(v.trim().toLowerCase());

export interface ImportProblem {
  field: string;
  key: MessageKey;
}
export interface ImportLine {
  /** row number in the file, the header being row 1 */
  row: number;
  title: string;
  problems: ImportProblem[];
}
export interface ImportReport {
  valid: boolean;
  headerProblems: { key: MessageKey; params?: Record<string, string> }[];
  lines: ImportLine[];
  imported: string[];
}

async function lookups(db: Db) {
  const [categories, kelurahan] = await Promise.all([
    db.category.findMany({ where: { archived: false }, select: { id: true, slug: true, nameId: true, nameEn: true } }),
    db.area.findMany({
      where: { level: "kelurahan" },
      select: { id: true, name: true, children: { where: { level: "rw" }, select: { id: true, name: true } } },
    }),
  ]);
  const category = new Map<string, number>();
  for (const c of categories) for (const k of [c.slug, c.nameId, c.nameEn]) category.set(k.toLowerCase(), c.id);
  const kel = new Map(kelurahan.map((k) => [k.name.toLowerCase(), k]));
  return { category, kel };
}

/** Checks the whole file and returns the report plus the rows ready to insert. */
export async function checkImport(db: Db, csv: string): Promise<{ report: ImportReport; rows: NewAspiration[] }> {
  const table = parseCsv(csv);
  const report: ImportReport = { valid: false, headerProblems: [], lines: [], imported: [] };
  if (table.length < 2) {
    report.headerProblems.push({ key: "aspirations.import.noRows" });
    return { report, rows: [] };
  }
  const header = table[0].map((h) => h.trim().toLowerCase());
  const index: Record<string, number> = {};
  for (const [field, names] of Object.entries(COLUMNS)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i >= 0) index[field] = i;
  }
  for (const field of REQUIRED) {
    if (index[field] === undefined) report.headerProblems.push({ key: "aspirations.import.missingColumn", params: { column: COLUMNS[field][0] } });
  }
  if (table.length - 1 > MAX_IMPORT_ROWS) report.headerProblems.push({ key: "aspirations.import.tooMany", params: { max: String(MAX_IMPORT_ROWS) } });
  if (report.headerProblems.length > 0) return { report, rows: [] };

  const { category, kel } = await lookups(db);
  const rows: NewAspiration[] = [];
  table.slice(1).forEach((cells, i) => {
    const get = (field: string) => (index[field] === undefined ? "" : (cells[index[field]] ?? "").trim());
    const problems: ImportProblem[] = [];
    const title = aspirationFields.title.safeParse(get("title"));
    if (!title.success) problems.push({ field: "title", key: "aspirations.validation.title" });
    const description = aspirationFields.description.safeParse(get("description"));
    if (!description.success) problems.push({ field: "description", key: "aspirations.validation.description" });
    const categoryId = category.get(get("category").toLowerCase());
    if (!categoryId) problems.push({ field: "category", key: "aspirations.validation.category" });
    const k = kel.get(get("kelurahan").toLowerCase());
    if (!k) problems.push({ field: "kelurahan", key: "aspirations.validation.kelurahan" });
    let rwId: number | undefined;
    const rwText = get("rw");
    if (rwText && k) {
      const num = rwText.replace(/\D/g, "");
      rwId = num ? k.children.find((r) => r.name === `RW ${num.padStart(2, "0")}`)?.id : undefined;
      if (!rwId) problems.push({ field: "rw", key: "aspirations.validation.rw" });
    }
    const channel = CHANNEL_ALIASES[get("channel").toLowerCase()];
    if (!channel) problems.push({ field: "channel", key: "aspirations.validation.channel" });
    const contact = optionalContact.safeParse(get("contact"));
    if (!contact.success) problems.push({ field: "contact", key: "aspirations.validation.contact" });
    const address = get("address");
    if (address.length > 200) problems.push({ field: "address", key: "aspirations.validation.address" });
    const name = get("name");
    if (name.length > 100) problems.push({ field: "name", key: "aspirations.validation.name" });
    report.lines.push({ row: i + 2, title: get("title").slice(0, 80), problems });
    if (problems.length === 0) {
      rows.push({
        title: title.data!,
        description: description.data!,
        categoryId: categoryId!,
        kelurahanId: k!.id,
        rwId,
        address: address || null,
        channel: channel!,
        submitterName: name || null,
        submitterContact: contact.data ?? null,
        anonymous: yes(get("anonymous")),
        confidential: yes(get("confidential")),
      });
    }
  });
  report.valid = report.lines.every((l) => l.problems.length === 0);
  return { report, rows: report.valid ? rows : [] };
}

/** Imports every row in one transaction, or none (the report says why). */
export async function importAspirations(db: Db, actor: Actor, input: { csv: string; dryRun: boolean; consent: boolean }): Promise<ImportReport> {
  if (!can.manageAspirations(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  if (!input.csv.trim()) throw new DomainError("aspirations.import.empty", "csv");
  if (!input.dryRun && !input.consent) throw new DomainError("aspirations.validation.consent", "consent");
  const { report, rows } = await checkImport(db, input.csv);
  if (!report.valid || input.dryRun) return report;
  const now = new Date();
  const codes = await db.$transaction(
    async (tx) => {
      const out: string[] = [];
      for (const row of rows) {
        const created = await insertAspiration(tx as Db, { ...row, assistedById: actor.id, consentRecorded: true }, now);
        out.push(created.code);
      }
      await audit(tx as Db, { actorId: actor.id, action: "aspirations.imported", targetType: "aspiration", details: { count: out.length } });
      return out;
    },
    { timeout: 60_000 },
  );
  return { ...report, imported: codes };
}
