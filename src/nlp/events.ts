import type { Event, PloverType } from "../model/index.js";
import { mainSubject, subjectBefore } from "./clauses.js";
import { type ClaimSpan, claimantOf, claimSpansMeeting, timeNear } from "./context.js";
import type { AnalysedDoc, Component, Entity, MentionSpan } from "./doc.js";
import { ENT_G, type MaskedSentence, matchesOf, ORGAN } from "./masked.js";

/** The days of the week, as dates are told in news ("on Monday"), as a regular expression's alternatives. */
export const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/** A count before a noun ("12", "two", "dozens of"): killed soldiers, hit buses, the victims of a claimed attack. */
const NUMBER = "\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|scores of|hundreds of|several";

/** What is fired at someone: "fired rockets at X", "launched ballistic missiles into X". */
const PROJECTILES = "(?:[\\w-]+ ){0,2}?(?:rockets?|missiles?|mortars?|mortar rounds|shells|drones?|artillery|projectiles)";
/** Nouns of an armed attack ("the ambush on", "air strikes", "an incursion into"): every list of attacks here and in the relation finder's patterns. */
export const ATTACK_NOUNS = "(?:attacks?|assaults?|raids?|bombings?|ambush(?:es)?|(?:air\\s?)?strikes?|offensives?|incursions?)";
/** An entity placeholder, and one with its acronym in brackets after it ("the Southern Front (SF)"). */
const E = "⟦e\\d+⟧";
const NAMED = `(?:the\\s+)?${E}(?:\\s+\\(${E}\\))?`;
/** Abusive names for an adversary ("mercenaries", "a terrorist group", "puppets"): describing someone by one accuses them. */
export const ABUSIVE_NAMES = "(?:mercenar(?:y|ies)|terrorists?|criminals?|puppets?|agents|traitors?|apostates?|crusaders?|occupiers?|invaders?|lackeys?|thugs?|murderers?|bandits?|infidels?|stooges?|proxies|enem(?:y|ies))";
/** What a noun of speech refers to when nobody's name comes with it: someone's words, said before. */
const SAID_NOUNS = "claims?|accusations?|allegations?|charges?|findings|reports?|statements?|assertions?|account|version|video|remarks?|comments";

/** A country's or a force's people whose killing is an assault on it: "killed 12 Kenyan soldiers". */
const SOLDIERS = "soldiers|troops|policemen|police officers|security personnel|peacekeepers|guards|sailors|marines|officers|engineers|workers|nationals|citizens";
/** Emergency rule over a place or people: what imposing coerces and lifting concedes (PLOVER's COERCE curfew and martial-law modes). */
const EMERGENCY_RULE = "curfews?|blockades?|siege|states? of (?:emergency|siege)|emergency (?:measures|rule)|martial law";
/** Imposing emergency rule on or in a place named next: "imposed a curfew in", "declared a 30-day state of siege in", "the blockade of". */
const EMERGENCY_IMPOSED =
  `(?:an? |the |its |their |new |fresh |(?:an? )?[\\w-]+-(?:day|hour|week|month) )?(?:[\\w-]+ ){0,2}?(?:${EMERGENCY_RULE})(?: on (?:${WEEKDAYS}))? (?:on|in|over|across|throughout|of)(?= (?:the )?(?:[a-z-]+ )?⟦)`;
/** What is given as aid (PLOVER's AID): money, arms, relief goods ("support" may be words only: just "provided support to"). */
const AID_GOODS =
  "(?:aid|assistance|funding|funds|money|loans?|grants?|credits?|weapons|arms|ammunition|military equipment|equipment|food|rice|grain|medicines?|medical supplies|drugs|vaccines|relief|supplies|goods|tents|blankets)";
