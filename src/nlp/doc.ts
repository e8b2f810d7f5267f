import type { Claim, Document, EntityType, Event, Provenance, Relation, Timex } from "../model/index.js";
import { MaskedSentence } from "./masked.js";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence holding this token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [first, last). */
  first: number;
  last: number;
}

/** A mention of an entity: a token range of the document, with the in-document entity it refers to. */
export interface MentionSpan {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  type: EntityType;
  subtype?: string;
  /** How it was found: gazetteer, rule, ner, acronym, anaphora, ... */
  source: string;
  /** A definite description or pronoun ("the group", "they"): resolved in the document only, never a name. */
  anaphoric?: boolean;
  /** A demonym standing for its country ("Pakistani scholars"): a mention, never the actor's name. */
  demonym?: boolean;
  /** Gazetteer key and canonical name, when a list knows the actor. */
  key?: string;
  name?: string;
  /** In-document entity id, set by resolution. */
  entity?: string;
}

/** An in-document entity: mentions that refer to one actor. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  subtype?: string;
  /** A stable key shared across documents when a gazetteer knows the actor (e.g. "country:PAK"). */
  key?: string;
  aliases: Set<string>;
  mentions: MentionSpan[];
}

/**
 * The analysed document, after spaCy's Doc: it owns the text, and every annotation is an offset
 * view into it, so provenance of any item is its span.
 */
export class AnalysedDoc {
  tokens: Token[] = [];
  sentences: Sentence[] = [];
  mentions: MentionSpan[] = [];
  entities: Entity[] = [];
  timexes: Timex[] = [];
  relations: Relation[] = [];
  events: Event[] = [];
  claims: Claim[] = [];

  constructor(readonly document: Document) {}

  get text(): string {
    return this.document.text;
  }

  provenance(start: number, end: number): Provenance {
    return { document: this.document.id, start, end, text: this.text.slice(start, end), sentence: this.sentenceAt(start) };
  }

  /** Index of the sentence holding `offset`. */
  sentenceAt(offset: number): number {
    return Math.max(0, firstStartingFrom(this.sentences, offset + 1) - 1);
  }

  private entityIndex?: { entities: Entity[]; byId: Map<string, Entity> };

  entity(id: string | undefined): Entity | undefined {
    if (id === undefined) return undefined;
    if (this.entityIndex?.entities !== this.entities) this.entityIndex = { entities: this.entities, byId: new Map(this.entities.map((e) => [e.id, e])) };
    return this.entityIndex.byId.get(id);
  }

  private maskedIndex?: { mentions: MentionSpan[]; sentences: MaskedSentence[] };

  /**
   * Sentence `index` with its resolved mentions masked, built once for the claim, relation and
   * event components; built anew when the mentions are replaced (resolution sets them first).
   */
  masked(index: number): MaskedSentence {
    if (this.maskedIndex?.mentions !== this.mentions) this.maskedIndex = { mentions: this.mentions, sentences: [] };
    return (this.maskedIndex.sentences[index] ??= new MaskedSentence(this, index));
  }

  private mentionIndex?: { mentions: MentionSpan[]; length: number; byStart: Map<number, MentionSpan>; byLast: Map<number, MentionSpan[]>; held: Uint8Array };

  /**
   * Mentions by where they start and end and the tokens they hold, built once for the relation
   * patterns' questions about a token; built anew when the mentions are replaced or added to.
   */
  private mentionLookup(): NonNullable<AnalysedDoc["mentionIndex"]> {
    const index = this.mentionIndex;
    if (index?.mentions === this.mentions && index.length === this.mentions.length) return index;
    const byStart = new Map<number, MentionSpan>();
    const byLast = new Map<number, MentionSpan[]>();
    const held = new Uint8Array(this.tokens.length);
    for (const m of this.mentions) {
      if (!byStart.has(m.start)) byStart.set(m.start, m);
      const ending = byLast.get(m.last);
      if (ending) ending.push(m);
      else byLast.set(m.last, [m]);
      held.fill(1, m.first, m.last);
    }
    return (this.mentionIndex = { mentions: this.mentions, length: this.mentions.length, byStart, byLast, held });
  }

  /** The first mention (in `mentions` order) starting at character `offset`. */
  mentionStartingAt(offset: number): MentionSpan | undefined {
    return this.mentionLookup().byStart.get(offset);
  }

  /** The mentions whose last token is the one before token `index`, in `mentions` order. */
  mentionsEndingBefore(index: number): readonly MentionSpan[] {
    return this.mentionLookup().byLast.get(index) ?? [];
  }

  /** Whether any mention holds token `index`. */
  inMention(index: number): boolean {
    return this.mentionLookup().held[index] === 1;
  }

  /** Mentions whose span lies within [start, end), in text order (mentions are kept sorted by start). */
  mentionsIn(start: number, end: number): MentionSpan[] {
    const lo = firstStartingFrom(this.mentions, start);
    const out: MentionSpan[] = [];
    for (let i = lo; i < this.mentions.length && this.mentions[i]!.start < end; i++) if (this.mentions[i]!.end <= end) out.push(this.mentions[i]!);
    return out;
  }
}

/** Binary search over items sorted by `start`: the index of the first one starting at or after `offset`. */
export function firstStartingFrom(items: readonly { start: number }[], offset: number): number {
  return partitionPoint(items, (item) => item.start < offset);
}

/** Binary search: the index of the first item for which `before` is false, the items being all `before` ones first. */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A named pipeline component adds one kind of annotation to the document. */
export interface Component {
  name: string;
  run(doc: AnalysedDoc): void;
}
