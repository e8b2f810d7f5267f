/**
 * Hostile input: thousands of mutated HTML, feed, PDF, JSON Lines and Reuters SGML files go through
 * the reader registry (reader + validation). Each must give documents or an InputError: never another
 * exception, a crash or a hang. Mutations are seeded, so a failure reproduces.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutate, mutation, SEEDS, TOKENS } from "../../test/fuzz-inputs.js";
import { readDocuments } from "./registry.js";
import { InputError } from "./types.js";

/** Markup-ish text: words mixed with parser-breaking tokens. */
const markup = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string(), fc.constantFrom("the group", "said", "2024")), { maxLength: 30 }).map((parts) => parts.join(""));
const dateLike = fc.oneof(fc.constantFrom("2024-01-01", "2024-02-30", "Tue, 10 Jun 2003 04:00:00 GMT", "1987", ""), fc.string());
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }));

/** Well-formed JSON with hostile values: byte mutations almost never get past JSON.parse, these do. */
const STRUCTURED: [name: string, file: string, input: fc.Arbitrary<string>, runs: number][] = [
  [
    "JSON Lines",
    "records.jsonl",
    fc
      .array(
        fc.record(
          {
            date: fc.oneof({ arbitrary: fc.constant("2024-01-01"), weight: 8 }, dateLike, anyValue),
            text: fc.oneof({ arbitrary: markup, weight: 4 }, { arbitrary: fc.string({ unit: "binary", minLength: 1 }), weight: 4 }, anyValue),
            id: fc.oneof({ arbitrary: fc.string(), weight: 4 }, anyValue),
            title: fc.oneof({ arbitrary: fc.string(), weight: 4 }, anyValue),
            url: fc.oneof({ arbitrary: fc.string(), weight: 4 }, anyValue),
            source: fc.oneof({ arbitrary: fc.string(), weight: 4 }, anyValue),
          },
          { requiredKeys: ["text", "date"] },
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((records) => records.map((record) => JSON.stringify(record)).join("\n")),
    800,
  ],
  [
    "JSON Feed",
    "feed.json",
    fc
      .array(fc.record({ id: anyValue, url: fc.oneof(fc.string(), fc.constant("https://a.example/x")), title: fc.oneof(markup, anyValue), content_html: markup, content_text: anyValue, summary: anyValue, date_published: dateLike, date_modified: anyValue }, { requiredKeys: [] }), { maxLength: 6 })
      .map((items) => JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON", items })),
    800,
  ],
];

async function readsCleanly(file: string, input: Buffer, withDate: boolean): Promise<"documents" | "error"> {
  try {
    const read = await readDocuments(file, input, withDate ? { date: "2024-01-01" } : {});
    for (const document of read) expect(document.text.length).toBeGreaterThan(0);
    return "documents";
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(file)).toBe(true);
    return "error";
  }
}

describe("fuzzing the readers with mutated input", () => {
  it.each(SEEDS)("%s: every mutated file gives documents or an InputError", { timeout: 120_000 }, async (_name, file, seed, runs) => {
    // The unmutated seed must read cleanly, or the mutations would only ever test the error path.
    expect((await readDocuments(file, seed, { date: "2024-01-01" })).length).toBeGreaterThan(0);
    let documents = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), async (mutations, withDate) => {
        if ((await readsCleanly(file, mutate(seed, mutations), withDate)) === "documents") documents += 1;
        else errors += 1;
      }),
      { numRuns: runs, seed: 20240305, endOnFailure: true },
    );
    expect(documents + errors).toBe(runs);
  });

  it.each(STRUCTURED)("%s with hostile field values: documents or an InputError", { timeout: 120_000 }, async (_name, file, input, runs) => {
    const outcomes = { documents: 0, error: 0 };
    await fc.assert(
      fc.asyncProperty(input, fc.boolean(), async (text, withDate) => {
        outcomes[await readsCleanly(file, Buffer.from(text), withDate)] += 1;
      }),
      { numRuns: runs, seed: 20240305, endOnFailure: true },
    );
    // Both paths are exercised: some inputs are valid documents, some are refused.
    expect(outcomes.documents).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });
});
