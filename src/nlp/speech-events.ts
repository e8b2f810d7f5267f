import type { Claim, PloverType } from "../model/index.js";
import type { AnalysedDoc, Component } from "./doc.js";
import { ABUSIVE_NAMES, addEvent, isTerritory, NOT_THE_STATE } from "./events.js";

/** The verbal PLOVER types a speech act may be, and the cue verbs (stems, as written) that make it one. */
const SPEECH_TYPES: [PloverType, RegExp][] = [
  ["ACCUSE", /^(?:accus|blam|condemn|denounc|critici[sz])\w*$|^(?:charged|charges|charging)$/],
  ["REJECT", /^(?:deni(?:ed|es)|deny|denying|reject\w*|dismiss\w*|refut\w*)$/],
  ["THREATEN", /^(?:threat\w*|warn\w*|vow\w*)$/],
  ["REQUEST", /^(?:urg(?:e|ed|es|ing)|demand\w*|ask(?:ed|s|ing)?|request\w*|(?:call(?:ed|s|ing)?|appeal(?:ed|s|ing)?) (?:on|to|upon))$/],
];

/** Cues that name someone ("described X as", "branded X", "called X"): an accusation only by an abusive name. */
const NAMING = /^(?:describ|brand|label|call|term|dub|portray)\w*$/;
/** An abusive name right after the one named: "as a 'terrorist organisation'", "'puppets of ...'", "the mercenaries". */
const ABUSIVE_AFTER = new RegExp(`^\\s*(?:as\\s+)?[“"‘']?(?:(?:an?|the)\\s+)?[“"‘']?(?:[\\w-]+\\s+){0,2}?${ABUSIVE_NAMES}\\b`, "i");

/** Words a cue may carry before its verb: "also accused", "has long denied", "repeatedly called on". */
const CUE_PREFIX = /^(?:(?:also|has|have|had|long|repeatedly|again|further|then|later|previously|openly|publicly|\w+ly)\s+)*/i;

/**
 * Whom the words are aimed at: the actor named first after the cue, after at most a determiner and
 * two modifiers ("accused the Northern Front of", "warned the council's army that", "urged Ruritania
 * to"); after a possessive, the one it owns when that is an actor too, else the possessor ("dismissed
 * the council's claims"). Groups: the modifiers, the actor, the possessive mark, the owned actor.
 */
