import type { Command } from "commander";
import { addDbOption, withStore } from "../store-option.js";

export function register(program: Command): void {
  addDbOption(
    program
      .command("search")
      .description("Full-text search over the documents (web-search syntax: words, \"phrases\", -exclude, or); matches marked «like this»")
      .argument("<text...>", "what to search for")
      .option("--limit <n>", "at most this many documents", "20"),
  ).action(async (words: string[], options: { db: string; limit: string }) => {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive whole number, not ${JSON.stringify(options.limit)}`);
    await withStore(options.db, async (store) => {
      const hits = await store.search(words.join(" "), limit);
      if (hits.length === 0) {
        process.stdout.write("no matching documents\n");
        return;
      }
      for (const hit of hits) {
        const title = hit.document.title ? `  ${hit.document.title}` : "";
        process.stdout.write(`${hit.document.date}  ${hit.document.id}${title}\n    ${hit.snippet}\n`);
      }
    });
  });
}
