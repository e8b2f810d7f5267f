import type { Event, PloverType } from "../model/index.js";
import { mainSubject, subjectBefore } from "./clauses.js";
import { claimantOf, timeNear } from "./context.js";
import type { AnalysedDoc, Component } from "./doc.js";
import { ENT_G, type MaskedSentence, matchesOf } from "./masked.js";

/** Verbs (as written) that report a PLOVER event; the subject is the source, the object the target. */
const TRIGGERS: [PloverType, string][] = [
  ["ACCUSE", "accused|accuses|accusing|slammed|slams|slamming|critici[sz]ed|critici[sz]es|criticising|criticizing|condemned|condemns|condemning|denounced|denounces|blamed|blames|blaming|lambasted|castigated|decried|labell?ed|branded|vilified|chastised|rebuked|(?:called|calls|dubbed|termed|described)(?=\\s+(?:the\\s+)?⟦e\\d+⟧\\s*[“\"‘])"],
  ["THREATEN", "threatened|threatens|threatening|vowed to (?:attack|target|strike|fight|avenge|continue)|warned of (?:attacks|retaliation|reprisals)"],
  ["REJECT", "rejected|rejects|rejecting|refused|refuses|dismissed|dismisses|denied|denies|vetoed"],
  ["REQUEST", "called on|calls on|called for|urged|urges|appealed to|demanded|demands|asked|requested"],
  ["CONSULT", "met with|meets with|met|held talks with|hosted|consulted|negotiated with"],
  ["AGREE", "agreed with|signed an? (?:agreement|deal|accord|ceasefire) with|reached an? (?:agreement|deal) with"],
  ["SUPPORT", "praised|praises|endorsed|endorses|backed|backs|welcomed|supported|supports|lauded|hailed"],
  ["COOPERATE", "cooperated with|collaborated with|coordinated with|partnered with"],
  ["AID", "provided (?:aid|funding|weapons|arms|support|assistance) to|supplied|funded|financed|armed|trained"],
  ["ASSAULT", "bombed|shelled|bombarded|ambushed|stormed|kidnapped|abducted|beheaded|massacred|shot|raided|targeted|attacked|struck|sank|invaded|(?:fired|opened fire) (?:on|at)|launched (?:a |an )?(?:[\\w-]+ ){0,2}(?:offensive|attack|assault|raid|strike|operation|thrust|incursion)s? (?:against|on|into)"],
  ["PROTEST", "protested against|protested|demonstrated against|rallied against|boycotted"],
  ["SANCTION", "sanctioned|banned|blacklisted|designated|imposed sanctions on|expelled|suspended"],
  ["MOBILIZE", "deployed (?:troops|forces) to|mobili[sz]ed|massed troops"],
  ["COERCE", "arrested|detained|seized|confiscated|deported|imprisoned|jailed"],
  ["RETREAT", "withdrew from|retreated from|pulled out of|evacuated"],
  ["CONCEDE", "conceded|released|freed|surrendered|apologi[sz]ed to|ceded"],
];
const TRIGGER_RE = TRIGGERS.map(([type, verbs]) => [type, new RegExp(`\\b(?:${verbs})\\b`, "gi")] as const);
/** Any trigger at all: one scan that spares the sentence the sixteen above when there is none. */
const ANY_TRIGGER = new RegExp(TRIGGER_RE.map(([, regex]) => regex.source).join("|"), "gi");

