/**
 * Figures a report gives for a happening ("killed 18 soldiers", "almost 150 dead", "30 injured").
 * Sources often disagree; each source's figures are kept as that source gave them, never averaged.
 */
export const FIGURE_KINDS = ["killed", "wounded", "arrested", "missing", "displaced", "casualties"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface Figure {
  kind: FigureKind;
  value: number;
  /** "at least", "almost", "more than"... as written; absent for a plain number. */
  qualifier?: string;
  /** The words the figure was read from. */
  text: string;
  start: number;
  end: number;
}

const KIND_WORDS: [FigureKind, RegExp][] = [
  ["killed", /^(killed|dead|died|deaths?|killing|slain|lives)$/i],
  ["wounded", /^(wounded|injured|injuring|wounding|hurt)$/i],
  ["arrested", /^(arrested|detained|captured|held)$/i],
  ["missing", /^(missing)$/i],
  ["displaced", /^(displaced|homeless|evacuated)$/i],
  ["casualties", /^(casualties)$/i],
];

const KIND_ALTERNATION = "killed|dead|died|deaths|slain|wounded|injured|hurt|arrested|detained|captured|missing|displaced|homeless|evacuated|casualties";

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:thousand|million))?|(?:${Object.keys(SMALL).join("|")})(?:[\s-](?:${Object.keys(SMALL).join("|")}))?`;
const QUALIFIER = String.raw`at least|almost|nearly|about|around|some|more than|over|up to|an estimated`;
const NOUNS = String.raw`(?:(?:[a-z]+\s){0,2}(?:people|persons|civilians|soldiers|troops|policemen|police|militants|guerrillas|rebels|workers|miners|passengers|children|men|women|others|villagers|members|Iranians|Iraqis|Libyans|sailors|crewmen))?`;

/** "18 soldiers were killed", "killing 22", "almost 150 dead", "3,000 Iraqi casualties". */
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?<q>${QUALIFIER})?\s*(?<n>${NUMBER})\s+${NOUNS}\s*(?:(?:were|was|have been|had been|are|reported|been)\s+)*(?:[a-z]+\s)?(?<k>${KIND_ALTERNATION})\b`, "gi"),
  new RegExp(String.raw`\b(?<k>killed|killing|wounded|wounding|injuring|injured|arrested|detained)\s+(?<q>${QUALIFIER})?\s*(?<n>${NUMBER})\b`, "gi"),
  new RegExp(String.raw`\b(?:death toll|toll)\s+(?:\w+\s+){0,3}(?:to|of|at)\s+(?<q>${QUALIFIER})?\s*(?<n>${NUMBER})\b`, "gi"),
];

export function parseNumber(text: string): number | undefined {
  const clean = text.toLowerCase().replace(/,/g, "").trim();
  const scaled = /^(\d+(?:\.\d+)?)\s+(thousand|million)$/.exec(clean);
  if (scaled) return Math.round(+scaled[1] * (scaled[2] === "thousand" ? 1_000 : 1_000_000));
  if (/^\d+(\.\d+)?$/.test(clean)) return Math.round(+clean);
  const parts = clean.split(/[\s-]+/).map((word) => SMALL[word]);
  if (parts.some((n) => n === undefined)) return undefined;
  return (parts as number[]).reduce((sum, n) => (n === 100 ? Math.max(sum, 1) * 100 : sum + n), 0);
}

function kindOf(word: string | undefined): FigureKind | undefined {
  if (!word) return "killed";
  return KIND_WORDS.find(([, pattern]) => pattern.test(word))?.[0];
}

/** Every figure in `text`; `offset` is added to the spans (the text's start in its document). */
export function extractFigures(text: string, offset = 0): Figure[] {
  const found: Figure[] = [];
  PATTERNS.forEach((pattern, i) => {
    for (const match of text.matchAll(pattern)) {
      const groups = match.groups ?? {};
      const kind = i === 2 ? "killed" : kindOf(groups.k);
      const value = groups.n ? parseNumber(groups.n) : undefined;
      if (!kind || value === undefined) continue;
      // A year is no casualty figure ("in 1987 killed" is rare, "1987" as a count rarer still).
      if (/^(1[89]|20)\d\d$/.test(groups.n ?? "")) continue;
      const start = offset + (match.index ?? 0);
      const end = start + match[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ kind, value, ...(groups.q ? { qualifier: groups.q.toLowerCase() } : {}), text: match[0].trim(), start, end });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

/** The sentence holding a span: from the end of the previous sentence to the end of this one. */
export function sentenceAround(text: string, start: number, end: number): { text: string; start: number } {
  const before = text.slice(0, start);
  const boundary = /[.!?]["”’]?\s+(?=["“‘]?[A-Z0-9])|\n\s*\n/g;
  let from = 0;
  for (const match of before.matchAll(boundary)) from = match.index! + match[0].length;
  boundary.lastIndex = end;
  const next = boundary.exec(text);
  const to = next ? next.index + 1 : text.length;
  return { text: text.slice(from, to), start: from };
}
