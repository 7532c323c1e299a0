// What changed between two versions of a service standard, in the terms a resident
// cares about: cost, time, what to bring, the steps. Pure; pages turn each change
// into a sentence ("Biaya berubah: dulu Rp 0, sekarang Rp 10.000").
import type { DurationUnit, Requirement, Step, VersionContent } from "./services.schema";

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export type Change =
  | { kind: "cost"; from: number; to: number }
  | { kind: "costBasis"; from: string | null; to: string | null }
  | { kind: "duration"; from: Duration; to: Duration }
  | { kind: "requirementAdded"; name: string }
  | { kind: "requirementRemoved"; name: string }
  | { kind: "requirementChanged"; name: string; from: string; to: string }
  | { kind: "stepsCounter" | "stepsOnline"; added: string[]; removed: string[]; reordered: boolean }
  | { kind: "online"; from: string | null; to: string | null }
  | { kind: "product"; from: string; to: string }
  | { kind: "complaints" }
  | { kind: "name"; from: string; to: string };

export type Diffable = Pick<
  VersionContent,
  | "name"
  | "requirements"
  | "stepsCounter"
  | "stepsOnline"
  | "onlineName"
  | "onlineUrl"
  | "durationValue"
  | "durationUnit"
  | "costAmount"
  | "costBasis"
  | "product"
  | "complaints"
>;

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/** Minutes, to compare durations given in different units (a working day counts 8 hours). */
export function durationMinutes(d: Duration): number {
  return d.unit === "minutes" ? d.value : d.unit === "hours" ? d.value * 60 : d.value * 8 * 60;
}

function requirementChanges(from: Requirement[], to: Requirement[]): Change[] {
  const before = new Map(from.map((r) => [norm(r.name), r]));
  const after = new Map(to.map((r) => [norm(r.name), r]));
  const out: Change[] = [];
  for (const [key, r] of after) {
    const old = before.get(key);
    if (!old) out.push({ kind: "requirementAdded", name: r.name });
    else if (norm(old.validity) !== norm(r.validity)) out.push({ kind: "requirementChanged", name: r.name, from: old.validity, to: r.validity });
  }
  for (const [key, r] of before) if (!after.has(key)) out.push({ kind: "requirementRemoved", name: r.name });
  return out;
}

function stepText(s: Step) {
  return s.actor ? `${s.actor}: ${s.text}` : s.text;
}

function stepChanges(kind: "stepsCounter" | "stepsOnline", from: Step[], to: Step[]): Change[] {
  const a = from.map(stepText);
  const b = to.map(stepText);
  const setA = new Set(a.map(norm));
  const setB = new Set(b.map(norm));
  const added = b.filter((s) => !setA.has(norm(s)));
  const removed = a.filter((s) => !setB.has(norm(s)));
  const reordered = added.length === 0 && removed.length === 0 && a.map(norm).join("\n") !== b.map(norm).join("\n");
  return added.length || removed.length || reordered ? [{ kind, added, removed, reordered }] : [];
}

/** Changes from `older` to `newer`, most important first (cost, time, documents, steps). */
export function diffVersions(older: Diffable, newer: Diffable): Change[] {
  const out: Change[] = [];
  if (older.costAmount !== newer.costAmount) out.push({ kind: "cost", from: older.costAmount, to: newer.costAmount });
  else if ((older.costBasis ?? "") !== (newer.costBasis ?? "") && newer.costAmount > 0)
    out.push({ kind: "costBasis", from: older.costBasis, to: newer.costBasis });
  if (older.durationValue !== newer.durationValue || older.durationUnit !== newer.durationUnit) {
    out.push({
      kind: "duration",
      from: { value: older.durationValue, unit: older.durationUnit },
      to: { value: newer.durationValue, unit: newer.durationUnit },
    });
  }
  out.push(...requirementChanges(older.requirements, newer.requirements));
  out.push(...stepChanges("stepsCounter", older.stepsCounter, newer.stepsCounter));
  out.push(...stepChanges("stepsOnline", older.stepsOnline, newer.stepsOnline));
  if ((older.onlineUrl ?? "") !== (newer.onlineUrl ?? "") || (older.onlineName ?? "") !== (newer.onlineName ?? "")) {
    out.push({ kind: "online", from: older.onlineName ?? older.onlineUrl, to: newer.onlineName ?? newer.onlineUrl });
  }
  if (norm(older.product) !== norm(newer.product)) out.push({ kind: "product", from: older.product, to: newer.product });
  if (norm(older.complaints) !== norm(newer.complaints)) out.push({ kind: "complaints" });
  if (norm(older.name) !== norm(newer.name)) out.push({ kind: "name", from: older.name, to: newer.name });
  return out;
}

/** Rupiah as written in Indonesia: "Rp 10.000" (and "Gratis" is the page's job for 0). */
export function rupiah(amount: number): string {
  return `Rp ${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".")}`;
}