/** "attacked" in a magazine, a speech or a statement is verbal (ACCUSE), not an assault. */
const VERBAL_CONTEXT = /\b(magazine|statement|speech|editorial|article|video|issue|sermon|post|tweet|interview|broadcast|message|remarks|propaganda)\b/i;
const VERBAL_OBJECT = /^\s*(?:⟦e\d+⟧['’]s\s+)?(?:\w+\s+){0,2}?(scholars|clerics|leaders|policies|policy|government|governance|system|politicians|journalists|stance|decision|remarks|ideology)\b/i;
/** The targets: the object's entities, joined by coordinators, until the clause ends. */
const CLAUSE_END = /[;.]|,\s*(?:claiming|saying|adding|noting|warning|which|who|while|as)\b|\s(?:that|because|after|before|when)\s/i;
const COORDINATED = /^(?:\s*['’]s)?\s*(?:[\w-]+\s+){0,2}?(?:,|and|or|as well as|especially|including|particularly|notably|—|–)\s*(?:[\w-]+\s+){0,1}?$/i;
/** An entity after these is where or when, not whom. */
const ADJUNCT = /\b(?:from|in|at|on|during|since|into|across|near|inside)\s+(?:the\s+)?$/i;
const WARNING = /\b(warn(?:ed|s|ing)?|vow(?:ed|s|ing)?|threat(?:en|ened|ens|ening)?)\b[^.]*?\bagainst\s+(?:the\s+)?⟦(e\d+)⟧/gi;

/**
 * PLOVER events by trigger verbs: the clause subject is the source and the entities of the
 * object phrase the targets; warnings and vows "against X" are THREATEN.
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
        for (const [type, regex] of TRIGGER_RE) {
          for (const m of matchesOf(regex, masked.text, from)) this.trigger(doc, masked, type, m.index, m[0].length);
        }
      }
      this.warnings(doc, masked);
    }
  }

  private trigger(doc: AnalysedDoc, masked: MaskedSentence, type: PloverType, at: number, length: number): void {
    const subject = subjectBefore(masked, at)?.entity;
    if (!subject) return;
    const rest = masked.text.slice(at + length);
    if (/^(attacked|struck|targeted)$/i.test(masked.text.slice(at, at + length)) && (VERBAL_CONTEXT.test(masked.text) || VERBAL_OBJECT.test(rest))) {
      type = "ACCUSE";
    }
    const clause = rest.slice(0, CLAUSE_END.exec(rest)?.index ?? rest.length);
    const { targets: found, end: targetsEnd } = this.targets(clause);
    const targets = found.filter((t) => t !== subject);
    const end = at + length + targetsEnd;
    for (const target of targets.length ? targets : [null]) {
      if (target === null && type !== "PROTEST" && type !== "RETREAT" && type !== "MOBILIZE") continue;
      this.add(doc, masked, { type, source: subject, target, attributed_to: null, confidence: 0.6, provenance: [] }, subjectStart(masked, subject, at), end, at);
    }
  }

  /** The target entities and where the last of them ends in `clause`. */
  private targets(clause: string): { targets: string[]; end: number } {
    const out: string[] = [];
    let last = -1;
    for (const m of clause.matchAll(ENT_G)) {
      const gap = clause.slice(last < 0 ? 0 : last, m.index!);
      if (last >= 0 && !COORDINATED.test(gap)) break;
      if (last < 0 && (gap.split(/\s+/).filter(Boolean).length > 4 || ADJUNCT.test(gap))) break;
      out.push(m[1]!);
      last = m.index! + m[0].length;
    }
    return { targets: out, end: Math.max(last, 0) };
  }

  /** "warning that it will continue working against the country": the speaker threatens the country. */
  private warnings(doc: AnalysedDoc, masked: MaskedSentence): void {
    for (const m of matchesOf(WARNING, masked.text)) {
      const at = m.index! + m[0].length - `⟦${m[2]}⟧`.length;
      const [targetStart, targetEnd] = masked.span(at, m.index! + m[0].length);
      const speaker = claimantOf(doc, targetStart, targetEnd) ?? subjectBefore(masked, m.index!)?.entity ?? mainSubject(masked);
      if (!speaker || speaker === m[2]) continue;
      this.add(doc, masked, { type: "THREATEN", source: speaker, target: m[2]!, attributed_to: null, confidence: 0.6, provenance: [] }, m.index!, m.index! + m[0].length);
    }
  }

  /** Stores the event found at masked [from, to); whether it is claimed is judged from `verbAt` (the trigger) on. */
  private add(doc: AnalysedDoc, masked: MaskedSentence, event: Event, from: number, to: number, verbAt = from): void {
    const [start, end] = masked.span(from, to);
    // "Iraq said its forces sank ...": an event inside someone's claim is theirs, even about themselves.
    event.attributed_to = claimantOf(doc, masked.span(verbAt, to)[0], end);
    event.time = timeNear(doc, masked.index, start) ?? doc.document.date;
    event.provenance = [doc.provenance(start, end)];
    const same = doc.events.find((e) => e.type === event.type && e.source === event.source && e.target === event.target && e.attributed_to === event.attributed_to);
    if (same) same.provenance.push(...event.provenance);
    else doc.events.push(event);
  }
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
