/**
 * The CoNLL04 JSON format as SpERT distributes it: an array of sentences, each with `tokens`,
 * `entities` (token spans, end exclusive) and `relations` (indices into `entities`).
 * Other fields (`orig_id`, ...) are kept untouched so a prediction file mirrors its input.
 */

export const CONLL04_ENTITY_TYPES = ["Loc", "Org", "Peop", "Other"] as const;
export type Conll04EntityType = (typeof CONLL04_ENTITY_TYPES)[number];

export const CONLL04_RELATION_TYPES = ["Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"] as const;
export type Conll04RelationType = (typeof CONLL04_RELATION_TYPES)[number];

export interface Conll04Entity {
  type: Conll04EntityType;
  start: number;
  end: number;
}

export interface Conll04Relation {
  type: Conll04RelationType;
  head: number;
  tail: number;
}

export interface Conll04Sentence {
  tokens: string[];
  entities: Conll04Entity[];
  relations: Conll04Relation[];
  [field: string]: unknown;
}

/** The argument types each relation takes: (head, tail). Every CoNLL04 relation has exactly one signature. */
export const RELATION_SIGNATURES: Record<Conll04RelationType, readonly [Conll04EntityType, Conll04EntityType]> = {
  Work_For: ["Peop", "Org"],
  Kill: ["Peop", "Peop"],
  OrgBased_In: ["Org", "Loc"],
  Live_In: ["Peop", "Loc"],
  Located_In: ["Loc", "Loc"],
};

/** The relation a (head type, tail type) pair can hold, if any. */
export function relationFor(head: Conll04EntityType, tail: Conll04EntityType): Conll04RelationType | undefined {
  return CONLL04_RELATION_TYPES.find((type) => {
    const [h, t] = RELATION_SIGNATURES[type];
    return h === head && t === tail;
  });
}

function fail(file: string, place: string, reason: string): never {
  throw new Error(`${file}:${place}: ${reason}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseEntity(value: unknown, length: number, file: string, place: string): Conll04Entity {
  if (!isObject(value)) fail(file, place, "entity is not an object");
  const { type, start, end } = value;
  if (typeof type !== "string" || !(CONLL04_ENTITY_TYPES as readonly string[]).includes(type)) {
    fail(file, place, `unknown entity type ${JSON.stringify(type)}`);
  }
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail(file, place, "entity start/end must be integers");
  const s = start as number;
  const e = end as number;
  if (s < 0 || e <= s || e > length) fail(file, place, `entity span [${s}, ${e}) outside the ${length} tokens`);
  return { ...value, type: type as Conll04EntityType, start: s, end: e };
}

function parseRelation(value: unknown, entities: number, file: string, place: string): Conll04Relation {
  if (!isObject(value)) fail(file, place, "relation is not an object");
  const { type, head, tail } = value;
  if (typeof type !== "string" || !(CONLL04_RELATION_TYPES as readonly string[]).includes(type)) {
    fail(file, place, `unknown relation type ${JSON.stringify(type)}`);
  }
  for (const [name, index] of [["head", head], ["tail", tail]] as const) {
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= entities) {
      fail(file, place, `relation ${name} ${JSON.stringify(index)} is not an entity index`);
    }
  }
  return { ...value, type: type as Conll04RelationType, head: head as number, tail: tail as number };
}

/**
 * Parses and validates a CoNLL04 JSON text. `entities` and `relations` may be missing
 * (input for extraction needs only tokens); errors name the file and the sentence.
 */
export function parseConll04(text: string, file: string): Conll04Sentence[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(file, "1", `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(data)) fail(file, "1", "expected a JSON array of sentences");
  return data.map((item: unknown, index) => {
    const place = `sentence ${index}`;
    if (!isObject(item)) fail(file, place, "sentence is not an object");
    const { tokens } = item;
    if (!Array.isArray(tokens) || !tokens.every((token) => typeof token === "string")) {
      fail(file, place, "tokens must be an array of strings");
    }
    const rawEntities = item.entities ?? [];
    const rawRelations = item.relations ?? [];
    if (!Array.isArray(rawEntities)) fail(file, place, "entities must be an array");
    if (!Array.isArray(rawRelations)) fail(file, place, "relations must be an array");
    const entities = rawEntities.map((entity, i) => parseEntity(entity, tokens.length, file, `${place} entity ${i}`));
    const relations = rawRelations.map((relation, i) =>
      parseRelation(relation, entities.length, file, `${place} relation ${i}`),
    );
    return { ...item, tokens: tokens as string[], entities, relations };
  });
}

/** Serialises sentences in the SpERT layout: one JSON array, fields in their original order. */
export function formatConll04(sentences: Conll04Sentence[]): string {
  return `${JSON.stringify(sentences)}\n`;
}
