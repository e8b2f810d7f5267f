import type { EntityType, Predicate, Relation } from "../../model/index.js";
import { subjectBefore } from "../clauses.js";
import { claimantOf, timeNear } from "../context.js";
import type { AnalysedDoc, Component, Entity } from "../doc.js";
import { gazetteer } from "../gazetteer/index.js";
import { type MaskedSentence, matchesOf, QUOTE } from "../masked.js";
import { TITLES } from "../mentions.js";

const E = (name: string) => `⟦(?<${name}>e\\d+)⟧`;
const THE = "(?:the\\s+)?";
const ANY = "[^⟦.;]";

type Types = EntityType[];
const ACTOR: Types = ["PER", "ORG", "GPE"];
const GROUP: Types = ["ORG"];
const PLACE: Types = ["GPE", "LOC"];

interface Pattern {
  predicate: Predicate;
  regex: RegExp;
  subject: Types;
  object?: Types;
  /** Named group holding a list of objects ("the defection of A, B and C fighters"). */
  list?: boolean;
  timed?: boolean;
}

const p = (predicate: Predicate, source: string, subject: Types, object?: Types, extra: Partial<Pattern> = {}): Pattern => ({
  predicate,
  regex: new RegExp(source, "giu"),
  subject,
  object,
  ...extra,
});

