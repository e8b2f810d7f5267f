import { describe, expect, it } from "vitest";
import type { PloverType } from "../model/index.js";
import { analyseDoc } from "./pipeline.js";

/**
 * The events of `text` (through the whole pipeline) of one type, as "source -> target" lines by
 * entity id, and the same lines made from names: `expected` finds each name among the entities'
 * names and aliases, so the tests do not hang on which spelling becomes an actor's name.
 */
function eventsOf(text: string, type: PloverType, date = "2024-03-11") {
  const doc = analyseDoc({ id: "doc", date, text, sha256: "" });
  const id = (name: string) => {
    const entity = doc.entities.find((e) => e.name === name || e.aliases.has(name));
    if (!entity) throw new Error(`no entity ${name}; have ${doc.entities.map((e) => e.name).join(", ")}`);
    return entity.id;
  };
  const line = (source: string, target: string | null, claimedBy: string | null) => `${source} -> ${target ?? "-"}${claimedBy ? ` (claimed by ${claimedBy})` : ""}`;
  const found = doc.events.filter((e) => e.type === type).map((e) => line(e.source, e.target, e.attributed_to));
  const expected = (...pairs: [string, string, string?][]) => pairs.map(([source, target, claimedBy]) => line(id(source), id(target), claimedBy ? id(claimedBy) : null));
  return { found, expected };
}

describe("event sources and targets", () => {
  it("reads a passive's agent as the source and its subject as the target, across coordinated verbs", () => {
    const { found, expected } = eventsOf("Al-Shabaab has been banned by Kenya since 2010 and was designated a terrorist organisation by the United States in 2008.", "SANCTION");
    expect(found).toEqual(expected(["Kenya", "Al-Shabaab"], ["United States", "Al-Shabaab"]));
  });

  it("makes no event of a passive that names no agent", () => {
    expect(eventsOf("Jaish-e-Mohammed, led by Masood Azhar, was blamed for Kashmir's worst violence in years.", "ACCUSE").found).toEqual([]);
  });

  it("takes the possessed entity, not its possessor, as the target", () => {
    const { found, expected } = eventsOf("The Taliban accused Pakistan's Inter-Services Intelligence of arming rebels.", "ACCUSE");
    expect(found).toEqual(expected(["Taliban", "Inter-Services Intelligence"]));
  });

  it("gives a second coordinated verb the first verb's subject", () => {
    const { found, expected } = eventsOf("Hezbollah leader Hassan Nasrallah accused Israel of bombing southern Lebanon and blamed the United States for the war.", "ACCUSE");
    expect(found).toEqual(expected(["Hassan Nasrallah", "Israel"], ["Hassan Nasrallah", "United States"]));
  });

  it("gives coordinated subjects each the event", () => {
    const { found, expected } = eventsOf("The European Union and the United States have condemned Iran.", "ACCUSE");
    expect(found.sort()).toEqual(expected(["European Union", "Iran"], ["United States", "Iran"]).sort());
  });

  it("reads an attack by fighters on a base as an assault even where a statement is the topic", () => {
    const text = "The statement came days after al-Shabaab fighters attacked an AMISOM base near the border.";
    const { found, expected } = eventsOf(text, "ASSAULT");
    expect(found).toEqual(expected(["al-Shabaab", "AMISOM"]));
    expect(eventsOf(text, "ACCUSE").found).toEqual([]);
  });

  it("finds the object of a threatened attack a few words on, and not a country's rebels", () => {
    const { found, expected } = eventsOf("Al-Shabaab has threatened to step up its attacks on Kenya and Ethiopia.", "THREATEN");
    expect(found).toEqual(expected(["Al-Shabaab", "Kenya"], ["Al-Shabaab", "Ethiopia"]));
    expect(eventsOf("Turkey backs Syrian rebels in the north.", "SUPPORT").found).toEqual([]);
  });
});

