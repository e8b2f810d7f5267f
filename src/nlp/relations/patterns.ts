import type { EntityType, Predicate, Provenance, Relation } from "../../model/index.js";
import { subjectBefore } from "../clauses.js";
import { claimantOf, timeNear } from "../context.js";
import { ATTACK_NOUNS } from "../events.js";
import type { AnalysedDoc, Component, Entity } from "../doc.js";
import { gazetteer } from "../gazetteer/index.js";
import { type MaskedSentence, matchesOf, QUOTE } from "../masked.js";
import { PRONOUNS, TITLES } from "../mentions.js";
import { membersByCount } from "./alliances.js";
import { CURRENT, DEPUTY, ENDS, FORMER, OWNERS_OWNER, postOf, postsIn, statusOf } from "./roles.js";

const E = (name: string) => `⟦(?<${name}>e\\d+)⟧`;
const THE = "(?:the\\s+)?";
const ANY = "[^⟦.;]";
/** An acronym or a quoted translation in brackets after a name ("Hezbollah (Party of God)" masks to "⟦e1⟧ (⟦e2⟧)", "X ("Army of Justice")" to "⟦e1⟧ ("⟦e1⟧")"). */
const ACRONYM = "(?:\\s*\\([“\"‘']?⟦e\\d+⟧[”\"’']?\\))?";
/** An aside between a subject and its verb: ", which backs several factions," / ", formally X,". */
const ASIDE = `${ACRONYM}(?:\\s*,[^,.;]{1,100}?,)?`;
/**
 * The opening of an appositive to a name, up to the description a pattern reads: "X, " or "X (ISKP), the
 * dominant armed group in Idlib and " (a description may follow a first one).
 */
const APPOSITIVE = `${ACRONYM}\\s*[,—–(]\\s*(?:(?:an?|the)\\s+[^,;.—–()]{0,100}?(?:\\sand|,)\\s+)?`;
/** "its" masks to a bare placeholder, "the group's" to one with 's: an owner before a noun. */
const OWNS = "(?:\\s*['’]s)?";
/** A date, period or place between a verb and its agent: "founded in December 2007 under X", "formed in northern Mali by X". */
const WHEN = "(?:\\s+(?:in|on|during|around|since)\\s+(?:[^⟦.;,]|⟦e\\d+⟧){1,40}?)?";
/** A relative named for the one meant: "founded by X's father, Y" names Y, and "founded by X's father" none of them. */
const KIN = "(?:late\\s+)?(?:father|mother|son|daughter|brother|sister|uncle|nephew|cousin|widow|husband|wife|grandfather)\\b";
const KIN_OF = `(?:(?:⟦e\\d+⟧|[\\p{L}-]+)\\s*['’]s\\s+${KIN}\\s*,?\\s+)?`;
const NOT_KIN = `(?!\\s*['’]s\\s+${KIN})`;
const BRANCH = "(?:affiliate|offshoot|branch|wing|franchise|province|chapter|arm|subsidiary|faction)";
/** A media outlet: arm, wing or office only as "media arm"; a channel or newspaper by itself. */
const OUTLET =
  "(?:(?:media|propaganda|news)\\s+(?:arm|wing|office|agency|foundation|outlet|channel)|(?:(?:television|tv|radio|media|news|propaganda)\\s+)?(?:channel|station|outlet|newspaper|newsletter|weekly|magazine|mouthpiece|website|broadcaster))";
const OUTLET_ADJ = "(?:own|official|main|weekly|daily|monthly|online|flagship)";
const LEADER_ADJ = "(?:supreme|overall|top|former|late|then|current|new|founding|longtime|long-time)";
const RIVAL = `(?:[\\w-]+\\s+){0,2}?(?:rival|enemy|foe|adversary|nemesis)\\s+(?:of|to)\\s+${THE}${E("o")}`;
const STRIKE = `(?:[\\w-]+\\s+){0,2}?(?:${ATTACK_NOUNS}|operations?|drones?)\\b`;
/**
 * A relative clause on a group's appositive, up to its verb: "X (PMF), known in Arabic as Y, a network of
 * paramilitaries that", "X, a militia drawn largely from one tribe that".
 */
const GROUP_THAT = `${ACRONYM}(?:\\s*,(?:[^,.;⟦]|⟦e\\d+⟧){1,60})?\\s*,\\s+(?:an?|the)\\s+[^,.;⟦]{1,80}?\\s+(?:that|which)\\s+`;
/**
 * A relative clause on a person, up to its verb: "X, who", "X, the preacher who", "X, Sudan's head of state, who", "X, the country's de facto ruler, who", and past a first
 * verb phrase, "X, the preacher who also belonged to Y and".
 */
const WHO = `${ACRONYM}\\s*,\\s+(?:(?:an?|the|⟦e\\d+⟧\\s*['’]s)\\s+[^,.;⟦]{1,60}?,?\\s+)?who\\s+(?:(?:[^.;,⟦]|⟦e\\d+⟧){0,60}?\\s+and\\s+)?(?:also\\s+)?`;
/** A relative pronoun opening the clause that describes the name before it: "X, which itself began as". */
const WHICH = "(?:\\s*,?\\s+(?:which|that|who)(?:\\s+(?:itself|themselves|originally|initially))?)?";
/** Forming a named alliance, up to its name: "formed an alliance called Z", "launched a new coalition, the Z". */
const ALLIANCE_CALLED = `(?:formed|founded|created|launched|set up|established)\\s+(?:an?|the)\\s+(?:new\\s+|joint\\s+)?(?:alliance|coalition|umbrella|front|bloc)(?:\\s+(?:group|organi[sz]ation))?\\s*,?\\s+(?:called|named|known as|dubbed|the)\\s+${THE}${E("o")}`;
/** A founding before a second clause on the same group: "X was founded in 2004 and [is a member of Y]". */
const FOUNDED_AND = "(?:\\s+(?:was|were)\\s+(?:founded|formed|created|established|set up)[^.;⟦]{0,40}?\\s+and)?";
/** How much of a group's activity a place holds: "mainly in", "particularly in". */
const MAINLY = "(?:mainly|mostly|largely|chiefly|primarily|particularly|especially|occasionally)";
/** "X succeeded Y as", up to the post. */
const SUCCEEDED_AS = "\\s+(?:\\w+\\s+)?(?:succeeded|replaced)\\s+(?:[\\w-]+\\s+)?⟦e\\d+⟧\\s+as\\s+";
const LEAD_POST = "(?:leader|head|chief|emir|commander|president|chairman|secretary-general)";
const TROOPS = "(?:fighters|troops|forces|soldiers|militants|mercenaries|men|units)";
/** A group's men before its name: "Naga rebels of the X", "fighters from X". */
const TROOPS_OF = "(?:fighters|troops|forces|soldiers|militants|rebels|guerrillas|insurgents|units)\\s+(?:of|from)";
/** A compass adjective before a place: "northern", "south-eastern". */
const REGIONAL = "(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)";
/** "in the north of", "in northern", "in the port city of" before a place. */
const PART_OF = `(?:(?:much|most|parts?|large parts|swathes|large swathes|areas|\\d+)\\s+of\\s+)?(?:the\\s+)?(?:(?:north|south|east|west|centre|center)\\s+of\\s+|${REGIONAL}\\s+)?(?:(?:port\\s+)?(?:capital|city|town|port|province|region|district)\\s+(?:of\\s+)?)?`;
const OUTFIT = "(?:groups?|factions?|outfits?|organi[sz]ations?|movements?|insurgency|militias?|(?:guerrilla|rebel|insurgent)\\s+(?:army|armies|force|forces))";
/** A list of two or more names, as group `members`: "A, B and C", "the A (ACR) and the B". */
const MEMBERS = `(?<members>(?:${THE}⟦e\\d+⟧${ACRONYM}\\s*,\\s*)*${THE}⟦e\\d+⟧${ACRONYM}\\s*,?\\s+and\\s+${THE}⟦e\\d+⟧${ACRONYM})`;
/** A body of groups: "the political-military coalition", "an umbrella". */
const COALITION = "(?:coalition|alliance|umbrella|front|bloc|grouping|platform|confederation)";
/** A body that may rule a place: "the alliance that rules the province", "the administration that runs Y". */
const RULER = `(?:${OUTFIT}|alliances?|coalitions?|administrations?|authorit(?:y|ies)|governments?|forces?)`;
/** Words between a country's possessive and a group noun, but not "proxy" or "ally": "Iran's proxies" are not in Iran. */
const PLAIN_WORDS = "(?:(?!prox|all(?:y|ies|ied)\\b|client|partner)[\\w-]+\\s+){0,3}?";

/** Nouns after "X's" that name the group X leads: "X's political bloc, Y". */
const LED_GROUP = "(?:bloc|party|militia|movement|group|faction|organi[sz]ation|forces|army)";
/** Words after "A's B" saying B is not part of A: "the army's RSF rivals". */
const NOT_PART = "(?:allies|ally|rivals?|partners?|counterparts?|enem(?:y|ies)|foes?|adversar(?:y|ies)|opponents?)\\b";

type Types = EntityType[];
const ACTOR: Types = ["PER", "ORG", "GPE"];
const GROUP: Types = ["ORG"];
const PLACE: Types = ["GPE", "LOC"];
const MEDIA: Types = ["ORG", "WORK"];
/** Kinds of organisation that "Country's X" places in the country rather than makes its organ. */
const OUTFITS = new Set(["armed_group", "company", "media", "political_party", "religious"]);

interface Pattern {
  predicate: Predicate;
  regex: RegExp;
  subject: Types;
  object?: Types;
  /** Named group holding a list of objects ("the defection of A, B and C fighters"). */
  list?: boolean;
  /** Named group `members` holding a list of subjects ("A, B and C formed Y"). */
  members?: boolean;
  timed?: boolean;
  /**
   * A noun phrase that names an actor ("Russia's Wagner Group", "the group's al-Manar channel", "ATMIS,
   * an African Union mission"): the writer's description, like a title before a name, so the
   * document's assertion even where it names what a speaker is reported to have said.
   */
  descriptor?: boolean;
  /** The group that owns what follows it ("its", "the group's"): never a demonym ("French television station X"). */
  owner?: "s" | "o";
  /** Further tests of the subject and object, where the predicate depends on what kind of actor each is. */
  subjectIs?: (entity: Entity) => boolean;
  objectIs?: (entity: Entity) => boolean;
}

/** A unit by its name: "8th Infantry Division", "Western Mindanao Command", "General Security Service". */
const isUnit = (e: Entity) => e.type === "ORG" && /\b(?:forces?|brigades?|division|battalion|regiment|command|corps|rifles|unit|service|committee|wing|squad|directorate|department|bureau|office|ministry|cell|council|guards?|fleet)\b/i.test(e.name);
/**
 * The group a person's possessive names is one they lead when it is an armed group, party or movement ("X's JEM",
 * "X's Labour Party"); not a firm, chambers or a misread word ("X's Matrix Chambers", "Mr Brown's Budget").
 */
const ledGroup = (e: Entity) =>
  e.subtype === "armed_group" || e.subtype === "political_party" || /\b(?:army|party|movement|front|forces?|militia|brigades?|league|alliance|coalition|council|union|organi[sz]ation|group|network|mujahideen)\b/i.test(e.name);