/** Relation patterns over masked sentences: general English constructions, one per way of saying it. */
const PATTERNS: Pattern[] = [
  p("splinter_of", `${E("s")},?\\s+(?:an?|the)\\s+(?:splinter|breakaway)\\s+(?:group|faction|organi[sz]ation)?\\s*(?:of|from)\\s+${THE}${E("o")}`, GROUP, GROUP),
  p("affiliate_of", `${E("s")}${ANY}{0,60}?(?:[—–(,]\\s*|\\s(?:is|was|became|remains)\\s+)(?:an?|the)\\s+(?:\\w+\\s+)?(?:affiliate|offshoot|branch|wing|franchise|province|chapter|arm|subsidiary|faction)\\s+of\\s+${THE}${E("o")}`, GROUP, GROUP),
  p("affiliate_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:pledged|swore|sworn|pledging)\\s+(?:allegiance|loyalty|bay'?ah)\\s+to\\s+${THE}${E("o")}`, ACTOR, GROUP),
  p("affiliate_of", `${E("o")}[-–](?:affiliated|linked|aligned)\\s+${E("s")}`, GROUP, GROUP),
  p("publishes", `${E("s")}\\s*['’]s\\s+(?:\\w+\\s+){0,2}?${QUOTE}?\\s*${E("o")}`, ACTOR, ["WORK"]),
  p("publishes", `${E("o")}${QUOTE}?,?\\s+(?:\\w+\\s+)?(?:magazine|newspaper|publication|mouthpiece|outlet)\\s*,?\\s+(?:of|published by|run by|issued by)\\s+${THE}${E("s")}`, ACTOR, ["WORK"]),
  p("publishes", `${E("s")}\\s+(?:publishes|published|launched|releases|released|issues|issued)\\s+(?:\\w+\\s+){0,4}?${QUOTE}?${E("o")}`, ACTOR, ["WORK"]),
  p("rival_of", `${E("s")}${ANY}{0,80}?\\b(?:power tussle|power struggle|rivalry|feud|turf war|at war|war|fighting|clashes|conflict|competition|competing|battles?|battling)\\s+(?:\\w+\\s+)?(?:with|against)\\s+${THE}${E("o")}`, ACTOR, ACTOR),
  p("rival_of", `${E("s")}\\s*['’]s\\s+(?:arch-?)?(?:rivals?|enem(?:y|ies)|nemesis)\\s*,?\\s+${THE}${E("o")}`, ACTOR, ACTOR),
  p("founded", `${E("s")}\\s+(?:first\\s+)?(?:emerged|was founded|was formed|was established|was created|was set up|was launched|came into being|came into existence)\\b`, GROUP, undefined, { timed: true }),
  p("founded_by", `${E("o")}\\s+(?:announced|declared|proclaimed)\\s+the\\s+(?:formation|creation|establishment|founding|launch)\\s+of\\s+(?:its\\s+|their\\s+|the\\s+|a\\s+)?(?:new\\s+)?${QUOTE}?${E("s")}`, GROUP, ACTOR, { timed: true }),
  p("founded_by", `${E("o")}\\s+(?:founded|co-founded|formed|established|created|set up)\\s+(?:the\\s+|a\\s+)?${E("s")}`, GROUP, ACTOR, { timed: true }),
  p("founded_by", `${E("s")}\\s+(?:was|were)\\s+(?:founded|co-founded|formed|established|created|set up)\\s+(?:in\\s+\\S+\\s+)?by\\s+${THE}${E("o")}`, GROUP, ACTOR, { timed: true }),
  p("splinter_of", `${E("s")}\\s+(?:emerged|was formed|was founded|was created|came into being|grew)\\b${ANY}*?\\bwith\\s+the\\s+(?:defections?|departure)\\s+of\\s+(?<list>[^.;]*)`, GROUP, GROUP, { list: true, timed: true }),
  p("splinter_of", `${E("s")}\\s+(?:\\w+\\s+)?(?:defected|broke away|split|splintered)\\s+from\\s+${THE}${E("o")}`, GROUP, GROUP, { timed: true }),
  p("splinter_of", `defectors\\s+from\\s+${THE}${E("o")}${ANY}*?\\b(?:joined|formed|founded|created)\\s+${THE}${E("s")}`, GROUP, GROUP, { timed: true }),
  p("visits", `${E("s")}\\s+(?:\\w+\\s+){0,2}?(?:visited|visits|is visiting|was visiting|travell?ed to|arrived in|flew to)\\s+${THE}${E("o")}`, ["PER", "ORG"], PLACE, { timed: true }),
  p("visits", `${E("s")}\\s+(?:is|was|has been)\\s+on\\s+(?:an?\\s+)?(?:\\w+\\s+)?${E("o")}\\s+(?:visit|trip|tour)`, ["PER", "ORG"], PLACE, { timed: true }),
  p("visits", `${E("s")}\\s*['’]s\\s+(?:\\w+\\s+)?(?:visit|trip)\\s+to\\s+${THE}${E("o")}`, ["PER", "ORG"], PLACE, { timed: true }),
  p("killed", `${E("s")}\\s+(?:\\w+\\s+)?(?:killed|assassinated|murdered|executed|beheaded|shot dead)\\s+(?:\\w+\\s+){0,3}?${E("o")}`, ACTOR, ["PER"], { timed: true }),
  p("killed", `${E("o")}\\s+(?:was|were|has been|had been)\\s+(?:\\w+\\s+)?(?:killed|assassinated|murdered|executed|shot dead)\\s+by\\s+${THE}${E("s")}`, ACTOR, ["PER"], { timed: true }),
  p("leader_of", `${E("o")}\\s*(?:['’]s\\s+)?(?:leader|chief|head|emir|founder|supremo)\\s+${E("s")}`, ["PER"], GROUP),
  p("leader_of", `${E("s")},\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:leader|chief|head|emir|founder)\\s+of\\s+${THE}${E("o")}`, ["PER"], GROUP),
  p("member_of", `${E("s")},\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+)?(?:member|commander|fighter|militant|spokesman|spokesperson|official|operative)\\s+(?:of|for|with)\\s+${THE}${E("o")}`, ["PER"], GROUP),
  p("member_of", `${E("o")}\\s+(?:spokesman|spokesperson|commander|member|official|fighter|militant)\\s+${E("s")}`, ["PER"], GROUP),
  p("allied_with", `${E("s")}\\s+(?:\\w+\\s+)?(?:allied with|allies with|in alliance with|formed an alliance with|joined forces with|teamed up with)\\s+${THE}${E("o")}`, ACTOR, ACTOR),
  p("based_in", `${E("s")}\\s*,?\\s*(?:which is\\s+|is\\s+|are\\s+|was\\s+)?(?:based|headquartered)\\s+in\\s+${THE}${E("o")}`, ["ORG"], PLACE),
  p("based_in", `${E("o")}[-–](?:based|headquartered)\\s+${E("s")}`, ["ORG"], PLACE),
  p("lives_in", `${E("s")}\\s+(?:\\w+\\s+)?(?:lives|lived|resides|resided|living|settled)\\s+in\\s+${THE}${E("o")}`, ["PER"], PLACE),
  p("located_in", `${E("s")},\\s+(?:an?\\s+)?(?:\\w+\\s+)?(?:city|town|village|district|province|region|area)\\s+(?:in|of)\\s+(?:\\w+\\s+)?${E("o")}`, PLACE, PLACE),
  p("located_in", `\\bin\\s+${E("o")}\\s*['’]s\\s+${E("s")}`, PLACE, PLACE),
];

/**
 * Patterns with a bounded reach from their first placeholder, in one expression from that
 * placeholder on: a sentence where it finds nothing matches none of them, and one scan that starts
 * only at placeholders costs less than one per pattern. A pattern that scans ahead lazily over
 * characters (`[^⟦.;]*?`) is cheaper on its own, so it is always tried.
 */
const SCANS_AHEAD = /\]\{0,\d+\}\?|\]\*\?/;
const PREFILTERED = new Set(PATTERNS.filter(({ regex }) => !SCANS_AHEAD.test(regex.source)));
const ANY_PREFILTERED = new RegExp(
  `⟦(?:${[...PREFILTERED].map(({ regex }) => {
    const source = regex.source.replace(/\(\?<\w+>/g, "(?:");
    const at = source.indexOf("⟦");
    // A match holds a match of the rest only if what precedes the placeholder leaves no group open.
    if (at < 0 || (source.slice(0, at).match(/(?<!\\)\(/g)?.length ?? 0) !== (source.slice(0, at).match(/(?<!\\)\)/g)?.length ?? 0)) {
      throw new Error(`relation pattern ${regex.source} needs a placeholder outside any group`);
    }
    return source.slice(at + 1);
  }).join("|")})`,
  "iu",
);

