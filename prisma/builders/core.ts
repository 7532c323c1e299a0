// Builders (factories) for the models: each makes one valid row with sensible,
// unique defaults and takes overrides for what a test or the demo seed cares about.
// Tests build their own data with these instead of leaning on demo titles or codes.
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/client.server";
import type { Role } from "~/domain/accounts/roles";

/** The password of every user a builder makes (its Argon2id hash below, so building costs no hashing). */
export const BUILT_PASSWORD = "sandi-uji-balai-2026";
const BUILT_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1VFnTZhTmEhFuvh+53Qrow$xroYS3fXK+B5Hi8IHqcYr9YiFxfhGy0Ne3bagcvJgqA";

/** A short random suffix that keeps built names, e-mails and codes apart. */
export function unique(prefix = ""): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

export interface UserOverrides {
  role?: Role;
  name?: string;
  email?: string | null;
  phone?: string | null;
  kelurahanId?: number | null;
  rwId?: number | null;
  createdAt?: Date;
  disabledAt?: Date | null;
  /**
   * Builders' users have confirmed contacts (as accounts made before contact codes did);
   * `unverified: true` leaves their e-mail and phone waiting for a code that no one
   * knows (a test that enters a code asks for one through accounts/contacts.server.ts).
   */
  unverified?: boolean;
}

export async function aUser(db: Db, overrides: UserOverrides = {}) {
  const id = unique();
  const phone = overrides.phone ?? null;
  const user = await db.user.create({
    data: {
      name: overrides.name ?? `Warga Uji ${id}`,
      email: overrides.email === undefined ? (phone ? null : `warga-${id}@uji.test`) : overrides.email,
      phone,
      passwordHash: BUILT_PASSWORD_HASH,
      role: overrides.role ?? "resident",
      kelurahanId: overrides.kelurahanId ?? null,
      rwId: overrides.rwId ?? null,
      ...(overrides.createdAt && { createdAt: overrides.createdAt }),
      ...(overrides.disabledAt !== undefined && { disabledAt: overrides.disabledAt }),
    },
  });
  if (overrides.unverified) {
    const waiting = [
      ["email", user.email],
      ["phone", user.phone],
    ].filter((c): c is [string, string] => !!c[1]);
    for (const [kind, value] of waiting) {
      await db.contactVerification.create({
        data: { userId: user.id, kind, value, codeHash: "built: no code matches", expiresAt: new Date(Date.now() + 86_400_000), sentAt: new Date() },
      });
    }
  }
  return { ...user, password: BUILT_PASSWORD, identifier: user.email ?? user.phone ?? "" };
}

/** A staff member of the given role. */
export function aStaffMember(db: Db, role: Exclude<Role, "resident">, overrides: Omit<UserOverrides, "role"> = {}) {
  return aUser(db, { ...overrides, role });
}

/** An area under `parentId` (or at the top when none is given). */
export async function anArea(
  db: Db,
  overrides: { level?: "kota" | "kecamatan" | "kelurahan" | "rw"; name?: string; code?: string; parentId?: number | null } = {},
) {
  const id = unique();
  const level = overrides.level ?? "kelurahan";
  return db.area.create({
    data: { level, name: overrides.name ?? `Wilayah ${id}`, code: overrides.code ?? `uji.${level}.${id}`, parentId: overrides.parentId ?? null },
  });
}

/** A kelurahan with `rwCount` RWs, inside a kecamatan (a new one unless given). */
export async function aKelurahan(db: Db, overrides: { kecamatanId?: number; name?: string; rwCount?: number } = {}) {
  const kecamatanId = overrides.kecamatanId ?? (await anArea(db, { level: "kecamatan" })).id;
  const kelurahan = await anArea(db, { level: "kelurahan", name: overrides.name, parentId: kecamatanId });
  const rws = [];
  for (let i = 1; i <= (overrides.rwCount ?? 3); i++)
    rws.push(await anArea(db, { level: "rw", name: `RW ${String(i).padStart(2, "0")}`, parentId: kelurahan.id }));
  return { ...kelurahan, kecamatanId, rws };
}

/** A category for aspirations and discussions. */
export async function aCategory(
  db: Db,
  overrides: { slug?: string; nameId?: string; nameEn?: string; position?: number; requireApprovalForNewAccounts?: boolean } = {},
) {
  const id = unique();
  return db.category.create({
    data: {
      slug: overrides.slug ?? `kategori-${id}`,
      nameId: overrides.nameId ?? `Kategori ${id}`,
      nameEn: overrides.nameEn ?? `Category ${id}`,
      position: overrides.position ?? 100,
      requireApprovalForNewAccounts: overrides.requireApprovalForNewAccounts ?? false,
    },
  });
}
