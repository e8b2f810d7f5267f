import type { AnalysedDoc } from "./doc.js";

/**
 * A sentence with each resolved mention replaced by a placeholder `⟦eN⟧`, so that extraction
 * patterns are plain regular expressions over words and entities; every character keeps the
 * document offset it came from, so a match maps back to an exact source span.
 */
export class MaskedSentence {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(
    readonly doc: AnalysedDoc,
    readonly index: number,
  ) {
    const sentence = doc.sentences[index]!;
    const mentions = doc.mentionsIn(sentence.start, sentence.end).filter((m) => m.entity);
    let text = "";
    let offset = sentence.start;
    const copy = (upTo: number) => {
      for (; offset < upTo; offset++) {
        text += doc.text[offset];
        this.starts.push(offset);
        this.ends.push(offset + 1);
      }
    };
    for (const m of mentions) {
      if (m.start < offset) continue;
      copy(m.start);
      const placeholder = `⟦${m.entity}⟧`;
      text += placeholder;
      for (let i = 0; i < placeholder.length; i++) {
        this.starts.push(m.start);
        this.ends.push(m.end);
      }
      offset = m.end;
    }
    copy(sentence.end);
    this.text = text;
  }

  /** Document offsets of the masked range [from, to). */
  span(from: number, to: number): [number, number] {
    return [this.starts[from] ?? this.doc.sentences[this.index]!.start, this.ends[to - 1] ?? this.doc.sentences[this.index]!.end];
  }

  /** Entity ids named in the masked range [from, to), in order. */
  entitiesIn(from: number, to: number): string[] {
    return [...this.text.slice(from, to).matchAll(ENTITY_G)].map((m) => m[1]!);
  }
}

/** Regular-expression source for one placeholder, capturing the entity id. */
export const ENT = "⟦(e\\d+)⟧";
const ENTITY_G = /⟦(e\d+)⟧/g;
/** Any quote mark, straight or curly. */
export const QUOTE = `["“”‘’'«»]`;
