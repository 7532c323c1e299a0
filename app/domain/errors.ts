import type { MessageKey, Params } from "~/i18n";

/** A rule of the domain was broken; routes and socket handlers turn it into a message. */
export class DomainError extends Error {
  constructor(
    public readonly messageKey: MessageKey,
    public readonly field?: string,
    public readonly params?: Params,
    public readonly status = 400,
  ) {
    super(messageKey);
  }
}

/** Prisma's unique-constraint violation, without importing Prisma's runtime here. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
