/**
 * The rules' patterns join words with single spaces. Wire copy wraps lines mid-phrase ("first\nquarter of\n1987"),
 * pads with runs of spaces ("March  3"), tabs or non-breaking spaces. A `SpacedText` is the text with every such
 * run written as one space, and maps its offsets back to the original, so spans found in it point at the original words.
 * A paragraph break (a run holding two line breaks) still ends a sentence, and no pattern crosses it: it is kept, as
 * "\n\n" where its breaks are not both "\n" (the sentence splitter's blank line).
 */

/** A run of whitespace other than one plain space; the first alternative takes whole runs, the second lone tabs, breaks, NBSPs. */
const RUN = /\s{2,}|[^\S ]/g;
/** Line breaks: \r\n counts once. */
const BREAK = /\r\n?|[\n\u2028\u2029]/g;
const BLANK_LINE = /\n\s*\n/;

export interface SpacedText {
  /** The text the rules read. */
  text: string;
  /** The original offset of an offset in `text` (one inside a rewritten paragraph break maps to the break's end). */
  toOriginal(offset: number): number;
}

/** A rewritten run: `length` characters from `from` in the spaced text stand for the original's whitespace up to `originEnd`. */
interface Run {
  from: number;
  length: number;
  originEnd: number;
}

/** What a run becomes: undefined to keep it as it is. */
function replacement(run: string): string | undefined {
  if ((run.match(BREAK)?.length ?? 0) < 2) return " ";
  return BLANK_LINE.test(run) ? undefined : "\n\n";
}

export function spaced(original: string): SpacedText {
  const runs: Run[] = [];
  let text = "";
  let copied = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(original); m; m = RUN.exec(original)) {
    const written = replacement(m[0]);
    if (written === undefined) continue;
    text += original.slice(copied, m.index);
    runs.push({ from: text.length, length: written.length, originEnd: m.index + m[0].length });
    text += written;
    copied = m.index + m[0].length;
  }
  if (runs.length === 0) return { text: original, toOriginal: (offset) => offset };
  text += original.slice(copied);
  return {
    text,
    toOriginal(offset) {
      // The last run starting before `offset`, by binary search; an offset just before a run is where the original's run starts.
      let lo = 0;
      let hi = runs.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid]!.from < offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0) return offset;
      const run = runs[found]!;
      return run.originEnd + Math.max(0, offset - run.from - run.length);
    },
  };
}
