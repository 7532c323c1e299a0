// Loaders turn a DomainError that means "not found" or "not allowed" into the
// friendly error page (root ErrorBoundary); anything else is rethrown.
import { json } from "@remix-run/node";
import { DomainError } from "~/domain/errors";

export async function orHttpError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && (error.status === 404 || error.status === 403)) {
      throw json({ messageKey: error.messageKey }, { status: error.status });
    }
    throw error;
  }
}
