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

export interface GazetteerMatch {
  start: number;
  end: number;
  mask: number;
}

export function kindBit(kind: GazetteerKind): number {
  return 1 << GAZETTEER_KINDS.indexOf(kind);
}

export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  private readonly prefixes = new Set<string>();

  constructor(entries: Iterable<readonly [string, number]> = []) {
    for (const [phrase, mask] of entries) this.addMask(phrase, mask);
  }

  /** Adds a phrase (tokens separated by single spaces, any case) under `kind`. */
  add(phrase: string, kind: GazetteerKind): void {
    this.addMask(phrase, kindBit(kind));
  }

  private addMask(phrase: string, mask: number): void {
    const key = phrase.toLowerCase().trim().replace(/\s+/g, " ");
    if (key === "") return;
    const parts = key.split(" ");
    if (parts.length > MAX_GAZETTEER_TOKENS) return;
    this.phrases.set(key, (this.phrases.get(key) ?? 0) | mask);
    for (let i = 1; i < parts.length; i++) this.prefixes.add(parts.slice(0, i).join(" "));
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

  /**
   * Every match over `lower` (lowercased tokens) that starts at a token for which
   * `canStart(i)` holds (names start capitalised; this keeps "china" the plate out).
   */
  matches(lower: readonly string[], canStart: (index: number) => boolean): GazetteerMatch[] {
    const found: GazetteerMatch[] = [];
    for (let start = 0; start < lower.length; start++) {
      if (!canStart(start)) continue;
      let key = lower[start] ?? "";
      for (let end = start + 1; ; end++) {
        const mask = this.phrases.get(key);
        if (mask !== undefined) found.push({ start, end, mask });
        if (end >= lower.length || end - start >= MAX_GAZETTEER_TOKENS || !this.prefixes.has(key)) break;
        key = `${key} ${lower[end] ?? ""}`;
      }
    }
    return found;
  }
}
