/**
 * Leave-one-record-out cross-validation of the relation reader (src/nlp/relations/reader):
 * `npx tsx scripts/reader-cv.ts [--thresholds 0,5,10] [--labels a,b|all] [--epochs N] [--list] [GOLD...]`.
 *
 * For each training record (default: every eval/records/*.gold.json and the seed), trains the reader
 * on the others, adds what it reads with at least each threshold's margin to the rules' relations and
 * events of the held-out record, and scores both with the seed scorer. Prints, per threshold, the
 * relation and event recall gained over the rules alone, the links added that read a gold item
 * ("right"), those between gold actors that read none ("spurious", as `dossier eval seed` counts
 * them), those with an actor the gold does not list ("unjudged"), and new must-not violations; then
 * per label at the first threshold (--list: every added link there, with its verdict). The threshold
 * and labels the pipeline uses (scripts/train-relation-reader.ts) were chosen from this.
 */
import { parseArgs } from "node:util";
import { scoreSeed, type SeedGold, type SeedScore } from "../src/eval/seed.js";
import type { Event, GraphExport, Relation } from "../src/model/index.js";
import type { AnalysedDoc } from "../src/nlp/doc.js";
import { PairReader } from "../src/nlp/relations/reader/features.js";
import { addReading, type Scored } from "../src/nlp/relations/reader/index.js";
import { ReaderModel, readingOf } from "../src/nlp/relations/reader/model.js";
import { pipelineBeforeReader, prepare, trainingGoldFiles, type Prepared } from "../src/nlp/relations/reader/supervision.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { thresholds: { type: "string", default: "0,2,5,10,15,20,30,40" }, labels: { type: "string", default: "all" }, epochs: { type: "string", default: "10" }, list: { type: "boolean", default: false } },
});
const thresholds = values.thresholds.split(",").map(Number);
const allowed = values.labels === "all" ? undefined : new Set(values.labels.split(","));

function graphOf(doc: AnalysedDoc, relations: Relation[], events: Event[]): GraphExport {
  const actors = doc.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype, aliases: [...e.aliases] }));
  return { documents: [doc.document], actors, relations: relations.map((r, i) => ({ ...r, id: `r${i}` })), events: events.map((e, i) => ({ ...e, id: `v${i}` })), claims: doc.claims.map((c, i) => ({ ...c, id: `c${i}` })) };
}

