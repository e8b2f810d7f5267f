/**
 * Lists every predicted attribution whose content matches a gold one (the scorer's overlap rule) but whose source
 * is wrong, with the sentence around it, for error analysis of the source rules.
 * Usage: tsx scripts/attribution-source-errors.ts [--model FILE] DIR [--limit N]
 */
import { readBratDir, showFragments, type Fragments, type GoldAttribution } from "../src/nlp/attribution/brat.js";
import { findAttributions } from "../src/nlp/attribution/extract.js";
import { CONTENT_OVERLAP, contentFragments, overlapRatio, sourcesAgree } from "../src/nlp/attribution/score.js";
import { takeModel } from "./attribution-model-option.js";

const args = process.argv.slice(2);
const lexicon = takeModel(args);
const dir = args[0] ?? "../shared/data/polnear/dev";
const limitFlag = args.indexOf("--limit");
const limit = limitFlag > 0 ? Number(args[limitFlag + 1]) : Infinity;
let n = 0;
const kinds = new Map<string, number>();
for (const document of readBratDir(dir)) {
  const text = document.text;
  const predicted = findAttributions(text, { lexicon }).filter((p) => p.nestedIn === undefined);
  const gold = document.attributions.filter((g): g is GoldAttribution & { content: Fragments } => (g.content?.length ?? 0) > 0);
  for (const p of predicted) {
    const pc = contentFragments(p.content);
    const ps = p.source ? [{ start: p.source.start, end: p.source.end }] : undefined;
    const matches = gold.filter((g) => overlapRatio(pc, g.content) >= CONTENT_OVERLAP);
    if (matches.length === 0 || matches.some((g) => sourcesAgree(ps, g.source))) continue;
    const g = matches[0]!;
    const kind = !ps ? "pred-none" : !g.source ? "gold-none" : "wrong-span";
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    if (++n > limit) continue;
    const from = Math.max(0, Math.min(p.cue.start, g.source?.[0]?.start ?? p.cue.start) - 150);
    console.log(`#${n} ${kind} ${document.name ?? ""}`);
    console.log(`  gold S[${showFragments(text, g.source)}] C[${showFragments(text, g.cue)}] T[${showFragments(text, g.content).slice(0, 100)}]`);
    console.log(`  pred S[${p.source?.text ?? "∅"}] C[${p.cue.text}] T[${p.content.text.replace(/\s+/g, " ").slice(0, 100)}]`);
    console.log(`  ctx ${text.slice(from, p.cue.end + 60).replace(/\s+/g, " ")}`);
  }
}
console.log([...kinds].map(([k, v]) => `${k}: ${v}`).join(", "), `total ${n}`);
