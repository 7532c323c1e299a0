// Password hashing with Argon2id (@node-rs/argon2, maintained, prebuilt for this platform).
import { hash, verify } from "@node-rs/argon2";

// OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the timing even.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash.then((h) => verifyPassword(h, password));
}
