import { describe, expect, it } from "vitest";
import { ArmedClashes } from "./armed-clashes.js";
import { eventsAdded } from "./events-added.js";
import { defaultPipeline } from "./pipeline.js";

const clashes = new ArmedClashes();
const earlier = defaultPipeline().filter((c) => c.name !== clashes.name);

/** The events this component adds to the other components' reading of `text`. */
const added = (text: string) => eventsAdded(clashes, text, earlier);

describe("armed clashes named by their noun", () => {
  it("reads a war or clashes between two sides as each assaulting the other", () => {
    expect(added("The war between the Northern Front and the Hill Brigades broke out in 2021.").sort()).toEqual(
      ["ASSAULT Hill Brigades -> Northern Front", "ASSAULT Northern Front -> Hill Brigades"].sort(),
    );
    expect(added("Fresh clashes between the Valley Liberation Movement (VLM) and the Hill Brigades were reported on Monday.")).toHaveLength(2);
  });

  it("reads no fight in a trade war, a feared war or one that would come", () => {
    expect(added("The trade war between the Northern Front and the Hill Brigades hurt farmers.")).toEqual([]);
    expect(added("Diplomats warned of the risk of war between the Northern Front and the Hill Brigades.")).toEqual([]);
    expect(added("Analysts said there would be clashes between the Northern Front and the Hill Brigades.")).toEqual([]);
  });

  it("reads a fight that pits one side against the other, but not an election", () => {
    expect(added("The fighting pits the Northern Front against the Hill Brigades.").sort()).toEqual(
      ["ASSAULT Hill Brigades -> Northern Front", "ASSAULT Northern Front -> Hill Brigades"].sort(),
    );
    expect(added("The election pits the Northern Front against the Hill Brigades.")).toEqual([]);
  });

  it("reads fighting with someone as the subject's assault on them, and not fighting with them against a third", () => {
    expect(added("The Northern Front seized three hills after two days of heavy fighting with the Hill Brigades.")).toEqual(["ASSAULT Northern Front -> Hill Brigades"]);
    expect(added("The Northern Front advanced on Tuesday after fighting with the Hill Brigades against the Valley Liberation Movement.")).toEqual([]);
  });

  it("reads those killed in a gunfight with someone as assaulted by them, unless they were not", () => {
    expect(added("A Northern Front commander and two fighters were killed on Monday in a gunfight with Hill Brigades troops.")).toEqual(["ASSAULT Hill Brigades -> Northern Front"]);
    expect(added("Two Northern Front fighters were not killed in a gunfight with the Hill Brigades, the group said.")).toEqual([]);
  });

  it("reads a strike named by its attacker that killed a group's leader as an assault on the group", () => {
    expect(added("A Northern Front drone strike near the border has killed a senior commander of the Hill Brigades.")).toEqual(["ASSAULT Northern Front -> Hill Brigades"]);
    expect(added("Several of the Hill Brigades' leaders have died in Northern Front air strikes.")).toEqual(["ASSAULT Northern Front -> Hill Brigades"]);
    // Civilians of a town are not a group's members: the town is where, not whom.
    expect(added("A Northern Front strike killed three residents of Karvel.")).toEqual([]);
  });

  it("reads coming under fire from someone as being assaulted by them", () => {
    expect(added("A Hill Brigades convoy came under heavy fire from the Northern Front on Monday.")).toEqual(["ASSAULT Northern Front -> Hill Brigades"]);
    expect(added("Hill Brigades troops came under attack from Northern Front fighters near Karvel.")).toEqual(["ASSAULT Northern Front -> Hill Brigades"]);
    expect(added("The Hill Brigades came under pressure from the Northern Front to resign.")).toEqual([]);
  });
});
