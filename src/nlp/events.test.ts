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
  it("reads a state's junta or military rulers as the state, and a description of the one state military or armed group as that actor", () => {
    const junta = eventsOf("The Red Hand Brigade is a militant group. Chad's junta accused the brigade of war crimes. Ghana's military rulers blamed the brigade too.", "ACCUSE");
    expect(junta.found).toEqual(junta.expected(["Chad", "Red Hand Brigade"], ["Ghana", "Red Hand Brigade"]));
    const text = "The Red Hand Brigade, a militant group, has fought the Ghanaian army since 2019. On Monday government troops attacked the brigade near Dala. Security forces arrested three of the militants.";
    const assault = eventsOf(text, "ASSAULT");
    expect(assault.found).toEqual(expect.arrayContaining(assault.expected(["Ghanaian army", "Red Hand Brigade"])));
    const arrest = eventsOf(text, "COERCE");
    expect(arrest.found).toEqual(arrest.expected(["Ghanaian army", "Red Hand Brigade"]));
  });

  it("blames 'the X in the Y (Z)' on the Z its bracketed name makes of the whole, not on the X it begins with", () => {
    const { found, expected } = eventsOf("The Ghanaian government blamed the massacre on the Islamic State in the Western Hills (EIOC), a local affiliate.", "ACCUSE");
    expect(found).toEqual(expected(["Ghanaian government", "EIOC"]));
  });

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

  it("reads seizing a town as an assault on it, not as coercion", () => {
    const text = "The Arakan Army took Maungdaw in December. It also seized Paletwa in neighbouring Chin State.";
    const town = eventsOf(text, "ASSAULT");
    expect(town.found).toEqual(town.expected(["Arakan Army", "Paletwa"]));
    expect(eventsOf(text, "COERCE").found).toEqual([]);
  });

  it("reads an assault on an unnamed army's post as one on the army the document names", () => {
    const text = "The Nigerian Army said ISWAP fighters stormed an army base in Malam Fatori on Monday night.";
    const { found, expected } = eventsOf(text, "ASSAULT");
    expect(found).toEqual(expected(["ISWAP", "Nigerian Army", "Nigerian Army"]));
    // With no army named, the base's army is no one: an assault with no target is all the coder reads.
    expect(eventsOf("ISWAP fighters stormed an army base in Malam Fatori on Monday night.", "ASSAULT").found.filter((e) => !e.endsWith("-> -"))).toEqual([]);
  });

  it("reads the pronoun of a clause hung on a place, not the place, as the subject", () => {
    const text = "The Karen National Union has taken six towns, among them Myawaddy and Kawkareik, where it overran the Light Infantry Division in May.";
    const { found, expected } = eventsOf(text, "ASSAULT");
    expect(found).toEqual(expected(["Karen National Union", "Light Infantry Division"]));
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

  it("reads blaming something on someone as accusing them, and takes the subject past 'for its part'", () => {
    const blamed = eventsOf("The Arakan Army blamed the fires on junta air strikes and on the Arakan Rohingya Salvation Army (ARSA).", "ACCUSE");
    expect(blamed.found).toEqual(blamed.expected(["Arakan Army", "Arakan Rohingya Salvation Army"]));
    const part = eventsOf("The Jenin Brigade, for its part, accuses the Palestinian Authority of doing the occupier's work.", "ACCUSE");
    expect(part.found).toEqual(part.expected(["Jenin Brigade", "Palestinian Authority"]));
  });

  it("takes no place an attack is named by, no subject's own people and no town a relative clause denies as a target", () => {
    expect(eventsOf("Baghdad, which banned the PKK in March, condemned the Ankara attack.", "ACCUSE").found).toEqual([]);
    expect(eventsOf("The Taliban said the Islamic State had attacked its own supporters.", "ACCUSE").found).toEqual([]);
    const relative = "Amnesty International has accused Nigerien soldiers of killing civilians in Tillabéri, which the Niger Armed Forces deny.";
    expect(eventsOf(relative, "REJECT").found).toEqual([]);
    expect(eventsOf("The gas project near Palma, which the French company TotalEnergies suspended in 2021, is idle.", "SANCTION").found).toEqual([]);
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

  it("gives what a country's mission or envoy to a body says to the country, not the body", () => {
    const { found, expected } = eventsOf("Morocco accused Algeria of arming the Polisario Front. Algeria's mission to the United Nations dismissed the allegation as baseless.", "REJECT");
    expect(found).toEqual(expected(["Algeria", "Morocco"]));
  });

  it("takes the one named after the speaker's own words, and no one from a denied deed", () => {
    const { found, expected } = eventsOf('Azerbaijan rejected what it called "baseless accusations" by Armenia.', "REJECT");
    expect(found).toEqual(expected(["Azerbaijan", "Armenia"]));
    expect(eventsOf("Thailand denied allowing Myanmar troops on its soil.", "REJECT").found).toEqual([]);
  });

  it("reads denying a deed as rejecting whoever last accused the denier, and no one when nobody did", () => {
    const text = "Human Rights Watch accused the Arakan Army of burning homes in Buthidaung. The Arakan Army denied targeting civilians.";
    const { found, expected } = eventsOf(text, "REJECT");
    expect(found).toEqual(expected(["Arakan Army", "Human Rights Watch"]));
    const other = "Human Rights Watch accused Myanmar of burning homes in Buthidaung. The Arakan Army denied targeting civilians.";
    expect(eventsOf(other, "REJECT").found).toEqual([]);
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

  it("takes the subject from before an aside saying how it is known, not from inside it", () => {
    const { found, expected } = eventsOf("The Hill Brigades released a video. Its narrator, introduced only as a commander of the Northern Front's southern branch, charges the Lakeside Council with locking up thousands.", "ACCUSE");
    expect(found).toEqual(expected(["Hill Brigades", "Lakeside Council"]));
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
    const quotedAfterArticle = eventsOf('General Hugo Salas described the Tupac Katari Front as a "terrorist gang serving foreign masters".', "ACCUSE");
    expect(quotedAfterArticle.found).toEqual(quotedAfterArticle.expected(["Hugo Salas", "Tupac Katari Front"]));
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

  it("reads a complaint about Y's deeds as an accusation of Y, not of the one complained to", () => {
    const complained = eventsOf("Chile complained to the United Nations on Tuesday over two Peruvian air raids on its border.", "ACCUSE");
    expect(complained.found).toEqual(complained.expected(["Chile", "Peru"]));
    const about = eventsOf("Chile complained about Peru's fishing fleet.", "ACCUSE");
    expect(about.found).toEqual(about.expected(["Chile", "Peru"]));
    expect(eventsOf("Chile complained to the United Nations.", "ACCUSE").found).toEqual([]);
  });

  it("reads lifting or easing a restriction on Y as a concession to Y", () => {
    const curfew = eventsOf("Chile eased emergency measures on Wednesday in Peru.", "CONCEDE");
    expect(curfew.found).toEqual(curfew.expected(["Chile", "Peru"]));
    const ban = eventsOf("Chile lifted its ban on Peruvian fish imports.", "CONCEDE");
    expect(ban.found).toEqual(ban.expected(["Chile", "Peru"]));
    expect(eventsOf("Chile lifted the ban on Tuesday.", "CONCEDE").found).toEqual([]);
  });

  it("reads imposing a curfew, a state of emergency or a blockade in Y as coercion of Y, and announcing one as a threat", () => {
    const curfew = eventsOf("Chile imposed a night curfew in Peru on Monday after the riots.", "COERCE");
    expect(curfew.found).toEqual(curfew.expected(["Chile", "Peru"]));
    const siege = eventsOf("Chile declared a 30-day state of siege in Peru on Saturday.", "COERCE");
    expect(siege.found).toEqual(siege.expected(["Chile", "Peru"]));
    expect(eventsOf("Chile imposed new tariffs on Peru.", "COERCE").found).toEqual([]);
    const announced = eventsOf("Chile said it will extend the curfew in Peru.", "THREATEN");
    expect(announced.found).toEqual(announced.expected(["Chile", "Peru"]));
    const prepared = eventsOf("Chile is prepared to impose martial law in Peru.", "THREATEN");
    expect(prepared.found).toEqual(prepared.expected(["Chile", "Peru"]));
    expect(eventsOf("Chile will not extend the curfew in Peru.", "THREATEN").found).toEqual([]);
  });

  it("reads arms, money or relief goods sent, delivered or handed over to Y, and asylum granted to Y, as aid to Y", () => {
    const arms = eventsOf("Chile continued to send arms to Peru last year.", "AID");
    expect(arms.found).toEqual(arms.expected(["Chile", "Peru"]));
    const medicine = eventsOf("Chile handed over 700 kg of medicine to the Red Cross in Lima.", "AID");
    expect(medicine.found).toEqual(medicine.expected(["Chile", "Red Cross"]));
    const asylum = eventsOf("Chile has granted diplomatic asylum to Manuel Noriega.", "AID");
    expect(asylum.found).toEqual(asylum.expected(["Chile", "Manuel Noriega"]));
    expect(eventsOf("Chile pledged aid to Peru.", "AID").found).toEqual([]);
    expect(eventsOf("Chile sent a letter to Peru.", "AID").found).toEqual([]);
  });

  it("reads a declared ceasefire, a withdrawal of forces from Y and laying down arms as a retreat", () => {
    const ceasefire = eventsOf("The Red Hand Brigade declared a unilateral ceasefire on Wednesday.", "RETREAT");
    expect(ceasefire.found).toEqual([expect.stringMatching(/ -> -$/)]);
    const withdrawal = eventsOf("Chile speeded up the withdrawal of its forces from Peru on Wednesday.", "RETREAT");
    expect(withdrawal.found).toEqual(withdrawal.expected(["Chile", "Peru"]));
    expect(eventsOf("The Red Hand Brigade has laid down its arms.", "RETREAT").found).toHaveLength(1);
    expect(eventsOf("Chile called for a ceasefire in Peru.", "RETREAT").found).toEqual([]);
    expect(eventsOf("The Red Hand Brigade announced the truce had collapsed.", "RETREAT").found).toEqual([]);
  });

  it("reads a demonstration, a sit-in or a strike of work or hunger staged or organised (against Y) as a protest", () => {
    const against = eventsOf("The Lima Teachers Union organised a demonstration against the government of Chile.", "PROTEST");
    expect(against.found).toEqual(against.expected(["Lima Teachers Union", "Chile"]));
    expect(eventsOf("The Lima Teachers Union staged a general strike on Monday.", "PROTEST").found).toEqual([expect.stringMatching(/ -> -$/)]);
    expect(eventsOf("The Lima Teachers Union went on hunger strike.", "PROTEST").found).toHaveLength(1);
    expect(eventsOf("Chile launched air strikes on Peru.", "PROTEST").found).toEqual([]);
    expect(eventsOf("The Lima Teachers Union held talks with protest leaders.", "PROTEST").found).toEqual([]);
    // A place after "around" or "throughout" is where, not who.
    expect(eventsOf("LIMA, March 18 - Chile's ports face stoppages. Dock Workers around the country went on strike for 24 hours on March 16.", "PROTEST").found).toEqual([]);
  });

  it("reads no act of a state in a deed of its private people or businesses", () => {
    expect(eventsOf("Chilean bondholders attacked Peru's plan in court.", "ACCUSE").found).toEqual([]);
    expect(eventsOf("Two Chilean aid groups delivered medicine to the Red Cross.", "AID").found).toEqual([]);
    // ... but its nationals are its own: a threat to them threatens it.
    const nationals = eventsOf("The Red Hand Brigade warned that Chilean nationals working in Peru would remain targets.", "THREATEN");
    expect(nationals.found).toEqual(nationals.expected(["Red Hand Brigade", "Chile"]));
    const troops = eventsOf("Chilean troops attacked Peru.", "ASSAULT");
    expect(troops.found).toEqual(troops.expected(["Chile", "Peru"]));
  });

  it("reads a legal charge, an indictment or a suit against Y as an accusation of Y", () => {
    const indicted = eventsOf("Manuel Contreras has been indicted by the Inter-American Court for torture.", "ACCUSE");
    expect(indicted.found).toEqual(indicted.expected(["Inter-American Court", "Manuel Contreras"]));
    const complaint = eventsOf("Amnesty International filed a complaint against Chile on Monday.", "ACCUSE");
    expect(complaint.found).toEqual(complaint.expected(["Amnesty International", "Chile"]));
    const sued = eventsOf("The Northern Front sued the Red Hand Brigade over the killings.", "ACCUSE");
    expect(sued.found).toEqual(sued.expected(["Northern Front", "Red Hand Brigade"]));
    expect(eventsOf("The Northern Front was banned from suing the Red Hand Brigade.", "ACCUSE").found).toEqual([]);
  });

  it("reads pressing or pressuring Y to act, or pushing for Y to act, as a demand of Y", () => {
    const into = eventsOf("Chile is pressuring Peru into a fishing deal.", "REQUEST");
    expect(into.found).toEqual(into.expected(["Chile", "Peru"]));
    const pushing = eventsOf("Chile is pushing hard for the Red Hand Brigade to support its plan.", "REQUEST");
    expect(pushing.found).toEqual(pushing.expected(["Chile", "Red Hand Brigade"]));
    expect(eventsOf("Chile is pushing hard for reforms in Peru.", "REQUEST").found).toEqual([]);
  });

  it("reads strengthening one's forces in Y as a mobilisation there", () => {
    const forces = eventsOf("Chile has strengthened its forces in Peru following the discovery of rockets.", "MOBILIZE");
    expect(forces.found).toEqual(forces.expected(["Chile", "Peru"]));
    expect(eventsOf("Chile has strengthened its ties with Peru.", "MOBILIZE").found).toEqual([]);
  });

  it("takes the person after a post, not the post's country, for the target, and no entity after a new verb", () => {
    const rejected = eventsOf("Chile today rejected Peruvian President Pablo Ortega's proposal for a ceasefire.", "REJECT");
    expect(rejected.found).toEqual(rejected.expected(["Chile", "Pablo Ortega"]));
    const met = eventsOf("Ana Ruiz met Peruvian Finance Minister Pablo Ortega today and expressed Bolivia's hopes for a deal.", "CONSULT");
    expect(met.found).toEqual(met.expected(["Ana Ruiz", "Pablo Ortega"]));
  });

  it("reads no aid in what a force is 'armed with'", () => {
    expect(eventsOf("Chilean jets armed with rockets bombed Peru.", "AID").found).toEqual([]);
    const armed = eventsOf("Chile armed the Red Hand Brigade.", "AID");
    expect(armed.found).toEqual(armed.expected(["Chile", "Red Hand Brigade"]));
  });

  it("reads no threat in what a group 'no longer' does", () => {
    expect(eventsOf("The Hill Brigade threatens Peru.", "THREATEN").found).toHaveLength(1);
    expect(eventsOf("The Hill Brigade no longer threatens Peru, but it can still ambush patrols.", "THREATEN").found).toEqual([]);
  });

  it("reads being opposed to Y or Y's plan as a rejection of Y, unless negated", () => {
    const opposed = eventsOf("Chile is strongly opposed to Peruvian mediation in the dispute.", "REJECT");
    expect(opposed.found).toEqual(opposed.expected(["Chile", "Peru"]));
    const person = eventsOf("The minister, Ana Ruiz, was implacably opposed to Pablo Ortega.", "REJECT");
    expect(person.found).toEqual(person.expected(["Ana Ruiz", "Pablo Ortega"]));
    expect(eventsOf("Chile is not opposed to Peruvian mediation in the dispute.", "REJECT").found).toEqual([]);
    expect(eventsOf("Chile remains opposed to the plan and West Peru has opposed it in the past.", "REJECT").found).toEqual([]);
  });

  it("reads 'X said that Y must act' as X's request to Y, not 'Y must be punished'", () => {
    const must = eventsOf("The Chilean government declared on Tuesday that Peru must withdraw its troops from the border.", "REQUEST");
    expect(must.found).toEqual(must.expected(["Chilean government", "Peru"]));
    expect(eventsOf("The Chilean government said that Peru must be punished.", "REQUEST").found).toEqual([]);
    expect(eventsOf("The Chilean government said that Peru will withdraw its troops.", "REQUEST").found).toEqual([]);
  });

  it("reads outlawing and listing as sanctions, a body of an organisation acting for it", () => {
    const outlawed = eventsOf("Germany outlawed the PKK in 1993.", "SANCTION");
    expect(outlawed.found).toEqual(outlawed.expected(["Germany", "PKK"]));
    const listed = eventsOf("The European Union's foreign affairs council placed the Rapid Support Forces on its sanctions list in 2024.", "SANCTION");
    expect(listed.found).toEqual(listed.expected(["European Union", "Rapid Support Forces"]));
    expect(eventsOf("Germany placed Peru on the agenda.", "SANCTION").found).toEqual([]);
  });
});

describe("deeds inside charges, blame and claims", () => {
  it("reads a speech act told in its actor's own voice as done, and one told by another as claimed", () => {
    const own = eventsOf("The Hill Brigades has threatened to attack the Lakeside Council, the group's spokesman Tom Reed said on Monday.", "THREATEN");
    expect(own.found).toEqual(own.expected(["Hill Brigades", "Lakeside Council"]));
    const told = eventsOf("The Lakeside Council said the Hill Brigades had threatened to attack the Northern Front.", "THREATEN");
    expect(told.found).toEqual(told.expected(["Hill Brigades", "Northern Front", "Lakeside Council"]));
  });

  it("reads the deed a charge names as the accused's event, claimed by the accuser", () => {
    const arming = eventsOf("Morocco has long accused Algeria of arming, training and sheltering the Polisario Front's leaders.", "AID");
    expect(arming.found).toEqual(arming.expected(["Algeria", "Polisario Front", "Morocco"]));
    const sanctuary = eventsOf("Kenya has accused Eritrea of giving al-Shabaab sanctuary.", "SUPPORT");
    expect(sanctuary.found).toEqual(sanctuary.expected(["Eritrea", "al-Shabaab", "Kenya"]));
    const strikes = eventsOf("The Pakistani Taliban accused Pakistan of carrying out air strikes against Afghanistan.", "ASSAULT");
    expect(strikes.found).toEqual(strikes.expected(["Pakistan", "Afghanistan", "Pakistani Taliban"]));
    const passing = eventsOf("Hamas accused Fatah of passing its plans to Israel.", "COOPERATE");
    expect(passing.found).toEqual(passing.expected(["Fatah", "Israel", "Hamas"]));
  });

  it("reads 'charged that X arms Y' as X's deed, and accuses X alone", () => {
    const text = "Yemen has long charged that Iran finances and arms the Houthis.";
    const aid = eventsOf(text, "AID");
    expect(aid.found).toEqual(aid.expected(["Iran", "Houthis", "Yemen"]));
    const accused = eventsOf(text, "ACCUSE");
    expect(accused.found).toEqual(accused.expected(["Yemen", "Iran"]));
  });

  it("makes no deed of a charge that names none", () => {
    expect(eventsOf("Morocco accused Algeria of lying about Spain.", "AID").found).toEqual([]);
    expect(eventsOf("The attack was claimed by the Qassam Brigades, the armed wing of Hamas.", "AID").found).toEqual([]);
    const armed = eventsOf("Iran armed the Houthis.", "AID");
    expect(armed.found).toEqual(armed.expected(["Iran", "Houthis"]));
    expect(eventsOf("Morocco accused Algeria of lying about Spain.", "ASSAULT").found).toEqual([]);
    // "with Spain's consent" is how, not whom: no victim after another preposition.
    expect(eventsOf("Morocco accused Algeria of carrying out raids against them with Spain's consent.", "ASSAULT").found).toEqual([]);
  });

  it("reads blame for an attack on someone as the blamed one's assault on them, claimed by the blamer", () => {
    const ambush = eventsOf("Kenya has blamed al-Shabaab for Sunday's ambush on a Kenya Defence Forces convoy near Lamu.", "ASSAULT");
    expect(ambush.found).toEqual(ambush.expected(["al-Shabaab", "Kenya Defence Forces", "Kenya"]));
    const killed = eventsOf("Nigeria blamed Boko Haram for a 2014 raid in Borno in which 40 Cameroonian soldiers were killed.", "ASSAULT");
    expect(killed.found).toEqual(killed.expected(["Boko Haram", "Cameroon", "Nigeria"]));
    expect(eventsOf("Nigeria blamed Boko Haram for the attacks.", "ASSAULT").found).toEqual([]);
  });

  it("finds a claimed attack's victims a few words on", () => {
    const { found, expected } = eventsOf("Al-Shabaab claimed the 2019 truck bombing that killed 20 soldiers of the Kenya Defence Forces.", "ASSAULT");
    expect(found).toEqual(expected(["Al-Shabaab", "Kenya Defence Forces", "Al-Shabaab"]));
  });

  it("reads an attack 'claimed by' someone, in its sentence or as 'It was claimed' after it, as their assault by their own claim", () => {
    const same = eventsOf("The attack on the headquarters of the Kenya Defence Forces was claimed on Sunday by Al-Shabaab.", "ASSAULT");
    expect(same.found).toEqual(same.expected(["Al-Shabaab", "Kenya Defence Forces", "Al-Shabaab"]));
    const next = eventsOf("The attack on the headquarters of the Kenya Defence Forces killed nine people. It was claimed two days later by Al-Shabaab.", "ASSAULT");
    expect(next.found).toEqual(next.expected(["Al-Shabaab", "Kenya Defence Forces", "Al-Shabaab"]));
  });

  it("reads capturing or taking control of ground as an assault, capturing people as coercion, and control of a company as nothing", () => {
    const ground = eventsOf("The Kharsa Front took control of the outskirts of Kasra in April.", "ASSAULT");
    expect(ground.found).toEqual(ground.expected(["Kharsa Front", "Kasra"]));
    const town = eventsOf("The Kharsa Front captured Kasra on Monday.", "ASSAULT");
    expect(town.found).toEqual(town.expected(["Kharsa Front", "Kasra"]));
    const people = eventsOf("The Kharsa Front captured 12 soldiers of the Zandian Army.", "COERCE");
    expect(people.found).toEqual(people.expected(["Kharsa Front", "Zandian Army"]));
    const company = analyseDoc({ id: "doc", date: "2024-03-11", text: "The Kharsa Front took control of the Zandian Oil Company.", sha256: "" });
    expect(company.events).toEqual([]);
  });

  it("reads 'X claimed the attack' after an attack told with no named attacker as X's assault on its victim or place", () => {
    const place = eventsOf("On Friday militants stormed a police station in Kasra, killing 11 officers; the Kharsa Front claimed the attack on its Telegram channel.", "ASSAULT");
    expect(place.found).toEqual(place.expected(["Kharsa Front", "Kasra", "Kharsa Front"]));
    const victim = eventsOf("Gunmen ambushed a patrol of the Zandian Police near Kasra on Monday. The Kharsa Front claimed responsibility for the ambush.", "ASSAULT");
    expect(victim.found).toEqual(victim.expected(["Kharsa Front", "Zandian Police", "Kharsa Front"]));
    // An attack told with its attacker, or in the passive, is not the one claimed.
    const other = eventsOf("The Zandian Army attacked a camp near Kasra. The Kharsa Front claimed the attack.", "ASSAULT");
    expect(other.found).toEqual(other.expected(["Zandian Army", "Kasra"]));
    expect(eventsOf("Two soldiers were attacked in Kasra. The Kharsa Front claimed the attack.", "ASSAULT").found).toEqual([]);
  });
});

describe("assaults, sanctions, agreements and talks in more words", () => {
  it("reads firing rockets at a place, seizing a city, intervening against someone and being routed by someone as assaults", () => {
    const fired = eventsOf("Hamas fired rockets at the Israeli city of Ashkelon.", "ASSAULT");
    expect(fired.found).toEqual(fired.expected(["Hamas", "Israel"]));
    const intervened = eventsOf("The Houthis seized Sanaa and a Saudi-led coalition intervened against the Houthis in 2015.", "ASSAULT");
    expect(intervened.found).toEqual(intervened.expected(["Houthis", "Sanaa"], ["Saudi-led coalition", "Houthis"]));
    const routed = eventsOf("The Seleka held Bangui for a year before being routed by the French army.", "ASSAULT");
    expect(routed.found).toEqual(routed.expected(["French army", "Seleka"]));
  });

  it("takes the object of a relative clause from what 'which' stands for", () => {
    const { found, expected } = eventsOf("Bangladesh officials accuse the Jamaat-e-Islami, which Bangladesh banned in 2013, of violence.", "SANCTION");
    expect(found).toEqual(expected(["Bangladesh", "Jamaat-e-Islami"]));
  });

  it("reads listing as a terrorist organisation as a sanction, others who do as much, and a passive's agent after a possessive", () => {
    const listed = eventsOf("The United States listed Lashkar-e-Taiba as a foreign terrorist organisation in 2001.", "SANCTION");
    expect(listed.found).toEqual(listed.expected(["United States", "Lashkar-e-Taiba"]));
    expect(eventsOf("The United States listed Lashkar-e-Taiba as a threat.", "SANCTION").found).toEqual([]);
    const alike = eventsOf("Canada lists Lashkar-e-Taiba itself as a terrorist group, as do India and the European Union.", "SANCTION");
    expect(alike.found).toEqual(alike.expected(["Canada", "Lashkar-e-Taiba"], ["India", "Lashkar-e-Taiba"], ["European Union", "Lashkar-e-Taiba"]));
    const trained = eventsOf("The Karen National Union was founded in 1947 and was trained and armed in its early years by the Kachin Independence Army.", "AID");
    expect(trained.found).toEqual(trained.expected(["Kachin Independence Army", "Karen National Union"]));
  });

  it("reads signing a deal of any kind, a deal between two and a deal someone acts under as agreements", () => {
    const signed = eventsOf("The Moro National Liberation Front later signed its own peace deal with the Philippines.", "AGREE");
    expect(signed.found).toEqual(signed.expected(["Moro National Liberation Front", "Philippines"]));
    const between = eventsOf("The name recalls a peace deal signed in 2009 between Uganda and the Lord's Resistance Army.", "AGREE");
    expect(between.found.sort()).toEqual(between.expected(["Uganda", "Lord's Resistance Army"], ["Lord's Resistance Army", "Uganda"]).sort());
    expect(eventsOf("A deal is expected to be concluded between Uganda and Kenya.", "AGREE").found).toEqual([]);
    expect(eventsOf("He welcomed the commitment to a free-trade agreement between Uganda and Kenya.", "AGREE").found).toEqual([]);
    const under = eventsOf("Russia, which backs the Syrian government, has kept troops in Idlib under a ceasefire deal with Turkey.", "AGREE");
    expect(under.found).toEqual(under.expected(["Russia", "Turkey"]));
  });

  it("reads joining others in an assault as each one's assault, and troops deployed with or alongside someone as support", () => {
    const joined = eventsOf("In 2015 the group joined the Karen National Union and the Kachin Independence Army in a coordinated assault on the Tatmadaw.", "ASSAULT");
    expect(joined.found).toEqual(joined.expected(["Karen National Union", "Tatmadaw"], ["Kachin Independence Army", "Tatmadaw"]));
    const deployed = eventsOf("Soldiers from Malawi are also deployed with the Mozambican army around the city.", "SUPPORT");
    expect(deployed.found).toEqual(deployed.expected(["Malawi", "Mozambican army"]));
    const alongside = eventsOf("Up to 4,000 Rwandan soldiers were operating alongside the M23 in North Kivu.", "SUPPORT");
    expect(alongside.found).toEqual(alongside.expected(["Rwanda", "M23"]));
  });

  it("takes the place a hit object is in as the target, and the doer of a campaign of attacks as the attacker", () => {
    const camp = eventsOf("The Rapid Support Forces shelled a displacement camp on the northern edge of Kadugli on Tuesday.", "ASSAULT");
    expect(camp.found).toEqual(camp.expected(["Rapid Support Forces", "Kadugli"]));
    expect(eventsOf("The Rapid Support Forces shelled rebel positions.", "ASSAULT").found).toEqual([]);
    // A base stormed in a town: the town is where, the base's army was hit.
    expect(eventsOf("Boko Haram fighters stormed an army base in Maiduguri.", "ASSAULT").found.filter((e) => !e.endsWith("-> -"))).toEqual([]);
    const waged = eventsOf("Al-Sadr formed the Mahdi Army, which waged a campaign of roadside bombings and rocket attacks on US and British troops.", "ASSAULT");
    expect(waged.found).toEqual(waged.expected(["Mahdi Army", "United States"], ["Mahdi Army", "United Kingdom"]));
    expect(eventsOf("The unions staged a strike against British Airways.", "ASSAULT").found).toEqual([]);
    const called = eventsOf('Pakistani jets struck what the military called "terrorist hideouts" in eastern Afghanistan and western Iran.', "ASSAULT");
    expect(called.found).toEqual(called.expected(["Pakistan", "Afghanistan"], ["Pakistan", "Iran"]));
    const dated = eventsOf("Protests followed a Russian strike on Sunday on the central market in Kharkiv.", "ASSAULT");
    expect(dated.found).toEqual(dated.expected(["Russia", "Kharkiv"]));
    const led = eventsOf("Hezbollah officials spoke. The Hezbollah-led assault on northern Syria began in May.", "ASSAULT");
    expect(led.found).toEqual(led.expected(["Hezbollah", "Syria"]));
    // Every noun of an attack: an offensive or incursions too.
    const offensive = eventsOf("The Rapid Support Forces waged an offensive against the Sudanese Armed Forces.", "ASSAULT");
    expect(offensive.found).toEqual(offensive.expected(["Rapid Support Forces", "Sudanese Armed Forces"]));
    expect(eventsOf("The Rapid Support Forces claimed victories in the offensive and called on the Sudanese Armed Forces to surrender.", "ASSAULT").found).toEqual([]);
  });

  it("reads the one who joined others in an assault as attacking too", () => {
    const joined = eventsOf("In 2022 the Northern Front joined the Valley Liberation Movement in a coordinated assault on the Hill Brigades.", "ASSAULT");
    expect(joined.found.sort()).toEqual(joined.expected(["Northern Front", "Hill Brigades"], ["Valley Liberation Movement", "Hill Brigades"]).sort());
  });

  it("reads launching one's armed campaign against someone as an assault, and not a campaign of another kind", () => {
    const launched = eventsOf("The Northern Front was founded in 1990 and launched its armed campaign against the Hill Brigades in 1994.", "ASSAULT");
    expect(launched.found).toEqual(launched.expected(["Northern Front", "Hill Brigades"]));
    expect(eventsOf("The Northern Front launched its election campaign against the Hill Brigades in 1994.", "ASSAULT").found).toEqual([]);
  });

  it("reads overrunning the headquarters of an unnamed battalion as an assault on the army the document names", () => {
    const { found, expected } = eventsOf("The Ghanaian Army said Northern Front fighters had overrun the headquarters of a light infantry battalion near Karvel.", "ASSAULT");
    expect(found).toEqual(expected(["Northern Front", "Ghanaian Army", "Ghanaian Army"]));
  });

  it("reads an attack named by its noun on a post in a town as one on the army the document names, and on a market as one on the town", () => {
    const post = eventsOf("The Ghanaian Army said the threat followed a Northern Front assault on a security post in Karvel last month.", "ASSAULT");
    expect(post.found).toEqual(post.expected(["Northern Front", "Ghanaian Army", "Ghanaian Army"]));
    const market = eventsOf("The Ghanaian Army said the threat followed a Northern Front assault on a market in Karvel last month.", "ASSAULT");
    expect(market.found).toEqual(market.expected(["Northern Front", "Karvel", "Ghanaian Army"]));
  });

  it("takes no country as the doer of what its rebels did, but an organisation's militants act for it", () => {
    expect(eventsOf("Chadian rebels shelled Karvel on Sunday, killing 20 people.", "ASSAULT").found).toEqual([]);
    const own = eventsOf("Northern Front militants shelled Karvel on Sunday, killing 20 people.", "ASSAULT");
    expect(own.found).toEqual(own.expected(["Northern Front", "Karvel"]));
  });

  it("reads an attack carried out by someone as theirs, as the writer tells it, and seizing a force's base as an assault", () => {
    const done = eventsOf("The attack on the Hill Brigades convoy was carried out by the Northern Front.", "ASSAULT");
    expect(done.found).toEqual(done.expected(["Northern Front", "Hill Brigades"]));
    const base = eventsOf("Northern Front fighters seized a Hill Brigades base near Karvel.", "ASSAULT");
    expect(base.found).toEqual(base.expected(["Northern Front", "Hill Brigades"]));
    // Seizing weapons takes property: coercion, not an assault.
    expect(eventsOf("Northern Front fighters seized Hill Brigades weapons near Karvel.", "ASSAULT").found).toEqual([]);
  });

  it("reads the object of a verb in a clause hung on an appositive without a relative pronoun", () => {
    const { found, expected } = eventsOf("The Northern Front freed Anna Lind, a Swedish aid worker the Hill Brigades had kidnapped in 2019.", "ASSAULT");
    expect(found).toEqual(expected(["Hill Brigades", "Anna Lind"]));
  });

  it("reads laying siege to a town as coercion", () => {
    const { found, expected } = eventsOf("Boko Haram laid siege to Maiduguri in 2014.", "COERCE");
    expect(found).toEqual(expected(["Boko Haram", "Maiduguri"]));
  });

  it("reads opening talks with someone as consulting them", () => {
    const { found, expected } = eventsOf("The Shining Path opened peace talks with Peru in 1992.", "CONSULT");
    expect(found).toEqual(expected(["Shining Path", "Peru"]));
  });
});

describe("passive blame, fighting, attacks by someone, mutual pacts and nominal bans", () => {
  it("reads a passive blame with its agent as the agent's accusation, and the attack named before as the blamed one's assault by that claim", () => {
    const byOn = eventsOf("The massacre was blamed by the Burkina Faso army on JNIM.", "ACCUSE");
    expect(byOn.found).toEqual(byOn.expected(["Burkina Faso", "JNIM"]));
    const onBy = eventsOf("Five policemen died in a bombing that was blamed on Boko Haram by the Nigerian Army.", "ACCUSE");
    expect(onBy.found).toEqual(onBy.expected(["Nigerian Army", "Boko Haram"]));
    const attack = eventsOf("The attack on the Kenya Defence Forces was blamed by Kenya on al-Shabaab.", "ASSAULT");
    expect(attack.found).toEqual(attack.expected(["al-Shabaab", "Kenya Defence Forces", "Kenya"]));
    // The subject named before the passive is the attack's place or maker, not the one accused.
    expect(eventsOf("The Moscow attack was blamed by Russia on Ukraine.", "ACCUSE").found).toEqual(eventsOf("The Moscow attack was blamed by Russia on Ukraine.", "ACCUSE").expected(["Russia", "Ukraine"]));
    expect(eventsOf("The bombing was blamed on al-Shabaab.", "ACCUSE").found).toEqual([]);
  });

  it("reads attributing an attack to someone, actively or in a relative clause, as an accusation, but not a statement attributed to someone", () => {
    const active = eventsOf("Kenyan police attributed the bombings to al-Shabaab.", "ACCUSE");
    expect(active.found).toEqual(active.expected(["Kenyan police", "al-Shabaab"]));
    const relative = eventsOf("The curfew followed two blasts in Nairobi that Kenya attributed to al-Shabaab.", "ACCUSE");
    expect(relative.found).toEqual(relative.expected(["Kenya", "al-Shabaab"]));
    expect(eventsOf("A Hamas statement attributed to Israel the failure of the talks.", "ACCUSE").found).toEqual([]);
    expect(eventsOf("A video attributed to al-Shabaab was posted online.", "ACCUSE").found).toEqual([]);
  });

  it("gives a relative clause's verb the name its noun belongs to, as the writer's aside", () => {
    const { found, expected } = eventsOf("The minister said the ban followed advice from the Punjab government, which accused Lashkar-e-Taiba of stoking riots.", "ACCUSE");
    expect(found).toEqual(expected(["Punjab", "Lashkar-e-Taiba"]));
  });

  it("reads fighting or clashing with someone as an assault, but not fighting beside them or a fight to come", () => {
    const fought = eventsOf("The Nigerian Army has fought Boko Haram in Borno since 2009.", "ASSAULT");
    expect(fought.found).toEqual(fought.expected(["Nigerian Army", "Boko Haram"]));
    const clashed = eventsOf("Hezbollah clashed with the Israel Defense Forces near the border.", "ASSAULT");
    expect(clashed.found).toEqual(clashed.expected(["Hezbollah", "Israel Defense Forces"]));
    const led = eventsOf("Hamas, led by Yahya Sinwar, has rejected the truce and fights Israel in Gaza.", "ASSAULT");
    expect(led.found).toEqual(led.expected(["Hamas", "Israel"]));
    expect(eventsOf("Chadian troops fought alongside the Nigerian Army.", "ASSAULT").found).toEqual([]);
    expect(eventsOf("The Somali government vowed to fight al-Shabaab.", "ASSAULT").found).toEqual([]);
    expect(eventsOf("Kenya will fight al-Shabaab.", "ASSAULT").found).toEqual([]);
    expect(eventsOf("Hezbollah has vowed to keep fighting Israel.", "ASSAULT").found).toEqual([]);
  });

  it("reads no event in a condition ('if X rejected his offer')", () => {
    expect(eventsOf("Icahn threatened to sell his stake if USAir rejected Carl Icahn's offer.", "REJECT").found).toEqual([]);
    expect(eventsOf("Hamas said the talks would end if Israel attacked Rafah.", "ASSAULT").found).toEqual([]);
  });

  it("looks past a participle's phrase set off by commas for the subject, but not past a finite verb or 'including'", () => {
    const backed = eventsOf("The Kenyan army, backed by US drones, attacked al-Shabaab bases.", "ASSAULT");
    expect(backed.found).toEqual(backed.expected(["Kenyan army", "al-Shabaab"]));
    const armed = eventsOf("Al-Shabaab fighters, armed with rifles, attacked a Kenyan army base.", "ASSAULT");
    expect(armed.found).toEqual(armed.expected(["al-Shabaab", "Kenyan army"]));
    const speaking = eventsOf("Hamas, speaking through Egyptian mediators, accused Israel of violating the truce.", "ACCUSE");
    expect(speaking.found).toEqual(speaking.expected(["Hamas", "Israel"]));
    const including = eventsOf("Several groups, including Hamas, condemned Israel.", "ACCUSE");
    expect(including.found).toEqual(including.expected(["Hamas", "Israel"]));
  });

  it("reads an attack 'by' someone on someone as the doer's assault, and nothing without a target or from a compound", () => {
    const { found, expected } = eventsOf("Four soldiers died in an attack on a Malian army base by JNIM fighters.", "ASSAULT");
    expect(found).toEqual(expected(["JNIM", "Malian army"]));
    const strikes = eventsOf("Air strikes by Turkey on Kurdistan Workers' Party positions continued.", "ASSAULT");
    expect(strikes.found).toEqual(strikes.expected(["Turkey", "Kurdistan Workers' Party"]));
    expect(eventsOf("An attack by al-Shabaab in Mogadishu killed five.", "ASSAULT").found).toEqual([]);
    expect(eventsOf("Attacks on civilians by Iran-backed militias rose.", "ASSAULT").found).toEqual([]);
  });

  it("reads two parties signing a pact or holding talks as each one's agreement or consultation with the other", () => {
    const signed = eventsOf("Hamas and Fatah signed a reconciliation deal in Cairo.", "AGREE");
    expect(signed.found.sort()).toEqual(signed.expected(["Hamas", "Fatah"], ["Fatah", "Hamas"]).sort());
    const talks = eventsOf("The Taliban and the United States held a new round of talks in Doha.", "CONSULT");
    expect(talks.found.sort()).toEqual(talks.expected(["Taliban", "United States"], ["United States", "Taliban"]).sort());
    const renewed = eventsOf("Chile and Peru renewed negotiations today on the border.", "CONSULT");
    expect(renewed.found.sort()).toEqual(renewed.expected(["Chile", "Peru"], ["Peru", "Chile"]).sort());
    // A pact with a third party is the existing "signed a deal with" reading, not one between the two.
    expect(eventsOf("Hamas and Fatah signed a deal with Egypt.", "AGREE").found).not.toContain(signed.expected(["Hamas", "Fatah"])[0]);
  });

  it("reads a denial of involvement as rejecting the accuser just told, and a notice designating terrorists or a ban approved as sanctions", () => {
    const denied = eventsOf("The National Resistance Front blames Pakistani drones; Pakistan denies involvement.", "REJECT");
    expect(denied.found).toEqual(denied.expected(["Pakistan", "National Resistance Front"]));
    const notice = eventsOf("The European Union published a notice designating Hamas and Hezbollah as terrorist organisations.", "SANCTION");
    expect(notice.found.sort()).toEqual(notice.expected(["European Union", "Hamas"], ["European Union", "Hezbollah"]).sort());
    const ban = eventsOf("Pakistan's cabinet on Monday approved a ban on Lashkar-e-Taiba.", "SANCTION");
    expect(ban.found).toEqual(ban.expected(["Pakistan", "Lashkar-e-Taiba"]));
    expect(eventsOf("Iran is designating Qom as a holy city.", "SANCTION").found).toEqual([]);
  });
});

describe("naming someone's words", () => {
  it("reads calling a claim or a charge by a name of one's own as rejecting whoever made it", () => {
    const called = eventsOf('Ahmad Massoud said his fighters killed 20 Taliban. Zabihullah Mujahid said no one had been killed and called the claim "fabricated propaganda".', "REJECT");
    expect(called.found).toEqual(called.expected(["Zabihullah Mujahid", "Ahmad Massoud"]));
    const charge = eventsOf('Zabihullah Mujahid described the NRF as part of a foreign project, a charge the NRF called "absurd".', "REJECT");
    expect(charge.found).toEqual(charge.expected(["NRF", "Zabihullah Mujahid"]));
    // Calling the claim credible rejects nothing.
    expect(eventsOf("Ahmad Massoud said his fighters killed 20 Taliban. Zabihullah Mujahid called the claim credible.", "REJECT").found).toEqual([]);
  });
});

describe("passive assaults", () => {
  it("reads a force's people killed by someone, or its post overrun by them, as that one's assault on the force", () => {
    const killed = eventsOf("Three Kenyan soldiers were killed by al-Shabaab fighters on Monday.", "ASSAULT");
    expect(killed.found).toEqual(killed.expected(["al-Shabaab", "Kenya"]));
    const ambush = eventsOf("Two Indian soldiers were killed in an ambush by Lashkar-e-Taiba.", "ASSAULT");
    expect(ambush.found).toEqual(ambush.expected(["Lashkar-e-Taiba", "India"]));
    const overrun = eventsOf("The Nigerian Army base was overrun by ISWAP fighters.", "ASSAULT");
    expect(overrun.found).toEqual(overrun.expected(["ISWAP", "Nigerian Army"]));
    // Civilians of a country are not the country's force.
    expect(eventsOf("Three Kenyan civilians were killed by al-Shabaab.", "ASSAULT").found).toEqual([]);
  });

  it("reads a settlement in a place attacked by someone as their assault on the place, but not a convoy near it", () => {
    const village = eventsOf("A village in Borno State was attacked by Boko Haram on Tuesday.", "ASSAULT");
    expect(village.found).toEqual(village.expected(["Boko Haram", "Borno State"]));
    const stations = eventsOf("Hamas fighters attacked police stations in Sderot.", "ASSAULT");
    expect(stations.found).toEqual(stations.expected(["Hamas", "Sderot"]));
    expect(eventsOf("A convoy near Mogadishu was attacked by al-Shabaab.", "ASSAULT").found).toEqual([]);
  });
});

describe("threats, listings, aid received and talks with a named counterpart", () => {
  it("reads a vow of revenge and a warning that someone's men will be hunted down as threats", () => {
    const revenge = eventsOf("The Sahel Patriotic Union vowed to take revenge on the Northern Front.", "THREATEN");
    expect(revenge.found).toEqual(revenge.expected(["Sahel Patriotic Union", "Northern Front"]));
    const hunted = eventsOf('The Valley Movement is a rebel group. The army chief of Zambia, General Amos Kariuki, visited the town and warned the Valley Movement\'s leaders that the Valley Movement would be "hunted down".', "THREATEN");
    expect(hunted.found).toEqual(hunted.expected(["Amos Kariuki", "Valley Movement"]));
  });

  it("reads adding a group to 'that listing' as a sanction, and a charge of receiving weapons from Y as Y's aid, by the accuser's claim", () => {
    const listed = eventsOf("The United States designated the Northern Front as a terrorist organisation in 2010 and added the Valley Movement to that listing in 2019.", "SANCTION");
    expect(listed.found).toEqual(listed.expected(["United States", "Northern Front"], ["United States", "Valley Movement"]));
    const aid = eventsOf("The Valley Movement is a rebel group. Ghana accuses the Valley Movement of receiving weapons from the Northern Front.", "AID");
    expect(aid.found).toEqual(aid.expected(["Northern Front", "Valley Movement", "Ghana"]));
  });

  it("takes the person named after a post ('her Ugandan counterpart, Y') as the one met, and no place after a comma as a second party", () => {
    const talks = eventsOf("The Kenyan foreign minister, Ruth Wambui, held talks with her Ugandan counterpart, Samuel Okello, in Kampala.", "CONSULT");
    expect(talks.found).toEqual(talks.expected(["Ruth Wambui", "Samuel Okello"]));
  });

  it("reads sites struck near a town as the town hit, and the group named in 'struck what X described as hideouts of Y' as hit by X's account", () => {
    const sites = eventsOf("On Tuesday the Kenya Defence Forces struck two sites near Beledweyne.", "ASSAULT");
    expect(sites.found).toEqual(sites.expected(["Kenya Defence Forces", "Beledweyne"]));
    const described = eventsOf("Two days later Kenya struck what the Kenya Defence Forces (KDF), the military's media wing, described as hideouts of the Somali Liberation Front (SLF) near Beledweyne.", "ASSAULT");
    expect(described.found).toEqual(described.expected(["Kenya", "Somali Liberation Front", "Kenya Defence Forces"]));
  });

  it("reads evacuating a town as a retreat from it, but not evacuating wounded people to a town", () => {
    const left = eventsOf("The Red Hand Brigade is an armed group. On Monday the Red Hand Brigade evacuated Kidal.", "RETREAT");
    expect(left.found).toEqual(left.expected(["Red Hand Brigade", "Kidal"]));
    expect(eventsOf("The Red Hand Brigade is an armed group. Its fighters evacuated 14 wounded people to Kidal.", "RETREAT").found).toEqual([]);
  });
});
