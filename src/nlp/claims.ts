import type { Claim, QuoteKind } from "../model/index.js";
import { findAttributions } from "./attribution/index.js";
import { mainSubject, PARTICIPLE_ASIDE, PEOPLE_OF, personOf, subjectBefore } from "./clauses.js";
import { claimSpansMeeting, lastClaimWithin } from "./context.js";
import { blankDatelines, datelines } from "./dateline.js";
import type { AnalysedDoc, Component, MentionSpan } from "./doc.js";
import { ENT, type MaskedSentence, matchesOf, ORGAN } from "./masked.js";

const CUES =
  "said|says|say|reported|estimated|estimates(?=\\s+that)|concluded|contends|contended|charged(?=\\s+that)|found(?=\\s+that)|ruled(?=\\s+that)|maintain|insist|argue|allege|has said|have said|had said|claimed|claims|added|adds|warned|warns|stated|states|noted|notes|insisted|insists|argued|argues|alleged|alleges|asserted|asserts|declared|declares|maintained|maintains|announced|announces|wrote|writes|stressed|stresses|emphasi[sz]ed|explained|explains|acknowledged|admitted|confirmed|denied|deny|denies|vowed|vows|threatened|threatens|urged|urges|predicted|believes|called|calls|call|boasted|boasts|retorted|retorts|recommended|recommends|reiterated|reiterates|promised|promises|appealed|appeals|told|tells|cautioned|cautions|assured|assures|reminded|reminds|suggested|suggests|demanded|demands|replied|replies|responded|responds";
/** Verbs of charging: "accused X of Y", "blamed X for Y" report a claim only with their "of"/"for". */
const CHARGES = "accused|accuses|accuse|blamed|blames|blame|holds|held|hold";
/** Verbs of judging: "described X as Y", "condemned the attack as Y" report a claim only with their "as". */
const JUDGES =
  "regards|regarded|regard|treats|treated|treat|considers|considered|consider|viewed|described|describes|describe|condemned|condemns|condemn|denounced|denounces|denounce|branded|brands|brand|dismissed|dismisses|dismiss|rejected|rejects|reject|labell?ed|labels|label|portrayed|portrays|portray|presented|presents|present|mourned|mourns|hailed|hails|praised|praises|dubbed|dubs|paid tribute to|pays tribute to";
const PARTICIPLES =
  "saying|claiming|adding|noting|warning|stating|insisting|arguing|alleging|asserting|declaring|stressing|vowing|threatening|urging|explaining|boasting|denying|pledging|promising|predicting|reiterating|acknowledging|admitting|confirming|accusing|blaming|describing|condemning|denouncing|branding|dismissing|calling|praising|hailing|mourning|telling";
