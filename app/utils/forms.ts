// The shapes a form and an error page carry between the server and the page.
// (Types only: shared by the boundary kit on the server and the form components.)
import type { MessageKey, Params } from "~/i18n";

export interface Message {
  key: MessageKey;
  params?: Params;
}

/** Errors by field name (nested fields joined with "."), as message keys. */
export type FieldErrors = Record<string, Message>;

/** A form that was refused: the errors next to their fields and what the person typed. */
export interface FormFailure {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: Message;
}

/** What a form component reads: a refused form, or nothing yet. */
export type FormState = Partial<Omit<FormFailure, "ok">>;

/** What a thrown error page carries: the message of the error, in the reader's language. */
export interface ErrorData {
  messageKey: MessageKey;
  params?: Params;
}
