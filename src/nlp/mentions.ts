import type { EntityType } from "../model/index.js";
import type { AnalysedDoc, Component, MentionSpan, Token } from "./doc.js";
import { gazetteer, normalise, type Gazetteer } from "./gazetteer/index.js";
import { loadTagger, toDossierType, type EntitySpan, type NerTagger } from "./ner/index.js";

/** Lower-case words that may sit inside a name ("Islamic State of Iraq", "al Qaeda", "Tehrik e Taliban"). */
const CONNECTORS = new Set(["of", "the", "al", "el", "bin", "ibn", "de", "du", "la", "ul", "ud", "for", "and", "-"]);
/** Connectors that may also open a name. */
const OPENERS = new Set(["al", "el"]);
/** Honorifics and ranks written before a person's name. */
export const TITLES = new Set(
  "mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. general mufti maulana maulvi mullah sheikh shaikh imam president minister commander colonel col col. lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. admiral adm adm. governor gov gov. senator sen sen. judge justice king queen prince princess emir amir ayatollah pope cardinal bishop rev rev. father brigadier marshal hafiz qari sir lord lady mayor ambassador chairman spokesman spokesperson premier chancellor sultan sayyid syed hazrat pir".split(" "),
);
const ORG_HEADS = new Set(
  "group army front party movement council brigade brigades organization organisation ministry agency committee union court network corps forces force police bank company inc ltd corp university commission assembly parliament government association federation institute foundation league alliance coalition mujahideen battalion regiment division office department service services authority board bureau directorate fund trust society club times post tribune news press herald gazette daily journal telegraph guardian".split(
    " ",
  ),
);
const MEDIA_HEADS = new Set("times post tribune news press herald gazette daily journal telegraph guardian".split(" "));
const PLACE_HEADS = new Set("city province district region valley county village town governorate state republic island islands mountains river sea".split(" "));
/** Words after (or before) a title that make it a publication. */
const WORK_CUES = new Set("magazine newspaper journal newsletter publication periodical weekly bulletin gazette".split(" "));
/** Capitalised at a sentence start for grammar's sake, not names. */
const SENTENCE_OPENERS = new Set(
  "the a an in on at for from with by this that these those it he she they we i you but and or as after before when while if since although though despite according meanwhile however also then there here some many most all both each every no not our their his her its my your last next former current earlier later several such other another one two three four five six seven eight nine ten what which who whom whose where why how yet so still even now today yesterday tomorrow during under over into about against between among through throughout until unless because".split(
    " ",
  ),
);
const CALENDAR = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(" "),
);
/** Definite descriptions that refer back to an organisation or a country already named. */
export const ANAPHORS: Record<string, EntityType> = {
  "the group": "ORG",
  "the outfit": "ORG",
  "the terror outfit": "ORG",
  "the terrorist outfit": "ORG",
  "the militant outfit": "ORG",
  "the terror group": "ORG",
  "the terrorist group": "ORG",
  "the militant group": "ORG",
  "the jihadist group": "ORG",
  "the organisation": "ORG",
  "the organization": "ORG",
  "the movement": "ORG",
  "the militants": "ORG",
  "the insurgents": "ORG",
  "the country": "GPE",
  "the state": "GPE",
};
export const PRONOUNS: Record<string, EntityType> = { he: "PER", she: "PER", his: "PER", him: "PER", her: "PER", they: "ORG", it: "ORG", its: "ORG", their: "ORG" };
/** Every leading part of an anaphor, to skip words that cannot open one. */
const ANAPHOR_PREFIXES = new Set(Object.keys(ANAPHORS).flatMap((phrase) => [...phrase].map((_, i) => phrase.slice(0, i + 1))));
/** The same tables as maps: a word is no key of an object's prototype ("constructor" is no pronoun). */
const ANAPHOR_TYPES = new Map(Object.entries(ANAPHORS));
const PRONOUN_TYPES = new Map(Object.entries(PRONOUNS));
const STATE_NOUNS = new Set(["state", "government", "regime", "authorities", "administration"]);
const INSTITUTION_NOUNS = new Set(["establishment", "army", "military", "forces", "police", "intelligence", "parliament", "judiciary", "navy", "taliban"]);

