import type { Predicate, Relation } from "../../model/index.js";
import type { AnalysedDoc } from "../doc.js";
import { timeNear } from "../context.js";
import { type MaskedSentence, matchesOf } from "../masked.js";
import { TITLES } from "../mentions.js";

/**
 * A person's post in a group or state written as a description of the person: "X, the group's
 * spokesman", "X, the secretary-general of Y", "Its commander, X", "X is the Y's deputy commander".
 * The title is the writer's description, so the document's assertion. Titles written straight before
 * a name ("spokesman X") are read from the tokens by the relation finder's `roles`.
 */

/**
 * Posts that lead a whole organisation when nothing narrows them, here and before a name (the relation
 * finder's `roles`); a founder led what he founded.
 */
const LEAD = ["chief executive", "commander-in-chief", "commander in chief", "secretary-general", "secretary general", "general secretary", "chairman", "chairwoman", "chairperson", "chair", "leader", "ruler", "chief", "head", "emir", "supremo", "president", "commander", "co-founder", "founder"];
const POST = ["spokesman", "spokeswoman", "spokesperson", "minister", "ambassador", "envoy", "governor", "director", "secretary", "adviser", "advisor", "rapporteur", "consultant", "representative", "coordinator", "deputy", "mayor", "negotiator", "number two", "second-in-command"];
const MEMBER = ["member", "fighter", "militant", "operative", "veteran", "loyalist", "ideologue", "cleric", "official", "candidate", "lawmaker"];
const HEADS = [...LEAD, ...POST, ...MEMBER].join("|");
/** The last noun of the post ("deputy commander" is not "deputy"), and "of state", "of staff": a post of its own, no group's lead. */
const HEAD = `(?<head>${HEADS})(?![\\s-]+(?:${HEADS})\\b)(?<of>\\s+of\\s+(?:state|government|staff))?`;
/** A word narrowing a post ("press secretary", "forces' spokesman", "de facto"): no article, preposition or verb. */
const WORD = "(?!(?:the|an?|and|or|but|as|of|to|in|into|on|at|by|for|with|from|under|over|after|before|against|than|who|which|that|is|was|were|are|has|had|its|his|her|their|said|says|told|met)\\b)(?!\\p{Ll}+(?:ed|ing)\\b)\\p{Ll}[\\p{Ll}-]*['’]?\\s+";
const MODS = `(?<mods>(?:${WORD}){0,3}?)`;
const ROLE = `${MODS}${HEAD}`;
const PERSON = "⟦(?<s>e\\d+)⟧";
const OWNER = "⟦(?<o>e\\d+)⟧";
/**
 * An owner's owner skipped for the nearer one: "the PLGA's Battalion No. 1", "the Armed Forces' Western Command";
 * only if the first cannot be the owner ("the NPA's Eastern Visayas regional command" is the NPA's).
 */
export const OWNERS_OWNER = "(?:⟦e\\d+⟧\\s*['’]s?\\s+)??";
/**
 * An unnamed unit of the owner, in which a post is the owner's, if not its lead: "spokesman of the NPA's regional
 * command", "a member of the BMW management board", "head of the UN refugee agency".
 */
const OWNERS_UNIT =
  "(?<unit>(?:\\s*['’]s?)?\\s+(?:(?:[\\p{L}-]+|⟦e\\d+⟧)\\s+){0,3}?(?:command|unit|wing|division|committee|brigade|battalion|front|bureau|council|office|ministry|department|agency|service|forces|board|panel|politburo|cabinet|shura|secretariat|group|caucus|delegation|team)\\b)?";
/**
 * Between a person and a description: "X, ", "X, 27, was ", and a copula, which may carry the post's time:
 * "X is ", "X, who has been ", "X was later recognised by Y as ", "X was appointed ".
 */
const COPULA = "(?:is|was|has been|had been|became|remains|remained|served as|serves as|(?:took|takes|has taken|had taken)\\s+over\\s+as|(?:is|was|has been|had been)\\s+(?:\\w+\\s+)?(?:named|appointed|chosen|elected|picked|installed|recogni[sz]ed)(?:\\s+by\\s+(?:the\\s+)?⟦e\\d+⟧)?(?:\\s+as)?)";
const LINK = `(?:\\s*\\(⟦e\\d+⟧\\))?(?:\\s*,\\s+(?:\\d{1,3},\\s+)?(?:(?:is|was)\\s+)?|(?:\\s*,\\s+who)?\\s+(?<copula>${COPULA})\\s+)`;
const ARTICLE = "(?:(?<art>an?|the)\\s+)?";
/** A people's adjective before a post, masked as a name: "a Jordanian veteran of Y". */
const NATIONALITY = "(?:⟦e\\d+⟧\\s+)?";