/** A government, authority or council: what a party or faction may lead. */
const isGoverning = (e: Entity) => e.subtype === "government" || /\b(?:government|authority|administration|council|cabinet|assembly|parliament)\b/i.test(e.name);
/** A country or state, not a city: whose organs and outfits "Country's X" names. */
const isState = (e: Entity) => e.type === "GPE" && (e.subtype === "country" || e.subtype === "state");
/** An outlet may be an organisation, but not one that acts: an armed group, army, government, party or international body. */
const notActorOrg = (e: Entity) => e.type === "WORK" || !["armed_group", "military", "government", "political_party", "international_org"].includes(e.subtype ?? "");
/** A party to fighting is no town or region fought over ("seizing hills above Sake after fighting with the army"). */
const notTown = (e: Entity) => e.type !== "LOC" && !(e.type === "GPE" && (e.subtype === "city" || e.subtype === "region"));
/** An agent of a strike is a state or group, never the place it hit ("a Kandahar bombing"). */
const notPlace = (e: Entity) => e.type !== "GPE" || e.subtype === "country";

const p = (predicate: Predicate, source: string, subject: Types, object?: Types, extra: Partial<Pattern> = {}): Pattern => ({
  predicate,
  regex: new RegExp(source, "giu"),
  subject,
  object,
  owner: source.includes(E("s") + OWNS) ? "s" : source.includes(E("o") + OWNS) ? "o" : undefined,
  ...extra,
});

