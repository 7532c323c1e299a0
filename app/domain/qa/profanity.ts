// A small profanity filter for Indonesian and English. Moderators extend it per
// session (QaSession.extraBlockedWords). Matching is on whole words after
// normalising case, common letter substitutions (4→a, 1→i, 0→o, 3→e, 5→s, @→a,
// $→s) and repeated letters, so "B4NGSAAAT" is caught but "Sebangsat" style
// substrings inside innocent words are not.

const BASE_WORDS = [
  // Indonesian
  "anjing",
  "anjir",
  "anjrit",
  "bangsat",
  "bajingan",
  "brengsek",
  "kampret",
  "keparat",
  "kontol",
  "memek",
  "ngentot",
  "entot",
  "jancuk",
  "jancok",
  "cuk",
  "goblok",
  "goblog",
  "tolol",
  "bego",
  "idiot",
  "tai",
  "taik",
  "pantek",
  "pepek",
  "perek",
  "lonte",
  "pelacur",
  "sialan",
  "bacot",
  "asu",
  "jembut",
  "titit",
  // English
  "fuck",
  "fucking",
  "fucker",
  "shit",
  "bitch",
  "bastard",
  "asshole",
  "dick",
  "cunt",
  "motherfucker",
  "whore",
  "slut",
  "wanker",
  "bollocks",
];

const SUBSTITUTIONS: Record<string, string> = { "4": "a", "@": "a", "1": "i", "!": "i", "0": "o", "3": "e", "5": "s", $: "s", "7": "t" };

/** lower case, substitutions undone, runs of one letter collapsed ("baaangsat" → "bangsat") */
export function normalizeWord(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase()) out += SUBSTITUTIONS[ch] ?? ch;
  return out.replace(/[^a-z]/g, "").replace(/(.)\1+/g, "$1");
}

function wordsOf(text: string): string[] {
  return text
    .split(/[\s.,;:?"'()[\]{}<>/\\|+=_~`^*&#%-]+/)
    .map(normalizeWord)
    .filter(Boolean);
}

const BASE = new Set(BASE_WORDS.map(normalizeWord));

/** Parses the moderators' extra words (a JSON array of strings); bad data counts as none. */
export function parseBlockedWords(json: string | null | undefined): string[] {
  try {
    const value = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? value.filter((w): w is string => typeof w === "string" && w.trim() !== "").slice(0, 500) : [];
  } catch {
    return [];
  }
}

/** The moderators' list as typed (comma or newline separated) → clean, unique words. */
export function splitBlockedWords(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,\n]/)) {
    const w = raw.trim().toLowerCase().slice(0, 40);
    if (w && normalizeWord(w) && !seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out.slice(0, 500);
}

/** True when the text contains a blocked word (base list or the session's extra words). */
export function containsProfanity(text: string, extra: string[] = []): boolean {
  const extraSet = new Set(extra.map(normalizeWord).filter(Boolean));
  const words = wordsOf(text);
  if (words.some((w) => BASE.has(w) || extraSet.has(w))) return true;
  // extra entries may be phrases ("dasar lurah"): match them on the normalised word sequence
  const phrases = extra.filter((e) => /\s/.test(e.trim())).map((e) => wordsOf(e).join(" "));
  if (phrases.length === 0) return false;
  const joined = ` ${words.join(" ")} `;
  return phrases.some((p) => p && joined.includes(` ${p} `));
}
