import type { AnalysedDoc } from "./doc.js";

/**
 * A sentence with each resolved mention replaced by a placeholder `⟦eN⟧`, so that extraction
 * patterns are plain regular expressions over words and entities; every character keeps the
 * document offset it came from, so a match maps back to an exact source span.
 */
export class MaskedSentence {
  readonly text: string;
  /** The masked text's pieces in order: sentence text (`at` is where it starts in `text`) or one mention's placeholder. */
  private readonly pieces: { at: number; length: number; start: number; end: number; placeholder: boolean }[] = [];

  constructor(
    readonly doc: AnalysedDoc,
    readonly index: number,
  ) {
    const sentence = doc.sentences[index]!;
    const mentions = doc.mentionsIn(sentence.start, sentence.end).filter((m) => m.entity);
    const parts: string[] = [];
    let at = 0;
    const add = (part: string, start: number, end: number, placeholder: boolean) => {
      parts.push(part);
      this.pieces.push({ at, length: part.length, start, end, placeholder });
      at += part.length;
    };
    let offset = sentence.start;
    for (const m of mentions) {
      if (m.start < offset) continue;
      if (m.start > offset) add(doc.text.slice(offset, m.start), offset, m.start, false);
      add(`⟦${m.entity}⟧`, m.start, m.end, true);
      offset = m.end;
    }
    if (sentence.end > offset) add(doc.text.slice(offset, sentence.end), offset, sentence.end, false);
    this.text = parts.join("");
  }

  /** Document offsets of the masked range [from, to). */
  span(from: number, to: number): [number, number] {
    return [this.offsetOf(from)?.[0] ?? this.doc.sentences[this.index]!.start, this.offsetOf(to - 1)?.[1] ?? this.doc.sentences[this.index]!.end];
  }

  /** The masked offset of document offset `offset`, the inverse of `span` (a placeholder's start for any character of its mention). */
  indexOf(offset: number): number {
    for (let i = 0; i < this.text.length; i++) if (this.span(i, i + 1)[1] > offset) return i;
    return this.text.length;
  }

  /** The document span of masked character `at`: its own, or for a placeholder its mention's; none outside the text. */
  private offsetOf(at: number): [number, number] | undefined {
    const piece = this.pieces.find((p) => at >= p.at && at < p.at + p.length);
    if (!piece) return undefined;
    return piece.placeholder ? [piece.start, piece.end] : [piece.start + at - piece.at, piece.start + at - piece.at + 1];
  }

  /** The same sentence with its first `length` masked characters blanked out, each kept as a space so offsets hold. */
  withoutOpening(length: number): MaskedSentence {
    return Object.assign(Object.create(MaskedSentence.prototype) as MaskedSentence, this, { text: " ".repeat(length) + this.text.slice(length) });
  }

  /** Whether any entity is masked here (or the text spells a placeholder): patterns over entities need one. */
  get hasEntities(): boolean {
    return this.text.includes("⟦");
  }

  /** Entity ids named in the masked range [from, to), in order. */
  entitiesIn(from: number, to: number): string[] {
    return [...this.text.slice(from, to).matchAll(ENT_G)].map((m) => m[1]!);
  }
}

/**
 * The matches of a global `regex` in `text` from offset `from` on, as `text.matchAll` finds them,
 * without the copy of the expression that matchAll makes for every call: the expression itself
 * keeps the place, so it must not be used elsewhere while its matches are read.
 */
export function* matchesOf(regex: RegExp, text: string, from = 0): Generator<RegExpExecArray> {
  regex.lastIndex = from;
  try {
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (m[0] === "") regex.lastIndex += regex.unicode && (text.codePointAt(regex.lastIndex) ?? 0) > 0xffff ? 2 : 1;
      yield m;
    }
  } finally {
    regex.lastIndex = 0;
  }
}

/** Regular-expression source for one placeholder, capturing the entity id. */
export const ENT = "⟦(e\\d+)⟧";
/** Every placeholder (for matchAll, which copies the expression, so one object serves all). */
export const ENT_G = new RegExp(ENT, "g");
/** An organ named after its state or group ("X government", "the X police"): who speaks or acts is X. */
export const ORGAN = "(?:government|authorities|administration|officials|police|army|military|security\\s+forces|forces|cabinet|council|ministry|parliament)";
/** Any quote mark, straight or curly. */
export const QUOTE = `["“”‘’'«»]`;
