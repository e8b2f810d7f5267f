import { CONLL04_RELATION_TYPES, type Conll04Entity, type Conll04Relation, type Conll04RelationType } from "./format.js";

/**
 * Relations that follow from others by how CoNLL04 annotates them, learnt from the training split:
 * a person living in "Miami , Fla." lives in both places (Live_In holds for "Fla." too in 20 of 22 training
 * cases), and an organisation's acronym in parentheses after its name ("... Workers ( CNTP )") takes the
 * name's relations. The pair classifier scores each pair on its own and often finds only one of them.
 */
export type RuleKind =
  /** The tail is a place and another place stands next to it, after a comma ("Miami , Fla."). */
  | "place-chain"
  /** The head has an alias of its type in parentheses right after or before it. */
  | "head-alias"
  /** The tail has one. */
  | "tail-alias";

export interface PropagationRule {
  type: Conll04RelationType;
  kind: RuleKind;
}

const RULE_KINDS: readonly RuleKind[] = ["place-chain", "head-alias", "tail-alias"];

/** A rule is kept when it held this often among its training cases... */
const MIN_PRECISION = 0.75;
/** ...and it had at least this many. */
const MIN_SUPPORT = 5;

interface Sentence {
  tokens: readonly string[];
  entities: readonly Conll04Entity[];
  relations: readonly Conll04Relation[];
}

const commaNeighbours = (tokens: readonly string[], a: Conll04Entity, b: Conll04Entity) =>
  (b.start === a.end + 1 && tokens[a.end] === ",") || (a.start === b.end + 1 && tokens[b.end] === ",");

const parenthesised = (tokens: readonly string[], a: Conll04Entity, b: Conll04Entity) =>
  (b.start === a.end + 1 && tokens[a.end] === "(" && tokens[b.end] === ")") ||
  (a.start === b.end + 1 && tokens[b.end] === "(" && tokens[a.end] === ")");

/** Indices of the entities a rule of `kind` moves `relation` to, with the relation it would then be. */
function derived(
  { tokens, entities }: Omit<Sentence, "relations">,
  relation: Conll04Relation,
  kind: RuleKind,
): Conll04Relation[] {
  const head = entities[relation.head]!;
  const tail = entities[relation.tail]!;
  const out: Conll04Relation[] = [];
  entities.forEach((e, k) => {
    if (k === relation.head || k === relation.tail) return;
    if (kind === "place-chain" && tail.type === "Loc" && e.type === "Loc" && commaNeighbours(tokens, tail, e)) {
      out.push({ type: relation.type, head: relation.head, tail: k });
    } else if (kind === "tail-alias" && e.type === tail.type && parenthesised(tokens, tail, e)) {
      out.push({ type: relation.type, head: relation.head, tail: k });
    } else if (kind === "head-alias" && e.type === head.type && parenthesised(tokens, head, e)) {
      out.push({ type: relation.type, head: k, tail: relation.tail });
    }
  });
  return out;
}

const same = (a: Conll04Relation, b: Conll04Relation) => a.type === b.type && a.head === b.head && a.tail === b.tail;

/** The rules that held often enough among the gold relations of `sentences`. */
export function learnRules(sentences: readonly Sentence[]): PropagationRule[] {
  const rules: PropagationRule[] = [];
  for (const type of CONLL04_RELATION_TYPES) {
    for (const kind of RULE_KINDS) {
      let cases = 0;
      let held = 0;
      for (const sentence of sentences) {
        for (const relation of sentence.relations.filter((r) => r.type === type)) {
          for (const d of derived(sentence, relation, kind)) {
            cases += 1;
            if (sentence.relations.some((r) => same(r, d))) held += 1;
          }
        }
      }
      if (cases >= MIN_SUPPORT && held / cases >= MIN_PRECISION) rules.push({ type, kind });
    }
  }
  return rules;
}

/** `relations` plus those the rules derive from them (once, not transitively); a derived one keeps its source's fields. */
export function propagate<R extends Conll04Relation>(
  sentence: Omit<Sentence, "relations">,
  relations: readonly R[],
  rules: readonly PropagationRule[],
): R[] {
  const out = [...relations];
  for (const relation of relations) {
    for (const { kind } of rules.filter((rule) => rule.type === relation.type)) {
      for (const d of derived(sentence, relation, kind)) {
        if (!out.some((r) => same(r, d))) out.push({ ...relation, head: d.head, tail: d.tail });
      }
    }
  }
  return out;
}
