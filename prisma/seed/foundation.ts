// Demo data, part 1: areas of Kecamatan Duren Sawit, categories, one user per role.
import type { Db } from "~/db/client.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { DEMO_PASSWORD } from "~/domain/accounts/accounts.schema";
import { aCategory, anArea } from "../builders/core";

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

export interface SeedContext {
  kelurahan: Record<string, { id: number; rws: number[] }>;
  users: Record<"resident" | "moderator" | "planner" | "admin", number>;
  categories: Record<string, number>;
  /** the n-th Saturday from today at hour:minute WIB (negative: in the past) */
  saturday: typeof saturday;
}

export async function seedFoundation(db: Db): Promise<SeedContext> {
  const kota = await anArea(db, { level: "kota", name: "Jakarta Timur", code: "jaktim" });
  const kecamatan = await anArea(db, { level: "kecamatan", name: "Duren Sawit", code: "jaktim.duren-sawit", parentId: kota.id });
  const kelurahan: Record<string, { id: number; rws: number[] }> = {};
  for (const [name, rwCount] of DUREN_SAWIT_KELURAHAN) {
    const k = await anArea(db, { level: "kelurahan", name, code: `${kecamatan.code}.${slug(name)}`, parentId: kecamatan.id });
    const rws: number[] = [];
    for (let i = 1; i <= rwCount; i++) {
      const num = String(i).padStart(2, "0");
      const rw = await anArea(db, { level: "rw", name: `RW ${num}`, code: `${k.code}.rw${num}`, parentId: k.id });
      rws.push(rw.id);
    }
    kelurahan[name] = { id: k.id, rws };
  }

  const categories: Record<string, number> = {};
  for (const [position, [s, nameId, nameEn]] of CATEGORIES.entries()) {
    // the safe default of a new category (admin/categories): new accounts' first posts wait for a moderator
    categories[s] = (await aCategory(db, { slug: s, nameId, nameEn, position, requireApprovalForNewAccounts: true })).id;
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = {} as SeedContext["users"];
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
  return { kelurahan, users, categories, saturday };
}
