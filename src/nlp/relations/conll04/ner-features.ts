import { loadTagger, type NerTagger } from "../../ner/index.js";
import { norm } from "./tokens.js";

/**
 * What the project's CoNLL-2003 recogniser (src/nlp/ner, trained on 14,000 Reuters sentences) knows about a
 * sentence, as token features for the CoNLL04 tagger and the relation classifier: its BILOU labels
 * (PER, ORG, LOC, MISC) and the word clusters it learnt from unlabelled news. CoNLL04's 922 training
 * sentences are too few to learn what an organisation name looks like; CoNLL-2003's are not.
 */
export class NerFeatures {
  constructor(private readonly tagger: NerTagger = loadTagger()) {}

  /** Cluster ids of a word, trying its exact form, then lower case, then title case (as the recogniser does). */
  cluster(word: string): string[] | undefined {
    return this.tagger.model.resources.clusters?.idsOf(word);
  }

  /** The recogniser's BILOU label of every token ("O", "B-ORG", "U-PER", ...). */
  labels(tokens: readonly string[]): string[] {
    const labels = tokens.map(() => "O");
    for (const { start, end, label } of this.tagger.entitySpans(tokens)) {
      if (end - start === 1) labels[start] = `U-${label}`;
      else {
        labels[start] = `B-${label}`;
        for (let i = start + 1; i < end - 1; i++) labels[i] = `I-${label}`;
        labels[end - 1] = `L-${label}`;
      }
    }
    return labels;
  }

  /** Per token: its recogniser label with its neighbours', and its clusters with its neighbours' coarse ones. */
  annotate(tokens: readonly string[]): string[][] {
    const labels = this.labels(tokens);
    const clusters = tokens.map((token) => this.cluster(token));
    const at = <T>(array: readonly T[], i: number, outside: T) => (i < 0 || i >= array.length ? outside : array[i]!);
    return tokens.map((token, i) => {
      const label = labels[i]!;
      const features = [
        `ner=${label}`,
        `ner-1=${at(labels, i - 1, "<s>")}`,
        `ner+1=${at(labels, i + 1, "</s>")}`,
        `ner-1,0,+1=${at(labels, i - 1, "<s>")},${label},${at(labels, i + 1, "</s>")}`,
        `ner,lw=${label},${norm(token)}`,
      ];
      const own = clusters[i];
      if (own) own.forEach((id, level) => features.push(`c${level}=${id}`));
      else features.push("c=none");
      features.push(`c-1=${at(clusters, i - 1, undefined)?.at(-1) ?? "-"}`, `c+1=${at(clusters, i + 1, undefined)?.at(-1) ?? "-"}`);
      return features;
    });
  }
}