/** Protests held ("a demonstration", "a sit-in", "a general strike"); a strike only of work or hunger, never an air strike. */
const PROTEST_NOUNS = "(?:demonstrations?|protests?|sit-ins?|boycotts?|(?:general|hunger|nationwide|national|labou?r|wildcat|token|sit-down|indefinite|[\\w]+-(?:day|hour)) strikes?)";
/** Nouns of a settlement between parties. */
const PACT = "(?:agreement|deal|accord|ceasefire|truce|treaty|pact)";
/** Verbs (as written) that report a PLOVER event; the subject is the source, the object the target. */
const TRIGGERS: [PloverType, string][] = [
  [
    "ACCUSE",
    // "complained to the UN on Tuesday over two Israeli air raids": the one complained of, not the one complained to.
    `(?:complained|complains|complaining)(?:\\s+to\\s+(?:the\\s+)?⟦e\\d+⟧)?(?:\\s+(?:on\\s+)?(?:${WEEKDAYS}|today|yesterday))?\\s+(?:about|over|of)|` +
      "accused|accuses|accusing|accuse|slammed|slams|slamming|critici[sz]ed|critici[sz]es|criticising|criticizing|condemned|condemns|condemning|denounced|denounces|blamed|blames|blaming|lambasted|castigated|decried|labell?ed|branded|branding|vilified|chastised|rebuked" +
      `|(?:called|calls|calling|dubbed|dubbing|termed|terming|described|describing)(?=\\s+(?:the\\s+)?${E}(?:['’]s)?(?:\\s+(?!as\\b)[\\w-]+){0,2}?\\s*(?:[“"‘]|'(?!s\\b)))` +
      // "described the council's fighters as 'mercenaries of ...'" or as a "terrorist group": a description by an abusive name ("as a close partner" is none).
      `|(?:described|describes|describing|portrayed|portrays|portraying)(?=\\s+(?:the\\s+)?${E}(?:['’]s)?(?:\\s+[\\w-]+){0,2}?\\s+as\\s+[“"‘']?(?:an?\\s+[“"‘']?)?(?:[\\w-]+\\s+){0,2}?${ABUSIVE_NAMES}\\b)` +
      // Legal charges (PLOVER's ACCUSE allege mode: "sue, indict, or charge"): "indicted X", "X was indicted by Y", "filed a lawsuit against X".
      // Not "banned from suing X", "talk of suing X": a suit not brought.
      "|indicted|indicts|sued|sues|(?<!\\b(?:from|of|for|without|about|against|before|after)\\s)(?:indicting|suing)" +
      "|(?:filed|files|filing|brought|brings|bringing|lodged|lodges|lodging|pressed|presses|pressing) (?:an? |new |fresh |formal |criminal |civil )?(?:[\\w-]+ )?(?:lawsuits?|suits?|charges|complaints?|cases?|indictments?) against" +
      // "charged that the army fights ...", "charges the party with locking up ...": a charge against the one named.
      `|(?:charged|charges|charging) that|(?:charged|charges|charging)(?=\\s+${NAMED}(?:\\s+[\\w-]+){0,2}?\\s+with\\b)` +
      // "holds X responsible for": an accusation; the passive "would be held accountable" names no one who holds.
      `|(?:holds?|held|holding)(?=\\s+${NAMED}\\s+(?:\\w+ly\\s+)?(?:responsible|accountable|culpable)\\b)` +
      // "said X had helped plan the bombings": a deed laid at X's door by the speaker.
      // "attributed the bombing to X", "bombings that police attributed to X"; "a statement attributed to X" is nobody's charge.
      `|(?:attributed|attributes|attributing)(?=\\s+(?:the|these|this|that|those|its|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:${ATTACK_NOUNS}|killings?|massacres?|blasts?|explosions?|kidnappings?|abductions?|violence|deaths|murders?|assassinations?)\\s+to\\s)` +
      `|(?:attributed|attributes)(?<=\\b(?:that|which)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${E}(?:\\s+[\\w-]+)?\\s+(?:(?:has|have|had)\\s+)?(?:\\w+ly\\s+)?\\w+)(?=\\s+to\\s)` +
      `|(?:said|says|saying|alleged|alleges|alleging)(?:\\s+that)?(?=\\s+(?:the\\s+)?${E}\\s+(?:had|has|have)\\s+(?:also\\s+)?(?:helped\\s+(?:to\\s+)?)?(?:committed|carried out|perpetrated|orchestrated|masterminded|planned|plan|plotted|staged)\\s+(?:[\\w-]+\\s+){0,3}?[“"']?(?:${ATTACK_NOUNS}|killings?|massacres?|crimes?|war crimes|assassinations?|abductions?|kidnappings?|atrocities|abuses)\\b)`,
  ],
  [
    "THREATEN",
    "threatened|threatens|threatening|(?:vowed|vows|vowing|pledged|pledges|promised|promises|swore) to (?:attack|target|strike|fight|avenge|continue|drive|expel|oust|destroy|eliminate|crush|punish|wipe out|retaliate against|(?:take|exact|seek|wreak) (?:[\\w-]+ )?(?:revenge|vengeance) (?:on|against|upon))|warned of (?:attacks|retaliation|reprisals)" +
      // "vowed to make X pay", "vowed to carry its war to X".
      `|(?:vowed|vows|vowing|pledged|pledges|promised|promises|swore) to (?:make(?=\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?${E}(?:['’]s)?(?:\\s+[\\w-]+){0,2}?\\s+[“"']?pay\\b)|(?:carry|take|bring|extend) (?:its|their|his|the|${E}) (?:war|fight|jihad|battle|campaign|attacks))` +
      // "will extend the curfew in Y", "is prepared to impose martial law in Y": emergency rule announced threatens Y.
      `|(?:will|would|(?:is|are|was|were) (?:ready|prepared) to|(?:plans?|planned|planning|intends?|intended) to) (?:also |soon )?(?:impose|reimpose|declare|extend|tighten) ${EMERGENCY_IMPOSED}` +
      // "promised the council a long war": what is promised is violence.
      `|(?:promised|promises|promising)(?=\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${NAMED}\\s+[“"']?(?:an?\\s+|more\\s+)?(?:[\\w-]+\\s+){0,3}?(?:war|attacks|retaliation|revenge|reprisals?|bloodshed|jihad|vengeance)\\b)`,
  ],
  [
    "REJECT",
    "(?:refused|refuses|refusing) to (?:accept|recogni[sz]e|acknowledge|negotiate with|talk to|talk with|meet|deal with)|rejected|rejects|rejecting|refused|refuses|dismissed|dismisses|denied|denies|vetoed" +
      // "is opposed to French mediation": opposition rejects (the copula is read with it, so no passive). The bare verb is left out:
      // "opposed the Iran arms initiative" names a modifier, not the one opposed.
      "|(?:is|are|was|were|remains|remained|has been|have been) (?:\\w+ly )?opposed to" +
      // Breaking off talks with someone rejects them (PLOVER), it sanctions no one.
      "|(?:suspended|suspends|broke off|breaks off|called off|calls off|ended|ends) (?:the )?(?:[\\w-]+ )?(?:talks|negotiations|dialogue) with" +
      // "called the claim 'fabricated propaganda'", "a charge X called 'absurd'": someone's words given a name of one's own.
      `|(?:called|calls|calling|termed|terms|terming)(?=\\s+(?:the|these|those|this|such|that)\\s+(?:[\\w-]+\\s+){0,2}?(?:${SAID_NOUNS})\\s+[“"'])` +
      `|(?:called|calls|termed|terms)(?<=\\b(?:a|an|the)\\s+(?:[\\w-]+\\s+)?(?:${SAID_NOUNS})\\s+(?:that\\s+|which\\s+)?(?:the\\s+)?${E}\\s+(?:(?:has|have|had)\\s+)?(?:\\w+ly\\s+)?\\w+)(?=\\s+[“"'])`,
  ],
  [
    "REQUEST",
    "(?:demanded|demands|demanding|urged|urges|urging|asked|asks) that|called on|calls on|called for|urged|urges|appealed to|demanded|demands|asked|requested" +
      // "pressed X to resume talks", "is pressuring X into a deal", "pushing hard for X to back the plan": pressure to act is a demand
      // ("hard" is read past, not matched: "is pushing hard" would look passive).
      `|(?:pressed|presses|pressing|pressured|pressures|pressuring|pressuri[sz]ed|pressuri[sz]es|pressuri[sz]ing)(?=(?:\\s+hard)?\\s+(?:the\\s+)?${E}(?:\\s+\\(${E}\\))?\\s+(?:to|into)\\s)` +
      `|(?:pressed|presses|pressing|pushed|pushes|pushing)(?=(?:\\s+hard)?\\s+for\\s+(?:the\\s+)?${E}\\s+to\\s)` +
      // "..., urging X to act": a participle of the clause's subject; "a letter urging X" is the letter's.
      "|(?<=(?:,|\\b(?:is|are|was|were|been))\\s+)(?:urging|calling on|appealing to)" +
      // "declared Tuesday that China must drop barriers": what the speaker says another must do is asked of it ("must be punished" asks someone else).
      `|(?:said|says|declared|declares|reiterated|reiterates|insisted|insists|stressed|stresses)(?:\\s+(?:here|today|again|(?:on\\s+)?(?:${WEEKDAYS})))*\\s+that(?=\\s+(?:the\\s+)?⟦e\\d+⟧\\s+must\\s+(?!be\\s+\\w+ed\\b|have\\s+been\\b))`,
  ],
  ["CONSULT", "met with|meets with|met|hosted|consulted|negotiated with|(?:held|holds|opened|opens|began|begins|started|resumed|resumes|renewed|renews|entered into) (?:[\\w-]+ ){0,2}?(?:talks|negotiations|dialogue) with"],
  // "signed its own peace deal with X", "reached a ceasefire agreement with X".
  ["AGREE", `agreed with|(?:signed|signs|reached|reaches|struck|strikes) (?:an?|its|their|the|${E})(?: [\\w-]+){0,2}? ${PACT} with`],
  [
    "SUPPORT",
    "praised|praises|endorsed|endorses|backed|backs|welcomed|supported|supports|lauded|hailed" +
      // "X's soldiers are also deployed with the army": troops on someone's side support them.
      "|(?:(?:are|were|is|was|have been|has been|had been)\\s+(?:also\\s+)?)?(?:(?:deployed|stationed|fighting|operating|fought)\\s+alongside|(?:deployed|stationed)\\s+with)",
  ],
  ["COOPERATE", "cooperated with|collaborated with|coordinated with|partnered with"],
  // "armed" as a verb ("armed the rebels"), not the adjective of "the armed wing of", "armed groups", "jets armed with rockets".
  [
    "AID",
    // Goods given to someone (PLOVER's AID: money, arms, humanitarian goods): "sent (continued to send) arms to Y", "handed over 700 kg of medicine to Y",
    // "delivered $50,000 worth of goods to Y"; asylum granted to Y. A pledge or promise is no delivery (AGREE at most).
    `(?:provided|provides|sent|sends|shipped|ships|delivered|delivers|donated|donates|airlifted|airlifts|handed over|hands over|gave|gives|(?:continued|continues|began|begins) to (?:send|ship|deliver|provide)) (?:[\\w$.,-]+ ){0,5}?${AID_GOODS}(?: worth [\\w$.,-]+(?: [\\w-]+)?)? to(?= (?:the )?(?:[\\w-]+ ){0,2}?⟦)|` +
      "provided support to|(?:granted|grants|gave|gives) (?:[\\w-]+ )?asylum to|supplied|funded|financed|(?<!\\b(?:the|an?|its|their|his|her|heavily|lightly|well)\\s)armed(?!\\s+(?:with|wings?|forces|groups?|men|struggle|conflict|campaign|militants|fighters|opposition|factions?|branch|resistance|rebellion|clashes|personnel|police|guards?|robbery|attacks?|insurgen\\w*))|trained",
  ],
  [
    "ASSAULT",
    // "has fought X", "clashed with X": armed fighting; fighting beside, for or over something is not, and a fight to come ("vowed to fight", "will fight", "vowed to keep fighting") is a threat at most.
    `(?:fought|fights|fight|fighting|battled|battling)(?<!\\b(?:to|will|would|could|can|may|might|must|shall|should|keep|keeps|continue|continues|continued)\\s+\\w+)(?!\\s+(?:alongside|with|for|beside|on|in|under|over|back|off|to|between|among|each|as|against\\s+each|it\\s+out)\\b)|(?:clashed|clashes|clashing|clash) with|` +
    `bombed|shelled|bombarded|ambushed|stormed|overran|overrun|` +
    // "three X soldiers were killed by Y", "X was killed in an ambush by Y": the passive's agent killed them.
    `killed(?<=${E}(?:\\s+(?:${SOLDIERS}))?\\s+(?:(?:has|have|had)\\s+)?(?:was|were|been)\\s+killed)(?=\\s+(?:[\\w-]+\\s+){0,4}?(?:in\\s+an?\\s+(?:[\\w-]+\\s+)?${ATTACK_NOUNS}\\s+)?by\\s)|` +
    `kidnapped|abducted|beheaded|massacred|shot|raided|targeted|attacked|struck|sank|invaded|intervened against|routed|(?:(?:fired|opened fire)(?: ${PROJECTILES})?|(?:launched|lobbed) ${PROJECTILES}) (?:on|at|into|towards?)|opened (?:a |another |a new |a second )?front against|killed(?=\\s+(?:at least\\s+)?(?:${NUMBER})\\s+${E}\\s+(?:${SOLDIERS})\\b)|launched (?:a |an |its |their |${E} )?(?:[\\w-]+ ){0,2}(?:${ATTACK_NOUNS}|operations?|thrusts?|(?:armed|military|bombing) campaigns?) (?:against|on|into)`,
  ],
  [
    "PROTEST",
    "protested against|protested|demonstrated against|rallied against|boycotted" +
      // "staged a general strike", "organised a demonstration against Y", "went on hunger strike" (PLOVER's PROTEST demonstrate and strike
      // modes); a strike only of work or hunger ("launched air strikes" is an attack), and no "protest leaders".
      `|(?:staged|stages|staging|held|holds|holding|organi[sz]ed|organi[sz]es|organi[sz]ing|launched|launches|began|begins|started|starts|mounted|mounts) (?:an? |another |new |fresh |more |their |its |${E} )?(?:(?!(?:with|on|for|about|to|of|in|at)\\b)[\\w-]+ ){0,2}?${PROTEST_NOUNS}(?!\\s+(?:leaders?|movements?|groups?|organi[sz]ers|votes?|songs?|camps?|sites?)\\b)(?: (?:against|outside))?` +
      "|(?:went|goes|going|gone) on (?:an? )?(?:[\\w-]+ )?strike",
  ],
  [
    "SANCTION",
    "sanctioned|banned|blacklisted|designated|" +
      // "a notice designating X and Y as terrorist organisations"; designating an envoy or a zone is no sanction.
      "(?:designating|designates)(?=[^.;]{0,150}?\\bterror)|" +
      // "approved a ban on X", "imposed fresh sanctions on X".
      "(?:approved|approves|imposed|imposes|announced|announces|ordered|orders|slapped|declared|declares) (?:an? |new |fresh |further )?(?:[\\w-]+ ){0,2}?(?:ban|embargo|sanctions) on|imposed sanctions on|expelled|outlawed|outlaws|proscribed|proscribes|suspended(?! (?:the )?(?:[\\w-]+ )?(?:talks|negotiations|dialogue) with)" +
      // "listed X as a terrorist organisation".
      `|(?:listed|lists)(?=\\s+${NAMED}\\s+(?:itself\\s+|themselves\\s+)?as\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:terrorists?|terrorist\\s+(?:organi[sz]ation|group|entity)|sponsor)\\b)` +
      // "placed X on its list of ... entities", "added X to the terrorist list", "added X to that listing".
      `|(?:placed|places|put|puts|added|adds)(?=\\s+${NAMED}\\s+(?:on|to)\\s+(?:its|their|the|an?|that|this|${E})\\s+(?:[\\w-]+\\s+){0,4}?(?:list|listing|blacklist|register)\\b)`,
  ],
  // "has strengthened its forces in Lebanon", "reinforced its troops along the border": more force where it stands.
  ["MOBILIZE", "deployed (?:troops|forces) to|mobili[sz]ed|massed troops|(?:strengthened|strengthens|reinforced|reinforces|bolstered|bolsters|boosted|boosts) (?:its|their) (?:[\\w-]+ )?(?:forces|troops|military presence|garrisons?) (?:in|along|on|near)"],
  [
    "COERCE",
    // "imposed a curfew in Y", "declared a state of emergency in Y", "reimposed blockades in Y".
    `(?:imposed|imposes|imposing|reimposed|reimposes|declared|declares|declaring|extended|extends|extending|tightened|tightens|tightening) ${EMERGENCY_IMPOSED}|` +
      "arrested|detained|seized|captured|(?:took|takes|taking|seized|seizes|seizing|gained|gains|wrested) control of|confiscated|deported|imprisoned|jailed|besieged|(?:laid|lays|laying) siege to",
  ],
  // "evacuated the town" leaves it; "evacuated 14 wounded people to X" carries people to safety, no retreat.
  [
    "RETREAT",
    // PLOVER's RETREAT modes ceasefire, withdraw and disarm: "declared a unilateral ceasefire", "speeded up the withdrawal of its forces from Y",
    // "laid down their arms"; not "called for a ceasefire" (a request), nor "announced the truce had collapsed".
    `(?:declared|declares|declaring|announced|announces|observed|observes|observing|called|calls) (?:an?|its|their) (?:[\\w-]+ ){0,2}?(?:ceasefire|cease-fire|truce)(?!\\s+(?:had|has|have|was|were|is|would|will)\\b)|` +
      `(?:began|begun|begins|started|starts|completed|completes|speeded up|sped up|accelerated|accelerates|continued|continues) (?:the |its |their )?(?:[\\w-]+ )?withdrawal of (?:[\\w-]+ ){0,4}?(?:troops|forces|soldiers|units|personnel|contingents?) from|` +
      // ("its" is masked as the entity it stands for.)
      `demobili[sz]ed|(?:laid|lays|laying) down (?:its|their|his|${E}) (?:arms|weapons)|(?:handed|hands|turned|turns) (?:over|in) (?:its|their|his|${E}) (?:arms|weapons)|` +
      "withdrew from|retreated from|pulled out of|evacuated(?!\\s+(?:(?:about|some|more\\s+than|at\\s+least|the|\\d[\\d,]*|dozens\\s+of|hundreds\\s+of|thousands\\s+of|several|many)\\s+)*(?:[\\w-]+\\s+)?(?:people|civilians|wounded|injured|residents|villagers|patients|children|families|nationals|citizens|staff|workers|casualties)\\b)",
  ],
  [
    "CONCEDE",
    "conceded|released|freed|surrendered|apologi[sz]ed to|ceded" +
      // "lifted a night curfew in Y", "eased sanctions on Y": easing a restriction on someone concedes to them (PLOVER's CONCEDE).
      `|(?:lifted|lifts|lifting|eased|eases|easing|relaxed|relaxes|relaxing) (?:an? |the |its |their |all )?(?:[\\w-]+ ){0,2}?(?:${EMERGENCY_RULE}|restrictions|bans?|embargo(?:es)?|sanctions)(?: on (?:${WEEKDAYS}))?(?: (?:on|in|against|imposed on))?(?= (?:the )?⟦)`,
  ],
];
// A verb inside a compound adjective ("the UAE-backed council") reports nothing.
const TRIGGER_RE = TRIGGERS.map(([type, verbs]) => [type, new RegExp(`(?<![\\w-])(?:${verbs})\\b`, "gi")] as const);
/** Any trigger at all: one scan that spares the sentence the sixteen above when there is none. */
const ANY_TRIGGER = new RegExp(TRIGGER_RE.map(([, regex]) => regex.source).join("|"), "gi");