const AIMED_AT = /^\s*(?:(?:the|a|an|its|their|his|her|both)\s+)?((?:(?!(?:of|in|for|on|at|by|with|from|to|against|over|about|after|during|that|who|which|whether)\b)[\w-]+\s+){0,2}?)⟦(e\d+)⟧(?:\s*\([^)]*\))?(?:(['’]s)\s+(?:[\w-]+\s+){0,2}?⟦(e\d+)⟧)?/u;
/** A verb right after a name: it is the subject of a clause of the words. */
const CLAUSE_VERB = /^\s+(?:(?:also|still|now|never|not)\s+)?(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|did|does|do)\b/i;
/** A preposition before the last entity before the cue, with only a comma and adverbs after it. */
const PREPOSITION_SPEAKER = /\b(?:in|of|at|from|for|with|on|to|by|against)\s+(?:the\s+)?⟦(e\d+)⟧\s*,?\s*(?:\w+ly\s+)?$/i;
/** An accusation or a demand may be aimed at the subject of its clause: "charged that the army fights ...", "demanded that the council withdraw". */
const CHARGED_THAT = /^\s*that\b/i;
/** "denied that any soldier was hurt": a clause denied, not "denied that account" (a determiner and what was said). */
const DENIED_THAT = /^\s*that\s+(?!(?:accounts?|quotes?|remarks?|comments?|suggestions?|claims?|reports?|allegations?|accusations?|charges?|version|statements?|assertions?|figures?|story|stories)\b)\S+\s+\S/i;
/** Ties that make the target the speaker's own side: a spokesman's warning about his own group threatens no one. */
const OWN_TIES = new Set(["member_of", "leader_of", "holds_position", "affiliate_of", "founded", "founded_by", "allied_with", "publishes"]);

/** A threat is a speech act of the speaker's own force: harm the words promise ("will pay", "a legitimate target", "within range of our rockets"). */
const HARM = /\b(?:attack\w*|strike|strikes|target\w*|pay|blood|aveng\w*|reveng\w*|punish\w*|retaliat\w*|reprisal\w*|war|fight\w*|range|rockets?|missiles?|destroy\w*|crush\w*|wipe\w*|eliminat\w*|drive|expel\w*|hunt\w*|fate|burn\w*|kill\w*|bomb\w*|respon(?:d|se)\s+(?:force|militar\w*))\b/i;
/** Words of the speaker's own side: "we will", "our rockets", "its fighters would". */
const OWN_SIDE = /^(?:[“"‘']\s*)?(?:we|our|its|their|his)\b|\b(?:we|our)\b/i;

/** Harm the speaker's own side will do: "we will continue to hunt down ...", "its fighters would 'drive them out'" (not "would not attack", "will fight alongside"). */
const OWN_HARM_TO_COME = /\b(?:we|(?:our|its|their|his)\s+(?:[\w-]+\s+)?(?:fighters|men|forces|troops|mujahideen|brigades|units|soldiers|rockets|missiles|drones))\b[^.;]{0,60}?\b(?:will|would|shall)\s+(?:(?:continue|keep|not\s+hesitate)\s+(?:to\s+)?)?[“"‘']?(?:attack|strike|hunt|target|crush|destroy|drive|expel|punish|aveng|retaliat|kill|eliminat|wipe|fight(?!\s+(?:alongside|with|for|beside)\b))/i;

/** "treat any X soldier still in Y as an occupier and a legitimate target": the one named first after the verb. */
const TREATED_AS_TARGET = /\b(?:treat|treats|treated|regard|regards|consider|considers|deem|deems)\s+(?:(?:any|all|every|the)\s+)?⟦(e\d+)⟧[^;⟦]{0,60}?(?:⟦e\d+⟧[^;⟦]{0,40}?)?\bas\s+[“"]?(?:an?\s+)?(?:[\w-]+\s+(?:and\s+(?:an?\s+)?)?){0,3}?(?:legitimate\s+|fair\s+|military\s+)?targets?\b/i;

/** A cue in the negative, a condition or a mere possibility is no act: "did not accuse", "if X threatens", "may demand". */
const NOT_DONE = /\b(?:not|never|n['’]t|no\s+longer|if|unless|whether|would|could|might|may|to)\s+(?:(?:have|be|also|yet|ever|\w+ly)\s+)*$/i;

/**
 * Speech acts as PLOVER events: a claim whose cue is an accusation, a rejection, a threat or a
 * request ("X accused Y of ...", "X urged Y to ...") is that act of its speaker, aimed at the actor
 * the words name first after the cue. The act itself is the document's fact (attributed as the event
 * rules attribute "X accused Y": to whoever's words it stands in, else to none); what was said stays
 * the speaker's claim. It runs after the event rules and the CAMEO coder and adds only what they
 * did not read from the same cue.
 */
export class SpeechActEvents implements Component {
  readonly name = "speech-events";

  run(doc: AnalysedDoc): void {
    // Only the claims the earlier components found before this one ran: an event is added, never a claim.
    for (const claim of [...doc.claims]) {
      const type = speechType(claim.cue) ?? (NAMING.test(verbOf(claim.cue)) ? "ACCUSE" : undefined);
      if (type) this.read(doc, claim, type);
      // "said its fighters would hunt down ...": a threat in words whatever the verb that reports them.
      else if (OWN_HARM_TO_COME.test(claim.text)) this.read(doc, claim, "THREATEN", false);
    }
  }

  /** With `aimedByCue` false, the cue ("said") names no addressee: a threat is aimed at the other side the words name. */
  private read(doc: AnalysedDoc, claim: Claim, type: PloverType, aimedByCue = true): void {
    const words = claim.provenance[0];
    if (!words || words.sentence === undefined || isTerritory(doc.entity(claim.speaker))) return;
    const sentence = doc.sentences[words.sentence]!;
    // The cue stands before the words ("accused X of ..."); a cue after them ('"...", X warned') has no object of its own.
    const cueAt = doc.text.slice(sentence.start, words.start).toLowerCase().lastIndexOf(claim.cue.toLowerCase());
    const before = cueAt >= 0;
    const masked = doc.masked(words.sentence);
    const cueStart = before ? sentence.start + cueAt : words.start;
    const cueMasked = masked.indexOf(cueStart);
    const wordsEnd = masked.indexOf(words.end - 1) + 1;
    // "a group lobbying in the Union, dismissed ...": a speaker named after a preposition right before the cue is a place or a modifier, not who spoke (the claim's guess).
    if (before && PREPOSITION_SPEAKER.exec(masked.text.slice(Math.max(0, cueMasked - 60), cueMasked))?.[1] === claim.speaker) return;
    if (before && NOT_DONE.test(masked.text.slice(Math.max(0, cueMasked - 40), cueMasked))) return;
    // "A US woman accused ...", "Syrian rebels accused ...": a country's rebels or private people speak for themselves, not for it.
    const mark = `⟦${claim.speaker}⟧`;
    const named = before ? masked.text.lastIndexOf(mark, cueMasked) : -1;
    if (named >= 0 && doc.entity(claim.speaker)?.type !== "ORG" && NOT_THE_STATE.test(masked.text.slice(named + mark.length, cueMasked))) return;
    // A cue the event rules or the coder read already for this speaker ("accused X's Y of ...") is theirs, whatever target they chose.
    if (doc.events.some((e) => e.source === claim.speaker && e.provenance.some((p) => p.start <= cueStart && cueStart < p.end && (before || p.end <= words.end)))) return;
    const restAt = cueMasked + claim.cue.length;
    const rest = before ? masked.text.slice(restAt, wordsEnd) : "";
    const that = type === "ACCUSE" || type === "REQUEST" ? (CHARGED_THAT.exec(rest)?.[0].length ?? 0) : 0;
    const aimed = AIMED_AT.exec(rest.slice(that));
    // "rejected the council's claims", "dismissed the council": not "denied controlling the council", which denies a deed.
    const rejected = type !== "REJECT" || (aimed !== null && (aimed[3] !== undefined || (aimed[1] === "" && !/^den/i.test(verbOf(claim.cue)))));
    // "warned he would ...", "denied she was ...": a name followed by its own verb is the subject of the words, no addressee (but "charged that the army fights").
    const subjectOfWords = aimed !== null && that === 0 && CLAUSE_VERB.test(rest.slice(that + aimed[0].length));
    // "described X as terrorists": naming someone accuses them only when the name, right after them, is abusive.
    if (NAMING.test(verbOf(claim.cue)) && !(aimed && ABUSIVE_AFTER.test(rest.slice(that + aimed[0].length)))) return;
    let target = aimedByCue && aimed && rejected && !subjectOfWords ? (aimed[4] ?? aimed[2]!) : undefined;
    if (target === claim.speaker && aimed?.[4]) target = aimed[2];
    // "denied that any soldier was hurt": what is denied is what someone said before, so the denial answers them.
    if (type === "REJECT" && !target && /^den/i.test(verbOf(claim.cue)) && DENIED_THAT.test(rest)) {
      // "The X commander, Y, denied ...": whoever is named in the denier's own phrase is on its side. A
      // pronoun there ("Its commander", "He also denied") may stand for a speaker just told, and the resolver
      // may have missed which: only an accuser answered then.
      const phrase = doc.text.slice(sentence.start, cueStart);
      const side = /\b(?:its|their|he|she|it|they)\b/i.test(phrase) ? undefined : masked.entitiesIn(0, cueMasked);
      target = whoSaid(doc, claim.speaker, words.sentence, cueStart, side);
    }
    const text = claim.text;
    if (type === "THREATEN") {
      // A warning is a threat only when it promises harm; one with no addressee only when the harm is the speaker's own to do.
      if (!HARM.test(text)) return;
      if (!target && OWN_SIDE.test(text)) target = claim.about.find((id) => id !== claim.speaker && !isTerritory(doc.entity(id)));
      // "will treat any Ruritanian soldier as a legitimate target": the one to be treated as a target.
      target ??= TREATED_AS_TARGET.exec(masked.text.slice(before ? restAt : masked.indexOf(words.start), wordsEnd))?.[1];
    }
    if (!target || target === claim.speaker || isTerritory(doc.entity(target)) || !doc.entity(target) || ownSide(doc, claim.speaker, target)) return;
    if (doc.events.some((e) => e.type === type && e.source === claim.speaker && e.target === target)) return;
    const from = before ? cueMasked : masked.indexOf(words.start);
    const to = before && aimed ? restAt + that + aimed[0].length : wordsEnd;
    // Read from the words themselves ('"...", X warned'), the act is still the speaker's deed, not their claim.
    addEvent(doc, masked, { type, source: claim.speaker, target, attributed_to: null, confidence: 0.5, provenance: [] }, Math.min(from, to - 1), to, from, before ? undefined : null);
  }
}

/** The verbal PLOVER type of a claim's cue, if it is a speech act of one. */
export function speechType(cue: string): PloverType | undefined {
  const verb = verbOf(cue);
  return SPEECH_TYPES.find(([, stems]) => stems.test(verb))?.[0];
}

/** A cue's verb without the adverbs and auxiliaries before it. */
const verbOf = (cue: string): string => cue.toLowerCase().replace(CUE_PREFIX, "");

/**
 * Whose words a denial at `at` answers: the latest accuser of `denier` or of one named in its phrase
 * (ACCUSE aimed at it, up to eight sentences back), else (when `side`, those named in the denier's phrase, is known) the speaker
 * of the latest claim told before it in its sentence or the two before, neither the denier's own side
 * nor one of `side`.
 */
function whoSaid(doc: AnalysedDoc, denier: string, sentence: number, at: number, side: string[] | undefined): string | undefined {
  const before = (p: { start: number; sentence?: number } | undefined, back: number) => p !== undefined && p.start < at && (p.sentence ?? -1) >= sentence - back;
  // "The junta's spokesman, X, denied ...": an accusation of the junta is answered too.
  const answering = new Set([denier, ...(side ?? [])]);
  const accusation = doc.events.filter((e) => e.type === "ACCUSE" && !!e.target && answering.has(e.target) && !answering.has(e.source) && before(e.provenance[0], 8)).at(-1);
  if (accusation || !side) return accusation?.source;
  let latest: Claim | undefined;
  for (const c of doc.claims) {
    const p = c.provenance[0];
    if (c.speaker !== denier && !side.includes(c.speaker) && before(p, 2) && (!latest || p!.start > latest.provenance[0]!.start) && !isTerritory(doc.entity(c.speaker)) && !ownSide(doc, denier, c.speaker)) latest = c;
  }
  return latest?.speaker;
}

/** Whether a relation ties the speaker to the target as its member, leader, founder, publisher or ally (either way round). */
function ownSide(doc: AnalysedDoc, speaker: string, target: string): boolean {
  return doc.relations.some((r) => OWN_TIES.has(r.predicate) && ((r.subject === speaker && r.object === target) || (r.subject === target && r.object === speaker)));
}
