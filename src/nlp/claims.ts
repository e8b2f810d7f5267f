import type { Claim, QuoteKind } from "../model/index.js";
import { findAttributions } from "./attribution/index.js";
import { mainSubject, subjectBefore } from "./clauses.js";
import type { AnalysedDoc, Component } from "./doc.js";
import { ENT, type MaskedSentence, matchesOf } from "./masked.js";

const CUES =
  "said|says|say|has said|have said|had said|claimed|claims|added|adds|warned|warns|stated|states|noted|notes|insisted|insists|argued|argues|alleged|alleges|asserted|asserts|declared|declares|maintained|maintains|announced|announces|wrote|writes|stressed|stresses|emphasi[sz]ed|explained|explains|acknowledged|admitted|confirmed|denied|vowed|vows|threatened|threatens|urged|urges|predicted|believes|called|calls";
const PARTICIPLES = "saying|claiming|adding|noting|warning|stating|insisting|arguing|alleging|asserting|declaring|stressing|vowing|threatening|urging|explaining";
const FINITE_CUE = new RegExp(`\\b(?:also\\s+)?(${CUES})\\b`, "g");
const PARTICIPLE = new RegExp(`(^\\s*|,\\s*)(${PARTICIPLES})\\s+(that\\s+)?`, "gi");
const LEADING = new RegExp(`^\\s*(?:${PARTICIPLES})\\b`, "i");
const DIRECT = /[“"]([^“”"]{10,}?)[,.]?[”"]/g;
const ACCORDING = new RegExp(`,?\\s*according to ${ENT},?\\s*`, "gi");
/** Speakers around a direct quote: "…,” X said", "…,” said X", "X said: “…”". */
const SPEAKER_CUE_AFTER = new RegExp(`^\\s*,?\\s*${ENT}\\s+(?:${CUES})\\b`);
const CUE_SPEAKER_AFTER = new RegExp(`^\\s*,?\\s*(?:${CUES})\\s+${ENT}`);
const SPEAKER_CUE_BEFORE = new RegExp(`${ENT}\\s+(?:${CUES})\\s*[:,]?\\s*$`);
const SUBJECT_COMMA = new RegExp(`,\\s*${ENT}`);

/** One attribution found in a sentence, in masked coordinates. */
interface Found {
  speaker: string;
  cue: string;
  from: number;
  to: number;
  quote: QuoteKind;
}

/**
 * Claims: who said what. Direct quotes with their speaker, reported speech after a reporting
 * verb, content fronted before "X has said", participial clauses ("noting that", "warning that")
 * spoken by the main clause's speaker, and "according to X". Speakers are resolved entities.
 */
export class ClaimFinder implements Component {
  readonly name = "claims";

  run(doc: AnalysedDoc): void {
    for (let s = 0; s < doc.sentences.length; s++) {
      const masked = doc.masked(s);
      if (!masked.hasEntities) continue; // a claim needs a speaker
      const found = this.find(masked);
      for (const f of found) {
        const claim = this.toClaim(doc, masked, f);
        if (claim && !doc.claims.some((c) => c.provenance[0]!.start === claim.provenance[0]!.start && c.provenance[0]!.end === claim.provenance[0]!.end)) {
          doc.claims.push(claim);
        }
      }
    }
  }

  private find(masked: MaskedSentence): Found[] {
    const text = masked.text;
    const found: Found[] = [];
    const quoted: [number, number][] = [];
    for (const q of matchesOf(DIRECT, text)) {
      const from = q.index! + 1;
      const to = from + q[1]!.length;
      const after = text.slice(q.index! + q[0].length);
      const before = text.slice(0, q.index!);
      const speaker = SPEAKER_CUE_AFTER.exec(after)?.[1] ?? CUE_SPEAKER_AFTER.exec(after)?.[1] ?? SPEAKER_CUE_BEFORE.exec(before)?.[1];
      if (speaker) {
        found.push({ speaker, cue: /\b(said|says|added|told|warned|claimed|stated|wrote)\b/.exec(after.slice(0, 60) || before.slice(-40))?.[1] ?? "said", from, to, quote: "direct" });
        quoted.push([q.index!, q.index! + q[0].length]);
      }
    }
    const insideQuote = (at: number) => quoted.some(([a, b]) => at >= a && at < b);
    const participle = [...matchesOf(PARTICIPLE, text)];
    const clauseEnd = (from: number) => {
      const next = participle.find((p) => p.index! > from && p[1]!.startsWith(","));
      const end = next ? next.index! : text.replace(/[\s.!?”"’']+$/, "").length;
      return Math.max(from, end);
    };

    for (const cue of matchesOf(FINITE_CUE, text)) {
      const at = cue.index!;
      if (insideQuote(at)) continue;
      const subject = subjectBefore(masked, at);
      if (!subject) continue;
      const verb = cue[1]!;
      const beforeSubject = text.slice(0, subject.at).replace(/\b(?:the|The)\s*$/, "").trimEnd();
      const afterCue = text.slice(at + cue[0].length);
      const nothingSaidAfter = /^\s*(?:[.!?]|,|(?:in|on|at|to|through|via|during)\b[^,.;]{0,30}(?:[,.]|$))/.test(afterCue);
      if (beforeSubject.endsWith(",") && beforeSubject.length > 20 && nothingSaidAfter && !LEADING.test(text) && !/^(called|calls)$/.test(verb)) {
        // "Content, X has said": the content is fronted.
        found.push({ speaker: subject.entity, cue: text.slice(at, at + cue[0].length), from: 0, to: beforeSubject.length - 1, quote: "indirect" });
        continue;
      }
      let from = at + cue[0].length;
      // "said in a statement on Monday that ...": the content starts after "that".
      const rest = text.slice(from);
      const that = /^\s+(?:(?:in|on|at|to|through|via|during|late|early|last|earlier)(?:\s+[^\s,;.⟦]+){0,5}?\s+)?that\s+/.exec(rest);
      // "said on Monday fighting was continuing": a time adjunct, then the content.
      const when = /^\s+(?:(?:on|last|this|early|late|earlier)\s+\p{L}+|today|yesterday|tonight)\s+(?:that\s+)?(?=[\p{L}⟦])/u.exec(rest);
      from += that?.[0].length ?? when?.[0].length ?? /^\s*/.exec(rest)![0].length;
      if (/^(called|calls)$/.test(verb) && !/[“"‘]/.test(text.slice(from, from + 80))) continue;
      if (/^\s*[:,]?\s*[“"]/.test(rest)) continue; // a direct quote, taken above
      if (!that && !when && /^(on|for|in|to|at)\b/.test(text.slice(from)) && !/^in \d{4},/.test(text.slice(from))) continue;
      const to = clauseEnd(from);
      if (to - from > 8) found.push({ speaker: subject.entity, cue: text.slice(at, at + cue[0].length), from, to, quote: "indirect" });
    }

    for (const p of participle) {
      const from = p.index! + p[0].length;
      if (insideQuote(from)) continue;
      const leading = p.index === 0 || !p[1]!.startsWith(",");
      let to: number;
      let speaker: string | undefined;
      if (leading) {
        const subjectComma = SUBJECT_COMMA.exec(text.slice(from));
        if (!subjectComma) continue;
        to = from + subjectComma.index;
        speaker = mainSubject(masked);
      } else {
        to = clauseEnd(from);
        speaker = found.find((f) => f.from < p.index! || f.to <= p.index!)?.speaker ?? mainSubject(masked);
      }
      if (speaker && to - from > 8) found.push({ speaker, cue: p[2]!, from, to, quote: "indirect" });
    }

    for (const a of matchesOf(ACCORDING, text)) {
      const rest = text.slice(0, a.index!) + " ".repeat(a[0].length) + text.slice(a.index! + a[0].length);
      const from = rest.search(/\S/);
      const to = rest.replace(/[\s.!?]+$/, "").length;
      if (to - from > 8) found.push({ speaker: a[1]!, cue: "according to", from, to, quote: "indirect" });
    }
    return found;
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
    for (const a of findAttributions(doc.text)) {
      if (!a.source || a.nestedIn !== undefined || !SPEECH_CUE.test(a.cue.text)) continue;
      const { start, end } = a.content;
      const overlaps = doc.claims.some((c) => c.provenance.some((p) => Math.min(p.end, end) - Math.max(p.start, start) > 0.5 * Math.min(p.end - p.start, end - start)));
      if (overlaps) continue;
      const named = doc.mentionsIn(a.source.start, a.source.end).filter((m) => m.entity);
      const speaker = named[named.length - 1]?.entity;
      if (!speaker) continue;
      const about = [...new Set(doc.mentionsIn(start, end).map((m) => m.entity!).filter((e) => e && e !== speaker))];
      doc.claims.push({ speaker, about, cue: a.cue.text, text: a.content.text, quote: a.quote, time: doc.document.date, provenance: [doc.provenance(start, end)] });
    }
  }
}
