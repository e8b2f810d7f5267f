/**
 * Feature templates shared by training and inference. Training names each feature `name=v1|v2` (or just
 * `name` when the template has no values) and learns weights under those names; inference finds the same
 * weights by the values themselves, in nested maps compiled once per model, so scoring a candidate builds
 * and hashes no feature strings (the values are mostly the tokens' own strings, whose hashes V8 keeps).
 */

export interface Template<X> {
  name: string;
  values: (x: X) => string[];
}

export function featureName<X>(template: Template<X>, x: X): string {
  const values = template.values(x);
  return values.length === 0 ? template.name : `${template.name}=${values.join("|")}`;
}

export function featureNames<X>(templates: readonly Template<X>[], x: X): string[] {
  return templates.map((template) => featureName(template, x));
}

/** A yes/no value as a feature names it. */
export const flag = (value: boolean): string => (value ? "true" : "false");

/** A value, or a map from the next value on. */
export type Node = number | Map<string, Node>;

/** The weight a full walk ends on (0 when the model has no such feature). */
export const leaf = (node: Node | undefined): number => (node as number | undefined) ?? 0;
/** The map a partial walk ends on, if any. */
export const asMap = (node: Node | undefined): Map<string, Node> | undefined => (node instanceof Map ? node : undefined);

/** One template's weights: `weights["name=a|b"]` is `lookup(["a", "b"])`, 0 when the model has no such feature. */
export class TemplateWeights {
  private root: Node = 0;

  constructor(readonly arity: number) {
    if (arity > 0) this.root = new Map();
  }

  /**
   * Adds a weight under the text after `name=`. A value may itself be "|" (the token "|"), so every way of
   * splitting the text into `arity` values is stored: whichever values a lookup joins to this text find it.
   */
  add(rest: string, weight: number): void {
    if (this.arity === 0) {
      this.root = weight;
      return;
    }
    const parts = rest.split("|");
    if (parts.length === this.arity) {
      this.put(parts, weight);
      return;
    }
    // More bars than separators: a value holds "|"; store every grouping of the parts into `arity` values.
    const group = (from: number, values: string[]): void => {
      if (values.length === this.arity - 1) {
        this.put([...values, parts.slice(from).join("|")], weight);
        return;
      }
      for (let to = from + 1; to <= parts.length - (this.arity - 1 - values.length); to++) group(to, [...values, parts.slice(from, to).join("|")]);
    };
    group(0, []);
  }

  private put(values: string[], weight: number): void {
    let node = this.root as Map<string, Node>;
    for (let k = 0; k < values.length - 1; k++) {
      let child = node.get(values[k]!);
      if (child === undefined) node.set(values[k]!, (child = new Map()));
      node = child as Map<string, Node>;
    }
    node.set(values[values.length - 1]!, weight);
  }

  lookup(values: readonly string[]): number {
    return leaf(this.walk(values));
  }

  walk(values: readonly string[]): Node | undefined {
    let node: Node | undefined = this.root;
    for (let k = 0; k < values.length && node !== undefined; k++) node = (node as Map<string, Node>).get(values[k]!);
    return node;
  }
}

/**
 * A model's weights split by template, for `templates` (a module-level list, so that it can key the cache).
 * A template's table is built when it is first scored, when the number of its values is known.
 */
export class ModelWeights {
  private readonly pending = new Map<string, [string | undefined, number][]>();
  private readonly tables: (TemplateWeights | undefined)[];

  constructor(weights: Record<string, number>, private readonly templates: readonly { name: string }[]) {
    for (const template of templates) this.pending.set(template.name, []);
    for (const key in weights) {
      // Template names hold no "=", so the first one ends the name.
      const equals = key.indexOf("=");
      this.pending.get(equals < 0 ? key : key.slice(0, equals))?.push([equals < 0 ? undefined : key.slice(equals + 1), weights[key]!]);
    }
    this.tables = templates.map(() => undefined);
  }

  /** The weight of template k's feature with these values. */
  weight(k: number, values: readonly string[]): number {
    return this.table(k, values.length).lookup(values);
  }

  /** What template k (of `arity` values) holds under these first values: a weight, a map on from the next value, or nothing. */
  prefix(k: number, arity: number, values: readonly string[]): Node | undefined {
    return this.table(k, arity).walk(values);
  }

  private table(k: number, arity: number): TemplateWeights {
    let table = this.tables[k];
    if (!table) {
      table = this.tables[k] = new TemplateWeights(arity);
      for (const [rest, weight] of this.pending.get(this.templates[k]!.name)!) {
        if ((rest === undefined) === (arity === 0)) table.add(rest ?? "", weight);
      }
    }
    return table;
  }
}

const compiled = new WeakMap<Record<string, number>, Map<readonly { name: string }[], ModelWeights>>();

/** The weights of `weights` split by `templates`, made once per model and template list. */
export function modelWeights(weights: Record<string, number>, templates: readonly { name: string }[]): ModelWeights {
  let byTemplates = compiled.get(weights);
  if (!byTemplates) compiled.set(weights, (byTemplates = new Map()));
  let model = byTemplates.get(templates);
  if (!model) byTemplates.set(templates, (model = new ModelWeights(weights, templates)));
  return model;
}
