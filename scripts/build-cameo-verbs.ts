/**
 * Compiles PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, MIT, Open Event Data Alliance) and the
 * CAMEO -> PLOVER table (CAMEO2PLOVER-2021.txt) into models/cameo-verbs.json, the resource of the
 * dictionary event coder (src/nlp/cameo-events.ts):
 *
 *   npx tsx scripts/build-cameo-verbs.ts [--dict FILE] [--plover FILE] [--out FILE]
 *
 * Kept: every verb form with its synonym block and default code, and each block's phrase patterns
 * as words before and after the verb ("- * (FOR ATTACK) [112]" -> after: for, attack), synonym sets
 * spelt out. Codes become PLOVER types by the longest CAMEO prefix in the table; a code with no type
 * ours has (01 statements, 02 appeals, 09 investigations) stays, as null, so a pattern can still say
 * "no event" ("avoid a clash"). Only the blocks of KEPT_BLOCKS are kept, without bare roots and NOT_EVENTS.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { isPloverType, type PloverType } from "../src/model/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const dictFile = arg("--dict", "../shared/data/petrarch2/dictionaries/CAMEO.2.0.txt");
const ploverFile = arg("--plover", "../shared/data/plover/CAMEO2PLOVER-2021.txt");
const outFile = arg("--out", "models/cameo-verbs.json");

/**
 * CAMEO codes whose PLOVER type the table gives otherwise than Dossier's own event rules do: 163
 * (impose embargo or sanctions) is SANCTION in src/nlp/events.ts, and 09 (investigate) is no
 * accusation in our ontology.
 */
const OVERRIDES: Record<string, PloverType | null> = { "163": "SANCTION", "09": null };

/**
 * The synonym blocks kept: those whose verbs name their PLOVER type however they are used. The
 * dictionary's blocks are broad (OVERSEE_MANAGE holds "led", "founded" and "controlled", coded as
 * material cooperation; ALLEGE holds "claimed"; GO_SOMEWHERE "left", coded as a consultation), and
 * a verb of a lasting tie (lead, found, command, join, pledge allegiance) is a relation in Dossier,
 * not an event; on development records the whole dictionary added about 80 events, most wrong.
 */
const KEPT_BLOCKS = new Set([
  // ACCUSE: blame, denounce, deplore, disapprove, denigrate, savage, brand.
  "BLAME", "DENOUNCE", "DEPLORE", "DISAPPROVE", "DENIGRATE", "SAVAGE", "MARK",
  // AGREE (promises and offers) and the AGREE block itself (see BLOCK_CODES).
  "OFFER", "PROMISE", "AGREE",
  // ASSAULT: violence by name.
  "AMBUSH", "ASSASSINATE", "OVERTHREW", "EXPLOSIVE_DESTRUCTION", "GUNFIRE", "KIDNAP", "KILL", "MASSACRE", "PHYSICAL_CONFLICT", "POUND", "RAID", "RANSACK", "RAPE", "SHOOT", "STAB", "TORTURE", "ABUSE",
  // COERCE: arrests, detention, deportation, sieges, prosecution, sentences, crackdowns, confiscation.
  "APPREHEND", "RE_ARREST", "CONFINE", "DEPORT", "BESIEGE", "PROSECUTE", "SENTENCE", "SUPPRESS", "TAKE_PROPERTY",
  // CONCEDE: yielding, backing down, pardons.
  "YIELD", "RETREAT", "PARDON",
  // CONSULT: talks, visits, hosting, invitations, telephone calls (not "called", see NOT_EVENTS).
  "CONFER", "VISIT", "HOST", "INVITE", "CALL",
  // COOPERATE: extradition.
  "EXTRADITE",
  // PROTEST: demonstrations and riots.
  "MARCH", "RIOT",
  // REJECT: refusals and defiance.
  "REFUSE", "IGNORE",
  // REQUEST: demands.
  "DEMAND",
  // SANCTION: blacklisting.
  "BLACKLIST",
  // SUPPORT: praise and backing.
  "ACCLAIM", "APPRECIATE", "LAUD", "SUPPORT", "THANK",
  // THREATEN: threats ("warned X to update" is advice, not a threat: no WARN).
  "THREATEN",
]);

