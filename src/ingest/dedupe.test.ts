import { describe, expect, it } from "vitest";
import { bandKeys, DEFAULT_MINHASH, DuplicateIndex, groupNearDuplicates, minhash, shingleHashes, similarity } from "./dedupe.js";

const STORY = `KABUL, March 3 - Islamic State Khorasan Province claimed responsibility on Friday for a suicide bombing
outside the foreign ministry that killed at least six people, the group's news agency said. The attacker detonated
explosives near a checkpoint as employees were leaving the building, police spokesman Khalid Zadran told reporters.
Taliban officials condemned the attack and said security forces had opened an investigation. The group, a regional
affiliate of Islamic State, has carried out a series of attacks on Taliban targets and on foreign missions since 2021,
and accuses the Taliban of betraying Islam by negotiating with the United States. Analysts said the bombing showed the
group remained able to strike the heavily guarded centre of the capital despite months of raids on its hideouts.`;

/** The way syndication changes a story: new dateline, a byline, a trailing notice, curly quotes, a dropped sentence. */
const SYNDICATED = `By Staff Writers. ${STORY.replace("KABUL, March 3 - ", "").replace(/'/g, "\u2019")
  .replace(" Taliban officials condemned the attack and said security forces had opened an investigation.", "")}
(Reporting by a correspondent; editing by the desk.) Copyright 2023 Wire Service. All rights reserved.`;

const OTHER = `ISLAMABAD, March 3 - Pakistan's army said on Friday its troops killed four militants in a raid in North
Waziristan near the Afghan border, after an attack on a checkpoint last week that killed two soldiers. The military's
media wing said weapons and explosives were recovered, and that the militants belonged to the Pakistani Taliban, which
has stepped up attacks since ending a ceasefire with the government in November. The Islamic State group was not
mentioned in the statement. Officials in Kabul did not respond to requests for comment on the raid.`;

function exactJaccard(a: string, b: string): number {
  const x = new Set(shingleHashes(a, 5));
  const y = new Set(shingleHashes(b, 5));
  let shared = 0;
  for (const h of x) if (y.has(h)) shared++;
  return shared / (x.size + y.size - shared);
}

describe("MinHash + LSH near-duplicate detection", () => {
  it("is deterministic across runs (fixed seeds: stored signatures stay comparable)", () => {
    const signature = minhash("The group claimed the attack in a statement on Friday.");
    expect(signature).toHaveLength(128);
    expect(Array.from(signature.subarray(0, 3))).toEqual([933017875, 1255115445, 226794143]);
    expect(minhash("The group claimed the attack in a statement on Friday.")).toEqual(signature);
    expect(Array.from(minhash("one two three four five six").subarray(0, 4))).toEqual(
      Array.from(minhash("ONE, two -- three; four five six!").subarray(0, 4)),
    );
    expect(bandKeys(signature, 16)).toHaveLength(16);
  });

  it("estimates Jaccard similarity closely", () => {
    for (const [a, b] of [[STORY, SYNDICATED], [STORY, OTHER], [SYNDICATED, OTHER]] as const) {
      expect(Math.abs(similarity(minhash(a), minhash(b)) - exactJaccard(a, b))).toBeLessThan(0.12);
    }
  });

  it("finds a syndicated copy and not a different story on the same subject", () => {
    const index = new DuplicateIndex();
    expect(index.add("original", STORY)).toBeUndefined();
    expect(index.add("other", OTHER)).toBeUndefined();
    const match = index.add("copy", SYNDICATED);
    expect(match?.of).toBe("original");
    expect(match!.similarity).toBeGreaterThanOrEqual(DEFAULT_MINHASH.threshold);
    expect(similarity(minhash(STORY), minhash(OTHER))).toBeLessThan(0.1);
    expect(index.canonicalOf("copy")).toBe("original");
    expect(index.canonicalOf("other")).toBe("other");
  });

  it("groups a stream into clusters keyed by the first copy, transitively", () => {
    const copies = [STORY, SYNDICATED, `${SYNDICATED} Updated with analyst comment.`];
    const groups = groupNearDuplicates([
      { id: "a", text: OTHER },
      ...copies.map((text, i) => ({ id: `s${i}`, text })),
      { id: "b", text: "A short unrelated note about grain prices in Chicago." },
    ]);
    expect([...groups.entries()]).toEqual([
      ["a", ["a"]],
      ["s0", ["s0", "s1", "s2"]],
      ["b", ["b"]],
    ]);
  });

  it("keeps texts without letters or digits apart unless they are the same", () => {
    const index = new DuplicateIndex();
    expect(index.add("a", "🔥🔥🔥 💣 ☠️")).toBeUndefined();
    expect(index.add("b", "🚀 🇵🇰 ✊✊")).toBeUndefined();
    expect(index.add("c", "🔥🔥🔥  💣\n☠️")?.of).toBe("a");
  });

  it("keeps one thousand distinct random texts apart", () => {
    const vocabulary = words(OTHER + STORY);
    let state = 12345;
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % vocabulary.length);
    const texts = Array.from({ length: 1000 }, (_, id) => ({ id: String(id), text: Array.from({ length: 150 }, () => vocabulary[random()]).join(" ") }));
    const groups = groupNearDuplicates(texts);
    expect(groups.size).toBe(1000);
  });
});

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}
