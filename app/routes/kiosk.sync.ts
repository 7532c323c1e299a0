// POST /kiosk/sync: the kiosk sends the answers it kept on the device, each with its
// idempotency key. Answers already stored are acknowledged again and not counted twice.
// Answers { stored, duplicates } (JSON); a revoked or unknown device gets 403, too many
// requests from one tablet 429 (the tablet keeps its answers and tries again).
import { z } from "zod";
import { DomainError } from "~/domain/errors";
import { deviceByToken, recordKioskAnswers } from "~/domain/satisfaction/responses.server";
import { kioskBatchSchema } from "~/domain/satisfaction/satisfaction.schema";
import { defineResourceAction } from "~/utils/boundary.server";
import { kioskToken } from "~/utils/satisfaction.server";

const bodySchema = z.object({
  answers: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "error.invalid" });
      return z.NEVER;
    }
  }),
});

export const action = /* @__PURE__ */ defineResourceAction(async ({ request, context, form }) => {
  const device = await deviceByToken(context.db, await kioskToken(request, context));
  if (!device) throw new DomainError("satisfaction.kiosk.revoked", undefined, undefined, 403);
  const answers = kioskBatchSchema.safeParse(form.parse(bodySchema).answers);
  if (!answers.success) throw new DomainError("error.invalid", "answers");
  const result = await recordKioskAnswers(
    context.db,
    { limits: context.surveyLimits, ip: context.clientIp, mailer: context.mailer, publicUrl: context.config.publicUrl },
    device,
    answers.data,
  );
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
