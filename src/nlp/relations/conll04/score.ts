import type { Conll04Entity, Conll04Sentence } from "./format.js";

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Counts behind the figures: true positives, predicted, gold. */
  correct: number;
  predicted: number;
  gold: number;
}

export interface Conll04Scores {
  entities: PRF;
  relations: PRF;
  /** Per relation type, for error analysis. */
  byRelation: Record<string, PRF>;
}

export function prf(correct: number, predicted: number, gold: number): PRF {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, correct, predicted, gold };
}

const entityKey = (entity: Conll04Entity): string => `${entity.type}:${entity.start}:${entity.end}`;

function entityKeys(sentence: Conll04Sentence): Set<string> {
  return new Set(sentence.entities.map(entityKey));
}

/** Strict relation keys: relation type and both arguments' spans and types. */
function relationKeys(sentence: Conll04Sentence): Map<string, string> {
  const keys = new Map<string, string>();
  for (const relation of sentence.relations) {
    const head = sentence.entities[relation.head];
    const tail = sentence.entities[relation.tail];
    if (!head || !tail) continue;
    keys.set(`${relation.type}|${entityKey(head)}|${entityKey(tail)}`, relation.type);
  }
  return keys;
}

/**
 * Strict micro precision/recall/F1 (SpERT's measure): an entity counts when its type and span match;
 * a relation counts when its type and both arguments' spans and types match. Duplicates count once.
 */
export function scoreConll04(gold: Conll04Sentence[], predicted: Conll04Sentence[]): Conll04Scores {
  if (gold.length !== predicted.length) {
    throw new Error(`prediction has ${predicted.length} sentences, gold has ${gold.length}`);
  }
  const entity = { correct: 0, predicted: 0, gold: 0 };
  const relation: Record<string, { correct: number; predicted: number; gold: number }> = {};
  const counts = (type: string) => (relation[type] ??= { correct: 0, predicted: 0, gold: 0 });
  gold.forEach((goldSentence, index) => {
    const predSentence = predicted[index]!;
    if (goldSentence.tokens.join(" ") !== predSentence.tokens.join(" ")) {
      throw new Error(`sentence ${index}: tokens of prediction and gold differ`);
    }
    const goldEntities = entityKeys(goldSentence);
    const predEntities = entityKeys(predSentence);
    entity.gold += goldEntities.size;
    entity.predicted += predEntities.size;
    for (const key of predEntities) if (goldEntities.has(key)) entity.correct += 1;
    const goldRelations = relationKeys(goldSentence);
    const predRelations = relationKeys(predSentence);
    for (const type of goldRelations.values()) counts(type).gold += 1;
    for (const [key, type] of predRelations) {
      counts(type).predicted += 1;
      if (goldRelations.has(key)) counts(type).correct += 1;
    }
  });
  const total = Object.values(relation).reduce(
    (sum, c) => ({ correct: sum.correct + c.correct, predicted: sum.predicted + c.predicted, gold: sum.gold + c.gold }),
    { correct: 0, predicted: 0, gold: 0 },
  );
  const byRelation = Object.fromEntries(
    Object.entries(relation)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, c]) => [type, prf(c.correct, c.predicted, c.gold)]),
  );
  return {
    entities: prf(entity.correct, entity.predicted, entity.gold),
    relations: prf(total.correct, total.predicted, total.gold),
    byRelation,
  };
}

/** A short table for the terminal. */
export function formatScores(scores: Conll04Scores): string {
  const row = (name: string, s: PRF) =>
    `${name.padEnd(14)} P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  (${s.correct}/${s.predicted} predicted, ${s.gold} gold)`;
  return [
    row("entities", scores.entities),
    row("relations", scores.relations),
    ...Object.entries(scores.byRelation).map(([type, s]) => row(`  ${type}`, s)),
  ].join("\n");
}
