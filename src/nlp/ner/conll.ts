/**
 * CoNLL column files: one token per line (token in the first column, gold tag, if any, in the
 * last), blank lines between sentences, `-DOCSTART-` lines between documents.
 */

export const DOCSTART = "-DOCSTART-";

/** A document's worth of raw lines and, for each sentence, the indices of its token lines. */
export interface ConllBlock {
  lines: string[];
  sentences: number[][];
}

/** Whitespace-separated columns of a line (leading/trailing blanks ignored). */
export function columns(line: string): string[] {
  const trimmed = line.trim();
  return trimmed === "" ? [] : trimmed.split(/\s+/);
}

export function firstColumn(line: string): string {
  const trimmed = line.trimStart();
  const match = /^\S+/.exec(trimmed);
  return match ? match[0] : "";
}

export function lastColumn(line: string): string {
  const match = /(\S+)\s*$/.exec(line);
  return match?.[1] ?? "";
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function isDocStart(line: string): boolean {
  return firstColumn(line) === DOCSTART;
}

/**
 * Groups a stream of lines into blocks, one per document (a block starts at a `-DOCSTART-`
 * line). A document longer than `maxTokens` is cut at a sentence boundary so memory stays
 * bounded on huge input; only document-level consistency is lost at the cut.
 */
export class ConllBlocker {
  private lines: string[] = [];
  private sentences: number[][] = [];
  private sentence: number[] = [];
  private tokens = 0;

  constructor(private readonly maxTokens = 50_000) {}

  /** Adds one line (without its newline); returns a finished block when one is complete. */
  push(rawLine: string): ConllBlock | null {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    let done: ConllBlock | null = null;
    if (isDocStart(line)) {
      done = this.take();
      this.lines.push(line);
      return done;
    }
    if (isBlank(line)) {
      this.closeSentence();
      this.lines.push(line);
      if (this.tokens >= this.maxTokens) done = this.take();
      return done;
    }
    this.sentence.push(this.lines.length);
    this.lines.push(line);
    this.tokens++;
    return null;
  }

  /** The last block, if any lines are left. */
  finish(): ConllBlock | null {
    return this.take();
  }

  private closeSentence(): void {
    if (this.sentence.length > 0) this.sentences.push(this.sentence);
    this.sentence = [];
  }

  private take(): ConllBlock | null {
    this.closeSentence();
    if (this.lines.length === 0) return null;
    const block = { lines: this.lines, sentences: this.sentences };
    this.lines = [];
    this.sentences = [];
    this.tokens = 0;
    return block;
  }
}

/** Tokens of each sentence of a block (first column). */
export function blockTokens(block: ConllBlock): string[][] {
  return block.sentences.map((sentence) => sentence.map((index) => firstColumn(block.lines[index] ?? "")));
}

/** Gold tags of each sentence of a block (last column); throws when a line has only one column. */
export function blockGoldTags(block: ConllBlock, source: string): string[][] {
  return block.sentences.map((sentence) =>
    sentence.map((index) => {
      const line = block.lines[index] ?? "";
      const cells = columns(line);
      if (cells.length < 2) throw new Error(`${source}: line "${line.slice(0, 60)}" has no tag column`);
      return cells[cells.length - 1] ?? "O";
    }),
  );
}

/** The block's lines, with `tags[s][t]` appended as a last column to each token line. */
export function renderTagged(block: ConllBlock, tags: readonly (readonly string[])[]): string {
  const out = block.lines.slice();
  block.sentences.forEach((sentence, s) => {
    sentence.forEach((index, t) => {
      const line = (out[index] ?? "").replace(/\s+$/, "");
      const separator = line.includes("\t") ? "\t" : " ";
      out[index] = `${line}${separator}${tags[s]?.[t] ?? "O"}`;
    });
  });
  return out.join("\n") + "\n";
}

/** All blocks of a whole text (for files read at once, e.g. training data). */
export function parseConll(text: string): ConllBlock[] {
  const blocker = new ConllBlocker(Number.MAX_SAFE_INTEGER);
  const blocks: ConllBlock[] = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const line of lines) {
    const block = blocker.push(line);
    if (block) blocks.push(block);
  }
  const last = blocker.finish();
  if (last) blocks.push(last);
  return blocks;
}

/** A labelled document: sentences of tokens with their gold IOB2 tags. */
export interface LabelledDocument {
  tokens: string[][];
  tags: string[][];
}

export function labelledDocuments(text: string, source: string): LabelledDocument[] {
  return parseConll(text)
    .map((block) => ({ tokens: blockTokens(block), tags: blockGoldTags(block, source) }))
    .filter((doc) => doc.tokens.length > 0);
}
