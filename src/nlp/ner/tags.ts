/** NER tag sets: the model decodes BILOU internally; the outside world speaks IOB2. */

export const ENTITY_LABELS = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerLabel = (typeof ENTITY_LABELS)[number];

export interface EntitySpan {
  /** First token index. */
  start: number;
  /** Token index after the last token (exclusive). */
  end: number;
  label: NerLabel;
}

const POSITIONS = ["B", "I", "L", "U"] as const;

/** BILOU tag list: index 0 is O, then B/I/L/U for each label. */
export const BILOU_TAGS: readonly string[] = [
  "O",
  ...ENTITY_LABELS.flatMap((label) => POSITIONS.map((position) => `${position}-${label}`)),
];
export const TAG_COUNT = BILOU_TAGS.length;

export function tagIndex(labelIndex: number, position: 0 | 1 | 2 | 3): number {
  return 1 + labelIndex * 4 + position;
}

/** Position (0 B, 1 I, 2 L, 3 U) of a non-O BILOU tag index. */
export function tagPosition(tag: number): number {
  return (tag - 1) & 3;
}

export function tagLabel(tag: number): number {
  return (tag - 1) >> 2;
}

/**
 * Whether BILOU tag `next` may follow `prev`; prev -1 is the sentence start, next -1 the end.
 * Inside an entity (B, I) only I or L of the same label may follow.
 */
export function allowedTransition(prev: number, next: number): boolean {
  const prevOpen = prev > 0 && (tagPosition(prev) === 0 || tagPosition(prev) === 1);
  if (next === -1) return !prevOpen;
  if (next === 0) return !prevOpen;
  const position = tagPosition(next);
  const continues = position === 1 || position === 2;
  if (prevOpen) return continues && tagLabel(prev) === tagLabel(next);
  return !continues;
}

/**
 * Entity spans of an IOB2 (or IOB1) tag sequence, chunked the way conlleval does:
 * an I- tag after O or after another label starts a new entity.
 */
export function spansFromIob(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? "O";
    const dash = tag.indexOf("-");
    const prefix = dash < 0 ? tag : tag.slice(0, dash);
    const label = dash < 0 ? "" : tag.slice(dash + 1);
    const continues = open !== null && prefix === "I" && open.label === label;
    if (open && !continues) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (prefix !== "O" && !continues && isNerLabel(label)) open = { start: i, end: i + 1, label };
  }
  if (open) {
    open.end = tags.length;
    spans.push(open);
  }
  return spans;
}

export function isNerLabel(value: string): value is NerLabel {
  return (ENTITY_LABELS as readonly string[]).includes(value);
}

/** IOB2 tags of spans over `length` tokens. */
export function iobFromSpans(spans: readonly EntitySpan[], length: number): string[] {
  const tags = new Array<string>(length).fill("O");
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) tags[i] = `${i === span.start ? "B" : "I"}-${span.label}`;
  }
  return tags;
}

/** BILOU tag indices of spans over `length` tokens. */
export function bilouFromSpans(spans: readonly EntitySpan[], length: number): Uint8Array {
  const tags = new Uint8Array(length);
  for (const span of spans) {
    const label = ENTITY_LABELS.indexOf(span.label);
    if (span.end - span.start === 1) {
      tags[span.start] = tagIndex(label, 3);
      continue;
    }
    for (let i = span.start; i < span.end; i++) {
      tags[i] = tagIndex(label, i === span.start ? 0 : i === span.end - 1 ? 2 : 1);
    }
  }
  return tags;
}

/**
 * Spans of a well-formed BILOU index sequence (as produced by the constrained decoder), or of
 * its part tags[from, to) with token indices counted from `from`.
 */
export function spansFromBilou(tags: ArrayLike<number>, from = 0, to = tags.length): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let start = -1;
  for (let i = 0; i < to - from; i++) {
    const tag = tags[from + i] ?? 0;
    if (tag === 0) {
      start = -1;
      continue;
    }
    const position = tagPosition(tag);
    const label = ENTITY_LABELS[tagLabel(tag)] ?? "MISC";
    if (position === 3) spans.push({ start: i, end: i + 1, label });
    else if (position === 0) start = i;
    else if (position === 2 && start >= 0) {
      spans.push({ start, end: i + 1, label });
      start = -1;
    }
  }
  return spans;
}
