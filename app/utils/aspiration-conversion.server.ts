// The three "one click" conversion routes (Q&A question, discussion post, event
// agenda point -> aspiration) share this loader and action. Staff only.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { listKelurahan } from "~/domain/areas/areas.server";
import { can } from "~/domain/accounts/roles";
import { conversionSchema } from "~/domain/aspirations/aspirations.schema";
import { listCategories } from "~/domain/aspirations/aspirations.server";
import { convertToAspiration, loadConversionSource, type SourceKind } from "~/domain/aspirations/conversions.server";
import { DomainError } from "~/domain/errors";
import { requirePermission } from "./auth.server";
import { setFlash } from "./flash.server";
import { failure, invalid, readForm } from "./forms.server";

/** The source page's one-click button posts without fields (intent "start"); the confirmation form posts "confirm". */
const startOrConfirm = z.preprocess(
  (v) => ({ intent: "start", ...(v as object) }),
  z.discriminatedUnion("intent", [conversionSchema.extend({ intent: z.literal("confirm") }), z.object({ intent: z.literal("start") })]),
);

function sourceId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw json({ messageKey: "error.404.title" }, { status: 404 });
  return id;
}

export function conversionLoader(kind: SourceKind, param: string) {
  return async ({ request, context, params }: LoaderFunctionArgs) => {
    const actor = await requirePermission(request, context, can.manageAspirations);
    try {
      const source = await loadConversionSource(context.db, actor, kind, sourceId(params[param]));
      if (source.existingCode) {
        const flash = await setFlash(context, { key: "aspirations.flash.existing", params: { code: source.existingCode } });
        throw redirect(`/aspirations/${source.existingCode}`, { headers: { "Set-Cookie": flash } });
      }
      const [categories, kelurahan] = await Promise.all([listCategories(context.db), listKelurahan(context.db)]);
      return json({ kind, source: { href: source.href, text: source.text, prefill: source.prefill }, categories, kelurahan });
    } catch (error) {
      if (error instanceof DomainError) throw json({ messageKey: error.messageKey }, { status: error.status });
      throw error;
    }
  };
}

export function conversionAction(kind: SourceKind, param: string) {
  return async ({ request, context, params }: ActionFunctionArgs) => {
    const actor = await requirePermission(request, context, can.manageAspirations);
    const id = sourceId(params[param]);
    const form = await readForm(request, context, startOrConfirm);
    if (!form.ok) return invalid(form);
    // the one-click button on the source's page: show the prefilled form (or the existing aspiration)
    if (form.data.intent !== "confirm") throw redirect(new URL(request.url).pathname, 303);
    try {
      const result = await convertToAspiration(context.db, actor, kind, id, form.data);
      const flash = await setFlash(context, { key: result.created ? "aspirations.flash.converted" : "aspirations.flash.existing", params: { code: result.code } });
      return redirect(`/aspirations/${result.code}`, { headers: { "Set-Cookie": flash } });
    } catch (error) {
      if (error instanceof DomainError) return invalid(failure(error, form.formData), error.status);
      throw error;
    }
  };
}
