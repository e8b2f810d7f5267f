import { describe, expect, it } from "vitest";
import { CameoEventCoder } from "./cameo-events.js";
import { eventsAdded } from "./events-added.js";
import { defaultPipeline } from "./pipeline.js";

const coder = new CameoEventCoder();
const rules = defaultPipeline().filter((c) => c.name !== coder.name);

/** The events the coder adds to the rules' reading of `text`. */
const coded = (text: string) => eventsAdded(coder, text, rules);

describe("CAMEO dictionary event coder", () => {
  it("codes a dictionary verb with its clause subject as source and its object as target", () => {
    // "apprehended": a dictionary verb the event rules do not read themselves ("captured" they do).
    expect(coded("Kenya apprehended Uganda's ambassador on Monday.")).toEqual(["COERCE Kenya -> Uganda"]);
    expect(coded("Hamas berated Egypt on Tuesday.")).toEqual(["ACCUSE Hamas -> Egypt"]);
  });

  it("reads a passive's agent as the source", () => {
    expect(coded("Nigeria was pounded by Cameroon.")).toEqual(["ASSAULT Cameroon -> Nigeria"]);
  });

  it("lets a phrase pattern of the verb's block choose the code", () => {
    // "agreed" alone is an agreement; the dictionary's pattern "agree * (on need)" is a statement, no event of ours.
    expect(coded("Chile and Peru agreed to hold joint naval exercises.")).toEqual(["AGREE Chile -> Peru", "AGREE Peru -> Chile"]);
    expect(coded("Chile and Peru agreed on the need for calm.")).toEqual([]);
  });

  it("keeps what a speaker reports as that speaker's claim", () => {
    expect(coded("Ghana said that Togo had apprehended Benin's consul.")).toEqual(["COERCE Togo -> Benin (claimed by Ghana)"]);
  });

  it("codes nothing unreal, negated or to come", () => {
    expect(coded("Kenya would never capture Uganda's ambassador.")).toEqual([]);
    expect(coded("Kenya plans to capture Uganda's ambassador.")).toEqual([]);
  });

  it("takes no place, time or modifier for a subject or an object", () => {
    expect(coded("A drone strike in Somalia has killed a commander of al-Shabaab.")).toEqual([]);
    expect(coded("Turkish troops fought under the banner of NATO.")).toEqual([]);
    expect(coded("Sudan's army spokesman denounced Chad.")).toEqual([]);
  });

  it("reads no noun after a possessive as a verb", () => {
    expect(coded("Its raids on Mali continued as Algeria watched.")).toEqual([]);
  });

  it("adds nothing where the event rules already read the pair in that sentence", () => {
    expect(coded("Egypt accused Hamas; Hamas berated Egypt.")).toEqual([]);
    expect(coded("Egypt accused Hamas. Hamas berated Egypt.")).toEqual(["ACCUSE Hamas -> Egypt"]);
  });
});

describe("CAMEO coder: intents", () => {
  it("reads a bare root after 'will' as an intent: to cooperate is AGREE, to use force a threat", () => {
    expect(coded("Chile will support Peru in the talks.")).toEqual(["AGREE Chile -> Peru"]);
    expect(coded("Chile will bomb Peru.")).toEqual(["THREATEN Chile -> Peru"]);
    expect(coded("Chile bomb Peru.")).toEqual([]);
  });

  it("reads an intent announced in reported speech ('said it would'), not a bare 'would'", () => {
    expect(coded("Chile said it would bomb Peru.")).toEqual(["THREATEN Chile -> Peru"]);
    expect(coded("Chile would bomb Peru.")).toEqual([]);
  });

  it("makes no mutual event of an intent", () => {
    expect(coded("Chile and Peru will host the summit.")).toEqual([]);
  });
});

