/**
 * Error analysis of the attribution extractor on a brat directory: each gold attribution is put in one
 * outcome (matched; content right but source wrong; cue found but content boundary wrong; cue missed)
 * by kind (direct quote, reported speech, "according to"), and each unmatched prediction is called a
 * wrong cue or a wrong span. With --examples N it prints N examples of each failing outcome.
 * Usage: tsx src/nlp/attribution/analyse.ts DIR [--examples N]
 */
import { fileURLToPath } from "node:url";
import { readBratDir, showFragments, type Fragments, type GoldAttribution } from "./brat.js";
import { findAttributions } from "./extract.js";
import { CONTENT_OVERLAP, contentFragments, overlap, overlapRatio, sourcesAgree } from "./score.js";
import type { Attribution } from "./types.js";

type Kind = "direct" | "reported" | "according";
type Outcome = "matched" | "source" | "boundary" | "cue-missed";

function kindOf(text: string, cue: Fragments | undefined, content: Fragments): Kind {
  const cueText = (cue ?? []).map((f) => text.slice(f.start, f.end)).join(" ").toLowerCase();
  if (cueText.startsWith("according")) return "according";
  const quoted = content.reduce((sum, f) => sum + (/^[“"'`‘]/.test(text.slice(f.start, f.end)) ? f.end - f.start : 0), 0);
  const total = content.reduce((sum, f) => sum + f.end - f.start, 0);
  return quoted * 2 >= total ? "direct" : "reported";
}


function main(): void {
  const dir = process.argv[2] ?? fileURLToPath(new URL("../../../../shared/data/polnear/dev", import.meta.url));
  const examplesFlag = process.argv.indexOf("--examples");
  const examples = examplesFlag > 0 ? Number(process.argv[examplesFlag + 1]) : 0;
  const table = new Map<string, number>();
  const samples = new Map<string, string[]>();
  const missedCues = new Map<string, number>();
  const spuriousCues = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  const sample = (key: string, line: string): void => {
    const list = samples.get(key) ?? [];
    if (list.length < examples) list.push(line);
    samples.set(key, list);
  };
  for (const document of readBratDir(dir)) {
    const text = document.text;
    const predicted = findAttributions(text).filter((p) => p.nestedIn === undefined);
    const pc = predicted.map((p) => contentFragments(p.content));
    const ps = predicted.map((p) => (p.source ? [{ start: p.source.start, end: p.source.end }] : undefined));
    const pq = predicted.map((p) => [{ start: p.cue.start, end: p.cue.end }]);
    const gold = document.attributions.filter((g): g is GoldAttribution & { content: Fragments } => (g.content?.length ?? 0) > 0);
    const usedPred = new Set<number>();
    for (const g of gold) {
      const kind = kindOf(text, g.cue, g.content);
      const contentMatch = predicted.map((_, p) => overlapRatio(pc[p]!, g.content) >= CONTENT_OVERLAP);
      const full = predicted.findIndex((_, p) => contentMatch[p] && sourcesAgree(ps[p], g.source));
      const cueHit = predicted.findIndex((_, p) => g.cue !== undefined && overlap(pq[p]!, g.cue) > 0);
      let outcome: Outcome;
      let p = -1;
      if (full >= 0) [outcome, p] = ["matched", full];
      else if (contentMatch.some(Boolean)) [outcome, p] = ["source", contentMatch.indexOf(true)];
      else if (cueHit >= 0) [outcome, p] = ["boundary", cueHit];
      else outcome = "cue-missed";
      if (p >= 0) usedPred.add(p);
      add(table, `${kind}\t${outcome}`);
      if (outcome === "cue-missed") add(missedCues, showFragments(text, g.cue).toLowerCase());
      if (outcome !== "matched") {
        const mine = p >= 0 ? predicted[p]! : undefined;
        sample(
          `${kind} ${outcome}`,
          `  gold S[${showFragments(text, g.source)}] C[${showFragments(text, g.cue)}] T[${showFragments(text, g.content)}]` +
            (mine ? `\n  pred S[${mine.source?.text ?? "∅"}] C[${mine.cue.text}] T[${showFragments(text, contentFragments(mine.content))}]` : ""),
        );
      }
    }
    predicted.forEach((a: Attribution, p) => {
      if (usedPred.has(p)) return;
      const cueGold = gold.some((g) => g.cue !== undefined && overlap(pq[p]!, g.cue) > 0);
      const reason = cueGold ? "spurious: cue of a gold attribution used twice or span wrong" : "spurious: no gold cue there";
      add(table, `predicted\t${reason}`);
      if (!cueGold) add(spuriousCues, a.cue.text.toLowerCase());
      sample(reason, `  pred S[${a.source?.text ?? "∅"}] C[${a.cue.text}] T[${showFragments(text, contentFragments(a.content))}]`);
    });
  }
  for (const [key, count] of [...table].sort()) console.log(`${key}\t${count}`);
  const top = (map: Map<string, number>): string => [...map].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k}:${v}`).join(", ");
  console.log(`\nmissed cues: ${top(missedCues)}`);
  console.log(`\nspurious cues: ${top(spuriousCues)}`);
  for (const [key, list] of samples) if (list.length) console.log(`\n## ${key}\n${list.join("\n")}`);
}

main();