/**
 * Blocks whose verbs are too broad to name an event alone ("set", "give", "send", "accept") but whose
 * phrase patterns name one ("staged * demonstration", "lifted * curfew", "halted * aid", "imposed *
 * martial law", "sent * peacekeepers"): their verbs are coded only through those patterns. Not the
 * verbs of saying and arguing, whose patterns ("said * will", "argued * about") name no deed.
 */
const PATTERN_BLOCKS = new Set([
  "ALLOW", "ARRANGE", "CANCEL", "CLAMP", "DEFEND", "DELAY", "EMBRACE", "FILE", "GRANT", "IMPEL", "IMPOSE", "INSIST", "LIFT", "LODGE", "PROHIBIT", "RESTART", "REVIVE", "SEND", "SHUT", "SIGN", "START", "TIGHTEN",
]);

/** Verbs whose block codes them by pattern only, but which name their type alone: to reject or refuse is PLOVER's REJECT (REFUSE also holds "deny", "resist"). */
const VERB_CODES: Record<string, string> = { REJECT: "120", REFUSE: "120" };

/** "X agreed to ..." is PLOVER's AGREE (an intent to cooperate, CAMEO 030), which the dictionary codes 050 (SUPPORT). */
const BLOCK_CODES: Record<string, string> = { AGREE: "030" };

/**
 * Forms of kept blocks that report no event: light verbs whose event lies in their object ("took
 * Lashio", "gave support"), and states rather than acts, which the blocks hold among their synonyms:
 * a standing ("recognised by IS as its emir"), a wish or need (DEMAND holds "wants", "needs"),
 * esteem (ACCLAIM holds "respects"), a retirement (RETREAT holds "retired"); "called" (CALL is a telephone call) and "carried".
 */
const NOT_EVENTS = new Set(
  [
    "take took taken takes taking give gave given gives get got make made have had put set hold held keep kept use used grab grabbed",
    "recognised recognized recognises recognizes wants wanted wanting needs needed needing respects respected retired retires",
    "called calls calling",
    // "carried out an attack", "carries the product": SEND's patterns ("* &WEAPON") would read a missile system carried as arms sent.
    "carry carries carried carrying",
  ].flatMap((words) => words.split(" ")),
);

/** CAMEO code prefix -> PLOVER type, from the table's "code: TYPE, mode, context # text" lines. */
function readPlover(text: string): Map<string, PloverType | null> {
  const table = new Map<string, PloverType | null>();
  for (const line of text.split("\n")) {
    const m = /^\s*(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m) table.set(m[1]!, isPloverType(m[2]!) ? m[2] : null);
  }
  for (const [code, type] of Object.entries(OVERRIDES)) table.set(code, type);
  return table;
}

function ploverOf(table: Map<string, PloverType | null>, code: string): PloverType | null {
  for (let n = code.length; n >= 2; n--) {
    const prefix = code.slice(0, n);
    if (OVERRIDES[prefix] !== undefined) return OVERRIDES[prefix]!;
    if (table.has(prefix)) return table.get(prefix)!;
  }
  return null;
}

/** Regular forms of a verb, as PETRARCH makes them (irregular ones are listed in braces). */
function regularForms(root: string): string[] {
  if (root.endsWith("E")) return [root, `${root}S`, `${root}D`, `${root.slice(0, -1)}ING`];
  if (/[^AEIOU]Y$/.test(root)) return [root, `${root.slice(0, -1)}IES`, `${root.slice(0, -1)}IED`, `${root}ING`];
  if (/(?:S|X|Z|CH|SH)$/.test(root)) return [root, `${root}ES`, `${root}ED`, `${root}ING`];
  return [root, `${root}S`, `${root}ED`, `${root}ING`];
}

