/**
 * Entity-level scoring with conlleval's counting: an entity counts as correct only when the
 * guessed and gold chunks start and end on the same tokens with the same type. Chunk starts and
 * ends follow conlleval.pl (an I- after O or after another type starts a chunk).
 */

interface Counts {
  correct: number;
  guessed: number;
  gold: number;
}

export interface ConllScore {
  tokens: number;
  correctTags: number;
  overall: Counts;
  byType: Map<string, Counts>;
}

function split(tag: string): [string, string] {
  const dash = tag.indexOf("-");
  return dash < 0 ? [tag, ""] : [tag.slice(0, dash), tag.slice(dash + 1)];
}

function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (prevTag === "E" || prevTag === "S" || prevTag === "L" || prevTag === "U") return true;
  if ((prevTag === "B" || prevTag === "I") && (tag === "B" || tag === "O" || tag === "S" || tag === "U")) return true;
  return prevTag !== "O" && prevTag !== "." && prevType !== type;
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  if (tag === "B" || tag === "S" || tag === "U") return true;
  if ((prevTag === "O" || prevTag === "E" || prevTag === "S" || prevTag === "L" || prevTag === "U") && (tag === "I" || tag === "E" || tag === "L")) return true;
  return tag !== "O" && tag !== "." && prevType !== type;
}

/** Accumulates conlleval counts over sentences of (gold, guessed) tags. */
export class ConllEvaluator {
  private readonly score: ConllScore = {
    tokens: 0,
    correctTags: 0,
    overall: { correct: 0, guessed: 0, gold: 0 },
    byType: new Map(),
  };

  private counts(type: string): Counts {
    let counts = this.score.byType.get(type);
    if (!counts) {
      counts = { correct: 0, guessed: 0, gold: 0 };
      this.score.byType.set(type, counts);
    }
    return counts;
  }

  /** Adds one sentence; sentence boundaries close every open chunk, as in conlleval. */
  addSentence(gold: readonly string[], guessed: readonly string[]): void {
    if (gold.length !== guessed.length) throw new Error(`gold has ${gold.length} tags, guess has ${guessed.length}`);
    let lastGold = "O";
    let lastGoldType = "";
    let lastGuess = "O";
    let lastGuessType = "";
    let inCorrect = false;
    for (let i = 0; i <= gold.length; i++) {
      const boundary = i === gold.length;
      const [goldTag, goldType] = boundary ? ["O", ""] : split(gold[i] ?? "O");
      const [guessTag, guessType] = boundary ? ["O", ""] : split(guessed[i] ?? "O");
      const goldEnds = endOfChunk(lastGold, goldTag, lastGoldType, goldType);
      const guessEnds = endOfChunk(lastGuess, guessTag, lastGuessType, guessType);
      if (inCorrect) {
        if (goldEnds && guessEnds && lastGuessType === lastGoldType) {
          inCorrect = false;
          this.score.overall.correct++;
          this.counts(lastGoldType).correct++;
        } else if (goldEnds !== guessEnds || guessType !== goldType) {
          inCorrect = false;
        }
      }
      const goldStarts = startOfChunk(lastGold, goldTag, lastGoldType, goldType);
      const guessStarts = startOfChunk(lastGuess, guessTag, lastGuessType, guessType);
      if (goldStarts && guessStarts && guessType === goldType) inCorrect = true;
      if (goldStarts) {
        this.score.overall.gold++;
        this.counts(goldType).gold++;
      }
      if (guessStarts) {
        this.score.overall.guessed++;
        this.counts(guessType).guessed++;
      }
      if (!boundary) {
        this.score.tokens++;
        if (goldTag === guessTag && goldType === guessType) this.score.correctTags++;
      }
      lastGold = goldTag;
      lastGoldType = goldType;
      lastGuess = guessTag;
      lastGuessType = guessType;
    }
  }

  result(): ConllScore {
    return this.score;
  }
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 in percent (0 when undefined, as conlleval prints). */
export function prf(counts: Counts): Prf {
  const precision = counts.guessed > 0 ? (100 * counts.correct) / counts.guessed : 0;
  const recall = counts.gold > 0 ? (100 * counts.correct) / counts.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

const pct = (value: number): string => value.toFixed(2).padStart(6);

/** The report in conlleval's layout (overall line, then one line per type). */
export function formatReport(score: ConllScore): string {
  const { overall } = score;
  const total = prf(overall);
  const accuracy = score.tokens > 0 ? (100 * score.correctTags) / score.tokens : 0;
  const lines = [
    `processed ${score.tokens} tokens with ${overall.gold} phrases; found: ${overall.guessed} phrases; correct: ${overall.correct}.`,
    `accuracy: ${pct(accuracy)}%; precision: ${pct(total.precision)}%; recall: ${pct(total.recall)}%; FB1: ${pct(total.f1)}`,
  ];
  for (const type of [...score.byType.keys()].filter((type) => type !== "").sort()) {
    const counts = score.byType.get(type);
    if (!counts) continue;
    const typed = prf(counts);
    lines.push(
      `${type.padStart(17)}: precision: ${pct(typed.precision)}%; recall: ${pct(typed.recall)}%; FB1: ${pct(typed.f1)}  ${counts.guessed}`,
    );
  }
  return lines.join("\n") + "\n";
}
