/** B-cubed precision, recall and F1 of a clustering against gold clusters, over the items both label. */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
}

export function bcubed(gold: Map<string, string>, predicted: Map<string, string>): BCubed {
  const items = [...gold.keys()];
  if (items.length === 0) throw new Error("B-cubed needs at least one gold item");
  const members = (labels: Map<string, string>) => {
    const groups = new Map<string, Set<string>>();
    for (const item of items) {
      // An item the system left unclustered is its own singleton.
      const label = labels.get(item) ?? `unlabelled:${item}`;
      const group = groups.get(label) ?? new Set<string>();
      group.add(item);
      groups.set(label, group);
    }
    return (item: string) => groups.get(labels.get(item) ?? `unlabelled:${item}`)!;
  };
  const goldOf = members(gold);
  const predOf = members(predicted);
  let precision = 0;
  let recall = 0;
  for (const item of items) {
    const g = goldOf(item);
    const p = predOf(item);
    const both = [...p].filter((other) => g.has(other)).length;
    precision += both / p.size;
    recall += both / g.size;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, items: items.length };
}