/** Forms of a multi-word verb "+BEEF_UP" / "WIRE_+TAP": the marked word inflected, the rest kept. */
function phraseForms(phrase: string): string[] {
  const words = phrase.split("_");
  const at = Math.max(0, words.findIndex((w) => w.startsWith("+")));
  const root = words[at]!.replace(/^\+/, "");
  return regularForms(root).map((form) => words.map((w, i) => (i === at ? form : w.replace(/^\+/, ""))).join(" "));
}

/** Plural forms of a synonym-set word, as PETRARCH adds them (none for labels or words ending "_"). */
function withPlural(word: string, plural: boolean): string[] {
  if (!plural || word.endsWith("_")) return [word.replace(/_$/, "")];
  if (/[^AEIOU]Y$/.test(word)) return [word, `${word.slice(0, -1)}IES`];
  if (word.endsWith("SS")) return [word, `${word}ES`];
  return [word, `${word}S`];
}

/**
 * CAMEO's appeals (02x) and demands (10x) run in parallel (022 appeal for, 102 demand diplomatic
 * cooperation); PLOVER's REQUEST takes only the demands, so a pattern of a demand verb's block
 * ("demanded * support", 022) stays a demand (102).
 */
const demandCode = (blockCode: string, code: string): string => (blockCode.startsWith("10") && code.startsWith("02") ? `10${code.slice(2)}` : code);

const clean = (w: string) => w.replace(/_/g, " ").toLowerCase();

interface Block {
  name: string;
  /** Words before, words after, code, and the verb the pattern was written for ("" for all the block's verbs). */
  patterns: [string[], string[], string, string][];
  /** Each form of the block's verbs -> its verb. */
  heads: Map<string, string>;
}

const dict = readFileSync(dictFile, "utf8").split("\n");
const plover = readPlover(readFileSync(ploverFile, "utf8"));
const synsets = new Map<string, string[]>();
const blocks: Block[] = [];
/** form -> [block index, the verb's own code or its block's, the verb]. */
const forms = new Map<string, [number, string, string]>();
const roots = new Map<string, [number, string, string]>();
let block: Block | undefined;
let blockCode = "---";
let inVerbs = false;
let synset: { name: string; words: string[]; plural: boolean } | undefined;

const codeOf = (text: string): string => text.split(":")[0]!.trim() || "---";

/** A pattern's words, a synonym set by its name ("&WEAPON"); "$", "+", "^", "%" mark actors and are dropped. */
function patternWords(text: string): string[] {
  return text
    .replace(/[(){}]/g, " ")
    .split(/\s+/)
    .filter((w) => w && !/^[$+^%]$/.test(w) && (!w.startsWith("&") || synsets.has(w)))
    .map((w) => (w.startsWith("&") ? w : clean(w)));
}