describe("CAMEO coder: sources and targets", () => {
  it("takes an entity before another across a preposition as the object, not as its modifier", () => {
    // "Uganda's consul to Tanzania": Uganda is the possessor of the one extradited, Tanzania where he went.
    expect(coded("Kenya extradited Uganda's consul to Tanzania.")).toEqual(["COOPERATE Kenya -> Uganda"]);
  });

  it("reads the author of a rejected offer and the one a demand is made of", () => {
    expect(coded("Chile on Monday rejected a fresh offer from Peru.")).toEqual(["REJECT Chile -> Peru"]);
    expect(coded("Hamas demanded an apology from Egypt.")).toEqual(["REQUEST Hamas -> Egypt"]);
    expect(coded("Egypt demanded on Friday that Israel withdraw its troops.")).toEqual(["REQUEST Egypt -> Israel"]);
  });

  it("reads the one a pattern's noun is aimed at", () => {
    expect(coded("Japan halted aid to Serbia.")).toEqual(["SANCTION Japan -> Serbia"]);
  });

  it("reads a subject across an apposition", () => {
    expect(coded("Kofi Annan, the envoy of the UN, berated Syria.")).toEqual(["ACCUSE Kofi Annan -> Syria"]);
    expect(coded("A senior member of the Syrian parliament, Kofi Annan, berated Israel.")).toEqual(["ACCUSE Kofi Annan -> Israel"]);
    expect(coded("Chile berated Peru's envoy, and Bolivia, the neighbour, berated Chile.")).toEqual(["ACCUSE Chile -> Peru", "ACCUSE Bolivia -> Chile"]);
  });

  it("gives each of a list of subjects or objects the event", () => {
    expect(coded("Chile, Peru and Ecuador pounded Bolivia.")).toEqual(["ASSAULT Ecuador -> Bolivia", "ASSAULT Chile -> Bolivia", "ASSAULT Peru -> Bolivia"]);
    expect(coded("Chile and Peru were pounded by Bolivia.")).toEqual(["ASSAULT Bolivia -> Peru", "ASSAULT Bolivia -> Chile"]);
    expect(coded("Chile berated Peru and Bolivia on Monday.")).toEqual(["ACCUSE Chile -> Peru", "ACCUSE Chile -> Bolivia"]);
  });

  it("reads the one something is given to", () => {
    expect(coded("Syria has again offered its troops to Lebanon.")).toEqual(["AGREE Syria -> Lebanon"]);
    expect(coded("Chile offered its troops in Peru.")).toEqual([]);
  });

  it("takes a day after 'on' for no place before the subject", () => {
    expect(coded("Japan said on Tuesday it had halted economic aid to Serbia.")).toEqual(["SANCTION Japan -> Serbia (claimed by Japan)"]);
  });

  it("lets an organisation's activists act for it, not a place's", () => {
    expect(coded("Activists from the banned Hamas staged rallies in Gaza.")).toEqual(["PROTEST Hamas -> -"]);
    expect(coded("Activists from Gaza staged rallies in Egypt.")).toEqual([]);
  });

  it("codes a rejection and a threat of a deed without a target", () => {
    expect(coded("Chile flatly rejected the plan.")).toEqual(["REJECT Chile -> -"]);
    expect(coded("Hamas threatened on Monday to resume its attacks.")).toEqual(["THREATEN Hamas -> -"]);
    expect(coded("Hamas threatened the talks.")).toEqual([]);
  });

  it("reads a force's subject across what it is made of or uses ('aircraft including helicopter gunships')", () => {
    expect(coded("Chilean aircraft including helicopter gunships killed 12 villagers in the valley.")).toEqual(["ASSAULT Chile -> -"]);
    expect(coded("Chilean jets using guided missiles killed 12 villagers in the valley.")).toEqual(["ASSAULT Chile -> -"]);
    // A name inside the phrase makes the entity before it no subject.
    expect(coded("Chilean aircraft including Peru's gunships killed 12 villagers in the valley.")).toEqual([]);
  });

  it("codes a refusal of a deed without a target, also in the progressive", () => {
    expect(coded("The Chilean government has refused to commit troops to the mission.")).toEqual(["REJECT Chile -> -"]);
    expect(coded("The Chilean government is refusing to lift the curfew.")).toEqual(["REJECT Chile -> -"]);
    expect(coded("The Chilean government is refusing the talks.")).toEqual([]);
    expect(coded("The Chilean government refused to comment on the mission.")).toEqual([]);
    expect(coded("Chile declined to value the deal.")).toEqual([]);
    expect(coded("Chile refused to rule out an interest in the mine.")).toEqual([]);
  });

  it("codes an agreement to a deed without a target, unless the subject is excepted", () => {
    expect(coded("Hamas has agreed to release the hostages.")).toEqual(["AGREE Hamas -> -"]);
    expect(coded("Hamas agreed in principle on Saturday to release the hostages.")).toEqual(["AGREE Hamas -> -"]);
    expect(coded("All members except Chile and Peru agreed to cut output.")).toEqual([]);
    expect(coded("Chile agreed on the need for calm.")).toEqual([]);
  });

  it("takes a pronoun for a subject only for a name before it in its sentence", () => {
    expect(coded("Chile berated Peru. It also pounded Bolivia.")).toEqual(["ACCUSE Chile -> Peru"]);
  });

  it("leaves a deed without a target that someone else reports to the speaker's charge", () => {
    expect(coded("Hamas said the Egyptian army had captured 200 migrants.")).toEqual([]);
    expect(coded("The Egyptian army had captured 200 migrants.")).toEqual(["COERCE Egyptian army -> -"]);
  });

  it("takes no person named after 'of' for the one who acts", () => {
    expect(coded("Supporters of Kofi Annan berated Israel.")).toEqual([]);
  });

  it("codes a deed whose object names no actor as the subject's alone, but not a participle or a progressive", () => {
    expect(coded("Chile has captured 200 migrants.")).toEqual(["COERCE Chile -> -"]);
    expect(coded("Hamas fighters captured in the raid were freed.")).toEqual([]);
    expect(coded("Chile has been capturing the market.")).toEqual([]);
    // A pattern's noun as the object: "opened fire", not "opened a factory".
    expect(coded("Chile opened fire on protesters.")).toEqual(["ASSAULT Chile -> -"]);
    expect(coded("Chile opened a new factory.")).toEqual([]);
  });
});

describe("CAMEO coder: phrase patterns", () => {
  it("reads broad verbs through their block's patterns only ('staged a demonstration', not 'staged' alone)", () => {
    // (A hunger strike the event rules now read themselves: a rally they leave to the dictionary.)
    expect(coded("Hamas staged a mass rally in Gaza.")).toEqual(["PROTEST Hamas -> -"]);
    expect(coded("Hamas staged the play in Gaza.")).toEqual([]);
  });

  it("reads a pattern only with the verb it was written for ('put * in prison' is no 'staged ... in prison')", () => {
    expect(coded("Egypt staged a mass rally in prison.")).toEqual(["PROTEST Egypt -> -"]);
  });

  it("reads a pattern of another verb of the block only as the verb's object", () => {
    // "- * AID [162] # HALT": "stopped aid" is a sanction too.
    expect(coded("Japan stopped aid to Serbia.")).toEqual(["SANCTION Japan -> Serbia"]);
  });

  it("prefers, of patterns as long, the one nearest the verb", () => {
    expect(coded("Chile issued an ultimatum to Peru to halt its attacks.")).toEqual(["THREATEN Chile -> Peru"]);
  });

  it("keeps a demand verb's appeal patterns a demand", () => {
    expect(coded("Chile demanded support from Peru.")).toEqual(["REQUEST Chile -> Peru"]);
  });
});
