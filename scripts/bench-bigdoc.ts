/**
 * Big-document benchmark: `npx tsx scripts/bench-bigdoc.ts [--sizes 400,800,1600] [--bbc] [--file F]`.
 *
 * Builds one document per size (in kB) by repeating the seed record and the bodies of
 * eval/records 000-009 (never eval/holdout; a fixed set, so figures compare across commits) until
 * it is that long, or with --bbc by joining the BBC texts of ../shared/data/news in order (many
 * more actors, so costs that grow with the number of entities show), and prints each pipeline component's CPU seconds on it: a component whose time
 * grows faster than the document shows as a figure that more than doubles from one size to the
 * next. `output` is a hash of the analysis, to show a speed change leaves it as it was. --file
 * times one seed-format file (its date line dropped) instead.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Document } from "../src/model/index.js";
import { AnalysedDoc } from "../src/nlp/doc.js";
import { analyse, defaultPipeline } from "../src/nlp/pipeline.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SEEDS = resolve(ROOT, "../shared/seeds");
const BBC = resolve(ROOT, "../shared/data/news/bbc");
const RECORDS = join(ROOT, "eval/records");
/** A record's opening `date YYYY-MM-DD`, which would start a new document inside the big one. */
const DATE_LINE = /^[ \t\uFEFF]*date[ \t]+\S+[ \t]*/;

function body(file: string): string {
  return readFileSync(file, "utf8").replace(DATE_LINE, "").trim();
}

function bigText(bytes: number, bbc: boolean): string {
  const files = bbc
    ? readdirSync(BBC).sort().flatMap((topic) => readdirSync(join(BBC, topic)).filter((f) => f.endsWith(".txt")).sort().map((f) => join(BBC, topic, f)))
    : [...readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).map((f) => join(SEEDS, f)), ...readdirSync(RECORDS).filter((f) => /^00\d_.*\.txt$/.test(f)).map((f) => join(RECORDS, f))];
  const parts: string[] = [];
  for (let length = 0, i = 0; length < bytes; i++) {
    const part = body(files[i % files.length]!);
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join("\n\n");
}

function cpuSeconds<T>(run: () => T): [T, number] {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1e6];
}

function measure(label: string, document: Document): void {
  const doc = new AnalysedDoc(document);
  const times: [string, number][] = [];
  for (const component of defaultPipeline()) times.push([component.name, cpuSeconds(() => component.run(doc))[1]]);
  const entities = doc.entities.map((e) => ({ ...e, aliases: [...e.aliases], mentions: e.mentions.map((m) => [m.start, m.end]) }));
  const digest = createHash("sha256").update(JSON.stringify([doc.mentions, entities, doc.timexes, doc.claims, doc.relations, doc.events])).digest("hex").slice(0, 16);
  const total = times.reduce((sum, [, s]) => sum + s, 0);
  const cells = times.map(([name, s]) => `${name} ${s.toFixed(2)}`).join("  ");
  process.stdout.write(`${label} (${(document.text.length / 1000).toFixed(0)} kB, ${doc.sentences.length} sentences, ${doc.mentions.length} mentions): total ${total.toFixed(2)} s CPU\n  ${cells}\n  output ${digest}\n`);
}

const { values } = parseArgs({ options: { sizes: { type: "string", default: "400,800,1600" }, bbc: { type: "boolean", default: false }, file: { type: "string" } } });
// Loads models and lists before the clock starts.
analyse({ id: "warm-up", date: "2024-01-01", text: "The Islamic State accused the government of Iraq of killing its leader in Mosul.", sha256: "" });
if (values.file) {
  measure(values.file, { id: "file", date: "2024-03-11", text: readFileSync(values.file, "utf8").replace(DATE_LINE, ""), sha256: "" });
} else {
  for (const size of values.sizes.split(",").map(Number)) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`--sizes takes positive whole numbers of kB, not ${JSON.stringify(values.sizes)}`);
    measure(`${size} kB`, { id: `big-${size}`, date: "2024-03-11", text: bigText(size * 1000, values.bbc), sha256: "" });
  }
}
