/** Streams CoNLL input through the tagger one document at a time (bounded memory on huge input). */
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { blockTokens, ConllBlocker, renderTagged, type ConllBlock } from "./conll.js";
import type { NerTagger } from "./tagger.js";

/** Calls `onBlock` with each document block of `input` and its predicted IOB2 tags, in order. */
export async function tagConllBlocks(
  input: Readable,
  tagger: NerTagger,
  onBlock: (block: ConllBlock, tags: string[][]) => void | Promise<void>,
): Promise<void> {
  const blocker = new ConllBlocker();
  const lines = createInterface({ input, crlfDelay: Infinity });
  const handle = async (block: ConllBlock | null): Promise<void> => {
    if (block) await onBlock(block, tagger.tagDocument(blockTokens(block)));
  };
  for await (const line of lines) await handle(blocker.push(line));
  await handle(blocker.finish());
}

/** `dossier tag --conll`: input lines with the predicted tag appended as a last column. */
export async function tagConllStream(input: Readable, output: Writable, tagger: NerTagger): Promise<void> {
  await tagConllBlocks(input, tagger, async (block, tags) => {
    if (!output.write(renderTagged(block, tags))) await once(output, "drain");
  });
}
