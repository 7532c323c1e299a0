// A person signs in with an e-mail or an Indonesian mobile number.
export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Normalises "0812-3456-7890", "62812…", "+62 812…" to "+62812…". */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, "");
  let national: string;
  if (/^\+62\d+$/.test(digits)) national = digits.slice(3);
  else if (/^62\d+$/.test(digits)) national = digits.slice(2);
  else if (/^0\d+$/.test(digits)) national = digits.slice(1);
  else return null;
  // Indonesian mobile numbers: 8xx, 9 to 12 digits after the country code
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

export function parseIdentifier(raw: string): Identifier | null {
  const value = raw.trim();
  if (value.includes("@")) {
    const email = value.toLowerCase();
    return EMAIL.test(email) && email.length <= 254 ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(value);
  return phone ? { kind: "phone", value: phone } : null;
}
