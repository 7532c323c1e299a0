// One-shot messages shown after a redirect ("Kata sandi diubah"), in the reader's language.
import { isMessageKey, type MessageKey, type Params } from "~/i18n";
import type { AppServices } from "~/context";
import { flashCookie } from "./cookies.server";

export interface Flash {
  key: MessageKey;
  params?: Params;
}

export async function setFlash(ctx: Pick<AppServices, "config">, flash: Flash): Promise<string> {
  return flashCookie(ctx).serialize(flash);
}

export async function readFlash(request: Request, ctx: Pick<AppServices, "config">): Promise<{ flash: Flash | null; clear?: string }> {
  const cookie = flashCookie(ctx);
  const value = (await cookie.parse(request.headers.get("Cookie"))) as Flash | null;
  if (!value || !isMessageKey(value.key)) return { flash: null };
  return { flash: value, clear: await cookie.serialize("", { maxAge: 0 }) };
}
