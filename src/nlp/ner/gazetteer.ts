/**
 * Name lists matched over token sequences, case-insensitively. Each phrase carries a bit mask of
 * list kinds (country, first name, organisation, ...); the tagger sees "this token is inside a
 * match of kind K at position B/I/L/U" as features, never a decision.
 */

export const GAZETTEER_KINDS = [
  "country",
  "place",
  "city",
  "region",
  "person",
  "first_name",
  "last_name",
  "organisation",
  "international",
  "armed_group",
  "sports_team",
  "demonym",
  "agent",
  "honorific",
] as const;
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number];

export const MAX_GAZETTEER_TOKENS = 6;

export function kindBit(kind: GazetteerKind): number {
  return 1 << GAZETTEER_KINDS.indexOf(kind);
}

/** A node of the gazetteer's word trie: the phrase ending here (mask 0: none) and its continuations. */
export interface GazetteerNode {
  mask: number;
  next: Map<string, GazetteerNode> | null;
}

export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  /** Phrases as a trie over lower-case words, so matching follows words instead of building strings. */
  private readonly root = new Map<string, GazetteerNode>();

  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [phrase, mask] of entries) this.addMask(phrase, mask);
  }

  /** Adds a phrase (tokens separated by single spaces, any case) under `kind`. */
  add(phrase: string, kind: GazetteerKind): void {
    this.addMask(phrase, kindBit(kind));
  }

  /** A gazetteer from `entries()` of another: phrases already normalised, so none is rewritten (model loading). */
  static fromNormalised(entries: Iterable<readonly [string, number]>): Gazetteer {
    const gazetteer = new Gazetteer();
    for (const [key, mask] of entries) gazetteer.insert(key, mask);
    return gazetteer;
  }

  private addMask(phrase: string, mask: number): void {
    const key = phrase.toLowerCase().trim().replace(/\s+/g, " ");
    if (key !== "") this.insert(key, mask);
  }

  /** Adds a normalised phrase (lower case, single spaces, not empty). */
  private insert(key: string, mask: number): void {
    const parts = key.indexOf(" ") < 0 ? [key] : key.split(" ");
    if (parts.length > MAX_GAZETTEER_TOKENS) return;
    this.phrases.set(key, (this.phrases.get(key) ?? 0) | mask);
    let level = this.root;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      let node = level.get(part);
      if (!node) {
        node = { mask: 0, next: null };
        level.set(part, node);
      }
      if (k === parts.length - 1) node.mask |= mask;
      else level = node.next ??= new Map();
    }
  }

  get size(): number {
    return this.phrases.size;
  }

  mask(phrase: string): number {
    return this.phrases.get(phrase.toLowerCase()) ?? 0;
  }

  entries(): [string, number][] {
    return [...this.phrases.entries()];
  }

  /** The trie node of phrases starting with the lower-case word `lower` (cache it per word). */
  first(lower: string): GazetteerNode | null {
    return this.root.get(lower) ?? null;
  }
}
