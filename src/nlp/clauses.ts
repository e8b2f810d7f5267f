import { ENT, type MaskedSentence } from "./masked.js";

/**
 * The opening of a participle's phrase set off by a comma: "Israeli jets, backed by drones, struck ...", "X, speaking
 * in Kabul, said ...". A finite verb can look the same ("X, FNV, agreed to ..."), so a past participle counts only
 * before "by" or as one of the few that take a place or a weapon; "including" names more subjects, so it is none.
 */
export const PARTICIPLE_ASIDE =
  ",\\s*(?:\\w+ly\\s+)?(?:(?:[a-z]+(?:ed|en)|led|held|sent|known|built|made|hit|run)\\s+by\\b|(?:armed|equipped|based|stationed|headquartered|located|born)\\s+(?:with|in|at|on|near|from)\\b|(?!including\\b)[a-z]{3,}ing\\s)";

/**
 * Relative clauses and appositives between a subject and its verb: ", which ... ," / "— an
 * affiliate of ... —"; each with characters one of which any match holds, to skip the expression
 * when the text has none.
 */
const INSERTS: [RegExp, string[]][] = [
  [/,\s*(?:which|who|whose|that)\b[^,]*,/g, [","]],
  [/\s[—–]\s[^—–]*?\s[—–]\s?/g, ["—", "–"]],
  [/\s[—–][^—–]*?[—–]\s?/g, ["—", "–"]],
  [/,\s*(?:an?|the)\s+[a-z][^,]*?,/g, [","]],
  [/\([^)]*\)/g, ["("]],
  // "X, for its part, accuses ...": a sentence adverb set off by commas.
  [/,\s*(?:for\s+(?:its|their|his|her|⟦e\d+⟧)\s+part|in\s+turn|in\s+response|for\s+now)\s*,/g, [","]],
  [new RegExp(`${PARTICIPLE_ASIDE}[^,]*,`, "g"), [","]],
];

/**
 * The subject of the verb at `verbAt`: the last entity before it in its clause, once relative
 * clauses and appositives are set aside, with at most a few words (auxiliaries, adverbs) between.
 */
export function subjectBefore(masked: MaskedSentence, verbAt: number): { entity: string; at: number } | undefined {
  let head = masked.text.slice(0, verbAt);
  for (const [insert, marks] of INSERTS) if (marks.some((mark) => head.includes(mark))) head = head.replace(insert, (m) => " ".repeat(m.length));
  const clauseStart = Math.max(head.lastIndexOf(";"), head.lastIndexOf(":"));
  const last = lastEntity(head, clauseStart + 1);
  if (!last) return undefined;
  const at = last.index;
  const between = head.slice(at + last[0].length).trim();
  if (between.split(/\s+/).filter(Boolean).length > 4 || /[,.]/.test(between.replace(/^,/, ""))) return undefined;
  if (/^['’]s\b/.test(between)) return undefined;
  // "X said the military had shelled ...": what was said has a subject of its own, named or not.
  if (SAID_THEN_SUBJECT.test(between)) return undefined;
  // "In X, the general said": a common noun after the comma is the subject, the name belongs to the opening phrase.
  if (OPENING_PHRASE_THEN_NOUN.test(between)) return undefined;
  // "Residents of X said": the people named by the noun speak or act, not the place or body they are of.
  if (PEOPLE_OF.test(head.slice(Math.max(0, at - 60), at))) return undefined;
  const pronoun = PRONOUN_CLAUSE.exec(between)?.[1]?.toLowerCase();
  if (pronoun) return pronounSubject(masked, head, at, pronoun);
  return personOf(masked, head, at) ?? { entity: last[1]!, at };
}

const PERSON_OF = new RegExp(`${ENT}\\s+of\\s+(?:the\\s+)?$`);

/** "Minister X of the Y Party condemned ...": the person named before "of" and the name at `at`, who acts, not what the person is of. */
export function personOf(masked: MaskedSentence, head: string, at: number): { entity: string; at: number } | undefined {
  const of = PERSON_OF.exec(head.slice(0, at));
  return of && masked.doc.entity(of[1]!)?.type === "PER" ? { entity: of[1]!, at: of.index } : undefined;
}

/** A verb of speech and the start of a noun phrase after it: "said the military had", "told reporters that soldiers". */
const SAID_THEN_SUBJECT = /\b(?:said|says|told|tells|claimed|claims|added|adds|stated|reported|insisted|alleged)\s+(?:(?!(?:its|their|his|her|our)\s)\p{Ll}+\s+)?(?:that\s+)?(?:(?:the|a|an|some|many|several)\s+[\p{Ll}-]+|[\p{Ll}-]{3,}s)(?:\s+\p{Ll}+)?$/u;

/** ", the general" / ", a commander" / ", but officials": a noun phrase with a determiner, or a bare plural, before the verb. */
const OPENING_PHRASE_THEN_NOUN = /^,\s*(?:(?:but|and|while|yet)\s+)?(?:(?:the|a|an|some|many|several|other|its|their|his|her|our)\s+(?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+|(?!does$)[\p{Ll}-]{2,}[^s\W]s|police)$/u;

/** People who are no part of what they are of or in: "residents of X", "analysts at X", "supporters of X". */
export const PEOPLE_OF =
  /\b(?:residents|witnesses|eyewitnesses|villagers|locals|inhabitants|citizens|people|civilians|survivors|relatives|families|elders|farmers|students|workers|traders|shopkeepers|doctors|medics|journalists|reporters|correspondents|activists|analysts|experts|economists|observers|diplomats|refugees|protesters|demonstrators|supporters|critics|opponents|victims)\s+(?:of|in|from|near|at|around|across|outside|inside|close\s+to)\s+(?:the\s+)?$/i;

/** ", where it overran ...", ", when they stormed ...": a clause whose subject is a pronoun, not the name before it. */
const PRONOUN_CLAUSE = /^,?\s*(?:where|when|after|before|while|as|because|since|until|once)\s+(it|they|he|she)$/i;

/**
 * What the pronoun of such a clause stands for: the nearest earlier entity of its sentence that it can name ("he",
 * "she" a person; "it", "they" an organisation), skipping the places the clause hangs on ("Ann, where it ...").
 */
function pronounSubject(masked: MaskedSentence, head: string, before: number, pronoun: string): { entity: string; at: number } | undefined {
  const fits = pronoun === "he" || pronoun === "she" ? (type: string) => type === "PER" : (type: string) => type === "ORG";
  for (let at = head.lastIndexOf("⟦", before - 1); at >= 0; at = at > 0 ? head.lastIndexOf("⟦", at - 1) : -1) {
    ENT_AT.lastIndex = at;
    const m = ENT_AT.exec(head);
    if (m && fits(masked.doc.entity(m[1]!)?.type ?? "")) return { entity: m[1]!, at };
  }
  return undefined;
}

const ENT_AT = new RegExp(ENT, "y");

/**
 * The last placeholder in `text` from `from` on, as the last of its matchAll would be: placeholders
 * never overlap, so it is the last opening bracket from which one is spelt.
 */
function lastEntity(text: string, from: number): RegExpExecArray | undefined {
  for (let at = text.lastIndexOf("⟦"); at >= from; at = at > 0 ? text.lastIndexOf("⟦", at - 1) : -1) {
    ENT_AT.lastIndex = at;
    const m = ENT_AT.exec(text);
    if (m) return m;
  }
  return undefined;
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
