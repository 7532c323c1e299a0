// Secrets that travel through the outbox (a password-reset link or code): the
// caller seals them with AES-256-GCM before writing the row, and the worker opens
// them just before rendering, so the outbox table never holds a usable secret
// (the database keeps only a keyed hash of it, beside the sealed copy). The key is
// derived from SESSION_SECRET (HKDF), so nothing new needs configuring.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Params } from "~/i18n";

const PREFIX = "sealed.v1.";

export function sealKeyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "balai", "outbox sealed values", 32));
}

export function seal(key: Buffer, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The sealed value, or null when it was not sealed with this key (another SESSION_SECRET) or altered. */
export function unseal(key: Buffer, sealed: string): string | null {
  if (!isSealed(sealed)) return null;
  const raw = Buffer.from(sealed.slice(PREFIX.length), "base64url");
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export class SealError extends Error {}

/** Opens every sealed parameter and a sealed link; throws SealError when one cannot be opened. */
export function openSealed(key: Buffer | undefined, params: Params, link: string | null): { params: Params; link: string | null } {
  const open = (value: string) => {
    const opened = key ? unseal(key, value) : null;
    if (opened === null) throw new SealError("a sealed value could not be opened (SESSION_SECRET changed?)");
    return opened;
  };
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) out[name] = isSealed(value) ? open(value) : value;
  return { params: out, link: isSealed(link) ? open(link) : link };
}