for (const raw of dict) {
  const line = raw.replace(/#.*$/, "").trimEnd();
  if (/^####### VERB PATTERNS/.test(raw)) {
    inVerbs = true;
    continue;
  }
  if (!inVerbs) {
    if (line.startsWith("&")) {
      synset = { name: line.trim(), words: [], plural: !line.trim().endsWith("_") };
      synsets.set(synset.name, synset.words);
    } else if (line.startsWith("+") && synset) synset.words.push(...withPlural(line.slice(1).trim(), synset.plural).map(clean));
    continue;
  }
  const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s*---/.exec(raw);
  if (header) {
    block = { name: header[1]!, patterns: [], heads: new Map() };
    blocks.push(block);
    blockCode = BLOCK_CODES[block.name] ?? codeOf(header[2]!);
    continue;
  }
  if (!block || line.trim() === "" || line.startsWith("~")) continue;
  const pattern = /^-\s+(.*?)\s*\[([^\]]*)\]/.exec(line);
  if (pattern) {
    const [pre, post] = pattern[1]!.includes("*") ? pattern[1]!.split("*", 2) : ["", pattern[1]!];
    // The comment names the verb the pattern was written for ("- * IN PRISON [173] # PUT"): a synonym block
    // shares its patterns, but "staged a hunger strike in prison" is no jailing.
    const author = /#\s*([A-Z][A-Z_+-]*)/.exec(raw)?.[1];
    const head = author ? (block.heads.get(clean(author.replace(/\+/g, ""))) ?? "") : "";
    block.patterns.push([patternWords(pre!), patternWords(post!), demandCode(blockCode, codeOf(pattern[2]!)), head]);
    continue;
  }
  if (line.startsWith("-")) continue;
  // A verb line: "ACCUSE [112]", "BRING {BRINGS BRINGING BROUGHT }", "+ASK_FOR {+ASKED_FOR ...} [020]".
  const own = /\[([^\]]*)\]/.exec(line);
  const listed = /\{([^}]*)\}/.exec(line);
  const head = line.replace(/\{[^}]*\}|\[[^\]]*\]/g, " ").trim().split(/\s+/)[0];
  if (!head) continue;
  // A verb of a block not kept names no event by itself, only through its block's phrase patterns ("lifted * curfew", "staged * demonstration").
  const code = VERB_CODES[head] ?? (!KEPT_BLOCKS.has(block.name) ? "---" : own && !BLOCK_CODES[block.name] ? codeOf(own[1]!) : blockCode);
  const irregular = listed ? listed[1]!.split(/\s+/).filter(Boolean) : [];
  const all = head.includes("_") || head.includes("+") ? (irregular.length ? [head, ...irregular] : phraseForms(head)) : irregular.length ? [head, ...irregular] : regularForms(head);
  const verb = clean(head.replace(/\+/g, ""));
  for (const form of all) {
    const key = clean(form.replace(/\+/g, ""));
    if (!block.heads.has(key)) block.heads.set(key, verb);
    if (NOT_EVENTS.has(key)) continue;
    // A bare root ("attack", "shoot") is an infinitive, an order or a noun more often than a finite verb of a past event: kept apart, for "will attack".
    const into = form === head && !irregular.includes(head) ? roots : forms;
    if (!into.has(key)) into.set(key, [blocks.length - 1, code, verb]);
  }
}

// Only blocks that can yield one of our types; their indices renumbered.
const typeOf = (code: string) => (code === "---" ? null : ploverOf(plover, code));
const useful = blocks.map(
  (b, i) => (KEPT_BLOCKS.has(b.name) || PATTERN_BLOCKS.has(b.name)) && (b.patterns.some(([, , c]) => typeOf(c)) || [...forms.values()].some(([bi, c]) => bi === i && typeOf(c))),
);
const renumber = new Map<number, number>();
const kept = blocks.filter((_, i) => useful[i] && renumber.set(i, renumber.size));
const codes = new Set<string>();
const compile = (from: Map<string, [number, string, string]>) => {
  const out: Record<string, [number, string, string]> = {};
  for (const [form, [bi, code, verb]] of [...from].sort(([a], [b]) => a.localeCompare(b))) {
    if (!renumber.has(bi)) continue;
    out[form] = [renumber.get(bi)!, code, verb];
    codes.add(code);
  }
  return out;
};
const verbs = compile(forms);
const rootVerbs = compile(roots);
for (const b of kept) for (const [, , c] of b.patterns) codes.add(c);
const types: Record<string, PloverType | null> = {};
for (const code of [...codes].sort()) types[code] = typeOf(code);

const model = {
  about:
    "CAMEO verb forms and phrase patterns from PETRARCH2's CAMEO.2.0.txt (MIT, Copyright (c) 2015 Open Event Data Alliance) with PLOVER types from CAMEO2PLOVER-2021.txt; made by `npx tsx scripts/build-cameo-verbs.ts`",
  verbs,
  roots: rootVerbs,
  blocks: kept.map((b) => ({ name: b.name, patterns: b.patterns })),
  synsets: Object.fromEntries([...synsets].filter(([name]) => kept.some((b) => b.patterns.some(([pre, post]) => pre.includes(name) || post.includes(name))))),
  types,
};
const json = JSON.stringify(model);
writeFileSync(outFile, `${json}\n`);
process.stdout.write(`${Object.keys(verbs).length} verb forms, ${kept.length} of ${blocks.length} blocks, ${kept.reduce((n, b) => n + b.patterns.length, 0)} patterns, ${codes.size} codes; ${(json.length / 1024).toFixed(0)} kB -> ${outFile}\n`);
