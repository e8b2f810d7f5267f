import { describe, expect, it } from "vitest";
import { eventsAdded } from "./events-added.js";
import { defaultPipeline } from "./pipeline.js";
import { SpeechActEvents, speechType } from "./speech-events.js";

const speech = new SpeechActEvents();
const earlier = defaultPipeline().filter((c) => c.name !== speech.name);
/** The claims without the event rules and the coder: what this component reads from the claims alone. */
const claimsOnly = earlier.filter((c) => c.name !== "events" && c.name !== "cameo-events");

/** The events the component adds to the earlier components' reading of `text`. */
const added = (text: string, components = claimsOnly) => eventsAdded(speech, text, components);

describe("speech acts as PLOVER events", () => {
  it("types a cue by its verb, whatever adverbs and auxiliaries come with it", () => {
    expect(speechType("also accused")).toBe("ACCUSE");
    expect(speechType("has long denied")).toBe("REJECT");
    expect(speechType("warned")).toBe("THREATEN");
    expect(speechType("called on")).toBe("REQUEST");
    expect(speechType("called")).toBeUndefined();
    expect(speechType("said")).toBeUndefined();
  });

  it("reads an accusation the rules left to the claim, aimed at its object", () => {
    expect(added("The Northern Front also accused the Hill Brigades (HB), the army's elite unit, of burning four villages.")).toEqual(["ACCUSE Northern Front -> Hill Brigades"]);
  });

  it("reads no act of a state in the words of its private people", () => {
    expect(added("A Chilean woman accused the Northern Front of fraud.")).toEqual([]);
    expect(added("Chilean officials accused the Northern Front of fraud.")).toEqual(["ACCUSE Chile -> Northern Front"]);
  });

  it("reads a warning of harm as a threat to whom it is addressed to, or to the other side named when the harm is the speaker's own", () => {
    expect(added('The Hill Brigades warned the Northern Front that "every new camp will become a target".')).toEqual(["THREATEN Hill Brigades -> Northern Front"]);
    expect(added('The Hill Brigades warned that Northern Front towns "will remain within range of our rockets".')).toEqual(["THREATEN Hill Brigades -> Northern Front"]);
  });

  it("reads harm the speaker's own side will do, in words any verb reports, as a threat to the other side they name, and as the speaker's deed", () => {
    expect(added('"The Northern Front remains a danger, and we will continue to hunt down its commanders," Tom Reed said.')).toEqual(["THREATEN Tom Reed -> Northern Front"]);
    expect(added('Tom Reed said his fighters had clashed with the Northern Front and would "drive them out of the valley".')).toEqual(["THREATEN Tom Reed -> Northern Front"]);
    expect(added("Tom Reed said his fighters would not attack the Northern Front.")).toEqual([]);
    expect(added("Tom Reed said his fighters would fight alongside the Northern Front.")).toEqual([]);
  });

  it("aims a warning at whom it says will be treated as a target", () => {
    expect(added('Tom Reed, the leader of the Hill Brigades, has warned that the brigades will treat any Lakeside Council soldier still in the valley after May as "an occupier and a legitimate target".')).toEqual([
      "THREATEN Tom Reed -> Lakeside Council",
    ]);
    expect(added("Tom Reed has warned that the brigades will treat any Lakeside Council envoy as a guest.")).toEqual([]);
  });

  it("reads no threat in a warning without harm, nor in one about what a third party will do", () => {
    expect(added("The Hill Brigades warned the Northern Front that the harvest would be poor.")).toEqual([]);
    expect(added("The Hill Brigades warned that the Northern Front would attack the camps.")).toEqual([]);
  });

  it("aims a demand at the subject of what is demanded", () => {
    expect(added("The Lakeside Council demanded that the Northern Front release the prisoners.")).toEqual(["REQUEST Lakeside Council -> Northern Front"]);
  });

  it("reads a rejection of someone's words, not a denial of a deed done to someone", () => {
    expect(added("The Northern Front dismissed the Hill Brigades' claims as lies.")).toEqual(["REJECT Northern Front -> Hill Brigades"]);
    expect(added("The Northern Front denied controlling the Hill Brigades.")).toEqual([]);
    expect(added("The Northern Front denied the Hill Brigades was a threat.")).toEqual([]);
  });

  it("aims a denial of what was said at whoever said it, the accuser first", () => {
    expect(added("The Hill Brigades said their fighters had forced the Northern Army to retreat. The Northern Army denied that any soldier had been hurt.")).toEqual([
      "REJECT Northern Army -> Hill Brigades",
    ]);
    expect(added("The Lakeside Council accused the Northern Army of shelling the market. The Hill Brigades said the town was calm. The Northern Army denied that it had fired.", earlier)).toContain(
      "REJECT Northern Army -> Lakeside Council",
    );
    expect(added("The Northern Army denied that any soldier had been hurt.")).toEqual([]);
    // The accused named in the denier's phrase: the spokesman answers the accusation of his army.
    const spokesman = added(
      "The Hill Brigades accused the Northern Army of bombing two villages. Sam Cole, a lawyer, said the talks would go on. The Northern Army's spokesman, Tom Reed, denied that aircraft had struck civilian areas.",
      earlier,
    );
    expect(spokesman).toContain("REJECT Tom Reed -> Hill Brigades");
    // Those named in the denier's own phrase are its side; "that account" is what was said, not a clause.
    expect(added("The Hill Brigades said the raids had hit bakeries. The Hill Brigades' commander, Tom Reed, denied that any fighter had come from the north.")).toEqual([]);
    expect(added("The Hill Brigades said the Northern Army had shelled the market. Its commander, Tom Reed, has denied that account.")).toEqual([]);
    expect(added("The Hill Brigades said the raids had hit bakeries. Its commander, Tom Reed, denied that any fighter had come from the north.")).toEqual([]);
    expect(added("The Hill Brigades said Tom Reed had fled. He denied that he had left the city.")).toEqual([]);
  });

  it("reads a description of someone by an abusive name as an accusation, and none by any other", () => {
    expect(added('Tom Reed, spokesman of the Lakeside Council, described the Northern Front as a "terrorist organisation acting on foreign orders".')).toEqual([
      "ACCUSE Tom Reed -> Northern Front",
    ]);
    expect(added('Tom Reed branded the Northern Front "puppets of the north".')).toEqual(["ACCUSE Tom Reed -> Northern Front"]);
    expect(added("Tom Reed described the Northern Front as a partner in the fight against terrorists.")).toEqual([]);
    expect(added('Tom Reed called the attack "the work of terrorists".')).toEqual([]);
  });

  it("adds nothing where the event rules read the same cue for the same speaker", () => {
    expect(added("The Northern Front accused the Hill Brigades of burning four villages.", earlier)).toEqual([]);
  });

  it("keeps the event where its cue stands inside someone else's words", () => {
    expect(added("The Lakeside Council said the Northern Front had accused the Hill Brigades of burning four villages.")).toEqual([
      "ACCUSE Northern Front -> Hill Brigades (claimed by Lakeside Council)",
    ]);
  });

  it("reads no act of a speaker named after a preposition right before the cue", () => {
    expect(added("A lawyer for a group campaigning in the Northern Front, dismissed the Hill Brigades' move as empty.")).toEqual([]);
  });

  it("reads no act in a negated or conditional cue", () => {
    expect(added("The Northern Front did not accuse the Hill Brigades of the bombing.")).toEqual([]);
  });
});
