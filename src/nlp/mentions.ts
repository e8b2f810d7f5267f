import type { EntityType } from "../model/index.js";
import type { AnalysedDoc, Component, MentionSpan, Token } from "./doc.js";
import { gazetteer, LAND_FEATURES, MEDIA_HEADS, normalise, normaliseLower, ORG_HEADS, ORG_OPENING_WORDS, type Gazetteer, type GazetteerEntry } from "./gazetteer/index.js";
import { loadTagger, toDossierType, type EntitySpan, type NerTagger } from "./ner/index.js";

/** Lower-case words that may sit inside a name ("Islamic State of Iraq", "al Qaeda", "Tehrik e Taliban", "Partido Demokratiko ng Pilipinas"). */
const CONNECTORS = new Set(["of", "the", "al", "el", "bin", "ibn", "de", "da", "do", "dos", "das", "del", "du", "la", "ul", "ud", "ng", "for", "and", "&", "-"]);
/** Connectors that may also open a name. */
const OPENERS = new Set(["al", "el"]);
/** Honorifics and ranks written before a person's name. */
export const TITLES = new Set(
  "mr mr. mrs mrs. ms ms. dr dr. prof prof. professor gen gen. general mufti maulana maulvi mullah sheikh shaikh imam president minister commander colonel col col. lieutenant lt lt. major maj maj. captain capt capt. sergeant sgt sgt. admiral adm adm. governor gov gov. senator sen sen. judge justice king queen prince princess emir amir ayatollah pope cardinal bishop rev rev. father brigadier marshal hafiz qari sir lord lady mayor ambassador chairman spokesman spokesperson premier chancellor sultan sayyid syed hazrat pir archbishop rabbi pastor patriarch mp mna mpa mep adviser advisor commissioner superintendent constable leader prosecutor spokeswoman chairwoman envoy comrade".split(" "),
);
/** Letters written after a person's full name: honours, silks and seats ("Jane Doe KC", "John Roe MP"). */
const POST_NOMINALS = new Set(["KC", "QC", "SC", "MP", "MEP", "MSP", "MLA", "TD", "MBE", "OBE", "CBE", "KBE", "DBE"]);
/** Capitalised words that open a place's name ("Lake Chad", "Mount Sinjar"). */
const GEO_PREFIXES = new Set("lake mount mountains river gulf port fort cape bay strait sea".split(" "));
const PLACE_HEADS = new Set("city province district region valley county village town governorate state republic island islands mountains river sea".split(" "));
/** Place heads of land and water rather than of a polity ("Red Sea", "Kashmir Valley"); islands too, when no list names them a polity. */
const NATURAL_HEADS = new Set([...LAND_FEATURES, "island", "islands"]);
/** Heads of land and zones that make a place the recogniser found a region ("Sambisa Forest", "Green Zone"); they end companies' and clubs' names too ("Nottingham Forest"). */
const FEATURE_HEADS = new Set([...LAND_FEATURES, "zone", "line"]);
/** Words after (or before) a title that make it a publication. */
const WORK_CUES = new Set("magazine newspaper journal newsletter publication periodical weekly bulletin gazette".split(" "));
/** A country's armed services, named after a possessive ("Pakistan's army"). */
const FORCE_NOUNS = new Map([["army", "Army"], ["military", "Armed Forces"], ["navy", "Navy"], ["police", "Police"]]);
/** Nouns after "X's military" that name a rule over the state ("military leader", "military junta"), not its forces. */
const MILITARY_RULE = new Set(["leader", "leaders", "ruler", "rulers", "government", "junta", "regime", "dictator", "dictatorship", "strongman"]);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const PLACE_ONLY_PREPOSITIONS = new Set(["in", "near", "outside", "at"]);
const LOCATIVES = new Set(["in", "near", "at", "outside", "around", "from", "to", "into", "across", "towards", "toward"]);
/** Arabic articles written before a name with a hyphen ("al-Naba", "ash-Shabaab"). */
const ARTICLES = "al|el|ad|an|ar|as|ash|at|az";
const ARTICLED = new RegExp(`^(?:${ARTICLES})-\\p{Lu}`, "u");
const LEADING_ARTICLE = new RegExp(`^(?:${ARTICLES})-`);
const MEDIA_UNITS = new Set(["media arm", "media wing", "media outlet", "media foundation", "media office", "propaganda arm", "propaganda wing", "news agency"]);
const MEDIA_NOUNS = new Set(["channel", "broadcaster", "station", "television", "tv", "website", "outlet", "mouthpiece"]);
/** Place nouns after two coordinated names ("the Rutshuru and Masisi territories"). */
const PLACE_PLURALS = new Set(["territories", "provinces", "districts", "regions", "counties", "states"]);
const SETTLEMENT_NOUNS = new Set(["port", "city", "town", "village", "district", "province", "region", "capital"]);
const ISSUE_WORDS = new Set(["issue", "issues", "edition", "editions", "editorial", "pages"]);
/** Capitalised at a sentence start for grammar's sake, not names. */
const SENTENCE_OPENERS = new Set(
  "the a an in on at for from with by this that these those it he she they we i you but and or as after before when while if since although though despite according meanwhile however also then there here some many most all both each every no not our their his her its my your last next former current earlier later several such other another one two three four five six seven eight nine ten what which who whom whose where why how yet so still even now today yesterday tomorrow during under over into about against between among through throughout until unless because unlike like besides beyond amid amidst including except via upon without within inside outside near along alongside behind".split(
    " ",
  ),
);
/** Plurals of a group's people, which open a sentence before "of" and its name ("Members of the X", "Fighters of X"). */
const PEOPLE_OF = new Set(
  "fighters members supporters followers loyalists leaders commanders militants soldiers troops officers officials spokesmen representatives delegates envoys elements remnants units cadres rebels gunmen insurgents dozens hundreds thousands scores".split(" "),
);
/** Words of faith, sect or kind before armed men ("Christian fighters", "Shia militiamen", "Islamist rebels"), no group's name. */
const FAITH_OR_KIND = /^(?:shia|shiite|sunni|christian|muslim|hindu|buddhist|druze|alawite|tribal|\p{L}+(?:ist|ian|ic|ish|ese))$/iu;
/** Armed men and their ranks, after the name of their group ("Fano militiamen", "a Fano commander"). */
const ARMED_MEN = new Set("militiamen militia fighters militants rebels insurgents guerrillas jihadists gunmen cadres commander commanders".split(" "));
/** Number words, capitalised inside a name mid-sentence ("the Seven Party Alliance"). */
const NUMBER_WORDS = new Set("one two three four five six seven eight nine ten".split(" "));
const CALENDAR = new Set(
  "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(" "),
);
/** Definite descriptions that refer back to an organisation and call it an armed group ("The paramilitary has denied ..."). */
export const ARMED_ANAPHORS = new Set([
  "the terror outfit",
  "the terrorist outfit",
  "the militant outfit",
  "the jihadist outfit",
  "the terror group",
  "the terrorist group",
  "the militant group",
  "the jihadist group",
  "the guerrilla group",
  "the armed group",
  "the insurgent group",
  "the rebel group",
  "the separatist group",
  "the jihadist movement",
  "the militant movement",
  "the jihadist alliance",
  "the militants",
  "the insurgents",
  "the jihadists",
  "the guerrillas",
  "the militia",
  "the paramilitary",
  "the paramilitaries",
]);
/** Descriptions of a state's forces ("government troops", "the soldiers"): the one state military the text names, or nobody. */
export const STATE_FORCE_DESCRIPTIONS = new Set([
  "government troops",
  "government forces",
  "government soldiers",
  "the government troops",
  "the government forces",
  "security forces",
  "the security forces",
  "army troops",
  "the troops",
  "the soldiers",
]);
/**
 * Descriptions of armed men by what they did or believe ("the assailants", "Maoist guerrillas"), to the word a
 * group's name may share ("Maoist"), if any: the one armed group the text names (so called), or nobody.
 */
export const ATTACKER_DESCRIPTIONS = new Map<string, string>([
  ...["the assailants", "the attackers", "the gunmen"].map((phrase) => [phrase, ""] as const),
  ...["islamist", "jihadist", "maoist", "marxist", "communist", "separatist"].flatMap((belief) =>
    ["militants", "insurgents", "rebels", "guerrillas", "fighters"].flatMap((men) => [`${belief} ${men}`, `the ${belief} ${men}`].map((phrase) => [phrase, belief] as const)),
  ),
]);
/**
 * Definite descriptions that refer back to an organisation or a country already named. "The rebels" and "the
 * separatists" often stand for fighters no name in the text stands for: the group they resolve to is not thereby armed.
 */
export const ANAPHORS: Record<string, EntityType> = {
  ...Object.fromEntries([...ARMED_ANAPHORS].map((phrase) => [phrase, "ORG"])),
  "the rebels": "ORG",
  "the separatists": "ORG",
  "the group": "ORG",
  "the outfit": "ORG",
  "the organisation": "ORG",
  "the organization": "ORG",
  "the movement": "ORG",
  "the alliance": "ORG",
  "the coalition": "ORG",
  "the faction": "ORG",
  "the umbrella group": "ORG",
  "the umbrella": "ORG",
  "the front": "ORG",
  "the party": "ORG",
  "the cartel": "ORG",
  "the council": "ORG",
  "the department": "ORG",
  "the brigade": "ORG",
  "the brigades": "ORG",
  "the task force": "ORG",
  "the union": "ORG",
  "the court": "ORG",
  "the army": "ORG",
  "the military": "ORG",
  "the armed forces": "ORG",
  ...Object.fromEntries([...STATE_FORCE_DESCRIPTIONS, ...ATTACKER_DESCRIPTIONS.keys()].map((phrase) => [phrase, "ORG"])),
  "the junta": "GPE",
  "the military junta": "GPE",
  "the regime": "GPE",
  "the police": "ORG",
  police: "ORG",
  "the country": "GPE",
  "the state": "GPE",
};
/** Words after "police" that make it a place, a thing or people of the police rather than the body that speaks. */
const POLICE_THINGS = new Set(
  "station stations post posts checkpoint checkpoints headquarters chief chiefs officer officers commissioner commissioners spokesman spokeswoman spokesperson source sources official officials custody van vans car cars vehicle vehicles patrol patrols raid raids record records report reports investigation investigations inspector superintendent constable constables man men woman women force forces unit units academy".split(" "),
);
/** Words after which a clause opens ("..., police said", "and police arrested"). */
const CLAUSE_OPENERS = new Set([",", ";", "and", "but", "that", "as", "when", "while", "after", "before", "--", "—", "–", "(", "“", '"']);
/** Nouns "the paramilitary" describes rather than names. */
const PARAMILITARY_NOUNS = new Set(
  "force forces police group groups unit units troops fighters soldiers personnel wing commander commanders leader leaders chief officers officer militia militias gendarmerie corps organisation organization outfit".split(" "),
);
export const PRONOUNS: Record<string, EntityType> = { he: "PER", she: "PER", his: "PER", him: "PER", her: "PER", they: "ORG", it: "ORG", its: "ORG", their: "ORG" };
/** Every leading part of an anaphor, to skip words that cannot open one. */
const ANAPHOR_PREFIXES = new Set(Object.keys(ANAPHORS).flatMap((phrase) => [...phrase].map((_, i) => phrase.slice(0, i + 1))));
/** The same tables as maps: a word is no key of an object's prototype ("constructor" is no pronoun). */
const ANAPHOR_TYPES = new Map(Object.entries(ANAPHORS));
const PRONOUN_TYPES = new Map(Object.entries(PRONOUNS));
const STATE_NOUNS = new Set(["state", "government", "regime", "junta", "authorities", "administration"]);
const INSTITUTION_NOUNS = new Set(["establishment", "army", "military", "forces", "police", "intelligence", "parliament", "judiciary", "navy", "taliban", "embassy"]);
const GOVERNMENT_INSTITUTIONS = new Set(["establishment", "parliament", "judiciary", "embassy", "police"]);

