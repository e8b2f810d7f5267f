import { describe, expect, it } from "vitest";
import { AnalysedDoc } from "../nlp/doc.js";
import { MentionFinder } from "../nlp/mentions.js";
import { tokenizer } from "../nlp/tokenize.js";
import { InDocumentResolver } from "./in-document.js";

function resolve(text: string): AnalysedDoc {
  const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text, sha256: "" });
  tokenizer.run(doc);
  new MentionFinder().run(doc);
  new InDocumentResolver().run(doc);
  return doc;
}

const entityOf = (doc: AnalysedDoc, text: string) => doc.entity(doc.mentions.find((m) => m.text === text)?.entity);

describe("InDocumentResolver", () => {
  it("keeps an article its acronym spells and makes an organisation described as militant an armed group", () => {
    const doc = resolve("The Northern Front (TNF), a militant outfit based in the hills, attacked a post. TNF said it would go on.");
    const front = entityOf(doc, "TNF")!;
    expect(front.name).toBe("The Northern Front");
    expect(front.subtype).toBe("armed_group");
    expect(entityOf(doc, "Northern Front")).toBe(front);
  });

  it("keeps a person referred to by a pronoun in view for the next pronoun, however long ago they were named", () => {
    const doc = resolve("Spokesman Ali Rahimi spoke on Sunday. “The army must leave. It has no excuse,” he said.\n\nHe also said the talks had failed.");
    const he = doc.mentions.filter((m) => /^he$/i.test(m.text));
    expect(he.map((m) => doc.entity(m.entity)?.name)).toEqual(["Ali Rahimi", "Ali Rahimi"]);
  });

  it("reads a description right before a name as how the name is introduced, not as a reference back", () => {
    const doc = resolve("The Northern Front grew fast. Its founder had been a member of the militant group Red Hand Brigade.");
    expect(doc.mentions.some((m) => m.text === "the militant group")).toBe(false);
  });

  it("joins a name without what it is 'of' to the full name before it", () => {
    const doc = resolve("The Joint Command of the Armed Forces met on Monday. The Joint Command said troops had killed three rebels.");
    expect(doc.entities.filter((e) => e.mentions.length > 0).map((e) => e.name)).toEqual(["Joint Command of the Armed Forces"]);
  });

  it("reads 'the court' as the court named before, and a quoted name after 'known as' or 'who styled himself' as the person's", () => {
    const court = resolve("Harlow District Court jailed him. The court found that he had lied.");
    expect(entityOf(court, "The court")?.name).toBe("Harlow District Court");
    const known = resolve("It fought on under Commander Omar Haddad, known as “Falcon”, until 1999.");
    expect(entityOf(known, "Falcon")?.name).toBe("Omar Haddad");
    const styled = resolve("It was led by President Omar Haddad, who styled himself “Chairman Falcon”.");
    expect(entityOf(styled, "Chairman Falcon")?.name).toBe("Omar Haddad");
  });

  it("takes a bare description as an alias, not one a clause narrows", () => {
    const doc = resolve("The Northern Front said it would fight on. The group recruited from the Hill Brigade, the group Karim Dost had led before he left.");
    expect(entityOf(doc, "Hill Brigade")?.aliases.has("the group")).toBe(false);
    expect(entityOf(doc, "Northern Front")?.aliases.has("the group")).toBe(true);
  });

  it("makes a capital never named as a place its country, and keeps one named as a place a city whose name is no alias of the country", () => {
    const only = resolve("Washington, which has long armed the rebels, disagreed. The United States said so.");
    expect(entityOf(only, "Washington")).toBe(entityOf(only, "United States"));
    const both = resolve("Talks were held in Nairobi on Monday. Nairobi said it would send troops, and Kenya would pay.");
    const kenya = entityOf(both, "Kenya")!;
    expect(both.entities.some((e) => e.subtype === "city" && e.name === "Nairobi")).toBe(true);
    expect(kenya.aliases.has("Nairobi")).toBe(false);
    const firm = resolve("Acme Foods, Ottawa's largest caterer, was sold. Canada's economy grew.");
    expect(entityOf(firm, "Ottawa")).not.toBe(entityOf(firm, "Canada"));
  });

  it("joins a group's old and new names, and the names it is called by", () => {
    const renamed = resolve("In 2001 its leader renamed the National Liberation Front as the Popular Resistance Movement.");
    expect(entityOf(renamed, "Popular Resistance Movement")).toBe(entityOf(renamed, "National Liberation Front"));
    const called = resolve("The Northern Front claimed the raid. They call themselves the Army of the Faithful and are also referred to as the Popular Resistance Movement.");
    expect(entityOf(called, "Army of the Faithful")).toBe(entityOf(called, "Northern Front"));
    expect(entityOf(called, "Popular Resistance Movement")).toBe(entityOf(called, "Northern Front"));
    // The one who renames is not what it renames.
    const renamer = resolve("The Popular Resistance Movement, which the Islamic State renamed its Sahel Province (ISSP) in 2022, struck again.");
    expect(entityOf(renamer, "ISSP")).toBe(entityOf(renamer, "Popular Resistance Movement"));
    expect(entityOf(renamer, "Islamic State")).not.toBe(entityOf(renamer, "Popular Resistance Movement"));
    const province = resolve("The Islamic State said its West Africa Province (ISWAP) attacked a base.");
    expect(entityOf(province, "West Africa Province")).toBe(entityOf(province, "ISWAP"));
    expect(entityOf(province, "West Africa Province")?.type).toBe("ORG");
  });

  it("never reads a group's description as a governing body named by a council or department", () => {
    const doc = resolve(
      "The general heads the National Council for the Defence of the Nation (NCDN). The NCDN met again. The council blamed the killings on the Popular Resistance Movement. The jihadist group has not claimed them.",
    );
    expect(entityOf(doc, "The jihadist group")).toBe(entityOf(doc, "Popular Resistance Movement"));
  });

  it("joins a short form to the one longer name before it that ends in it", () => {
    const doc = resolve("The Abu Bakr al-Siddiq Brigades said on Tuesday that its fighters fired rockets. The army said that the Siddiq Brigades' commander had been killed.");
    expect(entityOf(doc, "Siddiq Brigades")).toBe(entityOf(doc, "Abu Bakr al-Siddiq Brigades"));
  });

  it("reads a surname alone as the person named in full before, though the lists file it with a group", () => {
    const doc = resolve("Al-Qaeda's then leader, Ayman al-Zawahiri, announced the branch. Zawahiri was killed by a drone in 2022.");
    expect(entityOf(doc, "Zawahiri")).toBe(entityOf(doc, "Ayman al-Zawahiri"));
    expect(entityOf(doc, "Zawahiri")?.type).toBe("PER");
  });

  it("joins a group's new name and the old one that adopted it", () => {
    const doc = resolve("He met members of the Northern Front, the name adopted in 2019 by the Storm Division, a group founded in 2014.");
    expect(entityOf(doc, "Northern Front")).toBe(entityOf(doc, "Storm Division"));
  });

  it("joins a group's former name and a person's aliases listed after the person", () => {
    const renamed = resolve("The River Front, formerly known as the Delta Youth League, was banned in 2019.");
    expect(entityOf(renamed, "River Front")).toBe(entityOf(renamed, "Delta Youth League"));
    const listed = resolve("The cell was set up by Karel Vostry, a trader who posted under the aliases Dusan Hlava and Petr Kolar. Petr Kolar was later traced to Brno.");
    const person = entityOf(listed, "Karel Vostry")!;
    expect(entityOf(listed, "Dusan Hlava")).toBe(person);
    expect(listed.mentions.filter((m) => m.text === "Petr Kolar").every((m) => m.entity === person.id)).toBe(true);
    // Two persons coordinated with no list of aliases before them stay two.
    const two = resolve("The cell was set up by Karel Vostry and Dusan Hlava in 2019.");
    expect(entityOf(two, "Karel Vostry")).not.toBe(entityOf(two, "Dusan Hlava"));
  });

  it("joins a name given as also known as another", () => {
    const doc = resolve("The spokesman Omar Hassan Abdi, also known as Abu Yahya, spoke on the radio.");
    expect(entityOf(doc, "Abu Yahya")).toBe(entityOf(doc, "Omar Hassan Abdi"));
    // Every word the mention finder takes before "known as".
    const popularly = resolve("The commander Karim Dost, popularly known as Abu Hamza, was killed.");
    expect(entityOf(popularly, "Abu Hamza")).toBe(entityOf(popularly, "Karim Dost"));
  });

  it("does not read a description as an actor its own sentence names after it", () => {
    const doc = resolve("Lashkar-e-Taiba was named. The Northern Front (TNF) struck. Hamas praised it. The outfit denied any link with Lashkar-e-Taiba.");
    expect(entityOf(doc, "The outfit")?.name).not.toBe("Lashkar-e-Taiba");
  });

  it("reads 'Indian' as India and the country of a sentence as the one it names first", () => {
    const doc = resolve("The Indian government protested. Mali's president ended the country's pact with France.");
    expect(entityOf(doc, "Indian government")?.name).toBe("India");
    expect(entityOf(doc, "the country")?.name).toBe("Mali");
  });

  it("reads a capital as its country when it speaks or acts for it, and the city elsewhere", () => {
    const doc = resolve("Fighters in Tehran rested. The militias take orders from Tehran, a charge Tehran denies.");
    const cities = doc.mentions.filter((m) => m.text === "Tehran").map((m) => doc.entity(m.entity)?.name);
    expect(cities).toEqual(["Tehran", "Iran", "Iran"]);
  });

  it("reads a capital as its country when it is lobbied, spoken for or sent a favour, and the city after a verb of motion", () => {
    const doc = resolve("The envoy lobbied Ottawa for months. The cleric speaks for Ankara, his rivals said. Losing the case was a favour to Nairobi. The delegates later flew to Nairobi.");
    const names = doc.mentions.filter((m) => ["Ottawa", "Ankara", "Nairobi"].includes(m.text)).map((m) => doc.entity(m.entity)?.name);
    expect(names).toEqual(["Canada", "Türkiye", "Kenya", "Nairobi"]);
  });

  it("joins an organisation's name in translation and reads a person filed with a group as a person", () => {
    const doc = resolve("The rebels of Hezbollah (Party of God) met. Al Qaeda's leader Ayman al-Zawahiri spoke.");
    expect(entityOf(doc, "Party of God")?.name).toBe("Hezbollah");
    expect(entityOf(doc, "Ayman al-Zawahiri")).toMatchObject({ name: "Ayman al-Zawahiri", type: "PER" });
  });

  it("reads a country's army as an actor 'the army' refers back to, and a place after 'in' as a place", () => {
    const doc = resolve("The TTP threatened Pakistan’s army after an assault in Dera Ismail Khan. Later the army struck back.");
    expect(entityOf(doc, "Pakistan’s army")).toMatchObject({ name: "Pakistan Army", type: "ORG", subtype: "military" });
    expect(entityOf(doc, "the army")?.name).toBe("Pakistan Army");
    expect(entityOf(doc, "Dera Ismail Khan")?.type).toBe("GPE");
  });

  it("resolves a description to the organisation named most (an armed group counts two more), named first among equals", () => {
    const quiet = " The weather was hot. Rain fell.";
    // Al-Shabaab once long before (1 + 2) against the Red Cross twice in the sentences before (2 + 1 for being recent): a tie.
    const tie = resolve(`Al-Shabaab attacked a base.${quiet} The Red Cross sent aid. The Red Cross spoke. The group said it was ready.`);
    expect(entityOf(tie, "The group")?.name).toBe("al-Shabaab");
    const often = resolve(`Al-Shabaab attacked a base.${quiet} The Red Cross sent aid. The Red Cross spoke. The Red Cross left. The group said it was ready.`);
    expect(entityOf(often, "The group")?.name).toBe("Red Cross");
    const lately = resolve(`The Red Cross sent aid. The Red Cross spoke.${quiet} Al-Shabaab attacked a base. The group said it was ready.`);
    expect(entityOf(lately, "The group")?.name).toBe("al-Shabaab");
  });
  it("reads a capital as its government when it acts in the past tense ('reacted'), is called on, or owns a behalf, and not when it floods", () => {
    const doc = resolve("Nairobi reacted angrily. Rebels called on Nairobi to act. It was done on Nairobi's behalf. Nairobi flooded in May.");
    const cities = doc.mentions.filter((m) => m.text === "Nairobi").map((m) => doc.entity(m.entity)?.name);
    expect(cities).toEqual(["Kenya", "Kenya", "Kenya", "Nairobi"]);
  });

  it("reads a subject pronoun opening a sentence as the subject of the sentence before", () => {
    const doc = resolve("Spokesman Ali Rahimi condemned the raid, done without the knowledge of President Omar Haddad. He also urged calm.");
    expect(entityOf(doc, "He")?.name).toBe("Ali Rahimi");
    const other = resolve("The Free Army met Omar Haddad in Gao. He said nothing.");
    expect(entityOf(other, "He")?.name).toBe("Omar Haddad");
  });

  it("reads 'its' before a state's office as the country in view, and as the group otherwise", () => {
    const doc = resolve("The Hill Brigade shelled the border town. Chad denied the report. Its government spokesperson, Ana Ruiz, called it false.");
    expect(entityOf(doc, "Its")?.name).toBe("Chad");
    const minister = resolve("The Hill Brigade shelled Chad, and its defence minister Marco Ruiz vowed revenge.");
    expect(entityOf(minister, "its")?.name).toBe("Chad");
    const group = resolve("The Hill Brigade shelled Chad, and its commander Marco Ruiz vowed more.");
    expect(entityOf(group, "its")?.name).toBe("Hill Brigade");
  });

  it("reads 'its' opening a sentence as the subject of the one before, and 'its' inside a sentence as the organisation it opens on", () => {
    const doc = resolve("The Hill Brigade shelled the town. The Northern Front said the raids had hit bakeries. Its commander, Karim Dost, denied it.");
    expect(entityOf(doc, "Its")?.name).toBe("Northern Front");
    const inside = resolve("The Hill Brigade shelled the town. The Northern Front has suffered losses: in 2023 its chairman died.");
    expect(entityOf(inside, "its")?.name).toBe("Northern Front");
    // Not after a verb ("The company said X ... its") nor after a fronted phrase.
    const other = resolve("The Hill Brigade shelled the town. The company said the Northern Front is its first customer.");
    expect(entityOf(other, "its")?.name).not.toBe("Northern Front");
  });

  it("reads 'it' right after what an organisation or country says as that speaker, not the most salient group", () => {
    const doc = resolve("The Hill Brigade fired rockets at the town. The Hill Brigade fired again. The Valley Defence Forces said it had struck a launcher.");
    expect(entityOf(doc, "it")?.name).toBe("Valley Defence Forces");
    const spokesman = resolve("The Hill Brigade fired rockets. The Hill Brigade fired again. The Valley Defence Forces' spokesman told reporters on Monday that it had hit a tunnel.");
    expect(entityOf(spokesman, "it")?.name).toBe("Valley Defence Forces");
    // Not a place that only qualifies the speaker, nor one of two speakers.
    const qualified = resolve("The Hill Brigade fired rockets. Acme Holdings of West Germany said it had left.");
    expect(entityOf(qualified, "it")?.name).not.toBe("Germany");
  });

  it("reads a description as the branch of an organisation once the branch is named, and as the organisation before", () => {
    const before = resolve("Al Qaeda praised the attack. The militants said they would strike again.");
    expect(entityOf(before, "The militants")?.name).toBe("al Qaeda");
    const doc = resolve("Al Qaeda praised the attack. Al Qaeda's leaders spoke. Al Qaeda in the Islamic Maghreb claimed a raid in Mali. The militants said they would strike again.");
    expect(entityOf(doc, "The militants")?.name).toBe("al Qaeda in the Islamic Maghreb");
  });

  it("reads 'the umbrella' as the organisation described as a coalition, not its most salient member", () => {
    const doc = resolve("Hamas fired rockets. Hamas has fought under the banner of the Joint Operations Room, a loose coalition of armed factions. The umbrella presents the war as defence.");
    expect(entityOf(doc, "The umbrella")?.name).toBe("Joint Operations Room");
  });

  it("joins a name given 'better known by his nom de guerre', a translation in quotes, and reads 'Congolese' as DR Congo", () => {
    const doc = resolve("Omar Hassan Abdi, better known by his nom de guerre Abu Talha, was killed.");
    expect(entityOf(doc, "Abu Talha")).toBe(entityOf(doc, "Omar Hassan Abdi"));
    const quoted = resolve("The Ansar Brigade (“Supporters Brigade”) struck a post. The Ansar Brigade left.");
    expect(entityOf(quoted, "Supporters Brigade")).toBe(entityOf(quoted, "Ansar Brigade"));
    expect(entityOf(resolve("Congolese troops crossed the river."), "Congolese")?.name).toBe("DR Congo");
  });
  it("reads a shared surname as the person named last before it, and a surname-first name's first word before a verb", () => {
    const doc = resolve("Yusuf al-Harbi spoke first. Later al-Harbi said more. Omar al-Harbi is his cousin.");
    expect(doc.mentions.filter((m) => m.text === "al-Harbi").map((m) => doc.entity(m.entity)?.name)).toEqual(["Yusuf al-Harbi"]);
    const surnameFirst = resolve("The spokesperson Wang Lixin spoke on Monday. Wang also accused the mission of lying.");
    expect(entityOf(surnameFirst, "Wang")?.name).toBe("Wang Lixin");
  });
  it("joins an unlisted acronym to the one organisation named before whose initials it spells", () => {
    const doc = resolve("The Armed Forces of the Philippines attacked. The AFP later rejected the claim.");
    expect(entityOf(doc, "AFP")?.name).toBe("Armed Forces of the Philippines");
    const none = resolve("The National Guard attacked. The AFP later rejected the claim.");
    expect(entityOf(none, "AFP")?.name).toBe("AFP");
  });
  it("joins an organisation's name to the same name after one more word named before it, not to one named after it", () => {
    const doc = resolve("The AU Peace Council met on Monday. Later the Peace Council said it would act.");
    expect(entityOf(doc, "Peace Council")).toBe(entityOf(doc, "AU Peace Council"));
    const listed = resolve("The UN Security Council met on Monday. Later the Security Council said it would act.");
    expect(entityOf(listed, "Security Council")).toBe(entityOf(listed, "UN Security Council"));
    const apart = resolve("The Peace Council met on Monday. Later the AU Peace Council said it would act.");
    expect(entityOf(apart, "Peace Council")).not.toBe(entityOf(apart, "AU Peace Council"));
  });
  it("reads 'the front' as an organisation called or described as a front, and leaves it alone otherwise", () => {
    const doc = resolve("The Tigers Brigade, an outfit that analysts regard as a shadow front of Hamas, struck. Hamas praised it. The front insists it is local.");
    expect(entityOf(doc, "The front")?.name).toBe("Tigers Brigade");
    expect(entityOf(resolve("Hamas struck a post. The front insists it is local."), "The front")).toBeUndefined();
    expect(resolve("Hamas fighters died at the front.").mentions.map((m) => m.text)).not.toContain("the front");
  });

  it("reads 'the party', 'the council', 'the department' and 'the brigade' as an organisation named or described so: the subject before it, else the only one just named, else one clearly most in view", () => {
    const subject = resolve(
      "The Northern Brigade and the Eagle Brigades clashed near Tal Afar. The Eagle Brigades lost four men. The Northern Brigade was formed in 2019 by former police officers. It has since recruited in the villages. Officials call the brigade a proxy of Baghdad; the brigade denies it.",
    );
    const brigades = subject.mentions.filter((m) => m.text === "the brigade");
    expect(brigades.map((m) => subject.entity(m.entity)?.name)).toEqual(["Northern Brigade", "Northern Brigade"]);
    const kdp = resolve("The Kurdistan Democratic Party held a rally in Erbil. The party's envoy accused the Socialist Party of lying. The party said it would sue.");
    expect(kdp.mentions.filter((m) => m.text === "The party").map((m) => kdp.entity(m.entity)?.name)).toEqual(["Kurdistan Democratic Party", "Kurdistan Democratic Party"]);
    // The one just named, though another was named more.
    const recent = resolve("The Gulf Cartel fought in Reynosa. The Gulf Cartel lost ten men. The Gulf Cartel retreated. A report describes the Norte Cartel as the largest. Sons of the cartel's founder run it.");
    expect(entityOf(recent, "the cartel")?.name).toBe("Norte Cartel");
    // An apposition or a predicate calls it one.
    expect(entityOf(resolve("Police raided the offices of the Shura of Elders, a council of tribal chiefs, in Khost. Hamas said the raid was illegal. The council said it would appeal."), "The council")?.name).toBe("Shura of Elders");
    expect(entityOf(resolve("Hamas fired rockets at Ashkelon. The Wafa Movement is a splinter party founded in 2012. Hamas struck again on Monday. The party said it had no role."), "The party")?.name).toBe("Wafa Movement");
    expect(entityOf(resolve("Hamas fired rockets at Ashkelon. The Wafa Movement was founded in 2012. Hamas struck again on Monday. The party said it had no role."), "The party")).toBeUndefined();
    // The only party named, though another organisation is the subject; none of two named alike.
    expect(entityOf(resolve("The Hill Brigade attacked a post near the Socialist Party office. The Hill Brigade struck again. The party said it would sue."), "The party")?.name).toBe("Socialist Party");
    expect(entityOf(resolve("The Green Party and the Farmers Party signed a pact in Nairobi. Both accuse the government of fraud. The party said it would march."), "The party")).toBeUndefined();
    expect(entityOf(resolve("The Hill Brigade struck a post. The council met on Monday."), "The council")).toBeUndefined();
    // However long ago it was named, if no other of the kind was.
    const department = resolve("The Labor Department said output fell in May. Wages rose. Hours were flat. Prices rose. Rents fell. Exports rose. The department said jobs grew.");
    expect(entityOf(department, "The department")?.name).toBe("Labor Department");
    expect(entityOf(resolve("The Interior Ministry said output fell in May. The department said jobs grew."), "The department")).toBeUndefined();
  });

  it("reads 'the party' and 'the cartel' as the organisation the text is about when it is not named so, unless armed or of another kind", () => {
    expect(entityOf(resolve("The Awami League won 40 seats in the vote. Its leader said the party would govern alone."), "the party")?.name).toBe("Awami League");
    expect(entityOf(resolve("The Gulf Exporters Group met in Vienna on Monday. The cartel agreed to cut output."), "The cartel")?.name).toBe("Gulf Exporters Group");
    // Far more in view than a smaller party named once before; not so when that party was just named.
    const dominant = resolve("The Awami League won 40 seats in the vote. Its rival, the Jatiya Union, a smaller party, won two. The Awami League will now pick a speaker. Officials said the party would govern alone.");
    expect(entityOf(dominant, "the party")?.name).toBe("Awami League");
    expect(entityOf(resolve("The Awami League won 40 seats in the vote. The Jatiya Union, a smaller party, won two. The party said the count was rigged."), "The party")?.name).toBe("Jatiya Union");
    expect(entityOf(resolve("Hamas fired rockets at Ashkelon. The party went on all night."), "The party")).toBeUndefined();
    expect(entityOf(resolve("The Hill Brigade struck a post in Tal Afar. The party went on all night."), "The party")).toBeUndefined();
  });

  it("joins a listed acronym in brackets to the unlisted name of two words or more before it, in whatever language it spells", () => {
    const doc = resolve("The attack was claimed by the Mountain Freedom Army (EZLN), the rebels said. The EZLN denied it later.");
    expect(entityOf(doc, "EZLN")).toBe(entityOf(doc, "Mountain Freedom Army"));
    expect(entityOf(doc, "EZLN")?.key).toBe("org:ezln");
    // A listed country in brackets is where the firm is, not its name.
    const firm = resolve("Harbor Steel Works (USA) said output rose. The firm hired staff.");
    expect(entityOf(firm, "USA")).not.toBe(entityOf(firm, "Harbor Steel Works"));
  });

  it("reads a group description that is its clause's subject as the group the sentence before opens with", () => {
    const doc = resolve(
      "The Hill Army, a militant group, claimed a raid. The Hill Army said it killed ten. The Hill Army said so again. The River Brigade, a rebel militia that the Hill Army made its southern wing in 2022, has not claimed the attack.\n\nIn its weekly paper, the group did claim an ambush near Sora.",
    );
    expect(entityOf(doc, "the group")?.name).toBe("River Brigade");
    // After a semicolon, the last clause's subject; a pronoun after "since" opens no sentence.
    const clauses = resolve(
      "The Hill Army, a militant group, claimed a raid. The River Brigade, a rebel militia, denied it. The Hill Army said the raid would go on; the River Brigade accused it of lying. Since then the group has kept to the hills.",
    );
    expect(entityOf(clauses, "the group")?.name).toBe("River Brigade");
    const since = resolve("The Hill Army, a militant group, signed a truce with the Valley League. Since it resumed its war, the Hill Army has taken ten towns. It also seized the port.");
    expect(entityOf(since, "It")?.name).toBe("Hill Army");
    // Not after a government that opens the sentence before.
    const government = resolve("The Hill Army, a militant group, claimed a raid. The Hill Army said it killed ten. The Interior Ministry denied the claim. The group said it would strike again.");
    expect(entityOf(government, "The group")?.name).toBe("Hill Army");
  });

  it("reads a description after a group and its branch as the branch, and pronouns after a described subject as the subject's", () => {
    const doc = resolve(
      "The Hill Army claimed the raid through its news agency, saying fighters of its Coast Province had killed ten. Officials disputed the account. Locally the insurgents are known as the Sea Boys. They call themselves the River Brotherhood. The group first struck in 2017, when its fighters attacked police stations, and it pledged allegiance to the Hill Army in 2019.",
    );
    const branch = entityOf(doc, "Coast Province");
    expect(entityOf(doc, "the insurgents")).toBe(branch);
    expect(entityOf(doc, "River Brotherhood")).toBe(branch);
    const its = doc.mentions.filter((m) => m.text === "its").map((m) => doc.entity(m.entity)?.name);
    expect(its[2]).toBe(branch?.name);
    expect(entityOf(doc, "Hill Army")).not.toBe(branch);
    // "the movement" is the whole, not its branch.
    const whole = resolve("The Hill Army, a militant group, trains in the north. Its Coast Province operates under the protection of the Sea League. The movement's emir lives abroad.");
    expect(entityOf(whole, "The movement")?.name).toBe("Hill Army");
  });

  it("reads a description set off after an acronym in brackets as the acronym's organisation", () => {
    const doc = resolve("The Hill Army, a militant group, attacked a post. The Hill Army said it killed ten. The Hill Army emerged from a split in the Valley Liberation Front (VLF), the faction better known as the Old Guard.");
    expect(entityOf(doc, "the faction")?.name).toBe("Valley Liberation Front");
  });

  it("joins a real name, a name in translation after an article and a quoted apposition to the name before", () => {
    const doc = resolve("Commander Hafiz Gul, whose real name is Tariq Mehmood, spoke. Gul later left.");
    expect(entityOf(doc, "Tariq Mehmood")).toBe(entityOf(doc, "Commander Hafiz Gul"));
    expect(entityOf(doc, "Gul")).toBe(entityOf(doc, "Tariq Mehmood"));
    const brackets = resolve("The Yarmouk Martyrs Brigade (the Khalid ibn al-Walid Army) fought near Kirkuk.");
    expect(entityOf(brackets, "Khalid ibn al-Walid Army")).toBe(entityOf(brackets, "Yarmouk Martyrs Brigade"));
    const quoted = resolve('The Southern Hawks Front, the "Northern Falcons Brigade", fired rockets.');
    expect(entityOf(quoted, "Northern Falcons Brigade")).toBe(entityOf(quoted, "Southern Hawks Front"));
    const known = resolve("The Civil Protection Service, known as the Green Vests, rescued them.");
    expect(entityOf(known, "Green Vests")).toBe(entityOf(known, "Civil Protection Service"));
  });

  it("joins an acronym of two letters and one with a bracketed qualifier to the full name named before", () => {
    const doc = resolve("The Transitional Authority met donors. The TA later said it would hold elections.");
    expect(entityOf(doc, "TA")?.name).toBe("Transitional Authority");
    const qualified = resolve("Later the Communist Party of Nepal (Maoist) met. The CPN (Maoist) said so.");
    expect(entityOf(qualified, "CPN (Maoist)")?.name).toBe("Communist Party of Nepal (Maoist)");
  });

  it("reads a country's forces named by its demonym as the one military of the country the text names", () => {
    const doc = resolve("Turkish forces shelled the town. The Turkish Armed Forces said the strikes hit militants.");
    expect(entityOf(doc, "Turkish forces")).toBe(entityOf(doc, "Turkish Armed Forces"));
    const branches = resolve("Kenyan army troops fired on the camp. The Kenyan Air Force struck it again.");
    expect(entityOf(branches, "Kenyan army")).not.toBe(entityOf(branches, "Kenyan Air Force"));
    // No military named, two descriptions of one: one actor, an air force apart.
    const described = resolve("The statement accused the Ugandan army of shelling villages. Ugandan forces have operated from two bases since 2021. The Ugandan Air Force flew over.");
    expect(entityOf(described, "Ugandan forces")).toBe(entityOf(described, "Ugandan army"));
    expect(entityOf(described, "Ugandan forces")).not.toBe(entityOf(described, "Ugandan Air Force"));
  });

  it("reads a description set off after a name as that name's, and 'the movement' as the movement whose wing the text names", () => {
    const doc = resolve("The Zomi Revolutionary Army named three commanders. The Zomi Revolutionary Army said so again. The Mizo National Front, the movement that governed the hills, denied it.");
    expect(entityOf(doc, "the movement")?.name).toBe("Mizo National Front");
    const wing = resolve("The Omar Brigade, the armed wing of the Sunrise Party, attacked a post. The Omar Brigade said its men were safe. Later the movement denied it.");
    expect(entityOf(wing, "the movement")?.name).toBe("Sunrise Party");
  });

  it("names a listed actor as the text spells it when only dashes or case differ from the list's name", () => {
    expect(entityOf(resolve("Troops from Guinea Bissau arrived. Guinea Bissau thanked them."), "Guinea Bissau")?.name).toBe("Guinea Bissau");
    // Another name of the listed actor leaves the list's name and stays an alias.
    const official = entityOf(resolve("Troops from the Republic of Guinea-Bissau arrived."), "Republic of Guinea-Bissau");
    expect(official?.name).toBe("Guinea-Bissau");
    expect(official?.aliases.has("Republic of Guinea-Bissau")).toBe(true);
  });

  it("reads 'the army' as a state's armed forces named before, never as an armed group called an army", () => {
    const doc = resolve("The Malian Armed Forces said they repelled the attack. Witnesses accused the army of shelling the market.");
    expect(entityOf(doc, "the army")?.name).toBe("Malian Armed Forces");
    // A description broken across lines is the same description.
    expect(entityOf(resolve("The Malian Armed Forces said so. The Niger Basin Authority met. Witnesses accused the\narmy of shelling."), "the\narmy")?.name).toBe("Malian Armed Forces");
    const group = resolve("Fighters of the Mountain Liberation Army attacked a post. The army denied it.");
    expect(entityOf(group, "The army")).toBeUndefined();
  });

  it("makes a group the text calls 'the paramilitary' an armed group", () => {
    const doc = resolve("The Rapid Response Brigade shelled the town. The paramilitary denied targeting civilians.");
    expect(entityOf(doc, "The paramilitary")).toMatchObject({ name: "Rapid Response Brigade", subtype: "armed_group" });
    // Every description of the mention finder's armed ones, "the rebel group" too.
    const rebels = resolve("The Southern Liberation Front seized the port. The rebel group said it would hold it.");
    expect(entityOf(rebels, "The rebel group")).toMatchObject({ name: "Southern Liberation Front", subtype: "armed_group" });
  });

  it("makes a name the recogniser typed otherwise a city when the text describes it as one", () => {
    const doc = resolve("Gunmen stormed the outskirts of El Obeid on Monday. El Obeid is the last major town in the region not held by the group.");
    expect(entityOf(doc, "El Obeid")).toMatchObject({ type: "GPE", subtype: "city" });
  });

  it("joins a branch called by an adjective of its parent's place name to that parent", () => {
    const doc = resolve("The Islamic State Central Africa Province attacked a village. Later the Islamic State named a new governor of its Central African province.");
    expect(entityOf(doc, "Central African province")?.name).toBe("Islamic State Central Africa Province");
  });

  it("keeps a quoted nickname as the person's alias, and the end of a person's name as that person whatever the recogniser typed it", () => {
    const doc = resolve('Police arrested Rafael "El Tigre" Moreno Vega in May. A lawyer for Moreno Vega said he was innocent.');
    const person = entityOf(doc, 'Rafael "El Tigre" Moreno Vega')!;
    expect(person.name).toBe("Rafael Moreno Vega");
    expect(person.aliases.has("El Tigre")).toBe(true);
    expect(entityOf(doc, "Moreno Vega")).toBe(person);
  });

  it("keeps a surname with the person the text already calls by it, and gives a name two entities go by to neither as an alias", () => {
    const doc = resolve("The party's leader, Omar Farid Haddad, has not been seen. Haddad fled, police said, and charged Haddad and his brother, Nabil Haddad. The party was founded by Haddad's father, Karim Haddad.");
    const omar = entityOf(doc, "Omar Farid Haddad")!;
    const bare = doc.mentions.filter((m) => m.source === "surname").map((m) => doc.entity(m.entity));
    expect(bare.length).toBeGreaterThan(2);
    expect(bare.every((e) => e === omar)).toBe(true);
    // Two persons named in full before the bare surname, neither called by it alone yet: it is neither's.
    const pair = resolve("The front is led by Karim Dravik, the son of Yusuf Ali Dravik, the commander who fought in the hills. The younger Dravik took up the cause.");
    expect(pair.mentions.some((m) => m.source === "surname")).toBe(false);
    const shared = resolve("The Varenna Cartel smuggles arms. Varenna commander Luis Ortega was killed. Two men were shot in Varenna on Monday.");
    const cartel = entityOf(shared, "Varenna Cartel")!;
    expect(shared.entities.some((e) => e !== cartel && e.name === "Varenna")).toBe(true);
    expect(cartel.aliases.has("Varenna")).toBe(false);
  });

  it("finds a surname used alone without its Arabic article", () => {
    const doc = resolve("The militia is led by Tariq al-Hamdani. Hamdani said the militia would not disarm. Hamdani, its founder, also warned the government.");
    const tariq = entityOf(doc, "Tariq al-Hamdani")!;
    const bare = doc.mentions.filter((m) => m.source === "surname");
    expect(bare.map((m) => m.text)).toEqual(["Hamdani", "Hamdani"]);
    expect(bare.every((m) => doc.entity(m.entity) === tariq)).toBe(true);
  });

  it("keeps a country's police apart from its army, and no army description for the police", () => {
    const doc = resolve("Kenyan police arrested two men in Lamu. The Kenya Defence Forces shelled a camp nearby.");
    const police = entityOf(doc, "Kenyan police")!;
    expect(police.subtype).toBe("government");
    expect(police).not.toBe(entityOf(doc, "Kenya Defence Forces"));
    const alone = resolve("Norwegian police arrested the leader in Oslo. The army said nothing.");
    expect(entityOf(alone, "Norwegian police")?.aliases.has("the army")).toBe(false);
  });

  it("reads 'police' and 'the police' as the one police force the text has named, and as nothing when it names none or two", () => {
    const doc = resolve("The Valley Police arrested two men. The Hill Brigade denied it. Police said the men had confessed, and the police later freed one.");
    const police = entityOf(doc, "Valley Police")!;
    expect(doc.mentions.filter((m) => /^(?:the )?police$/i.test(m.text)).map((m) => doc.entity(m.entity))).toEqual([police, police]);
    const none = resolve("The Hill Brigade attacked a post. Police said two men were hurt.");
    expect(none.mentions.some((m) => m.text === "Police")).toBe(false);
    const two = resolve("The Valley Police and the Hill Police searched the town. Police said two men were hurt.");
    expect(two.mentions.some((m) => m.text === "Police")).toBe(false);
    // A police officer, station or chief is no police force speaking, nor is "the paramilitary police".
    const officer = resolve("The Valley Police arrested two men. A police officer said they had confessed, and the paramilitary police left.");
    expect(officer.mentions.filter((m) => /police$/i.test(m.text)).map((m) => m.text)).toEqual(["Valley Police"]);
  });

  it("reads a description of a part the text just introduced ('a faction of X ... the faction') as no name of the whole", () => {
    const doc = resolve("Talks began with a breakaway faction of the Northern Front. The faction, which calls itself the Free Hills Army, says it has 500 fighters.");
    expect(entityOf(doc, "Northern Front")).not.toBe(entityOf(doc, "Free Hills Army"));
    expect(entityOf(doc, "Northern Front")?.aliases.has("the faction")).toBe(false);
    const whole = resolve("Talks began with the Northern Front, a militant group. The faction says it has 500 fighters.");
    expect(entityOf(whole, "Northern Front")?.aliases.has("the faction")).toBe(true);
  });

  it("joins a group and the name a designation gives it, and reads a description that takes a name as that name's actor", () => {
    const doc = resolve("The Northern Front, a militant group, was founded in 2001. Washington designated the group, under the name Free Hills Army, as a terrorist organisation in 2020.");
    expect(entityOf(doc, "Free Hills Army")).toBe(entityOf(doc, "Northern Front"));
    const taken = resolve("The Northern Front, a militant group, fought on for years. In 2019 three of its commanders took up arms again. The group takes the name Free Hills Army. The Northern Front said so.");
    expect(entityOf(taken, "Free Hills Army")?.aliases.has("the group")).toBe(true);
    expect(entityOf(taken, "Northern Front")).not.toBe(entityOf(taken, "Free Hills Army"));
    expect(entityOf(taken, "Northern Front")?.aliases.has("the group")).toBe(false);
  });

  it("reads an area's name without its head as the area the document names with it, but not a listed place of that name", () => {
    const doc = resolve("Gunmen attacked a village in Gombe State on Monday. Attacks have spread across Gombe and Taraba states, and police in Gombe said two men were held. Floods hit Lagos, not Lagos State.");
    const state = entityOf(doc, "Gombe State")!;
    expect(doc.mentions.filter((m) => m.text === "Gombe").every((m) => doc.entity(m.entity) === state)).toBe(true);
    expect(entityOf(doc, "Lagos")).not.toBe(entityOf(doc, "Lagos State"));
  });

  it("reads 'government troops', 'security forces' and 'the soldiers' as the one state military the text names, and as nobody beside a second", () => {
    const doc = resolve("The Red Hand Brigade has fought the Ghanaian army since 2019. Government troops attacked the brigade near Dala. Security forces arrested two men, and the soldiers left.");
    const army = entityOf(doc, "Ghanaian army")!;
    for (const d of ["Government troops", "Security forces", "the soldiers"]) expect(entityOf(doc, d)).toBe(army);
    // Another country's troops, a second army, or for "security forces" a police force: two fit, none is meant.
    const foreign = resolve("The Red Hand Brigade has fought the Ghanaian army since 2019. French troops left in 2022. Government troops attacked the brigade.");
    expect(entityOf(foreign, "Government troops")).toBeUndefined();
    const mission = resolve("The Ghanaian army and United Nations troops fought the Red Hand Brigade. The troops attacked the brigade.");
    expect(entityOf(mission, "The troops")).toBeUndefined();
    const two = resolve("The Ghanaian army and the Togolese army fought the Red Hand Brigade. The troops attacked the brigade.");
    expect(entityOf(two, "The troops")).toBeUndefined();
    const police = resolve("The Ghana Police Service and the Ghanaian army hunted the Red Hand Brigade. Security forces attacked the brigade, and the soldiers stayed.");
    expect(entityOf(police, "Security forces")).toBeUndefined();
    expect(entityOf(police, "the soldiers")).toBe(entityOf(police, "Ghanaian army"));
    // "Togolese security forces", "the troops of the mission": another's forces, or a part of them, are no description.
    const owned = resolve("The Ghanaian army fought the Red Hand Brigade. Togolese security forces and the troops of the mission watched.");
    expect(owned.mentions.some((m) => /security forces|troops/.test(m.text))).toBe(false);
    // A force named only by its adviser, or of a country the text names less than another, is no state's own the text is about.
    const adviser = resolve("Rebels of the Red Hand Brigade attacked a base in Peru, killing a Chilean military adviser. Government soldiers died.");
    expect(entityOf(adviser, "Government soldiers")).toBeUndefined();
    const foreignArmy = resolve("The Chilean army struck the Red Hand Brigade in Peru. Peru protested, and Peru closed its border. Government forces fled.");
    expect(entityOf(foreignArmy, "Government forces")).toBeUndefined();
    const closing = resolve("The Armed Forces of the Philippines fought the Red Hand Brigade. Government troops took the camp.");
    expect(entityOf(closing, "Government troops")).toBe(entityOf(closing, "Armed Forces of the Philippines"));
  });

  it("reads 'the assailants' as the one armed group named before, a group through its named branch, and nobody when the attack is unclaimed", () => {
    const doc = resolve("The Red Hand Brigade, a militant group, raided Dala on Monday. The assailants fled into the hills.");
    expect(entityOf(doc, "The assailants")).toBe(entityOf(doc, "Red Hand Brigade"));
    const two = resolve("The Red Hand Brigade, a militant group, and the Blue Hill Front, a rebel group, raided Dala. The assailants fled.");
    expect(entityOf(two, "The assailants")).toBeUndefined();
    const branch = resolve("The Islamic State claimed the raid through the Islamic State Sahel Province. The attackers fled.");
    expect(entityOf(branch, "The attackers")).toBe(entityOf(branch, "Islamic State Sahel Province"));
    // "Maoist guerrillas": the organisation whose name says so, armed or not, which the description then calls armed.
    const belief = resolve("The Communist Party of Kell (Maoist) and the Red Hand Brigade, a militant group, fight the army. Maoist guerrillas ambushed a patrol. Islamist insurgents attacked Dala.");
    const party = entityOf(belief, "Communist Party of Kell (Maoist)")!;
    expect(entityOf(belief, "Maoist guerrillas")).toBe(party);
    expect(party.subtype).toBe("armed_group");
    expect(entityOf(belief, "Islamist insurgents")).toBeUndefined();
    const unclaimed = resolve("The Red Hand Brigade, a militant group, is active near Dala. Gunmen killed five people there; no group has claimed the attack. The gunmen fled.");
    expect(entityOf(unclaimed, "The gunmen")).toBeUndefined();
  });

  it("reads 'the junta' as the one country named with its rulers or whose forces are named, and nobody when two are", () => {
    const doc = resolve("Chad's military rulers expelled the envoy of the Red Hand Brigade. The junta blamed the brigade for the attack.");
    expect(entityOf(doc, "The junta")).toBe(entityOf(doc, "Chad"));
    const forces = resolve("The Ghanaian army lost Dala to the Red Hand Brigade, officials in Ghana said. The junta disputed the account.");
    expect(entityOf(forces, "The junta")).toBe(entityOf(forces, "Ghana"));
    const only = resolve("General Kabore was sworn in as Chad's president. The junta blamed the Red Hand Brigade.");
    expect(entityOf(only, "The junta")).toBe(entityOf(only, "Chad"));
    const unsaid = resolve("Chad and Ghana met in Accra. The junta blamed the Red Hand Brigade.");
    expect(entityOf(unsaid, "The junta")).toBeUndefined();
    const two = resolve("Chad's military rulers and Ghana's junta met in Accra. The junta blamed the Red Hand Brigade.");
    expect(entityOf(two, "The junta")).toBeUndefined();
    // A regime is a country's only when the text names the country with it; an army alone makes none.
    const regime = resolve("The Ghanaian army lost Dala, officials in Ghana said. The regime denied it.");
    expect(entityOf(regime, "The regime")).toBeUndefined();
  });

  it("reads 'the task force' as the organisation of that kind, not the most salient one", () => {
    const doc = resolve("The National Task Force for Peace hailed the raid by the Red Hand Brigade, a militant group. The brigade said the Red Hand Brigade would go on. Activists accused the task force of abuses.");
    expect(entityOf(doc, "the task force")).toBe(entityOf(doc, "National Task Force for Peace"));
    const none = resolve("The Red Hand Brigade, a militant group, raided Dala. The task force said nothing.");
    expect(entityOf(none, "The task force")).toBeUndefined();
  });

  it("reads 'the union' as the union named before", () => {
    const doc = resolve("The Union of Sinai Tribes lost two men. Ibrahim al-Organi, who heads the union, spoke.");
    expect(entityOf(doc, "the union")?.name).toBe("Union of Sinai Tribes");
  });
});