/** A name or title ends its noun phrase: not "the Hamas leader's son", "a member of the UN committee", "led the Y attack", "chief economist". */
export const ENDS = "(?!\\s*['’](?:s\\b|\\s))(?![\\w-])(?!\\s+(?!(?:and|or|but|which|who|that|whose|has|have|had|is|was|were|are|will|would|said|says|told|wrote|fought|held|took|led|won|lost|made|sent|ran|began|struck|left|came|went|gave|kept|became|broke|rose|fell|met|stood|sought|brought|built|shot|hit|in|on|at|to|from|with|for|since|until|after|when|while|as|by|region|province|state)\\b)\\p{Ll}+(?<!ed)\\b)";

/** Each way of writing a post. */
const CONSTRUCTIONS = [
  // "X, the ULA's spokesman", "X, a local Saraya al-Quds commander", "X, its commander in Gezira state", "X is the RSF's deputy commander";
  // not "X, US chief economist" nor "X, Welsh secretary of the BMA" (the BMA's, below), nor a title before another name.
  `${PERSON}${LINK}${ARTICLE}(?<pre>(?:${WORD}){0,2}?)${OWNERS_OWNER}${OWNER}(?:\\s*['’]s?)?\\s+${ROLE}${ENDS}(?!\\s+(?:of|for)\\b)(?!\\s*,?\\s*⟦)(?<where>\\s+in\\s+(?:the\\s+)?[⟦\\p{Lu}])?`,
  // "X, the secretary-general of Y", "X, spokesman for the Armed Forces' Western Command", "X, the governor of the Darfur region",
  // "X, a Jordanian veteran of Y",
  // "X, spokesman of the NPA's regional command", and the last of two posts, "X, then prime minister and leader of Y"
  `${PERSON}${LINK}${ARTICLE}(?<first>(?:(?!(?:of|for|at|with|who|which)\\b)\\p{Ll}[\\p{Ll}-]*\\s+){1,4}?and\\s+(?:the\\s+)?)?${NATIONALITY}${ROLE}\\s+(?:of|for|at|with)\\s+(?:the\\s+)?(?:(?!(?:against|in|on|at|from|to|for|with|by|and|or|of)\\b)\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?${OWNERS_OWNER}${OWNER}${OWNERS_UNIT}${ENDS}`,
  // The second of two posts with an owner each, "X, the founder of the banned A (ACR) and head of B": the first is read above
  `${PERSON}${LINK}${ARTICLE}(?<first>(?:(?!(?:of|for|at|with|who|which)\\b)\\p{Ll}[\\p{Ll}-]*\\s+){1,4}?(?:of|for)\\s+(?:the\\s+)?(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?⟦e\\d+⟧(?:\\s*\\(⟦e\\d+⟧\\))?\\s+and\\s+(?:the\\s+)?)${ROLE}\\s+(?:of|for|at|with)\\s+(?:the\\s+)?(?:(?!(?:against|in|on|at|from|to|for|with|by|and|or|of)\\b)\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?${OWNERS_OWNER}${OWNER}${OWNERS_UNIT}${ENDS}`,
  // "Its commander, X", "Sudan's ambassador to the UN, X", "al Qaeda's leader at the time, X", "SNP leader, X" (no verb between: "Israel killed commander, X")
  `${OWNER}(?:\\s*['’]s?)?\\s+${ROLE}(?:\\s+to\\s+(?:the\\s+)?⟦e\\d+⟧|\\s+at\\s+the\\s+time)?\\s*,\\s+(?<titles>(?:\\p{Lu}\\p{Ll}+\\.?\\s+){0,2})${PERSON}`,
  // "The governor of Kano State, Abba Yusuf", "the military governor of the province, General X" (not an appositive to a
  // name before it, "the army arrested X, the leader of Y, and Z": see APPOSED)
  `(?<![\\p{L}-])${ARTICLE}${ROLE}\\s+(?:of|for)\\s+(?:the\\s+)?${OWNERS_OWNER}${OWNER}${OWNERS_UNIT}\\s*,\\s+(?<titles>(?:\\p{Lu}\\p{Ll}+\\.?\\s+){0,2})${PERSON}`,
].map((source) => new RegExp(source, "gdu"));

