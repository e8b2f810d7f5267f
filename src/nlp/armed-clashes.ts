import type { PloverType } from "../model/index.js";
import { mainSubject } from "./clauses.js";
import type { AnalysedDoc, Component } from "./doc.js";
import { addEvent, ATTACK_NOUNS, isTerritory } from "./events.js";
import { type MaskedSentence, matchesOf } from "./masked.js";

/** An entity placeholder with an optional acronym in brackets after it ("the Northern Front (NF)"). */
const PARTY = "(?:the\\s+)?⟦(e\\d+)⟧(?:\\s*\\(⟦e\\d+⟧\\))?";
/** Nouns of an armed fight with someone ("a gunfight with", "heavy fighting with"). */
const CLASH = "fighting|clash(?:es)?|hostilities|skirmish(?:es)?|gunfights?|firefights?|shootouts?";
/** Nouns of armed fighting between two sides; a "trade war" or a "legal battle" is none. */
const FIGHTING = `(?<!\\b(?:trade|price|tariff|currency|cold|proxy|culture|legal|court|political|diplomatic|verbal|media|propaganda|turf|bidding|succession)\\s)(?:war|battles?|${CLASH})`;
/** A fight named in fear or prevention of it: "the risk of war between", "to avoid clashes between" tell of none. */
const UNREAL_BEFORE = /\b(?:risk|risks|fear|fears|threat|spectre|prospect|possibility|brink|avoid|avert|prevent|preventing|averting|avoiding|no|any)\s+(?:of\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$/i;
/** A verb that does not assert the clause ("would be killed", "were not killed"), or a condition ("if ..."). */
const UNASSERTED = /\b(?:would|could|might|may|will|shall|should|not|never)\s+(?:[\w-]+\s+){0,4}$|\b(?:if|unless)\b[^,;]*$/i;

/** "the war between X and Y", "clashes between X and Y": each side assaults the other. */
const BETWEEN = new RegExp(`\\b${FIGHTING}\\s+between\\s+${PARTY}\\s+and\\s+${PARTY}`, "gi");
/** "The fighting pits X against Y": a fight (named just before) in which each side assaults the other; an election "pits" rivals too. */
const PITS = new RegExp(`\\b(?:${FIGHTING}|conflict|violence|offensive|insurgency)\\s+(?:(?:has|have|had|now|again)\\s+)*(?:pits|pitted|pitting)\\s+${PARTY}\\s+against\\s+${PARTY}`, "gi");
/**
 * "after two days of heavy fighting with Y", "in a gunfight with Y": a fight the clause's subject had with Y (a noun,
 * after a preposition; the verb "fighting with" may mean fighting alongside). "Fighting with Y against Z" is beside Y.
 */
const FIGHT_WITH = new RegExp(
  `\\b(?:of|after|amid|during|following|in)\\s+(?:(?:an?|the|two|three|several|days|hours|weeks|of|heavy|fierce|intense|deadly|brief|armed|renewed)\\s+){0,5}(?:${CLASH})\\s+with\\s+${PARTY}(?!\\s*,?\\s*against\\b)`,
  "gi",
);
/** "X commander and an associate were killed in a gunfight with Y", "X fighters died ...": the subject is the one assaulted, by Y. */
const VICTIM = /⟦(e\d+)⟧(?:\s*\(⟦e\d+⟧\))?(?:['’]s)?(?:\s+(?!(?:in|at|near|from|by|with|on|to)\b)[\w-]+|,[^,⟦]*,){0,6}?\s+(?:(?:was|were|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|shot\s+dead)|(?:died|fell))\b[^.;⟦]*$/i;
/** A group's people whose killing is an assault on the group. */
const MEMBERS = "(?:leaders?|commanders?|chiefs?|fighters|members|militants|operatives|soldiers|troops|officers|guerrillas|rebels)";
/**
 * "A Y strike in X has killed a senior leader of Z", "an Y drone attack killed three Z fighters": the attacker is the
 * modifier of the attack noun, the target the group whose members were hit.
 */
const STRIKE_KILLED = new RegExp(
  `\\b(?:an?|the|another)\\s+⟦(e\\d+)⟧\\s+(?:[\\w-]+\\s+)?${ATTACK_NOUNS}\\b[^.;⟦]{0,40}?(?:⟦e\\d+⟧[^.;⟦]{0,40}?)?\\s(?:(?:has|have|had)\\s+)?(?:killed|wounded|injured)\\s+` +
    `(?:(?:an?|the|at\\s+least|two|three|four|five|several|\\d+|senior|top|local|key|military|deputy|district)\\s+)*(?:${MEMBERS}\\s+(?:of|from)\\s+(?:the\\s+)?⟦(e\\d+)⟧|⟦(e\\d+)⟧(?!['’]s)\\s+(?:[\\w-]+\\s+)?${MEMBERS})`,
  "gi",
);
/** "Several of Z's leaders have died in Y strikes": Y assaults Z. */
const DIED_IN_STRIKES = new RegExp(
  `⟦(e\\d+)⟧(?:['’]s?)?\\s+(?:[\\w-]+\\s+)?${MEMBERS}\\s+(?:(?:has|have|had)\\s+)?(?:died|been\\s+killed|were\\s+killed|was\\s+killed)\\s+in\\s+(?:an?\\s+)?⟦(e\\d+)⟧\\s+(?:[\\w-]+\\s+)?${ATTACK_NOUNS}\\b`,
  "gi",
);
/** "Y troops came under fire from X", "a Y convoy was under attack by X": X assaults Y. */
const UNDER_ATTACK = new RegExp(
  `⟦(e\\d+)⟧(?:['’]s?)?(?:\\s+[\\w-]+){0,3}?\\s+(?:(?:has|have|had)\\s+)?(?:came|comes|come|was|were)\\s+under\\s+(?:(?:heavy|renewed|sustained|intense|fresh|an?)\\s+)*(?:${ATTACK_NOUNS}|fire|(?:mortar|rocket|artillery|sniper)\\s+fire|shelling|bombardment)\\s+(?:from|by)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?⟦(e\\d+)⟧`,
  "gi",
);
/** Words each construction needs: a sentence without them is spared its expressions. */
const MUTUAL_CUE = /\b(?:between|pit(?:s|ted|ting))\s/i;
const CLASH_CUE = new RegExp(`\\b(?:${CLASH})\\s+with\\s`, "i");
const KILLED_CUE = /\b(?:killed|wounded|injured|died)\b/i;
const UNDER_CUE = /\bunder\s+(?:[\w-]+\s+)*?(?:attacks?|fire|shelling|bombardment|assault)\b/i;

/**
 * Armed clashes told without an attack verb between the two sides: a fight named by its noun ("the war between
 * X and Y", "the fighting pits X against Y", "after days of fighting with Y", "were killed in a gunfight with Y")
 * a strike named by its attacker that killed members of a group ("a Y strike killed a leader of Z"), and coming under
 * fire from someone ("Z troops came under fire from Y").
 */
export class ArmedClashes implements Component {
  readonly name = "armed-clashes";

  run(doc: AnalysedDoc): void {
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = doc.masked(s);
      if (!masked.hasEntities) continue;
      if (MUTUAL_CUE.test(masked.text)) this.mutual(doc, masked);
      if (CLASH_CUE.test(masked.text)) this.fightsWith(doc, masked);
      if (KILLED_CUE.test(masked.text)) this.strikes(doc, masked);
      if (UNDER_CUE.test(masked.text)) for (const m of matchesOf(UNDER_ATTACK, masked.text)) this.add(doc, masked, m[2]!, m[1]!, m.index, m.index + m[0].length);
    }
  }

  /** Each side of a fight named with both assaults the other. */
  private mutual(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const regex of [BETWEEN, PITS]) {
      for (const m of matchesOf(regex, masked.text)) {
        if (UNREAL_BEFORE.test(masked.text.slice(0, m.index)) || UNASSERTED.test(masked.text.slice(0, m.index))) continue;
        const [a, b] = [m[1]!, m[2]!];
        this.add(doc, masked, a, b, m.index, m.index + m[0].length);
        this.add(doc, masked, b, a, m.index, m.index + m[0].length);
      }
    }
  }

  /** A fight with Y: Y assaults the subject killed in it, or else the clause's subject assaults Y. */
  private fightsWith(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(FIGHT_WITH, masked.text)) {
      const head = masked.text.slice(0, m.index);
      if (UNASSERTED.test(head)) continue;
      const other = m[1]!;
      const victim = VICTIM.exec(head);
      const end = m.index + m[0].length;
      if (victim) this.add(doc, masked, other, victim[1]!, victim.index, end, m.index);
      else {
        const subject = mainSubject(masked);
        if (subject && masked.text.indexOf(`⟦${subject}⟧`) < m.index) this.add(doc, masked, subject, other, m.index, end);
      }
    }
  }

  /** A strike named by its attacker that killed members of a group. */
  private strikes(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(STRIKE_KILLED, masked.text)) this.add(doc, masked, m[1]!, (m[2] ?? m[3])!, m.index, m.index + m[0].length);
    for (const m of matchesOf(DIED_IN_STRIKES, masked.text)) this.add(doc, masked, m[2]!, m[1]!, m.index, m.index + m[0].length);
  }

  /** An assault of `source` on `target`, unless one is the other or either is a town or region (where, not who). */
  private add(doc: AnalysedDoc, masked: MaskedSentence, source: string, target: string, from: number, to: number, verbAt = from): void {
    if (source === target || isTerritory(doc.entity(source)) || isTerritory(doc.entity(target))) return;
    const type: PloverType = "ASSAULT";
    addEvent(doc, masked, { type, source, target, attributed_to: null, confidence: 0.6, provenance: [] }, from, to, verbAt);
  }
}
