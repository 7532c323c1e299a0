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

/** The one vocabulary of refusals, shared by HTTP statuses and socket acknowledgements. */
export type ErrorCode = "invalid" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_large" | "rate_limited" | "server";

export function errorCodeOf(status: number): ErrorCode {
  switch (status) {
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 413:
      return "too_large";
    case 429:
      return "rate_limited";
    default:
      return status >= 500 ? "server" : "invalid";
  }
}
