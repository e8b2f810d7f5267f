import { ENT, ENT_G, type MaskedSentence } from "./masked.js";

/** Relative clauses and appositives between a subject and its verb: ", which ... ," / "— an affiliate of ... —". */
const INSERTS = [/,\s*(?:which|who|whose|that)\b[^,]*,/g, /\s[—–]\s[^—–]*?\s[—–]\s?/g, /\s[—–][^—–]*?[—–]\s?/g, /,\s*(?:an?|the)\s+[a-z][^,]*?,/g, /\([^)]*\)/g];

/**
 * The subject of the verb at `verbAt`: the last entity before it in its clause, once relative
 * clauses and appositives are set aside, with at most a few words (auxiliaries, adverbs) between.
 */
export function subjectBefore(masked: MaskedSentence, verbAt: number): { entity: string; at: number } | undefined {
  let head = masked.text.slice(0, verbAt);
  for (const insert of INSERTS) head = head.replace(insert, (m) => " ".repeat(m.length));
  const clauseStart = Math.max(head.lastIndexOf(";"), head.lastIndexOf(":"));
  const matches = [...head.slice(clauseStart + 1).matchAll(ENT_G)];
  const last = matches[matches.length - 1];
  if (!last) return undefined;
  const at = clauseStart + 1 + last.index!;
  const between = head.slice(at + last[0].length).trim();
  if (between.split(/\s+/).filter(Boolean).length > 4 || /[,.]/.test(between.replace(/^,/, ""))) return undefined;
  if (/^['’]s\b/.test(between)) return undefined;
  return { entity: last[1]!, at };
}

const FINITE = /^(?:\w+ed|said|says|told|tells|is|was|are|were|has|have|had|will|would|can|could|warns|claims|adds|calls|slams|accuses|says)$/;
/** A leading participial clause ("Noting that ..., ISKP slammed") is not where the main subject is. */
const LEADING_PARTICIPLE = /^\s*\p{Lu}\p{Ll}+ing\b[^]*?,\s*(?=⟦)/u;

const SUBJECT_VERB = new RegExp(`${ENT}(?:,[^,]*,)?\\s+(?:has |have |had |also |then |later )*(\\w+)`, "g");

/** The subject of the sentence's main clause: the first entity directly followed by a finite verb. */
export function mainSubject(masked: MaskedSentence): string | undefined {
  const skip = LEADING_PARTICIPLE.exec(masked.text)?.[0].length ?? 0;
  for (const m of masked.text.slice(skip).matchAll(SUBJECT_VERB)) if (FINITE.test(m[2]!)) return m[1]!;
  return undefined;
}