/** "attacked" in a magazine, a speech or a statement is verbal (ACCUSE), not an assault. */
const VERBAL_CONTEXT = /\b(magazine|statement|speech|editorial|article|video|issue|sermon|post|tweet|interview|broadcast|message|remarks|propaganda)\b/i;
const VERBAL_OBJECT = /^\s*(?:⟦e\d+⟧['’]s\s+)?(?:\w+\s+){0,2}?(scholars|clerics|leaders|policies|policy|government|governance|system|politicians|journalists|stance|decision|remarks|ideology)\b/i;
/** ... unless armed men did it ("X fighters attacked") or what was hit is a place or a force ("an army base"): that is an assault whatever the sentence is about. */
const ARMED_SUBJECT = /^\s*(?:fighters|militants|gunmen|forces|troops|soldiers|jets|warplanes|aircraft|drones|bombers|insurgents|rebels|commandos|naval forces|men)\b/i;
const PHYSICAL_OBJECT = new RegExp(
  `^\\s*(?:(?:the|an?|its|their|his|\\w+-owned|${NUMBER})\\s+)*(?:⟦e\\d+⟧(?:['’]s)?\\s+)?(?:[\\w-]+\\s+){0,2}?(?:base|bases|post|posts|convoy|convoys|camp|camps|checkpoint|checkpoints|patrol|patrols|positions?|villages?|towns?|ships?|vessels?|tankers?|bus|buses|stations?|barracks|outposts?|airports?|consulate|embassy|hotels?|markets?|mosques?|churches|church|schools?|prisons?|compounds?|headquarters|vehicles?|troops|soldiers)\\b`,
  "i",
);
/**
 * "shelled a displacement camp on the northern edge of X": a settlement hit in X is X hit; a
 * convoy ambushed or a ship struck there is not ("near X", "in the Gulf of Aden" say where).
 */
/** A town, region or land feature: what an armed force takes, rather than a state or an actor. */
export const isTerritory = (e: Entity | undefined) => e?.type === "LOC" || (e?.type === "GPE" && e.subtype !== "country");

/** Events done to a place as well as to an actor. */
const PHYSICAL_TYPES = new Set<PloverType>(["ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "THREATEN"]);
/** An attack named by its place: "the Ankara attack", "the Pulwama suicide bombing". */
const NAMED_ATTACK = new RegExp(`^\\s+(?:[\\w-]+\\s+)?(?:${ATTACK_NOUNS}|blasts?|massacres?|killings?|explosions?)\\b`, "i");

/** Others doing the same after the clause: ", as do Turkey and the European Union". */
const AS_DO = /^[^.;⟦]*?,\s+as\s+(?:do|does|did|have|has|had)\s+((?:the\s+)?⟦e\d+⟧(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?⟦e\d+⟧)*)/;

/** A place coordinated with the one just read: " and north-east Syria". */
const ANOTHER_PLACE = /^\s*(?:,|,?\s+and)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟦(e\d+)⟧/i;

/** An unnamed army's post as an assault's object: "an army base", "two military checkpoints", "a military convoy". */
const ARMY_FACILITY = new RegExp(
  `^\\s*(?:(?:the|an?|its|their|several|${NUMBER})\\s+)*(?:(?:[\\w-]+\\s+)?(?:army|military)\\s+(?:bases?|posts?|outposts?|checkpoints?|convoys?|camps?|positions?|barracks|garrisons?|patrols?|units?|vehicles?|trucks?|headquarters)\\b` +
    // "the headquarters of a light infantry battalion": a post of one of the army's units.
    `|(?:headquarters|bases?|posts?|camps?|positions|barracks)\\s+of\\s+(?:an?|the|two|several)\\s+(?:[\\w-]+\\s+){0,3}?(?:battalions?|brigades?|regiments?|divisions?)\\b)`,
  "i",
);

/**
 * The army an unnamed "army base" belongs to: of the document's armed services (subtype military) named by a full
 * name, the one named last before `at`, else the first named after it; none when the document names none.
 */
function armyNear(doc: AnalysedDoc, masked: MaskedSentence, at: number): string | undefined {
  const [here] = masked.span(at, at + 1);
  let before: MentionSpan | undefined;
  let after: MentionSpan | undefined;
  for (const m of doc.mentions) {
    if (!m.entity || m.anaphoric || doc.entity(m.entity)?.subtype !== "military") continue;
    if (m.start < here) before = m;
    else if (!after) after = m;
  }
  return (before ?? after)?.entity;
}

/** Places in or near a town or region whose hitting hits it ("police stations in X", "two sites near X"), unlike a convoy or a ship there. */
const SETTLEMENT = "camps?|villages?|settlements?|neighbou?rhoods?|markets?|hospitals?|schools?|homes|houses|residential\\s+areas?|targets|sites|hideouts|facilities|police\\s+stations?";
const PLACE_OF_OBJECT = new RegExp(
  `^\\s*(?:what\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:called|calls|termed|described\\s+as)\\s+)?[“"]?(?:(?:the|an?|its|their|several|${NUMBER})\\s+)*(?:[\\w-]+\\s+){0,2}?(?:${SETTLEMENT})[”"]?\\s+(?:[\\w-]+\\s+){0,4}?(?:in|on|of|across|around|near|outside)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?⟦(e\\d+)⟧`,
  "i",
);
/** A settlement named before the place it is in: "a village in the Tangaza area of ". */
const SETTLEMENT_IN = new RegExp(`\\b(?:${SETTLEMENT})\\s+(?:[\\w-]+\\s+){0,4}?(?:in|of)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?$`, "i");
/** The targets: the object's entities, joined by coordinators, until the clause ends. */
const CLAUSE_END = /[;.]|,\s*(?:claiming|saying|adding|noting|warning|which|who|while|as)\b|\s(?:that|because|after|before|when)\s/i;
const COORDINATED = /^(?:\s*['’]s)?\s*(?:[\w-]+\s+){0,2}?(?:,|and|or|as well as|especially|including|particularly|notably|—|–)\s*(?:[\w-]+\s+){0,1}?$/i;
/** An entity after these is where or when, not whom. */
const ADJUNCT = /\b(?:from|in|at|on|during|since|into|across|near|inside)\s+(?:the\s+)?$/i;
/** ... but "attacks on X" is whom the attacks are on. */
const ATTACKS_ON = new RegExp(`\\b(?:${ATTACK_NOUNS}|war|campaign|operations?)\\s+(?:on|against)\\s+(?:the\\s+)?$`, "i");
/** A verb of its own before the first entity ("refused and pledged allegiance to X", "called on G8 nations to fund X"): X is that verb's. */
const NEW_VERB_PHRASE = /\b(?:and|but|or)\s+(?!(?:the|an?|his|her|its|their|our)\b)[a-z]/;
const OTHER_VERB = /\bto\s+(?!(?:the|an?|its|their|his|her|our)\b)[a-z]+\s/;
/** "denied any link with X": what is rejected is the charge of a link, not X. */
const LINK_DENIAL = /\b(?:links?|ties|connections?|involvement|role|part|association|contacts?)\s+(?:with|to|in|of)\s+(?:the\s+)?$/i;
/**
 * "backs Syrian opposition factions": a country's opposition or rebels are not the country; nor are its private people or
 * businesses ("U.S. bondholders sued China", "a US woman is suing X", "American aid groups delivered"). Its nationals, citizens
 * and workers are its own, as in SOLDIERS: a threat to "Chinese nationals" threatens China.
 */
export const NOT_THE_STATE =
  /^\s+(?:opposition|rebels?|insurgents?|dissidents?|separatists?|exiles?|militants?|jihadists?|(?:(?!(?:has|have|had|is|are|was|were|will|would|also)\b)[a-z-]+\s+)?(?:wom[ae]n|m[ae]n|bondholders?|shareholders?|investors?|creditors?|businessm[ae]n|businesses|companies|firms?|banks?|aid\s+(?:groups?|agencies|organi[sz]ations)|charities|volunteers?|doctors?|students?|tourists?|couples?|famil(?:y|ies)|residents?|farmers?|voters?|consumers?|lawyers?|journalists?|teenagers?|girls?|boys?|children)\b)/i;
/**
 * An entity that only modifies what follows: a possessor or modifier before another entity
 * ("Pakistan's ISI", "Somali National Army": group 2 set), or a country, place or people before
 * "opposition" or "rebels" (group 2 empty; "Hamas militants" are the organisation's own).
 */
const MODIFIER = new RegExp(`⟦(e\\d+)⟧(?:(['’]s\\s*|\\s*)(?=⟦)|(?=${NOT_THE_STATE.source.slice(1)}))`, "gi");
/** Posts named before their holder. */
const POSTS = "counterparts?|ministers?|president|premier|envoys?|ambassadors?|spokes(?:man|woman|person)|commanders?|chief|leader|head";
/** "talks with his Pakistani counterpart, X", "met Iran's foreign minister, X": the person named after the post is the one met, not the post's country. */
const TITLE_BEFORE_NAME = new RegExp(`⟦e\\d+⟧(?:['’]s)?\\s+(?:[\\w-]+\\s+){0,2}?(?:${POSTS})\\s*,\\s+(?=⟦)`, "gi");
/** ... and with no comma right after the verb: "rejected Iraqi President X's proposal", "met Brazilian Finance Minister X". */
const TITLE_OPENING = new RegExp(`^\\s*(?:the\\s+)?⟦e\\d+⟧\\s+(?:[\\w-]+\\s+){0,2}?(?:${POSTS})\\s+(?=⟦)`, "i");
/** "threatened to step up attacks on X": the infinitive's object is the threatened party, a few words on. */
const THREAT_TO = /^threat\w*$/i;
const WARNING =
  /\b(warn(?:ed|s|ing)?|vow(?:ed|s|ing)?|threat(?:en|ened|ens|ening)?)\b[^.]*?\bagainst\s+(?:the\s+|(?:any|all|every)\s+(?:[\w-]+\s+){0,2}?(?:from|by|of)\s+(?:the\s+)?)?⟦(e\d+)⟧/gi;
/**
 * "warning that X would be targeted", "said that X's warships were now legitimate targets", "warned the group's leaders
 * that they would be 'hunted down'": a threat to X.
 */
const TARGET_WARNING = new RegExp(
  "\\b(?:warn(?:ed|s|ing)?(?:\\s+(?:the\\s+)?(?:⟦e\\d+⟧(?:['’]s\\s+(?:leaders|commanders|fighters|members))?|leaders|commanders|fighters|members|militants|rebels|government|authorities))?|said|says|declared|threatened)\\s+that\\s+(?:the\\s+|all\\s+|any\\s+)?(⟦e\\d+⟧(?:[^.;⟦\"“”]|⟦e\\d+⟧){0,80}?)\\b(?:" +
    "(?:would|will)\\s+(?:now\\s+|also\\s+|still\\s+)?(?:be\\s+[“\"']?(?:targeted|attacked|hit|punished|hunted\\s+down|crushed|wiped\\s+out|eliminated|destroyed|treated\\s+as\\s+(?:an?\\s+)?enem(?:y|ies))|remain\\s+(?:legitimate\\s+)?targets|face\\s+(?:more\\s+|further\\s+)?(?:attacks|retaliation))" +
    "|(?:are|were|is|was|remain|remains)\\s+(?:now\\s+|still\\s+)?(?:considered\\s+)?[“\"']?legitimate\\s+targets)\\b",
  "gi",
);
/** "X used its magazine to denounce Y": the one who used the medium is the source. */
const INSTRUMENT = /\b(?:used|uses|using|released|issued|published|took to|devoted)\b[^.;]{0,100}?\bto\s+(denounce|condemn|accuse|attack|critici[sz]e|slam|lambast|vilify|threaten)\s+/gi;
const INSTRUMENT_TYPE: Record<string, PloverType> = { threaten: "THREATEN" };
/**
 * An attack named by its noun, up to where its victims are named: "the ambush on", "a raid in
 * Karbala in which", "the bombing that killed"; the victims follow (see `targets`). "Called on" asks
 * someone, it names no victim ("claimed victories in the offensive and called on Y to ...").
 */
const ATTACK_PHRASE =
  `(?:[^.;,⟦]|⟦e\\d+⟧['’]s){0,80}?\\b(?:${ATTACK_NOUNS}|killings?|assassinations?|kidnappings?)\\b` +
  "(?:[^.;,⟦]|⟦e\\d+⟧['’]s|(?<=\\b(?:in|near|at)\\s)⟦e\\d+⟧){0,60}?(?<!\\bcall(?:s|ed|ing)\\s)\\b(?:on|against|targeting|that killed|which killed|killing|in which)\\s+";
/** "X has claimed responsibility for the bombing that killed two Chinese engineers": X's assault on them, by X's own claim. */
const CLAIMED_ATTACK = new RegExp(`\\bclaim(?:ed|s|ing)\\s+(?:responsibility\\s+for\\s+|credit\\s+for\\s+)?${ATTACK_PHRASE}`, "gi");
/** "Y claimed the attack", "claimed responsibility for the ambush": an attack with no victim named after it. */
const CLAIMED_TOLD = new RegExp(
  `\\bclaim(?:ed|s|ing)\\s+(?:responsibility\\s+for\\s+|credit\\s+for\\s+)?the\\s+(?:[\\w-]+\\s+){0,2}?(?:${ATTACK_NOUNS}|killings?)\\b(?!\\s+(?:on(?!\\s+(?:its|their|his|her|an?|⟦e\\d+⟧)\\s)|against|targeting|that|which|in\\s+which|killing)\\b)`,
  "gi",
);
/** The place an attack told by its verb struck: "a police station in X", "a camp near X". */
const PLACE_ATTACKED = /^(?:[^.;,⟦]{0,40}?\s)?(?:in|near|at|outside)\s+(?:the\s+)?(?:\p{L}+\s+)?⟦(e\d+)⟧/u;
/** An attack told by its verb, in the active voice, its victims after it: "militants stormed a police station in X". */
const ATTACK_VERB = /(?<!\b(?:was|were|been|being|be)\s+)\b(?:stormed|attacked|ambushed|bombed|raided|struck|shelled|overran)\s+/gi;

/** "The attack on X ... was claimed by Y", "It was claimed two days later by Y": the claimer of an attack told before. */
const CLAIMED_BY = /\b(?:was|were|has been|have been|had been)\s+(?:[\w-]+\s+){0,4}?claimed\s+(?:[^.;,⟦]{0,30}?\s+)?by\s+(?:the\s+)?⟦(e\d+)⟧/gi;
/** "The attack on X was carried out by Y": Y's assault on X, as the writer tells it. */
const DONE_BY = /\b(?:was|were|has been|have been|had been)\s+(?:[\w-]+\s+){0,2}?(?:carried out|conducted|mounted|launched|staged|perpetrated)\s+by\s+(?:the\s+)?⟦(e\d+)⟧/gi;
/** A party named in a passive blame: "the militant X", "suspected members of X" (no place: "fighters from X" names where, not whom). */
const BLAMED_PARTY = `(?:the\\s+)?(?:(?!(?:in|at|near|from|inside|across|on|to|by|and|or)\\s)[\\w-]+\\s+){0,3}?⟦(e\\d+)⟧`;
/** The accuser of a passive blame, with the body of it named after it ("by the Kenyan army", "by Ugandan police"). */
const BLAMING_PARTY = `${BLAMED_PARTY}(?:\\s+${ORGAN})?(?:\\s*\\(${E}\\))?`;
/**
 * "The killings were blamed by the army on X", "an ambush that was blamed on X by Y", "attributed to X by Y": the
 * agent accuses the one blamed. Without its agent a passive blame names no accuser (see `trigger`).
 */
const PASSIVE_BLAME = new RegExp(
  `\\b(?:blamed|attributed|pinned)\\s+(?:by\\s+${BLAMING_PARTY}\\s+(?:on|to)\\s+${BLAMED_PARTY}|(?:on|to)\\s+${BLAMED_PARTY}(?:\\s*\\(${E}\\))?\\s+by\\s+${BLAMING_PARTY})`,
  "gi",
);
const BLAME_CUE = /\b(?:blamed|attributed|pinned)\s+(?:by|on|to)\s/i;
/** An attack named at the start of a sentence, up to where its victims are named. */
const ATTACK_OPENING = new RegExp(`^${ATTACK_PHRASE}`, "i");
const VICTIM_GAP_PREPOSITION = /\b(?:with|by|for|from|to|during|after|before|over|under|near|at|in)\s/i;
/** "X waged a campaign of roadside bombings and rocket attacks on Y", "carried out raids on Y". */
const WAGED_ATTACK = new RegExp(`\\b(?:waged|wages|waging|carried out|carries out|carrying out|conducted|conducts|mounted|mounts|stepped up|steps up)\\s+${ATTACK_PHRASE}`, "gi");
const ATTACKS_DONE_CUE = /\bclaim|\b(?:wag|carri|conduct|mount|stepp?|launch|stag|perpetrat)/i;
/** "X, which waged ...": the relative pronoun's antecedent does it. */
const RELATIVE_SUBJECT = /⟦(e\d+)⟧["”]?,?\s+(?:which|who)\s+(?:(?:has|have|had)\s+)?$/;
/** "the X government, which accused ...": the antecedent of a relative pronoun, a noun or two after its name, is the verb's subject. */
const RELATIVE_HEAD = /⟦(e\d+)⟧(?:['’]s)?(?:\s+(?!(?:in|at|on|of|from|near|and|or|to|for|with|by)\b)[\w-]+){1,2}["”]?,\s+(?:which|who)\s+(?:(?:has|have|had)\s+)?(?:also\s+|\w+ly\s+)?$/;
/** "X (XY), led by Y, has ...": an appositive naming a leader before the verb. */
const LED_BY = new RegExp(`⟦(e\\d+)⟧(?:\\s*\\(${E}\\))?,\\s+(?:led|headed|commanded|run|founded)\\s+by\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?⟦(e\\d+)⟧,\\s*(?:(?:has|have|had|also)\\s+)*$`);
/** "X's mission to the Y has ...", "X's ambassador to Y": an envoy, sent by the first, before the verb. */
const ENVOY_TO = /⟦(e\d+)⟧['’]s\s+(?:[\w-]+\s+)?(?:mission|delegation|envoy|ambassador|representative|embassy)\s+(?:to|at|in)\s+(?:the\s+)?⟦(e\d+)⟧\s*(?:(?:has|have|had|also|\w+ly)\s+)*$/;
/** An aside saying how the subject is known, set off by commas right before the verb: ", introduced only as a commander of X,". */
const NAMED_ASIDE = /,\s+(?:(?:who\s+(?:was|is)|often|only)\s+)?(?:introduced|identified|known|referred\s+to|described)\s+(?:only\s+)?(?:as|by)\s+[^,;]*,\s*(?:(?:has|have|had|also)\s+)*$/i;
/** A verb stem's endings: "arms", "armed", "arming"; "supplies", "supplied", "supplying". */
const INFLECTED = "(?:s|es|ed|ing|ies|ied|ying)\\b";
/** Deeds a charge lays at the accused's door ("accused X of arming Y", "charged that X arms Y"), the event each is. */
const DEEDS: [PloverType, string][] = [
  ["AID", `(?:arm|train|fund|financ|suppl|equipp?|shelter|harbou?r|host)${INFLECTED}|(?:sending|providing|giving|smuggling)\\s+(?:[\\w-]+\\s+){0,3}?(?:weapons|arms|drones|missiles|money|funds|ammunition|explosives)\\s+to`],
  [
    "SUPPORT",
    `(?:back|support|sponsor|protect|shield)${INFLECTED}|(?:giving|offering|providing|granting)(?=\\s+(?:[^\\s.;,]+\\s+){0,3}?(?:sanctuary|shelter|refuge|(?:safe\\s+)?havens?|support|backing|protection)\\b)`,
  ],
  [
    "ASSAULT",
    `(?:attack|bomb|shell|burn|torch|target|kill|shoot|raid|massacr|abduct|kidnapp?|invad)${INFLECTED}|(?:carrying out|conducting|launching|staging|mounting)\\s+(?:[\\w-]+\\s+){0,3}?${ATTACK_NOUNS}\\s+(?:against|on)`,
  ],
  ["COOPERATE", "(?:passing|leaking|handing|relaying)\\s+(?:[^\\s.;,]+\\s+){0,3}?to|(?:colluding|cooperating|collaborating|conspiring)\\s+with|spying\\s+for"],
];
/** One deed, or several coordinated ("arming, training and sheltering"): each alternative a group, so its index gives the type. */
/** Any deed's phrase. */
const ANY_DEED = DEEDS.map(([, d]) => d).join("|");
function deedsAfter(lead: string, phrases: [PloverType, string][]): { regex: RegExp; types: PloverType[] } {
  const alternatives = phrases.map(([, d]) => `(${d})`).join("|");
  return { regex: new RegExp(`${lead}(?:${alternatives})(?:(?:\\s*,\\s*|,?\\s+and\\s+)(?:${ANY_DEED}))*`, "i"), types: phrases.map(([t]) => t) };
}
/** A deed's verb anywhere: where the accused named after "charged that" end. */
const DEED_VERB = new RegExp(`\\s(?:${ANY_DEED})`, "i");
/** After the accused: "of arming", "with burning", "for the ambush on" (an attack the accused is blamed for). */
const DEED_OF = deedsAfter("^\\s*\\)?(?:,[^,]*,)?\\s+(?:of|with|for)\\s+", [...DEEDS, ["ASSAULT", ATTACK_PHRASE]]);
/** "accused X of receiving weapons from Y": the charge is Y's aid to X (group 1 set) or support of X. */
const RECEIVED_FROM =
  /^\s*\)?(?:,[^,]*,)?\s+(?:of|with|for)\s+(?:receiving|getting|accepting|taking)\s+(?:[\w-]+\s+){0,3}?(?:(weapons|arms|money|funds|funding|ammunition|explosives|drones|missiles|training|cash)|support|backing|protection)\s+from\s+/i;
/** After "charged that X": X's own verb ("finances and arms"). */
const DEED_THAT = deedsAfter("^\\s+(?:(?:has|have|had)\\s+)?(?:\\w+ly\\s+)?", DEEDS);
/** When an assault named by its noun struck, between the noun and its object: "a strike on Saturday on ...". */
const WHEN_HIT = `(?:\\s+(?:on|last|this|late|early)\\s+(?:${WEEKDAYS}|night|week|month|year)(?:\\s+(?:night|morning|evening))?|\\s+overnight)?`;
/** What an assault named by its noun hit: the place itself, or a building or post in it ("on the school in Gaza City"). */
const HIT =
  "(?:the\\s+)?(?:(?:[\\w'’-]+\\s+){0,3}?(?:schools?|hospitals?|camps?|markets?|mosques?|churches|buildings?|houses?|homes|headquarters|bases?|villages?|convoys?|checkpoints?|posts?|positions|centres?|centers?)\\s+(?:in|near|outside)\\s+(?:the\\s+)?)?(?:(?:southern|northern|eastern|western|central)\\s+)?";
/** "Israel's invasion of Lebanon", "an Israeli air strike on Beirut": an assault named by its noun. */
const ASSAULT_NOUN = new RegExp(
  `⟦(e\\d+)⟧(?:['’]s)?\\s+(?:(?:deadly|fatal|suicide|air|drone|missile|rocket|artillery|cross-border|latest|first|recent|renewed|major)\\s+){0,2}(?:${ATTACK_NOUNS}${WHEN_HIT}\\s+(?:on|against)|(?:invasion)\\s+(?:of|into))\\s+(${HIT})⟦(e\\d+)⟧`,
  "g",
);
/** A force's posts. */
const MILITARY_POSTS = "bases?|posts?|outposts?|checkpoints?|positions|barracks|garrisons?|headquarters";
/** "a Y base", "two of Y's checkpoints": a force's post as a verb's object. */
const MILITARY_POST_OBJECT = new RegExp(`^\\s*(?:(?:the|an?|two|three|several|its|their)\\s+)*(?:of\\s+)?(?:${E}(?:['’]s)?\\s+)?(?:[\\w-]+\\s+)?(?:${MILITARY_POSTS})\\b`, "i");
/** A post or convoy hit in a town: its army was hit, the town is where (as for a verb's object, see ARMY_FACILITY). */
const MILITARY_POST = new RegExp(`^(?:the\\s+|an?\\s+|two\\s+|several\\s+)?(?:[\\w'’-]+\\s+){0,2}?(?:${MILITARY_POSTS}|convoys?|patrols?)\\s+(?:in|near|outside)\\s`, "i");
/** "the Hamas-led attack on southern Israel": the attacker is spelt inside one word, so no mention masks it. */
const LED_ASSAULT = new RegExp(
  `\\b(\\p{Lu}[\\p{L}'’-]*?)-led\\s+(?:[\\w-]+\\s+)?(?:${ATTACK_NOUNS}|invasion)${WHEN_HIT}\\s+(?:on|against|of|into)\\s+${HIT}⟦(e\\d+)⟧`,
  "gu",
);
/** "an attack on X by Y", "air strikes by Y on X": an assault named by its noun with its doer after "by" ("Y-backed militias" are not Y). */
const ASSAULT_BY = new RegExp(
  `\\b(?:${ATTACK_NOUNS}|invasion)(?:${WHEN_HIT}\\s+(?:on|against|of)\\s+(?:an?\\s+)?${HIT}⟦(e\\d+)⟧(?:\\s+(?:[\\w-]+\\s+)?(?:bases?|posts?|convoys?|positions|patrols?|checkpoints?|camps?|vessels?|ships?))?)?\\s+by\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?⟦(e\\d+)⟧(?![\\w-])(?:\\s*\\(${E}\\))?(?:(?:\\s+[\\w-]+)?${WHEN_HIT}\\s+(?:on|against)\\s+${HIT}⟦(e\\d+)⟧)?`,
  "gi",
);
/** "joined X and Y in a coordinated assault on Z": each one joined attacks Z. */
const JOINED_ASSAULT = new RegExp(
  `\\bjoin(?:ed|s|ing)\\s+((?:the\\s+)?${E}[^.;]*?)\\s+in\\s+(?:an?|the|their|its|${E})\\s+(?:[\\w-]+\\s+){0,2}?(?:${ATTACK_NOUNS}|campaign|war)\\s+(?:on|against)\\s+`,
  "gi",
);
/** A pact named by its noun. */
const PACT_CUE = new RegExp(`\\b${PACT}\\b`, "i");
/** "a peace deal signed in 2009 between X and Y": an agreement of both; "a deal to be concluded between" them, or "a commitment to an agreement between" them, is not made yet. */
const PACT_BETWEEN = new RegExp(`\\b${PACT}\\s+(?:signed|reached|struck|agreed)\\b(?:[^.;⟦]{0,40}?\\s)?between\\s+(?:the\\s+)?⟦(e\\d+)⟧(?:\\s*\\(${E}\\))?\\s+and\\s+(?:the\\s+)?⟦(e\\d+)⟧`, "gi");
/** "X and Y signed a peace agreement", "X and Y held talks": each with the other (group 3 set for a pact, else talks). */
const MUTUAL = new RegExp(
  `⟦(e\\d+)⟧(?:\\s*\\(${E}\\))?\\s+and\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?⟦(e\\d+)⟧(?:\\s*\\(${E}\\))?\\s+(?:(?:have|has|had|then|later|also|finally|formally)\\s+)*` +
    `(?:(?:signed|sign|reached|reach|struck|strike|concluded|agreed)\\s+(?:an?|the|their)\\s+(?:[\\w-]+\\s+){0,2}?(${PACT})|(?:held|hold|opened|open|began|begin|resumed|resume|renewed|renew)\\s+(?:an?\\s+|their\\s+)?(?:[\\w-]+\\s+){0,3}?(?:talks|negotiations))\\b(?!\\s+with\\b)`,
  "gi",
);
const MUTUAL_CUE = /\b(?:talks|negotiations)\b/i;
/** "X keeps troops there under a ceasefire deal with Y": the clause's subject agreed with Y. */
const UNDER_PACT = new RegExp(`\\b(?:under|through)\\s+(?:an?|the|its|their|${E})\\s+(?:[\\w-]+\\s+){0,3}?${PACT}\\s+with\\s+`, "gi");
/** The entity a sentence opens with, when no finite verb shows its subject ("X, which backs ..., has kept troops"). */
const LEADING_ENTITY = /^\s*(?:the\s+)?⟦(e\d+)⟧(?!['’]s)/i;
const ASSAULT_NOUN_CUE = new RegExp(`${ATTACK_NOUNS}|invasion`, "i");
/** A subject inside a condition: "if (the) X ...", "unless X ...". */
const CONDITION_BEFORE = /\b(?:if|unless|whether)\s+(?:the\s+)?$/i;
/** Auxiliaries before a trigger make it passive ("was blamed for", "has been banned by"). */
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:(?:also|then|once|long|not|never|\w+ly)\s+)?$/i;
/** The agent of a passive: "banned by X", "designated a terrorist organisation by X". */
const AGENT = /^(?:\s+(?!by\b)\S+){0,6}?\s+by\s+(?:the\s+)?(?:(?!(?:in|at|on|of|from|for|with|to|after|before|since|during|and|or)\s)[\p{L}.-]+\s+){0,3}?⟦(e\d+)⟧/u;
/** A participle with its agent and no auxiliary ("fighters trained and funded by X") modifies a noun: no clause subject to take. */
const REDUCED_PASSIVE = /^\s+(?:\w+ly\s+)?(?:and\s+\w+ed\s+)?by\b/i;
const NEGATED = /\b(?:not|never|no\s+longer|n['’]t)\s+(?:(?:yet|been|be|\w+ly)\s+)*$/i;
/** "X accused A ... and blamed B": the second verb shares the first one's subject. */
const VERB_COORDINATION = /\b(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:(?:has|have|had)\s+)?(?:(?:is|are|was|were|been)\s+)?$/i;
/** "When X tried to absorb the Front, Y refused": Y rejected X. */
const REFUSED_PROPOSAL = /\b(?:when|after|once)\s[^,]*?⟦(e\d+)⟧\s+(?:had\s+)?(?:tried|sought|attempted|asked|offered|proposed|demanded|ordered|invited|urged|moved)\b[^,]*,\s*$/i;
/** "X, which Y ...": X, the object of a verb in the relative clause that names no other. */
const RELATIVE_OBJECT = new RegExp(`⟦(e\\d+)⟧(?:\\s*\\(${E}\\))?,?\\s+(?:which|whom)\\s+(?:the\\s+)?$`, "i");
/** "X, a British consultant Y had kidnapped": the same without the pronoun, read only for deeds done to X ("X, a charge Y rejected" is someone's words). */
const APPOSITIVE_OBJECT = new RegExp(`⟦(e\\d+)⟧,\\s+(?:an?|the)\\s+(?:(?:[\\w-]+|${E})\\s+){1,4}$`, "i");
const LOCATIVE_BEFORE = /\b(?:in|at|near|into|on|inside|across|around|throughout|during|since)\s+(?:the\s+)?$/i;
/** A past-tense verb right before an entity: the entity is its object. */
const OBJECT_OF_VERB = /\b\w+ed\s+(?:the\s+|an?\s+)?$/i;
/** A finite verb right after an entity: the entity is its subject. */
const NEXT_VERB = /^\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?\w+ed\b/i;
const PREPOSITION_BEFORE = /\b(?:between|of|in|from|with|to|against|on|at|for|by|among|near|into)\s+(?:the\s+)?$/i;
/** "The Council's sanctions committee placed X", "Chad's military rulers accused X": a body of an organisation or a state acts for it. */
const BODY_OF = new RegExp(
  `⟦(e\\d+)⟧['’]s\\s+(?:[\\w-]+\\s+){0,2}?(?:committee|ministry|government|cabinet|council|parliament|court|department|administration|authorities|junta|regime|rulers)\\s+(?:on\\s+(?:${WEEKDAYS})\\s+)?(?:(?:has|have|had|also|\\w+ly)\\s+)*$`,
  "i",
);
/** "X released a video in which a masked commander vowed ...": what is said in X's medium is X's. */
const MEDIUM_OF = new RegExp(
  `⟦(e\\d+)⟧\\s+(?:has\\s+|had\\s+)?(?:released|issued|published|posted|aired|circulated)\\s+(?:an?|its|the|${E})\\s+(?:[\\w-]+\\s+){0,2}?(?:video|statement|message|recording|audio|speech|communiqu[eé]|tape)\\s+(?:on\\s+\\w+\\s+)?in\\s+which\\s+(?:[\\w-]+\\s+){0,4}$`,
  "i",
);
/** An entity right before a finite verb (also set off as an appositive: "its spokesperson, X, called"): a clause's subject. */
const SUBJECT_OF_VERB = new RegExp(
  `(?:,\\s*⟦(e\\d+)⟧,|⟦(e\\d+)⟧(?:,[^,⟦]*,)?)\\s+(?:(?:has|have|had|also|then|later)\\s+)*(?:\\w+ed|said|says|told|tells|is|was|are|were|wrote|spoke|went|took|made|gave|held|met|warns|claims|adds|calls|accuses|insists)\\b`,
  "gi",
);
/** Quoted words: no clause subject is taken from inside them. */
const QUOTED = /[“"][^“”"]*[”"]/g;
/** "rejected the claim", "dismissed these baseless allegations": what is rejected is someone's earlier word ... */
const SAID_OBJECT = new RegExp(`^\\s+(?:the|these|those|this|such|all)\\s+(?:(?!\\d)[\\w-]+\\s+){0,2}?(?:${SAID_NOUNS})\\b(?!\\s+(?:of|in|about|on|over|against|from)\\b)`, "i");
/** ... or the noun comes first: "a claim X has repeatedly denied". */
const SAID_BEFORE = new RegExp(`\\b(?:a|an|the)\\s+(?:[\\w-]+\\s+)?(?:${SAID_NOUNS})\\s+(?:that\\s+|which\\s+)?(?:the\\s+)?${E}\\s+(?:(?:has|have|had)\\s+)?(?:\\w+ly\\s+)?$`, "i");
/** "rejected what it called 'baseless insinuations' by X": the one named is X, after the speaker's own words. */
const WHAT_CALLED = /^\s+what\s+(?:⟦e\d+⟧|it|they|he|she)\s+(?:called|calls|termed|terms|described\s+as|describes\s+as)\s+[“"][^“”"]*[”"]/i;
/** "struck what the army's media wing, X, described as hideouts of Y": Y is hit by the describer's account. */
const WHAT_DESCRIBED = /^\s+what\s+[^.;]{1,100}?\s+(?:called|calls|termed|terms|described\s+as|describes\s+as)\s+(?=[^\s“"])/i;
const ACCUSATION_NOUN = /\b(?:accusations?|allegations?|charges?)\b/i;
/**
 * Whom something is blamed on: "on X", "on the militant X"; "on the X in the Greater Y (Z)" on the Z the bracketed
 * name makes of the whole, not on the X it begins with.
 */
const BLAMED_ON = /\bon\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟦(e\d+)⟧(?:\s+in\s+the\s+(?:(?:\p{Lu}[\w-]*|⟦e\d+⟧)\s+){1,3}\(⟦(e\d+)⟧\))?/giu;
/** Verbs that deny a charge (not "refused", "rejected a plan"). */
const DENIAL = /^(?:denied|denies|denying|deny)$/i;
/** "denied involvement", "denies any responsibility": a part in what someone was blamed for. */
const DENIED_PART = /^\s+(?:any\s+|all\s+|its\s+|their\s+|his\s+|her\s+)?(?:involvement|responsibility|role|complicity|wrongdoing)\b/i;
/** "denied allowing X on its soil": what is denied is a deed, not X. */
const DENIED_DEED = /^\s*(?:any\s+|ever\s+)?[a-z]+ing\s/i;

interface Found {
  type: PloverType;
  at: number;
  length: number;
}

/**
 * PLOVER events by trigger verbs: the clause subject is the source and the entities of the
 * object phrase the targets (a passive's agent is the source and its subject the target);
 * warnings and vows "against X" are THREATEN; claimed attacks, assault nouns ("X's attack on Y")
 * and a medium used "to denounce" add the rest.
 */
export class EventFinder implements Component {
  readonly name = "events";

  run(doc: AnalysedDoc): void {
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = doc.masked(s);
      // A trigger's source is an entity before it, and no trigger spans a placeholder: the search starts at the first.
      const from = masked.text.indexOf("⟦");
      if (from < 0) continue;
      if (foundFrom(ANY_TRIGGER, masked.text, from)) {
        const found: Found[] = [];
        for (const [type, regex] of TRIGGER_RE) for (const m of matchesOf(regex, masked.text, from)) found.push({ type, at: m.index, length: m[0].length });
        found.sort((a, b) => a.at - b.at);
        // The grammatical subject of the previous trigger, for a verb coordinated with it.
        let previous: { subject: string | undefined } | undefined;
        for (const f of found) previous = { subject: this.trigger(doc, masked, f, previous) };
      }
      this.warnings(doc, masked);
      this.targetWarnings(doc, masked);
      if (masked.text.includes(" to ")) this.instruments(doc, masked);
      if (ATTACKS_DONE_CUE.test(masked.text)) {
        this.attacksDone(doc, masked);
        this.claimedBy(doc, masked);
        this.claimedTold(doc, masked);
      }
      if (BLAME_CUE.test(masked.text)) this.passiveBlames(doc, masked);
      if (ASSAULT_NOUN_CUE.test(masked.text)) this.assaultNouns(doc, masked);
      if (PACT_CUE.test(masked.text)) this.pacts(doc, masked);
      else if (MUTUAL_CUE.test(masked.text)) this.mutual(doc, masked);
    }
  }

  /** One trigger's events; returns the clause subject it found, for a verb coordinated with it. */
  private trigger(doc: AnalysedDoc, masked: MaskedSentence, found: Found, previous: { subject: string | undefined } | undefined): string | undefined {
    let { type } = found;
    const { at, length } = found;
    const head = masked.text.slice(0, at);
    const rest = masked.text.slice(at + length);
    // "was not charging X", "has never condemned X": nothing happened.
    if (NEGATED.test(head)) return undefined;
    const coordinated = VERB_COORDINATION.test(head);
    // ", calling X 'apostates'": a participle after a comma shares the subject of the clause before it.
    const participle = /^\w+ing\b/i.test(masked.text.slice(at, at + length)) && /,\s*$/.test(head);
    // "X held the town before being routed by Y": the passive participle's subject is the clause's.
    const beingDone = /\b(?:before|after)\s+being\s+$/i.test(head);
    // "Its narrator, introduced only as a commander of X's branch, charges ...": the subject stands before such an aside.
    const knownAs = NAMED_ASIDE.exec(head);
    const before = (coordinated && previous) || participle || beingDone ? undefined : subjectBefore(masked, knownAs ? knownAs.index : at);
    // "... attack on Chinese engineers in Dalbandin in 2018 and stormed": a place or time is no subject.
    // ... but "a village in X was attacked by Y": a settlement hit in X is X hit, as in the active (PLACE_OF_OBJECT).
    if (before && LOCATIVE_BEFORE.test(masked.text.slice(0, before.at)) && !(PHYSICAL_TYPES.has(type) && SETTLEMENT_IN.test(masked.text.slice(0, before.at)) && PASSIVE.test(head))) return undefined;
    // "... if the FCC eased restrictions on X": a condition tells of no event.
    if (before && CONDITION_BEFORE.test(masked.text.slice(0, before.at))) return undefined;
    let subject: string | undefined;
    let relative: string | undefined;
    if (coordinated) {
      // "X described the council's fighters as mercenaries of Y and accused Z": the entity before "and" is an object, X the subject.
      subject = previous ? previous.subject : (mainSubject(masked) ?? clauseSubject(head));
    } else {
      // "X, led by Y, has rejected ...": the one led, not its leader, is the subject; "X's mission to Y dismissed": X's envoys speak for X.
      const led = before ? (LED_BY.exec(head) ?? ENVOY_TO.exec(head)) : null;
      relative = before ? undefined : RELATIVE_HEAD.exec(head)?.[1];
      subject = (led && led[2] === before!.entity ? led[1] : before?.entity) ?? BODY_OF.exec(head)?.[1] ?? MEDIUM_OF.exec(head)?.[1] ?? relative ?? (participle || beingDone ? (clauseSubject(head) ?? mainSubject(masked)) : undefined);
    }
    if (!subject) return undefined;
    // "Sudanese rebels shelled Juba": a country's or a region's rebels are not the country (an organisation's "militants" are its own).
    if (doc.entity(subject)?.type !== "ORG" && NOT_THE_STATE.test(masked.text.slice(subjectStart(masked, subject, at) + `⟦${subject}⟧`.length, at))) return undefined;
    const verb = masked.text.slice(at, at + length);
    // "troops were pulled out of X" retreats all the same; "was blaming" is not passive.
    const passive = PASSIVE.test(head) && !/ing$/i.test(verb) && type !== "RETREAT" && type !== "MOBILIZE";
    if (!passive && REDUCED_PASSIVE.test(rest)) return subject;
    if (/^(attacked|struck|targeted)$/i.test(verb) && (VERBAL_CONTEXT.test(masked.text) || VERBAL_OBJECT.test(rest)) && !this.physical(masked, subject, at, rest)) {
      type = "ACCUSE";
    }
    // "charged that X arms Y": the charge names X; Y is the object of X's deed.
    const that = type === "ACCUSE" && /\bthat$/i.test(verb);
    const deed = that ? rest.search(DEED_VERB) : -1;
    const clause = rest.slice(0, Math.min(CLAUSE_END.exec(rest)?.index ?? rest.length, deed < 0 ? rest.length : deed));
    let sources = [subject];
    let targets: string[];
    let end = at + length;
    // An aside set off by commas ("the X government, which accused Y") is the writer's, even inside someone's claim.
    let aside = relative !== undefined;
    // Who named what was hit ("what X described as ..."): the event is by their account.
    let describer: string | undefined;
    if (passive) {
      // "The X attack was blamed by Y on Z": Y accuses Z, not the attack's X (see `passiveBlames`).
      if (foundAt(PASSIVE_BLAME, masked.text, at)) return subject;
      // "LeT was blamed for the Mumbai attacks" names no accuser: no event.
      const agent = AGENT.exec(clause);
      if (!agent) return subject;
      sources = [agent[1]!];
      targets = [subject];
      end += agent.index + agent[0].length;
    } else {
      sources.unshift(...this.coordinatedSubjects(masked, subject, at));
      const maxGap = THREAT_TO.test(verb) && /^\s+to\s/.test(rest) ? 9 : 4;
      const described = PHYSICAL_TYPES.has(type) ? WHAT_DESCRIBED.exec(rest) : null;
      if (described) describer = masked.entitiesIn(at + length, at + length + described[0].length)[0];
      const from = at + length + (WHAT_CALLED.exec(rest)?.[0].length ?? described?.[0].length ?? 0);
      const found = this.targets(masked, from, at + length + clause.length, subject, maxGap, type === "REJECT");
      targets = found.targets;
      if (targets.length) end = from + found.end;
      // "blamed the fires on air strikes and on X": the blamed are those it is put on.
      if (type === "ACCUSE" && targets.length === 0 && /^blam/i.test(verb)) {
        const blamed = [...clause.matchAll(BLAMED_ON)].filter((b) => b[1] !== subject);
        if (blamed.length > 0) {
          targets = [...new Set(blamed.map((b) => b[2] ?? b[1]!))];
          end = at + length + blamed[blamed.length - 1]!.index! + blamed[blamed.length - 1]![0].length;
        }
      }
      // "stormed an army base": the document's army, when it names one.
      const facility = type === "ASSAULT" && targets.length === 0 ? ARMY_FACILITY.exec(clause) : null;
      const army = facility ? armyNear(doc, masked, at) : undefined;
      if (army && army !== subject) {
        targets = [army];
        end = at + length + facility![0].length;
      }
      // "the Jamaat, which New Delhi banned in 2019": the object is what the relative pronoun stands for.
      if (type === "ASSAULT" && targets.length === 0) {
        const place = PLACE_OF_OBJECT.exec(clause);
        if (place && /^(?:GPE|LOC)$/.test(doc.entity(place[1]!)?.type ?? "")) {
          targets = [place[1]!];
          end = at + length + place.index + place[0].length;
          // "... in northern Iraq and north-east Syria": the places coordinated with it.
          const more = ANOTHER_PLACE.exec(clause.slice(place.index + place[0].length));
          if (more && more[1] !== subject && /^(?:GPE|LOC)$/.test(doc.entity(more[1]!)?.type ?? "")) {
            targets.push(more[1]!);
            end += more[0].length;
          }
        }
      }
      const beforeSubject = masked.text.slice(0, subjectStart(masked, subject, at));
      const antecedent = targets.length === 0 ? (RELATIVE_OBJECT.exec(beforeSubject) ?? (PHYSICAL_TYPES.has(type) ? APPOSITIVE_OBJECT.exec(beforeSubject) : null))?.[1] : undefined;
      // "sweeps in Tillabéri, which the army denies": a town is what is taken or hit, never what is denied or suspended.
      if (antecedent && antecedent !== subject && (PHYSICAL_TYPES.has(type) || !isTerritory(doc.entity(antecedent)))) {
        targets = [antecedent];
        // An aside set off by commas is the writer's, even inside someone's charge.
        aside = /⟧,\s*(?:which|whom)\s/.test(masked.text.slice(0, at));
      }
      if (type === "REJECT" && targets.length === 0 && /^\s*(?:and\b|[,.;]|$)/.test(rest)) {
        const proposer = REFUSED_PROPOSAL.exec(masked.text.slice(0, subjectStart(masked, subject, at)))?.[1];
        if (proposer) targets = [proposer];
      }
      const said = type === "REJECT" && targets.length === 0 ? (SAID_OBJECT.exec(rest) ?? SAID_BEFORE.exec(head)) : null;
      const owner = said ? this.ownerOfWords(doc, masked, subject, at, ACCUSATION_NOUN.test(said[0])) : undefined;
      if (owner) targets = [owner];
      // "The AA denied targeting civilians": a deed denied answers whoever last accused the denier.
      else if (type === "REJECT" && targets.length === 0 && DENIAL.test(verb) && DENIED_DEED.test(rest)) {
        const accuser = this.lastAccuser(doc, masked, subject, at, true);
        if (accuser) targets = [accuser];
      }
      // "X blames army commandos; Bogotá denies involvement": a denial of a part in something answers the accuser just told, whoever was accused.
      else if (type === "REJECT" && targets.length === 0 && DENIAL.test(verb) && DENIED_PART.test(rest)) {
        const accuser = this.lastAccuser(doc, masked, subject, at, false, 1);
        if (accuser) targets = [accuser];
      }
    }
    // "seized Paletwa", "captured an army base", "took control of X": taking a town, a region or a force's post by force is an assault, not a seizure of property.
    const taken = type === "COERCE" && /^(?:seiz|captur|took|takes|taking|gain|wrest)/i.test(verb) && targets.length > 0 && (targets.every((t) => isTerritory(doc.entity(t))) || MILITARY_POST_OBJECT.test(rest));
    if (taken) type = "ASSAULT";
    // "took control of the company": control of anything but ground or a post is no act of force.
    else if (/control of$/i.test(verb)) return subject;
    // "..., as do Turkey and the EU": others who do the same.
    const alike = targets.length > 0 ? AS_DO.exec(masked.text.slice(end)) : null;
    if (alike) sources.push(...masked.entitiesIn(end + alike.index + alike[0].length - alike[1]!.length, end + alike[0].length).filter((e) => !sources.includes(e)));
    for (const source of sources) {
      const own = targets.filter((t) => t !== source);
      for (const target of own.length ? own : [null]) {
        if (target === null && type !== "PROTEST" && type !== "RETREAT" && type !== "MOBILIZE") continue;
        this.add(doc, masked, draft(type, source, target), subjectStart(masked, passive ? subject : source, at), end, at, aside ? null : describer);
      }
    }
    if (type === "ACCUSE" && !passive && targets.length) this.chargedDeeds(doc, masked, sources, targets, end, at, that);
    return subject;
  }

  /**
   * Whose words "the claim", "the findings" or "the accusations" rejected by `rejecter` at `at` are:
   * for an accusation, the accuser in the latest accusation told before (up to eight sentences
   * back); else, or when no accusation was found, the speaker of the latest claim ending before, in
   * this sentence or the two before it.
   */
  private ownerOfWords(doc: AnalysedDoc, masked: MaskedSentence, rejecter: string, at: number, accusation: boolean): string | undefined {
    // An accusation no ACCUSE event holds ("found allegations of arms flights credible") is still its speaker's.
    const accuser = accusation ? this.lastAccuser(doc, masked, rejecter, at, false) : undefined;
    if (accuser) return accuser;
    const [here] = masked.span(at, at + 1);
    const from = doc.sentences[Math.max(0, masked.index - 2)]!.start;
    let latest: ClaimSpan | undefined;
    for (const span of claimSpansMeeting(doc, from, here)) {
      if (span.first && span.start >= from && span.end <= here && span.claim.speaker !== rejecter && (!latest || span.start > latest.start)) latest = span;
    }
    return latest?.claim.speaker;
  }

  /**
   * The source of the latest ACCUSE event told before `at` (up to `back` sentences back) whose source is
   * not `rejecter`; with `aimedAt`, only an accusation aimed at `rejecter` counts.
   */
  private lastAccuser(doc: AnalysedDoc, masked: MaskedSentence, rejecter: string, at: number, aimedAt: boolean, back = 8): string | undefined {
    const [here] = masked.span(at, at + 1);
    // Events are stored in text order, by where each was first found.
    for (let i = doc.events.length - 1; i >= 0 && (doc.events[i]!.provenance[0]?.sentence ?? 0) >= masked.index - back; i--) {
      const e = doc.events[i]!;
      if (e.type === "ACCUSE" && e.source !== rejecter && (!aimedAt || e.target === rejecter) && e.provenance.some((p) => p.end <= here)) return e.source;
    }
    return undefined;
  }

  /** Whether "attacked" names a physical assault: armed men right after the subject, or a place or force as object. */
  private physical(masked: MaskedSentence, subject: string, at: number, rest: string): boolean {
    const afterSubject = masked.text.slice(subjectStart(masked, subject, at) + `⟦${subject}⟧`.length, at);
    return ARMED_SUBJECT.test(afterSubject) || PHYSICAL_OBJECT.test(rest);
  }

  /** "The United States and a UN panel have accused X": the subject's conjuncts are sources too. */
  private coordinatedSubjects(masked: MaskedSentence, subject: string, at: number): string[] {
    const before = masked.text.slice(0, subjectStart(masked, subject, at));
    const m = /⟦(e\d+)⟧\s+and\s+(?:(?:a|an|the)\s+)?$/.exec(before);
    const head = before.slice(0, m?.index);
    // "X seized Sanaa and a coalition intervened": Sanaa is the object of a verb before, not a subject.
    if (!m || m[1] === subject || PREPOSITION_BEFORE.test(head) || /\band\s+(?:the\s+)?$/i.test(head) || OBJECT_OF_VERB.test(head)) return [];
    return [m[1]!];
  }

  /**
   * The target entities and where the last of them ends in `clause`: the first within `maxGap`
   * words of the verb, the others joined to it by coordinators or in brackets ("X (XYZ)"). The
   * subject ("its attacks"), a possessor or modifier before another entity ("Pakistan's ISI",
   * "Somali National Army") and a state before "opposition"/"rebels" are not targets.
   */
  private targets(masked: MaskedSentence, from: number, to: number, subject: string, maxGap: number, reject: boolean): { targets: string[]; end: number } {
    const doc = masked.doc;
    // Modifiers are blanked (same length, so offsets hold): the entity they modify stands in their place.
    const text = masked.text
      .slice(from, to)
      .replace(MODIFIER, (m, id: string, after: string) => (after || doc.entity(id)?.type !== "ORG" ? " ".repeat(m.length) : m))
      .replace(TITLE_BEFORE_NAME, (m) => " ".repeat(m.length))
      .replace(TITLE_OPENING, (m) => " ".repeat(m.length));
    const out: string[] = [];
    let last = -1;
    let skipped = 0;
    for (const m of text.matchAll(ENT_G)) {
      const id = m[1]!;
      // "condemned the Ankara attack": the place an attack is named by; "attacked its own supporters": the subject's own.
      const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
      if ((isTerritory(doc.entity(id)) && NAMED_ATTACK.test(after)) || /^\s+own\b/i.test(after)) {
        if (last < 0) {
          skipped++;
          continue;
        }
        break;
      }
      if (last < 0) {
        const gap = text.slice(0, m.index!);
        if (gap.includes(",") || NEW_VERB_PHRASE.test(gap) || gap.split(/\s+/).filter(Boolean).length > maxGap + skipped) break;
        if ((ADJUNCT.test(gap) && !ATTACKS_ON.test(gap)) || (maxGap <= 4 && OTHER_VERB.test(gap))) break;
        if (reject && (LINK_DENIAL.test(gap) || DENIED_DEED.test(gap))) break;
        // "remains opposed to the plan and Y has opposed it": an entity after "and" with a verb of its own starts a new clause.
        if (/\b(?:and|but|or)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+)?$/u.test(gap) && NEXT_VERB.test(text.slice(m.index! + m[0].length))) break;
        if (id === subject && possessive(masked, from + m.index!, m[0].length)) {
          skipped++;
          continue;
        }
      } else {
        const gap = text.slice(last, m.index!);
        if (!/^\s*\(\s*$/.test(gap) && !COORDINATED.test(gap.replace(/^\s*\)/, ""))) break;
        // "met X today and expressed Y's hopes": a verb after "and" starts a new clause, its entity is no second party.
        if (/\b(?:and|or|but)\s+[a-z]+ed\s+$/.test(gap)) break;
        // "talks with X, in Y": a place after a comma says where, it is no second party.
        if (ADJUNCT.test(gap)) break;
        // "seized X and a coalition intervened": an entity with a verb after it starts a clause of its own.
        if (NEXT_VERB.test(text.slice(m.index! + m[0].length))) break;
        if (id === subject) continue;
      }
      out.push(id);
      last = m.index! + m[0].length;
    }
    return { targets: out, end: Math.max(last, 0) };
  }

  /** "warning that it will continue working against the country": the speaker threatens the country. */
  private warnings(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(WARNING, masked.text)) {
      const at = m.index! + m[0].length - `⟦${m[2]}⟧`.length;
      const [targetStart, targetEnd] = masked.span(at, m.index! + m[0].length);
      const speaker = subjectBefore(masked, m.index!)?.entity ?? claimantOf(doc, targetStart, targetEnd) ?? mainSubject(masked);
      if (!speaker || speaker === m[2]) continue;
      this.add(doc, masked, draft("THREATEN", speaker, m[2]!), m.index!, m.index! + m[0].length);
    }
  }

  /** "warning that Chinese nationals would remain targets": the speaker threatens those it names. */
  private targetWarnings(doc: AnalysedDoc, masked: MaskedSentence): void {
    if (!/\bthat\s/.test(masked.text)) return;
    for (const m of matchesOf(TARGET_WARNING, masked.text)) {
      const named = m.index! + m[0].indexOf(m[1]!);
      const [start, end] = masked.span(named, named + m[1]!.length);
      // "The governor of X, Y, visited ... and warned": the clause's subject is the name in apposition, Y.
      const speaker = claimantOf(doc, start, end) ?? subjectBefore(masked, m.index!)?.entity ?? clauseSubject(masked.text.slice(0, m.index!)) ?? mainSubject(masked);
      if (!speaker) continue;
      for (const target of this.targets(masked, named, named + m[1]!.length, speaker, 0, false).targets.filter((t) => t !== speaker)) {
        this.add(doc, masked, draft("THREATEN", speaker, target), m.index!, m.index! + m[0].length);
      }
    }
  }

  /** "X has used its newspaper to denounce Y": X accuses Y. */
  private instruments(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(INSTRUMENT, masked.text)) {
      const source = subjectBefore(masked, m.index!)?.entity;
      if (!source) continue;
      const verb = m[1]!.toLowerCase();
      const type = INSTRUMENT_TYPE[verb] ?? (verb === "attack" && !VERBAL_CONTEXT.test(m[0]) ? "ASSAULT" : "ACCUSE");
      const after = m.index! + m[0].length;
      const { targets, end } = this.clauseTargets(masked, after, source, 2);
      for (const target of targets) {
        this.add(doc, masked, draft(type, source, target), subjectStart(masked, source, m.index!), after + end, m.index!);
      }
    }
  }

  /**
   * "X claimed responsibility for the attack on Y": X's assault on Y, which only X's claim tells;
   * "X, which waged a campaign of bombings on Y": X's assault on Y.
   */
  private attacksDone(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const [regex, claimed] of [[CLAIMED_ATTACK, true], [WAGED_ATTACK, false]] as const) {
      for (const m of matchesOf(regex, masked.text)) {
        const source = subjectBefore(masked, m.index!)?.entity ?? RELATIVE_SUBJECT.exec(masked.text.slice(0, m.index!))?.[1];
        if (!source) continue;
        const after = m.index! + m[0].length;
        const { targets, end } = this.victims(masked, after, source);
        for (const target of targets) this.add(doc, masked, draft("ASSAULT", source, target), subjectStart(masked, source, m.index!), after + end, m.index!, claimed ? source : undefined);
      }
    }
  }

  /**
   * "Militants stormed a police station in X, killing 11; Y claimed the attack": Y's assault on X, by Y's own
   * claim, when the attack was told just before (in the sentence or the one before) with no named attacker.
   */
  private claimedTold(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(CLAIMED_TOLD, masked.text)) {
      const source = subjectBefore(masked, m.index!)?.entity;
      // "claimed the attack on its channel" is where it claimed it; "on X" of another names the victim (CLAIMED_ATTACK).
      const on = /^\s+on\s+⟦(e\d+)⟧/.exec(masked.text.slice(m.index! + m[0].length));
      if (!source || (on && on[1] !== source)) continue;
      const here = lastMatch(ATTACK_VERB, masked.text.slice(0, m.index!));
      const where = here ? masked : masked.index > 0 ? doc.masked(masked.index - 1) : undefined;
      const verb = here ?? (where ? lastMatch(ATTACK_VERB, where.text) : undefined);
      if (!where || !verb) continue;
      const attacker = subjectBefore(where, verb.index);
      if (attacker && attacker.entity !== source) continue;
      const after = verb.index + verb[0].length;
      // "stormed a police station in X": with no one named as its victim, the place attacked.
      const targets = this.clauseTargets(where, after, source, 4).targets;
      const place = PLACE_ATTACKED.exec(where.text.slice(after))?.[1];
      if (targets.length === 0 && place && isTerritory(doc.entity(place))) targets.push(place);
      for (const target of targets) this.add(doc, masked, draft("ASSAULT", source, target), subjectStart(masked, source, m.index!), m.index! + m[0].length, m.index!, source);
    }
  }

  /**
   * "The attack on X was claimed by Y", or "It was claimed by Y" after a sentence opening with the attack: Y's assault on X, by Y's
   * own claim; "... was carried out by Y": the same, as the writer tells it.
   */
  private claimedBy(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const [regex, claimed] of [[CLAIMED_BY, true], [DONE_BY, false]] as const) {
      for (const m of matchesOf(regex, masked.text)) {
        const source = m[1]!;
        const claimant = claimed ? source : undefined;
        const here = ATTACK_OPENING.exec(masked.text.slice(0, m.index!));
        // The words before as written: "It" may be masked as whatever the resolver took it for.
        const opening = doc.text.slice(doc.sentences[masked.index]!.start, m.index! > 0 ? masked.span(0, m.index!)[1] : doc.sentences[masked.index]!.start);
        const previous = !here && /^\s*(?:It|This|That)\s*$/.test(opening) && masked.index > 0 ? doc.masked(masked.index - 1) : undefined;
        const where = here ? masked : previous;
        const attack = here ?? (previous ? ATTACK_OPENING.exec(previous.text) : null);
        if (!where || !attack) continue;
        const { targets, end } = this.victims(where, attack[0].length, source);
        for (const target of targets) {
          // Where the attack and its victims are named, and (merged into the same event) where its claimer is.
          if (where !== masked) this.add(doc, where, draft("ASSAULT", source, target), 0, attack[0].length + end, undefined, claimant);
          this.add(doc, masked, draft("ASSAULT", source, target), where === masked ? 0 : m.index!, m.index! + m[0].length, m.index!, claimant);
        }
      }
    }
  }

  /**
   * "The killings were blamed by Y on X", "an ambush on Z that was blamed on X by Y": Y accuses X; an attack named
   * before, with its victims, is X's assault on them by Y's claim.
   */
  private passiveBlames(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(PASSIVE_BLAME, masked.text)) {
      const accuser = (m[1] ?? m[4])!;
      const blamed = (m[2] ?? m[3])!;
      if (accuser === blamed) continue;
      this.add(doc, masked, draft("ACCUSE", accuser, blamed), m.index!, m.index! + m[0].length);
      const attack = ATTACK_OPENING.exec(masked.text.slice(0, m.index!));
      if (!attack) continue;
      const { targets, end } = this.victims(masked, attack[0].length, blamed);
      for (const target of targets) {
        if (target !== accuser && attack[0].length + end <= m.index!) this.add(doc, masked, draft("ASSAULT", blamed, target), 0, m.index! + m[0].length, m.index!, accuser);
      }
    }
  }

  /** The targets named from `from` to the end of the clause, other than `source`. */
  private clauseTargets(masked: MaskedSentence, from: number, source: string, maxGap: number): { targets: string[]; end: number } {
    const rest = masked.text.slice(from);
    const { targets, end } = this.targets(masked, from, from + (CLAUSE_END.exec(rest)?.index ?? rest.length), source, maxGap, false);
    return { targets: targets.filter((t) => t !== source), end };
  }

  /** The victims named from `from` on, after an ATTACK_PHRASE ("an Indian Army convoy", "40 troopers of the CRPF"), other than `attacker`. */
  private victims(masked: MaskedSentence, from: number, attacker: string): { targets: string[]; end: number } {
    const found = this.clauseTargets(masked, from, attacker, 4);
    const first = found.targets[0];
    // "strikes against them with Egypt's consent", "a checkpoint run by X": a victim follows no other preposition.
    if (first && VICTIM_GAP_PREPOSITION.test(masked.text.slice(from, masked.text.indexOf(`⟦${first}⟧`, from)))) return { targets: [], end: 0 };
    return found;
  }

  /**
   * The deed a charge lays at the door of the `accused`, read after them from masked `at` on
   * ("accused X of arming Y", "blamed X for the ambush on Y", "charged that X arms Y"): the
   * accused's event against Y, as the accusers' claim.
   */
  private chargedDeeds(doc: AnalysedDoc, masked: MaskedSentence, accusers: string[], accused: string[], at: number, verbAt: number, that: boolean): void {
    const received = that ? null : RECEIVED_FROM.exec(masked.text.slice(at));
    if (received) {
      const after = at + received[0].length;
      for (const culprit of accused) {
        const { targets: givers, end } = this.victims(masked, after, culprit);
        for (const giver of givers) {
          for (const accuser of accusers.filter((a) => a !== giver)) this.add(doc, masked, draft(received[1] ? "AID" : "SUPPORT", giver, culprit), subjectStart(masked, culprit, at), after + end, verbAt, accuser);
        }
      }
      return;
    }
    const { regex, types } = that ? DEED_THAT : DEED_OF;
    const m = regex.exec(masked.text.slice(at));
    if (!m) return;
    const type = types[m.slice(1).findIndex((g) => g !== undefined)]!;
    const after = at + m[0].length;
    for (const culprit of accused) {
      const { targets, end } = this.victims(masked, after, culprit);
      for (const target of targets) {
        for (const accuser of accusers) this.add(doc, masked, draft(type, culprit, target), subjectStart(masked, culprit, at), after + end, verbAt, accuser);
      }
    }
  }

  /** "Israel's invasion of Lebanon", "an Israeli air strike on Beirut": a named attacker's assault on a named target. */
  private assaultNouns(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(ASSAULT_NOUN, masked.text)) {
      const [source, hit, place] = [m[1]!, m[2]!, m[3]!];
      const army = isTerritory(doc.entity(place)) && MILITARY_POST.test(hit) ? armyNear(doc, masked, m.index!) : undefined;
      const target = army && army !== source ? army : place;
      if (source === target) continue;
      // "its offensive against ...": a possessive pronoun's reading is the least sure; only a named attacker counts.
      const [start, end] = masked.span(m.index!, m.index! + `⟦${source}⟧`.length);
      if (doc.mentionsIn(start, end).some((mention) => mention.anaphoric)) continue;
      this.add(doc, masked, draft("ASSAULT", source, target), m.index!, m.index! + m[0].length);
    }
    if (/\sby\s/.test(masked.text)) {
      for (const m of matchesOf(ASSAULT_BY, masked.text)) {
        const [source, target] = [m[2]!, m[1] ?? m[3]];
        if (target && target !== source) this.add(doc, masked, draft("ASSAULT", source, target), m.index!, m.index! + m[0].length);
      }
    }
    if (masked.text.includes("-led ")) {
      for (const m of matchesOf(LED_ASSAULT, masked.text)) {
        const word = m[1]!.toLowerCase();
        const source = doc.entities.find((e) => e.type !== "LOC" && [e.name, ...e.aliases].some((n) => n.toLowerCase() === word));
        if (source && source.id !== m[2]) this.add(doc, masked, draft("ASSAULT", source.id, m[2]!), m.index!, m.index! + m[0].length);
      }
    }
    for (const m of matchesOf(JOINED_ASSAULT, masked.text)) {
      const alliesAt = m.index! + m[0].indexOf(m[1]!);
      // The one who joined attacks too: "X joined Y and Z in an assault on W".
      const joiner = subjectBefore(masked, m.index!);
      const allies = [...(joiner ? [joiner.entity] : []), ...this.targets(masked, alliesAt, alliesAt + m[1]!.length, "", 1, false).targets];
      const after = m.index! + m[0].length;
      const { targets, end } = this.victims(masked, after, "");
      for (const ally of allies) for (const target of targets.filter((t) => t !== ally)) this.add(doc, masked, draft("ASSAULT", ally, target), joiner?.at ?? alliesAt, after + end);
    }
  }

  /** Agreements named by their noun: "a deal between X and Y" (each agreed with the other), "under a deal with Y" (the subject with Y). */
  private pacts(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(PACT_BETWEEN, masked.text)) {
      const [a, b] = [m[1]!, m[2]!];
      if (a === b) continue;
      for (const [source, target] of [[a, b], [b, a]] as const) this.add(doc, masked, draft("AGREE", source, target), m.index!, m.index! + m[0].length);
    }
    this.mutual(doc, masked);
    for (const m of matchesOf(UNDER_PACT, masked.text)) {
      const source = mainSubject(masked) ?? LEADING_ENTITY.exec(masked.text)?.[1];
      if (!source) continue;
      const after = m.index! + m[0].length;
      const { targets, end } = this.clauseTargets(masked, after, source, 2);
      for (const target of targets) this.add(doc, masked, draft("AGREE", source, target), m.index!, after + end);
    }
  }

  /** "X and Y signed a peace agreement", "X and Y held talks": an agreement or consultation of each with the other. */
  private mutual(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(MUTUAL, masked.text)) {
      const [a, b] = [m[1]!, m[2]!];
      // "Sanaa and X held talks": the first is a place the sentence is about, not a party (as in `coordinatedSubjects`).
      if (a === b || [a, b].some((id) => isTerritory(doc.entity(id)))) continue;
      const head = masked.text.slice(0, m.index!);
      if (PREPOSITION_BEFORE.test(head) || OBJECT_OF_VERB.test(head)) continue;
      const type = m[3] ? "AGREE" : "CONSULT";
      for (const [source, target] of [[a, b], [b, a]] as const) this.add(doc, masked, draft(type, source, target), m.index!, m.index! + m[0].length);
    }
  }

  /**
   * Stores the event found at masked [from, to); whether it is claimed is judged from `verbAt` (the
   * trigger) on; `claimant` names who claims it if no claim holds it, or is null for the writer's own aside.
   */
  private add(doc: AnalysedDoc, masked: MaskedSentence, event: Event, from: number, to: number, verbAt = from, claimant?: string | null): void {
    addEvent(doc, masked, event, from, to, verbAt, claimant);
  }
}

/**
 * Stores `event`, read at masked [from, to) with its verb at `verbAt`, with its attribution, time and
 * provenance (merged into the same event when one is stored already). `claimant` null: the writer's
 * own aside, never a claim.
 */
export function addEvent(doc: AnalysedDoc, masked: MaskedSentence, event: Event, from: number, to: number, verbAt = from, claimant?: string | null): void {
  const [start, end] = masked.span(from, to);
  // "Iraq said its forces sank ...": an event inside someone's claim is theirs, even about themselves.
  event.attributed_to = claimant === null ? null : (claimantOf(doc, masked.span(verbAt, to)[0], end) ?? claimant ?? null);
  // "X has threatened Y, X's spokesman said": a speech act told in the actor's own voice is done by the telling.
  if (event.attributed_to && SPEECH_ACTS.has(event.type) && ownVoice(doc, event.attributed_to, event.source)) event.attributed_to = null;
  event.time = timeNear(doc, masked.index, Math.max(start, masked.span(verbAt, to)[0])) ?? doc.document.date;
  event.provenance = [doc.provenance(start, end)];
  const same = doc.events.find((e) => e.type === event.type && e.source === event.source && e.target === event.target && e.attributed_to === event.attributed_to);
  if (same) same.provenance.push(...event.provenance);
  else doc.events.push(event);
}

/** Acts done by words: accusing, rejecting, threatening, requesting. */
const SPEECH_ACTS = new Set<PloverType>(["ACCUSE", "REJECT", "THREATEN", "REQUEST"]);
/** Ties by which one speaks for another: its spokesman, leader or member. */
const VOICE_TIES = new Set(["holds_position", "leader_of", "member_of"]);

/** Whether `speaker` is `actor` or speaks for it (either way round: a group's statement of its leader's words). */
function ownVoice(doc: AnalysedDoc, speaker: string, actor: string): boolean {
  return speaker === actor || doc.relations.some((r) => VOICE_TIES.has(r.predicate) && ((r.subject === speaker && r.object === actor) || (r.subject === actor && r.object === speaker)));
}

/** An event to be placed by `add`, which sets its attribution, time and provenance. */
/** The last match of a global `regex` in `text`. */
function lastMatch(regex: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of matchesOf(regex, text)) last = m;
  return last;
}

function draft(type: PloverType, source: string, target: string | null): Event {
  return { type, source, target, attributed_to: null, confidence: 0.6, provenance: [] };
}

/** Whether the placeholder at masked [at, at + length) stands for a possessive ("its attacks", "the group's"). */
export function possessive(masked: MaskedSentence, at: number, length: number): boolean {
  const [start, end] = masked.span(at, at + length);
  return /^(?:its|their|his|her|our)$/i.test(masked.doc.text.slice(start, end)) || /^['’]s\b/.test(masked.text.slice(at + length));
}

/** The subject of the last clause in `head` whose subject and finite verb it holds outside quotes. */
function clauseSubject(head: string): string | undefined {
  let subject: string | undefined;
  for (const m of head.replace(QUOTED, (q) => " ".repeat(q.length)).matchAll(SUBJECT_OF_VERB)) subject = m[1] ?? m[2];
  return subject;
}

/** Whether a global `regex` has a match starting exactly at offset `at` of `text`. */
function foundAt(regex: RegExp, text: string, at: number): boolean {
  regex.lastIndex = at;
  const m = regex.exec(text);
  regex.lastIndex = 0;
  return m?.index === at;
}

/** Whether a global `regex` matches `text` from offset `from` on. */
function foundFrom(regex: RegExp, text: string, from: number): boolean {
  regex.lastIndex = from;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}

function subjectStart(masked: MaskedSentence, subject: string, before: number): number {
  const at = masked.text.lastIndexOf(`⟦${subject}⟧`, before);
  return at < 0 ? before : at;
}