describe("event phrasings beyond trigger verbs", () => {
  it("reads a warning that someone would be targeted as a threat to them", () => {
    const { found, expected } = eventsOf("Al-Shabaab warned that Kenyan troops would be targeted.", "THREATEN");
    expect(found).toEqual(expected(["Al-Shabaab", "Kenya"]));
  });

  it("gives the one who used a medium to denounce someone the accusation", () => {
    const { found, expected } = eventsOf("Al Qaeda used its magazine to denounce Saudi Arabia.", "ACCUSE");
    expect(found).toEqual(expected(["Al Qaeda", "Saudi Arabia"]));
  });

  it("reads a claimed attack as the claimant's assault, attributed to its claim", () => {
    const { found, expected } = eventsOf("The Islamic State claimed responsibility for the bombing that killed three Russian soldiers.", "ASSAULT");
    expect(found).toEqual(expected(["Islamic State", "Russia", "Islamic State"]));
  });

  it("reads an assault named by its noun", () => {
    const { found, expected } = eventsOf("Prices rose after Russia's invasion of Ukraine.", "ASSAULT");
    expect(found).toEqual(expected(["Russia", "Ukraine"]));
  });

  it("reads a refusal of what someone tried as rejecting them, not the object of the next verb", () => {
    const { found, expected } = eventsOf("When al Qaeda tried to absorb the Islamic State in 2013, Abu Bakr al-Baghdadi refused and pledged to continue alone.", "REJECT");
    expect(found).toEqual(expected(["Abu Bakr al-Baghdadi", "al Qaeda"]));
  });

  it("reads killing a number of a country's soldiers as an assault on the country", () => {
    const { found, expected } = eventsOf("Al-Shabaab fighters killed 12 Kenyan soldiers near the border on Sunday.", "ASSAULT");
    expect(found).toEqual(expected(["Al-Shabaab", "Kenya"]));
  });

  it("does not read a progressive as a passive, nor take an infinitive's object as the target", () => {
    const blaming = eventsOf("Egypt was blaming Hamas for the delay.", "ACCUSE");
    expect(blaming.found).toEqual(blaming.expected(["Egypt", "Hamas"]));
    const request = eventsOf("Amnesty International condemned the plan and called on donors to fund UNICEF.", "REQUEST");
    expect(request.found).toEqual([]);
  });

  it("gives a participle after a comma the main clause's subject ('calling X \"...\"', 'accusing X')", () => {
    const calling = eventsOf("Al-Shabaab released a new video on Monday, calling Kenya's soldiers 'crusader invaders'.", "ACCUSE");
    expect(calling.found).toEqual(calling.expected(["Al-Shabaab", "Kenya"]));
    const accusing = eventsOf("The Taliban attacked a checkpoint in Kandahar, killing six policemen and accusing Pakistan of sheltering the attackers.", "ACCUSE");
    expect(accusing.found).toEqual(accusing.expected(["Taliban", "Pakistan"]));
  });

  it("does not read a denied link with someone as rejecting them", () => {
    expect(eventsOf("Hamas denied any link with Iran.", "REJECT").found).toEqual([]);
  });
});

describe("rejections of what someone said", () => {
  it("reads rejecting 'the claim' as rejecting the one who made it", () => {
    const { found, expected } = eventsOf("The Arakan Army said its fighters had captured a border post. Myanmar rejected the claim as propaganda.", "REJECT");
    expect(found).toEqual(expected(["Myanmar", "Arakan Army"]));
  });

  it("reads rejecting 'the accusations' or 'a charge X denies' as rejecting the accuser", () => {
    const dismissed = eventsOf("Morocco accused Algeria of arming the Polisario Front. Algeria dismissed the accusations.", "REJECT");
    expect(dismissed.found).toEqual(dismissed.expected(["Algeria", "Morocco"]));
    const denies = eventsOf("Kenya has accused Tanzania of harbouring rebels, a charge Tanzania denies.", "REJECT");
    expect(denies.found).toEqual(denies.expected(["Tanzania", "Kenya"]));
  });

  it("takes the one named after the speaker's own words, and no one from a denied deed", () => {
    const { found, expected } = eventsOf('Azerbaijan rejected what it called "baseless accusations" by Armenia.', "REJECT");
    expect(found).toEqual(expected(["Azerbaijan", "Armenia"]));
    expect(eventsOf("Thailand denied allowing Myanmar troops on its soil.", "REJECT").found).toEqual([]);
  });

  it("reads suspending talks with someone as rejecting them, not sanctioning them", () => {
    const text = "Peru suspended peace talks with the Shining Path on Friday.";
    const { found, expected } = eventsOf(text, "REJECT");
    expect(found).toEqual(expected(["Peru", "Shining Path"]));
    expect(eventsOf(text, "SANCTION").found).toEqual([]);
  });
});

