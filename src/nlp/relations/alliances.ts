import type { Relation } from "../../model/index.js";
import type { AnalysedDoc } from "../doc.js";
import { claimantOf } from "../context.js";
import { type MaskedSentence, matchesOf } from "../masked.js";

/**
 * An alliance named by counting its members: "X joined Y and Z in an assault ... The three groups, known as W,
 * seized ..."; "the two factions, which formed W". The members are the last groups named before, as many as the
 * count says, in this sentence or the two before it; the name is the writer's, so the document's assertion.
 */
const COUNTED_ALLIANCE = new RegExp(
  "\\b(?:the|these|those|all|both)\\s+(?<count>two|three|four|five|six|seven|eight|nine|ten|\\d)?\\s*(?:[\\w-]+\\s+)?" +
    "(?:groups|factions|organi[sz]ations|militias|movements|parties|outfits|insurgencies)\\s*,?\\s+" +
    "(?:(?:which|that|who)\\s+(?:later\\s+)?(?:together\\s+)?)?" +
    "(?:(?:are\\s+|were\\s+)?(?:known|collectively known|jointly known)\\s+as|called|dubbed|(?:form|formed|make up|made up|founded|launched|created|set up|now form)(?:\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+)?(?:alliance|coalition|front|umbrella|bloc)(?:\\s*,?\\s+(?:called|known as|named|dubbed))?)?)" +
    "\\s+(?:the\\s+)?⟦(?<alliance>e\\d+)⟧",
  "giu",
);
const COUNTS: Record<string, number> = { both: 2, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Organisations that are no members of a militant alliance: armies, governments, international bodies, firms, media. */
const NOT_MEMBER = new Set(["military", "government", "international_org", "company", "media", "periodical"]);

export function membersByCount(doc: AnalysedDoc, masked: MaskedSentence): Relation[] {
  if (!COUNTED_ALLIANCE_CUE.test(masked.text)) return [];
  const relations: Relation[] = [];
  for (const m of matchesOf(COUNTED_ALLIANCE, masked.text)) {
    const { count, alliance } = m.groups!;
    const word = (count ?? m[0].split(/\s+/)[0]!).toLowerCase();
    const wanted = COUNTS[word] ?? Number(word);
    if (!(wanted >= 2) || doc.entity(alliance!)?.type !== "ORG") continue;
    const members = lastGroupsBefore(doc, masked, m.index!, alliance!, wanted);
    if (members.length !== wanted) continue;
    const [start, end] = masked.span(m.index!, m.index! + m[0].length);
    const attributed_to = claimantOf(doc, start, end);
    for (const member of members) {
      relations.push({ subject: member, predicate: "member_of", object: alliance!, attributed_to, confidence: 0.6, provenance: [doc.provenance(start, end)] });
    }
  }
  return relations;
}

const COUNTED_ALLIANCE_CUE = /\b(?:groups|factions|organi[sz]ations|militias|movements|parties|outfits|insurgencies)\b/i;

/** The last `wanted` distinct groups named before masked offset `at` (then in the two sentences before), nearest first. */
function lastGroupsBefore(doc: AnalysedDoc, masked: MaskedSentence, at: number, alliance: string, wanted: number): string[] {
  const found: string[] = [];
  const earlier = [1, 2].filter((k) => masked.index - k >= 0).map((k) => doc.masked(masked.index - k));
  const named = [masked.entitiesIn(0, at), ...earlier.map((m) => m.entitiesIn(0, m.text.length))];
  for (const ids of named) {
    for (const id of ids.reverse()) {
      const entity = doc.entity(id);
      if (id === alliance || found.includes(id) || entity?.type !== "ORG" || NOT_MEMBER.has(entity.subtype ?? "")) continue;
      found.push(id);
      if (found.length === wanted) return found;
    }
  }
  return found;
}
