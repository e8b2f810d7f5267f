import type { AnalysedDoc } from "./doc.js";

/**
 * A sentence with each resolved mention replaced by a placeholder `⟦eN⟧`, so that extraction
 * patterns are plain regular expressions over words and entities; every character keeps the
 * document offset it came from, so a match maps back to an exact source span.
 */
export class MaskedSentence {
  readonly text: string;
  /** Document offsets of each masked character: its own for text, its mention's span for a placeholder. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    readonly doc: AnalysedDoc,
    readonly index: number,
  ) {
    const sentence = doc.sentences[index]!;
    const mentions = doc.mentionsIn(sentence.start, sentence.end).filter((m) => m.entity);
    // Pieces of the masked text: [text, document start, document end, is a placeholder].
    const pieces: [string, number, number, boolean][] = [];
    let offset = sentence.start;
    for (const m of mentions) {
      if (m.start < offset) continue;
      if (m.start > offset) pieces.push([doc.text.slice(offset, m.start), offset, m.start, false]);
      pieces.push([`⟦${m.entity}⟧`, m.start, m.end, true]);
      offset = m.end;
    }
    if (sentence.end > offset) pieces.push([doc.text.slice(offset, sentence.end), offset, sentence.end, false]);
    this.text = pieces.map((p) => p[0]).join("");
    this.starts = new Int32Array(this.text.length);
    this.ends = new Int32Array(this.text.length);
    let at = 0;
    for (const [piece, start, end, placeholder] of pieces) {
      for (let i = 0; i < piece.length; i++, at++) {
        this.starts[at] = placeholder ? start : start + i;
        this.ends[at] = placeholder ? end : start + i + 1;
      }
    }
  }

  /** Document offsets of the masked range [from, to). */
  span(from: number, to: number): [number, number] {
    return [this.starts[from] ?? this.doc.sentences[this.index]!.start, this.ends[to - 1] ?? this.doc.sentences[this.index]!.end];
  }

  /** Whether any entity is masked here (or the text spells a placeholder): patterns over entities need one. */
  get hasEntities(): boolean {
    return this.text.includes("⟦");
  }

  private placeholderStarts?: number[];

  /**
   * The matches of `regex` (global), as `text.matchAll` finds them, for an expression that can only
   * match from a placeholder's "⟦" (`sticky` is the same expression with the y flag): tried at each
   * placeholder instead of at every character.
   */
  *matchesAtEntities(sticky: RegExp): Generator<RegExpExecArray> {
    const starts = (this.placeholderStarts ??= indicesOf(this.text, "⟦"));
    let end = 0;
    for (const at of starts) {
      if (at < end) continue; // inside the previous match
      sticky.lastIndex = at;
      const m = sticky.exec(this.text);
      if (m) {
        yield m;
        end = at + m[0].length;
      }
    }
  }

  /** Entity ids named in the masked range [from, to), in order. */
  entitiesIn(from: number, to: number): string[] {
    return [...this.text.slice(from, to).matchAll(ENT_G)].map((m) => m[1]!);
  }
}

function indicesOf(text: string, char: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) out.push(i);
  return out;
}

/** Regular-expression source for one placeholder, capturing the entity id. */
export const ENT = "⟦(e\\d+)⟧";
/** Every placeholder (for matchAll, which copies the expression, so one object serves all). */
export const ENT_G = new RegExp(ENT, "g");
/** Any quote mark, straight or curly. */
export const QUOTE = `["“”‘’'«»]`;