describe("accusations, threats, requests and sanctions in other words", () => {
  it("reads holding someone responsible as accusing them, and a passive 'held accountable' as no one's", () => {
    const { found, expected } = eventsOf("Peru holds the Shining Path responsible for the bombing.", "ACCUSE");
    expect(found).toEqual(expected(["Peru", "Shining Path"]));
    expect(eventsOf("Peru warned that Bolivia would be held accountable for attacks by its proxies.", "ACCUSE").found).toEqual([]);
  });

  it("reads 'charged that X' and 'charges X with' as accusing X", () => {
    const that = eventsOf("Armenia charged that the Azerbaijani army fights side by side with foreign mercenaries.", "ACCUSE");
    expect(that.found).toEqual(that.expected(["Armenia", "Azerbaijani army"]));
    const withDeed = eventsOf("Human Rights Watch charges the Myanmar military with burning villages.", "ACCUSE");
    expect(withDeed.found).toEqual(withDeed.expected(["Human Rights Watch", "Tatmadaw"]));
  });

  it("reads describing someone by an abusive name as accusing them, and a friendly description as nothing", () => {
    const { found, expected } = eventsOf('Colonel Juan Ortega described the Shining Path\'s fighters as "mercenaries of drug lords".', "ACCUSE");
    expect(found).toEqual(expected(["Juan Ortega", "Shining Path"]));
    expect(eventsOf('Morocco described Tunisia as "a close partner".', "ACCUSE").found).toEqual([]);
  });

  it("reads saying someone had planned an attack as accusing them, but not a group's word about itself nor a negated verb", () => {
    const { found, expected } = eventsOf("Colonel Juan Ortega said the Shining Path had helped plan the bombings.", "ACCUSE");
    expect(found).toEqual(expected(["Juan Ortega", "Shining Path"]));
    expect(eventsOf("The Shining Path said it had carried out the bombing.", "ACCUSE").found).toEqual([]);
    expect(eventsOf("Human Rights Watch has not condemned Peru.", "ACCUSE").found).toEqual([]);
  });

  it("gives a verb coordinated with an untriggering one that verb's subject, not the object before 'and'", () => {
    const { found, expected } = eventsOf("Morocco summoned the ambassador of Tunisia and accused Algeria of arming rebels.", "ACCUSE");
    expect(found).toEqual(expected(["Morocco", "Algeria"]));
  });

  it("gives a verb coordinated with an untriggering one the subject set off by commas", () => {
    const text = "Tanzania's government spokesperson, Hassan Abbasi, called the accusations \"a smokescreen\" and charged that the Mozambican army fights alongside mercenaries.";
    const { found, expected } = eventsOf(text, "ACCUSE");
    expect(found).toEqual(expected(["Hassan Abbasi", "Mozambican army"]));
  });

  it("reads vows to make someone pay, to carry a war to them, and promises of war as threats", () => {
    const pay = eventsOf("The Shining Path vowed to make Peru pay for the killings.", "THREATEN");
    expect(pay.found).toEqual(pay.expected(["Shining Path", "Peru"]));
    expect(eventsOf("The Shining Path vowed to make peace with Peru.", "THREATEN").found).toEqual([]);
    const war = eventsOf("The Polisario Front released a video in which a masked commander vowed to carry its war to Morocco.", "THREATEN");
    expect(war.found).toEqual(war.expected(["Polisario Front", "Morocco"]));
    const promised = 'Jemaah Islamiyah has promised the US-backed Indonesian army "a long war of attrition".';
    const threat = eventsOf(promised, "THREATEN");
    expect(threat.found).toEqual(threat.expected(["Jemaah Islamiyah", "Indonesian army"]));
    // "US-backed" is an adjective: no one backs anyone here.
    expect(eventsOf(promised, "SUPPORT").found).toEqual([]);
    expect(eventsOf("Mozambique promised Tanzania a new trade deal.", "THREATEN").found).toEqual([]);
  });

  it("reads a demand that someone act as a request to them, and gives a participle after a quote its speaker", () => {
    const that = eventsOf("Amnesty International condemned the raid and demanded that Mexico release the detainees.", "REQUEST");
    expect(that.found).toEqual(that.expected(["Amnesty International", "Mexico"]));
    const urging = eventsOf('"They are mercenaries," spokesman Ahmed Salem told a news conference, urging the European Union to impose sanctions on Libya.', "REQUEST");
    expect(urging.found).toEqual(urging.expected(["Ahmed Salem", "European Union"]));
  });

  it("reads outlawing and listing as sanctions, a body of an organisation acting for it", () => {
    const outlawed = eventsOf("Germany outlawed the PKK in 1993.", "SANCTION");
    expect(outlawed.found).toEqual(outlawed.expected(["Germany", "PKK"]));
    const listed = eventsOf("The European Union's foreign affairs council placed the Rapid Support Forces on its sanctions list in 2024.", "SANCTION");
    expect(listed.found).toEqual(listed.expected(["European Union", "Rapid Support Forces"]));
    expect(eventsOf("Germany placed Peru on the agenda.", "SANCTION").found).toEqual([]);
  });
});