/** Verbs of estimating, a claim only with a figure's "at": "the army puts the number of fighters at 300". */
const ESTIMATES = "puts|put|places|placed";
/** Verbs of asking, a claim only with whom they ask and what to do. */
const REQUESTS = "asked|asks";
/** Verbs of pledging, a claim only with what is pledged ("pledged to free ...", "pledged that ..."), not "pledged allegiance" or "$5 million": left out of CUES, which the extractor's cues are checked with. */
const PLEDGES = "pledged|pledges";
const FINITE_CUE = new RegExp(`\\b(?:also\\s+)?(${CUES}|${CHARGES}|${JUDGES}|${ESTIMATES}|${REQUESTS}|${PLEDGES})\\b`, "g");
const ESTIMATE = new RegExp(`^(?:${ESTIMATES})$`);
/** What an estimate needs after its cue: "the number/toll/figure ... at". */
const FIGURE_AT = /^(?:the|its|their)\s+(?:[\p{L}-]+\s+){0,3}?(?:number|toll|figure|count|total|strength|losses)\b[^,;]*?\bat\b/u;
/** Verbs that name whom they address before "that" ("warned the army that ..."); told, cautioned, assured and reminded say nothing without it, nor replied and responded ("responded to the attack"). */
const ADDRESSED = /^(?:told|tells|cautioned|cautions|assured|assures|reminded|reminds|warned|warns|promised|promises)$/;
const THAT_ONLY = /^(?:told|tells|cautioned|cautions|assured|assures|reminded|reminds|suggested|suggests|demanded|demands|replied|replies|responded|responds)$/;
/** "asked the mediators to present a plan": a request only with whom it asks and what to do. */
const ASKS = /^ask(?:ed|s)$/;
const ASKED_TO = /^\s+(?!(?:not|about|for|if|whether|why|how|what|when)\b)(?:[^\s,;.“”"]+\s+){1,5}?to\s+\p{Ll}/u;
/** A verb going on after a closing quote (not a conjunction or a preposition opening something else). */
const CLAUSE_GOES_ON = /^\s+(?!(?:and|but|or|as|before|after|when|while|because|in|on|at|for|to|from|with|by|of|that|which|who)\b)\p{Ll}/u;
const CHARGE = new RegExp(`^(?:${CHARGES}|accusing|blaming)$`);
/** "blamed the attack on X": blaming puts a deed on someone. */
const BLAME = /^blam/;
/** Rejecting or dismissing what others said is a claim with "as" or when what is rejected is a charge: "rejected Indian charges of ...". */
const REJECT = /^(?:reject|dismiss)/;
const REJECTED = /\bas\b|^\s*(?:(?:the|these|those|such|all|any|⟦e\d+⟧(?:['’]s?)?|[\p{L}-]+)\s+){0,3}?(?:charges?|allegations?|accusations?|claims?|assertions?|insinuations?|suggestions?)\b/u;
/** "holds X responsible for Y": a charge only with "responsible" after its object. */
const HOLDS = /^(?:holds|held|hold)$/;
const JUDGE = new RegExp(`^(?:${JUDGES}|describing|condemning|denouncing|branding|dismissing|praising|hailing|mourning)$`);
/** Judgements that name what they judge in the speaker's own words: "branded the rebels “bandits”", "mourned him as a “hero”", "paid tribute to the “fallen”". */
const NAMING = /^(?:brand|label|dub|mourn|hail|prais|pa(?:id|ys) tribute)/;
/** A quoted word or two, short but said: 'a charge X called “absurd”'. */
const QUOTED_WORD = /^\s*[“"‘][^“”"]{3,}[”"’]\s*$/;
/** A quote within a few words of the cue. */
const QUOTE_CLOSE = /^(?:\S+\s+){0,6}?[“"]/;
/** "as" or a quote close by: what a verb of naming needs. */
const AS_OR_QUOTE = new RegExp(`\\bas\\b|${QUOTE_CLOSE.source}`);
/**
 * What a charge or a judgement needs in its clause to be a claim: "of"/"for" after "accused X"
 * ("on" too after "blamed X"), "responsible" after "holds X", "as" after "described X" (or, for
 * verbs of naming, a quote close by; for "rejected", a charge as its object), and "calling X “…”"
 * a quote close by.
 */
const needed = (cue: string): RegExp | undefined =>
  ESTIMATE.test(cue)
    ? FIGURE_AT
    : HOLDS.test(cue)
      ? /^(?:\S+\s+){0,6}?responsible\b/
      : CHARGE.test(cue)
        ? BLAME.test(cue)
          ? /\b(?:of|for|on)\b/
          : /\b(?:of|for)\b/
        : REJECT.test(cue)
          ? REJECTED
          : NAMING.test(cue)
            ? AS_OR_QUOTE
            : JUDGE.test(cue)
              ? /\bas\b/
              : cue === "calling"
                ? QUOTE_CLOSE
                : undefined;
/** "announcing that it had cut its ties" says something; "announcing a ceasefire" does not. */
const PARTICIPLE = new RegExp(`(^\\s*|,\\s*(?:while\\s+)?|\\s+and\\s+)(${PARTICIPLES}|announcing(?=\\s+that\\b))\\s+(that\\s+)?`, "gi");
/** A participle with a speaker of its own: ", its spokesman X telling reporters that ...", "with X saying that ...". */
const ABSOLUTE = new RegExp(
  `(,\\s*|\\bwith\\s+)(?:(?:its|their|his|her|the)\\s+|⟦e\\d+⟧['’]?s?\\s+)?(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}?${ENT}\\s+(${PARTICIPLES})\\s+(that\\s+)?`,
  "gu",
);
/** Participles that name whom they address before "that": "telling reporters that ...". */
const ADDRESSING = /^(?:telling|warning|assuring|reminding)$/i;
const LEADING = new RegExp(`^\\s*(?:${PARTICIPLES})\\b`, "i");
const DIRECT = /[“"]([^“”"]{10,}?)[,.]?[”"]/g;
/**
 * "according to X", "according to Somalia's Ministry of Information", "according to the Nigerian Army",
 * "according to the provincial governor, X", "in the words of Defence Minister X": the last name speaks,
 * or the last two joined by "and".
 */
const ACCORDING = new RegExp(
  `,?\\s*(?:according to|in the words of) (?:the\\s+)?(?:⟦e\\d+⟧(?:['’]s)?\\s+)?(?:(?!(?:of|in|from|by|at|on|for|to|with|and)\\b)\\p{L}[\\p{L}-]*,?\\s+){0,3}?${ENT}(?:\\s*\\(⟦e\\d+⟧\\))?(?:\\s+and\\s+(?:the\\s+)?${ENT}(?:\\s*\\(⟦e\\d+⟧\\))?)?,?\\s*`,
  "giu",
);
/** Documents a group issues; "the statement said" is the word of whoever issued it. */
const DOCUMENTS = "statement|(?:press\\s+)?note|(?:press\\s+)?release|video|editorial|message|communiqu[eé]|speech|address|broadcast|recording|audio|post|article|letter|notice|bulletin|newsletter";
/** Documents that say what they found: "according to the indictment". */
const REPORTS = `${DOCUMENTS}|reports?|findings|indictment|charge\\s+sheet|assessment|study|investigation|filing|ruling|verdict|judge?ment|complaint|listing|designation|document|memo|cable|transcript`;
/** "according to the notice", "according to X's statement": the document speaks, for whoever issued it. */
const ACCORDING_DOCUMENT_SOURCE = `,?\\s*according to (?:(?:the|this|that|its|their|his|her)\\s+|(?:the\\s+)?${ENT}['’]s?\\s+)(?:[\\p{Ll}-]+\\s+){0,2}?(${REPORTS})\\b,?\\s*`;
const ACCORDING_DOCUMENT = new RegExp(ACCORDING_DOCUMENT_SOURCE, "giu");
const ACCORDING_DOCUMENT_AT = new RegExp(`^${ACCORDING_DOCUMENT_SOURCE}`, "iu");
/** A document as the subject right before a cue: "The statement, carried by X's channel, said", "X's video said". */
const DOCUMENT_SUBJECT = new RegExp(`(?:^|[,;:]\\s*)(?:(?:the|this|that|its|their|a)\\s+|${ENT}['’]s\\s+)(?:[\\p{L}-]+\\s+){0,2}?(${DOCUMENTS})(,[^,]*,)?\\s+(?:also\\s+)?$`, "iu");
/**
 * A named speaker set off by a description of their role before the cue: "Koufa, founder of the
 * Macina Liberation Front, said", "Saree, the group's spokesman, said", "Rage, also known as Dhere, said".
 */
const ROLE_WORD = "\\p{Ll}[\\p{Ll}-]*";
const ROLE = `(?:(?:the|a|an|its|their|his|her)\\s+)?(?:⟦e\\d+⟧(?:['’]s)?\\s+)?(?:${ROLE_WORD}\\s+){0,3}${ROLE_WORD}(?:\\s+(?:of|for|to|at|in|as|with)\\s+(?:the\\s+)?(?:⟦e\\d+⟧|${ROLE_WORD})(?:['’]s)?(?:\\s+${ROLE_WORD}){0,2})?`;
/** Two roles may be joined: "X, leader of the Y (Y) and the main ally of Z, said" is X's word, not Z's. */
const APPOSITIVE_SPEAKER = new RegExp(`${ENT},\\s*${ROLE}(?:\\s+and\\s+${ROLE})?\\s*,\\s*(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`, "u");
/**
 * A spokesman, media office or lawyer the text does not name speaks for their group or client:
 * "the group's spokesman said", "a spokesman for the ministry said", "X's lawyer said", "lawyers for X said".
 */
const SPEAKS_FOR = "spokes(?:man|woman|person|men|women|people)|(?:media|press)\\s+(?:office|wing|arm|department)|lawyers?|attorneys?|counsel";
/** A word that UNNAMED_SPOKESMAN needs, tested first as it is cheaper. */
const SPEAKS_FOR_WORD = /spokes|media|press|lawyer|attorney|counsel/i;
const UNNAMED_SPOKESMAN = new RegExp(
  `(?:${ENT}['’]s?\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}(?:${SPEAKS_FOR})|\\b(?:a|an|the|two|several)\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+)?(?:${SPEAKS_FOR})\\s+for\\s+(?:the\\s+)?${ENT})\\s+(?:also\\s+|(?:has|have|had)\\s+)*$`,
  "iu",
);
/**
 * Asides between a speaker and the cue, blanked before looking for the speaker: "(RC)", ", better
 * known as X,", ", for its part,", ", as the regime calls itself,", and an appositive with a
 * relative clause whose head the resolver took for a name (", the party that leads the coalition,").
 */
const ASIDES = new RegExp(
  [
    "\\s*\\([^()]*\\)",
    ",\\s*(?:(?:better|also|widely)\\s+)?known\\s+as\\s+[^,]+(?=,)",
    ",\\s*alias\\s+[^,]+(?=,)",
    ",\\s*for\\s+(?:its|their|his|her|⟦e\\d+⟧)\\s+part(?=\\s*,)",
    ",\\s*as\\s+[^,]{1,60}?\\s+(?:calls?|called)\\s+(?:itself|themselves|himself|herself)(?=\\s*,)",
    ",\\s*⟦e\\d+⟧\\s+(?:that|who|which)\\s+[^,]*(?=,)",
    // "X, Y's widow, who chairs the panel, retorted": a relative clause on the appositive.
    ",\\s*(?:who|whose)\\s+[^,;]*(?=,)",
  ].join("|"),
  "g",
);
/** A name left right before the cue once its asides are blanked: "X (X), for its part, denies". */
const SET_OFF_SUBJECT = new RegExp(`${ENT}\\s+,\\s*(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`, "u");
/** A state's mission or envoy speaks for the state, not for the body it is accredited to: "Kenya's mission to the African Union dismissed ...". */
const MISSION = new RegExp(
  `${ENT}['’]s?\\s+(?:\\p{Ll}+\\s+){0,2}?(?:mission|embassy|delegation|envoy|ambassador|representative|office)\\s+(?:to|in|at)\\s+(?:the\\s+)?⟦e\\d+⟧\\s*(?:(?:also|has|have|had|\\p{Ll}+ly)\\s+)*$`,
  "u",
);
/** A group's unnamed official set off from the cue by an aside: "A senior X official, speaking on condition of anonymity, retorted". */
const OFFICIAL_SET_OFF = new RegExp(
  `(?:^|[,;:]\\s*)(?:(?:a|an|the|one|two|several)\\s+)?(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}${ENT}\\s+(?:officials?|spokes(?:man|woman|person)|commanders?|sources?)\\s*,\\s*\\p{Ll}[^,;“”"]*,\\s*(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`,
  "iu",
);
/**
 * A relative pronoun's antecedent, past a description of it: "X (X), the Paris-based watchdog, which
 * has demanded that ...", or a place's institution: "the Punjab government, which accused ...".
 */
const RELATIVE_SPEAKER = new RegExp(
  `${ENT}(?:\\s+${ORGAN})?(?:\\s*\\([^()]*\\))?(?:\\s*,\\s*(?:the|a|an)\\s+[^,;⟦]*)?\\s*,\\s*(?:which|who)\\s+(?:(?:has|have|had|also|long|repeatedly|\\p{Ll}+ly)\\s+)*$`,
  "u",
);
/** "The United States and a UN panel have accused ...": the first of two coordinated subjects speaks too. */
const COORDINATED_SUBJECT = new RegExp(`(?:^|[,;:]\\s*)(?:the\\s+)?${ENT}\\s+and\\s+(?:(?:the|an?)\\s+)?$`, "i");
/** A cue in the passive ("X was accused of ...") makes X no speaker. */
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$/;
/** A cue negated or only possible says nothing yet: "has not claimed the attack", "can confirm or deny" ("he will say" previews a speech: it stays). */
const UNSAID = /\b(?:not|never|no\s+longer|n't|cannot|can|could|may|might|must|should)\s+(?:(?:yet|also|ever|\p{Ll}+ly)\s+)?(?:\p{Ll}+\s+or\s+)?$/u;
/** A cue in a condition says nothing yet: "could address parliament if he declared the group dissolved". */
const CONDITIONAL = /\b(?:if|unless|whether)\s+(?:the\s+)?⟦e\d+⟧\s+(?:\p{Ll}+ly\s+)?$/u;
/** A plural noun spelt as a cue: "the group's claims are recorded", "calls were made". */
const PLURAL_NOUN = /^(?:claims|calls|notes|states|appeals|promises)$/;
const NOUN_CUE = /^\s+(?:are|were|have|had|remain|made|by|of)\b/;
/** An unnamed man of a group, placed: "a Fano commander in Gojjam", "an ISWAP fighter from Borno". */
const UNNAMED_MEMBER = new RegExp(
  `\\b(?:a|an|one)\\s+${ENT}\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+)?(?:commander|fighter|militant|member|official|source)\\s+(?:in|from)\\s+(?:the\\s+)?⟦e\\d+⟧(?:\\s+(?:district|province|region|state|area|zone))?(?:\\s*,\\s*[^,;⟦“”"]{1,80},)?\\s*(?:also\\s+)?$`,
  "iu",
);
/** A speaker's role before the name: "the group's military spokesman X", "the Houthis' spokesman X", "its leader X". */
const SPEAKER_ROLE = `(?:(?:\\b(?:the|The)\\s+)?⟦e\\d+⟧['’]s?\\s+|\\b(?:the|The|its|their)\\s+)(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}`;
/** Speakers around a direct quote: "…,” X said", "…,” the group's spokesman X said", "…,” said X", "X said: “…”", "…,” the statement said". */
/** A capitalised title before a name: "Deputy Inspector General X". */
const TITLE = "(?:\\p{Lu}[\\p{L}.-]*\\s+(?:of\\s+(?:the\\s+)?)?){1,5}";
const SPEAKER_CUE_AFTER = new RegExp(`^\\s*,?\\s*(?:${SPEAKER_ROLE}|${TITLE})?${ENT}\\s+(?:${CUES})\\b`, "u");
const CUE_SPEAKER_AFTER = new RegExp(`^\\s*,?\\s*(?:${CUES})\\s+${ENT}`);
const SPEAKER_CUE_BEFORE = new RegExp(`${ENT}\\s+(?:${CUES})\\s*[:,]?\\s*$`);
const DOCUMENT_CUE_AFTER = new RegExp(`^\\s*,?\\s*(?:the|this|its|their)\\s+(?:(?:[\\p{L}-]+|⟦e\\d+⟧)\\s+){0,2}?(${DOCUMENTS})\\s+(?:also\\s+)?(?:${CUES})\\b`, "iu");
const SUBJECT_COMMA = new RegExp(`,\\s*${ENT}`);
/** A second reporting verb joined by "and" starts a claim of its own: "condemned the attack as ... and said that ...". */
const COORDINATED_CUE = new RegExp(`,?\\s+and\\s+(?:also\\s+)?(?!(?:hold|held|holds|call)\\b)(?:${CUES}|${CHARGES}|${JUDGES})\\b`);
/** A clause joined after a comma with a speaker of its own: "..., and Supreme Leader X vowed", "..., and its wing, the Y, says". */
const NEXT_SPEAKER = new RegExp(`,\\s+(?:and|but|while)\\s+(?!that\\b)[^;“”"]{0,60}?⟦e\\d+⟧(?:\\s*\\([^()]*\\))?,?\\s+(?:also\\s+|has\\s+|have\\s+)?(?:${CUES}|${CHARGES})\\b`);
/**
 * The writer's gloss on a name that ends what was said: "described them as members of X, the armed
 * wing of Y": who X is belongs to the text, not to the speaker.
 */
const NAME_GLOSS = /(?<=⟦e\d+⟧(?:\s*\([^()]*\))*),\s*(?:the|a|an|its)\s+(?:[\p{L}-]+\s+){0,3}?(?:wing|arm|branch|affiliate|offshoot|faction|splinter|front)\s+of\b/u;
/** The writer's time link to another event, after what was said: "accused X of plotting attacks, a day after X released a video ...". */
const TIME_LINK = /,\s*(?:(?:a|one|two|three|four|five|six|several|just|only)\s+)?(?:days?|hours?|weeks?|months?)\s+(?:after|before)\b/;
/** What the text calls the claim, after it: ", a charge New Delhi denies", ", an allegation the army denied". */
const CHARGE_APPOSITIVE = /,\s*(?:a|an|the)\s+(?:charge|allegation|accusation|claim|version|account)s?\b/;
/** The speaker and cue of fronted content, ending the sentence: '..., the group's spokesman X said on Monday.' */
const SPEAKER_AFTER = new RegExp(
  `,\\s*(?:${SPEAKER_ROLE})?${ENT}\\s+(?:also\\s+)?(?:${CUES})(?:\\s+(?:in|on|at|during|through|via|late|last|early|earlier)\\b[^,;]*)?\\s*[.!?]?\\s*$`,
  "u",
);
/** A phrase of time, place or manner fronted before a speaker set off by commas: "On the anniversary, he said, ...". */
const FRONTED_ADVERBIAL = /^\s*(?:on|in|at|after|before|during|since|by|under|despite|without|when|while|until|following)\s/i;
/** A relative clause open before the speaker: "X, whom the army had declared ...". */
const RELATIVE_CLAUSE = /,\s*(?:whom|who|which)\s+[^,]*$/;
/** What opens a clause that a speaker set off by commas interrupts: "an ambush in which, the group says, its fighters killed nine". */
const PARENTHETICAL_OPEN = /\b(?:which|whom|that|where|when|but|because|while|and)\s*,$/;
/** The owner of a report that speaks: "X, whose report to the council last July estimated that ...". */
const WHOSE_DOCUMENT = new RegExp(`${ENT},\\s*whose\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DOCUMENTS}|reports?|findings|study|investigation)\\b[^,;]*$`, "iu");
/** A name opening the sentence as its subject (not a possessor), after a date if any ("In November 2020 the X took ..."). */
const OPENING_SUBJECT = new RegExp(`^\\s*(?:(?:in|on|since|by)\\s+(?:\\p{Lu}\\p{Ll}+\\s+)?\\d{4},?\\s+)?(?:the\\s+)?${ENT}(?!['’])`, "iu");
/** The actor of the verb right before a participle: "a version X disputed, saying that ...". */
const VERB_SUBJECT = new RegExp(`${ENT}\\s+(?:\\p{Ll}+ly\\s+)?(?:\\p{Ll}+ed|${CUES}|${CHARGES}|${JUDGES})\\s*$`, "u");
/** A cue between a subject and a later cue: the later one is inside what the subject said. */
const SAID_BETWEEN = new RegExp(`\\b(?:${CUES})\\b`);
/** A subject and its verb: "the ministry had already sanctioned". */
const CLAUSE_SUBJECT = new RegExp(`${ENT}\\s+(?:(?:has|have|had|also|already|then|later|\\p{Ll}+ly)\\s+)*(?:\\p{Ll}+ed|${CUES}|${CHARGES}|${JUDGES})\\b`, "gu");
/** Text before a cue that is the second of two joined verbs: "... and (also) said". */
const COORDINATED_VERB = /(?:,\s*|\s)and\s+$/;
/** A relative clause that goes on to a cue: "X, who renamed it in 2024 and" (no comma closes it before "and"). */
const RELATIVE_COORDINATED = new RegExp(`${ENT}(?:\\s*\\([^()]*\\))?\\s*,\\s*(?:who|which)\\s+[^,;:“”"]*?\\sand\\s+$`, "u");
/** Where and how the words came, after what was said: ", in a video released through its media arm". */
const SOURCE_ADJUNCT = new RegExp(`,\\s*(?:in|on|through|via)\\s+(?:a|an|the|its|their|his|her|⟦e\\d+⟧(?:['’]s)?)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?(?:${DOCUMENTS}|interview|issue|magazine|channel)\\b`, "iu");
/** Verbs of promising or threatening, a claim with what is promised: "vowed to retake the city". */
const PROMISE = /^(?:vow|promis|pledg|threaten)/;
/** "to" and a verb, not "to the people". */
const PROMISED_DEED = /^to\s+[“"]?(?!(?:the|a|an|its|their|his|her|this|that|these|those|our|my|your)\b)\p{Ll}/u;

/** The same after a closing quote, without the comma: 'calling soldiers “hired guards” in a statement released on Sunday'. */
const QUOTE_SOURCE_ADJUNCT = new RegExp(`(?<=[”"])\\s+(?:in|through|via)\\s+(?:a|an|the|its|their|his|her|⟦e\\d+⟧(?:['’]s)?)\\s+(?:[\\p{L}\\d-]+\\s+){0,3}?(?:${DOCUMENTS}|interview|issue|magazine|channel)\\b`, "iu");
/** A speaker described, not named, after what was said: "have vowed to drive X out, the group's spokesman said in a speech ...". */
const DESCRIBED_AFTER = new RegExp(
  `,\\s*(?:(?:the|a|an)\\s+)?(?:⟦e\\d+⟧['’]s?\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?(?:spokes(?:man|woman|person)|officials?|sources?|statement|military|army|police|ministry|government|commander|officer)\\s+(?:also\\s+)?(?:${CUES})\\b`,
  "u",
);
/** The writer going on to another dated deed: "announcing that ..., and in January 2017 merged with ...". */
const DATED_CLAUSE = /,\s+and\s+(?:in|on|by)\s+(?:(?:early|late|mid-)\s*)?(?:\p{Lu}\p{Ll}+\s+)?(?:\d{1,2},?\s+)?\d{4}\b/u;

/** What ends a clause of what was said (see `clauseEnd`). */
const STOPS = [COORDINATED_CUE, SOURCE_ADJUNCT, QUOTE_SOURCE_ADJUNCT, CHARGE_APPOSITIVE, SPEAKER_AFTER, DESCRIBED_AFTER, NAME_GLOSS, NEXT_SPEAKER, DATED_CLAUSE];
const STOPS_WITH_TIME = [...STOPS, TIME_LINK];

/** The end of a quote that an earlier sentence opened: 'There is no excuse," X said.' */
const QUOTE_END = /^([^“”"]{3,}?)[,.!?]?[”"]/;
/** How many sentences back a quote may open. */
const QUOTE_LOOKBACK = 3;

/** One attribution found in a sentence, in masked coordinates. */
interface Found {
  speaker: string;
  cue: string;
  /** Where the cue stands, so that a later "and said" can find whose it continues. */
  at: number;
  from: number;
  to: number;
  quote: QuoteKind;
}

/** Who a person named by their office ("the officer") or a spokesman named by the kind of group ("a party spokesman") speaks for. */
type Described = (kind: "person" | "group", role?: string) => string | undefined;

/** The organisation a state body or paper named by its kind stands for (see `namedBody`). */
type Body = (match: RegExpExecArray) => string | undefined;

/** Who issued the document that a sentence names as its subject: `owner(aside)`, `aside` being the text of ", carried by ...," if any. */
type DocumentOwner = (aside: string, kinds?: string, noun?: string) => string | undefined;

/** The verb a direct quote's speaker says it with. */
const QUOTE_CUE = /\b(said|says|added|told|warned|claimed|stated|wrote|replied)\b/;

/** A person named by their office alone: "the officer", "the former army chief". */
/** Offices a person may be named by alone ("the judge said"). */
const OFFICES = "officer|official|spokes(?:man|woman|person)|commander|minister|general|governor|envoy|diplomat|chief|cleric|judge|prosecutor|magistrate";
const DESCRIBED_PERSON = `\\bthe\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}?(${OFFICES})`;
const DESCRIBED_CUE_AFTER = new RegExp(`^\\s*,?\\s*${DESCRIBED_PERSON}\\s+(?:${CUES})\\b`, "iu");
/** A group's spokesman named by a common noun for the group: "a party spokesman", "the group's spokeswoman". */
const DESCRIBED_SPOKESMAN = "\\b(?:a|an|the)\\s+(?:party|group|movement|militia|rebel|insurgent|organi[sz]ation)(?:['’]s)?\\s+spokes(?:man|woman|person)";
const DESCRIBED_SPOKESMAN_CUE_AFTER = new RegExp(`^\\s*,?\\s*${DESCRIBED_SPOKESMAN}\\s+(?:${CUES})\\b`, "iu");
const DESCRIBED_ANYWHERE = new RegExp(`${DESCRIBED_PERSON}|${DESCRIBED_SPOKESMAN}`, "iu");
/** Kinds of state body, and of paper, that BODY names. */
const STATE_BODIES = ["army", "military", "armed forces", "command", "task force", "ministry", "police"];
const PERIODICALS = ["newspaper", "weekly"];
const BODY_DOMAIN = "(?:(defen[cs]e|interior|foreign|health|information)\\s+)?";
const bodyKinds = (kinds: string[]): string => `(${kinds.map((k) => k.replace(" ", "\\s+")).join("|")})`;
/**
 * A state body or a paper named by its kind alone: "the military said", "an army spokesman told
 * reporters", "a spokesman for the army said", "the defence ministry called", "the command said", "the
 * newspaper said". Groups: the ministry's domain, then the kind.
 */
const BODY =
  `(?:(?:(?:the|an?)\\s+)?${BODY_DOMAIN}${bodyKinds([...STATE_BODIES, ...PERIODICALS])}(?:['’]s)?(?:\\s+spokes(?:man|woman|person))?` +
  `|(?:a|an|the)\\s+spokes(?:man|woman|person)\\s+for\\s+the\\s+${BODY_DOMAIN}${bodyKinds(STATE_BODIES)})`;
/** A word BODY needs, tested first as it is cheaper. */
const BODY_WORD = new RegExp([...STATE_BODIES, ...PERIODICALS].join("|"), "i");
const DOCUMENT_WORD = new RegExp(`\\b(?:${DOCUMENTS})\\b`, "i");
const BODY_SUBJECT = new RegExp(`(?<=^|[,;:]\\s*|\\b(?:and|but|while|what)\\s+)${BODY}\\s+(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`, "iu");
const BODY_CUE_AFTER = new RegExp(`^\\s*,?\\s*${BODY}\\s+(?:${CUES})\\b`, "iu");
/** What an organisation's name says it is, per kind of BODY. */
const BODY_NAMES: Record<string, RegExp> = {
  // A state's army ("Sudanese Armed Forces", "Armed Forces of the Philippines"), not "the Sudan Liberation Army".
  army: /^(?:\p{Lu}\p{L}+\s+)?(?:army|armed forces|defen[cs]e forces)$|^(?:the\s+)?(?:army|armed forces)\s+of\s+(?:the\s+)?\p{Lu}/iu,
  command: /\bcommand\b/i,
  "task force": /\btask force\b/i,
  police: /\bpolice\b/i,
  ministry: /\bministry\b/i,
};

/** A body named by its kind opening the sentence as the subject of its first verb: "The task force has rejected ...". */
const BODY_OPENING = new RegExp(`^\\s*${BODY}\\s+(?:(?:has|have|had|also|\\p{Ll}+ly)\\s+)*\\p{Ll}+ed\\b`, "iu");

/** The body that opens `text` (see BODY_OPENING), if the text names one of its kind. */
function openingBody(text: string, body: Body): string | undefined {
  const opening = BODY_WORD.test(text.slice(0, 40)) ? BODY_OPENING.exec(text) : null;
  return opening ? body(opening) : undefined;
}

/**
 * The one organisation of the kind a BODY match names (`match` from BODY_SUBJECT or BODY_CUE_AFTER):
 * "the army" is the one army the text names, "the defence ministry" the one ministry of defence, "the
 * newspaper" the one periodical; none when it names none or two. Anywhere in the text, as the lede's
 * "..., the military said" comes before the name, which is why the resolver leaves it.
 */
function namedBody(doc: AnalysedDoc, match: RegExpExecArray): string | undefined {
  const domain = (match[1] ?? match[3])?.toLowerCase();
  const kind = (match[2] ?? match[4])!.toLowerCase().replace(/\s+/g, " ");
  const army = kind === "army" || kind === "military" || kind === "armed forces";
  const named = BODY_NAMES[army ? "army" : kind];
  const fits = (e: { type: string; subtype?: string; name: string; aliases: Set<string> }) =>
    PERIODICALS.includes(kind)
      ? e.subtype === "periodical"
      : e.type === "ORG" &&
        (army ? e.subtype === "military" || (!e.subtype && named!.test(e.name)) : [e.name, ...e.aliases].some((n) => !/^the\s/i.test(n) && named!.test(n) && (!domain || n.toLowerCase().includes(domain.startsWith("defen") ? "defen" : domain))));
  const bodies = doc.entities.filter(fits);
  return bodies.length === 1 ? bodies[0]!.id : undefined;
}
/** Before a name that a document was sent to: "a statement sent to X". */
const SENT_TO = /\b(?:sent|delivered|e-?mailed|passed|given|handed|addressed|leaked|faxed)\s+to\s+(?:the\s+)?$/i;
/** A person before "of" and the name after it: "⟦X⟧ of the ⟦Y⟧". */
/** A word DESCRIBED_PERSON needs, tested first as it is cheaper. */
const OFFICE_WORD = new RegExp(OFFICES, "i");
/** A spokesman the text ties to no name, right before the cue: "a spokesman said" ("the spokesman" is one named before). */
const BARE_SPOKESMAN = /(?:^|;\s*)a\s+spokes(?:man|woman|person)\s+(?:(?:also|later|then)\s+)?$/i;

/**
 * Whose spokesman an unnamed one is: the organisation or country opening the clause before the semicolon in the same
 * sentence (`before`), else the one opening the sentence before.
 */
function spokesmanOf(masked: MaskedSentence, before: string, afterSemicolon: boolean): string | undefined {
  const clause = afterSemicolon ? before.slice(before.lastIndexOf(";") + 1) : masked.index > 0 ? masked.doc.masked(masked.index - 1).text : "";
  const opener = OPENING_SUBJECT.exec(clause)?.[1];
  const type = opener && masked.doc.entity(opener)?.type;
  return type === "ORG" || type === "GPE" ? opener : undefined;
}

/** The described person as the subject right before a cue: "The officer also said that ...". */
const DESCRIBED_SUBJECT = new RegExp(`(?:^|[,;:]\\s*)${DESCRIBED_PERSON}\\s+(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`, "iu");
/**
 * A "he" or "she" the resolver left unresolved, speaking: in an interview's answers, the one
 * answering (elsewhere the last person who spoke is too often another: read on a news sample, 9 right, 7 wrong).
 */
const ANSWERER_CUE_AFTER = new RegExp(`^\\s*,?\\s*s?he\\s+(?:${CUES})\\b`, "i");
const ANSWERER_SUBJECT = new RegExp(`(?:^|[,;:]\\s*)s?he\\s+(?:(?:also|has|have|had|later|then|\\p{Ll}+ly)\\s+)*$`, "iu");

/** Who speaks a direct quote, from the text after it and before it: "…,” X said", "X said: “…”", "…,” the statement said", "…,” the officer said", "…,” a party spokesman said". */
function quoteSpeaker(after: string, before: string, owner: DocumentOwner, described: Described, answerer: string | undefined, body: Body): string | undefined {
  const named = BODY_WORD.test(after.slice(0, 80)) ? BODY_CUE_AFTER.exec(after) : null;
  return (
    SPEAKER_CUE_AFTER.exec(after)?.[1] ??
    (named ? body(named) : undefined) ??
    CUE_SPEAKER_AFTER.exec(after)?.[1] ??
    SPEAKER_CUE_BEFORE.exec(before)?.[1] ??
    (DOCUMENT_CUE_AFTER.test(after)
      ? owner("")
      : DESCRIBED_CUE_AFTER.test(after)
        ? described("person", DESCRIBED_CUE_AFTER.exec(after)![1])
        : DESCRIBED_SPOKESMAN_CUE_AFTER.test(after)
          ? described("group")
          : answerer && ANSWERER_CUE_AFTER.test(after)
            ? answerer
            : undefined)
  );
}

/**
 * Claims: who said what. Direct quotes with their speaker, reported speech after a reporting
 * verb, charges ("accused X of ...") and judgements ("described X as ..."), content fronted before
 * "X has said", participial clauses ("noting that", "warning that") spoken by the main clause's
 * speaker, and "according to X". Speakers are resolved entities, or the issuer of a statement
 * that "said".
 */
export class ClaimFinder implements Component {
  readonly name = "claims";

  run(doc: AnalysedDoc): void {
    const kept = new Set(doc.claims.map(claimKey));
    const filed = datelines(doc.text);
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = withoutDateline(doc.masked(s), filed);
      const answerer = interviewAnswerer(doc, s);
      // A claim needs a speaker: a name, a described person, a state body, or a document its issuer speaks through.
      if (!answerer && !masked.hasEntities && !DESCRIBED_ANYWHERE.test(masked.text) && !BODY_WORD.test(masked.text) && !DOCUMENT_WORD.test(masked.text)) continue;
      const owner: DocumentOwner = (aside, kinds, noun) => documentOwner(doc, s, aside, kinds, noun);
      const described: Described = (kind, role) => answerer ?? (role ? titledPerson(doc, role, doc.sentences[s]!.start) : undefined) ?? describedSpeaker(doc, s, kind);
      const body: Body = (match) => namedBody(doc, match);
      const claims = [
        this.continuedQuote(doc, masked, owner, described, answerer, body),
        answerLine(doc, s, answerer),
        ...this.find(masked, owner, described, answerer, body).map((f) => this.toClaim(doc, masked, f)),
      ];
      for (const claim of claims) {
        if (claim && !kept.has(claimKey(claim))) {
          doc.claims.push(claim);
          kept.add(claimKey(claim));
        }
      }
    }
  }

  /**
   * The end of a quote opened in an earlier sentence, with its speaker: '“Israel must withdraw.
   * There is no excuse,” Qassem said.' The claim runs from the opening quote mark, at most
   * QUOTE_LOOKBACK sentences back, to the closing one.
   */
  private continuedQuote(
    doc: AnalysedDoc,
    masked: MaskedSentence,
    owner: DocumentOwner,
    described: Described,
    answerer: string | undefined,
    body: Body,
  ): Claim | undefined {
    const end = QUOTE_END.exec(masked.text);
    if (!end) return undefined;
    const after = masked.text.slice(end[0].length);
    const speaker = quoteSpeaker(after, "", owner, described, answerer, body);
    if (!speaker) return undefined;
    for (let i = masked.index - 1; i >= 0 && i >= masked.index - QUOTE_LOOKBACK; i--) {
      const sentence = doc.sentences[i]!;
      const text = doc.text.slice(sentence.start, sentence.end);
      const marks = [...text.matchAll(/[“”"]/g)];
      if (marks.length === 0) continue; // a sentence inside the quote
      const last = marks[marks.length - 1]!;
      const opens = marks.length % 2 === 1 && (last[0] === "“" || last.index === 0 || /\s/.test(text[last.index - 1]!));
      if (!opens) return undefined;
      const start = sentence.start + last.index + 1;
      const [, stop] = masked.span(0, end[1]!.trimEnd().length);
      const about = [...new Set(doc.mentionsIn(start, stop).map((m) => m.entity!).filter((e) => e && e !== speaker))];
      const cue = QUOTE_CUE.exec(after.slice(0, 60))?.[1] ?? "said";
      return { speaker, about, cue, text: doc.text.slice(start, stop), quote: "direct", time: doc.document.date, provenance: [doc.provenance(start, stop)] };
    }
    return undefined;
  }

  private find(masked: MaskedSentence, owner: DocumentOwner, described: Described, answerer: string | undefined, body: Body): Found[] {
    const text = masked.text;
    const found: Found[] = [];
    // In an interview's answers "he" and "she" are the one answering, whoever the resolver chose.
    const voice = (entity: string, at: number) => (answerer && at >= 0 && /^s?he$/i.test(pronounAt(masked, at)?.text ?? "") ? answerer : entity);
    const quoted: [number, number][] = [];
    for (const q of matchesOf(DIRECT, text)) {
      const from = q.index! + 1;
      const to = from + q[1]!.length;
      const after = text.slice(q.index! + q[0].length);
      const before = text.slice(0, q.index!);
      const said = quoteSpeaker(after, before, owner, described, answerer, body);
      const placeholder = said && `⟦${said}⟧`;
      const speaker =
        said &&
        placeholder &&
        voice(said, after.includes(placeholder) ? q.index! + q[0].length + after.indexOf(placeholder) : before.lastIndexOf(placeholder));
      // 'X said “soldiers of the caliphate” had shot dead ...': a quote its speaker's cue opens may only begin the clause said.
      if (speaker && CLAUSE_GOES_ON.test(after) && SPEAKER_CUE_BEFORE.test(before) && !quoteSpeaker(after, "", owner, described, answerer, body)) continue;
      if (speaker) {
        found.push({ speaker, cue: QUOTE_CUE.exec(after.slice(0, 60) || before.slice(-40))?.[1] ?? "said", at: to, from, to, quote: "direct" });
        quoted.push([q.index!, q.index! + q[0].length]);
      }
    }
    const insideQuote = (at: number) => quoted.some(([a, b]) => at >= a && at < b);
    const participle = [...matchesOf(PARTICIPLE, text)];
    const absolute = [...matchesOf(ABSOLUTE, text)];
    const cues = [...matchesOf(FINITE_CUE, text)];
    // Where a clause may end at the latest: the next participle of either kind, else the sentence's last word.
    const breaks = [...participle, ...absolute].sort((a, b) => a.index! - b.index!);
    const textEnd = text.replace(/[\s.!?”"’']+$/, "").length;
    // The time link only where a sentence has "after" or "before" at all.
    const stops = / after | before /.test(text) ? STOPS_WITH_TIME : STOPS;
    const clauseEnd = (from: number) => {
      const next = breaks.find((p) => p.index! > from && p.index !== 0);
      let end = next ? next.index! : textEnd;
      for (const stop of stops) {
        const at = stop.exec(text.slice(from))?.index;
        if (at !== undefined && from + at < end) end = from + at;
      }
      // A semicolon ends the clause, unless it stands inside a quote.
      for (let at = text.indexOf(";", from); at >= 0 && at < end; at = text.indexOf(";", at + 1)) {
        if ((text.slice(from, at).match(/[“”"]/g)?.length ?? 0) % 2 === 0) end = at;
      }
      return Math.max(from, end);
    };

    for (const cue of cues) {
      const at = cue.index!;
      if (insideQuote(at) || PASSIVE.test(text.slice(0, at)) || UNSAID.test(text.slice(0, at)) || CONDITIONAL.test(text.slice(0, at))) continue;
      if (PLURAL_NOUN.test(cue[1]!) && NOUN_CUE.test(text.slice(at + cue[0].length))) continue;
      const subject = this.speakerBefore(masked, at, found, owner, described, answerer, body);
      // '“... every Congolese,” said X': a name inside a quote is no subject of the cue after it.
      if (!subject || insideQuote(subject.at)) continue;
      const spoken = voice(subject.entity, subject.at);
      if (spoken !== subject.entity) subject.speakers = subject.speakers.map((e) => (e === subject.entity ? spoken : e));
      subject.entity = spoken;
      const verb = cue[1]!;
      const need = needed(verb);
      const beforeSubject = text
        .slice(0, subject.at)
        .replace(new RegExp(`${SPEAKER_ROLE}$`, "u"), "")
        .trimEnd();
      const afterCue = text.slice(at + cue[0].length);
      const aside = /^\s*,\s*(?=\S)/.exec(afterCue);
      if (!need && aside && PARENTHETICAL_OPEN.test(beforeSubject)) {
        // "in which, the group says, its fighters killed nine": the speaker set off by commas speaks the clause after it.
        const from = at + cue[0].length + aside[0].length;
        const to = clauseEnd(from);
        if (to - from > 8) found.push({ speaker: subject.entity, cue: text.slice(at, at + cue[0].length), at, from, to, quote: "indirect" });
        continue;
      }
      if (!need && aside && FRONTED_ADVERBIAL.test(beforeSubject) && /,$/.test(beforeSubject)) {
        // "On the anniversary, he said, our forces attacked a post": what was said runs around the speaker set off by commas.
        const to = clauseEnd(at + cue[0].length + aside[0].length);
        if (/\p{L}+\s+\S*\p{L}/u.test(text.slice(at + cue[0].length, to))) {
          found.push({ speaker: subject.entity, cue: text.slice(at, at + cue[0].length), at, from: 0, to, quote: "indirect" });
          continue;
        }
      }
      // "..., X said in a televised statement on Monday night.": nothing but where and when follows the cue.
      const nothingSaidAfter =
        /^\s*(?:[.!?]|,|(?:(?:in|on|at|to|through|via|during|late|last|early|earlier)\b(?:(?!\bthat\b)[^,.;]){0,30}){1,3}(?:[,.]|$))/.test(afterCue) ||
        // "..., the army said in a statement carried on the page of its spokesman, X."
        (SAID_WHERE.test(afterCue) && !/\bthat\b/.test(afterCue));
      // "Asked if X would pay, he replied, “Yes”": the question fronted is nobody's claim.
      if (!need && beforeSubject.endsWith(",") && beforeSubject.length > 20 && nothingSaidAfter && !LEADING.test(text) && !/^(called|calls)$/.test(verb) && !/^\s*asked\b/i.test(text)) {
        // "Content, X has said": the content is fronted.
        found.push({ speaker: subject.entity, cue: text.slice(at, at + cue[0].length), at, from: 0, to: beforeSubject.length - 1, quote: "indirect" });
        continue;
      }
      let from = at + cue[0].length;
      // "said in a statement on Monday that ...": the content starts after "that".
      const rest = text.slice(from);
      // "claimed, without evidence, that ...", "insisted, however, that ...": an aside, then "that".
      const that = /^(?:\s+(?:(?:in|on|at|to|through|via|during|late|last|earlier)(?:\s+[^\s,;.⟦]+){0,5}?\s+)?|\s*,\s*[^,;.“”"⟦]{2,50}?,\s*)that\s+/.exec(rest);
      // "said on Monday fighting was continuing": a time adjunct, then the content.
      const when = /^\s+(?:(?:on(?!\s+(?:the|a|an|its|their|his|her)\b)|last|this|early|late|earlier)\s+\p{L}+|in\s+(?:\p{Lu}\p{Ll}+(?:\s+\d{4})?|\d{4})|today|yesterday|tonight)\s+(?:that\s+)?(?=[\p{L}⟦])/u.exec(rest);
      const call = /^call(?:ed|s)?$/.test(verb);
      // "to call a meeting", "would call it": the bare verb after "to" or a modal says nothing yet.
      if (verb === "call" && /\b(?:to|will|would|could|should|may|might|must|can|cannot|did|does|do|not)\s+$/.test(text.slice(0, at))) continue;
      // "called on traders to stop supplying the army": a demand, as "urged traders to ...".
      const callOn = call ? /^\s+on\s+(?=(?:[^\s,;.]+\s+){1,6}?to\s)/.exec(rest) : null;
      // "called for the talks to resume", "appealed for food aid": the demand, "for" and all.
      const callFor =
        call || /^appeal(?:ed|s)$/.test(verb)
          ? /^\s+(?:(?:on|last|this|early|late|earlier)\s+\p{L}+\s+|in\s+\p{Lu}\p{Ll}+(?:\s+\d{4})?\s+|(?:today|yesterday|again)\s+)?(?=for\s)/u.exec(rest)
          : null;
      // "warned the army that ...", "told reporters that ...": whom the words were for, then the content.
      const addressed = ADDRESSED.test(verb) ? /^\s+(?:(?!that\b)[^\s,;.“”"]+\s+){1,6}?that\s+/.exec(rest) : null;
      if (THAT_ONLY.test(verb) && !that && !addressed) continue;
      if (ASKS.test(verb) && !ASKED_TO.test(rest)) continue;
      if (/^appeal/.test(verb) && !callFor) continue; // "an appeals court": only "appealed for" is a demand
      from += that?.[0].length ?? addressed?.[0].length ?? callOn?.[0].length ?? callFor?.[0].length ?? when?.[0].length ?? /^\s*/.exec(rest)![0].length;
      // "called the attack “cowardly”", "officials call the group a front for X"; not "calls itself", "called off a strike".
      const naming =
        /[“"‘]/.test(text.slice(from, from + 80)) || /^(?!(?:on|for|off|up|in|out|back|at|to|from)\b)(?:[^\s,;.]+\s+){1,4}?(?:a|an)\s+\p{L}/u.test(text.slice(from));
      if (call && !callOn && !callFor && (!naming || /^(?:itself|themselves|himself|herself)\b/.test(text.slice(from)))) continue;
      // A direct quote after the cue was taken above, or runs on past the sentence (a later sentence closes it).
      const opening = /^\s*[:,]?\s*[“"]/.exec(rest);
      if (opening && (insideQuote(at + cue[0].length + opening[0].length - 1) || !/[”"]/.test(rest.slice(opening[0].length)))) continue;
      if (!that && /^\s*[,.;!?]/.test(rest)) continue; // '“...,” X said, warning that ...': nothing said right after the cue
      // "vowed to retake the city", "promised to free every inch": a promise or threat of what the speaker will do.
      const promise = PROMISE.test(verb) && PROMISED_DEED.test(text.slice(from));
      if (/^pledg/.test(verb) && !that && !promise) continue; // "pledged $5 million", "pledged allegiance": no words
      if (!need && !that && !when && !callFor && !promise && /^(on|for|in|to|at)\b/.test(text.slice(from)) && !/^in \d{4},/.test(text.slice(from))) continue;
      // "X, whom the army had declared in April to have been killed, led the raid": the relative clause ends at its comma.
      const relative = RELATIVE_CLAUSE.test(text.slice(0, subject.at)) ? clauseComma(text, from) : -1;
      // A demand ("called for X") ends at its first comma: what follows is the sentence going on.
      const comma = relative >= 0 ? relative : callFor || ASKS.test(verb) ? clauseComma(text, from) : -1;
      const to = comma >= 0 ? Math.min(comma, clauseEnd(from)) : clauseEnd(from);
      if (need && !need.test(text.slice(from, to))) continue;
      // "the army now puts the number of fighters at ...": the estimate reads only with its verb.
      if (ESTIMATE.test(verb)) from = at - (/(?:now|still|\p{Ll}+ly)\s+$/u.exec(text.slice(0, at))?.[0].length ?? 0);
      const said = text.slice(at, at + cue[0].length) + (callOn ? " on" : "");
      if (to - from > 8 || QUOTED_WORD.test(text.slice(from, to))) for (const speaker of subject.speakers) found.push({ speaker, cue: said, at, from, to, quote: "indirect" });
    }

    // Absolute participles come last, so that a speaker found before them goes on where one is needed.
    for (const [p, own] of [...participle.map((p) => [p, undefined] as const), ...absolute.map((p) => [p, p[2]] as const)]) {
      const cue = (own ? p[3] : p[2])!;
      let from = p.index! + p[0].length;
      if (insideQuote(from)) continue;
      if (ADDRESSING.test(cue) && !(own ? p[4] : p[3])) {
        const addressed = /^(?:(?!that\b)[^\s,;.“”"]+\s+){1,6}?that\s+/.exec(text.slice(from));
        if (addressed) from += addressed[0].length;
        else if (/^telling$/i.test(cue)) continue;
      }
      const need = needed(cue.toLowerCase());
      if (need && !need.test(text.slice(from, clauseEnd(from)))) continue;
      const leading = p.index === 0;
      let to: number;
      let speaker: string | undefined;
      if (own) {
        to = clauseEnd(from);
        speaker = own;
      } else if (leading) {
        const subjectComma = SUBJECT_COMMA.exec(text.slice(from));
        if (!subjectComma) continue;
        to = from + subjectComma.index;
        speaker = mainSubject(masked);
      } else {
        to = clauseEnd(from);
        // "a version X disputed, saying ...": the actor of the verb the participle follows, unless that verb is inside what someone said.
        const actor = VERB_SUBJECT.exec(text.slice(0, p.index!));
        const reported = actor && found.some((f) => f.from <= actor.index && actor.index < f.to);
        // Speakers before a semicolon belong to another clause: "X denies it; in the speech Y called it ..., while praising Z".
        const clause = text.lastIndexOf(";", p.index!) + 1;
        // "the ministry had already sanctioned X in 2019, accusing him of ...": else the last subject acting before it, outside anyone's words.
        const acting = [...text.slice(clause, p.index!).matchAll(CLAUSE_SUBJECT)].filter((m) => !found.some((f) => f.from <= clause + m.index && clause + m.index < f.to)).pop();
        const main = mainSubject(masked);
        const mainAt = main ? text.indexOf(`⟦${main}⟧`) : -1;
        speaker =
          (actor && !reported ? actor[1] : undefined) ??
          // The last speaker before it not inside what another said: "A described X as Y, a charge B called “absurd”, noting ..." is B's.
          found.filter((f) => f.at >= clause && f.at < p.index! && (f.from < p.index! || f.to <= p.index!) && !found.some((g) => g.from <= f.at && f.at < g.to)).pop()?.speaker ??
          acting?.[1] ??
          // Not a subject inside the participle's own clause ("insisting that X was winning").
          (mainAt >= clause && mainAt < p.index! ? main : undefined) ??
          // "The jihadists have made the tribesmen a target, branding them ...": the name the sentence opens with.
          (clause === 0 ? (OPENING_SUBJECT.exec(text)?.[1] ?? openingBody(text, body)) : undefined);
      }
      if (speaker && !own) {
        // "Minister X of the Y Party condemned ..., saying": the person speaks, not what the person is of.
        if (text.includes(" of ")) speaker = personOf(masked, text, text.lastIndexOf(`⟦${speaker}⟧`, p.index!))?.entity ?? speaker;
      }
      if (speaker && to - from > 8) found.push({ speaker, cue, at: p.index!, from, to, quote: "indirect" });
    }

    // "X was quoted in the release as saying ...": X's words.
    for (const q of text.includes("quoted") ? matchesOf(QUOTED_AS_SAYING, text) : []) {
      const from = q.index! + q[0].length;
      const to = clauseEnd(from);
      if (!insideQuote(q.index!) && to - from > 8) found.push({ speaker: q[1]!, cue: "quoted as saying", at: q.index!, from, to, quote: "indirect" });
    }
    for (const a of text.includes("ccording") ? matchesOf(ACCORDING_DOCUMENT, text) : []) {
      // "According to the notice, the group is led by X": the notice's issuer speaks, not the name after it.
      // Its issuer is named with it, or with the same document in a sentence before.
      const speaker = a[1] ?? owner("", a[2]!.replace(/s$/, "") + "s?");
      const rest = text.slice(0, a.index!) + " ".repeat(a[0].length) + text.slice(a.index! + a[0].length);
      const from = rest.search(/\S/);
      const to = rest.replace(/[\s.!?]+$/, "").length;
      if (speaker && to - from > 8) found.push({ speaker, cue: "according to", at: a.index!, from, to, quote: "indirect" });
    }
    for (const a of matchesOf(ACCORDING, text)) {
      if (ACCORDING_DOCUMENT_AT.test(text.slice(a.index!))) continue;
      const rest = text.slice(0, a.index!) + " ".repeat(a[0].length) + text.slice(a.index! + a[0].length);
      const from = rest.search(/\S/);
      const to = rest.replace(/[\s.!?]+$/, "").length;
      // "according to Israel and the United States": both speak.
      const cue = /in the words of/i.test(a[0]) ? "in the words of" : "according to";
      if (to - from > 8) for (const speaker of a[2] ? [a[1]!, a[2]] : [a[1]!]) found.push({ speaker, cue, at: a.index!, from, to, quote: "indirect" });
    }
    return found;
  }

  /**
   * Who speaks through the cue at `at`: a name set off by its role ("Koufa, founder of ..., said"),
   * the clause's subject (with a subject coordinated before it), the speaker of the cue a
   * coordinated "and said" continues, or the issuer of a statement that "said".
   */
  private speakerBefore(
    masked: MaskedSentence,
    at: number,
    found: Found[],
    owner: DocumentOwner,
    described: Described,
    answerer: string | undefined,
    body: Body,
  ): { entity: string; speakers: string[]; at: number } | undefined {
    const head = masked.text.slice(0, at);
    if (COORDINATED_VERB.test(head)) {
      // "said the attack was only the beginning and warned that ...": the same speaker goes on.
      const continued = found.filter((f) => f.at < at).pop()?.speaker;
      // "The command identified the man as X and said ...": else a body named by its kind that opens the sentence.
      // "X, who renamed the group in 2024 and said ...": the relative clause's antecedent.
      const opener = continued ?? RELATIVE_COORDINATED.exec(head)?.[1] ?? openingBody(head, body);
      return opener ? { entity: opener, speakers: [opener], at } : undefined;
    }
    // "..., the military said": the body named by its kind speaks, or nobody the text names.
    const named = BODY_WORD.test(head.slice(-60)) ? BODY_SUBJECT.exec(head) : null;
    if (named) {
      const entity = body(named);
      return entity ? { entity, speakers: [entity], at: named.index } : undefined;
    }
    const bare = head.includes(",") || head.includes("(") ? head.replace(ASIDES, (aside) => " ".repeat(aside.length)) : head;
    // "A Fano commander in Gojjam, speaking by phone, said": the group speaks, not the place its man is in.
    const member = UNNAMED_MEMBER.exec(bare);
    if (member) return { entity: member[1]!, speakers: [member[1]!], at: member.index };
    const appositive = APPOSITIVE_SPEAKER.exec(bare);
    if (appositive) return { entity: appositive[1]!, speakers: [appositive[1]!], at: appositive.index };
    const report = WHOSE_DOCUMENT.exec(head);
    if (report) return { entity: report[1]!, speakers: [report[1]!], at: report.index };
    const office = SPEAKS_FOR_WORD.test(head) ? UNNAMED_SPOKESMAN.exec(head) : null;
    const spokesFor = office?.[1] ?? office?.[2];
    if (office && spokesFor) return { entity: spokesFor, speakers: [spokesFor], at: office.index };
    const mission = MISSION.exec(head);
    if (mission) return { entity: mission[1]!, speakers: [mission[1]!], at: mission.index };
    const official = OFFICIAL_SET_OFF.exec(head);
    if (official) return { entity: official[1]!, speakers: [official[1]!], at: official.index };
    const relative = head.includes(",") ? RELATIVE_SPEAKER.exec(head) : null;
    if (relative) return { entity: relative[1]!, speakers: [relative[1]!], at: relative.index };
    // "The statement, signed by the group's leader X, said": the document speaks, for whoever issued it.
    const document = DOCUMENT_SUBJECT.exec(head);
    if (document) {
      // A pronoun in the aside ("signed by its spokesman") names no issuer: the context does.
      const aside = document[3] ?? "";
      const pronoun = /^,\s*(?:[\p{L}-]+\s+){0,3}?⟦e\d+⟧/u.exec(aside);
      const issuer = document[1] ?? owner(pronoun && pronounAt(masked, document.index + document[0].indexOf(aside) + pronoun[0].length - 1) ? "" : aside, DOCUMENTS, document[2]);
      if (issuer) return { entity: issuer, speakers: [issuer], at: document.index };
    }
    // "X said in a press release, which described the pair as ...": the document speaks again for whoever spoke through it.
    const through = DOCUMENT_RELATIVE.test(head) ? found.filter((f) => f.at < at).pop()?.speaker : undefined;
    if (through) return { entity: through, speakers: [through], at };
    // "According to the release, ... . It said ...": "It" after a sentence a document opens is that document, for its issuer.
    const it = /^\s*⟦e\d+⟧\s+(?:also\s+)?$/.test(head) && pronounAt(masked, head.indexOf("⟦"))?.text === "It" && DOCUMENT_OPENED.test(previousSentence(masked));
    const itsIssuer = it ? owner("") : undefined;
    if (itsIssuer) return { entity: itsIssuer, speakers: [itsIssuer], at: head.indexOf("⟦") };
    const setOff = bare === head ? null : SET_OFF_SUBJECT.exec(bare);
    // A name right before the cue once the asides are blanked is the subject: a name inside an aside never is.
    const subject = describedHead(head, setOff ? { entity: setOff[1]!, at: setOff.index } : subjectBefore(masked, at));
    // "In sentencing X, the judge said": a person named by office right before the cue speaks, not a name before it.
    const officer = subject && OFFICE_WORD.test(head.slice(subject.at)) ? DESCRIBED_SUBJECT.exec(head) : null;
    if (subject && officer && officer.index > subject.at) {
      const who = described("person", officer[1]);
      return who ? { entity: who, speakers: [who], at: officer.index } : undefined;
    }
    // "A statement sent to X, using a codeword, said": whom a document went to did not issue it.
    if (subject && SENT_TO.test(head.slice(0, subject.at))) return undefined;
    if (subject) {
      const between = head.slice(subject.at).replace(/^⟦e\d+⟧/, "");
      // "condemned the attack as an act against Pakistan and China and said that ...": China does not speak.
      if (/^\s*,?\s*and\b/.test(between)) return undefined;
      // "X said the council threatened “...”": X speaks through the first cue, the second is inside what X said.
      if (SAID_BETWEEN.test(between)) return undefined;
      // "groups like Migration Watch, which she described as ...": the relative clause has a subject of its own.
      if (/^\s*,?\s*(?:which|whom|that)\s+(?!(?:has|have|had|also|is|was|are|were|later|then)\b)\S/.test(between)) return undefined;
      const first = COORDINATED_SUBJECT.exec(head.slice(0, subject.at))?.[1];
      // Not inside what someone already said ("A said B was right when it said ..." is B's "it"), unless set off by commas (", it says,").
      const aside = /,\s*$/.test(head.slice(0, subject.at)) && /^\S+\s*,/.test(masked.text.slice(at));
      const reported = !aside && found.some((f) => f.from <= subject.at && subject.at < f.to);
      const entity = (reported ? undefined : pronounsOpener(masked, subject.at)) ?? subject.entity;
      return { entity, speakers: first && first !== entity ? [entity, first] : [entity], at: subject.at };
    }
    // "The party denies any link; a spokesman said ...", "The ministry denied it. A spokesman said ...": the body the clause before opens with.
    const spokesman = BARE_SPOKESMAN.exec(head);
    const spoken = spokesman && spokesmanOf(masked, head.slice(0, spokesman.index), spokesman[0].startsWith(";"));
    if (spoken) return { entity: spoken, speakers: [spoken], at: spokesman.index };
    const person = DESCRIBED_SUBJECT.exec(head) ?? (answerer ? ANSWERER_SUBJECT.exec(head) : null);
    const who = person && described("person", person[1]);
    return who ? { entity: who, speakers: [who], at: person.index } : undefined;
  }

  private toClaim(doc: AnalysedDoc, masked: MaskedSentence, f: Found): Claim | undefined {
    let { from, to } = f;
    while (from < to && /\s/.test(masked.text[from]!)) from++;
    while (to > from && /[\s,]/.test(masked.text[to - 1]!)) to--;
    if (to <= from) return undefined;
    const [start, end] = masked.span(from, to);
    const about = [...new Set(masked.entitiesIn(from, to))].filter((e) => e !== f.speaker);
    return {
      speaker: f.speaker,
      about,
      cue: f.cue,
      text: doc.text.slice(start, end),
      quote: f.quote,
      time: doc.document.date,
      provenance: [doc.provenance(start, end)],
    };
  }
}

/** The first comma from `from` that can end a clause: not one grouping a number's digits ("2,000 fighters"). */
function clauseComma(text: string, from: number): number {
  const comma = /,(?!\d{3}\b)|(?<!\d),/g;
  comma.lastIndex = from;
  return comma.exec(text)?.index ?? -1;
}

/** A head set off before a description of who leads or runs it: "X, led by Y", "X, a monitor run by the Y &". */
const LED_BY = new RegExp(
  `${ENT}(?:\\s*\\([^()]*\\))?\\s*,\\s*(?:(?:a|an|the)\\s+)?(?:[\\p{Ll}-]+\\s+){0,4}?(?:led|run|headed|founded|backed|created|formed|owned|funded|sponsored|commanded|chaired|controlled|established|set\\s+up)\\s+by\\s+[^,;]*$`,
  "u",
);

/** The head whose description holds the subject found ("the ministry, led by Y, said" is the ministry's), else that subject. */
function describedHead<T extends { entity: string; at: number }>(head: string, subject: T | undefined): T | { entity: string; at: number } | undefined {
  if (!subject || !head.includes(",")) return subject;
  const led = LED_BY.exec(head.slice(0, subject.at));
  if (!led) return subject;
  // "the Task Force on Farm and Rural America, headed by X": the head is no name of the text's.
  if (/\b(?:of|on|in|for|from|at|to|by|with|and)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+){0,2}$/u.test(head.slice(0, led.index))) return undefined;
  return describedHead(head, { entity: led[1]!, at: led.index });
}

/** The mention whose placeholder covers masked position `at`, if it is a pronoun ("it", "its", "they"). */
function pronounAt(masked: MaskedSentence, at: number): MentionSpan | undefined {
  const [start] = masked.span(at, at + 1);
  const mention = masked.doc.mentionStartingAt(start);
  return mention && /^(?:it|its|they|their|them|he|his|him|she|her)$/i.test(mention.text) ? mention : undefined;
}

/**
 * The subject a sentence opened with, for an "it" or "they" speaking later in it ("X denied it and
 * blamed Y, which, it says, fights alongside Z"): the pronoun refers to that subject when it names
 * no person and the resolver chose another. ("he" and "she" are left to the resolver, which tells
 * persons apart better than salience tells groups apart.)
 */
function pronounsOpener(masked: MaskedSentence, at: number): string | undefined {
  const pronoun = pronounAt(masked, at);
  if (!pronoun || !/^(?:it|they)$/i.test(pronoun.text)) return undefined;
  const opening = OPENING_SUBJECT.exec(masked.text);
  const opener = (opening && !pronounAt(masked, opening.index + opening[0].length - 1) ? opening[1] : undefined) ?? mainSubject(masked);
  if (!opener || opener === pronoun.entity || masked.text.indexOf(`⟦${opener}⟧`) >= at) return undefined;
  return masked.doc.entity(opener)?.type === "PER" ? undefined : opener;
}

/** "X was quoted (in the release) as saying (that) ...". */
const QUOTED_AS_SAYING = new RegExp(`${ENT},?\\s+(?:was|were|is|has\\s+been|had\\s+been)\\s+quoted\\s+(?:[^,;.⟦]{1,60}?\\s+)?as\\s+saying\\s+(?!by\\b)(?:that\\s+)?`, "gu");
/** A sentence a document opens: "According to the release, ...", "The statement said ...". */
const DOCUMENT_OPENED = new RegExp(`^\\s*(?:According\\s+to\\s+(?:the|this|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DOCUMENTS})\\b|(?:The|This|Its|Their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DOCUMENTS})\\s+(?:also\\s+)?(?:${CUES})\\b)`, "u");
/** A relative clause on the document a speaker spoke in: "said in a press release, which ...". */
const DOCUMENT_RELATIVE = new RegExp(`\\b(?:in|via|through)\\s+(?:a|an|the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DOCUMENTS})\\s*,\\s*which\\s+(?:also\\s+)?$`, "u");
const previousSentence = (masked: MaskedSentence): string => {
  const sentence = masked.doc.sentences[masked.index - 1];
  return sentence ? masked.doc.text.slice(sentence.start, sentence.end) : "";
};
const FIRST_ENTITY = new RegExp(ENT);
/** How far back a statement's first mention may stand. */
const DOCUMENT_LOOKBACK = 5;

/**
 * The issuer of the document that sentence `s` says "said": the first name in its aside ("The
 * statement, carried by the group's channel, said" is the group's), else the speaker of the last
 * claim in the nearest earlier sentence that mentions such a document ("In a statement, the BLA
 * said ..."), else that sentence's subject.
 */
function documentOwner(doc: AnalysedDoc, s: number, aside: string, kinds = DOCUMENTS, noun?: string): string | undefined {
  const named = FIRST_ENTITY.exec(aside)?.[1];
  if (named) return named;
  const mentions = new RegExp(`\\b(?:${kinds})\\b`, "i");
  for (let i = s - 1; i >= 0 && i >= s - DOCUMENT_LOOKBACK; i--) {
    const sentence = doc.sentences[i]!;
    if (!mentions.test(doc.text.slice(sentence.start, sentence.end))) continue;
    const masked = doc.masked(i).text;
    // "The department published its notice on Thursday": whoever the document belongs to issued it.
    const possessor = new RegExp(`${ENT}(?:['’]s?)?\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}?(?:${kinds})\\b`, "u").exec(masked)?.[1];
    // "The statement is signed by the group's emir, X", "a statement issued in Burmese on Monday by X": the first name after "by",
    // as in the aside "The statement, signed by ...".
    const signer = !masked.includes(" by ") ? undefined : new RegExp(`\\b(?:${kinds})\\s+(?:(?:is|was|has\\s+been|had\\s+been)\\s+)?(?:signed|issued|released|posted|published|sent|read\\s+out|put\\s+out)\\s+(?:[^.;]{1,80}?\\s)?by\\s+(?:the\\s+)?${ENT}`, "iu").exec(masked)?.[1];
    const issuer = lastClaimWithin(doc, sentence.start, sentence.end)?.speaker ?? possessor ?? signer ?? mainSubject(doc.masked(i));
    if (issuer) return issuer;
    // A sentence the same document opens that names no issuer ("The statement runs to 16 pages") leaves the one before to;
    // any other sentence naming no issuer ends the search (another document, or another thing: "an army post").
    if (!noun || !new RegExp(`^\\s*(?:the|this|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?${noun}\\b`, "iu").test(doc.text.slice(sentence.start, sentence.end))) return undefined;
  }
  // "The notice says ..." paragraphs after the notice last spoke: whoever spoke through the same document earlier ("The notice describes ...").
  const same = noun && new RegExp(`according to (?:the|this|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?${noun}\\b|\\b(?:the|this|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?${noun}\\s+(?:also\\s+)?(?:${CUES}|${CHARGES}|${JUDGES})\\b`, "iu");
  for (let i = s - DOCUMENT_LOOKBACK - 1; same && i >= 0; i--) {
    const sentence = doc.sentences[i]!;
    if (!same.test(doc.text.slice(sentence.start, sentence.end))) continue;
    const speaker = lastClaimWithin(doc, sentence.start, sentence.end)?.speaker;
    if (speaker) return speaker;
  }
  return undefined;
}


/** A line that asks an interview's question: "Q: Why was he arrested?". */
const QUESTION_LINE = /^(?:Q|Question)\s*[:.]\s*\S/gm;
/** A line that answers one: "A: Because ...". */
const ANSWER_LINE = /^(?:A|Answer)\s*[:.]\s*/;
/** Where the text names whom it interviews: "we spoke by telephone to X", "in an interview with X". */
const INTERVIEWED = /\b(?:(?:spoke|talked|speaking|talking)\s+(?:[\p{Ll}-]+\s+){0,3}?(?:to|with)|interview(?:ed)?(?:\s+with)?)\s+$/u;

interface Interview {
  /** Where the first question starts: answers follow it. */
  start: number;
  answerer: string;
}
const interviews = new WeakMap<AnalysedDoc, Interview | null>();

/**
 * A document in questions and answers ("Q: ..." lines, twice at least) and who answers: the person
 * it says it spoke to or interviewed before the first question, else the person it names most.
 */
function interviewOf(doc: AnalysedDoc): Interview | undefined {
  let interview = interviews.get(doc);
  if (interview === undefined) {
    interview = null;
    const questions = doc.text.includes("Q") ? [...doc.text.matchAll(QUESTION_LINE)] : [];
    if (questions.length >= 2) {
      const start = questions[0]!.index!;
      const people = doc.mentions.filter((m) => m.entity && doc.entity(m.entity)?.type === "PER");
      const named = people.find((m) => m.start < start && INTERVIEWED.test(doc.text.slice(Math.max(0, m.start - 60), m.start)))?.entity;
      const counts = new Map<string, number>();
      for (const m of people) counts.set(m.entity!, (counts.get(m.entity!) ?? 0) + 1);
      const most = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
      const answerer = named ?? most;
      if (answerer) interview = { start, answerer };
    }
    interviews.set(doc, interview);
  }
  return interview ?? undefined;
}

/** Who answers in sentence `s`: the interviewee, in an interview's sentences after its first question that ask none. */
function interviewAnswerer(doc: AnalysedDoc, s: number): string | undefined {
  const interview = interviewOf(doc);
  const sentence = doc.sentences[s]!;
  if (!interview || sentence.start < interview.start) return undefined;
  const line = doc.text.lastIndexOf("\n", sentence.start) + 1;
  QUESTION_LINE.lastIndex = 0;
  return QUESTION_LINE.test(doc.text.slice(line, line + 12)) ? undefined : interview.answerer;
}

/** An answer line the interviewee speaks without a cue: "A: We will fight on." */
function answerLine(doc: AnalysedDoc, s: number, answerer: string | undefined): Claim | undefined {
  const sentence = doc.sentences[s]!;
  const line = doc.text.lastIndexOf("\n", sentence.start) + 1;
  const answer = answerer && line >= sentence.start - 1 ? ANSWER_LINE.exec(doc.text.slice(line, sentence.end)) : null;
  if (!answer || !answerer) return undefined;
  const start = line + answer[0].length;
  const stop = doc.text.indexOf("\n", start);
  const end = stop < 0 ? doc.text.length : stop;
  if (end - start < 10) return undefined;
  const about = [...new Set(doc.mentionsIn(start, end).map((m) => m.entity!).filter((e) => e && e !== answerer))];
  return { speaker: answerer, about, cue: "answered", text: doc.text.slice(start, end).trim(), quote: "direct", time: doc.document.date, provenance: [doc.provenance(start, end)] };
}

/** A state's body, never what "a party/group spokesman" speaks for. */
const STATE_BODY = /\b(?:military|media|army|police|ministry|government|forces|department|agency|office|council|court)\b/i;
/** How many sentences back the person "the officer" stands for may have spoken. */
const DESCRIBED_LOOKBACK = 2;

/**
 * The person that "the officer said" after a quote in sentence `s` stands for, or the group "a
 * party spokesman" speaks for: the speaker of the last claim in the nearest earlier sentence with
 * one, when that speaker is a person (a group) ("..., according to police chief X. “...,” the officer said").
 */
function describedSpeaker(doc: AnalysedDoc, s: number, kind: "person" | "group"): string | undefined {
  for (let i = s - 1; i >= 0 && i >= s - DESCRIBED_LOOKBACK; i--) {
    const sentence = doc.sentences[i]!;
    const speaker = lastClaimWithin(doc, sentence.start, sentence.end)?.speaker;
    // "The party denied the charge. “...,” a party spokesman said": a group that spoke just before.
    const entity = doc.entity(speaker);
    if (entity) return kind === "person" ? (entity.type === "PER" ? speaker : undefined) : entity.type === "ORG" && !STATE_BODY.test(`${entity.subtype} ${entity.name}`) ? speaker : undefined;
  }
  return undefined;
}

/** Titles with "general" in them that name no general: "Attorney General X", "Secretary-General X". */
const NOT_GENERAL = /(?:attorney|inspector|solicitor|surgeon|secretary|director|consul|governor)[\s-]+$/i;

/**
 * The one person the text gives the role that "the general", "the cleric" or "the former commission
 * chief" names, before `before`: as a title before a name ("General X", "cleric X") or in apposition
 * after it ("X, a former electoral commission chief"); none when it gives it to none or two.
 */
function titledPerson(doc: AnalysedDoc, role: string, before: number): string | undefined {
  const title = new RegExp(`(?<![\\p{L}-])${role}\\s+$`, "iu");
  const titled = new RegExp(`^${role}\\s`, "i");
  const apposed = new RegExp(`^,\\s*(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?${role}\\b`, "iu");
  const people = new Set<string>();
  for (const m of doc.mentions) {
    if (m.start >= before) break;
    if (!m.entity || doc.entity(m.entity)?.type !== "PER") continue;
    const left = doc.text.slice(Math.max(0, m.start - 40), m.start);
    const match = title.exec(left);
    // The title may open the mention itself ("General X").
    if ((match && !NOT_GENERAL.test(left.slice(0, match.index))) || titled.test(m.text) || apposed.test(doc.text.slice(m.end, m.end + 80))) people.add(m.entity);
  }
  return people.size === 1 ? [...people][0] : undefined;
}

/** The sentence without the dateline that opens it, if one does. */
function withoutDateline(masked: MaskedSentence, filed: { start: number; end: number }[]): MaskedSentence {
  const sentence = masked.doc.sentences[masked.index]!;
  const dateline = filed.find((d) => d.start >= sentence.start - 1 && d.start <= sentence.start + 2 && d.end < sentence.end);
  return dateline ? masked.withoutOpening(masked.indexOf(dateline.end)) : masked;
}

/** A claim's speaker and first span: a claim found twice (by two patterns) is kept once. */
function claimKey(claim: Claim): string {
  const [p] = claim.provenance;
  return `${claim.speaker} ${p!.start} ${p!.end}`;
}

/** Cues of saying, writing or believing; the extractor also links acts ("attacked X") that are no claims. */
const SPEECH_WORDS = `${CUES}|${PARTICIPLES}|according|told|tells|tell|reported|reports|wrote|quoted|cited|citing|described|describes|believes?|believed|thinks?|thought|testified|tweeted|posted|replied|responded|recalled|concluded|promised|estimated|indicated|suggested|announced`;
const SPEECH_CUE = new RegExp(`\\b(?:${SPEECH_WORDS})\\b`, "i");
/**
 * A speech word anywhere, even inside a word: a cue's text is a slice of the document, so a
 * document without one has no cue that SPEECH_CUE accepts, and the extractor need not run on it.
 */
const SPEECH_WORD = new RegExp(SPEECH_WORDS, "i");

/**
 * Claims from the trained attribution extractor (src/nlp/attribution), for attributions the
 * patterns above missed: kept when the source names a resolved entity and the content is new.
 */
export class AttributionClaims implements Component {
  readonly name = "attribution-claims";

  run(doc: AnalysedDoc): void {
    // Every claim kept needs a speech cue and a resolved speaker: documents without either (short items, tables) skip the extractor.
    if (!SPEECH_WORD.test(doc.text) || !doc.mentions.some((m) => m.entity)) return;
    for (const a of findAttributions(blankDatelines(doc.text))) {
      if (!a.source || a.nestedIn !== undefined || !SPEECH_CUE.test(a.cue.text) || SAID_WHERE.test(a.content.text)) continue;
      // "has not claimed the attack", "can confirm or deny": nothing said; "calls itself X" names, it claims nothing.
      if (UNSAID_CUE.test(a.cue.text) || ANSWERED_DEED.test(doc.text.slice(a.cue.start, a.content.start + 3)) || UNSAID.test(doc.text.slice(Math.max(0, a.cue.start - 30), a.cue.start)) || SELF_NAMING.test(a.content.text)) continue;
      const { start, end } = a.content;
      const overlaps = claimSpansMeeting(doc, start, end).some((p) => Math.min(p.end, end) - Math.max(p.start, start) > 0.5 * Math.min(p.end - p.start, end - start));
      if (overlaps) continue;
      // In an interview's answers "he" and "she" are the one answering.
      const answerer = /^\s*s?he\s*$/i.test(a.source.text) ? interviewAnswerer(doc, doc.sentenceAt(a.source.start)) : undefined;
      const speaker = answerer ?? sourceSpeaker(doc, a.source);
      if (!speaker) continue;
      const about = [...new Set(doc.mentionsIn(start, end).map((m) => m.entity!).filter((e) => e && e !== speaker))];
      doc.claims.push({ speaker, about, cue: a.cue.text, text: a.content.text, quote: a.quote, time: doc.document.date, provenance: [doc.provenance(start, end)] });
    }
  }
}

/** A negated or modal cue as the extractor spans it: "has not claimed", "could not confirm". */
const UNSAID_CUE = /\b(?:not|never|cannot|can|could|may|might|must|should)\b|n't\b/i;
/** "responded to the attack with raids": what is answered is a deed, and the answer no words. */
const ANSWERED_DEED = /^(?:responded|responds|replied|replies)\s+to\b/i;
/** What one calls oneself: "call themselves X". */
const SELF_NAMING = /^\s*(?:itself|themselves|himself|herself)\b/i;

/** Content that only says where the words came: "in a speech broadcast on its radio station". */
const SAID_WHERE = new RegExp(`^\\s*(?:in|on|through|via)\\s+(?:a|an|the|its|their|his|her)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${DOCUMENTS}|interview|issue|magazine|channel)\\b`, "iu");

/** A source headed by a document: "The statement, carried by the group's channel". */
const DOCUMENT_HEAD = new RegExp(`^\\s*(?:the|this|that|its|their|a)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${DOCUMENTS})\\b`, "iu");

/**
 * The entity speaking in an extracted source: its last name ("Pakistan's interior minister Mohsin
 * Naqvi"), but the first when a description follows it ("Amadou Koufa, founder of the MLF") or
 * the source is a document, whose first name is its issuer ("The statement, carried by the group's channel").
 */
function sourceSpeaker(doc: AnalysedDoc, source: { start: number; end: number; text: string }): string | undefined {
  // "A statement sent to X": whom a document went to did not issue it.
  // "A senior official, speaking to the BBC's correspondent X": a name in a participle's aside does not speak.
  const aside = PARTICIPLE_ASIDE_IN_SOURCE.exec(source.text);
  const asideAt = aside ? source.start + aside.index : source.end;
  const named = doc
    .mentionsIn(source.start, source.end)
    .filter((m) => m.entity && (m.start < asideAt || m.start >= asideAt + aside![0].length) && !SENT_TO.test(doc.text.slice(Math.max(source.start, m.start - 30), m.start)));
  const first = named[0];
  if (!first) return undefined;
  if (/^\s*,/.test(doc.text.slice(first.end, source.end)) || DOCUMENT_HEAD.test(source.text)) return first.entity;
  let last = named[named.length - 1]!;
  if (PEOPLE_OF.test(doc.text.slice(source.start, last.start))) return undefined;
  // "Minister X of the Y Party": the person speaks.
  const before = named[named.length - 2];
  if (before && /^\s+of\s+(?:the\s+)?$/.test(doc.text.slice(before.end, last.start)) && doc.entity(before.entity)?.type === "PER") last = before;
  // "X's driver said": the driver speaks, not X; only an office, a spokesman, a lawyer or a document speaks for its owner.
  const owned = POSSESSED.exec(doc.text.slice(last.end, source.end));
  return owned && !SPEAKS_FOR_OWNER.test(owned[1]!) ? undefined : last.entity;
}

const PARTICIPLE_ASIDE_IN_SOURCE = new RegExp(`${PARTICIPLE_ASIDE}[^,]*(?:,|$)`);

/** What a possessive names after the owner, to the source's end: "'s counsel", "'s defence ministry". */
const POSSESSED = /^['’]s?\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)\s*$/u;
/** Who speaks for their owner: "X's office said" is X's word, "X's lawyer said" the lawyer's. */
const SPEAKS_FOR_OWNER = new RegExp(
  `\\b(?:office|spokes(?:man|woman|person|men|women|people)|lawyers?|attorneys?|counsel|ministry|ministers?|officials?|president|leader|chief|committee|government|cabinet|presidency|army|military|forces|command|leadership|embassy|mission|envoy|delegation|wing|arm|department|agency|book|report|study|${DOCUMENTS})$`,
  "iu",
);
