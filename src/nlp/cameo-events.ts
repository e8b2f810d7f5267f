import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Event, PloverType } from "../model/index.js";
import { subjectBefore } from "./clauses.js";
import type { AnalysedDoc, Component } from "./doc.js";
import { addEvent, isTerritory, NOT_THE_STATE, possessive, WEEKDAYS } from "./events.js";
import { ENT_G, type MaskedSentence } from "./masked.js";

/** The compiled CAMEO verb dictionary (scripts/build-cameo-verbs.ts). */
export const CAMEO_VERBS_PATH = fileURLToPath(new URL("../../models/cameo-verbs.json", import.meta.url));

interface CameoModel {
  /** Verb form -> [synonym block, the verb's default CAMEO code, the verb it is a form of]. */
  verbs: Record<string, VerbEntry>;
  /** The bare roots ("support", "attack"), read only after "will". */
  roots: Record<string, VerbEntry>;
  /** Each block's phrase patterns: words before the verb, words after it, CAMEO code, the verb it was written for ("": any of the block's). */
  blocks: { name: string; patterns: [string[], string[], string, string][] }[];
  /** Synonym sets named in patterns ("&WEAPON"). */
  synsets: Record<string, string[]>;
  /** CAMEO code -> PLOVER type (null: none of ours, or no event). */
  types: Record<string, PloverType | null>;
}

type VerbEntry = [block: number, code: string, verb: string];

/** A verb form found in a sentence: its masked offset and length, block, default code and the verb it is a form of. */
interface Verb {
  at: number;
  length: number;
  block: number;
  code: string;
  head: string;
  /** A bare root ("will support"). */
  root?: boolean;
}

