// Which approved WhatsApp template each kind of message goes out with (issue 13).
// Meta approves templates one by one, by category (utility, authentication), so a
// receipt, a status change, an RSVP, a waitlist move, an event's change, a decision
// and a verification code each have their own; everything else uses WHATSAPP_TEMPLATE.
// Every template except the code's has the body "{{1}} {{2}}" (the text and the link)
// in Indonesian (id) and English (en); the code's is an authentication template
// (body "{{1}}" with a copy-code button). WHATSAPP_TEMPLATES changes names per kind.
// Pure: shared by the worker and the configuration check.

export const WA_TEMPLATE_KINDS = ["receipt", "status", "rsvp", "waitlist", "event", "decision", "code", "other"] as const;
export type WaTemplateKind = (typeof WA_TEMPLATE_KINDS)[number];
export type WaTemplates = Record<WaTemplateKind, string>;

/** The names Balai's templates are submitted under (README: Channels); "other" is WHATSAPP_TEMPLATE. */
export const DEFAULT_WA_TEMPLATES: WaTemplates = {
  receipt: "balai_tanda_terima",
  status: "balai_status_aspirasi",
  rsvp: "balai_pendaftaran_kegiatan",
  waitlist: "balai_daftar_tunggu",
  event: "balai_perubahan_kegiatan",
  decision: "balai_keputusan_musyawarah",
  code: "balai_kode_verifikasi",
  other: "balai_notifikasi",
};

/** The kind of a message, from its template key. */
export function templateKindOf(templateKey: string): WaTemplateKind {
  if (templateKey === "aspirations.notify.received") return "receipt";
  if (templateKey.startsWith("aspirations.notify.status.")) return "status";
  if (templateKey === "events.notify.guestConfirmed") return "rsvp";
  if (templateKey === "events.notify.guestWaitlisted" || templateKey === "events.notify.promoted" || templateKey === "events.notify.promotedGuest")
    return "waitlist";
  if (templateKey === "channels.notify.eventChanged" || templateKey === "events.notify.cancelled") return "event";
  if (templateKey === "agenda.notify.decided") return "decision";
  if (templateKey === "channels.contact.message.code" || templateKey === "accounts.reset.message.code") return "code";
  return "other";
}

const NAME = /^[a-z0-9_]{1,512}$/;

/**
 * WHATSAPP_TEMPLATES: "receipt=nama_a,status=nama_b" overrides the default names per
 * kind; `other` is WHATSAPP_TEMPLATE. Returns the whole map and what is wrong with it.
 */
export function parseTemplates(raw: string | undefined, other: string): { templates: WaTemplates; problems: string[] } {
  const templates: WaTemplates = { ...DEFAULT_WA_TEMPLATES, other };
  const problems: string[] = [];
  if (!NAME.test(other)) problems.push(`WHATSAPP_TEMPLATE must be a template name (lower-case letters, digits, _), not "${other}".`);
  for (const part of (raw ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [kind, name, ...rest] = part.split("=").map((p) => p.trim());
    if (!(WA_TEMPLATE_KINDS as readonly string[]).includes(kind) || rest.length || !name) {
      problems.push(`WHATSAPP_TEMPLATES: "${part}" is not kind=name with a kind among ${WA_TEMPLATE_KINDS.join(", ")}.`);
    } else if (!NAME.test(name)) {
      problems.push(`WHATSAPP_TEMPLATES: "${name}" is not a template name (lower-case letters, digits, _).`);
    } else templates[kind as WaTemplateKind] = name;
  }
  return { templates, problems };
}