const CAPITALISED = new RegExp(`^(?:\\p{Lu}|(?:${ARTICLES})-\\p{Lu})`, "u");
const UPPER_FIRST = /^\p{Lu}/u;
const WORD_FIRST = /^[\p{L}\p{N}]/u;
/** "ISKP", "M23"; two acronyms joined by a hyphen may run longer ("UNSOM-AMISOM"). */
const isAcronym = (text: string): boolean => (/^\p{Lu}[\p{Lu}\p{N}-]{1,7}$/u.test(text) || /^\p{Lu}{2,6}-\p{Lu}{2,6}$/u.test(text)) && /\p{Lu}.*\p{Lu}/u.test(text);
const OPEN_QUOTES = /^["“‘'«]$/;
const CLOSE_QUOTES = /^["”’'»]$/;
/** Lengths of anaphors in words, longest first. */
const ANAPHOR_LENGTHS = [3, 2, 1];

/** Capitalised, or an Arabic article joined to a capitalised name ("al-Qaeda", "ash-Shabaab"); plain ASCII is told apart without the expression. */
function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return (text.charCodeAt(2) === 45 || text.charCodeAt(3) === 45) && CAPITALISED.test(text);
  return !(c < 128) && CAPITALISED.test(text);
}

/** Starts with a capital letter. */
function isUpperFirst(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  return !(c < 128) && UPPER_FIRST.test(text);
}

/** Starts with a letter or a digit. */
function isWordText(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return true;
  return !(c < 128) && WORD_FIRST.test(text);
}

type Draft = Omit<MentionSpan, "start" | "end" | "text" | "entity">;

/**
 * What the finder asks of every token, again and again: its lower-case and normalised forms and
 * the shape of its first letter, computed once per document (indices past either end read as
 * undefined, that is, no and none); `taken` marks tokens a draft has claimed.
 */
class TokenFacts {
  readonly lower: string[];
  readonly norm: string[];
  readonly capitalised: Uint8Array;
  readonly upperFirst: Uint8Array;
  readonly word: Uint8Array;
  readonly taken: Uint8Array;

  constructor(tokens: readonly Token[]) {
    const n = tokens.length;
    this.lower = new Array<string>(n);
    this.norm = new Array<string>(n);
    this.capitalised = new Uint8Array(n);
    this.upperFirst = new Uint8Array(n);
    this.word = new Uint8Array(n);
    this.taken = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const text = tokens[i]!.text;
      const lower = text.toLowerCase();
      this.lower[i] = lower;
      this.norm[i] = normaliseLower(lower);
      this.capitalised[i] = isCapitalised(text) ? 1 : 0;
      this.upperFirst[i] = isUpperFirst(text) ? 1 : 0;
      this.word[i] = isWordText(text) ? 1 : 0;
    }
  }

  /** No token of [first, last) is claimed yet. */
  free(first: number, last: number): boolean {
    for (let i = first; i < last; i++) if (this.taken[i]) return false;
    return true;
  }

  /** Capitalised and word-like, and no month or weekday. */
  nameWord(i: number): boolean {
    return this.capitalised[i] === 1 && this.word[i] === 1 && !CALENDAR.has(this.lower[i]!);
  }
}

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

  /** The document's drafts so far by the token after their end. */
  private readonly endingAt = new Map<number, Draft>();

  run(doc: AnalysedDoc): void {
    this.prunable = !doc.text.includes("Σ");
    this.endingAt.clear();
    this.loneNames.clear();
    this.nicknames.clear();
    const facts = new TokenFacts(doc.tokens);
    const drafts: Draft[] = [];
    let sentenceLast = 0;
    // A draft may run one token into the next sentence ("Pakistani | Government"); that token stays free there.
    const claim = (d: Draft) => {
      // A loop: fill() over a token or two costs a call into the runtime per draft.
      for (let i = d.first, stop = Math.min(d.last, sentenceLast); i < stop; i++) facts.taken[i] = 1;
      drafts.push(d);
      this.endingAt.set(d.last, d);
      this.noteShortForm(doc, facts, d);
    };
    const phrases = quotedNames(facts, doc.tokens);
    const bracketed = doc.text.includes("(");
    for (const sentence of doc.sentences) {
      sentenceLast = sentence.last;
      if (bracketed) this.acronymLongForms(doc, facts, sentence.first, sentence.last, claim);
      this.gazetteerMatches(doc, facts, sentence.first, sentence.last, claim);
      this.chunks(doc, facts, sentence.first, sentence.last, claim);
      this.demonyms(doc, facts, sentence.first, sentence.last, claim);
      if (phrases.length > 0) lowerCaseNames(facts, sentence.first, sentence.last, phrases, claim);
      this.anaphors(doc, facts, sentence.first, sentence.last, claim);
    }
    for (const d of drafts) {
      extendBranch(doc, facts, d, this.endingAt);
      extendUnit(doc, facts, d);
    }
    drafts.sort((a, b) => a.first - b.first);
    doc.mentions = drafts.map((d) => toMention(doc, d));
  }

  private gazetteerMatches(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    const forms: string[] = [];
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      if ((!facts.capitalised[i] && !OPENERS.has(facts.lower[i]!)) || facts.taken[i]) continue;
      const sentenceStart = i === first || (i === first + 1 && OPEN_QUOTES.test(tokens[first]!.text));
      // "the Gulf of Aden", "the Bay of Bengal": one place, not a gulf and a city.
      if (GEO_PREFIXES.has(facts.lower[i]!) && facts.lower[i + 1] === "of" && facts.nameWord(i + 2)) {
        let end = i + 3;
        while (end < last && facts.nameWord(end)) end++;
        claim({ first: i, last: end, type: "LOC", subtype: "region", source: "rule:place-head" });
        i = end - 1;
        continue;
      }
      // Normalised forms of the surfaces from token i, as long as some name may still start so.
      let end = Math.min(last, i + 8);
      forms.length = 0;
      for (let j = i + 1; j <= end; j++) {
        const form = j === i + 1 ? facts.norm[i]! : normalise(doc.text.slice(t.start, tokens[j - 1]!.end));
        if ((this.prunable && !this.gaz.startsName(form)) || facts.taken[j - 1]) {
          end = j - 1;
          break;
        }
        forms.push(form);
      }
      for (let j = end; j > i; j--) {
        if (!facts.word[j - 1]) continue;
        const entry = this.gaz.lookupSpan(forms[j - i - 1]!, doc.text, t.start, tokens[j - 1]!.end);
        if (!entry) continue;
        if (j - i === 1 && sentenceStart && SENTENCE_OPENERS.has(facts.lower[i]!)) break;
        // A place inside a longer capitalised name ("Khorasan Ghag", "Pakistan Army", "Lake Chad") is not the place.
        // "Balochistan Chief Minister X", "ISPR Director General X": an office and a name after it are no part of the name.
        const runsOn = facts.nameWord(j) && !officeThenName(facts, j, last);
        const place = entry.type === "GPE" || entry.type === "LOC";
        if (place && (runsOn || GEO_PREFIXES.has(facts.lower[i - 1] ?? "") || orgNameBefore(facts, i) || particleBefore(doc, facts, i, first) || this.personBefore(doc, facts, i, j, first))) break;
        // "Northern Yobe", "Turkish-controlled Kirkuk": a compass word or a ruler's compound before a place names a place of its own.
        if (place && entry.subtype !== "country" && i > first && !facts.taken[i - 1] && placeQualifier(tokens[i - 1]!.text, facts.lower[i - 1]!)) {
          claim({ first: i - 1, last: j, type: entry.type, subtype: "region", source: "rule:place-head" });
          i = j - 1;
          break;
        }
        // A listed name that goes on in capitals ("Abu Musab al-Barnawi") or follows one ("Dera Ismail Khan") is part of another name.
        if (!place && runsOn && !CONNECTORS.has(facts.lower[j]!)) break;
        if (!place && !sentenceStart && this.nameBefore(doc, facts, i, first)) break;
        // "The Islamic State West Africa Province": a name after the article may run longer than one with it.
        if (facts.lower[i] === "the" && this.longestFrom(doc, facts, i + 1, last) >= j) break;
        const country = this.gaz.countryOfCapital(entry);
        // "Niger's military leader", "Pakistan's military government": a ruler of the state, not of its forces.
        const force = entry.subtype === "country" && POSSESSIVE.test(tokens[j]?.text ?? "") && !MILITARY_RULE.has(facts.lower[j + 2] ?? "") ? FORCE_NOUNS.get(facts.lower[j + 1] ?? "") : undefined;
        if (force) {
          // "Pakistan's army" is the Pakistan Army, an actor of its own beside the state.
          // A listed force under that name (a country's army the list knows by another name) is that actor.
          const listed = this.gaz.lookup(`${entry.name} ${force}`);
          const known = listed?.type === "ORG" && !listed.folded ? { key: listed.key, name: listed.name } : { name: `${entry.name} ${force}` };
          claim({ first: i, last: j + 2, type: "ORG", subtype: "military", source: "rule:country-force", ...known });
          i = j + 1;
          break;
        }
        const organ = place ? stateOrgan(doc, facts, j, last) : undefined;
        if (organ !== undefined) {
          // "Kabul police", "Gaza's civil defence agency", "Mozambique's defence ministry": an organ of the place's
          // government is an actor of its own, not the place.
          claim({ first: i, last: organ, type: "ORG", subtype: "government", source: "rule:state-organ" });
          i = organ - 1;
          break;
        }
        if (country && speaksForCountry(facts, i, j)) {
          claim({ first: i, last: j, type: "GPE", subtype: "country", source: "rule:capital-metonymy", key: country.key, name: country.name });
        } else if (entry.folded && entry.type === "ORG" && j === i + 1 && this.endsPerson(facts, i)) {
          // "Zawahiri was killed" after "Ayman al-Zawahiri": the surname of a person named in full, whatever group the lists file it with.
          claim({ first: i, last: j, type: "PER", source: "ner" });
        } else if (entry.folded && entry.type === "ORG" && !this.organisationShaped(doc, facts, i, j) && this.recognised(doc, i, j) === "PER") {
          // PETRARCH files militants' leaders with their groups ("Hafiz Saeed", "Ayman al-Zawahiri"): a person's name is a person.
          claim({ first: i, last: j, type: "PER", source: "gazetteer", key: `per:${entry.key.slice(entry.key.indexOf(":") + 1)}` });
        } else if (entry.folded && entry.type === "PER" && this.organisationShaped(doc, facts, i, j) && this.recognised(doc, i, j) !== "PER") {
          // ... and some groups with its persons (a group's name holding a place or an acronym).
          claim({ first: i, last: j, type: "ORG", source: "gazetteer", key: `org:${entry.key.slice(entry.key.indexOf(":") + 1)}` });
        } else {
          claim({ first: i, last: j, type: entry.type, subtype: entry.subtype, source: "gazetteer", key: entry.key, name: entry.folded ? undefined : entry.name });
        }
        i = j - 1;
        break;
      }
    }
  }

  /**
   * "Southern African Development Community Mission in Mozambique (SAMIM)", "Jamaat-ud-Dawa (JuD)":
   * an acronym in brackets that abbreviates the capitalised words (and particles) right before it
   * marks where an organisation's name starts and ends, across connectors and places inside it that
   * would otherwise cut it. The acronym names it too; a mixed-case one ("JuD") by the long form's name,
   * as do its later bare uses. Names the gazetteer lists, and long forms with nothing of an
   * organisation about them ("Improvised Explosive Devices (IEDs)"), are left to the other rules.
   */
  private acronymLongForms(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    for (let p = first + 1; p + 2 < last; p++) {
      if (tokens[p]!.text !== "(" || tokens[p + 2]!.text !== ")" || facts.taken[p - 1]) continue;
      const acronym = tokens[p + 1]!.text;
      if (!BRACKET_ACRONYM.test(acronym) || (acronym.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
      const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, "");
      // The nearest start that fits: a word before it that happens to share the acronym's first letter stays out.
      let start: number | undefined;
      for (let s = p - 1; s >= first && p - s <= 12 && !facts.taken[s]; s--) {
        const inner = !facts.upperFirst[s] && LONG_FORM_INNER.has(facts.lower[s]!);
        if (!inner && !facts.nameWord(s)) break;
        if (inner || SENTENCE_OPENERS.has(facts.lower[s]!) || TITLES.has(facts.lower[s]!)) continue;
        if (abbreviates(letters, tokens.slice(s, p).map((t) => t.text))) {
          start = s;
          break;
        }
      }
      if (start === undefined) continue;
      // "US Securities and Exchange Commission (SEC)": capitalised words right before the part an acronym abbreviates still belong to the name.
      while (start > first && facts.nameWord(start - 1) && !facts.taken[start - 1] && !SENTENCE_OPENERS.has(facts.lower[start - 1]!) && !TITLES.has(facts.lower[start - 1]!) && !/-\p{Ll}+$/u.test(tokens[start - 1]!.text)) start--;
      const long = doc.text.slice(tokens[start]!.start, tokens[p - 1]!.end);
      if (this.gaz.lookup(long)) continue;
      const organisation = hasOrgHead(facts.lower, start, p) || long.toLowerCase().split(/[\s-]+/).some((w, k) => LONG_FORM_HEADS.has(w) || (k === 0 && ORG_OPENERS.has(w))) || this.recognised(doc, start, p) === "ORG";
      if (!organisation) continue;
      claim({ first: start, last: p, type: "ORG", source: "rule:org-head" });
      // "the banned Jamaat-ul-Ahrar (JuA) ... renamed it Jamaat-ul-Ahrar": a one-word long form names it alone later too.
      if (p - start === 1) this.lone(tokens[start]!.text, { first: start, last: p, type: "ORG", source: "rule:org-head" });
      if (this.gaz.lookup(acronym)) continue;
      const spelled = SPELLED_ACRONYM.test(acronym);
      const draft: Draft = { first: p + 1, last: p + 2, type: "ORG", source: "rule:acronym", name: spelled ? undefined : long };
      claim(draft);
      if (!spelled) this.loneNames.set(acronym, { draft: { type: "ORG", source: "rule:acronym", name: long }, anyType: true });
      p += 2;
    }
  }

  /**
   * "Ana de Lima", "treasurer Elena Austria": a listed place after a name word (and a
   * particle) that the recogniser reads as one person's name with it ends that name.
   */
  private personBefore(doc: AnalysedDoc, facts: TokenFacts, i: number, j: number, sentenceFirst: number): boolean {
    const particle = NAME_PARTICLES.has(facts.lower[i - 1] ?? "") && i - 2 >= sentenceFirst && facts.nameWord(i - 2) && !facts.taken[i - 2];
    const start = particle ? i - 2 : this.nameBefore(doc, facts, i, sentenceFirst) ? i - 1 : undefined;
    if (start === undefined || start < sentenceFirst || this.demonymAt(facts, start)) return false;
    const sentence = doc.tokens[start]!.sentence;
    const offset = doc.sentences[sentence]!.first;
    return (this.tagged(doc).spans[sentence] ?? []).some((s) => s.label === "PER" && s.start <= start - offset && s.end >= j - offset);
  }

  /**
   * Whether an administrative area's noun follows the name [first, last), perhaps after an adjective
   * ("the Hiiraan region", "the X autonomous region", "Norte de Santander department"); a demonym or
   * a compound adjective before it is no name ("the Marcos-related district").
   */
  private areaAfter(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number): boolean {
    const noun = facts.lower[last] ?? "";
    const area = PLACE_HEADS.has(noun) || (AREA_ADJECTIVES.has(noun) && PLACE_HEADS.has(facts.lower[last + 1] ?? ""));
    const admin = !area && ADMIN_NOUNS.has(noun) && ["GPE", "LOC"].includes(this.recognised(doc, first, last) ?? "");
    return (area || admin) && !this.demonymAt(facts, first) && !/-\p{Ll}+$/u.test(doc.tokens[last - 1]!.text);
  }

  /**
   * Whether "X Province" [first, last) names a group's branch rather than an area: owned by "its" or
   * "their" or by an organisation's possessive ("the group's Sahel Province"), right after a group's
   * name ("IS Sahel Province"), or doing what fighters do ("Sahel Province claimed", "Sahel Province fighters").
   */
  private branchProvince(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number): boolean {
    const before = facts.lower[first - 1] ?? "";
    if (before === "its" || before === "their") return true;
    const owner = this.endingAt.get(POSSESSIVE.test(doc.tokens[first - 1]?.text ?? "") ? first - 1 : first);
    if (owner?.type === "ORG" && (owner.subtype === "armed_group" || owner.last === first - 1)) return true;
    return BRANCH_ACTS.has(facts.lower[last] ?? "");
  }

  /** Whether tokens from `first` to before some token up to `last` are a listed armed group's name. */
  private opensWithArmedGroup(doc: AnalysedDoc, first: number, last: number): boolean {
    const tokens = doc.tokens;
    for (let k = first + 1; k < last; k++) if (this.gaz.lookup(doc.text.slice(tokens[first]!.start, tokens[k - 1]!.end))?.subtype === "armed_group") return true;
    return false;
  }

  /** Whether the recogniser reads a person's name starting at token `i`. */
  private personStartsAt(doc: AnalysedDoc, i: number): boolean {
    const sentence = doc.tokens[i]!.sentence;
    const offset = doc.sentences[sentence]!.first;
    return (this.tagged(doc).spans[sentence] ?? []).some((s) => s.label === "PER" && s.start === i - offset);
  }

  /**
   * A listed organisation's name that reads as no person's, whatever the recogniser says: after
   * "the", opening with an organisation's head in Arabic or Urdu, or holding an organisation's head,
   * a place or an acronym ("the Sayeret Matkal", "Harkat-ul-Mujahideen", "Pacific Command", "Assam Rifles").
   */
  private organisationShaped(doc: AnalysedDoc, facts: TokenFacts, i: number, j: number): boolean {
    if (facts.lower[i - 1] === "the" || ORG_OPENING_WORDS.has(facts.norm[i]!.split(" ")[0]!) || hasOrgHead(facts.lower, i, j)) return true;
    for (let k = i; k < j; k++) {
      if (isAcronym(doc.tokens[k]!.text)) return true;
      const type = this.gaz.lookupNormalised(facts.norm[k]!, doc.tokens[k]!.text)?.type;
      if (type === "GPE" || type === "LOC") return true;
    }
    return false;
  }

  /** A capitalised name word right before token `i` that is no title, office or demonym. */
  private nameBefore(doc: AnalysedDoc, facts: TokenFacts, i: number, sentenceFirst: number): boolean {
    const k = i - 1;
    const lower = facts.lower[k]!;
    // "Unlike Amal, ...", "Following Amal's ...": a sentence's first word may be capitalised by grammar alone.
    if (k === sentenceFirst && isOpener(doc.tokens[k]!.text, lower)) return false;
    // "the Pakistan-based Jaish-e-Mohammed": a compound adjective is no part of the name.
    if (/-\p{Ll}+$/u.test(doc.tokens[k]?.text ?? "")) return false;
    return facts.nameWord(k) && !facts.taken[k] && !SENTENCE_OPENERS.has(lower) && !TITLES.has(lower) && !OFFICE_WORDS.has(lower) && !this.demonymAt(facts, k);
  }

  /** The end of the longest gazetteer name starting at token `i` (i itself when none does). */
  private longestFrom(doc: AnalysedDoc, facts: TokenFacts, i: number, last: number): number {
    const tokens = doc.tokens;
    let best = i;
    for (let j = i + 1; j <= Math.min(last, i + 8); j++) {
      const form = normalise(doc.text.slice(tokens[i]!.start, tokens[j - 1]!.end));
      if (this.prunable && !this.gaz.startsName(form)) break;
      if (facts.word[j - 1] && this.gaz.lookupSpan(form, doc.text, tokens[i]!.start, tokens[j - 1]!.end)) best = j;
    }
    return best;
  }

  private chunks(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    const { capitalised, word, taken, lower } = facts;
    for (let i = first; i < last; i++) {
      const opensWithParticle = OPENERS.has(tokens[i]!.text) && capitalised[i + 1] === 1;
      if (!(capitalised[i] || opensWithParticle) || taken[i]) continue;
      let j = i + 1;
      while (j < last && !taken[j]) {
        if (capitalised[j] && word[j]) j++;
        else {
          // One connector, or two ("Armed Forces of the Philippines"), before a capitalised word.
          let k = j;
          while (k < j + 2 && CONNECTORS.has(tokens[k]?.text ?? "") && tokens[k]!.text !== "and") k++;
          if (k > j && capitalised[k] === 1 && !taken[k]) j = k;
          else break;
        }
      }
      const nicknamed = OPEN_QUOTES.test(tokens[j]?.text ?? "") ? this.nicknamed(doc, facts, i, j, last) : undefined;
      if (nicknamed) {
        claim(nicknamed);
        i = nicknamed.last - 1;
        continue;
      }
      // "the People's Liberation Army", "the Women's Protection Units": a people's possessive opens a name that goes on in capitals.
      if (j + 1 < last && POSSESSIVE.test(tokens[j]!.text) && COLLECTIVE_POSSESSORS.has(lower[j - 1]!) && capitalised[j + 1] && word[j + 1] && !taken[j + 1] && capitalised[j + 2] && word[j + 2]) {
        j = this.capitalisedRun(facts, j + 1, last);
      }
      // "the Ombudsman's Office": a possessive before an organisation's capitalised head is inside the name.
      if (j + 1 < last && POSSESSIVE.test(tokens[j]!.text) && capitalised[j + 1] && !taken[j + 1] && ORG_HEADS.has(lower[j + 1]!) && !capitalised[j + 2]) j += 2;
      const spelled = this.spelledEnd(doc, facts, i, j, last);
      j = spelled ?? this.nameEnd(doc, facts, i, j, last);
      // "Jane Doe KC", "John Roe MP": letters after a full name are an honour or a seat, no part of it (nor an organisation of their own);
      // "the Ealing North MP" is a description, not a name.
      const postNominal = j - i >= 3 && POST_NOMINALS.has(tokens[j - 1]!.text) && lower[i - 1] !== "the";
      if (postNominal) j--;
      const bracket = OPEN_QUOTES.test(tokens[i - 1]?.text ?? "") ? i - 2 : i - 1;
      const named = this.endingAt.get(bracket) ?? (CLOSE_QUOTES.test(tokens[bracket - 1]?.text ?? "") ? this.endingAt.get(bracket - 1) : undefined);
      if (named?.type === "ORG" && j - i > 1 && !SPELLED_ACRONYM.test(doc.text.slice(tokens[i]!.start, tokens[j - 1]!.end)) && translates(doc, bracket, i, j)) {
        // "Jaysh al-Izza (“Army of Glory”)": a name in brackets right after an organisation's is its name in translation.
        claim({ first: i, last: j, type: "ORG", source: "rule:translation" });
        i = j - 1;
        continue;
      }
      let start = i;
      // "the 33rd Front", "the 11th Infantry Division": an ordinal before an organisation's name is part of it.
      if (i > first && ORDINAL.test(tokens[i - 1]!.text) && !taken[i - 1] && ORG_HEADS.has(lower[j - 1]!)) start = i - 1;
      // Sentence-initial function words and participles ("Citing", "Warning") are capitalised by grammar.
      // "Ahmed Abdi said" opens with a person's name shaped like a participle: the recogniser's person starting there keeps it.
      while (start < j && (start === first || OPEN_QUOTES.test(tokens[start - 1]?.text ?? "")) && isOpener(tokens[start]!.text, lower[start]!) && (SENTENCE_OPENERS.has(lower[start]!) || !this.personStartsAt(doc, start))) start++;
      while (start < j && SENTENCE_OPENERS.has(lower[start]!) && tokens[start]!.text !== tokens[start]!.text.toUpperCase() && !(start > first && NUMBER_WORDS.has(lower[start]!))) start++;
      // "Fighters of the Hill Brigade attacked": a sentence opening on the people of a group names only the group
      // (not "Soldiers of the Caliphate", whose rest has no organisation's head).
      if ((start === first || OPEN_QUOTES.test(tokens[start - 1]?.text ?? "")) && PEOPLE_OF.has(lower[start]!) && lower[start + 1] === "of" && hasOrgHead(lower, start + 2, j)) start += 2;
      // "What do Israelis want": a particle left at the front once the opener is gone opens no name.
      while (start < j && !capitalised[start] && CONNECTORS.has(tokens[start]!.text) && !OPENERS.has(tokens[start]!.text)) start++;
      // "On Monday Balochistan's ...": a day or month opening a chunk is a date, not part of a name.
      while (start < j - 1 && CALENDAR.has(lower[start]!)) start++;
      // "Somali President X": the demonym names the country, the rest the person.
      // "Malian Armed Forces" stays one organisation's name.
      const titled = TITLES.has(lower[start + 1]!) || OFFICE_WORDS.has(lower[start + 1]!);
      if (start < j - 1 && titled && this.demonymAt(facts, start) && !this.gaz.lookup(doc.text.slice(tokens[start]!.start, tokens[j - 1]!.end))) start++;
      const office = start < j ? this.officeAfterName(doc, facts, start, j) : undefined;
      if (office !== undefined) {
        const named = this.typeChunk(doc, facts, start, office, first);
        if (named) claim(named);
        start = office;
      }
      // "US President Joe Biden" after the gazetteer took the name: a place and a title before it, the place alone.
      let role = j;
      while (role > start + 1 && (TITLES.has(lower[role - 1]!) || OFFICE_WORDS.has(lower[role - 1]!))) role--;
      const place = role < j && TITLES.has(lower[j - 1]!) && taken[j] ? this.gaz.lookup(doc.text.slice(tokens[start]!.start, tokens[role - 1]!.end)) : undefined;
      if (place && (place.type === "GPE" || place.type === "LOC")) {
        claim({ first: start, last: role, type: place.type, subtype: place.subtype, source: "gazetteer", key: place.key, name: place.folded ? undefined : place.name });
        start = j;
      }
      // "one of El Chapo's sons" after 'Joaquín "El Chapo" Guzmán': the nickname alone names the person.
      const nickname = start < j ? this.nicknames.get(doc.text.slice(tokens[start]!.start, tokens[j - 1]!.end)) : undefined;
      if (nickname !== undefined) {
        claim({ first: start, last: j, type: "PER", source: "rule:nickname", name: nickname });
      } else if (start < j) {
        // A name its acronym spells out is an organisation's when it has an organisation's head ("National Commission to Combat ...").
        const draft = spelled !== undefined && hasOrgHead(lower, start, j) ? { first: start, last: j, type: "ORG" as const, source: "rule:org-head" } : this.typeChunk(doc, facts, start, j, first);
        if (draft) claim(withSite(facts, draft));
        // "Minister Jane Doe of the Green Party": the words after the person's name are read on their own.
        if (draft?.type === "PER" && draft.last < j) j = draft.last;
      }
      i = postNominal ? j : j - 1;
    }
  }

  /**
   * Where a capitalised chunk [i, j) ends when it goes on past a word the chunk stops at: "and"
   * inside an organisation's name ("Justice and Development Party", "Trinidad and Tobago Police Service"),
   * and a bracketed qualifier inside or after a name ("Communist Party of Nepal (Maoist)", "CPN
   * (Maoist)", "Public Safety (Amendment) Act").
   */
  private nameEnd(doc: AnalysedDoc, facts: TokenFacts, i: number, j: number, last: number): number {
    const { lower, capitalised, taken } = facts;
    const text = (k: number) => doc.tokens[k]?.text ?? "";
    for (;;) {
      // "Committee on Foreign Relations", "Conference on Disarmament".
      // "the Interior Ministry on Monday": a weekday or month names no subject.
      if (lower[j] === "on" && ORG_HEADS.has(lower[j - 1]!) && facts.nameWord(j + 1) && !taken[j + 1]) {
        j = this.capitalisedRun(facts, j + 1, last);
        continue;
      }
      if (lower[j] === "and" && capitalised[j + 1] && !taken[j + 1]) {
        const end = this.capitalisedRun(facts, j + 1, last);
        // "Movement for Amnesty and Fundamental Rights (Movadef)": a short name in brackets after both parts names the whole.
        const bracketed = text(end) === "(" && text(end + 2) === ")" && capitalised[end + 1] === 1 && headBeforePreposition(lower, i, j);
        if (end > j + 1 && ((!hasOrgHead(lower, i, j) && ORG_HEADS.has(lower[end - 1]!)) || bracketed)) {
          j = end;
          continue;
        }
      }
      if (text(j) === "(" && text(j + 2) === ")" && j + 3 <= last && capitalised[j + 1] && !isAcronym(text(j + 1)) && !this.gaz.lookup(text(j + 1))) {
        if (capitalised[j + 3] && facts.word[j + 3] && !taken[j + 3]) return this.capitalisedRun(facts, j + 3, last);
        if (/ists?$/i.test(text(j + 1)) && (hasOrgHead(lower, i, j) || isAcronym(text(j - 1)))) return j + 3;
      }
      return j;
    }
  }

  /**
   * The end of a name that runs on over lower-case words to an acronym in brackets spelling all its
   * capitalised words' initials ("National Commission to Combat Illicit Arms (NCCIA)"), if [i, j)
   * starts one.
   */
  private spelledEnd(doc: AnalysedDoc, facts: TokenFacts, i: number, j: number, last: number): number | undefined {
    let end = j;
    for (let hops = 0; hops < 3 && INNER_WORDS.has(facts.lower[end] ?? ""); hops++) {
      let k = end;
      while (k < last && INNER_WORDS.has(facts.lower[k]!)) k++;
      const next = this.capitalisedRun(facts, k, last);
      if (next === k) return undefined;
      end = next;
      // The acronym may be tokenised in parts, around a hyphen.
      let close = end + 1;
      while (close < end + 5 && doc.tokens[close] && doc.tokens[close]!.text !== ")") close++;
      const acronym = doc.tokens[close] ? doc.text.slice(doc.tokens[end + 1]!.start, doc.tokens[close - 1]!.end) : "";
      if (doc.tokens[end]?.text === "(" && close > end + 1 && SPELLED_ACRONYM.test(acronym)) {
        let initials = "";
        let from = i;
        while (from < end && SENTENCE_OPENERS.has(facts.lower[from]!)) from++;
        for (let t = from; t < end; t++) if (facts.capitalised[t]) initials += facts.lower[t]![0];
        return initials === acronym.toLowerCase().replace(/[^a-z]/g, "") ? end : undefined;
      }
    }
    return undefined;
  }

  /** The end of the capitalised words (with connectors between) from token k. */
  private capitalisedRun(facts: TokenFacts, k: number, last: number): number {
    let end = k;
    while (end < last && !facts.taken[end] && ((facts.capitalised[end] && facts.word[end]) || (CONNECTORS.has(facts.lower[end]!) && facts.lower[end] !== "and" && end > k && facts.capitalised[end + 1]))) end++;
    while (end > k && CONNECTORS.has(facts.lower[end - 1]!)) end--;
    return end;
  }

  /**
   * Where an office and a person's name start inside a chunk that opens with an organisation's or a
   * place's name ("Labour MP Barry Sheerman", "JUI-F Chief Maulana Fazlur Rehman"), if one does. The
   * opening name must read as no person ("Khalid Sheikh Mohammed" is one man's name).
   */
  private officeAfterName(doc: AnalysedDoc, facts: TokenFacts, start: number, end: number): number | undefined {
    const lower = facts.lower;
    if (TITLES.has(lower[start]!) || OFFICE_WORDS.has(lower[start]!)) return undefined;
    let office = start + 1;
    while (office < end && ((!TITLES.has(lower[office]!) && !OFFICE_WORDS.has(lower[office]!)) || ORG_HEADS.has(lower[office]!))) office++;
    // A full name after the office: "Estado Mayor Central" is no mayor called Central.
    const name = office < end - 1 ? afterCapitalisedRole(lower, office, end) : undefined;
    if (name === undefined || end - name < 2) return undefined;
    const named = doc.text.slice(doc.tokens[start]!.start, doc.tokens[office - 1]!.end);
    const known = this.gaz.lookup(named)?.type;
    const organisation = ORG_HEADS.has(lower[office - 1]!) || (office - start === 1 && isAcronym(doc.tokens[start]!.text));
    const type = known ?? (organisation ? "ORG" : this.recognised(doc, start, office));
    return type !== undefined && type !== "PER" ? office : undefined;
  }

  /** Nicknames the document gave inside a person's name, to the name without them ('Joaquín "El Chapo" Guzmán'). */
  private readonly nicknames = new Map<string, string>();

  /**
   * 'Joaquín "El Chapo" Guzmán', 'Ignacio "Nacho" Coronel': a quoted nickname of capitalised words
   * between a given name [first, quote) and a surname names one person, by the name without it; the
   * nickname alone names the person later. A place, demonym or organisation's head in it makes no such name.
   */
  private nicknamed(doc: AnalysedDoc, facts: TokenFacts, first: number, quote: number, last: number): Draft | undefined {
    const tokens = doc.tokens;
    let given = first;
    while (given < quote && TITLES.has(facts.lower[given]!)) given++;
    if (quote - given < 1 || quote - given > 2 || SENTENCE_OPENERS.has(facts.lower[given]!)) return undefined;
    const inner = this.capitalisedRun(facts, quote + 1, last);
    if (inner === quote + 1 || inner - quote > 4 || !CLOSE_QUOTES.test(tokens[inner]?.text ?? "")) return undefined;
    const end = this.capitalisedRun(facts, inner + 1, last);
    if (end === inner + 1 || end - inner > 4) return undefined;
    for (const k of [...range(given, quote), ...range(quote + 1, inner), ...range(inner + 1, end)]) {
      if (!facts.word[k] || ORG_HEADS.has(facts.lower[k]!) || this.demonymAt(facts, k) || (facts.capitalised[k] && this.gaz.lookupNormalised(facts.norm[k]!, tokens[k]!.text))) return undefined;
    }
    const words = (from: number, to: number) => doc.text.slice(tokens[from]!.start, tokens[to - 1]!.end);
    const name = `${words(given, quote)} ${words(inner + 1, end)}`;
    this.nicknames.set(words(quote + 1, inner), name);
    return { first, last: end, type: "PER", source: "rule:nickname", name };
  }

  /** The names of organisations the document gave by context or in full, by a word naming them alone later; undefined when ambiguous. */
  private readonly loneNames = new Map<string, { draft: Omit<Draft, "first" | "last">; anyType: boolean } | undefined>();

  /** An organisation named by one word from its context: the document's later bare uses of the word name it too. */
  private lone(word: string, draft: Draft): Draft {
    // "al-Naba" opens a sentence as "Al-Naba".
    for (const form of [word, word.replace(LEADING_ARTICLE, (article) => article[0]!.toUpperCase() + article.slice(1))]) {
      if (!this.loneNames.has(form)) this.loneNames.set(form, { draft: { type: draft.type, source: draft.source }, anyType: true });
    }
    return draft;
  }

  /**
   * An organisation's name of several words (or one with a particle, "Harkat-ul-Ansar") gives its
   * first word as its short form ("Zomi" for "Zomi Revolutionary Army", "the Harkat"), unless the word
   * is a common one of names ("National", "Islamic"), a place, a demonym, a title or an acronym, or
   * opens two organisations' names ("Karen National Union", "Karen National Liberation Army").
   */
  private noteShortForm(doc: AnalysedDoc, facts: TokenFacts, d: Draft): void {
    if (d.type !== "ORG" || d.source === "rule:short-form" || d.anaphoric) return;
    const text = doc.tokens[d.first]!.text;
    const word = d.last - d.first > 1 ? text : /^(\p{Lu}[\p{L}'’]+)-(?:e|i|ul|ud|ur|al|el)-\p{L}/u.exec(text)?.[1];
    if (!word || !facts.capitalised[d.first] || isAcronym(word) || /ists?$/i.test(word)) return;
    const lower = word.toLowerCase();
    if (commonNameWord(lower) || TITLES.has(lower) || SENTENCE_OPENERS.has(lower) || OPENERS.has(lower)) return;
    if (this.gaz.demonymNormalised(normalise(word)) || this.gaz.lookup(word)) return;
    const name = d.name ?? doc.text.slice(doc.tokens[d.first]!.start, doc.tokens[d.last - 1]!.end).replace(/^the\s+/i, "");
    if (this.loneNames.has(word)) {
      const known = this.loneNames.get(word);
      if (known && !known.anyType && known.draft.name !== name) this.loneNames.set(word, undefined);
      return;
    }
    this.loneNames.set(word, { draft: { type: "ORG", subtype: d.subtype, source: "rule:short-form", key: d.key, name }, anyType: false });
  }

  /**
   * "X, the hardline group that ...", "X, the alliance of ...": an apposition right after
   * the name whose head is an organisation's noun (no "of" or possessive before it).
   */
  private describedAsOrganisation(doc: AnalysedDoc, facts: TokenFacts, last: number): boolean {
    if (doc.tokens[last]?.text !== "," || !["the", "a", "an"].includes(facts.lower[last + 1] ?? "")) return false;
    for (let k = last + 2; k < Math.min(doc.tokens.length, last + 7); k++) {
      const word = facts.lower[k]!;
      if (APPOSED_NOUNS.has(word)) {
        // The noun heads the apposition: no noun of the same phrase follows ("the group's spokesman", "the group leader").
        const next = facts.lower[k + 1] ?? "";
        // "X, a neo-Nazi network banned in ...": a participle after the noun describes it as well.
        return !POSSESSIVE.test(next) && (!/^\p{L}/u.test(next) || APPOSITION_ENDS.has(next) || (/^\p{Ll}{3,}ed$/u.test(next) && PLACE_PREPOSITIONS.has(facts.lower[k + 2] ?? "")));
      }
      if (!facts.word[k] || word === "of" || POSSESSIVE.test(doc.tokens[k]!.text)) return false;
    }
    return false;
  }

  /**
   * "X, the KNU spokesman, said", "X, a senior commander of Y": an apposition right after the name whose head is a
   * person's role (nothing but a comma, a preposition or a clause's start after the role word).
   */
  private describedAsPerson(doc: AnalysedDoc, facts: TokenFacts, last: number): boolean {
    if (doc.tokens[last]?.text !== "," || !["the", "a", "an", "its", "their", "his", "her"].includes(facts.lower[last + 1] ?? "")) return false;
    for (let k = last + 2; k < Math.min(doc.tokens.length, last + 7) && doc.tokens[k]!.text !== ","; k++) {
      if (!APPOSED_ROLES.has(facts.lower[k]!)) continue;
      const next = facts.lower[k + 1] ?? "";
      return !/^\p{L}/u.test(next) || ROLE_ENDS.has(next);
    }
    return false;
  }

  /** The type of the person or organisation named right before "(also|better) known as" or "alias" and token `first`, if one is. */
  private aliasedType(facts: TokenFacts, first: number): EntityType | undefined {
    const lower = facts.lower;
    // 'X, known as "Y"': the quote opening the alias.
    if (OPEN_QUOTES.test(lower[first - 1] ?? "")) first--;
    let k = lower[first - 1] === "as" && (lower[first - 2] === "known" || lower[first - 2] === "called") ? first - 3 : lower[first - 1] === "alias" || lower[first - 1] === "aka" ? first - 2 : -1;
    if (ALSO_WORDS.has(lower[k] ?? "")) k--;
    if (lower[k] === ",") k--;
    const type = k >= 0 ? this.endingAt.get(k + 1)?.type : undefined;
    return type === "PER" || type === "ORG" ? type : undefined;
  }

  /** A place's name right before ", " or "and" or right after them ("Kano and Zaria", "Kano, Katsina and Zaria"). */
  private coordinatedPlace(facts: TokenFacts, first: number, last: number): boolean {
    const placeAt = (k: number) => this.endingAt.get(k + 1)?.first === k && ["GPE", "LOC"].includes(this.endingAt.get(k + 1)!.type);
    const before = facts.lower[first - 1];
    return ((before === "and" || before === ",") && placeAt(first - 2)) || ((facts.lower[last] === "and" || facts.lower[last] === ",") && placeAt(last + 1));
  }

  /** "X, the movement's own television channel": X is a broadcaster. */
  private describedAsMedia(doc: AnalysedDoc, facts: TokenFacts, last: number): boolean {
    if (doc.tokens[last]?.text !== ",") return false;
    for (let k = last + 1; k < Math.min(doc.tokens.length, last + 7) && doc.tokens[k]!.text !== ","; k++) if (MEDIA_NOUNS.has(facts.lower[k]!)) return true;
    return false;
  }

  /** "the latest issue of X", "X, the group's weekly newsletter": X is a publication. */
  private namesPublication(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number): boolean {
    if (facts.lower[first - 1] === "of" && ISSUE_WORDS.has(facts.lower[first - 2] ?? "")) return true;
    if (doc.tokens[last]?.text !== ",") return false;
    for (let k = last + 1; k < Math.min(doc.tokens.length, last + 7) && doc.tokens[k]!.text !== ","; k++) if (WORK_CUES.has(facts.lower[k]!)) return true;
    return false;
  }

  /** Whether an organisation named so far has `word` in its name ("Qassam fighters" after "Izz ad-Din al-Qassam Brigades"). */
  private inOrganisationName(doc: AnalysedDoc, word: string): boolean {
    for (const d of this.endingAt.values()) {
      if (d.type !== "ORG") continue;
      for (let k = d.first; k < d.last; k++) if (doc.tokens[k]!.text === word || doc.tokens[k]!.text.endsWith(`-${word}`)) return true;
    }
    return false;
  }

  /** The country that token `i` names as a demonym ("Pakistani"), if it is one. */
  private demonymAt(facts: TokenFacts, i: number): GazetteerEntry | undefined {
    return facts.upperFirst[i] ? this.gaz.demonymNormalised(facts.norm[i]!) : undefined;
  }

  private typeChunk(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, sentenceFirst: number): Draft | undefined {
    const tokens = doc.tokens;
    const lower = facts.lower;
    let allCalendar = true;
    for (let k = first; k < last && allCalendar; k++) allCalendar = CALENDAR.has(lower[k]!) || TITLES.has(lower[k]!);
    if (allCalendar) return undefined;
    // "Communist Party of Nepal (Maoist)": a bracketed qualifier ends the name; its head comes before it.
    const core = tokens[last - 1]!.text === ")" && last - first > 3 ? last - 3 : last;
    const head = lower[core - 1]!;
    const before = lower[first - 1];
    const { capitalised } = facts;
    const after = lower[last];
    const quoted = OPEN_QUOTES.test(tokens[first - 1]?.text ?? "") && CLOSE_QUOTES.test(tokens[last]?.text ?? "");
    const afterQuote = quoted ? lower[last + 1] : after;
    if ((afterQuote && WORK_CUES.has(afterQuote)) || (before && WORK_CUES.has(before) && last - first <= 4) || this.namesPublication(doc, facts, first, last)) {
      const work: Draft = { first, last, type: "WORK", subtype: "periodical", source: "rule:work-cue" };
      // "the weekly al-Naba ... Al-Naba said": the one word names it alone later.
      return core - first === 1 ? this.lone(tokens[first]!.text, work) : work;
    }
    // "its media arm Islam Awazi", "the news agency Tanjug".
    if (MEDIA_UNITS.has(`${lower[first - 2]} ${before}`)) return { first, last, type: "ORG", subtype: "media", source: "rule:org-head" };
    // "General Intelligence Directorate": a title opening an organisation's name makes no person of it.
    const organisation = ORG_HEADS.has(head) && core - first > 1;
    let titled = first;
    while (titled < last - 1 && TITLES.has(lower[titled]!)) titled++;
    // "south of Sheikh Zuweid", "Rafah and Sheikh Zuweid": a title that opens places' names too, where the text points to a place.
    const place = before === "in" || (before === "of" && COMPASS.has(lower[first - 2] ?? "")) || this.coordinatedPlace(facts, first, last);
    if (titled === first + 1 && PLACE_TITLES.has(lower[first]!) && place && !POSSESSIVE.test(tokens[last]?.text ?? "")) return { first, last, type: "GPE", source: "rule:place-head" };
    // "Prosecutor Jane Doe of the Swedish Prosecution Authority": the organisation's head is the name's after "of".
    const personEnd = titled > first ? personOfEnd(facts, titled, last) : last;
    if (titled > first && (!organisation || personEnd < last)) {
      return { first, last: personEnd, type: "PER", source: "rule:title", name: tokens.slice(titled, personEnd).map((t) => t.text).join(" ") };
    }
    const named = organisation ? undefined : afterCapitalisedRole(lower, first, last);
    // "Director General of Police R.R. Swain": the mention is the name; the role before it stays text for the relation finder.
    if (named !== undefined) return { first: named, last: personOfEnd(facts, named, last), type: "PER", source: "rule:title" };
    const text = () => doc.text.slice(tokens[first]!.start, tokens[core - 1]!.end);
    if (organisation) {
      // "Sudanese Armed Forces" is its state's military, which "the army" refers back to.
      const subtype = MEDIA_HEADS.has(head) ? "media" : this.gaz.nationalForce(text()) ? "military" : undefined;
      return { first, last, type: "ORG", subtype, source: "rule:org-head" };
    }
    // "Partido Demokratiko ng Pilipinas", "Liwa al-Baqir": other languages put an organisation's head first.
    if (ORG_OPENERS.has(lower[first]!) && core - first > 1) return { first, last, type: "ORG", source: "rule:org-head" };
    // "Armed Forces of the Philippines", "Democratic Forces for the Liberation of Rwanda": an organisation's head before "of"/"for";
    // a state's "Armed Forces of X" is its military.
    for (let h = first; h < last - 2; h++) {
      if (!ORG_HEADS.has(lower[h]!) || !["of", "for", "on"].includes(lower[h + 1]!)) continue;
      return { first, last, type: "ORG", subtype: this.gaz.nationalForce(text()) ? "military" : undefined, source: "rule:org-head" };
    }
    if (head === "province" && this.branchProvince(doc, facts, first, last)) return { first, last, type: "ORG", subtype: "armed_group", source: "rule:branch" };
    // "Islamic State Sahel Province": a listed armed group's name before a place's head names its branch there.
    if (PLACE_HEADS.has(head) && this.opensWithArmedGroup(doc, first, core - 1)) return { first, last, type: "ORG", subtype: "armed_group", source: "rule:org-head" };
    if (PLACE_HEADS.has(head) && last - first > 1) return NATURAL_HEADS.has(head) ? { first, last, type: "LOC", subtype: "region", source: "rule:place-head" } : { first, last, type: "GPE", source: "rule:place-head" };
    if (GEO_PREFIXES.has(lower[first]!) && last - first > 1) return { first, last, type: "LOC", subtype: "region", source: "rule:place-head" };
    if (core - first === 1) {
      const word = tokens[first]!.text;
      // "shelled Israeli troops": a lone demonym is its country's, which the demonym rule gives with its key.
      if (this.demonymAt(facts, first)) return undefined;
      // "an M-16 rifle", "F-16 jets": a model's designation is no actor.
      if (isAcronym(word) && /\d/.test(word) && (EQUIPMENT.has(after ?? "") || before === "a" || before === "an")) return undefined;
      if (isAcronym(word)) return { first, last, type: "ORG", source: "rule:acronym" };
      // "Fano militiamen", "a Fano commander": an unlisted name before its armed men or their ranks is their group's.
      // ("Maoist guerrillas" is a description: see ATTACKER_DESCRIPTIONS.)
      // "Naga rebels of the Hill Brigade": the men are another group's.
      if (ARMED_MEN.has(after ?? "") && lower[last + 1] !== "of" && !ANAPHOR_TYPES.has(`${lower[first]} ${after}`) && !FAITH_OR_KIND.test(word) && !commonNameWord(lower[first]!) && !this.loneNames.has(word) && !this.inOrganisationName(doc, word) && !this.gaz.lookup(word) && !["GPE", "LOC", "PER"].includes(this.recognised(doc, first, last) ?? "")) {
        return this.lone(word, { first, last, type: "ORG", subtype: "armed_group", source: "rule:org-head" });
      }
      // "a Russian-led alliance", "the French-led mission".
      if (/^\p{Lu}[\p{L}.]*-led$/u.test(word) && LED_NOUNS.has(after ?? "")) return { first, last: last + 1, type: "ORG", source: "rule:org-head" };
      // "the Hiiraan region", "Reasi district"; "the group's az-Zallaqa media arm"; "the Rutshuru and Masisi territories" (areas).
      if (this.areaAfter(doc, facts, first, last)) return { first, last, type: "GPE", source: "rule:place-head" };
      const coordinated = PLACE_PLURALS.has(after ?? "") || (after === "and" && capitalised[last + 1] === 1 && PLACE_PLURALS.has(lower[last + 2] ?? ""));
      if (coordinated && !this.demonymAt(facts, first)) return { first, last, type: "LOC", subtype: "region", source: "rule:place-head" };
      if (MEDIA_UNITS.has(`${after} ${lower[last + 1]}`) || this.describedAsMedia(doc, facts, last)) return { first, last, type: "ORG", subtype: "media", source: "rule:org-head" };
      // "the deep-sea port of Gwadar", "the town of Jilib".
      if (before === "of" && SETTLEMENT_NOUNS.has(lower[first - 2] ?? "")) return { first, last, type: "GPE", subtype: "city", source: "rule:place-head" };
      // A lone word mid-sentence is a name when the recogniser types it and the context agrees: a place
      // after a locative preposition ("near Bandiagara"), a name with an Arabic article ("al-Mourabitoun").
      // A name the document gave an organisation before: its short form ("Zomi" after "Zomi Revolutionary Army"), or itself.
      const known = this.loneNames.get(word);
      // "the Sinaloa Cartel ... kidnapped in Sinaloa": a place by the recogniser after a locative preposition is the place a
      // group is named after (a company's name, "a stake in Husky" after "Husky Oil Ltd", is no place's).
      const shortForm = known && !known.anyType ? this.recognised(doc, first, last) : undefined;
      const head = known?.draft.name?.split(" ").pop()?.toLowerCase() ?? "";
      const place = (shortForm === "GPE" || shortForm === "LOC") && LOCATIVES.has(before ?? "") && ORG_HEADS.has(head) && !COMPANY_HEADS.has(head);
      if (known && (known.anyType || (!place && shortForm !== undefined && shortForm !== "PER"))) return { ...known.draft, first, last };
      // 'an operations room called "Wa Harid"'.
      if (quoted && CALLED.has(lower[first - 2] ?? "") && [3, 4, 5].some((k) => NAMING_NOUNS.has(lower[first - k] ?? ""))) return this.lone(word, { first, last, type: "ORG", source: "rule:org-head" });
      // "X, better known as Y": Y names what X does, and so does Y alone later.
      const aliased = this.aliasedType(facts, first);
      if (aliased) return this.lone(word, { first, last, type: aliased, source: "rule:alias" });
      if (first === sentenceFirst || OPEN_QUOTES.test(tokens[first - 1]?.text ?? "")) {
        // "Saoradh, a small party that ...": a word opening the sentence is a name the apposition calls an organisation's,
        // where the recogniser sees a name at all ("Overnight, a militant group ..." has none).
        const described = !commonNameWord(lower[first]!) && this.describedAsOrganisation(doc, facts, last) && this.recognised(doc, first, last) !== undefined;
        return described ? this.lone(word, { first, last, type: "ORG", source: "rule:org-head" }) : undefined;
      }
      const type = this.recognised(doc, first, last);
      // "its spokesperson Abhay".
      // "its spokesperson Abhay", "his younger brother Abhay".
      if ((TITLES.has(before ?? "") || KIN.has(before ?? "")) && !facts.upperFirst[first - 1]) return { first, last, type: "PER", source: "rule:role" };
      // "the rights group Tanween, ...", "the cleric's political bloc, Tanween, ...": an organisation's noun in apposition.
      // "the Doha-based channel Al Araby, ...".
      if (MEDIA_NOUNS.has(before ?? "") && /^[,.;:)]$/.test(tokens[last]?.text ?? "")) return this.lone(word, { first, last, type: "ORG", subtype: "media", source: "rule:org-head" });
      const apposed = (APPOSED_NOUNS.has(before ?? "") || (before === "," && APPOSED_NOUNS.has(lower[first - 2] ?? ""))) && /^[,.;:)]$/.test(tokens[last]?.text ?? "");
      // "the Interahamwe", "Britain's Ofcom", "the Likud party": the recogniser's organisation with an article, a possessor or its noun.
      const determined = type === "ORG" && !OPEN_QUOTES.test(tokens[first - 2]?.text ?? "") && (before === "the" || POSSESSIVE.test(tokens[first - 1]?.text ?? "") || APPOSED_NOUNS.has(after ?? "")) && !STATE_NOUNS.has(after ?? "");
      // "the UAE-backed council": a compound adjective names no organisation.
      const generic = commonNameWord(lower[first]!) || /-\p{Ll}+$/u.test(word);
      if ((apposed || determined || this.describedAsOrganisation(doc, facts, last)) && !generic) return this.lone(word, { first, last, type: "ORG", source: "rule:org-head" });
      // A place by the recogniser and by its context: after a locative preposition ("near Bandiagara"), as what a force
      // takes ("the rebels took Tarkwala"), after "the island of", "much of", in a list ("17 townships, among them
      // Tarkwala"), or coordinated with a place ("Kano and Zaria").
      const listed = before === "including" || (before === "them" && lower[first - 2] === "among");
      const context = LOCATIVES.has(before ?? "") || CAPTURE_VERBS.has(before ?? "") || (before === "of" && AREA_NOUNS.has(lower[first - 2] ?? "")) || listed || this.coordinatedPlace(facts, first, last);
      // What a force overruns, or a name followed by ", where", is a place whatever person the recogniser reads ("It also seized Ann").
      const placeOnly = (CONQUEST_VERBS.has(before ?? "") || (after === "," && lower[last + 1] === "where")) && !/-\p{Ll}+$/u.test(word);
      if (context && (type === "GPE" || type === "LOC" || (placeOnly && type !== "ORG"))) return { first, last, type: type === "LOC" ? "LOC" : "GPE", source: "ner" };
      return (type === "ORG" || type === "PER") && ARTICLED.test(tokens[first]!.text) ? { first, last, type, source: "ner" } : undefined;
    }
    // "Jund al-Aqsa, the hardline group that ...": an apposition calls it an organisation, whatever the recogniser reads.
    if (this.describedAsOrganisation(doc, facts, last)) return { first, last, type: "ORG", source: "rule:org-head" };
    // "Padoh Saw Taw Nee, the KNU spokesman, said": an apposition calls the name a person's.
    if (this.describedAsPerson(doc, facts, last) || roleApposedBefore(facts, first)) return { first, last, type: "PER", source: "rule:role" };
    // "Norte de Santander department", "the Dera Ismail Khan district" (not "the Xi Jinping state visit").
    const next = doc.tokens[AREA_ADJECTIVES.has(after ?? "") ? last + 2 : last + 1]?.text ?? ".";
    if ((!/^\p{Ll}/u.test(next) || CLAUSE_WORDS.has(next)) && this.areaAfter(doc, facts, first, last)) return { first, last, type: "GPE", source: "rule:place-head" };
    if (this.roleBefore(doc, first, sentenceFirst)) return { first, last, type: "PER", source: "rule:role" };
    const type = this.recognised(doc, first, last);
    // The recogniser types most land features LOC itself; a zone or line it types LOC may be a company's ("Green Line Investors").
    if ((type === "GPE" && FEATURE_HEADS.has(head)) || (type === "LOC" && LAND_FEATURES.has(head))) return { first, last, type: "LOC", subtype: "region", source: "ner" };
    // "Sinn Féin leader Mary Lou McDonald": a name before a role and a person's name is what the role is of.
    // "First Minister Michelle O'Neill of Sinn Féin": no person is of a person; nor is one formed or founded ("Hurras al-Din was formed by ...").
    const ofPerson = before === "of" && this.endingAt.get(first - 1)?.type === "PER";
    const formed = () => FORMED_AFTER.test(doc.text.slice(tokens[last - 1]!.end, tokens[last - 1]!.end + 120));
    if (type === "PER" && ((ROLE_OF_NAME.has(after ?? "") && capitalised[last + 1] === 1) || ofPerson || formed())) return { first, last, type: "ORG", source: "rule:org-head" };
    // "an assault in Dera Ismail Khan": no person stands where a place preposition points.
    if (type === "PER" && PLACE_ONLY_PREPOSITIONS.has(before ?? "") && !POSSESSIVE.test(tokens[last]?.text ?? "")) return { first, last, type: "GPE", source: "ner" };
    // "the New IRA", "the Real UDA": a name ending in an acronym no list knows as a place is an organisation's, whatever place the recogniser reads.
    const acronymHead = (type === "GPE" || type === "LOC") && core - first > 1 && !COMPASS.has(lower[first]!) && /\p{Ll}/u.test(tokens[first]!.text) && isAcronym(tokens[core - 1]!.text) && !/\d|^[IVXLC]+$/.test(tokens[core - 1]!.text) && !this.gaz.lookup(tokens[core - 1]!.text);
    if (acronymHead) return { first, last, type: "ORG", source: "ner" };
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

  /** Whether token `i` is the surname (without its Arabic article) of a person the document named before. */
  private endsPerson(facts: TokenFacts, i: number): boolean {
    const surname = facts.norm[i]!;
    return !DETERMINERS.has(facts.lower[i - 1] ?? "") && [...this.endingAt.values()].some((d) => d.type === "PER" && facts.norm[d.last - 1]!.replace(ARABIC_ARTICLE, "") === surname);
  }

  private demonyms(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, claim: (d: Draft) => void): void {
    for (let i = first; i < last; i++) {
      const country = facts.taken[i] ? undefined : this.demonymAt(facts, i);
      if (!country) continue;
      const noun = facts.lower[i + 1] ?? "";
      // "Sahrawi was killed": a demonym that a verb follows with no article before is a surname (the article's "an Israeli was" a person).
      if (SURNAME_VERBS.has(noun) && !/s$/.test(facts.lower[i]!)) {
        // A person the document named in full by this surname ("... Abu Walid al-Sahrawi") is that person.
        if (this.endsPerson(facts, i)) claim({ first: i, last: i + 1, type: "PER", source: "ner" });
        continue;
      }
      if (STATE_NOUNS.has(noun) && !facts.taken[i + 1]) {
        claim({ first: i, last: i + 2, type: "GPE", subtype: "country", source: "rule:demonym-state", key: country.key, name: country.name });
      } else if (INSTITUTION_NOUNS.has(noun) && !facts.taken[i + 1]) {
        const subtype = GOVERNMENT_INSTITUTIONS.has(noun) ? "government" : "military";
        claim({ first: i, last: i + 2, type: "ORG", subtype, source: "rule:demonym-institution" });
      } else {
        claim({ first: i, last: i + 1, type: "GPE", subtype: "country", source: "rule:demonym", key: country.key, name: country.name, demonym: true });
      }
    }
  }

  private anaphors(doc: AnalysedDoc, facts: TokenFacts, first: number, last: number, claim: (d: Draft) => void): void {
    const tokens = doc.tokens;
    for (let i = first; i < last; i++) {
      if (facts.taken[i]) continue;
      const word = facts.lower[i]!;
      // Only a word that starts some anaphor can open one.
      if (!this.prunable || ANAPHOR_PREFIXES.has(facts.norm[i]!)) for (const length of ANAPHOR_LENGTHS) {
        if (i + length > last || !facts.free(i, i + length) || !allWords(facts, i, i + length)) continue;
        const phrase = normalise(doc.text.slice(tokens[i]!.start, tokens[i + length - 1]!.end));
        const type = ANAPHOR_TYPES.get(phrase);
        // "at the front", "the front line": a battlefront, no organisation.
        if (phrase === "the front" && (PLACE_PREPOSITIONS.has(facts.lower[i - 1] ?? "") || /^(?:lines?|of|page|door|row|seat)$/.test(facts.lower[i + 2] ?? ""))) continue;
        // "the paramilitary police", "the paramilitary Rangers": an adjective before what it describes.
        if (phrase === "the paramilitary" && (facts.capitalised[i + 2] || PARAMILITARY_NOUNS.has(facts.lower[i + 2] ?? ""))) continue;
        // "the police station", "police officers", "a police chief": a place or people of the police, not the body.
        // "police" without its article only where a clause opens ("Police said", ", police said"), not "the paramilitary police".
        if (/^(?:the )?police$/.test(phrase) && (POLICE_THINGS.has(facts.lower[i + length] ?? "") || /^\p{Lu}/u.test(tokens[i + length]?.text ?? "") || (phrase === "police" && i > first && !CLAUSE_OPENERS.has(facts.lower[i - 1]!)))) continue;
        // "Kenyan security forces", "UN troops", "the troops of the mission": another's forces, or a part named after them
        // (a capital before that names no day or month: "On Monday government troops ...").
        if (STATE_FORCE_DESCRIPTIONS.has(phrase) && ((i > first && (facts.taken[i - 1] || (facts.capitalised[i - 1] && !CALENDAR.has(facts.lower[i - 1]!)))) || facts.lower[i + length] === "of" || facts.capitalised[i + length])) continue;
        if (type) {
          claim({ first: i, last: i + length, type, source: "anaphor", anaphoric: true });
          i += length - 1;
          break;
        }
      }
      const type = PRONOUN_TYPES.get(word);
      if (type && !facts.taken[i] && (tokens[i]!.text === word || i === first)) {
        claim({ first: i, last: i + 1, type, source: "pronoun", anaphoric: true });
      }
    }
  }
}

/** Words of a capitalised office before a name ("Interior Minister", "Chief of Army Staff", "Director General of Police"). */
const OFFICE_WORDS = new Set(
  "detective director deputy vice prime chief head inspector secretary interior foreign defence defense home affairs information finance army police staff state of first federal provincial national security senior supreme attorney opposition political bureau".split(" "),
);

/** Whether an organisation's head before "for" or "of" opens a name in [first, last) ("Movement for ...", "Front of ..."). */
function headBeforePreposition(lower: readonly string[], first: number, last: number): boolean {
  for (let h = first; h < last - 1; h++) if (ORG_HEADS.has(lower[h]!) && (lower[h + 1] === "for" || lower[h + 1] === "of")) return true;
  return false;
}

/** Office words that name a post on their own ("Army Chief", "Bureau Head"). */
const HEAD_OFFICES = new Set(["chief", "head", "director", "secretary"]);

/**
 * Where the name starts after a capitalised office that opens the chunk, if one does: office words
 * and titles, at least one of them a title, then a name that is no office word.
 */
function afterCapitalisedRole(lower: readonly string[], first: number, last: number): number | undefined {
  let k = first;
  let titles = 0;
  for (; k < last - 1 && (OFFICE_WORDS.has(lower[k]!) || TITLES.has(lower[k]!)); k++) if (TITLES.has(lower[k]!) || HEAD_OFFICES.has(lower[k]!)) titles++;
  return k > first && titles > 0 && lower[k] !== "of" && !OFFICE_WORDS.has(lower[k]!) && !TITLES.has(lower[k]!) ? k : undefined;
}

/**
 * Where a titled person's name ends before "of" and another name ("First Minister Jane Doe of the Green Party"):
 * two words of a name at least before "of"; else at `last`.
 */
function personOfEnd(facts: TokenFacts, name: number, last: number): number {
  if (!facts.capitalised[name]) return last;
  for (let k = name + 2; k < last - 1; k++) if (facts.lower[k] === "of" && facts.capitalised[k + 1 + (facts.lower[k + 1] === "the" ? 1 : 0)]) return k;
  return last;
}

/** Whether a capitalised office and then a name start at token `i` ("Chief Minister Sarfraz Bugti"). */
function officeThenName(facts: TokenFacts, i: number, last: number): boolean {
  // "Pakistan Army Chief X": the army belongs to the name before it.
  if (ORG_HEADS.has(facts.lower[i]!)) return false;
  let end = i;
  while (end < last && (facts.nameWord(end) || (facts.lower[end] === "of" && facts.nameWord(end + 1)))) end++;
  return afterCapitalisedRole(facts.lower, i, end) !== undefined;
}

/** Nouns after a weapon's or vehicle's designation ("an M-16 rifle", "F-16 jets"). */
const EQUIPMENT = new Set(
  "rifle rifles gun guns pistol pistols assault jet jets fighter bomber bombers tank tanks missile missiles rocket rockets launcher launchers drone drones helicopter helicopters aircraft plane planes warplane warplanes howitzer howitzers system systems rounds".split(" "),
);
/** What a coalition led by a country is called ("a Russian-led alliance"). */
const LED_NOUNS = new Set(["coalition", "alliance", "force", "forces", "mission"]);
/** Lower-case nouns that call a name beside them an organisation ("the rights group X", "X, the alliance of ..."). */
const APPOSED_NOUNS = new Set(
  "group groups outfit organisation organization movement faction militia militias network alliance coalition party bloc front umbrella wing paramilitary brigade".split(" "),
);
/** Roles that make the name before their apposition a person's ("X, the group's spokesman,"). */
const APPOSED_ROLES = new Set(
  "spokesman spokeswoman spokesperson leader commander chairman chairwoman founder co-founder emir deputy envoy ambassador cleric preacher secretary-general".split(" "),
);
/** "its leader, Florindo Flores,", "the group's commander, X": a role apposed before the name makes it a person's. */
function roleApposedBefore(facts: TokenFacts, first: number): boolean {
  if (facts.lower[first - 1] !== "," || !APPOSED_ROLES.has(facts.lower[first - 2] ?? "")) return false;
  const owner = facts.lower[first - 3] ?? "";
  return ["its", "their", "his", "her", "the"].includes(owner) || /^['’]s?$/.test(owner);
}
/** A name's verb saying it was formed, past a bracketed translation or an aside: '("Guardians of Religion") was formed'. */
const FORMED_AFTER = /^\s*(?:\([^()]*\)\s*)?(?:,[^,.;]*,\s*)?(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?(?:formed|founded|co-founded|established|created|set\s+up|launched)\b/;
/** Roles written between what they are of and the person's name ("Sinn Féin leader X"). */
const ROLE_OF_NAME = new Set("leader chief chairman chairwoman spokesman spokeswoman spokesperson founder commander president".split(" "));
/** Words that may follow a role heading an apposition ("X, the leader of ...", "X, a commander who ..."). */
const ROLE_ENDS = new Set("of for in at who whose said says told".split(" "));
/** Words that may follow the noun heading an apposition ("X, the alliance of ...", "X, a group that ..."). */
const APPOSITION_ENDS = new Set("of that which whose in with based led behind founded formed set established created launched active operating fighting".split(" "));
/** Words before a quoted name that introduce it ('a coalition called "X"'), and the nouns they follow. */
const CALLED = new Set(["called", "named", "dubbed"]);
const NAMING_NOUNS = new Set([...APPOSED_NOUNS, "room", "unit", "cell", "force", "brigade", "battalion", "operation"]);
/** Words that open many organisations' names and name none alone. */
const GENERIC_NAME_WORDS = new Set(
  "national united union people popular democratic islamic islamist free revolutionary new central federal supreme special joint royal republican general great greater grand first second third holy arab muslim christian communist socialist liberal conservative labour green independent international world global local regional".split(
    " ",
  ),
);

/** Heads of companies' names among organisations' heads. */
const COMPANY_HEADS = new Set(["company", "inc", "ltd", "corp", "bank", "group", "fund", "trust", "club"]);

/** A possessive's own token ("'s"). */
const POSSESSIVE = /^['’]s$/;
export const SPELLED_ACRONYM = /^\p{Lu}[\p{Lu}\p{N}-]+$/u;
/** Heads that open organisations' names in other languages. */
const ORG_OPENERS = new Set([..."partido frente movimiento ejército ejercito fuerzas comando comandos coordinadora autodefensas bloque columna cártel clan mouvement armée parti partai harakat-ul kata'ib majlis".split(" "), ...ORG_OPENING_WORDS]);
/** Verbs whose object is a place a force takes. */
const CAPTURE_VERBS = new Set("took seized captured overran retook recaptured stormed besieged shelled".split(" "));
/** Capture verbs whose object is no person. */
const CONQUEST_VERBS = new Set([...CAPTURE_VERBS].filter((verb) => verb !== "took" && verb !== "captured"));
/** Nouns of an area before "of" and a place's name ("the island of X", "much of X"). */
const AREA_NOUNS = new Set("island islands mountains hills marshes forests outskirts much parts part edge heart centre center north south east west".split(" "));
/** Lower-case words inside a name its acronym spells out. */
const INNER_WORDS = new Set(["to", "on", "in", "for", "against", "of", "the", "and"]);

/** A word many names share (a generic word, an organisation's or place's head, an office): alone it names no one. */
function commonNameWord(lower: string): boolean {
  return GENERIC_NAME_WORDS.has(lower) || ORG_HEADS.has(lower) || PLACE_HEADS.has(lower) || OFFICE_WORDS.has(lower);
}

function hasOrgHead(lower: readonly string[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (ORG_HEADS.has(lower[k]!)) return true;
  return false;
}

/** Whether the chunk [first, last) stands in brackets (and quotes) opened at token `bracket`. */
function translates(doc: AnalysedDoc, bracket: number, first: number, last: number): boolean {
  const text = (k: number) => doc.tokens[k]?.text ?? "";
  if (text(bracket) !== "(") return false;
  const open = bracket + 1 === first || (bracket + 2 === first && OPEN_QUOTES.test(text(bracket + 1)));
  const close = text(last) === ")" || (CLOSE_QUOTES.test(text(last)) && text(last + 1) === ")");
  return open && close;
}

/** An acronym in brackets after its long form; mixed case allowed ("JuD", "LeT"). */
const BRACKET_ACRONYM = /^\p{Lu}[\p{L}\p{N}&-]{1,9}$/u;
/** Lower-case words inside a long form its acronym abbreviates ("Mission in Mozambique", "Location & Event"). */
const LONG_FORM_INNER = new Set(["of", "the", "for", "and", "in", "on", "to", "against", "&", "de", "da", "do", "du", "des", "del", "la", "los", "las", "y", "et", "al", "el", "wal", "bin", "ul", "ud"]);
/** Nouns that make a long form an organisation's even where they head no other organisation's name ("... Mission in X", "... Data Project"). */
const LONG_FORM_HEADS = new Set(["mission", "project", "programme", "program", "initiative", "community", "observatory", "monitor", "jamaat", "markaz", "tehreek", "tehrik"]);

/**
 * Whether an acronym's letters abbreviate a long form's words (hyphen parts apart): each letter is
 * a word's first letter, or a capitalised word's next one ("UN Assistance Mission" as UNAMA); the
 * first word gives the first letter, the last capitalised word one letter at least, and a word may
 * give none (SAMIM skips "Development Community"). An acronym of the name in another language
 * ("Movement for Oneness and Jihad in West Africa (MUJAO)") has the same first letter, as many
 * letters as capitalised words, and all but one of its letters among their initials.
 */
function abbreviates(letters: string, words: readonly string[]): boolean {
  const parts = words.flatMap((w) => w.split("-")).filter((w) => w.length > 0);
  const capitals = parts.filter((w) => /^\p{Lu}/u.test(w));
  if (capitals.length === 0 || parts[0]!.toLowerCase()[0] !== letters[0]) return false;
  const lastCapital = parts.lastIndexOf(capitals[capitals.length - 1]!);
  const fits = (k: number, at: number): boolean => {
    if (k === parts.length) return at === letters.length;
    const part = parts[k]!.toLowerCase();
    const upper = /^\p{Lu}/u.test(parts[k]!);
    // Letters this part may give: a capitalised word a prefix of itself, a lower-case one its initial at most.
    const most = upper ? Math.min(part.length, letters.length - at) : Math.min(1, letters.length - at);
    const least = k === 0 || k === lastCapital ? 1 : 0;
    for (let n = most; n >= least; n--) if (part.startsWith(letters.slice(at, at + n)) && fits(k + 1, at + n)) return true;
    return false;
  };
  if (fits(0, 0)) return true;
  const initials = capitals.map((w) => w[0]!.toLowerCase());
  const shared = [...letters].filter((l) => initials.includes(l)).length;
  return letters.length >= 4 && capitals.length === letters.length && shared >= letters.length - 1;
}

/** Lower-case particles that join two capitalised words into one name ("Mocímboa da Praia", "Rio do Sul"). */
const JOINING_PARTICLES = new Set(["da", "do", "dos", "das", "de", "del", "du"]);

/** "Mocímboa da Praia", "Vila do Conde": a listed place after a free name word and a particle ends a longer name. */
function particleBefore(doc: AnalysedDoc, facts: TokenFacts, i: number, sentenceFirst: number): boolean {
  const k = i - 2;
  return k >= sentenceFirst && JOINING_PARTICLES.has(doc.tokens[i - 1]!.text) && facts.nameWord(k) && !facts.taken[k] && !(k === sentenceFirst && SENTENCE_OPENERS.has(facts.lower[k]!));
}

/** Plural nouns whose possessive opens organisations' names ("People's Liberation Army", "Women's Protection Units"). */
const COLLECTIVE_POSSESSORS = new Set(["people", "peoples", "women", "workers", "martyrs", "farmers", "patriots", "mothers", "citizens", "youth", "students"]);

/** Lower-case particles inside persons' names ("Ana de Lima", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set(["de", "da", "di", "do", "dos", "del", "van", "von", "der", "bin", "ibn"]);
/** Relatives' nouns before a person's name ("his brother Abhay"). */
const KIN = new Set("brother sister son daughter wife husband father mother cousin nephew niece uncle aunt".split(" "));
/** Lower-case nouns of an administrative area after its name, and adjectives that may come between ("the Hiiraan region", "the X autonomous region"). */
/** Nouns of an area after a name that the recogniser reads as a place (not "the Commerce department"). */
const ADMIN_NOUNS = new Set(["department", "municipality"]);
const AREA_ADJECTIVES = new Set(["autonomous", "semi-autonomous"]);

/** Words that may follow an area's noun where no noun goes on ("... district, where", "... state in"). */
const CLAUSE_WORDS = new Set("of in on at and or where which that since near to from is was has had".split(" "));


/** Titles that open places' names as well ("Sheikh Zuweid", "Sultan Kudarat"). */
const PLACE_TITLES = new Set(["sheikh", "shaikh", "sultan", "imam"]);
const COMPASS = new Set("north south east west northern southern eastern western central upper lower".split(" "));
/** A ruler's compound before a place: "Turkish-controlled Kirkuk", "Russian-occupied Kherson". */
const RULED = /^\p{Lu}[\p{L}.]*-(?:administered|controlled|held|occupied|ruled)$/u;

/** A word before a place's name that makes another place of it. */
function placeQualifier(text: string, lower: string): boolean {
  return (COMPASS.has(lower) && isUpperFirst(text)) || RULED.test(text);
}

/** Words after which a capital is the place itself ("in Kabul", "an air strike on Beirut"). */
const PLACE_PREPOSITIONS = new Set("in at near outside around into across inside within throughout to toward towards on over via through".split(" "));
/** Verbs that make a capital before them its government ("Tehran denies", "Beijing must"). */
const GOVERNMENT_VERBS = new Set(
  "says said denies denied must will would has have had is was wants wanted insists insisted accused accuses condemned condemns blamed blames rejected rejects warned warns backs backed supports supported claims claimed demands demanded called calls urged urges responded lists designates offers considers regards views sees keeps holds recognises recognizes".split(" "),
);
/** Nouns after a capital's possessive that make it the government ("Washington's support"). */
const POLICY_NOUNS = new Set(
  "support backing policy policies decision government ally allies demands position orders pressure role proxy proxies interests stance response envoy sanctions consent approval blessing behalf failures officials offensive".split(" "),
);
/** Adverbs between a capital and its verb ("Washington long regarded", "Cairo repeatedly denied"). */
const VERB_ADVERBS = new Set("long also never always repeatedly still again quickly swiftly reportedly".split(" "));
const SOURCE_PREPOSITIONS = new Set(["from", "by", "of", "with", "against"]);
/** Past tenses said of a city as a place, not its government ("Kabul fell", "Kyiv shook"). */
const PLACE_VERBS = new Set("based located situated flooded shook burned burnt trembled fell emptied experienced recorded".split(" "));
const SANCTION_NOUNS = new Set(["sanctions", "pressure", "demands", "call", "calls"]);
const MOTION_VERBS = new Set("flew fled travelled traveled returned arrived moved drove flown came went".split(" "));
/** Verbs whose object is a government, never a place ("lobbied Oslo", "urged Ankara to"), and those it is spoken or acted for by ("speaks for Tehran"). */
const ADDRESSED_VERBS = new Set("lobbied lobbies lobby lobbying urged urges pressed presses pressured pressures accused accuses thanked thanks blamed blames criticised criticized criticises criticizes sanctioned".split(" "));
const ACTS_FOR = new Set("speaks speak spoke speaking acts act acted acting works work worked working".split(" "));
/** Nouns after which "to" leads to a government, not a destination ("a favour to Yaoundé", "a message to Washington"). */
const ADDRESSED_NOUNS = new Set("favour favor message letter appeal ultimatum warning threat plea request concession gift overture".split(" "));

/**
 * Whether a capital stands for its country's government here: its subject ("Tehran denies", "Bogotá
 * rejected"), its possessor of a policy ("Washington's support"), the one called on ("called on Caracas to act"), or after "from"/"by"/"of"/"with"/"against"
 * ("orders from Washington", "on behalf of Ankara") — not after a place preposition or a verb of motion.
 */
function speaksForCountry(facts: TokenFacts, first: number, last: number): boolean {
  const before = facts.lower[first - 1] ?? "";
  const after = facts.lower[last] ?? "";
  if (after === "'s" || after === "’s") {
    // "Kinshasa's own failures", "on Washington's behalf"
    const noun = facts.lower[last + 1] === "own" ? facts.lower[last + 2] : facts.lower[last + 1];
    return POLICY_NOUNS.has(noun ?? "");
  }
  // "called on Caracas to act", "sanctions on Kigali"
  if (before === "on" && (after === "to" || SANCTION_NOUNS.has(facts.lower[first - 2] ?? ""))) return true;
  // "lobbied Oslo for years", "speaks for Tehran", "a favour to Yaoundé": who is addressed or served is the government.
  const preceding = facts.lower[first - 2] ?? "";
  if (ADDRESSED_VERBS.has(before) || (before === "for" && ACTS_FOR.has(preceding)) || (before === "to" && ADDRESSED_NOUNS.has(preceding))) return true;
  if (PLACE_PREPOSITIONS.has(before)) return false;
  // "Bogotá rejected", "Washington long regarded": a capital that acts in the past tense is its government.
  const verb = VERB_ADVERBS.has(after) || after.endsWith("ly") ? (facts.lower[last + 1] ?? "") : after;
  if (GOVERNMENT_VERBS.has(verb) || (/^\p{Ll}{3,}ed$/u.test(verb) && !PLACE_VERBS.has(verb))) return true;
  return SOURCE_PREPOSITIONS.has(before) && !MOTION_VERBS.has(facts.lower[first - 2] ?? "");
}

/** Lower-case heads of a government's organs after a place's name ("Kabul police", "Gaza's civil defence agency"). */
const ORGAN_HEADS = new Set(["ministry", "agency", "department", "directorate", "authority", "police"]);
/** Words after "police" that make it a place or a person ("Kabul police station", "Kabul police chief"), or before a head that make it no organ ("Pakistan's largest agency"). */
const ORGAN_STOPS = new Set("station stations post posts checkpoint checkpoints headquarters chief chiefs officer officers own largest biggest main only new former first top other".split(" "));

/**
 * The end of a government organ named after a place ending at token `j`: "police" right after it, or
 * after its possessive up to three lower-case words ending in an organ's head ("'s civil defence agency").
 */
function stateOrgan(doc: AnalysedDoc, facts: TokenFacts, j: number, last: number): number | undefined {
  const tokens = doc.tokens;
  if (facts.lower[j] === "police" && tokens[j]!.text === "police") return ORGAN_STOPS.has(facts.lower[j + 1] ?? "") ? undefined : j + 1;
  if (!POSSESSIVE.test(tokens[j]?.text ?? "")) return undefined;
  for (let k = j + 1; k < Math.min(last, j + 5); k++) {
    const word = tokens[k]!.text;
    if (!/^\p{Ll}+$/u.test(word) || ORGAN_STOPS.has(word) || facts.taken[k]) return undefined;
    if (ORGAN_HEADS.has(word)) return ORGAN_STOPS.has(facts.lower[k + 1] ?? "") ? undefined : k + 1;
  }
  return undefined;
}

/** Heads of a state's own name ("Government of Pakistan", "Republic of Mali"): the place is the actor. */
const STATE_HEADS = new Set(["government", "republic", "state", "kingdom", "emirate", "federation", "union"]);

/**
 * A place that ends an organisation's name after "of"/"for"/"the" ("Armed Forces of the
 * Philippines", "Democratic Forces for the Liberation of Rwanda"): the capitalised words before,
 * with an organisation's head among them, run on into the place, which is no actor of its own here.
 */
function orgNameBefore(facts: TokenFacts, i: number): boolean {
  let k = i - 1;
  if (!["of", "for", "the"].includes(facts.lower[k] ?? "")) return false;
  let head = false;
  for (let words = 0; k >= 0 && words < 8; k--, words++) {
    const lower = facts.lower[k]!;
    if (CONNECTORS.has(lower) && lower !== "and") continue;
    if (!facts.nameWord(k) || facts.taken[k]) break;
    if (STATE_HEADS.has(lower) || TITLES.has(lower) || OFFICE_WORDS.has(lower)) return false;
    head ||= ORG_HEADS.has(lower);
  }
  return head;
}

function allWords(facts: TokenFacts, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (!facts.word[i]) return false;
  return true;
}

/** What a group's branch does, or who it has, right after its name ("Sahel Province claimed", "Sahel Province fighters"). */
const BRANCH_ACTS = new Set("claimed claims attacked attacks ambushed raided stormed killed kidnapped abducted executed beheaded fighters militants jihadists insurgents".split(" "));

/** Verbs after a singular demonym that make it a person's name or a person ("Sahrawi was killed", "an Israeli was hurt"). */
/** The article that opens many Arabic surnames ("al-Sahrawi"), which a surname used alone may drop ("Sahrawi said"). */
export const ARABIC_ARTICLE = new RegExp(`^(?:${ARTICLES})[ -]`, "i");
const SURNAME_VERBS = new Set("was is has had said says told added denied died fled".split(" "));
const DETERMINERS = new Set(["a", "an", "the", "one", "another", "every", "each", "no"]);

const BRANCH_NOUNS = new Set(["province", "wing", "branch", "chapter", "faction", "affiliate", "brigade"]);

/**
 * `its “Khorasan” province`: a name before a branch noun, owned by a possessive, names an
 * organisation's branch, not a place; resolution ties it to the organisation whose name ends so.
 * A place's possessive owns a place ("Congo's North Kivu province"). `endingAt` holds the drafts by their end.
 */
function extendBranch(doc: AnalysedDoc, facts: TokenFacts, d: Draft, endingAt: ReadonlyMap<number, Draft>): void {
  const tokens = doc.tokens;
  let next = d.last;
  if (CLOSE_QUOTES.test(tokens[next]?.text ?? "")) next++;
  let prev = d.first - 1;
  if (OPEN_QUOTES.test(tokens[prev]?.text ?? "")) prev--;
  const owner = facts.lower[prev];
  if (!BRANCH_NOUNS.has(facts.lower[next] ?? "") || !(owner === "its" || owner === "their" || /['’]s$/.test(owner ?? ""))) return;
  const possessor = POSSESSIVE.test(tokens[prev]!.text) ? endingAt.get(prev)?.type : undefined;
  if (possessor === "GPE" || possessor === "LOC") return;
  Object.assign(d, { last: next + 1, type: "ORG", subtype: "armed_group", source: "rule:branch", key: undefined, name: undefined });
}

/** Nouns of an organisation's own office or service after its acronym ("the AU peace mission", "the EU border agency"). */
const UNIT_NOUNS = new Set(["office", "agency", "services", "mission", "commission"]);

/**
 * "the AU peace mission", "the EU border agency": an organisation's acronym, then up
 * to two lower-case words and an office's or service's noun, name an organisation of its own.
 */
function extendUnit(doc: AnalysedDoc, facts: TokenFacts, d: Draft): void {
  if (d.type !== "ORG" || d.last - d.first !== 1 || !isAcronym(doc.tokens[d.first]!.text)) return;
  for (let end = d.last + 1; end <= d.last + 3; end++) {
    const k = end - 1;
    if (facts.taken[k] || !/^\p{Ll}+$/u.test(doc.tokens[k]?.text ?? "") || SENTENCE_OPENERS.has(facts.lower[k]!)) return;
    if (UNIT_NOUNS.has(facts.lower[k]!)) {
      Object.assign(d, { last: end, subtype: undefined, source: "rule:org-unit", key: undefined, name: undefined });
      return;
    }
  }
}

/** Words before "known as" another name ("better known as"), here and where the resolver joins the two names. */
export const ALSO_WORDS = new Set(["also", "better", "widely", "locally", "popularly", "formerly", "previously", "originally", "once"]);

/**
 * "Kakuma camp", "the Bagram air base": a name the recogniser found, with a camp or an air base's
 * noun after it, names that site (a camp only after a place: "the Labour camp" is a faction).
 */
function withSite(facts: TokenFacts, d: Draft): Draft {
  if (d.source !== "ner" || facts.taken[d.last]) return d;
  const next = facts.lower[d.last];
  const words = next === "camp" && (d.type === "GPE" || d.type === "LOC") ? 1 : next === "airbase" || next === "airfield" ? 1 : (next === "air" || next === "naval") && facts.lower[d.last + 1] === "base" && !facts.taken[d.last + 1] ? 2 : 0;
  return words === 0 ? d : { ...d, last: d.last + words, type: "LOC", subtype: "region" };
}

const QUOTED_NAME_INTRODUCERS = new Set(["the", "allied", "so-called", "its", "their", "a", "an"]);
/** Descriptions too general to name one organisation when quoted ('"terrorist forces"'). */
const DESCRIPTIVE = new Set("terrorist terror militant jihadist foreign security armed enemy rebel occupation occupying government".split(" "));

/**
 * Lower-case names that the text sets off in quotes once ('the allied "border forces"'): a quoted
 * phrase of two or three words ending in an organisation's head, which is no description.
 */
function quotedNames(facts: TokenFacts, tokens: readonly Token[]): string[][] {
  const names: string[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Straight quotes open and close alike: a name's quotes follow the word introducing it ('the allied "border forces"').
    if (!OPEN_QUOTES.test(tokens[i]!.text) || !QUOTED_NAME_INTRODUCERS.has(facts.lower[i - 1] ?? "")) continue;
    for (const length of [2, 3]) {
      const words = facts.lower.slice(i + 1, i + 1 + length);
      if (!CLOSE_QUOTES.test(tokens[i + 1 + length]?.text ?? "") || !words.every((w, k) => /^\p{Ll}+$/u.test(tokens[i + 1 + k]!.text))) continue;
      if (ORG_HEADS.has(words[length - 1]!) && !DESCRIPTIVE.has(words[0]!) && !ANAPHOR_TYPES.has(`the ${words.join(" ")}`)) names.push(words);
    }
  }
  return names;
}

/** Every free use of a quoted lower-case name in the sentence, quoted or not, is that organisation. */
function lowerCaseNames(facts: TokenFacts, first: number, last: number, names: string[][], claim: (d: Draft) => void): void {
  for (let i = first; i < last; i++) {
    const words = names.find((w) => w.every((word, k) => facts.lower[i + k] === word && !facts.taken[i + k]));
    if (!words) continue;
    claim({ first: i, last: i + words.length, type: "ORG", source: "rule:org-head", name: words.join(" ") });
    i += words.length - 1;
  }
}

/** The integers from `from` up to before `to`. */
function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function isOpener(word: string, lower: string): boolean {
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