const ACTIVE_IN = /\b(active|operating|operates|operate|present|based|headquartered)\s+in\s+((?:the\s+)?⟦e\d+⟧(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?⟦e\d+⟧)*)/giu;
const APPOSITIVE_OPENER = /(?:[—–(]|,)\s*(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:affiliate|branch|group|organi[sz]ation|outfit|faction|offshoot|movement|network|wing)\b/giu;
const ROLE_WORDS = new Set(["leader", "chief", "head", "emir", "founder", "spokesman", "spokesperson", "commander", "president", "minister", "general"]);
const LEADER_ROLES = new Set(["leader", "chief", "head", "emir", "founder"]);
const FORMER = new Set(["former", "ex", "then", "late", "erstwhile"]);
const CURRENT = new Set(["current", "incumbent", "new", "acting", "sitting", "serving", "present"]);

/** Relations between entities: table-driven patterns, plus roles before names and "active in" lists. */
export class RelationFinder implements Component {
  readonly name = "relations";

  run(doc: AnalysedDoc): void {
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = doc.masked(s);
      if (masked.hasEntities) {
        const any = ANY_PREFILTERED.test(masked.text);
        for (const pattern of PATTERNS) if (any || !PREFILTERED.has(pattern)) this.matchPattern(doc, masked, pattern);
        this.activeIn(doc, masked);
      }
      this.roles(doc, s);
    }
  }

  private matchPattern(doc: AnalysedDoc, masked: MaskedSentence, pattern: Pattern): void {
    for (const m of matchesOf(pattern.regex, masked.text)) {
      const g = m.groups!;
      let to = m.index! + m[0].length;
      let objects: (string | null)[] = [g.o ?? null];
      if (pattern.list) {
        const listStart = to - g.list!.length;
        to = listStart + cutList(g.list!);
        objects = masked.entitiesIn(listStart, to).slice(0, 8);
      }
      const [start, end] = masked.span(m.index!, to);
      for (const object of objects) {
        if (!this.fits(doc, g.s!, pattern.subject) || (object !== null && (!pattern.object || !this.fits(doc, object, pattern.object)))) continue;
        if (object === g.s) continue;
        this.add(doc, {
          subject: g.s!,
          predicate: pattern.predicate,
          object,
          time: pattern.timed ? timeNear(doc, masked.index, start) : undefined,
          attributed_to: claimantOf(doc, start, end),
          confidence: 0.7,
          provenance: [doc.provenance(start, end)],
        });
      }
    }
  }

  /** "X — an affiliate of Y active in A and B —": the places belong to the appositive's head, X. */
  private activeIn(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(ACTIVE_IN, masked.text)) {
      const openers = [...masked.text.slice(0, m.index!).matchAll(APPOSITIVE_OPENER)];
      const opener = openers[openers.length - 1];
      const subject = opener ? subjectBefore(masked, opener.index!)?.entity : directSubject(masked.text.slice(0, m.index!));
      if (!subject || !this.fits(doc, subject, ["ORG", "PER"])) continue;
      const predicate: Predicate = /based|headquartered/i.test(m[1]!) ? "based_in" : "operates_in";
      const [start, end] = masked.span(m.index!, m.index! + m[0].length);
      for (const place of masked.entitiesIn(m.index!, m.index! + m[0].length)) {
        if (!this.fits(doc, place, PLACE)) continue;
        this.add(doc, { subject, predicate, object: place, attributed_to: claimantOf(doc, start, end), confidence: 0.7, provenance: [doc.provenance(start, end)] });
      }
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
      const status = modifier && FORMER.has(modifier) ? "former" : modifier && CURRENT.has(modifier) ? "current" : undefined;
      const owner = ownerBefore(doc, modifier ? roleStart - 1 : roleStart);
      const object = owner?.entity ?? homeCountry(doc, mention.text) ?? dominantCountry(doc);
      const leader = LEADER_ROLES.has(role) && owner && doc.entity(owner.entity)?.type === "ORG";
      const start = doc.tokens[modifier ? roleStart - 1 : roleStart]!.start;
      this.add(doc, {
        subject: mention.entity,
        predicate: leader ? "leader_of" : "holds_position",
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

  private fits(doc: AnalysedDoc, id: string, types: Types): boolean {
    const entity = doc.entity(id);
    return !!entity && types.includes(entity.type);
  }

  private add(doc: AnalysedDoc, relation: Relation): void {
    const same = doc.relations.find((r) => r.subject === relation.subject && r.predicate === relation.predicate && r.object === relation.object && r.attributed_to === relation.attributed_to);
    if (same) {
      same.provenance.push(...relation.provenance.filter((p) => !same.provenance.some((q) => q.start === p.start)));
      same.time ??= relation.time;
      return;
    }
    doc.relations.push(relation);
  }
}

function roleWordAt(doc: AnalysedDoc, k: number): boolean {
  const text = doc.tokens[k]!.text;
  if (/^\p{Ll}[\p{Ll}-]*$/u.test(text)) return true;
  return /^\p{Lu}\p{Ll}+$/u.test(text) && !doc.mentions.some((m) => m.first <= k && k < m.last);
}

/** "Pakistan's army chief", "Pakistani army chief", "ISKP leader": the named owner right before a role. */
function ownerBefore(doc: AnalysedDoc, roleStart: number) {
  const possessive = /^['’]s$/.test(doc.tokens[roleStart - 1]?.text ?? "");
  const end = roleStart - (possessive ? 1 : 0);
  return doc.mentions.find((m) => m.entity && m.last === end && m.type !== "PER" && (!m.anaphoric || /^(its|their)$/i.test(m.text)));
}

/** "X, active in": the entity right before, with nothing but a comma or a copula between. */
function directSubject(head: string): string | undefined {
  return /⟦(e\d+)⟧\s*(?:,\s*)?(?:(?:is|are|was|were)\s+)?(?:(?:also|mainly|mostly|largely|now)\s+)?$/.exec(head)?.[1];
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
  const counts = doc.entities
    .filter((e: Entity) => e.type === "GPE" && e.subtype === "country")
    .map((e) => [e.id, e.mentions.length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [top, second] = counts;
  return top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined;
}
