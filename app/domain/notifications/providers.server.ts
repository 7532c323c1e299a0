// The outside providers the outbox worker sends through, each behind a configurable
// base URL so that the tests run against local stand-ins:
// - WhatsApp Business Cloud API: approved template messages (POST {api}/{phone id}/messages)
//   and free-form replies inside the 24-hour window after a resident wrote; media download.
// - a generic HTTP SMS gateway: POST {url} with {to, text, sender, reference} and a Bearer token.
// Errors never carry the number: callers log a recipient tag.
import { PHOTO_MAX_BYTES } from "~/domain/images/images";
import { DEFAULT_WA_TEMPLATES, type WaTemplateKind, type WaTemplates } from "./whatsapp-templates";

export interface WhatsAppSettings {
  apiUrl: string;
  token: string;
  phoneNumberId: string;
  /** the approved template of each kind of message (whatsapp-templates.ts) */
  templates?: WaTemplates;
}

export interface SmsSettings {
  url: string;
  token?: string;
  sender?: string;
}

/** A provider refused or failed. `permanent`: retrying will not help. `noWhatsapp`: send an SMS instead. */
export class ProviderError extends Error {
  constructor(
    message: string,
    public permanent = false,
    public noWhatsapp = false,
  ) {
    super(message);
  }
}

type Fetch = typeof fetch;
const TIMEOUT_MS = 15_000;

/** The number as the Cloud API writes it: digits only, with the country code. */
export function waNumber(phone: string): string {
  return phone.replace(/\D/g, "");
}

async function failure(res: Response, what: string): Promise<ProviderError> {
  let code: number | undefined;
  let detail = "";
  try {
    const body = (await res.json()) as { error?: { code?: number; message?: string } };
    code = body.error?.code;
    detail = (body.error?.message ?? "").replace(/\+?\d{8,15}/g, "<number>").slice(0, 200);
  } catch {
    /* no JSON */
  }
  // 131026: the receiver is not on WhatsApp (or cannot receive); 131047: outside the 24 h window
  const noWhatsapp = code === 131026;
  const permanent = noWhatsapp || (res.status >= 400 && res.status < 500 && res.status !== 429 && res.status !== 408);
  return new ProviderError(`${what}: HTTP ${res.status}${code ? ` code ${code}` : ""}${detail ? ` ${detail}` : ""}`, permanent, noWhatsapp);
}

export interface WhatsAppClient {
  /**
   * An approved template of the message's kind: body parameters [text, link]; for a
   * code (an authentication template) [code], which also fills its copy-code button.
   */
  sendTemplate(to: string, locale: string, kind: WaTemplateKind, params: string[], reference: string): Promise<{ id?: string }>;
  sendText(to: string, text: string, reference: string): Promise<{ id?: string }>;
  /** downloads a media item (a resident's photo) with its size checked before and while reading */
  downloadMedia(mediaId: string, maxBytes?: number): Promise<{ bytes: Buffer; mime: string }>;
}

export function createWhatsApp(settings: WhatsAppSettings, fetchImpl: Fetch = fetch): WhatsAppClient {
  const base = settings.apiUrl.replace(/\/+$/, "");
  const auth = { Authorization: `Bearer ${settings.token}` };
  const post = async (body: unknown, reference: string) => {
    let res: Response;
    try {
      res = await fetchImpl(`${base}/${settings.phoneNumberId}/messages`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json", "Idempotency-Key": reference },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new ProviderError(`whatsapp: ${(error as Error).name}`);
    }
    if (!res.ok) throw await failure(res, "whatsapp");
    const json = (await res.json().catch(() => ({}))) as { messages?: { id?: string }[] };
    return { id: json.messages?.[0]?.id };
  };
  return {
    sendTemplate(to, locale, kind, params, reference) {
      const body = { type: "body", parameters: params.map((text) => ({ type: "text", text })) };
      const components = kind === "code" ? [body, { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: params[0] }] }] : [body];
      return post(
        {
          messaging_product: "whatsapp",
          to: waNumber(to),
          type: "template",
          template: {
            name: (settings.templates ?? DEFAULT_WA_TEMPLATES)[kind],
            language: { code: locale === "en" ? "en" : "id" },
            components,
          },
        },
        reference,
      );
    },
    sendText(to, text, reference) {
      return post({ messaging_product: "whatsapp", to: waNumber(to), type: "text", text: { body: text.slice(0, 4096), preview_url: false } }, reference);
    },
    async downloadMedia(mediaId, maxBytes = PHOTO_MAX_BYTES) {
      const meta = await fetchImpl(`${base}/${encodeURIComponent(mediaId)}`, { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!meta.ok) throw await failure(meta, "whatsapp media");
      const info = (await meta.json()) as { url?: string; mime_type?: string; file_size?: number };
      if (!info.url) throw new ProviderError("whatsapp media: no url", true);
      if (typeof info.file_size === "number" && info.file_size > maxBytes) throw new ProviderError("whatsapp media: too large", true);
      const res = await fetchImpl(info.url, { headers: auth, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok || !res.body) throw await failure(res, "whatsapp media download");
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (size > maxBytes) throw new ProviderError("whatsapp media: too large", true);
        chunks.push(Buffer.from(chunk));
      }
      return { bytes: Buffer.concat(chunks), mime: info.mime_type ?? "" };
    },
  };
}

export interface SmsClient {
  send(to: string, text: string, reference: string): Promise<{ id?: string }>;
}

export function createSmsGateway(settings: SmsSettings, fetchImpl: Fetch = fetch): SmsClient {
  return {
    async send(to, text, reference) {
      let res: Response;
      try {
        res = await fetchImpl(settings.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Idempotency-Key": reference,
            ...(settings.token ? { Authorization: `Bearer ${settings.token}` } : {}),
          },
          body: JSON.stringify({ to, text, sender: settings.sender ?? "Balai", reference }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new ProviderError(`sms: ${(error as Error).name}`);
      }
      if (!res.ok) throw await failure(res, "sms");
      const json = (await res.json().catch(() => ({}))) as { id?: string | number };
      return { id: json.id !== undefined ? String(json.id) : undefined };
    },
  };
}
