// Categories shared by discussions and aspirations; admins manage them.
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/domain/accounts/roles";
import { audit } from "~/domain/audit/audit.server";
import { DomainError, isUniqueViolation } from "~/domain/errors";
import type { CategoryInput } from "./discussions.schema";

export interface CategoryView {
  id: number;
  slug: string;
  nameId: string;
  nameEn: string;
  position: number;
  archived: boolean;
  requireApprovalForNewAccounts: boolean;
}

export function listCategories(db: Db, options: { includeArchived?: boolean } = {}): Promise<CategoryView[]> {
  return db.category.findMany({
    where: options.includeArchived ? {} : { archived: false },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, nameId: true, nameEn: true, position: true, archived: true, requireApprovalForNewAccounts: true },
  });
}

export async function saveCategory(db: Db, actor: Actor, input: CategoryInput): Promise<CategoryView> {
  if (!can.manageCategories(actor)) throw new DomainError("error.403.text", undefined, undefined, 403);
  const data = {
    slug: input.slug,
    nameId: input.nameId,
    nameEn: input.nameEn,
    position: input.position,
    archived: input.archived === "on",
    requireApprovalForNewAccounts: input.requireApproval === "on",
  };
  try {
    if (input.categoryId) {
      const before = await db.category.findUnique({ where: { id: input.categoryId } });
      if (!before) throw new DomainError("discussions.error.notFound", undefined, undefined, 404);
      const category = await db.category.update({ where: { id: input.categoryId }, data });
      await audit(db, {
        actorId: actor.id,
        action: "discussions.category.update",
        targetType: "category",
        targetId: category.id,
        details: { before, after: data },
      });
      return category;
    }
    const category = await db.category.create({ data });
    await audit(db, { actorId: actor.id, action: "discussions.category.create", targetType: "category", targetId: category.id, details: data });
    return category;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("discussions.validation.slugTaken", "slug");
    throw error;
  }
}