/** Capitalised, or an Arabic article joined to a capitalised name ("al-Qaeda", "ash-Shabaab"). */
const isCapitalised = (t: Token | undefined): boolean => !!t && /^(?:\p{Lu}|(?:al|el|ad|an|ar|as|ash|at|az)-\p{Lu})/u.test(t.text);
const isWord = (t: Token | undefined): boolean => !!t && /^[\p{L}\p{N}]/u.test(t.text);
const isAcronym = (text: string): boolean => /^\p{Lu}[\p{Lu}\p{N}-]{1,7}$/u.test(text) && /\p{Lu}.*\p{Lu}/u.test(text);
const OPEN_QUOTES = /^["“‘'«]$/;
const CLOSE_QUOTES = /^["”’'»]$/;

type Draft = Omit<MentionSpan, "start" | "end" | "text" | "entity">;

/**
 * Finds names of actors: gazetteer matches first (longest wins), then capitalised chunks typed by
 * context (titles, role phrases, organisation and place heads, publication cues), else by the
 * trained recogniser (src/nlp/ner); chunks neither can type are dropped.
 */
export class MentionFinder implements Component {
  readonly name = "mentions";
  constructor(
    private readonly gaz: Gazetteer = gazetteer(),
    private readonly tagger: () => NerTagger = () => loadTagger(),
  ) {}

  /**
   * Whether surfaces may be pruned by their leading words in this document: a surface's normalised
   * form starts with the form of any leading part of it, as long as lower-casing does not depend on
   * the letters around (only a Greek capital sigma does).
   */
  private prunable = true;

  run(doc: AnalysedDoc): void {
    this.prunable = !doc.text.includes("Σ");
    const drafts: Draft[] = [];
    for (const sentence of doc.sentences) {
      const taken = new Uint8Array(sentence.last - sentence.first);
      const claim = (d: Draft) => {
        for (let i = d.first; i < d.last; i++) taken[i - sentence.first] = 1;
        drafts.push(d);
      };
      const free = (first: number, last: number) => {
        for (let i = first; i < last; i++) if (taken[i - sentence.first]) return false;
        return true;
      };
      this.gazetteerMatches(doc, sentence.first, sentence.last, claim);
      this.chunks(doc, sentence.first, sentence.last, free, claim);
      this.demonyms(doc, sentence.first, sentence.last, free, claim);
      this.anaphors(doc, sentence.first, sentence.last, free, claim);
    }
    for (const d of drafts) extendBranch(doc, d);
    drafts.sort((a, b) => a.first - b.first);
    doc.mentions = drafts.map((d) => toMention(doc, d));
  }

  private gazetteerMatches(doc: AnalysedDoc, first: number, last: number, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    const forms: string[] = [];
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      if (!isCapitalised(t) && !OPENERS.has(t.text.toLowerCase())) continue;
      const sentenceStart = i === first || (i === first + 1 && OPEN_QUOTES.test(tokens[first]!.text));
      // Normalised forms of the surfaces from token i, as long as some name may still start so.
      let end = Math.min(last, i + 8);
      forms.length = 0;
      for (let j = i + 1; j <= end; j++) {
        const form = normalise(doc.text.slice(t.start, tokens[j - 1]!.end));
        if (this.prunable && !this.gaz.startsName(form)) {
          end = j - 1;
          break;
        }
        forms.push(form);
      }
      for (let j = end; j > i; j--) {
        if (!isWord(tokens[j - 1])) continue;
        const entry = this.gaz.lookupNormalised(forms[j - i - 1]!, doc.text.slice(t.start, tokens[j - 1]!.end));
        if (!entry) continue;
        if (j - i === 1 && sentenceStart && SENTENCE_OPENERS.has(t.text.toLowerCase())) break;
        // A place inside a longer capitalised name ("Khorasan Ghag", "Pakistan Army") is not the place.
        if ((entry.type === "GPE" || entry.type === "LOC") && isNameWord(tokens[j])) break;
        claim({ first: i, last: j, type: entry.type, subtype: entry.subtype, source: "gazetteer", key: entry.key, name: entry.name });
        i = j - 1;
        break;
      }
    }
  }

  private chunks(doc: AnalysedDoc, first: number, last: number, free: (a: number, b: number) => boolean, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    for (let i = first; i < last; i++) {
      const opensWithParticle = OPENERS.has(tokens[i]!.text) && isCapitalised(tokens[i + 1]);
      if (!(isCapitalised(tokens[i]) || opensWithParticle) || !free(i, i + 1)) continue;
      let j = i + 1;
      while (j < last && free(j, j + 1)) {
        if (isCapitalised(tokens[j]) && isWord(tokens[j])) j++;
        else if (CONNECTORS.has(tokens[j]!.text) && isCapitalised(tokens[j + 1]) && free(j + 1, j + 2) && tokens[j]!.text !== "and") j++;
        else break;
      }
      let start = i;
      // Sentence-initial function words and participles ("Citing", "Warning") are capitalised by grammar.
      while (start < j && (start === first || OPEN_QUOTES.test(tokens[start - 1]?.text ?? "")) && isOpener(tokens[start]!.text)) start++;
      while (start < j && SENTENCE_OPENERS.has(tokens[start]!.text.toLowerCase()) && tokens[start]!.text !== tokens[start]!.text.toUpperCase()) start++;
      // "Somali President X": the demonym names the country, the rest the person.
      if (start < j - 1 && this.gaz.demonym(tokens[start]!.text) && !this.gaz.lookup(doc.text.slice(tokens[start]!.start, tokens[j - 1]!.end))) start++;
      if (start < j) {
        const draft = this.typeChunk(doc, start, j, first);
        if (draft) claim(draft);
      }
      i = j - 1;
    }
  }

  private typeChunk(doc: AnalysedDoc, first: number, last: number, sentenceFirst: number): Draft | undefined {
    const tokens = doc.tokens;
    const words = tokens.slice(first, last).map((t) => t.text);
    const lowerWords = words.map((w) => w.toLowerCase());
    if (lowerWords.every((w) => CALENDAR.has(w) || TITLES.has(w))) return undefined;
    const head = lowerWords[lowerWords.length - 1]!;
    const before = tokens[first - 1]?.text.toLowerCase();
    const after = tokens[last]?.text.toLowerCase();
    const quoted = OPEN_QUOTES.test(tokens[first - 1]?.text ?? "") && CLOSE_QUOTES.test(tokens[last]?.text ?? "");
    const afterQuote = quoted ? tokens[last + 1]?.text.toLowerCase() : after;
    if ((afterQuote && WORK_CUES.has(afterQuote)) || (before && WORK_CUES.has(before) && last - first <= 4)) {
      return { first, last, type: "WORK", subtype: "periodical", source: "rule:work-cue" };
    }
    let titled = first;
    while (titled < last - 1 && TITLES.has(lowerWords[titled - first]!)) titled++;
    if (titled > first) return { first, last, type: "PER", source: "rule:title", name: words.slice(titled - first).join(" ") };
    if (ORG_HEADS.has(head) && words.length > 1) {
      return { first, last, type: "ORG", subtype: MEDIA_HEADS.has(head) ? "media" : undefined, source: "rule:org-head" };
    }
    if (PLACE_HEADS.has(head) && words.length > 1) return { first, last, type: "GPE", source: "rule:place-head" };
    if (words.length === 1) {
      if (isAcronym(words[0]!)) return { first, last, type: "ORG", source: "rule:acronym" };
      return undefined;
    }
    if (this.roleBefore(doc, first, sentenceFirst)) return { first, last, type: "PER", source: "rule:role" };
    const type = this.recognised(doc, first, last);
    return type ? { first, last, type, source: "ner" } : undefined;
  }

  /**
   * The statistical recogniser's type for a chunk no rule could type: the tagged span that
   * overlaps it most, mapped to Dossier's types; none when the tagger sees no actor there.
   */
  private recognised(doc: AnalysedDoc, first: number, last: number): EntityType | undefined {
    const sentence = doc.tokens[first]!.sentence;
    const offset = doc.sentences[sentence]!.first;
    const { words, spans } = this.tagged(doc);
    let best: { span: EntitySpan; overlap: number } | undefined;
    for (const span of spans[sentence] ?? []) {
      const overlap = Math.min(last - offset, span.end) - Math.max(first - offset, span.start);
      if (overlap > 0 && overlap > (best?.overlap ?? 0)) best = { span, overlap };
    }
    return (best && toDossierType(words[sentence]!, best.span, this.tagger())) ?? undefined;
  }

  private nerCache?: { doc: AnalysedDoc; words: string[][]; spans: EntitySpan[][] };

  /** Words and tagged spans per sentence, tagged once per document (the tagger keeps a name's tag consistent across it). */
  private tagged(doc: AnalysedDoc): { words: string[][]; spans: EntitySpan[][] } {
    if (this.nerCache?.doc !== doc) {
      const words = doc.sentences.map((s) => doc.tokens.slice(s.first, s.last).map((t) => t.text));
      this.nerCache = { doc, words, spans: this.tagger().documentSpans(words) };
    }
    return this.nerCache;
  }

  /** True when a role phrase ("former prime minister", "army chief") stands right before `index`. */
  private roleBefore(doc: AnalysedDoc, index: number, sentenceFirst: number): boolean {
    for (let k = Math.max(sentenceFirst, index - 4); k < index; k++) {
      const phrase = doc.text.slice(doc.tokens[k]!.start, doc.tokens[index - 1]!.end);
      if (this.gaz.isRole(phrase) || TITLES.has(phrase.toLowerCase())) return true;
    }
    return false;
  }

  private demonyms(doc: AnalysedDoc, first: number, last: number, free: (a: number, b: number) => boolean, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    for (let i = first; i < last; i++) {
      const country = free(i, i + 1) ? this.gaz.demonym(tokens[i]!.text) : undefined;
      if (!country) continue;
      const noun = tokens[i + 1]?.text.toLowerCase() ?? "";
      if (STATE_NOUNS.has(noun) && free(i + 1, i + 2)) {
        claim({ first: i, last: i + 2, type: "GPE", subtype: "country", source: "rule:demonym-state", key: country.key, name: country.name });
      } else if (INSTITUTION_NOUNS.has(noun) && free(i + 1, i + 2)) {
        const subtype = noun === "establishment" || noun === "parliament" || noun === "judiciary" ? "government" : "military";
        claim({ first: i, last: i + 2, type: "ORG", subtype, source: "rule:demonym-institution" });
      } else {
        claim({ first: i, last: i + 1, type: "GPE", subtype: "country", source: "rule:demonym", key: country.key, name: country.name, demonym: true });
      }
    }
  }

  private anaphors(doc: AnalysedDoc, first: number, last: number, free: (a: number, b: number) => boolean, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    for (let i = first; i < last; i++) {
      if (!free(i, i + 1)) continue;
      const word = tokens[i]!.text.toLowerCase();
      // Only a word that starts some anaphor can open one.
      if (!this.prunable || ANAPHOR_PREFIXES.has(normalise(tokens[i]!.text))) for (const length of [3, 2]) {
        if (i + length > last || !free(i, i + length) || !tokens.slice(i, i + length).every(isWord)) continue;
        const phrase = normalise(doc.text.slice(tokens[i]!.start, tokens[i + length - 1]!.end));
        const type = ANAPHOR_TYPES.get(phrase);
        if (type) {
          claim({ first: i, last: i + length, type, source: "anaphor", anaphoric: true });
          i += length - 1;
          break;
        }
      }
      const type = PRONOUN_TYPES.get(word);
      if (type && free(i, i + 1) && (tokens[i]!.text === word || i === first)) {
        claim({ first: i, last: i + 1, type, source: "pronoun", anaphoric: true });
      }
    }
  }
}

const BRANCH_NOUNS = new Set(["province", "wing", "branch", "chapter", "faction", "affiliate", "brigade"]);

/**
 * `its “Khorasan” province`: a name before a branch noun, owned by a possessive, names an
 * organisation's branch, not a place; resolution ties it to the organisation whose name ends so.
 */
function extendBranch(doc: AnalysedDoc, d: Draft): void {
  const tokens = doc.tokens;
  let next = d.last;
  if (CLOSE_QUOTES.test(tokens[next]?.text ?? "")) next++;
  let prev = d.first - 1;
  if (OPEN_QUOTES.test(tokens[prev]?.text ?? "")) prev--;
  const owner = tokens[prev]?.text.toLowerCase();
  if (!BRANCH_NOUNS.has(tokens[next]?.text.toLowerCase() ?? "") || !(owner === "its" || owner === "their" || /['’]s$/.test(owner ?? ""))) return;
  Object.assign(d, { last: next + 1, type: "ORG", subtype: "armed_group", source: "rule:branch", key: undefined, name: undefined });
}

function isNameWord(token: Token | undefined): boolean {
  return isCapitalised(token) && isWord(token) && !CALENDAR.has(token!.text.toLowerCase());
}

function isOpener(word: string): boolean {
  const lower = word.toLowerCase();
  return SENTENCE_OPENERS.has(lower) || /^\p{Lu}\p{Ll}+(ing|ed|ly)$/u.test(word);
}

/** The draft, completed in place with its offsets and text (a copy of each cost more than the rest of the finder). */
function toMention(doc: AnalysedDoc, draft: Draft): MentionSpan {
  const mention = draft as MentionSpan;
  mention.start = doc.tokens[draft.first]!.start;
  mention.end = doc.tokens[draft.last - 1]!.end;
  mention.text = doc.text.slice(mention.start, mention.end);
  return mention;
}
