// The three "one click" conversion routes (Q&A question, discussion post, event
// agenda point -> aspiration) share this loader and action. Staff only.
import { redirect } from "@remix-run/node";
import { listKelurahan } from "~/domain/areas/areas.server";
import { can } from "~/domain/accounts/roles";
import { conversionSchema } from "~/domain/aspirations/aspirations.schema";
import { listCategories } from "~/domain/aspirations/aspirations.server";
import { convertToAspiration, loadConversionSource, type SourceKind } from "~/domain/aspirations/conversions.server";
import { DomainError } from "~/domain/errors";
import { requirePermission } from "./auth.server";
import { defineAction, defineLoader, idParam, redirectWithFlash } from "./boundary.server";

/** The source's id from the URL: not an id, or beyond the databases' range, is "not found" (404). */
const sourceId = (params: Record<string, string | undefined>, param: string) => idParam(params, param, "aspirations.convert.notFound");

export function conversionLoader(kind: SourceKind, param: string) {
  return defineLoader(async ({ request, context, params }) => {
    const actor = await requirePermission(request, context, can.manageAspirations);
    const source = await loadConversionSource(context.db, actor, kind, sourceId(params, param));
    if (source.existingCode)
      throw await redirectWithFlash(context, `/aspirations/${source.existingCode}`, {
        key: "aspirations.flash.existing",
        params: { code: source.existingCode },
      });
    const [categories, kelurahan] = await Promise.all([listCategories(context.db), listKelurahan(context.db)]);
    return { kind, source: { href: source.href, text: source.text, prefill: source.prefill }, categories, kelurahan };
  });
}
export type ConversionLoader = ReturnType<typeof conversionLoader>;

export function conversionAction(kind: SourceKind, param: string) {
  return defineAction(async ({ request, context, params, form }) => {
    const actor = await requirePermission(request, context, can.manageAspirations);
    const id = sourceId(params, param);
    switch (form.get("intent") ?? "start") {
      // the one-click button on the source's page posts no fields: show the prefilled form (or the existing aspiration)
      case "start":
        throw redirect(new URL(request.url).pathname, 303);
      case "confirm": {
        const result = await convertToAspiration(context.db, actor, kind, id, form.parse(conversionSchema));
        return redirectWithFlash(context, `/aspirations/${result.code}`, {
          key: result.created ? "aspirations.flash.converted" : "aspirations.flash.existing",
          params: { code: result.code },
        });
      }
      default:
        throw new DomainError("error.badRequest");
    }
  });
}
export type ConversionAction = ReturnType<typeof conversionAction>;
