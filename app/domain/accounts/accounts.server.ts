// Account use cases. They take typed input and the acting user, never a Request.
import type { Db } from "~/db/client.server";
import { containsText } from "~/db/search";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import { audit } from "~/domain/audit/audit.server";
import { checkKelurahanRw } from "~/domain/areas/areas.server";
import { DEMO_PASSWORD, type SignupInput } from "./accounts.schema";
import { beginVerification, type VerificationDeps } from "./contacts.server";
import type { Identifier } from "./identifier";
import type { LoginLockout } from "./login-throttle";
import { enqueuePasswordChangedNotice } from "./password-notice.server";
import { dummyVerify, hashPassword, verifyPassword } from "./password.server";
import { can, isRole, type Actor, type Role } from "./roles";

export interface Policy {
  /** false in production unless the operator seeded demo accounts on purpose */
  allowDemoAccounts: boolean;
}

export interface CurrentUser {
  id: number;
  name: string;
  role: Role;
  email: string | null;
  phone: string | null;
  /** a temporary password was set at the counter: every page sends them to choose a new one */
  mustChangePassword: boolean;
}

const currentUserSelect = { id: true, name: true, role: true, email: true, phone: true, mustChangePassword: true } as const;

function toCurrentUser(u: { id: number; name: string; role: string; email: string | null; phone: string | null; mustChangePassword: boolean }): CurrentUser {
  return { id: u.id, name: u.name, role: isRole(u.role) ? u.role : "resident", email: u.email, phone: u.phone, mustChangePassword: u.mustChangePassword };
}

function identifierWhere(identifier: Identifier) {
  return identifier.kind === "email" ? { email: identifier.value } : { phone: identifier.value };
}

function refuseDemoPassword(password: string, policy: Policy, field: string) {
  if (!policy.allowDemoAccounts && password === DEMO_PASSWORD) throw new DomainError("validation.passwordDemo", field);
}

/**
 * `verification`: the contact one signed up with gets its code, written in the same
 * transaction as the account, so it receives nothing else until the code is entered
 * (contacts.server.ts). Without it (tests, tools) the contact counts as confirmed.
 */
export async function signUp(db: Db, input: SignupInput, policy: Policy, verification?: VerificationDeps): Promise<CurrentUser> {
  refuseDemoPassword(input.password, policy, "password");
  const area = await checkKelurahanRw(db, input.kelurahanId, input.rwId);
  if (area === "kelurahan") throw new DomainError("validation.kelurahan", "kelurahanId");
  if (area === "rw") throw new DomainError("validation.rw", "rwId");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { name: input.name, ...identifierWhere(input.identifier), passwordHash, kelurahanId: input.kelurahanId, rwId: input.rwId },
        select: currentUserSelect,
      });
      if (verification) await beginVerification(tx as Db, verification, created.id, input.identifier.kind, input.identifier.value);
      return created;
    });
    return toCurrentUser(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("auth.signup.taken", "identifier");
    throw error;
  }
}

export async function authenticate(
  db: Db,
  input: { identifier: Identifier; password: string },
  policy: Policy,
  /** the process's login lockout, created once by the server */
  throttle: LoginLockout,
): Promise<CurrentUser> {
  const key = `${input.identifier.kind}:${input.identifier.value}`;
  const minutes = await throttle.lockedForMinutes(key);
  if (minutes > 0) throw new DomainError("auth.login.locked", "identifier", { minutes }, 429);

  const user = await db.user.findUnique({
    where: identifierWhere(input.identifier),
    select: { ...currentUserSelect, passwordHash: true, isDemo: true, disabledAt: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await dummyVerify(input.password);
  if (!user || !ok) {
    await throttle.recordFailure(key);
    throw new DomainError("auth.login.failed", "identifier", undefined, 401);
  }
  await throttle.reset(key);
  if (user.disabledAt) throw new DomainError("auth.login.disabled", "identifier", undefined, 403);
  if (!policy.allowDemoAccounts && (user.isDemo || input.password === DEMO_PASSWORD)) {
    throw new DomainError("auth.login.demoRefused", "identifier", undefined, 403);
  }
  return toCurrentUser(user);
}

export async function changePassword(db: Db, actor: Actor, input: { currentPassword: string; newPassword: string }, policy: Policy): Promise<void> {
  refuseDemoPassword(input.newPassword, policy, "newPassword");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("auth.password.wrongCurrent", "currentPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, isDemo: false, mustChangePassword: false } });
    await audit(tx as Db, { actorId: actor.id, action: "account.password_changed", targetType: "user", targetId: actor.id });
    await enqueuePasswordChangedNotice(tx as Db, actor.id, `change:${now.getTime()}`, now);
  });
}

export async function getCurrentUser(db: Db, userId: number): Promise<CurrentUser | null> {
  const user = await db.user.findFirst({ where: { id: userId, disabledAt: null }, select: currentUserSelect });
  return user ? toCurrentUser(user) : null;
}

export const USERS_PAGE_SIZE = 25;

export async function listUsers(db: Db, actor: Actor, query: { q?: string; page: number }) {
  if (!can.manageUsers(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  const q = query.q?.trim();
  const where = q ? { OR: [{ name: containsText(db, q) }, { email: { contains: q.toLowerCase() } }, { phone: { contains: q.replace(/\D/g, "") || q } }] } : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { ...currentUserSelect, createdAt: true, disabledAt: true },
    }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    users: users.map((u) => ({ ...toCurrentUser(u), createdAt: u.createdAt, disabledAt: u.disabledAt })),
  };
}

export async function changeRole(db: Db, actor: Actor, input: { userId: number; role: Role }): Promise<CurrentUser> {
  if (!can.manageUsers(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: currentUserSelect });
    if (!target) throw new DomainError("error.404.title", undefined, undefined, 404);
    if (target.role === "admin" && input.role !== "admin") {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new DomainError("admin.users.lastAdmin", "role");
    }
    const updated = await tx.user.update({ where: { id: target.id }, data: { role: input.role }, select: currentUserSelect });
    await audit(tx as Db, {
      actorId: actor.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: target.id,
      details: { from: target.role, to: input.role },
    });
    return toCurrentUser(updated);
  });
}

/**
 * Turns an account off (it can no longer sign in, and its sessions end at once) or
 * on again. An administrator cannot turn off their own account or the last active
 * administrator. The caller drops the user's open sockets (`Publisher.revoke`).
 */
export async function setAccountDisabled(db: Db, actor: Actor, input: { userId: number; disabled: boolean }): Promise<CurrentUser> {
  if (!can.manageUsers(actor)) throw new DomainError("error.403.title", undefined, undefined, 403);
  if (input.disabled && input.userId === actor.id) throw new DomainError("admin.users.selfDisable", "disabled");
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: input.userId }, select: { ...currentUserSelect, disabledAt: true } });
    if (!target) throw new DomainError("error.404.title", undefined, undefined, 404);
    if (input.disabled && target.role === "admin" && !target.disabledAt) {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new DomainError("admin.users.lastAdmin", "disabled");
    }
    if (input.disabled === !!target.disabledAt) return toCurrentUser(target);
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: input.disabled ? new Date() : null } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: target.id } });
    await audit(tx as Db, { actorId: actor.id, action: input.disabled ? "user.disabled" : "user.enabled", targetType: "user", targetId: target.id });
    return toCurrentUser(target);
  });
}
