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
// A fixed hash of a random password nobody knows, with the same cost options.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$HV5rwxWCnDwTAJc6ovJBYA$3IBt33oqajou2mJwjdMhOvAB+CIasnflgTUzaG7icmE";
export function dummyVerify(password: string): Promise<boolean> {
  return verifyPassword(DUMMY_HASH, password);
}