/** Relation patterns over masked sentences: general English constructions, one per way of saying it. */
const PATTERNS: Pattern[] = [
  // Splits, branches, units and allegiance.
  // "the MILF, an MNLF offshoot", "the 33rd Front, a FARC dissident unit"
  p("splinter_of", `${E("s")}${ACRONYM}\\s*[,—–(]\\s*(?:an?|the)\\s+(?:[\\w-]+\\s+)?${E("o")}\\s+(?:offshoot|splinter|breakaway|dissident)\\b`, GROUP, GROUP, { descriptor: true }),
  p("splinter_of", `${E("s")}(?:,?|\\s+(?:is|was|are|were|became|remains))\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+)?(?:splinter|breakaway|dissident)\\s+(?:group|faction|organi[sz]ation|movement|wing)?\\s*(?:of|from)\\s+${THE}${E("o")}`, GROUP, GROUP),
  // "X, the foreign operations arm of Iran's Revolutionary Guard": the writer's description, even inside a speaker's sentence.
  p("affiliate_of", `${E("s")}${QUOTE}?${ACRONYM}\\s*[,—–(]\\s*(?:an?|the)\\s+(?:(?:[\\w-]+|⟦e\\d+⟧)\\s+){0,2}?${BRANCH}\\s+of\\s+${THE}(?:⟦e\\d+⟧\\s*['’]s\\s+)?${E("o")}`, GROUP, GROUP, { descriptor: true }),
  p("affiliate_of", `${E("s")}${ANY}{0,60}?(?:[—–(,]\\s*|\\s(?:is|was|became|remains)\\s+|\\s(?:serves|served|acts|acted|functions|functioned)\\s+as\\s+|\\s(?:is|are|was|were)\\s+(?:widely\\s+|often\\s+|generally\\s+|long\\s+)?(?:seen|regarded|considered|described|viewed)\\s+as\\s+)(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}?${BRANCH}\\s+of\\s+${THE}(?:⟦e\\d+⟧\\s*['’]s\\s+)?${E("o")}`, GROUP, GROUP),
  // "the militia takes its orders from X"
  p("affiliate_of", `\\b(?:takes|took|take|taking|receives|received|gets|got)\\s+${E("s")}\\s+(?:\\w+\\s+)?(?:orders|instructions|directions|commands)\\s+from\\s+${THE}${E("o")}`, GROUP, ACTOR),
  // "X is now part of Y"; "X joined Y in 2022" (not "joined Y in condemning"); "Y, a coalition that includes X"
  p("member_of", `${E("s")}${ASIDE}\\s+(?:is|are|was|were|became|remains|has been)\\s+(?:\\w+\\s+)?(?:a\\s+)?part\\s+of\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP, { timed: true }),
  p("member_of", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+)?(?:joined|rejoined)\\s+${THE}${E("o")}(?!\\s*(?:in|on|at|to|for)\\s+(?:\\w+ing|the|a|an|its|their|his|her|calls?|condemn\\w*)\\b)`, ["PER", "ORG"], GROUP, { timed: true }),
  p("member_of", `${E("o")}${ACRONYM},\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:coalition|alliance|umbrella|front|grouping)\\s+(?:of\\s+[^,.;⟦]{1,40}?\\s+)?(?:that|which)\\s+(?:includes|included|comprises|comprised|brings together|brought together)\\s+${THE}${E("s")}`, ["PER", "ORG"], GROUP, { descriptor: true }),
  // "Y, the coalition in which X is the main armed force", "Y, the alliance of parties in which A's bloc, X, is a partner",
  // "Y, the local coalition in which its men make up the largest contingent" (the description may be masked as Y itself)
  p("member_of", `${E("o")}${ACRONYM},\\s+(?:(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${COALITION}|⟦\\k<o>⟧)(?:\\s+of\\s+[^,.;⟦]{1,40}?)?\\s+in\\s+which\\s+(?:(?:⟦e\\d+⟧|\\p{Lu}[\\p{L}-]+)\\s*['’]s\\s+(?:[\\p{Ll}-]+\\s+){0,2}?[\\p{Ll}-]+\\s*,\\s+)?${THE}${E("s")}${ACRONYM}(?:\\s*['’]s)?(?:\\s+${TROOPS})?\\s*,?\\s+(?:is|are|was|were|remains|has been|makes? up|made up|forms?|formed|provides?|provided)\\s+(?:an?|the|one)\\b`, ["PER", "ORG"], GROUP, { descriptor: true }),
  // "A, B and C formed the Y in 2024", "X leads A and B out of C to form Y": each a member of what they formed.
  p("member_of", `${MEMBERS}${ASIDE}\\s+(?:(?:[\\w-]+\\s+){0,2}?(?:out\\s+of|away\\s+from|from)\\s+${THE}⟦e\\d+⟧\\s+)?(?:[\\w-]+\\s+){0,2}?(?:formed|form|founded|found|created|create|set up|launched|launch|established|establish)\\s+${THE}(?:new\\s+|joint\\s+)?${E("o")}`, ["ORG", "GPE"], GROUP, { members: true, timed: true }),
  // "X is a founding member of Y" (a person's membership is read with posts, in roles.ts)
  p("member_of", `${E("s")}${ASIDE}${FOUNDED_AND}\\s+(?:is|are|was|were|became|remains|has been)\\s+(?:(?:also|now|still|already)\\s+)?(?:an?\\s+|one\\s+of\\s+the\\s+)?(?:(?:founding|full|permanent|key|leading)\\s+)?members?\\s+of\\s+${THE}${E("o")}`, ["ORG", "GPE"], ["ORG"], { timed: true }),
  // "X and Y formed an alliance called Z": each a member.
  p("member_of", `${E("s")}\\s+and\\s+${THE}⟦e\\d+⟧\\s+(?:\\w+\\s+)?${ALLIANCE_CALLED}`, GROUP, GROUP, { timed: true }),
  p("member_of", `⟦e\\d+⟧\\s+and\\s+${THE}${E("s")}\\s+(?:\\w+\\s+)?${ALLIANCE_CALLED}`, GROUP, GROUP, { timed: true }),
  // Ties: "X, a group linked to Y", "X, which is affiliated with Y", "X, a commander with decades-long ties to Y", "X has links with Y"
  p("affiliate_of", `${E("s")}${ASIDE},?\\s+(?:(?:which|who)\\s+(?:is|are|was|were)\\s+|is\\s+|are\\s+|was\\s+|were\\s+)(?:\\w+\\s+)?(?:linked|tied|connected|affiliated)\\s+(?:to|with)\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP),
  p("affiliate_of", `${E("s")}${ACRONYM}\\s*,\\s+(?:an?|the)\\s+[^,.;⟦]{1,60}?\\s+(?:(?:linked|tied|connected|affiliated)\\s+(?:to|with)|with\\s+(?:[\\w-]+\\s+)?(?:ties|links|connections)\\s+(?:to|with))\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP, { descriptor: true }),
  p("affiliate_of", `${E("s")}${ASIDE}\\s+(?:has|have|had|maintains|maintained|keeps|kept)\\s+(?:\\w+\\s+)?(?:ties|links|contacts|connections)\\s+(?:to|with)\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP, { timed: true }),
  // "X has fought under the banner of Y", "operate under the umbrella of Y"
  p("member_of", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+){0,2}?(?:fought|fights|fight|fighting|operated|operates|operate|operating|campaigned|acts|acted)\\s+under\\s+the\\s+(?:banner|umbrella|flag|command)\\s+of\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  // "ISSP, the Islamic State's branch in the region" (a media wing is an outlet, below)
  p("affiliate_of", `${E("s")}${ACRONYM},\\s+${THE}${E("o")}${OWNS}\\s+(?:[\\w-]+\\s+){0,2}?(?<!(?:media|propaganda|news)\\s+)${BRANCH}\\b`, GROUP, GROUP, { descriptor: true }),
  // "ISWAP is the Islamic State's branch in Nigeria"
  p("affiliate_of", `${E("s")}${ASIDE}\\s+(?:is|was|became|has become|remains)\\s+${THE}${E("o")}${OWNS}\\s+(?:[\\w-]+\\s+){0,2}?(?<!(?:media|propaganda|news)\\s+)${BRANCH}\\b`, GROUP, GROUP),
  // "X, an al Qaeda affiliate", "X, the Islamic State's local franchise" is above
  p("affiliate_of", `${E("s")}${ACRONYM}\\s*[,—–(]\\s*(?:an?|the)\\s+(?:[\\w-]+\\s+)?${E("o")}(?:-linked|-aligned|-allied)?\\s+(?:[\\w-]+\\s+)?(?<!(?:media|propaganda|news)\\s+)(?:affiliate|branch|franchise|wing|faction|chapter|subsidiary)\\b`, GROUP, GROUP, { descriptor: true }),
  // "the largest X faction, the Y": the faction named after its description.
  p("affiliate_of", `\\b(?:an?|the|one)\\s+(?:[\\w-]+\\s+){0,2}?${E("o")}\\s+(?:faction|offshoot|splinter\\s+group|breakaway\\s+group|branch|affiliate)\\s*,\\s+${THE}${E("s")}`, GROUP, GROUP, { descriptor: true }),
  // "ATMIS, an African Union mission"
  p("affiliate_of", `${E("s")}${ACRONYM},\\s+(?:an?|the)\\s+${E("o")}(?:-led|-backed)?\\s+(?:[\\w-]+\\s+)?(?:mission|force|operation|agency|body|organ|programme|program)\\b`, GROUP, GROUP, { descriptor: true }),
  // "Jabhat al-Nusra, which Jolani set up in 2011 as the Syrian branch of the Islamic State of Iraq"
  p("affiliate_of", `${E("s")}${ACRONYM},?\\s+(?:which\\s+(?:⟦e\\d+⟧\\s+)?|was\\s+)?(?:set up|founded|formed|established|created|launched)\\b${ANY}{0,40}?\\s+as\\s+(?:an?|the)\\s+(?:(?:⟦e\\d+⟧|[\\w-]+)\\s+){0,2}?${BRANCH}\\s+of\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  p("affiliate_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:pledged|swore|sworn|pledging)\\s+(?:allegiance|loyalty|bay'?ah)\\s+to\\s+${THE}${E("o")}`, ACTOR, GROUP),
  p("affiliate_of", `${E("o")}[-–](?:affiliated|linked|aligned)\\s+${E("s")}`, GROUP, GROUP),
  // "the Majeed Brigade, the group's suicide squad"; "its elite Radwan Force"
  p("member_of", `${E("s")}${ACRONYM},\\s+${THE}${E("o")}${OWNS}\\s+(?:[\\w-]+\\s+){0,2}?(?:squad|brigade|battalion|unit|cell|division|regiment|militia)\\b`, GROUP, GROUP, { descriptor: true }),
  p("member_of", `${E("o")}${OWNS}\\s+(?:elite|special|suicide|armed|military|youth|women['’]s|student|paramilitary|commando)\\s+(?:[\\w-]+\\s*,?\\s+)?${THE}${E("s")}`, GROUP, GROUP, { descriptor: true }),
  // A group's unit: "HTS's General Security Service", "the Armed Forces' Western Command", "the Quds Force of Iran's IRGC".
  p("member_of", `${E("o")}\\s*['’]s?\\s+${E("s")}(?!\\s*['’]s)(?!\\s+${NOT_PART})`, GROUP, GROUP, { descriptor: true, subjectIs: isUnit }),
  p("member_of", `${E("s")}\\s+of\\s+${THE}${OWNERS_OWNER}${E("o")}(?!\\s*['’]s)`, GROUP, GROUP, { descriptor: true, subjectIs: isUnit }),
  // "Russia's Wagner Group" places an outfit in the country; "Iran's Revolutionary Guard Corps" is an organ of the state.
  p("based_in", `${E("o")}\\s*['’]s\\s+${E("s")}`, GROUP, ["GPE"], { subjectIs: (e) => OUTFITS.has(e.subtype ?? ""), objectIs: isState, descriptor: true }),
  p("member_of", `${E("o")}\\s*['’]s\\s+${E("s")}`, GROUP, ["GPE"], { subjectIs: (e) => !OUTFITS.has(e.subtype ?? "") && e.subtype !== "international_org", objectIs: isState, descriptor: true }),
  // Outlets: "the group's az-Zallaqa media arm", "its weekly newspaper al-Naba", "al-Naba, the Islamic State's weekly".
  p("publishes", `${E("s")}\\s*['’]s\\s+(?:\\w+\\s+){0,2}?${QUOTE}?\\s*${E("o")}`, ACTOR, ["WORK"]),
  p("publishes", `${E("s")}${OWNS}\\s+(?:${OUTLET_ADJ}\\s+)?${QUOTE}?${E("o")}${QUOTE}?\\s+${OUTLET}\\b`, ACTOR, MEDIA, { descriptor: true }),
  // "its weekly newspaper al-Naba"; not "[carried by] X news agency, the group [said]": an armed group is no outlet.
  p("publishes", `${E("s")}${OWNS}\\s+(?:${OUTLET_ADJ}\\s+){0,2}${OUTLET}\\s*,?\\s+${QUOTE}?${E("o")}`, ACTOR, MEDIA, { descriptor: true, objectIs: notActorOrg }),
  p("publishes", `${E("o")}${QUOTE}?,\\s+${THE}${E("s")}${OWNS}\\s+(?:[\\w-]+\\s+){0,2}?${OUTLET}\\b`, ACTOR, MEDIA, { descriptor: true }),
  p("publishes", `${E("o")}${QUOTE}?,?\\s+(?:\\w+\\s+)?(?:magazine|newspaper|publication|mouthpiece|outlet)\\s*,?\\s+(?:of|published by|run by|issued by)\\s+${THE}${E("s")}`, ACTOR, ["WORK"]),
  p("publishes", `${E("s")}\\s+(?:publishes|published|launched|releases|released|issues|issued)\\s+(?:\\w+\\s+){0,4}?${QUOTE}?${E("o")}`, ACTOR, ["WORK"]),
  // Rivalry.
  p("rival_of", `${E("s")}${ANY}{0,80}?\\b(?:power tussle|power struggle|rivalry|feud|turf war|at war|war|fighting|clashes|conflict|competition|competing|battles?|battling)\\s+(?:\\w+\\s+)?(?:with|against)\\s+${THE}(?:\\p{L}+-[\\w-]+\\s+)?${E("o")}`, ACTOR, ACTOR, { subjectIs: notTown, objectIs: notTown }),
  // "clashes between X and Y", "the feud between X's fighters and Y"
  p("rival_of", `\\b(?:clashes|fighting|rivalry|feud|war|battles?|hostilities|turf war|power struggle)\\s+between\\s+${THE}${E("s")}${ACRONYM}(?:\\s*['’]s)?(?:\\s+(?:supporters|fighters|forces|militants|members|loyalists|troops|gunmen))?\\s+and\\s+${THE}${E("o")}`, ACTOR, ACTOR, { subjectIs: notTown, objectIs: notTown }),
  // "X's rival Y", "X's main rival, Y", "X and their rivals, the Y"
  p("rival_of", `${E("s")}${OWNS}\\s+(?:(?:main|chief|bitter|longtime|long-time|old|fierce|biggest|local)\\s+)?(?:arch-?)?(?:rivals?|enem(?:y|ies)|nemesis)\\s*,?\\s+${THE}${E("o")}`, ACTOR, ACTOR),
  // "X, Y's main rival, ..." (the writer's description)
  p("rival_of", `${E("s")}${ACRONYM},\\s+${THE}${E("o")}${OWNS}\\s+(?:[\\w-]+\\s+)?(?:arch-?)?(?:rival|enemy|foe|nemesis|adversary)\\s*[,—–)]`, ACTOR, ACTOR, { descriptor: true }),
  // "The TTP and ISKP, a regional affiliate of the Islamic State, are bitter rivals"
  p("rival_of", `${E("s")}${ACRONYM}\\s+and\\s+${THE}${E("o")}${ASIDE}\\s+(?:are|were|have been|had been|became|remain|remained)\\s+(?:[\\w-]+\\s+)?(?:rivals|enemies|foes|adversaries)\\b`, ACTOR, ACTOR, { timed: true }),
  // "X and Y have been fighting each other since 2015"
  p("rival_of", `${E("s")}${ACRONYM}\\s+and\\s+${THE}${E("o")}${ASIDE}\\s+(?:(?:have|had|has)\\s+)?(?:been\\s+)?(?:\\w+\\s+)?(?:fighting|fought|battling|battled|clashing|clashed|feuding|feuded|fight|battle|clash)\\s+(?:each\\s+other|one\\s+another)\\b`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  // "HTS is a long-standing rival of IS", and the same in an appositive: "HTS, ... and a long-standing rival of IS"
  p("rival_of", `${E("s")}${ASIDE}\\s+(?:is|was|remains|has been|became)\\s+(?:an?|the)\\s+${RIVAL}`, ACTOR, ACTOR),
  p("rival_of", `${E("s")}${APPOSITIVE}(?:an?|the)\\s+${RIVAL}`, ACTOR, ACTOR, { descriptor: true }),
  p("rival_of", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+){0,2}?(?:(?:clashed|feuded)\\s+(?:\\w+\\s+)?with|(?:fought|battled|clashed)\\s+(?:\\w+\\s+)?against)\\s+${THE}${E("o")}`, ACTOR, ACTOR, { timed: true }),
  // "X has long fought Y", "X fights Y for control of the port"
  p("rival_of", `${E("s")}${ASIDE}${WHICH}\\s+(?:has|have|had)\\s+(?:(?:long|since|repeatedly|often|also|previously|frequently|openly)\\s+)?(?:fought|battled)\\s+${THE}${E("o")}`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  p("rival_of", `${E("s")}${ASIDE}\\s+(?:(?!and\\b)\\w+\\s+){0,2}?(?:fights?|fought|fighting|battles?|battled|battling|competes?\\s+with|competed\\s+with|competing\\s+with|vies\\s+with|vied\\s+with|vying\\s+with)\\s+${THE}${E("o")}\\s+for\\s+(?:the\\s+)?(?:control|dominance|supremacy|influence|territory|leadership)\\b`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  // Founding.
  p("founded", `${E("s")}${ASIDE}${WHICH}\\s+(?:first\\s+)?(?:emerged|was founded|was formed|was established|was created|was set up|was launched|came into being|came into existence|was (?:announced|proclaimed)(?=\\s+(?:in|on)\\s))\\b`, GROUP, undefined, { timed: true }),
  p("founded_by", `${E("o")}\\s+(?:announced|declared|proclaimed)\\s+the\\s+(?:formation|creation|establishment|founding|launch)\\s+of\\s+(?:its\\s+|their\\s+|the\\s+|a\\s+)?(?:new\\s+)?${QUOTE}?${E("s")}`, GROUP, ACTOR, { timed: true }),
  // "X founded Y"; "X, the businessman who founded Y"; "X, who ran the commission, launched Y in 2023" (not "launched the Y offensive")
  p("founded_by", `${E("o")}(?:${WHO}|${ASIDE}\\s+)(?:founded|co-founded|formed|established|created|set up|launched)\\s+(?:the\\s+|a\\s+)?${E("s")}(?!\\s*(?:['’]s|${ATTACK_NOUNS}|operations?|campaigns?)\\b)`, GROUP, ACTOR, { timed: true }),
  // "X, a former warlord, launched a new armed movement, the Y": the name in apposition to the new group.
  p("founded_by", `${E("o")}(?:${WHO}|${ASIDE}\\s+)(?:founded|co-founded|formed|established|created|set up|launched)\\s+(?:an?|his|her|their)\\s+(?:new\\s+)?(?:[\\w-]+\\s+){0,2}?(?:movement|group|party|militia|organi[sz]ation|faction|front|army)\\s*,\\s+(?:called\\s+|named\\s+)?${THE}${E("s")}`, GROUP, ACTOR, { timed: true }),
  // "The TTP was founded in December 2007 under X"; "Lashkar-e-Taiba, founded in the early 1990s by Hafiz Saeed"
  p("founded_by", `${E("s")}${ASIDE}(?:\\s+(?:was|were)|,(?:\\s+which\\s+was)?)\\s+(?:\\w+\\s+)?(?:founded|co-founded|formed|established|created|set up)${WHEN}${WHEN}\\s+(?:by|under)\\s+(?:the\\s+)?(?:leadership\\s+of\\s+)?(?:[a-z][\\w-]*\\s+)?${KIN_OF}${E("o")}${NOT_KIN}`, GROUP, ACTOR, { timed: true }),
  // "Jabhat al-Nusra, which Jolani set up in late 2011"
  p("founded_by", `${E("s")}${ACRONYM},?\\s+which\\s+${E("o")}\\s+(?:\\w+\\s+)?(?:founded|co-founded|formed|established|created|set up|launched)\\b`, GROUP, ACTOR, { timed: true }),
  // "X, a network of paramilitaries that was formed in 2014 to fight Y": founded, and against Y.
  p("founded", `${E("s")}${GROUP_THAT}(?:was|were)\\s+(?:first\\s+)?(?:formed|founded|established|created|set up|launched)\\b`, GROUP, undefined, { timed: true }),
  p("rival_of", `${E("s")}(?:${GROUP_THAT}|${ASIDE}\\s+)(?:was|were)\\s+(?:first\\s+)?(?:formed|founded|established|created|set up|launched|raised|mobili[sz]ed)${WHEN}\\s+to\\s+(?:(?:fight|combat|counter|battle|confront|resist|defeat|oppose)\\s+|(?:defend|protect|shield)\\s+(?:[\\w-]+\\s+){0,3}?against\\s+)${THE}${E("o")}`, GROUP, ACTOR, { timed: true }),
  // "X, a militia ... that has battled the jihadists beside the army": against the one, with the other.
  p("rival_of", `${E("s")}${GROUP_THAT}(?:has\\s+|have\\s+|had\\s+)?(?:battled|fought|attacked|clashed with)\\s+${THE}${E("o")}`, GROUP, ACTOR, { timed: true, objectIs: notPlace }),
  // "X, backed by Y"; "X is armed and paid by Y"; "X, a close ally of Y"
  p("allied_with", `${E("s")}${ASIDE},?\\s+(?:(?:which|who)\\s+(?:is|are|was|were)\\s+|is\\s+|are\\s+|was\\s+|were\\s+)?(?:\\w+\\s+)?(?:backed|supported|funded|financed|armed|sponsored|bankrolled)(?:\\s+and\\s+(?:\\w+\\s+)?(?:backed|supported|funded|financed|armed|paid|sponsored|trained))?\\s+by\\s+${THE}${E("o")}`, GROUP, ACTOR, { objectIs: notTown }),
  // "Y backs X", "Y has armed and funded X", "[accused] Y of backing X": the backed armed group is allied with its backer.
  p("allied_with", `${E("o")}${ASIDE}\\s+(?:(?:has|have|had)\\s+)?(?:(?:long|openly|also|allegedly|reportedly|secretly|of)\\s+)?(?:backs|backed|backing|supports|supported|supporting|funds|funded|funding|arms|armed|arming|finances|financed|financing|sponsors|sponsored|sponsoring)(?:\\s+and\\s+(?:[\\w-]+\\s+)?(?:backed|supported|funded|financed|armed|trained|sponsored|equipped|backing|supporting|funding|arming|training))?\\s+${THE}${E("s")}`, ["ORG"], ACTOR, { subjectIs: (e) => e.subtype === "armed_group", objectIs: notTown }),
  p("allied_with", `${E("s")}${ASIDE}(?:\\s+(?:is|was|remains|remained|has been|became)|${ACRONYM}\\s*,)\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+)?(?:ally|partner|proxy|client)\\s+of\\s+${THE}${E("o")}`, ACTOR, ACTOR),
  p("allied_with", `${E("s")}${GROUP_THAT}(?:has\\s+|have\\s+|had\\s+)?(?:battled|fought|clashed with)\\s+(?:${THE}⟦e\\d+⟧|(?:the\\s+)?[\\w-]+)\\s+(?:beside|alongside)\\s+${THE}${E("o")}`, GROUP, ACTOR, { timed: true }),
  // "X emerged in 2007 from the special groups ..., and was founded by Y"
  p("founded_by", `${E("s")}${ASIDE}\\s+(?:first\\s+)?(?:emerged|appeared|surfaced|began)\\b[^.;]{0,120}?,?\\s+and\\s+(?:was|were)\\s+(?:\\w+\\s+)?(?:founded|co-founded|formed|established|created|set up)\\s+by\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+)?${E("o")}`, GROUP, ACTOR, { timed: true }),
  // A sentence opening on a participle: "Founded in 2000 by the cleric X, Y ..."; "Founded in 1964 by students ..., Y is"
  p("founded_by", `^\\W*(?:Founded|Co-founded|Formed|Established|Created|Set up)${WHEN}${WHEN}\\s+by\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+)?${E("o")}${ACRONYM},\\s+${THE}${E("s")}`, GROUP, ACTOR, { timed: true }),
  p("founded", `^\\W*(?:Founded|Formed|Established|Created|Set up)\\b[^.;]{0,120}?,\\s+${THE}${E("s")}`, GROUP, undefined, { timed: true }),
  // "The X, founded in 1947, took up arms": a founding date in apposition.
  p("founded", `${E("s")}${ACRONYM},\\s+(?:first\\s+)?(?:founded|formed|established|created|set up)\\s+(?:in|on)\\s+[^,.;⟦]{1,30},`, GROUP, undefined, { timed: true }),
  // "X, a Sunni militant group founded by Y", "X, the umbrella created by Y": the founder in the appositive's description
  // (which may be masked as X itself).
  p("founded_by", `${E("s")}${ACRONYM},\\s+(?:(?:an?|the)\\s+(?:(?:[\\w-]+|⟦e\\d+⟧)\\s+){0,4}?(?:${OUTFIT}|${COALITION})|⟦\\k<s>⟧)\\s+(?:co-)?(?:founded|formed|established|created|set up)${WHEN}\\s+by\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+)?${KIN_OF}${E("o")}${NOT_KIN}`, GROUP, ACTOR, { timed: true, descriptor: true }),
  // "The movement's founder, X"; "X, founder of the Macina Liberation Front"
  p("founded_by", `${E("s")}${OWNS}\\s+(?:co-)?founder,?\\s+${E("o")}`, GROUP, ["PER"], { descriptor: true }),
  p("founded_by", `${E("o")},\\s+(?:the\\s+|one\\s+of\\s+the\\s+)?(?:\\w+\\s+)?(?:co-)?founders?\\s+of\\s+${THE}(?:original\\s+)?${E("s")}`, GROUP, ["PER"], { descriptor: true }),
  p("founded_by", `${E("o")},\\s+${THE}${E("s")}${OWNS}\\s+(?:\\w+\\s+)?(?:co-)?founder\\b`, GROUP, ["PER"], { descriptor: true }),
  // "JNIM was formed in March 2017 through the merger of A, B and C"; "A merged with smaller factions to form C"
  p("founded_by", `${E("s")}${ACRONYM}(?:\\s+(?:was|were)|,)\\s+(?:formed|founded|created|established|born|launched)\\b${ANY}{0,40}?\\b(?:through|by|from|after|in|with)\\s+(?:the|a)\\s+merger\\s+(?:of|between)\\s+(?<list>[^.;]*)`, GROUP, GROUP, { list: true, timed: true }),
  p("founded_by", `${E("o")}\\s+(?:\\w+\\s+)?merged\\s+with\\s+[^.;]{0,60}?\\s*to\\s+form\\s+${THE}${E("s")}`, GROUP, GROUP, { timed: true }),
  // "The New IRA was formed in 2012 when the Real IRA merged with RAAD and several factions": each one merging founded it
  // (a place in an aside, "the PWG, strong in Andhra Pradesh, merged with", is no group).
  p("founded_by", `${E("s")}${ACRONYM}\\s+(?:was|were)\\s+(?:formed|founded|created|established|born)\\b${ANY}{0,40}?\\bwhen\\s+${THE}${E("o")}${ACRONYM}(?:,[^,.;]*,)?\\s+(?:\\w+\\s+)?merged\\s+with\\b`, GROUP, GROUP, { timed: true }),
  p("founded_by", `${E("s")}${ACRONYM}\\s+(?:was|were)\\s+(?:formed|founded|created|established|born)\\b${ANY}{0,40}?\\bwhen\\s+[^.;]{1,120}?\\bmerged\\s+with\\s+(?<list>[^.;]*)`, GROUP, GROUP, { list: true, timed: true }),
  // Splits and defections.
  p("splinter_of", `${E("s")}\\s+(?:emerged|was formed|was founded|was created|came into being|grew)\\b${ANY}*?\\bwith\\s+the\\s+(?:defections?|departure)\\s+of\\s+(?<list>[^.;]*)`, GROUP, GROUP, { list: true, timed: true }),
  p("splinter_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:defected|broke away|split|splintered)\\s+from\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP, { timed: true }),
  // "X left Y in 2018 to join Z": out of the one, into the other.
  p("splinter_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:left|quit|abandoned|deserted)\\s+${THE}${E("o")}${WHEN}${WHEN}\\s+(?:to|and)\\s+(?:join|joined|form|formed|found|founded|set up)\\s+${THE}⟦e\\d+⟧`, ["PER", "ORG"], GROUP, { timed: true }),
  p("member_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:left|quit|abandoned|deserted)\\s+${THE}⟦e\\d+⟧${WHEN}${WHEN}\\s+(?:to|and)\\s+(?:join|joined)\\s+${THE}${E("o")}`, ["PER", "ORG"], GROUP, { timed: true }),
  p("splinter_of", `defectors\\s+from\\s+${THE}${E("o")}${ANY}*?\\b(?:joined|formed|founded|created)\\s+${THE}${E("s")}`, GROUP, GROUP, { timed: true }),
  // "In 1994 Buddhist soldiers broke away from Y to form X": whoever broke away, X split from Y.
  p("splinter_of", `\\b(?:broke\\s+away|broke\\s+off|split\\s+off|split|splintered|defected|walked\\s+out)\\s+from\\s+${THE}${E("o")}${ACRONYM}${WHEN}${WHEN}\\s+to\\s+(?:form|found|create|set\\s+up|launch|establish)\\s+${THE}(?:(?:new|rival|breakaway|own)\\s+)?${E("s")}`, GROUP, GROUP, { timed: true }),
  // "X was formed in 2012 by former members of Y", "X, founded by defectors from Y"
  p("splinter_of", `${E("s")}${ACRONYM}(?:\\s+(?:was|were)|,(?:\\s+which\\s+was)?)\\s+(?:\\w+\\s+)?(?:founded|co-founded|formed|established|created|set up|launched)${WHEN}${WHEN}\\s+by\\s+(?:[\\w-]+\\s+){0,2}?(?:members|fighters|commanders|defectors|veterans|cadres|militants|leaders|dissidents|deserters)\\s+(?:of|from)\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  // "ISWAP emerged in 2016 from a split in JAS"; "grew out of the Believing Youth"
  p("splinter_of", `${E("s")}${ASIDE}\\s+(?:first\\s+)?(?:grew|emerged|evolved|sprang|sprung|was born|originated|broke away|broke off|split|splintered)${WHEN}\\s+(?:out\\s+of|from)\\s+(?:(?:an?|the)\\s+(?:[\\w-]+\\s+)?(?:split|rift|schism|breakaway|cell|faction|wing|remnants?|splinter\\s+group)\\s+(?:in|within|from|of)\\s+)?${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  // "emerged as the hardline youth wing of the Islamic Courts Union"
  p("splinter_of", `${E("s")}${ASIDE}${WHICH}\\s+(?:first\\s+)?(?:emerged|began|started|originated)(?:\\s+life|\\s+out)?\\s+as\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:wing|faction|offshoot|branch|arm|cell|unit)\\s+(?:of|within)\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  // "HTS's forerunner, the Nusra Front"; "the Nusra Front, the forerunner of HTS"
  p("splinter_of", `${E("s")}\\s*['’]s\\s+(?:forerunner|predecessor|precursor|parent\\s+(?:group|organi[sz]ation|movement))\\s*,\\s+${THE}${E("o")}`, GROUP, GROUP, { descriptor: true }),
  p("splinter_of", `${E("o")}${ACRONYM},\\s+(?:the\\s+)?(?:forerunner|predecessor|precursor)\\s+(?:of|to)\\s+${THE}${E("s")}`, GROUP, GROUP, { descriptor: true }),
  // "Several TTP commanders defected in 2014 to help form ISKP"
  p("splinter_of", `${E("o")}\\s+(?:commanders|fighters|members|militants|leaders|figures|cadres)\\s+(?:\\w+\\s+)?defected${WHEN}\\s+to\\s+(?:help\\s+)?(?:form|found|create|establish|launch|set up)\\s+${THE}${E("s")}`, GROUP, GROUP, { timed: true }),
  // "announced that it had cut its ties with al Qaeda"; "broke with"
  p("splinter_of", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+)?(?:cut|severed|broke off|renounced)\\s+(?:(?:⟦e\\d+⟧|its|their|all)\\s+)?(?:ties|links|relations)\\s+(?:with|to)\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  p("splinter_of", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+)?(?:broke|parted ways)\\s+with\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  // Visits.
  p("visits", `${E("s")}\\s+(?:\\w+\\s+){0,2}?(?:visited|visits|is visiting|was visiting|travell?ed to|arrived in|flew to)\\s+${THE}${E("o")}`, ["PER", "ORG"], PLACE, { timed: true }),
  p("visits", `${E("s")}\\s+(?:is|was|has been)\\s+on\\s+(?:an?\\s+)?(?:\\w+\\s+)?${E("o")}\\s+(?:visit|trip|tour)`, ["PER", "ORG"], PLACE, { timed: true }),
  p("visits", `${E("s")}\\s*['’]s\\s+(?:\\w+\\s+)?(?:visit|trip)\\s+to\\s+${THE}${E("o")}`, ["PER", "ORG"], PLACE, { timed: true }),
  // Killings: "X killed Y", "Y was killed by X", "Y was killed in a US drone strike", "an Israeli air strike killed Y".
  p("killed", `${E("s")}\\s+(?:\\w+\\s+)?(?:killed|assassinated|murdered|executed|beheaded|shot dead)\\s+(?:\\w+\\s+){0,3}?${E("o")}`, ACTOR, ["PER"], { timed: true, subjectIs: notPlace }),
  p("killed", `${E("o")}${ASIDE},?\\s+(?:was|were|has been|had been)\\s+(?:\\w+\\s+)?(?:killed|assassinated|murdered|executed|shot dead)\\s+by\\s+${THE}${E("s")}`, ACTOR, ["PER"], { timed: true, subjectIs: notPlace }),
  // "X, the preacher who ... and was killed by a US drone"; "his successor, X, died in a US strike"; "X and Y, ..., were killed by"
  p("killed", `${E("o")}(?:${WHO}|${ASIDE},?\\s+(?:himself\\s+|herself\\s+)?)(?:(?:was|were|has been|had been)\\s+(?:\\w+\\s+)?killed|died)\\s+(?:in|by|during)\\s+(?:an?|the)\\s+${E("s")}(?:-led)?\\s+${STRIKE}`, ACTOR, ["PER"], { timed: true, subjectIs: notPlace }),
  p("killed", `${E("o")}\\s+and\\s+⟦e\\d+⟧${ASIDE},?\\s+were\\s+(?:\\w+\\s+)?killed\\s+(?:in|by|during)\\s+(?:an?|the)\\s+${E("s")}(?:-led)?\\s+${STRIKE}`, ACTOR, ["PER"], { timed: true, subjectIs: notPlace }),
  p("killed", `\\b(?:an?|the)\\s+${E("s")}(?:-led)?\\s+${STRIKE}[^.;]{0,60}?\\s+killed\\s+(?:[\\w-]+\\s+){0,3}?${E("o")}`, ACTOR, ["PER"], { timed: true, subjectIs: notPlace }),
  // Leadership by verbs ("led by X", "X had led the group"); titles are read in roles.ts and by `roles` below.
  // "X, who ran the national electoral commission (CENI)"; "X, the businessman who heads the union"
  p("leader_of", `${E("s")}${WHO}(?:heads|headed|leads|led|runs|ran|commands|commanded|chairs|chaired)\\s+${THE}(?:(?:[a-z][\\w-]*\\s+){1,4}(?=\\(⟦))?\\(?${OWNERS_OWNER}${E("o")}(?!\\s*['’]s)`, ["PER"], GROUP, { timed: true }),
  p("leader_of", `${E("o")}${ASIDE}(?:(?:\\s*['’]s?)?\\s+${TROOPS})?(?:\\s+(?:[^.;]{0,80}?,?\\s+and\\s+)?(?:is|was|are|were|has been|had been)|,(?:\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:group|faction|umbrella|alliance|coalition|movement|network|militia|outfit|organi[sz]ation|wing|branch|front|party|cartel|gang)\\b)?)\\s+(?:\\w+\\s+)?(?:led|headed|commanded|run|directed)(?:\\s+[^.;,]{0,40}?)?\\s+by\\s+(?:the\\s+)?(?:[a-z][\\w-]*\\s+|⟦\\k<o>⟧(?:\\s*['’]s)?\\s+(?:[\\w-]+\\s+)?${LEAD_POST}\\s*,\\s+)?${E("s")}`, ["PER"], GROUP, { timed: true }),
  // A party or faction leading a government or council: "X, which dominates the regional government", "X, the faction that dominates
  // the PA" (the description may be masked as X itself)
  p("leader_of", `${E("s")}${ACRONYM}\\s*,\\s+(?:which|(?:(?:an?|the)\\s+[^,.;⟦]{1,60}?|⟦\\k<s>⟧)\\s+(?:that|which))\\s+(?:now\\s+|still\\s+|effectively\\s+)?(?:dominates|dominated|leads|led|heads|headed)\\s+${THE}${E("o")}${ENDS}`, GROUP, GROUP, { timed: true, objectIs: isGoverning }),
  // "The group named X as its new emir" ("X was appointed the group's leader" is read in roles.ts)
  p("leader_of", `\\b(?:named|appointed|chose|elected|picked|installed)\\s+${E("s")}(?:,[^,.;]{1,60},)?\\s+as\\s+(?:the\\s+)?${E("o")}${OWNS}\\s+(?:new\\s+)?(?:${LEADER_ADJ}\\s+)?${LEAD_POST}\\b`, ["PER"], GROUP, { timed: true }),
  // "X succeeded Y as leader of Z in 2015", "X replaced Y as the group's emir"
  p("leader_of", `${E("s")}${SUCCEEDED_AS}(?:the\\s+)?${E("o")}${OWNS}\\s+(?:${LEADER_ADJ}\\s+)?${LEAD_POST}\\b`, ["PER"], GROUP, { timed: true }),
  p("leader_of", `${E("s")}${SUCCEEDED_AS}(?:the\\s+)?(?:${LEADER_ADJ}\\s+)?${LEAD_POST}\\s+of\\s+${THE}${E("o")}`, ["PER"], GROUP, { timed: true }),
  // "Y, which is loyal to X", "the second faction, Y, is loyal to X": the person Y follows leads it.
  p("leader_of", `${E("o")}${ACRONYM}(?:${WHICH}|,)?\\s+(?:is|are|was|were|remains|remain|remained)\\s+(?:(?:still|fiercely|largely|mostly|firmly)\\s+)?loyal\\s+to\\s+${E("s")}`, ["PER"], GROUP),
  // "X units loyal to the Y", "X forces loyal to Y": an organisation's fighters answer to it.
  p("affiliate_of", `${E("s")}${ACRONYM}\\s+(?:[\\w-]+\\s+)?(?:units|forces|fighters|brigades|battalions|militias|militiamen|cells)\\s+(?:(?:still|largely|mostly|nominally|formally)\\s+)?loyal\\s+to\\s+${THE}${E("o")}`, GROUP, GROUP, { descriptor: true }),
  // "Y, whose leader X ..."
  p("leader_of", `${E("o")}${ACRONYM},\\s+whose\\s+(?:(?:${LEADER_ADJ}|first)\\s+)?(?:leader|chief|head|emir|secretary-general|president|chairman|commander|founder)\\s*,?\\s+${E("s")}`, ["PER"], GROUP, { descriptor: true }),
  // "the Y (ACR), under X, broke away", "Y, now under commander X,": the writer's description in an appositive
  p("leader_of", `${E("o")}${ACRONYM},\\s+(?:now\\s+|then\\s+|still\\s+)?under\\s+(?:the\\s+)?(?:(?:leadership|command)\\s+of\\s+)?(?:[a-z][\\w-]*\\s+)?${E("s")}\\s*[,)]`, ["PER"], GROUP, { descriptor: true }),
  // "Headed by X, the Y controls the city"
  p("leader_of", `^\\W*(?:Led|Headed|Commanded|Run)\\s+by\\s+(?:[a-z][\\w-]*\\s+)?${E("s")}${ACRONYM},\\s+${THE}${E("o")}`, ["PER"], GROUP, { timed: true }),
  // "X had led the group", "X also chairs the council", "X commands the army's 3rd Division"; and past a first verb phrase, "X quit Y and went on to lead Z"
  p("leader_of", `${E("s")}${ACRONYM},?\\s+(?:who\\s+)?(?:has\\s+|had\\s+|have\\s+)?(?:\\w+\\s+)?(?:led|leads|heads|chairs|commands)\\s+${THE}${OWNERS_OWNER}${E("o")}${ENDS}`, ["PER"], GROUP, { timed: true }),
  p("leader_of", `${E("s")}${ACRONYM},?\\s+(?:[^.;,⟦]|(?<!\\b(?:and|or|but|while|as)\\s)⟦e\\d+⟧){1,80}?\\band\\s+(?:later\\s+)?went\\s+on\\s+to\\s+(?:lead|head|command)\\s+${THE}${OWNERS_OWNER}${E("o")}${ENDS}`, ["PER"], GROUP, { timed: true }),
  // A person's group: "X's faction of the Sudan Liberation Army", "X's JEM", "X's political bloc, Y", "X, whose Y militia"
  p("leader_of", `${E("s")}\\s*['’]s\\s+(?:(?:faction|wing)\\s+of\\s+the\\s+|(?:[\\p{Ll}-]+\\s+){0,2}?${LED_GROUP}\\s*,\\s+)?${E("o")}${ENDS}`, ["PER"], GROUP, { descriptor: true, objectIs: ledGroup }),
  p("leader_of", `${E("s")},\\s+whose\\s+${E("o")}\\s+${LED_GROUP}\\b`, ["PER"], GROUP, { descriptor: true, objectIs: ledGroup }),
  // "X, the preacher who also belonged to Y"; "X sat on Y's shura council"
  p("member_of", `${E("s")}(?:${WHO}|\\s+(?:\\w+\\s+)?)(?:belonged|belongs|belong)\\s+to\\s+${THE}${E("o")}`, ["PER"], GROUP, { timed: true }),
  p("member_of", `${E("s")}\\s+(?:has\\s+|had\\s+)?(?:\\w+\\s+)?(?:sat|sits|served|serves|was|is)\\s+(?:on|in|a member of)\\s+(?:the\\s+)?${E("o")}\\s*['’]s\\s+(?:[\\w-]+\\s+){0,2}?(?:council|committee|board|shura|cabinet|politburo|leadership)\\b`, ["PER"], GROUP, { timed: true }),
  p("member_of", `${E("o")}\\s+(?:spokesman|spokesperson|commander|member|official|fighter|militant)\\s+${E("s")}`, ["PER"], GROUP),
  // Alliances: "allied with", "coordinated attacks with", "fighting alongside", "Iran is the group's main backer".
  p("allied_with", `${E("s")}${ACRONYM}(?:\\s*,\\s*(?:which|who|that))?\\s+(?:\\w+\\s+){0,2}?(?:allied with|allies with|in alliance with|formed an alliance with|joined forces with|teamed up with)\\s+${THE}(?:(?:[\\w-]+\\s+|⟦e\\d+⟧\\s+){0,2}(?:group|movement|faction|militia|organi[sz]ation)\\s+)?${E("o")}`, ACTOR, ACTOR),
  p("allied_with", `${E("s")}${ASIDE}\\s+(?:\\w+\\s+){0,2}?(?:coordinated|co-ordinated)\\s+(?:attacks\\s+|operations\\s+|strikes\\s+)?with\\s+${THE}${E("o")}`, ACTOR, ACTOR, { timed: true }),
  p("allied_with", `${E("s")}${ASIDE}\\s+(?:(?!and\\b)\\w+\\s+){0,2}?(?:fighting|fought|fights|fight|operating|operates)\\s+(?:alongside|side by side with)\\s+(?:[^.;⟦]{1,40}?\\s+and\\s+)?(?:(?:[\\w-]+\\s+)?${TROOPS_OF}\\s+)?${THE}(?:⟦e\\d+⟧\\s*['’]s\\s+(?:forerunner|predecessor|precursor)\\s*,\\s+${THE})?${E("o")}`, ACTOR, ACTOR, { timed: true }),
  // "X fought alongside A against B": against the last.
  p("rival_of", `${E("s")}${ASIDE}\\s+(?:(?!and\\b)\\w+\\s+){0,2}?(?:fighting|fought|fights|fight)\\s+(?:alongside|beside|side by side with)\\s+[^.;]{1,80}?\\s+against\\s+${THE}${E("o")}`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  // "X declared war on Y", "waged a campaign against Y", "promised Y 'a long war of attrition'"
  p("rival_of", `${E("s")}${ASIDE}${WHICH}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:\\w+\\s+)?(?:declared|waged|wages|waging|promised|vowed|threatened)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,3}?(?:war|jihad|campaign|insurgency)\\s+(?:on|against)\\s+${THE}(?:\\p{L}+-[\\w-]+\\s+)?${E("o")}`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  p("rival_of", `${E("s")}${ASIDE}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:\\w+\\s+)?(?:promised|vowed|threatened)\\s+${THE}${E("o")}${ACRONYM}\\s+${QUOTE}?(?:an?\\s+)?(?:[\\w-]+\\s+){0,3}?(?:war|jihad)\\b`, ACTOR, ACTOR, { timed: true, subjectIs: notTown, objectIs: notTown }),
  // "The fighting pits X against Y"
  p("rival_of", `\\bpit(?:s|ted)?\\s+${THE}${E("s")}${ACRONYM}\\s+against\\s+${THE}${E("o")}`, ACTOR, ACTOR, { subjectIs: notTown, objectIs: notTown }),
  p("allied_with", `${E("s")}${ASIDE}\\s+(?:is|was|remains|remained|has been|became)\\s+${THE}${E("o")}${OWNS}\\s+(?:[\\w-]+\\s+){0,2}?(?:ally|backer|patron|sponsor)\\b`, ACTOR, ACTOR),
  // Places.
  p("based_in", `${E("s")}\\s*,?\\s*(?:which is\\s+|is\\s+|are\\s+|was\\s+)?(?:based|headquartered)\\s+in\\s+${THE}${E("o")}`, ["ORG"], PLACE),
  p("based_in", `${E("o")}[-–](?:based|headquartered)\\s+${E("s")}`, ["ORG"], PLACE),
  p("lives_in", `${E("s")}\\s+(?:\\w+\\s+){0,3}?(?:lives|lived|resides|resided|living|settled)\\s+(?:(?:under|with|in hiding|in exile)\\b[^.;,]{0,60}?\\s+)?in\\s+${THE}${E("o")}`, ["PER"], PLACE),
  p("located_in", `${E("s")},\\s+(?:an?\\s+)?(?:\\w+\\s+)?(?:city|town|village|district|province|region|area)\\s+(?:in|of)\\s+(?:\\w+\\s+)?${E("o")}`, PLACE, PLACE),
  p("located_in", `\\bin\\s+${E("o")}\\s*['’]s\\s+${E("s")}`, PLACE, PLACE),
  // "the deep-sea port of Gwadar in Balochistan"
  p("located_in", `\\b(?:port|city|town|village|district|province|region|capital|area)\\s+of\\s+${E("s")}\\s+in\\s+(?:the\\s+)?(?:\\w+\\s+)?${E("o")}`, PLACE, PLACE),
  // "Wagner, whose fighters deployed to Mali"; "Turkey has kept troops at observation posts in Idlib"; "X, which keeps military posts across Y"
  p("operates_in", `${E("s")}${ACRONYM},?\\s+(?:whose|with\\s+its)\\s+${TROOPS}\\s+(?:\\w+\\s+){0,2}?(?:deployed|operate|operated|are active|were active|arrived|were sent|are stationed|were stationed)\\s+(?:to|in)\\s+${PART_OF}${E("o")}`, ACTOR, PLACE, { timed: true }),
  p("operates_in", `${E("s")}${ASIDE},?\\s+(?:which\\s+|who\\s+)?(?:\\w+\\s+){0,2}?(?:kept|keeps|deployed|deploys|stationed|stations|maintains|maintained|sent)\\s+(?:its\\s+|their\\s+|⟦e\\d+⟧\\s+)?(?:${TROOPS}|(?:[\\w-]+\\s+)?(?:posts|bases|outposts|garrisons|camps))\\s+(?:[\\w-]+\\s+){0,4}?(?:in|to|inside|across)\\s+${PART_OF}(?:⟦e\\d+⟧\\s*['’]s\\s+)?${E("o")}`, ["ORG", "GPE"], PLACE, { timed: true }),
  // "They seized the capital Sanaa"; "which controlled Mogadishu"; "which rules the province"; "X has taken 14 of Y's 17 districts"
  p("operates_in", `${E("s")}${ACRONYM},?\\s+(?:which\\s+|who\\s+)?(?:\\w+\\s+)?(?:seized|captured|overran|took control of|took over|took|taken|controlled|controls|holds?|held|rules|ruled)\\s+${PART_OF}${E("o")}(?!\\s+(?:responsible|accountable|hostage|captive|liable|to\\s+court))`, GROUP, PLACE, { timed: true }),
  // In an appositive: "X, the Islamist alliance that rules the province", "X, the jihadist coalition now ruling Y" (the
  // description may be masked as X itself)
  p("operates_in", `${E("s")}${ACRONYM}\\s*,\\s+(?:(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${RULER}|⟦\\k<s>⟧)\\s+(?:(?:that|which)\\s+(?:now\\s+|still\\s+|effectively\\s+)?(?:rules|ruled|controls|controlled|runs|ran|holds|held|administers|administered)|(?:now\\s+|still\\s+)?(?:ruling|controlling|running|holding|administering))\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { descriptor: true }),
  // "has claimed a string of attacks on Nigerian troops in Borno"
  p("operates_in", `${E("s")}${ACRONYM}\\s+(?:has\\s+|have\\s+|had\\s+)?(?:(?:since|also|repeatedly|often)\\s+)?(?:claimed|carried out|launched|staged|mounted|conducted|stepped up)\\s+(?:responsibility\\s+for\\s+)?(?:[\\w-]+\\s+){0,4}?(?:${ATTACK_NOUNS}|operations)\\s+(?:(?:on|against)\\s+(?:(?:[\\w-]+|⟦e\\d+⟧(?:['’]s)?)\\s+){0,3}?)?(?:${MAINLY}\\s+)?in\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { timed: true }),
  // "X has branches in A and B", "X was founded in 1997 ... and later set up branches in A, B and C"
  p("operates_in", `${E("s")}${ACRONYM}(?:\\s+(?:was|were)\\s+(?:founded|formed|created|established|set up)[^.;]{0,160}?,?\\s+and)?\\s+(?:(?:later|since|also|now|then|has|have|had)\\s+)?(?:set up|established|opened|formed|built|has|have|had|maintains|maintained)\\s+(?:[\\w-]+\\s+)?(?:branches|chapters|affiliates|cells|offshoots)\\s+in\\s+(?<list>[^.;]*)`, GROUP, PLACE, { list: true, timed: true }),
  // "ISKP fighters attacked a checkpoint in Kunar": where an armed group strikes, it operates.
  p("operates_in", `${E("s")}\\s+(?:(?:fighters|militants|gunmen|insurgents|members|suicide bombers)\\s+)?(?:\\w+\\s+)?(?:attacked|ambushed|stormed|raided|overran|bombed|struck|seized|captured)\\s+(?:(?:[\\w-]+|⟦e\\d+⟧)\\s+){0,4}?(?:in|near|across)\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { timed: true, subjectIs: (e) => e.subtype === "armed_group" }),
  // "a Hamas commander in Gaza": a group's men in a place are the group there.
  p("operates_in", `\\b(?:an?|the)\\s+(?:(?:local|senior|regional)\\s+)?${E("s")}\\s+(?:commander|fighters?|militants?|cells?|units?)\\s+in\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { descriptor: true }),
  // "the group's stronghold of A", "a Taliban stronghold in A"; "A, an ISIS stronghold"
  p("operates_in", `${E("s")}${OWNS}\\s+(?:[\\w-]+\\s+)?(?:stronghold|bastion|heartland|hideout|sanctuary)s?\\s+(?:of|in)\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { descriptor: true }),
  p("operates_in", `${E("o")},\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+)?${E("s")}\\s+(?:stronghold|bastion|heartland|hideout|sanctuary)\\b`, GROUP, PLACE, { descriptor: true }),
  // "al-Shabaab is al Qaeda's affiliate in Somalia", and the same in an appositive: "ISSP, the Islamic State's branch in the Sahel"
  p("operates_in", `${E("s")}${ASIDE}\\s+(?:is|was|became|has become|remains)\\s+(?:(?:an?|the)\\s+)?(?:⟦e\\d+⟧(?:\\s*['’]s)?\\s+)?(?:[\\w-]+\\s+){0,3}?${BRANCH}\\s+in\\s+${PART_OF}${E("o")}`, GROUP, PLACE),
  p("operates_in", `${E("s")}${APPOSITIVE}(?:(?:an?|the)\\s+)?(?:[^\\s,;.]+\\s+){0,4}?${BRANCH}\\s+in\\s+${PART_OF}${E("o")}`, GROUP, PLACE, { descriptor: true }),
  // In an appositive: "X, the dominant armed group in Syria's Idlib province", "X, the dominant force in Y", "X, the largest of several groups fighting for an independent Balochistan"
  p("operates_in", `${E("s")}${APPOSITIVE}(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${RULER}\\s+(?:(?:active|operating|fighting|entrenched|present|rooted)\\s+)?in\\s+(?:the\\s+)?(?:⟦e\\d+⟧\\s*['’]s\\s+(?:[\\w-]+\\s+)?)?${E("o")}`, GROUP, PLACE, { descriptor: true }),
  // "X is Colombia's largest guerrilla army"; "X, the most powerful of Iraq's militias" (the writer's description)
  p("operates_in", `${E("s")}${ASIDE}\\s+(?:is|was|remains|has become|became)\\s+(?:the\\s+(?:[\\w-]+\\s+){1,3}?(?:of|among)\\s+)?${E("o")}\\s*['’]s\\s+${PLAIN_WORDS}${OUTFIT}\\b`, GROUP, PLACE),
  p("operates_in", `${E("s")}${ACRONYM}\\s*,\\s+(?:the\\s+(?:[\\w-]+\\s+){1,3}?(?:of|among)\\s+)?${E("o")}\\s*['’]s\\s+${PLAIN_WORDS}${OUTFIT}\\b`, GROUP, PLACE, { descriptor: true }),
  p("operates_in", `${E("s")}${APPOSITIVE}(?:an?|the|one)\\s+[^,;.⟦—–()]{0,60}?\\b(?:fighting|struggling|campaigning|battling)\\s+for\\s+(?:an?\\s+)?(?:independent|separate|free|autonomous)\\s+${E("o")}`, GROUP, PLACE, { descriptor: true }),
];

/** Patterns naming a subject and an object placeholder: a sentence holding fewer than two placeholders matches none. */
const PAIRED = new Set(PATTERNS.filter(({ regex, list }) => !list && regex.source.includes("(?<s>") && regex.source.includes("(?<o>")));

/**
 * A place or backer spelt inside one word before a group: "the Pakistan-based X", "the Iran-aligned X", or
 * the group noun of an appositive, "X, the most powerful of Iraq's Iran-aligned militias".
 */
const NAME_COMPOUND = new RegExp(
  `(?:⟦(?<head>e\\d+)⟧${ACRONYM}\\s*,\\s+(?:an?|the|one)\\s+(?:[^,;.⟦—–()]|⟦e\\d+⟧\\s*['’]s)*?)?\\b(?<name>\\p{Lu}\\p{L}*(?:\\s\\p{Lu}\\p{L}*)?)-(?<how>based|headquartered|aligned|backed|allied|sponsored|funded|supported)\\s+(?:the\\s+)?(?:⟦(?<group>e\\d+)⟧|(?:[\\w-]+\\s+)?${OUTFIT}\\b)`,
  "gu",
);
const SUCCEEDED_BY = /\b(?:was|were|has been|had been)\s+(?:later\s+)?succeeded\s+by\s+⟦(e\d+)⟧/giu;
/** "his successor, Y", "X's predecessor Y". */
const SUCCESSOR_OF = /⟦(e\d+)⟧(?:\s*['’]s)?\s+(?:immediate\s+|eventual\s+)?(successor|predecessor)\s*,?\s+⟦(e\d+)⟧/giu;
const SUCCEEDED = /⟦(e\d+)⟧,?\s+(?:who\s+)?(?:\w+\s+)?(?:succeeded|replaced|took over from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟦(e\d+)⟧/giu;
/**
 * "active in A and B", "remain active on the islands of Lake Chad", "has spread across the border districts of A and B",
 * "operates mainly around A", "fights mainly in A"; "operate from sanctuaries in A" is where the group is based.
 */
const ACTIVE_IN = new RegExp(
  `\\b(active|operating|operates|operate|present|based|headquartered|spread|spreading|spreads|expanded|expanding|fights|fight|fighting)\\s+(?:(?:mainly|mostly|largely|chiefly|primarily|principally|predominantly)\\s+)?(?:in|on|into|across|throughout|around|(from)\\s+(?:[\\w-]+\\s+){0,2}?(?:sanctuaries|bases|hideouts|havens|camps|safe\\s+houses)\\s+(?:in|inside|across))\\s+(?:the\\s+(?:(?:border|rural|remote|northern|southern|eastern|western|central)\\s+)?(?:islands?|shores?|banks?|borders?|outskirts|forests?|mountains?|edges?|districts|areas|regions|provinces|states|villages)\\s+(?:of|around)\\s+)?((?:the\\s+)?(?:${REGIONAL}\\s+)?⟦e\\d+⟧(?:\\s*(?:,|and|,\\s*and)\\s*(?:the\\s+)?(?:${REGIONAL}\\s+)?⟦e\\d+⟧)*)`,
  "giu",
);
/** "his Pakistani counterpart, Y", "Iran's counterpart Y": the country before the noun and the person named after it. */
const COUNTERPART = /⟦(e\d+)⟧(?:\s*['’]s)?\s+counterpart\s*,?\s+⟦(e\d+)⟧/gu;
const APPOSITIVE_OPENER = /(?:[—–(]|,)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:affiliate|branch|group|organi[sz]ation|outfit|faction|offshoot|movement|network|wing)\b/giu;
const ROLE_WORDS = new Set(["leader", "chief", "head", "emir", "founder", "spokesman", "spokesperson", "commander", "president", "minister", "general", "secretary-general"]);
/** Roles that belong to an organisation, not a state: a bare one is read as the nearby armed group's. */
const GROUP_ROLES = new Set(["leader", "emir", "secretary-general", "spokesman", "spokesperson", "commander"]);
/** Words before a role that do not narrow it ("led by commander X", "the spokesman X"). */
const NOT_MODIFIERS = new Set(["by", "of", "to", "for", "with", "from", "and", "as", "the", "a", "an", "that", "said", "says"]);
/** Relations between entities: table-driven patterns, plus roles before names and "active in" lists. */
export class RelationFinder implements Component {
  readonly name = "relations";

  run(doc: AnalysedDoc): void {
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = doc.masked(s);
      if (masked.hasEntities) {
        const pair = masked.text.indexOf("⟦", masked.text.indexOf("⟦") + 1) >= 0;
        for (const pattern of PATTERNS) if (pair || !PAIRED.has(pattern)) this.matchPattern(doc, masked, pattern);
        this.activeIn(doc, masked);
        this.compoundNames(doc, masked);
        for (const post of postsIn(doc, masked)) this.add(doc, post);
        for (const membership of membersByCount(doc, masked)) this.add(doc, membership);
      }
      this.roles(doc, s);
      if (masked.hasEntities && masked.text.includes("counterpart")) this.counterparts(doc, masked);
    }
    // A successor takes over a leadership found anywhere in the document.
    for (let s = 0; s < doc.sentences.length; s++) if (doc.masked(s).hasEntities) this.successions(doc, doc.masked(s));
  }

  private matchPattern(doc: AnalysedDoc, masked: MaskedSentence, pattern: Pattern): void {
    for (const m of matchesOf(pattern.regex, masked.text)) {
      const g = m.groups!;
      let to = m.index! + m[0].length;
      let objects: (string | null)[] = [g.o ?? null];
      let subjects = [g.s!];
      if (pattern.list) {
        const listStart = to - g.list!.length;
        to = listStart + cutList(g.list!);
        objects = masked.entitiesIn(listStart, to).slice(0, 8);
      } else if (pattern.members) {
        const listStart = m.index! + m[0].indexOf(g.members!);
        subjects = masked.entitiesIn(listStart, listStart + g.members!.length).slice(0, 8);
      }
      if (pattern.owner && demonymAt(doc, masked, m.index! + m[0].indexOf(`⟦${g[pattern.owner]}⟧`))) continue;
      const [start, end] = masked.span(m.index!, to);
      for (const subject of subjects) {
        if (!this.fits(doc, subject, pattern.subject, pattern.subjectIs)) continue;
        for (const object of objects) {
          if (object !== null && (!pattern.object || !this.fits(doc, object, pattern.object, pattern.objectIs))) continue;
          if (object === subject) continue;
          this.add(doc, {
            subject,
            predicate: pattern.predicate,
            object,
            time: pattern.timed ? timeNear(doc, masked.index, start) : undefined,
            attributed_to: pattern.descriptor ? null : claimantOf(doc, start, end),
            confidence: 0.7,
            provenance: [doc.provenance(start, end)],
          });
        }
      }
    }
  }

  /** "X — an affiliate of Y active in A and B —": the places belong to the appositive's head, X. */
  private activeIn(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(ACTIVE_IN, masked.text)) {
      const openers = [...masked.text.slice(0, m.index!).matchAll(APPOSITIVE_OPENER)];
      const opener = openers[openers.length - 1];
      const head = masked.text.slice(0, m.index!);
      const subject = opener ? subjectBefore(masked, opener.index!)?.entity : directSubject(head);
      if (!subject || !this.fits(doc, subject, ["ORG", "PER"])) continue;
      // "the A and B operate from ...": both subjects.
      const other = opener ? undefined : /⟦(e\d+)⟧\)?\s+and\s+(?:the\s+)?⟦e\d+⟧\)?\s*(?:(?:are|were|remain|remained)\s+)?(?:(?:also|mainly|mostly|largely|now|still)\s+)?$/.exec(head)?.[1];
      const subjects = other && other !== subject && this.fits(doc, other, ["ORG", "PER"]) ? [other, subject] : [subject];
      // "operate from sanctuaries in X": X is where the group is based, not only where it fights.
      const predicate: Predicate = /based|headquartered/i.test(m[1]!) || m[2] ? "based_in" : "operates_in";
      const [start, end] = masked.span(m.index!, m.index! + m[0].length);
      for (const place of masked.entitiesIn(m.index!, m.index! + m[0].length)) {
        if (!this.fits(doc, place, PLACE)) continue;
        for (const who of subjects) this.add(doc, { subject: who, predicate, object: place, attributed_to: claimantOf(doc, start, end), confidence: 0.7, provenance: [doc.provenance(start, end)] });
      }
    }
  }

  /**
   * "Iran's foreign minister, X, met his Pakistani counterpart, Y": Y holds the same post in the country named before
   * "counterpart" (the post of the other person whose post this sentence names, if any).
   */
  private counterparts(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(COUNTERPART, masked.text)) {
      const [country, person] = [m[1]!, m[2]!];
      if (!this.fits(doc, person, ["PER"]) || !this.fits(doc, country, ["GPE"], isState)) continue;
      const other = doc.relations.find((r) => r.predicate === "holds_position" && r.subject !== person && r.role && r.provenance.some((p) => p.sentence === masked.index));
      const [start, end] = masked.span(m.index!, m.index! + m[0].length);
      this.add(doc, { subject: person, predicate: "holds_position", object: country, role: other?.role, attributed_to: null, confidence: 0.6, provenance: [doc.provenance(start, end)] });
    }
  }

  /** "the Pakistan-based Lashkar-e-Taiba": the place is spelt inside one word, so no mention masks it. */
  private compoundNames(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(NAME_COMPOUND, masked.text)) {
      const { head, name, how, group } = m.groups!;
      const subject = group ?? head;
      // "New Delhi-based" or, after a capitalised word like "The", "Pakistan-based".
      const names = [name!, name!.replace(/^\S+\s/, "")].map((n) => n.toLowerCase());
      const based = how === "based" || how === "headquartered";
      const named = doc.entities.find((e) => (based ? PLACE : ACTOR).includes(e.type) && [e.name, ...e.aliases].some((n) => names.includes(n.toLowerCase())));
      if (!subject || !named || named.id === subject || !this.fits(doc, subject, ["ORG"])) continue;
      const [start, end] = masked.span(m.index!, m.index! + m[0].length);
      this.add(doc, { subject, predicate: based ? "based_in" : "allied_with", object: named.id, attributed_to: null, confidence: 0.7, provenance: [doc.provenance(start, end)] });
    }
  }

  /**
   * "X ... was succeeded by Y", "Y, who replaced X", "his successor, Y": Y leads what X led;
   * "his predecessor, Y": Y led what he leads.
   */
  private successions(doc: AnalysedDoc, masked: MaskedSentence): void {
    const found: { successor: string; predecessors: string[]; at: number; to: number; former?: boolean; undated?: boolean }[] = [];
    for (const m of matchesOf(SUCCEEDED_BY, masked.text)) {
      found.push({ successor: m[1]!, predecessors: masked.entitiesIn(0, m.index!).reverse(), at: m.index!, to: m.index! + m[0].length });
    }
    for (const m of matchesOf(SUCCEEDED, masked.text)) found.push({ successor: m[1]!, predecessors: [m[2]!], at: m.index!, to: m.index! + m[0].length });
    for (const m of matchesOf(SUCCESSOR_OF, masked.text)) {
      // The one whose leadership is known passes it on, forward to a successor or back to a predecessor; no date says when.
      found.push({ successor: m[3]!, predecessors: [m[1]!], at: m.index!, to: m.index! + m[0].length, former: m[2]!.toLowerCase() === "predecessor", undated: true });
    }
    for (const { successor, predecessors, at, to, former, undated } of found) {
      if (!this.fits(doc, successor, ["PER"])) continue;
      const led = predecessors
        .filter((id) => this.fits(doc, id, ["PER"]))
        .map((id) => doc.relations.find((r) => r.subject === id && r.predicate === "leader_of" && r.object !== null && r.attributed_to === null))
        .find((r) => r !== undefined);
      if (!led || led.object === successor) continue;
      const [start, end] = masked.span(at, to);
      this.add(doc, {
        subject: successor,
        predicate: "leader_of",
        object: led.object,
        status: former ? "former" : undefined,
        time: former || undated ? undefined : timeNear(doc, masked.index, start),
        attributed_to: claimantOf(doc, start, end),
        confidence: 0.6,
        provenance: [doc.provenance(start, end)],
      });
    }
  }

  /**
   * "former prime minister Imran Khan", "Pakistan's army chief General Asim Munir": the role
   * before a name. A title is the writer's description, so it is the document's assertion.
   */
  private roles(doc: AnalysedDoc, sentence: number): void {
    const s = doc.sentences[sentence]!;
    const gaz = gazetteer();
    for (const mention of doc.mentionsIn(s.start, s.end)) {
      if (mention.type !== "PER" || mention.anaphoric || !mention.entity) continue;
      const words: string[] = [];
      let k = mention.first - 1;
      // Lower-case words, or capitalised ones no other mention holds ("Interior Minister X").
      while (k >= s.first && k >= mention.first - 5 && roleWordAt(doc, k)) words.unshift(doc.tokens[k--]!.text.toLowerCase());
      let role: string | undefined;
      let roleStart = mention.first;
      for (let i = 0; i < words.length; i++) {
        const phrase = words.slice(i).join(" ");
        if (gaz.isRole(phrase) || (words.length - i === 1 && ROLE_WORDS.has(phrase))) {
          role = phrase;
          roleStart = mention.first - (words.length - i);
          break;
        }
      }
      const title = doc.tokens[mention.first]!.text.toLowerCase();
      if (!role && TITLES.has(title) && gaz.isRole(title)) role = title;
      if (!role) continue;
      let modifier = words[words.length - (mention.first - roleStart) - 1];
      const [head, ...rest] = role.split(" ");
      if (rest.length > 0 && (FORMER.has(head!) || CURRENT.has(head!))) {
        // "former prime minister" is listed as a role; the status is ours to keep apart.
        [modifier, role] = [head, rest.join(" ")];
        roleStart += 1;
      }
      const status = statusOf(modifier ? [modifier] : []);
      // "its spokesman X" (the pronoun is the owner), "Mali's interim president X" (the owner before the modifier).
      const owner = ownerBefore(doc, roleStart) ?? (modifier ? ownerBefore(doc, roleStart - 1) : undefined);
      // "spokesman X", "led by commander X" or "former leader X" with no owner named: the armed group the passage is about.
      const bare = !owner && GROUP_ROLES.has(role) && (!modifier || !!status || NOT_MODIFIERS.has(modifier));
      if (modifier && DEPUTY.has(modifier)) role = `${modifier} ${role}`;
      const object = owner?.entity ?? (bare ? armedGroupBefore(doc, mention.start) : undefined) ?? homeCountry(doc, mention.text) ?? dominantCountry(doc);
      // An owner's post takes its predicate by the rule of posts described around a name ("top commander X" leads,
      // "senior commander X" holds a post); with no owner found, a role is all there is to tell.
      const parts = role.split(" ");
      const narrows = !!modifier && !DEPUTY.has(modifier) && !NOT_MODIFIERS.has(modifier) && !Object.hasOwn(PRONOUNS, modifier);
      const written = { words: [...(narrows ? [modifier!] : []), ...parts.slice(0, -1)], head: parts[parts.length - 1]!, of: "", indefinite: modifier === "a" || modifier === "an", local: false };
      const post = object ? postOf(written, doc.entity(object)?.type === "ORG") : { predicate: "holds_position" as const };
      if (!post) continue;
      const start = doc.tokens[modifier ? roleStart - 1 : roleStart]!.start;
      this.add(doc, {
        subject: mention.entity,
        predicate: post.predicate,
        object: object ?? null,
        role,
        status,
        time: status === "former" ? undefined : doc.document.date,
        attributed_to: null,
        confidence: owner ? 0.8 : 0.6,
        provenance: [doc.provenance(start, mention.end)],
      });
    }
  }

  private fits(doc: AnalysedDoc, id: string, types: Types, test?: (entity: Entity) => boolean): boolean {
    const entity = doc.entity(id);
    return !!entity && types.includes(entity.type) && (!test || test(entity));
  }

  private add(doc: AnalysedDoc, relation: Relation): void {
    // What the writer states at a place is not also a speaker's claim there.
    const stated = (r: Relation) => r.attributed_to === null && r.provenance.some((p) => p.start === relation.provenance[0]!.start);
    if (relation.attributed_to !== null && doc.relations.some((r) => r.subject === relation.subject && r.predicate === relation.predicate && r.object === relation.object && stated(r))) return;
    const same = doc.relations.find((r) => r.subject === relation.subject && r.predicate === relation.predicate && r.object === relation.object && r.attributed_to === relation.attributed_to);
    if (same) {
      for (const span of relation.provenance) addTightest(same.provenance, span);
      same.time ??= relation.time;
      return;
    }
    doc.relations.push(relation);
  }
}

/** Two patterns reading one relation in overlapping words give one source span: the shorter, closer to the words that say it. */
function addTightest(spans: Provenance[], span: Provenance): void {
  const i = spans.findIndex((q) => q.document === span.document && q.start < span.end && span.start < q.end);
  if (i < 0) spans.push(span);
  else if (span.end - span.start < spans[i]!.end - spans[i]!.start) spans[i] = span;
}

function roleWordAt(doc: AnalysedDoc, k: number): boolean {
  const text = doc.tokens[k]!.text;
  if (/^\p{Ll}[\p{Ll}-]*$/u.test(text)) return true;
  return /^\p{Lu}\p{Ll}+$/u.test(text) && !doc.inMention(k);
}

/** "Pakistan's army chief", "Pakistani army chief", "ISKP leader": the named owner right before a role. */
function ownerBefore(doc: AnalysedDoc, roleStart: number) {
  const possessive = /^['’]s$/.test(doc.tokens[roleStart - 1]?.text ?? "");
  const end = roleStart - (possessive ? 1 : 0);
  // An anaphor owns a role when it is a possessive pronoun or a description of an organisation ("the group's").
  return doc.mentionsEndingBefore(end).find((m) => m.entity && m.type !== "PER" && (!m.anaphoric || m.type === "ORG" || /^(its|their)$/i.test(m.text)));
}

/**
 * The armed group a passage is about, before `offset`: the last one named in its sentence or the one
 * before, else the document's own (named most, at least three times, twice as often as any other).
 */
function armedGroupBefore(doc: AnalysedDoc, offset: number): string | undefined {
  const from = doc.sentences[Math.max(0, doc.sentenceAt(offset) - 1)]!.start;
  const near = doc.mentionsIn(from, offset).filter((m) => doc.entity(m.entity)?.subtype === "armed_group");
  return near[near.length - 1]?.entity ?? dominant(doc, (e) => e.subtype === "armed_group");
}

/** Whether the placeholder at masked offset `at` stands for a demonym ("French", "Afghan"). */
function demonymAt(doc: AnalysedDoc, masked: MaskedSentence, at: number): boolean {
  const [start] = masked.span(at, at + 1);
  return !!doc.mentionStartingAt(start)?.demonym;
}

/** "X, active in", "X, which was active in": the entity right before, with nothing but a comma, a relative pronoun or a copula between. */
function directSubject(head: string): string | undefined {
  return /⟦(e\d+)⟧\)?\s*(?:,\s*(?:(?:which|who|that)\s+)?)?(?:(?:is|are|was|were|remain|remains|remained|has been|have been|had been)\s+)?(?:(?:also|mainly|mostly|largely|now|still)\s+)?$/.exec(head)?.[1];
}

/** A list of entities ends where the clause goes on ("... fighters active in ..."). */
function cutList(list: string): number {
  const stop = /\s(?:active|operating|who|which|that|in|from|to|across|based)\s/.exec(list);
  return stop ? stop.index : list.length;
}

/** The country a gazetteer files a known person under, if the document names it. */
function homeCountry(doc: AnalysedDoc, name: string): string | undefined {
  const country = gazetteer().lookup(name)?.country?.toLowerCase();
  return country ? doc.entities.find((e) => e.key === `gpe:${country}`)?.id : undefined;
}

/** The country a document is about: named at least three times and twice as often as any other. */
function dominantCountry(doc: AnalysedDoc): string | undefined {
  return dominant(doc, (e) => e.type === "GPE" && e.subtype === "country");
}

/** The entity of a kind that a document is about: named at least three times and twice as often as any other. */
function dominant(doc: AnalysedDoc, kind: (entity: Entity) => boolean): string | undefined {
  const counts = doc.entities
    .filter(kind)
    .map((e) => [e.id, e.mentions.length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [top, second] = counts;
  return top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined;
}