const started = Date.now();
const reader = new PairReader();
const components = pipelineBeforeReader();
const records: Prepared[] = [];
for (const file of positionals.length ? positionals : trainingGoldFiles()) records.push(await prepare(file, components, reader));
const placed = records.reduce((n, r) => n + r.supervision.placed, 0);
const items = records.reduce((n, r) => n + r.supervision.items, 0);
const labelled = records.flatMap((r) => r.supervision.examples.filter((e) => e !== undefined));
console.log(`${records.length} records, ${records.reduce((n, r) => n + r.pairs.length, 0)} pairs, ${labelled.length} labelled (${labelled.filter((e) => e.gold.length).length} with a gold reading); gold items placed ${placed}/${items}; prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/** Out-of-fold readings of each record. */
const trainStarted = Date.now();
let [positives, readRight] = [0, 0];
const readings: Scored[][] = records.map((held, k) => {
  const examples = records.flatMap((r, j) => (j === k ? [] : r.supervision.examples.filter((e) => e !== undefined)));
  const model = ReaderModel.train(examples, { epochs: Number(values.epochs) });
  return held.pairs.flatMap((pair, i): Scored[] => {
    const { cls, margin } = model.predict(pair.features, pair.types);
    const gold = held.supervision.examples[i]?.gold ?? [];
    if (gold.length) (positives++, (readRight += gold.includes(cls) && margin > 0 ? 1 : 0));
    const reading = readingOf(cls);
    return reading ? [{ pair, reading, margin }] : [];
  });
});
console.log(`trained ${records.length} folds in ${((Date.now() - trainStarted) / 1000).toFixed(1)} s; out of fold, ${readRight} of ${positives} pairs with a gold reading read right (margin > 0)\n`);

const base = records.map((r) => ({ relations: [...r.doc.relations], events: [...r.doc.events] }));
const baseScores = records.map((r, k) => scoreSeed(r.record.gold as unknown as SeedGold, graphOf(r.doc, base[k]!.relations, base[k]!.events)));

interface Added {
  label: string;
  verdict: "right" | "spurious" | "unjudged";
  record: string;
  text: string;
}

/** What a reader that read every labelled pair as its gold says would add: the most distant supervision can give. */
const oracle: Scored[][] = records.map((r) =>
  r.pairs.flatMap((pair, i) => (r.supervision.examples[i]?.gold ?? []).flatMap((cls): Scored[] => {
    const reading = readingOf(cls);
    return reading ? [{ pair, reading, margin: Infinity }] : [];
  })),
);

/** The held-out records scored with the readings of at least `threshold` added; what each added link is. */
function withReader(threshold: number, readings: Scored[][]): { scores: SeedScore[]; added: Added[] } {
  const added: Added[] = [];
  const scores = records.map((r, k) => {
    const { doc } = r;
    const gold = r.record.gold as unknown as SeedGold;
    doc.relations = [...base[k]!.relations];
    doc.events = [...base[k]!.events];
    for (const scored of readings[k]!) {
      if (scored.margin < threshold || (allowed && !allowed.has(scored.reading.label))) continue;
      const [relations, events] = [doc.relations.length, doc.events.length];
      if (!addReading(doc, scored)) continue;
      // Judged alone, as `dossier eval seed` judges each link between gold actors.
      const alone = scoreSeed(gold, graphOf(doc, doc.relations.slice(relations), doc.events.slice(events)));
      const verdict = alone.relationPrecision.total === 0 ? "unjudged" : alone.relationPrecision.hit === 1 ? "right" : "spurious";
      const name = (id: string) => doc.entity(id)?.name ?? id;
      const [s, o] = scored.reading.leftIsSubject ? [scored.pair.left.entity!, scored.pair.right.entity!] : [scored.pair.right.entity!, scored.pair.left.entity!];
      added.push({ label: scored.reading.label, verdict, record: r.record.name, text: `${name(s)} ${scored.reading.label} ${name(o)} (${scored.margin.toFixed(1)}): ${doc.text.slice(scored.pair.left.start, scored.pair.right.end).replace(/\s+/g, " ")}` });
    }
    const score = scoreSeed(gold, graphOf(doc, doc.relations, doc.events));
    doc.relations = base[k]!.relations;
    doc.events = base[k]!.events;
    return score;
  });
  return { scores, added };
}

const sum = (scores: SeedScore[], key: "relationRecall" | "eventRecall") => scores.reduce((n, s) => n + s[key].hit, 0);
const total = (key: "relationRecall" | "eventRecall") => baseScores.reduce((n, s) => n + s[key].total, 0);
const violations = (scores: SeedScore[]) => scores.reduce((n, s) => n + s.violations.length, 0);
const [relBase, evBase] = [sum(baseScores, "relationRecall"), sum(baseScores, "eventRecall")];
console.log(`rules alone: relation recall ${relBase}/${total("relationRecall")} (${(relBase / total("relationRecall")).toFixed(3)}), event recall ${evBase}/${total("eventRecall")} (${(evBase / total("eventRecall")).toFixed(3)}), violations ${violations(baseScores)}`);
console.log("threshold  rel-R gained  event-R gained  added  right  spurious  unjudged  violations");
const ceiling = withReader(0, oracle).scores;
console.log(`every labelled pair read as its gold would reach relation recall ${sum(ceiling, "relationRecall")}, event recall ${sum(ceiling, "eventRecall")}`);
const runs = thresholds.map((t) => ({ t, ...withReader(t, readings) }));
for (const { t, scores, added } of runs) {
  const [rel, ev] = [sum(scores, "relationRecall"), sum(scores, "eventRecall")];
  const count = (v: Added["verdict"]) => added.filter((a) => a.verdict === v).length;
  console.log(
    `${String(t).padStart(9)}  ${`+${rel - relBase} (${(rel / total("relationRecall")).toFixed(3)})`.padStart(12)}  ${`+${ev - evBase} (${(ev / total("eventRecall")).toFixed(3)})`.padStart(14)}  ${String(added.length).padStart(5)}  ${String(count("right")).padStart(5)}  ${String(count("spurious")).padStart(8)}  ${String(count("unjudged")).padStart(8)}  ${String(violations(scores) - violations(baseScores)).padStart(10)}`,
  );
}
for (const { t, added } of runs.slice(0, 1)) {
  console.log(`\nper label at threshold ${t}: added right spurious unjudged`);
  const labels = [...new Set(added.map((a) => a.label))].sort();
  for (const label of labels) {
    const of = added.filter((a) => a.label === label);
    console.log(`  ${label.padEnd(14)} ${String(of.length).padStart(4)} ${String(of.filter((a) => a.verdict === "right").length).padStart(5)} ${String(of.filter((a) => a.verdict === "spurious").length).padStart(8)} ${String(of.filter((a) => a.verdict === "unjudged").length).padStart(8)}`);
  }
}
if (values.list) for (const { t, added } of runs.slice(0, 1)) for (const a of added) console.log(`${t} ${a.verdict.padEnd(8)} ${a.record} ${a.text}`);
