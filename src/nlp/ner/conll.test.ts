import { describe, expect, it } from "vitest";
import { blockGoldTags, blockTokens, ConllBlocker, parseConll, renderTagged, type ConllBlock } from "./conll.js";

const SAMPLE = [
  "-DOCSTART- -X- -X- O",
  "",
  "Kabul NNP B-NP B-LOC",
  "said VBD B-VP O",
  "",
  "Amaq NNP B-NP B-ORG",
  "News NNP I-NP I-ORG",
  "",
  "-DOCSTART- -X- -X- O",
  "",
  "Hello UH O O",
].join("\n");

describe("CoNLL blocks", () => {
  it("splits documents at -DOCSTART- and sentences at blank lines", () => {
    const blocks = parseConll(SAMPLE);
    expect(blocks).toHaveLength(2);
    expect(blockTokens(blocks[0] as ConllBlock)).toEqual([["Kabul", "said"], ["Amaq", "News"]]);
    expect(blockGoldTags(blocks[0] as ConllBlock, "sample")).toEqual([["B-LOC", "O"], ["B-ORG", "I-ORG"]]);
    expect(blockTokens(blocks[1] as ConllBlock)).toEqual([["Hello"]]);
  });

  it("round-trips every line in order, appending one column to token lines only", () => {
    const blocks = parseConll(SAMPLE);
    const rendered = blocks.map((block) => renderTagged(block, blockTokens(block).map((s) => s.map((_, i) => `T${i}`)))).join("");
    const lines = rendered.trimEnd().split("\n");
    const original = SAMPLE.split("\n");
    expect(lines).toHaveLength(original.length);
    lines.forEach((line, i) => {
      const source = original[i] ?? "";
      if (source === "" || source.startsWith("-DOCSTART-")) expect(line).toBe(source);
      else expect(line).toMatch(new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} T\\d$`));
    });
  });

  it("cuts an overlong document at a sentence boundary and keeps tabs as separators", () => {
    const blocker = new ConllBlocker(2);
    const out: ConllBlock[] = [];
    for (const line of ["a\tX", "b\tX", "", "c\tX", ""]) {
      const block = blocker.push(line);
      if (block) out.push(block);
    }
    const last = blocker.finish();
    if (last) out.push(last);
    expect(out.map((block) => blockTokens(block))).toEqual([[["a", "b"]], [["c"]]]);
    expect(renderTagged(out[0] as ConllBlock, [["O", "B-PER"]])).toBe("a\tX\tO\nb\tX\tB-PER\n\n");
  });

  it("rejects a gold file without a tag column, naming the file", () => {
    const [block] = parseConll("Kabul\n");
    expect(() => blockGoldTags(block as ConllBlock, "gold.txt")).toThrow(/gold\.txt/);
  });
});