/** The last construction opens on no name: only a sentence with "of|for Y, Z" is scanned for it. */
const OF_OWNER_NAME = /\b(?:of|for)\s+(?:the\s+)?⟦e\d+⟧[^⟦.;]{0,60}?,\s+(?:\p{Lu}\p{Ll}+\.?\s+){0,2}⟦/u;
/** Text before a post that makes it an appositive to a name before it ("X, the leader of Y, ..."). */
const APPOSED = /⟦e\d+⟧\s*,\s*(?:(?:the|an?)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;
/** Every construction holds a post's head noun: a sentence without one is spared their scans. */
const ANY_HEAD = new RegExp(HEADS, "u");
const LEAD_SET = new Set(LEAD);
const MEMBER_SET = new Set(MEMBER);
/** Words that keep a lead post the whole group's ("its overall leader", "the de facto commander"). */
const WHOLE = new Set(["supreme", "overall", "top", "founding", "de", "facto", "general", "longtime", "long-time", "military"]);
/** Words that date a post ("former", "current") or make it a deputy's, before a title here and before a name in the relation finder. */
export const FORMER = new Set(["former", "ex", "then", "late", "erstwhile", "one-time"]);
export const CURRENT = new Set(["current", "incumbent", "new", "acting", "sitting", "serving", "present"]);
export const DEPUTY = new Set(["deputy", "vice", "assistant"]);

/** "former"/"ex" date a post as past, "current"/"new" as present; other words say nothing of its time. */
export function statusOf(words: readonly string[]): "former" | "current" | undefined {
  return words.some((w) => FORMER.has(w)) ? "former" : words.some((w) => CURRENT.has(w)) ? "current" : undefined;
}

export interface Post {
  predicate: Predicate;
  role: string;
  status?: "former" | "current";
}

/** How a post is written: its words before the head noun, the head, and what narrows it. */
export interface Written {
  words: string[];
  head: string;
  /** " of state", " of staff" after the head. */
  of: string;
  /** "a commander": one of several. */
  indefinite: boolean;
  /** "commander in Gezira state", "head of the UN's refugee agency": one place's or unit's. */
  local: boolean;
}

/**
 * The predicate a post in a group or state gives: the leadership for a lead post of a whole group,
 * membership for a member or one of several commanders, else a position with its role. A state has
 * no members here ("an Iraqi fighter" is a nationality): its posts are positions, if definite.
 */
export function postOf({ words, head, of, indefinite, local }: Written, ownerIsGroup: boolean): Post | undefined {
  const status = statusOf(words);
  const mods = words.filter((w) => !FORMER.has(w) && !CURRENT.has(w));
  const role = [...mods, head].join(" ") + of;
  const member = MEMBER_SET.has(head) || (indefinite && LEAD_SET.has(head));
  if (!ownerIsGroup) return member ? undefined : { predicate: "holds_position", role, status };
  // A government's post is a state's: "its government spokesperson" read with a group for "its" is a misread owner.
  if (mods.includes("government")) return undefined;
  if (member) return { predicate: "member_of", role, status };
  const whole = !of && !local && !mods.some((w) => DEPUTY.has(w)) && mods.every((w) => WHOLE.has(w) && (w !== "military" || head === "commander"));
  return { predicate: LEAD_SET.has(head) && whole ? "leader_of" : "holds_position", role, status };
}

/**
 * The owner a match names: a description masked as a name gives way to the name right after it ("a member of
 * [the militant group] X" names X), but a name does not ("vice president of Ford Europe" stays Ford's).
 */
function describedName(doc: AnalysedDoc, masked: MaskedSentence, m: RegExpExecArray): string {
  const [at, to] = m.indices!.groups!.o!;
  const next = /^\s+⟦(e\d+)⟧/u.exec(masked.text.slice(to + 1));
  if (!next) return m.groups!.o!;
  const [start] = masked.span(at - 1, to + 1);
  return doc.mentionStartingAt(start)?.anaphoric ? next[1]! : m.groups!.o!;
}

/** Posts described around a person's name in one masked sentence. */
export function postsIn(doc: AnalysedDoc, masked: MaskedSentence): Relation[] {
  const found: Relation[] = [];
  if (!ANY_HEAD.test(masked.text)) return found;
  for (const [c, regex] of CONSTRUCTIONS.entries()) {
    const bare = c === CONSTRUCTIONS.length - 1;
    if (bare && !OF_OWNER_NAME.test(masked.text)) continue;
    for (const m of matchesOf(regex, masked.text)) {
      const g = m.groups!;
      if (bare && APPOSED.test(masked.text.slice(0, m.index))) continue;
      const person = doc.entity(g.s!);
      const owner = doc.entity(describedName(doc, masked, m));
      if (person?.type !== "PER" || !owner || !(owner.type === "ORG" || owner.type === "GPE")) continue;
      const [start, end] = masked.span(m.index!, m.index! + m[0].length);
      if (g.titles && !g.titles.trim().split(/\s+/).every((t) => TITLES.has(t.toLowerCase()))) continue;
      const words = `${g.pre ?? ""} ${g.mods ?? ""}`.toLowerCase().split(/\s+/).filter((w) => w !== "");
      const written = { words, head: g.head!.toLowerCase(), of: g.of ?? "", indefinite: /^an?$/i.test(g.art ?? ""), local: !!(g.where || g.unit) };
      const post = postOf(written, owner.type === "ORG");
      if (!post) continue;
      // "then prime minister and leader of Y": a date on the first post dates the second.
      if (g.first && !post.status) post.status = statusOf(g.first.split(/\s+/));
      found.push({
        subject: person.id,
        predicate: post.predicate,
        object: owner.id,
        role: post.role,
        status: post.status,
        // "X has been the group's emir since 2019": a copula may carry the post's time.
        time: post.status === "former" ? undefined : (g.copula ? timeNear(doc, masked.index, start) : undefined) ?? doc.document.date,
        attributed_to: null,
        confidence: 0.7,
        provenance: [doc.provenance(start, end)],
      });
    }
  }
  return found;
}
