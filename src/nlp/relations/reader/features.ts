/**
 * What the relation reader sees of a sentence: every pair of mentions of two different resolved
 * actors within a window, described by the words between and around them, the actors' kinds and
 * the GloVe clusters of the words between, so that a verb never seen in training still fires the
 * weights of the verbs of its cluster ("bankrolled" with "funded").
 */
import { CLUSTER_LEVELS, type WordClusters } from "../../ner/clusters.js";
import { gloveClusters } from "../../ner/glove-clusters.js";
import type { AnalysedDoc, MentionSpan } from "../../doc.js";

/** Tokens between two mentions beyond which no pair is read: relations in these reports sit within a clause or two. */
export const MAX_GAP = 30;

/** Two mentions of different actors in one sentence, `left` before `right`, and what the reader sees of them. */
export interface Pair {
  sentence: number;
  left: MentionSpan;
  right: MentionSpan;
  /** The two actors' types, left first ("PER|ORG"): which readings can hold at all. */
  types: string;
  features: string[];
}

const NEGATION = new Set(["not", "never", "no", "n't", "nor", "neither", "denied", "denies", "deny", "rejected", "rejects"]);
const SPEECH = new Set(["said", "says", "say", "claimed", "claims", "told", "stated", "according", "added", "insisted", "alleged", "accused", "warned", "vowed"]);
const QUOTES = /^["“”‘’'«»]$/;

/** A crude stem: the word without its commonest inflection, so "backs", "backed" and "backing" share a feature. */
export function stem(word: string): string {
  const m = /^(.{3,}?)(?:ing|ed|es|s)$/.exec(word);
  return m ? m[1]! : word;
}

function bucket(gap: number): string {
  return gap <= 2 ? String(gap) : gap <= 4 ? "3-4" : gap <= 7 ? "5-7" : gap <= 12 ? "8-12" : gap <= 20 ? "13-20" : "21+";
}

/** An actor's kind as the features name it: type and subtype ("ORG.armed_group"). */
function kindOf(doc: AnalysedDoc, mention: MentionSpan): { type: string; kind: string } {
  const entity = doc.entity(mention.entity)!;
  return { type: entity.type, kind: `${entity.type}.${entity.subtype ?? "-"}` };
}

export class PairReader {
  constructor(private readonly clusters: WordClusters = gloveClusters()) {}

  /**
   * The pairs of sentence `index`: for each two actors it names, the nearest two of their mentions
   * (a name repeated further off adds noise, not evidence), at most MAX_GAP tokens apart; of these,
   * those `keep` keeps (features are only worked out for them).
   */
  pairs(doc: AnalysedDoc, index: number, keep: (left: MentionSpan, right: MentionSpan) => boolean = () => true): Pair[] {
    const sentence = doc.sentences[index]!;
    // Mentions as the masked sentence keeps them: resolved, none inside another.
    const mentions: MentionSpan[] = [];
    for (const m of doc.mentionsIn(sentence.start, sentence.end)) {
      if (m.entity && doc.entity(m.entity) && (mentions.length === 0 || m.start >= mentions[mentions.length - 1]!.end)) mentions.push(m);
    }
    const nearest = new Map<string, [MentionSpan, MentionSpan]>();
    for (let i = 0; i < mentions.length; i++) {
      for (let j = i + 1; j < mentions.length; j++) {
        const [a, b] = [mentions[i]!, mentions[j]!];
        const gap = b.first - a.last;
        if (a.entity === b.entity || gap > MAX_GAP) continue;
        const key = [a.entity, b.entity].sort().join(" ");
        const known = nearest.get(key);
        if (!known || gap < known[1].first - known[0].last) nearest.set(key, [a, b]);
      }
    }
    const kept = [...nearest.values()].filter(([left, right]) => keep(left, right));
    if (kept.length === 0) return [];
    // The mention holding each token of the sentence, if any.
    const held: (MentionSpan | undefined)[] = [];
    for (const m of mentions) for (let k = m.first; k < m.last; k++) held[k - sentence.first] = m;
    return kept.map(([left, right]) => ({
      sentence: index,
      left,
      right,
      types: `${doc.entity(left.entity)!.type}|${doc.entity(right.entity)!.type}`,
      features: this.features(doc, index, left, right, (k) => held[k - sentence.first]),
    }));
  }

  private features(doc: AnalysedDoc, index: number, left: MentionSpan, right: MentionSpan, heldAt: (token: number) => MentionSpan | undefined): string[] {
    const sentence = doc.sentences[index]!;
    const l = kindOf(doc, left);
    const r = kindOf(doc, right);
    const types = `${l.type}|${r.type}`;
    const f: string[] = ["bias", `tL=${l.kind}`, `tR=${r.kind}`, `tLR=${l.kind}|${r.kind}`, `tt=${types}`];
    const gap = right.first - left.last;
    f.push(`d=${bucket(gap)}`, `tt|d=${types}|${bucket(gap)}`);
    if (left.anaphoric) f.push(`anaL=${left.text.toLowerCase()}`);
    if (right.anaphoric) f.push(`anaR=${right.text.toLowerCase()}`);
    // A token is a word, or the type of the mention that holds it.
    const word = (k: number): string => {
      const held = heldAt(k);
      return held ? `<${doc.entity(held.entity)!.type}>` : doc.tokens[k]!.text.toLowerCase();
    };
    const between: string[] = [];
    for (let k = left.last; k < right.first; k = heldAt(k)?.last ?? k + 1) between.push(word(k));
    if (between.length === 0) f.push("adjacent");
    // Another actor named between the two: the relation, if any, is more often with that one.
    const others = between.filter((w) => w.startsWith("<")).length;
    f.push(`mb=${Math.min(others, 2)}`, `tt|mb=${types}|${Math.min(others, 2)}`);
    const close = between.length <= 6;
    for (const [i, w] of between.entries()) {
      f.push(`w=${w}`);
      if (close) f.push(`tt|w=${types}|${w}`);
      if (w.startsWith("<")) continue;
      const s = stem(w);
      if (s !== w) f.push(`s=${s}`);
      const ids = this.clusters.idsOf(w);
      if (ids) {
        // The fine and middle levels: the coarse one lumps too many verbs together to tell relations apart.
        for (let level = 0; level < CLUSTER_LEVELS - 1; level++) f.push(`c${level}=${ids[level]}`);
        if (close) f.push(`tt|c1=${types}|${ids[1]}`);
      }
      if (i < between.length - 1) f.push(`ww=${w}_${between[i + 1]}`);
      if (NEGATION.has(w)) f.push("neg");
      if (SPEECH.has(w)) f.push("speech");
      if (QUOTES.test(w)) f.push("quote");
    }
    if (between.length > 0) f.push(`w1=${between[0]}`, `wN=${between[between.length - 1]}`);
    if (between.length > 0 && between.length <= 4) f.push(`all=${between.join("_")}`);
    for (const offset of [1, 2]) {
      const before = left.first - offset;
      const after = right.last - 1 + offset;
      f.push(`p${offset}=${before >= sentence.first ? word(before) : "<s>"}`);
      f.push(`n${offset}=${after < sentence.last ? word(after) : "</s>"}`);
    }
    return f;
  }
}