/** Auxiliaries before a participle that make it passive ("was attacked by"). */
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:(?:also|then|reportedly|allegedly|\w+ly)\s+)?$/i;
/** Modals and infinitives: what someone will, would or wants to do has not happened (the event rules read vows and threats). */
const UNREAL = /\b(?:to|will|would|could|can|cannot|may|might|must|shall|should|not|never|n['’]t|wants?|plans?|intends?|refused|failed|if|unless)\s+(?:(?:be|have|been|also|not|\w+ly)\s+)*$/i;
/** Where the verb's clause ends: a full stop, a semicolon, a reported or subordinate clause, or a new coordinated clause. */
const CLAUSE_END = /[.;:!?]|[“"”]|,\s*(?:saying|adding|claiming|which|who|while|as|but|and|after|before|when)\b|\s(?:that|because|after|before|when|while|but|whereas|although|if|unless|what|which|who|whom)\s/i;
/**
 * What may stand between a verb and its object: a preposition of the verb's own first ("clashed
 * with", "protested against"), then determiners, numbers and modifiers, but no other preposition
 * than the "of" of a group's people or posts ("detained 12 members of X", "shelled positions of X").
 */
const OBJECT_GAP = /^\s*(?:(?:with|against|to|on|at|upon)\s+)?(?:(?:\d+|several|some|dozens|scores|hundreds|many|two|three|four|five|six|seven|eight|nine|ten)\s+(?:of\s+)?)?(?:(?:[\w-]+\s+)?(?:members|supporters|fighters|militants|leaders|commanders|factions|units|soldiers|troops|officers|officials|activists|followers|positions|bases)\s+of\s+(?:the\s+)?)?(?:(?!(?:in|at|near|from|during|since|across|inside|outside|throughout|around|after|before|until|over|via|through|within|under|into|of|for|by|with|among|alongside|beside|between|on|to|against)\b)[\w'’-]+\s+){0,4}$/i;
/** A state's own body after its people's adjective. */
const STATE_BODY = /^\s+(?:government|forces|troops|soldiers|army|military|navy|police|authorities|officials|ministers?|embassy|leaders?|president)\b/i;
/** A role after an entity makes it the modifier of the person named next ("JuD spokesman X"). */
const ROLE_AFTER = /^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|leader|chief|commander|founder|co-founder|members?|officials?|minister|president|head|emir)\b/i;
/** An entity that modifies the next one ("⟦Pakistan⟧'s intelligence agency ⟦X⟧"): no preposition or conjunction between them. */
const MODIFIES_NEXT = /^(?:['’]s)?\s*(?:(?!(?:to|in|at|on|from|for|with|by|of|and|or|but|against|into|over|near|after|before|during|since|as)\b)[\w-]+\s+){0,2}?⟦/i;
/** A proposal, offer or demand and its author ("rejected a fresh offer from X", "rejected the plan put forward by X"): the author is the one rejected. */
const PROPOSAL_FROM = /^\s*(?:(?:the|an?|its|their|this|that|latest|new|fresh|[\w-]+ly)\s+){0,3}(?:[\w-]+\s+)?(?:offers?|proposals?|plans?|requests?|demands?|calls?|appeals?|bids?|invitations?|initiatives?|ultimatums?|overtures?)\s+(?:(?:put\s+forward|made|issued|sent)\s+)?(?:from|by)\s+(?:the\s+)?$/i;
/** What is asked and of whom ("demanded autonomy from X", "sought an apology from X"). */
const ASKED_OF = /^\s*(?:(?!(?:in|at|near|during|since|after|before|to|for|with|by|on)\b)[\w'’-]+\s+){1,5}(?:from|of)\s+(?:the\s+)?$/i;
/** A pattern's noun and the preposition that aims it ("aid to", "sanctions on", "rockets at"). */
const AIMED_AT = /^\s*(?:(?!(?:in|at|near|during|since|after|before|by|of|for|to|on|from|with|against|into)\b)[\w'’-]+\s+){1,4}(?:to|on|against|from|with|at|into)\s+(?:the\s+)?$/i;
/** Types of giving, whose object's "to" names the one given to. */
const GIVING = new Set<PloverType>(["AGREE", "AID", "SUPPORT", "COOPERATE", "CONCEDE"]);
/** What is given and to whom ("offered its troops to", "handed over 700 kg of medicine to"). */
const GIVEN_TO = /^\s*(?:over\s+)?(?:(?:of\s+)?(?!(?:in|at|near|during|since|after|before|by|for|to|on|from|with|against|into)\b)[\w'’,.-]+\s+){1,6}to\s+(?:the\s+)?$/i;
/** Only a time (or nothing) between a verb and the clause after it ("demanded on Friday that ..."). */
const TIME_ONLY = new RegExp(`^\\s*(?:(?:on\\s+)?(?:${WEEKDAYS}|today|yesterday|again|also)\\s*)*$`, "i");
/** The subject of a "that" clause right after a demand: "that (the) X ...". */
const DEMAND_THAT = /^\s*that\s+(?:the\s+)?⟦(e\d+)⟧(?!['’]s)/;
/** "⟦X⟧, the ... ,", "⟦X⟧, ⟦Y⟧'s ... ,": an apposition (no verb of its own: no "who", "which", "said") right before the verb. */
const APPOSED = /⟦(e\d+)⟧\s*,\s*(?:(?:the|an?)\s|⟦e\d+⟧['’]s\s)(?:(?!\b(?:who|which|that|said|says|and)\b)[^,;:])*,\s*$/;
/** "A member of ⟦X⟧, ⟦Y⟧, ...": the name after a description that opens the sentence. */
const NAME_APPOSED = /^\s*(?:an?|the)\s(?:(?!\b(?:who|which|that|said|says|and)\b)[^,;:])*,\s*⟦(e\d+)⟧\s*(?:\([^)]*\)\s*)?,\s*$/i;
/** The agent of a passive verb, in its clause. */
const AGENT = /^(?:\s+(?!by\b)\S+){0,4}?\s+by\s+(?:the\s+)?(?:(?!(?:in|at|on|of|from|for|with|to|near)\s)[\p{L}-]+\s+){0,2}?⟦(e\d+)⟧/u;
/** Words of one clause before and after a verb that its patterns are read over. */
const WORDS = /⟦e\d+⟧|[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/**
 * What may stand between a subject and its verb: the body of the actor named ("Burmese troops", "the
 * APEC forum"), auxiliaries, adverbs and a day; any other word makes the entity a modifier of
 * someone else ("X's spokesman", "X-based").
 */
const BETWEEN_WORDS =
  `\\s*(?:(?:forces|troops|soldiers|army|military|navy|police|government|authorities|officials?|ministers?|leaders?|leadership|forum|delegation|parliament|cabinet|rebels|fighters|militants|guerrillas|gunmen|warplanes|jets|aircraft|security\\s+forces|foreign\\s+ministers?)\\s+` +
    // ... with what it is made of or uses ("aircraft including helicopter gunships", "jets using guided missiles"), no name in it.
    `(?:(?:including|using|armed\\s+with|equipped\\s+with)\\s+(?:[\\w-]+\\s+){1,4}?)?)?` +
    `(?:(?:has|have|had|is|are|was|were|been|being|will|would|ready\\s+to|willing\\s+to|prepared\\s+to|also|then|later|again|already|now|still|jointly|in\\s+principle|(?:last|this)\\s+(?:week|month|year|night|weekend)|\\w+ly|(?:on\\s+)?(?:${WEEKDAYS})|today|yesterday|tonight)\\s+)*$`;
const BETWEEN = new RegExp(`^${BETWEEN_WORDS}`, "i");
/** The same after an entity (and its bracketed acronym): the cheap first test that a verb has a subject right before it. */
const SUBJECT_TAIL = new RegExp(`⟧(?:\\s*\\([^)]*\\))?(?:['’]s)?${BETWEEN_WORDS}`, "i");
/** A target is among the first words after the verb (a name given as its object), not far into the clause. */
const MAX_TARGET_GAP = 5;
/** A preposition of place or time right before an entity. */
const LOCATIVE_BEFORE = new RegExp(`\\b(?:in|at|near|into|on|inside|across|during|since|from|of)\\s+(?:the\\s+)?(?:(?!(?:${WEEKDAYS})\\b)[\\w-]+\\s+)?$`, "i");
const PRONOUN = /^(?:it|they|he|she|we)$/i;
/** "activists from the defeated X", "members of X": an organisation's own people act for it. */
const ITS_PEOPLE = /\b(?:members|activists|supporters|followers|fighters|militants|gunmen|leaders|officials)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+)?$/i;
const PREPOSITION = /^(?:on|in|at|for|with|to|from|of|by|against|into|over|about|up|out|off|down|back)$/;
/** How many words after the verb a pattern's words are looked for in. */
const PATTERN_WINDOW = 8;
const BE = /^(?:is|are|was|were|been)$/i;
const FUTURE_WORD = /^(?:will|would|to)$/i;
/** Gate words: a finite form (or a phrase's first word), an -ing form (after "is", "was" ...), a bare root (after "will", "to"). */
const GATE_FORM = 0;
const GATE_ING = 1;
const GATE_ROOT = 2;
/** A declared intent right before a bare root: "will", "is ready to", "are willing to", "is prepared to". */
const FUTURE = /\b(?:will|(?:is|are|was|were)\s+(?:ready|willing|prepared)\s+to)\s+(?:also\s+|soon\s+|now\s+)?$/i;
/** An intent announced in reported speech: "X said (on Monday) (that) it would attack Y". */
const ANNOUNCED = new RegExp(`\\b(?:said|says|announced|confirmed|declared|vowed|pledged|promised)\\s+(?:(?:on\\s+)?(?:${WEEKDAYS}|today|yesterday)\\s+)?(?:that\\s+)?⟦e\\d+⟧\\s+would\\s+(?:also\\s+|soon\\s+)?$`, "i");
/** What an intent to do each type of deed is: to cooperate is to AGREE, to use force or sanctions a threat; others none. */
const INTENT: Partial<Record<PloverType, PloverType>> = {
  SUPPORT: "AGREE", COOPERATE: "AGREE", AID: "AGREE", CONSULT: "AGREE", CONCEDE: "AGREE", RETREAT: "AGREE", AGREE: "AGREE",
  ASSAULT: "THREATEN", COERCE: "THREATEN", SANCTION: "THREATEN", THREATEN: "THREATEN",
};
/** A verb of its own after the object's "to" ("agreed to acquire X"): X is that verb's. */
const OTHER_VERB = /\bto\s+(?!(?:the|an?|its|their|his|her|our)\b)[a-z]+\s/i;
/** Types read in the passive: deeds done to someone ("was arrested by"); "is guaranteed by", "was offered by" are no events between actors. */
const PASSIVE_TYPES = new Set<PloverType>(["ASSAULT", "COERCE", "ACCUSE", "SANCTION", "THREATEN"]);
/** Types done to a place as well as to an actor; others ("visited Manchester") need an actor as target. */
const PHYSICAL_TYPES = new Set<PloverType>(["ASSAULT", "COERCE", "THREATEN"]);
/** Types whose deed stands without an actor as target, given an object ("killed 12 civilians", "demanded elections"). */
const TARGETLESS = new Set<PloverType>(["ASSAULT", "COERCE", "REQUEST", "SANCTION", "MOBILIZE", "REJECT", "THREATEN", "AGREE"]);
/** A threat's or an agreement's deed ("threatened (on Monday) to resume attacks", "agreed (in principle) to resign"): its object is what is threatened or agreed. */
const THREAT_DEED = new RegExp(`^\\s+(?:(?:on\\s+)?(?:${WEEKDAYS}|today|yesterday|again|also|in\\s+principle)\\s+)*to\\s+[a-z]`, "i");
/** What a refusal to speak refuses ("refused to comment", "refused to blame X", "refused to rule out an interest"): no one's demand. */
const REFUSED_WORDS = /^\s+(?:\w+\s+)?to\s+(?:comment|discuss|say|speak|talk|elaborate|disclose|reveal|confirm|deny|specify|identify|name|value|speculate|answer|give|blame|criticise|criticize|predict|estimate|go\s+into|rule\s+out)\b/i;
/** A noun phrase right after the verb, its object (not "X killed in a raid", a participle): a determiner, a number or a quantity. */
const NOUN_OBJECT = /^\s+(?:the|an?|its|their|his|her|\d[\d,.]*|several|some|dozens|scores|hundreds|thousands|many|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty)\s/i;
/** A list of objects after the first: ", ⟦Y⟧ and (the) ⟦Z⟧". */
const CO_OBJECTS = /^(?:\s*,\s*(?:the\s+)?⟦e\d+⟧)*\s*,?\s+and\s+(?:the\s+)?⟦e\d+⟧/;
/** A list of subjects before the last one, opening its clause: "(The) ⟦X⟧, ⟦Y⟧ and (the) ". */
const CO_SUBJECTS = /^\s*(?:(?:the|both)\s+)?((?:⟦e\d+⟧\s*,\s*(?:the\s+)?)*⟦e\d+⟧)\s*,?\s+and\s+(?:the\s+)?$/i;
/** A conditional or an exception before the subject: "If X agrees", "all members except X and Y agreed". */
const NOT_ASSERTED = /\b(?:if|unless|whether|except|excluding|other\s+than|but\s+not)\s+(?:[^,;⟦]*?\s)?(?:⟦e\d+⟧\s*,?\s*(?:and|or)\s+)*$/i;

/**
 * A dictionary event coder after PETRARCH: each verb form of the CAMEO verb dictionary in a
 * sentence, with its clause subject as source and the first entity of its object as target (a
 * passive's agent and subject the other way round), takes the CAMEO code of the longest phrase
 * pattern its clause matches, else the verb's own, and so a PLOVER type. It runs after the event
 * rules and adds an event only where they made none for that sentence and pair of actors; what
 * someone reports ("X said Y attacked Z") is stored as that speaker's claim, as the rules do.
 */
export class CameoEventCoder implements Component {
  readonly name = "cameo-events";
  private readonly model: CameoModel;
  /** Single-word forms, and the multi-word forms by their first word. */
  private readonly single = new Map<string, VerbEntry>();
  private readonly multi = new Map<string, [string[], VerbEntry][]>();
  private readonly roots = new Map<string, VerbEntry>();
  /** Each word that may open the gate, with what must come before it. */
  private readonly gate = new Map<string, number>();

  constructor(model: CameoModel = JSON.parse(readFileSync(CAMEO_VERBS_PATH, "utf8")) as CameoModel) {
    this.model = model;
    for (const [form, entry] of Object.entries(model.roots)) if (!form.includes(" ")) this.roots.set(form, entry);
    for (const form of this.roots.keys()) this.gate.set(form, GATE_ROOT);
    for (const [form, entry] of Object.entries(model.verbs)) {
      const [block, code] = entry;
      // A form with no type of ours and no block pattern that could give one can add nothing.
      if (!model.types[code] && !model.blocks[block]!.patterns.some(([, , c]) => model.types[c])) continue;
      const words = form.split(" ");
      this.gate.set(words[0]!, words.length === 1 && form.endsWith("ing") ? GATE_ING : GATE_FORM);
      if (words.length === 1) this.single.set(form, entry);
      else {
        const list = this.multi.get(words[0]!) ?? this.multi.set(words[0]!, []).get(words[0]!)!;
        list.push([words.slice(1), entry]);
      }
    }
  }

  /** How many of the document's events the rules made: those before the coder's. */
  private ruled = 0;

  run(doc: AnalysedDoc): void {
    this.ruled = doc.events.length;
    for (let s = 0; s < doc.sentences.length; s++) {
      // The cheap gate: a sentence with no dictionary verb form among its tokens is not masked or scanned.
      if (!this.anyForm(doc, s)) continue;
      const masked = doc.masked(s);
      // A source is an entity before the verb: the search starts after the first.
      const first = masked.text.indexOf("⟦");
      if (first < 0) continue;
      for (const verb of this.verbs(masked.text, first)) this.code(doc, masked, verb);
    }
  }

  private anyForm(doc: AnalysedDoc, sentence: number): boolean {
    const { first, last } = doc.sentences[sentence]!;
    for (let t = first; t < last; t++) {
      const raw = doc.tokens[t]!.text;
      // Most words are written in lower case: only a capitalised one is lowered.
      const kind = this.gate.get(raw.charCodeAt(0) < 97 ? raw.toLowerCase() : raw);
      if (kind === undefined) continue;
      if (kind === GATE_FORM) return true;
      // An -ing form is coded only after "is", "was" ...: elsewhere it is a noun or a participle; a root only after "will" or "ready to".
      if (t > first && (kind === GATE_ING ? BE : FUTURE_WORD).test(doc.tokens[t - 1]!.text)) return true;
    }
    return false;
  }

  /** Dictionary verb forms from `from` on (a multi-word form before its first word alone). */
  private *verbs(text: string, from: number): Generator<Verb> {
    const lower = text.toLowerCase();
    const words = [...lower.slice(from).matchAll(/[a-z][a-z-]*/g)];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const at = from + w.index!;
      // A word inside a compound ("UAE-backed") or a placeholder is no verb.
      if (/[\w-⟧]/.test(lower[at - 1] ?? " ")) continue;
      const phrases = this.multi.get(w[0]);
      const phrase = phrases?.find(([rest]) => rest.every((r, k) => words[i + 1 + k]?.[0] === r));
      if (phrase) {
        const last = words[i + phrase[0].length]!;
        const [block, code, head] = phrase[1];
        yield { at, length: from + last.index! + last[0].length - at, block, code, head };
        i += phrase[0].length;
        continue;
      }
      const single = this.single.get(w[0]);
      if (single) yield { at, length: w[0].length, block: single[0], code: single[1], head: single[2] };
      const root = single ? undefined : this.roots.get(w[0]);
      if (root) yield { at, length: w[0].length, block: root[0], code: root[1], head: root[2], root: true };
    }
  }

  private code(doc: AnalysedDoc, masked: MaskedSentence, verb: Verb): void {
    const text = masked.text;
    // Only the last words before the verb are read: its subject stands right before it.
    const head = text.slice(0, verb.at);
    const tail = head.slice(-160);
    const tailed = SUBJECT_TAIL.test(tail);
    const apposed = tailed ? undefined : appositionSubject(tail, head.length - tail.length);
    if (!tailed && !apposed) return;
    // A verb the event rules have read ("accused X's Y of ...") is theirs, whatever pair they chose.
    const [verbStart] = masked.span(verb.at, verb.at + 1);
    for (let i = 0; i < this.ruled; i++) if (doc.events[i]!.provenance.some((p) => p.sentence === masked.index && p.start <= verbStart && verbStart < p.end)) return;
    const form = text.slice(verb.at, verb.at + verb.length).toLowerCase();
    // "X will support Y", "X is ready to send troops": an intent, PLOVER's AGREE, or for force a THREATEN; a bare root means nothing else.
    const intent = verb.root && (FUTURE.test(head) || ANNOUNCED.test(head));
    if (verb.root ? !intent : UNREAL.test(head)) return;
    const passive = PASSIVE.test(head) && !form.endsWith("ing");
    // A bare -ing form is a noun or a participle whose subject is not before it ("the fighting", ", accusing X").
    if (form.endsWith("ing") && !/\b(?:is|are|was|were|been)\s+$/i.test(head)) return;
    const restFull = text.slice(verb.at + verb.length);
    const clauseEnd = CLAUSE_END.exec(restFull)?.index ?? restFull.length;
    const rest = restFull.slice(0, clauseEnd);
    const subject = apposed ?? subjectBefore(masked, verb.at);
    // "a strike in Syria has killed": a place or time is no subject.
    if (!subject) return;
    // "when it also convicted ...", "they had agreed": the coder, the weakest reading, takes a pronoun only for a name before it in its
    // sentence ("Japan said it had halted aid"), not a resolution from sentences before.
    if (this.pronoun(doc, masked, subject.at, subject.entity) && !this.namedBefore(doc, masked, subject.at, subject.entity)) return;
    const lead = text.slice(0, subject.at);
    if (LOCATIVE_BEFORE.test(lead) && !(doc.entity(subject.entity)?.type === "ORG" && ITS_PEOPLE.test(lead))) return;
    if (isTerritory(doc.entity(subject.entity)) || NOT_ASSERTED.test(text.slice(clauseStart(head), subject.at))) return;
    // "supporters of X blocked roads", "the wife of X said": a person named after "of" is not the one who acts.
    if (doc.entity(subject.entity)?.type === "PER" && /\bof\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(text.slice(0, subject.at))) return;
    // Only auxiliaries and adverbs may stand between a subject and its verb: other words make the entity a modifier ("X's spokesman said").
    const between = apposed ? "" : text.slice(subject.at + `⟦${subject.entity}⟧`.length, verb.at).replace(/\([^)]*\)/g, " ");
    if (!BETWEEN.test(between)) return;
    // "Sudanese rebels shelled Juba": a country's rebels are not the country (an organisation's "militants" are its own).
    if (doc.entity(subject.entity)?.type !== "ORG" && NOT_THE_STATE.test(between)) return;
    // "its forces", "the group's attacks": after a possessive a word in -s is a noun.
    if (/s$/.test(form) && !between.trim() && possessive(masked, subject.at, `⟦${subject.entity}⟧`.length)) return;
    const { type: coded, noun, object: named } = this.type(verb, text.slice(clauseStart(head), verb.at), rest);
    const type = intent && coded ? INTENT[coded] : coded;
    if (!type || (passive && !PASSIVE_TYPES.has(type))) return;
    let source: string;
    let target: string | null;
    let others: string[] = [];
    let end = verb.at + verb.length;
    if (passive) {
      const agent = AGENT.exec(rest);
      if (!agent) return;
      source = agent[1]!;
      target = subject.entity;
      end += agent.index + agent[0].length;
    } else {
      source = subject.entity;
      const object = this.object(doc, masked, verb.at + verb.length, rest, source, type, noun) ?? this.demandee(restFull.slice(clauseEnd), rest, type);
      target = object?.entity ?? null;
      others = (object as { others?: string[] } | undefined)?.others ?? [];
      if (object) end += object.end;
    }
    if (source === target) return;
    if (isTerritory(doc.entity(source)) || (target !== null && !PHYSICAL_TYPES.has(type) && isTerritory(doc.entity(target)))) return;
    const hit = (t: string) => t !== source && (PHYSICAL_TYPES.has(type) || !isTerritory(doc.entity(t)));
    let pairs: [string, string | null][] = [[source, target], ...others.filter(hit).map((t): [string, string] => [source, t])];
    let from = subject.at;
    // A protest needs no target; other events without one ("X retired", "troops pulled back") are too often no event between actors.
    // "X has deported 168 migrants", "X demanded immediate elections": a deed with an object named by no actor is X's alone.
    // Not a progressive form: "is taking the lead", "has been battling the flu"; a threat or an agreement only to a deed
    // ("threatened to resume attacks", "agreed to resign"; not "threatened the talks").
    // A refusal of a deed ("refused to commit troops", "is refusing to lift the curfew") stands alone too, in the progressive as well:
    // an ongoing refusal is one.
    const deedOnly = type === "THREATEN" || type === "AGREE";
    // Only "refuse": "declined to" mostly keeps a company's figures to itself; refusing to comment, discuss or blame is no rejection of anyone.
    const refusal = type === "REJECT" && verb.head === "refuse" && !REFUSED_WORDS.test(rest);
    const ofDeed = (deedOnly || refusal) && THREAT_DEED.test(rest);
    const progressive = form.endsWith("ing") && !(type === "REJECT" && ofDeed);
    const alone = type === "PROTEST" || (TARGETLESS.has(type) && !passive && !intent && !progressive && (ofDeed || (!deedOnly && (named || NOUN_OBJECT.test(rest)))));
    // "X and Y agreed to ...", "X and Y met": with no object, each did it with the other (not "X and Y will host the show").
    const other =
      target !== null || passive || intent || (type !== "AGREE" && type !== "CONSULT") ? undefined : /⟦(e\d+)⟧\s+and\s+(?:the\s+)?$/.exec(text.slice(0, subject.at));
    const mutual = other && other[1] !== source && !isTerritory(doc.entity(other[1]!)) && !NOT_ASSERTED.test(text.slice(clauseStart(head), other.index));
    if (target === null && !alone && !mutual) return;
    if (other && mutual) {
      pairs = [
        [other[1]!, source],
        [source, other[1]!],
      ];
      from = other.index;
    } else {
      // "X and Y attacked Z", "X, Y and Z were attacked by W": each of a list of subjects that opens the clause did it (or had it done).
      const start = clauseStart(head);
      const list = CO_SUBJECTS.exec(text.slice(start, subject.at));
      for (const co of list ? list[1]!.matchAll(ENT_G) : []) {
        const id = co[1]!;
        if (id === source || id === target || isTerritory(doc.entity(id))) continue;
        pairs.push(passive ? [source, id] : [id, target]);
        from = Math.min(from, start + list!.index + co.index!);
      }
    }
    for (const [s, t] of pairs) this.add(doc, masked, type, s, t, from, end, verb.at);
  }

  private pronoun(doc: AnalysedDoc, masked: MaskedSentence, at: number, entity: string): boolean {
    const [start, end] = masked.span(at, at + `⟦${entity}⟧`.length);
    return PRONOUN.test(doc.text.slice(start, end));
  }

  /** Whether `entity` is named (not by a pronoun) before offset `at` of its sentence. */
  private namedBefore(doc: AnalysedDoc, masked: MaskedSentence, at: number, entity: string): boolean {
    const mark = `⟦${entity}⟧`;
    for (let i = masked.text.indexOf(mark); i >= 0 && i < at; i = masked.text.indexOf(mark, i + 1)) if (!this.pronoun(doc, masked, i, entity)) return true;
    return false;
  }

  private add(doc: AnalysedDoc, masked: MaskedSentence, type: PloverType, source: string, target: string | null, from: number, to: number, verbAt: number): void {
    if (!doc.entity(source) || (target !== null && !doc.entity(target))) return;
    // The event rules' reading of this sentence and pair stands (either way round); of the coder's own, the first for a pair.
    const same = (e: Event, i: number) => (e.source === source && e.target === target) || (i < this.ruled && e.source === target && e.target === source);
    if (doc.events.some((e, i) => same(e, i) && e.provenance.some((p) => p.sentence === masked.index))) return;
    const event: Event = { type, source, target, attributed_to: null, confidence: 0.4, provenance: [] };
    const before = doc.events.length;
    addEvent(doc, masked, event, Math.min(from, verbAt), to, verbAt);
    // "Y said the army had killed civilians": a deed without a target that someone else reports is that speaker's charge, not an event.
    if (target === null && event.attributed_to !== null && event.attributed_to !== source && doc.events.length > before) doc.events.pop();
  }

  /** The first entity of the object: within a few words of the verb, not a place or time adjunct, not the source. */
  private object(doc: AnalysedDoc, masked: MaskedSentence, from: number, rest: string, source: string, type: PloverType, noun: boolean): { entity: string; end: number; others?: string[] } | undefined {
    for (const m of rest.matchAll(ENT_G)) {
      // Entities passed over (modifiers, the source) count as words of the gap.
      const before = rest.slice(0, m.index).replace(ENT_G, "x");
      // "rejected an offer from X", "demanded an apology from X": whose proposal is refused, of whom something is asked.
      // "halted aid to X", "imposed sanctions on X", "fired rockets at X": the one the pattern's noun is aimed at.
      // "offered its troops to X": the one given to.
      const proposer =
        PROPOSAL_FROM.test(before) || (type === "REQUEST" && ASKED_OF.test(before)) || (noun && AIMED_AT.test(before)) || (GIVING.has(type) && GIVEN_TO.test(before));
      if (!proposer && before.split(/\s+/).filter(Boolean).length > MAX_TARGET_GAP) return undefined;
      // Only a direct object or one after the verb's own preposition ("clashed with X"): "fought under the banner of X", "killed civilians in X" name no one hit.
      if (!proposer && (!OBJECT_GAP.test(before) || OTHER_VERB.test(before))) return undefined;
      // "convicted the group's spokesman X", "JuD spokesman X": the one named after the role is the object.
      const after = rest.slice(m.index! + m[0].length);
      // ... and "Pakistan's intelligence agency X": a possessor or modifier of the entity after it is not the object ("extradited X to Y" is no modifier).
      if (m[1] === source || ROLE_AFTER.test(after) || MODIFIES_NEXT.test(after)) continue;
      // "killed three Palestinian civilians", "accused Sudanese rebels": a people's adjective names the state only before one of its bodies ("Sudanese troops").
      const [start] = masked.span(from + m.index!, from + m.index! + 1);
      if (doc.mentionStartingAt(start)?.demonym && !STATE_BODY.test(after)) return undefined;
      // "defended X and Y", "attacked X, Y and Z": each of a list of objects.
      const list = CO_OBJECTS.exec(after);
      const others = list && !MODIFIES_NEXT.test(after.slice(list[0].length)) ? [...list[0].matchAll(ENT_G)].map((o) => o[1]!).filter((o) => o !== source) : [];
      return { entity: m[1]!, end: m.index! + m[0].length + (others.length ? list![0].length : 0), others };
    }
    return undefined;
  }

  /** "demanded (on Friday) that X withdraw": the one a demand is made of is the subject of its clause. */
  private demandee(next: string, rest: string, type: PloverType): { entity: string; end: number } | undefined {
    if (type !== "REQUEST" || !TIME_ONLY.test(rest)) return undefined;
    const m = DEMAND_THAT.exec(next);
    return m ? { entity: m[1]!, end: rest.length + m[0].length } : undefined;
  }

  /** The PLOVER type of the best pattern of the verb's block its clause matches, else of the verb's own code. */
  /** `noun`: a pattern's words after the verb chose the type; `object`: they are its object ("opened fire", "staged a strike"). */
  private type(verb: Verb, before: string, after: string): { type: PloverType | null; noun: boolean; object: boolean } {
    const pre = words(before);
    // A pattern's object words are the verb's object: the first words after it, not the end of a long clause.
    const post = words(after).slice(0, PATTERN_WINDOW);
    let best: Pattern | undefined;
    // Of patterns as long, the one whose words start nearest the verb: "issued an ultimatum to X to halt attacks" is an ultimatum, not an attack.
    let bestAt = 0;
    for (const pattern of this.patterns(verb.block)) {
      if (pattern.score === 0 || (best && best.score > pattern.score)) continue;
      // A pattern written for another verb of the block counts only as the verb's object ("halted aid" as "cut off aid"):
      // "put * in prison" is no reading of "staged a hunger strike in prison".
      const own = !pattern.head || pattern.head === verb.head;
      if (!own && (pattern.particle || pattern.pre.length > 0 || pattern.post.length === 0)) continue;
      const { pre: preWords, post: postWords } = pattern;
      if (inOrder(preWords, pre) < 0) continue;
      const at = pattern.particle ? (particle(pattern.particle, post) ? 0 : -1) : inOrder(postWords, post);
      if (at < 0 || (!own && at > 2) || (best && best.score === pattern.score && at >= bestAt)) continue;
      best = pattern;
      bestAt = at;
    }
    const noun = best !== undefined && best.post.length > 0 && !best.particle;
    // The pattern's first word after the verb is its object when it is no preposition ("opened fire", not "captured in a raid").
    return { type: this.model.types[best?.code ?? verb.code] ?? null, noun, object: noun && bestAt <= 1 && !PREPOSITION.test(post[bestAt]!) };
  }

  private readonly compiled = new Map<number, Pattern[]>();

  /** A block's patterns with their words split once: each pattern word a list of phrases, each phrase its words. */
  private patterns(block: number): Pattern[] {
    let patterns = this.compiled.get(block);
    if (!patterns) {
      const phrases = (word: string) => (word.startsWith("&") ? (this.model.synsets[word] ?? []) : [word]).map((phrase) => phrase.split(" "));
      patterns = this.model.blocks[block]!.patterns.map(([pre, post, code, head]) => ({
        pre: pre.map(phrases),
        post: post.map(phrases),
        code,
        head,
        score: pre.length + post.length,
        particle: post.length === 1 && PREPOSITION.test(post[0]!) ? post[0] : undefined,
      }));
      this.compiled.set(block, patterns);
    }
    return patterns;
  }
}

interface Pattern {
  pre: string[][][];
  post: string[][][];
  code: string;
  /** The verb the pattern was written for ("" for any of its block's). */
  head: string;
  score: number;
  /** A lone preposition ("call * on"), read as the verb's particle. */
  particle?: string;
}

/** Where the first of the pattern's words is found in `words` with each of the others after it, in order; -1 if they are not. */
function inOrder(pattern: string[][][], words: string[]): number {
  let i = 0;
  let first = 0;
  for (const [k, options] of pattern.entries()) {
    while (i < words.length && !options.some((o) => wordMatches(o, words, i))) i++;
    if (i >= words.length) return -1;
    if (k === 0) first = i;
    i++;
  }
  return first;
}

/** A lone preposition of a pattern ("call * on": an appeal) is the verb's particle: right after the verb or its object, not "on Tuesday" further on. */
function particle(word: string, post: string[]): boolean {
  const object = post.findIndex((w) => w.startsWith("⟦"));
  return post[0] === word || (object >= 0 && post[object + 1] === word);
}

/** A pattern word matches a text word as written or with an ending ("attack" the word "attacks"); a phrase word by word. */
function wordMatches(parts: string[], words: string[], at: number): boolean {
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const w = words[at + k];
    // The first letters first: most pairs differ there.
    if (w === undefined || w.charCodeAt(0) !== part.charCodeAt(0)) return false;
    if (w !== part && !(part.length >= 4 && w.length - part.length <= 3 && w.startsWith(part))) return false;
  }
  return true;
}

/**
 * A subject set off from its verb by an apposition: "X, the UN's envoy, demanded ...", "X, Algeria's
 * leading activist, staged ...", or a name in apposition to the description that opens the sentence
 * ("A member of the Syrian parliament, X, started ..."). `offset` is where `tail` starts in the sentence.
 */
function appositionSubject(tail: string, offset: number): { entity: string; at: number } | undefined {
  const m = APPOSED.exec(tail) ?? (offset === 0 ? NAME_APPOSED.exec(tail) : null);
  return m ? { entity: m[1]!, at: offset + m.index + m[0].indexOf(`⟦${m[1]}⟧`) } : undefined;
}

const words = (text: string): string[] => [...text.toLowerCase().matchAll(WORDS)].map((m) => m[0]);

/** Where the clause holding offset `head.length` starts: after the last semicolon, colon or "that". */
function clauseStart(head: string): number {
  const m = /.*(?:[;:]|\bthat\b)/s.exec(head);
  return m ? m[0].length : 0;
}
