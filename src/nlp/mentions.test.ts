import { describe, expect, it } from "vitest";
import { AnalysedDoc } from "./doc.js";
import { MentionFinder } from "./mentions.js";
import { tokenizer } from "./tokenize.js";

function found(text: string) {
  const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text, sha256: "" });
  tokenizer.run(doc);
  new MentionFinder().run(doc);
  return doc.mentions;
}

const found_ = found;

function mentions(text: string) {
  return found(text).map((m) => [m.text, m.type, m.source]);
}

describe("MentionFinder", () => {
  it("splits a titled person from the body named after 'of', and keeps a name whose short form in brackets follows its 'and'", () => {
    expect(mentions("Prosecutor Jane Roe of the Harlow Prosecution Authority argued the case.").map(([text, type]) => [text, type])).toEqual([
      ["Prosecutor Jane Roe", "PER"],
      ["Harlow Prosecution Authority", "ORG"],
    ]);
    expect(mentions("The Movement for Peace and Civic Renewal (Mopacir) was founded in 2009.").map(([text, type]) => [text, type])).toEqual([
      ["Movement for Peace and Civic Renewal", "ORG"],
    ]);
  });

  it("makes an unlisted name before armed men their group's, unless it is a word of a group named before", () => {
    expect(mentions("Zorak militiamen took the town.")).toContainEqual(["Zorak", "ORG", "rule:org-head"]);
    expect(mentions("The Izz ad-Din al-Zorak Brigades fired rockets. Zorak fighters detonated a device.").map(([text]) => text)).not.toContain("Zorak");
  });

  it("makes a name a person's when a role is apposed before it ('its leader, X,')", () => {
    expect(found("The army captured its leader, Florindo Flores, in 2012.").find((m) => m.text === "Florindo Flores")?.type).toBe("PER");
  });

  it("makes a name set off as a group's website an outlet, and a one-word newsletter's name name it alone later", () => {
    expect(mentions("Dawnfront, the movement's news website, called the trial a farce.")).toContainEqual(["Dawnfront", "ORG", "rule:org-head"]);
    const named = mentions("The group's weekly newsletter al-Qalam carried a report. Al-Qalam said the raid failed.");
    expect(named.filter(([, type]) => type === "WORK").map(([text]) => text)).toEqual(["al-Qalam", "Al-Qalam"]);
  });

  it("takes no word for a pronoun because an object's prototype has a key of that name", () => {
    expect(mentions("The constructor, a firm from Turkey, said it would finish in May.")).toEqual([
      ["Turkey", "GPE", "gazetteer"],
      ["it", "ORG", "pronoun"],
    ]);
  });

  it("finds gazetteer names whose folded form spans dashes, dots and several words", () => {
    const found = mentions("Fighters of al-Qaeda in the Islamic Maghreb crossed into the U.S. last year.");
    expect(found).toEqual(expect.arrayContaining([["U.S.", "GPE", "gazetteer"]]));
    expect(found.filter(([, , source]) => source === "gazetteer").map(([text]) => text)).toContain("al-Qaeda in the Islamic Maghreb");
  });

  it("reads capitals beyond ASCII and Arabic articles before a capital as name words, and demonyms by their capital", () => {
    expect(mentions("Pakistani officials met President Ünal Çelik in Mogadishu.")).toEqual(
      expect.arrayContaining([
        ["Pakistani", "GPE", "rule:demonym"],
        ["President Ünal Çelik", "PER", "rule:title"],
      ]),
    );
    const found = mentions("The Afghan government said al-Shabaab attacked; the pakistani press did not.");
    expect(found).toEqual(expect.arrayContaining([["Afghan government", "GPE", "rule:demonym-state"], ["al-Shabaab", "ORG", "gazetteer"]]));
    expect(found.map(([text]) => text)).not.toContain("pakistani");
    // A junta is the state's rule, as a government or a regime is.
    expect(mentions("The Chadian junta met the envoy.")).toEqual([["Chadian junta", "GPE", "rule:demonym-state"]]);
  });

  it("splits a capitalised office from the name after it, and keeps a demonym inside an organisation's name", () => {
    const found = mentions("Yesterday Director General of Police Ravi Kumar Sethi met the Malian Armed Forces in Gao.");
    expect(found).toEqual(expect.arrayContaining([["Ravi Kumar Sethi", "PER", "rule:title"]]));
    expect(found.map(([text]) => text)).toContain("Malian Armed Forces");
  });

  it("splits a place's or an organisation's name, an office and a person's name, and no one person's name", () => {
    const names = (text: string) => mentions(text).map(([t, type]) => `${t}/${type}`);
    expect(names("On Monday Balochistan Chief Minister Sarfraz Bugti visited Quetta.")).toEqual(["Balochistan/GPE", "Sarfraz Bugti/PER", "Quetta/GPE"]);
    expect(names("Later Pakistan Army Chief General Asim Munir met troops.")).toEqual(["Pakistan Army/ORG", "Asim Munir/PER"]);
    expect(names("Later the Burmese Military Chief Kyaw Zin met troops.")).toEqual(["Burmese Military/ORG", "Kyaw Zin/PER"]);
    expect(names("Later JUI-F Chief Maulana Fazlur Rehman spoke.")).toEqual(["JUI-F/ORG", "Fazlur Rehman/PER"]);
    expect(names("Later National Security Adviser Ajit Doval met Supreme Leader Ayatollah Ali Khamenei.")).toEqual(["Ajit Doval/PER", "Ali Khamenei/PER"]);
    expect(names("He said Khalid Sheikh Mohammed planned it.")).toContain("Khalid Sheikh Mohammed/PER");
    expect(mentions("The unit grew out of the Estado Mayor Central in 2016.").map(([t]) => t)).toEqual(["Estado Mayor Central"]);
    expect(names("Yesterday Punjab Police arrested three men.")).toEqual(["Punjab Police/ORG"]);
  });

  it("reads a name that runs on past a listed one, a lake, a publication by its issue and lone places after a preposition", () => {
    const found = mentions("The Islamic State West Africa Province wrote in the latest issue of al-Furqan that fighters near Tarkwala crossed Lake Chad.");
    expect(found).toEqual(
      expect.arrayContaining([
        ["Islamic State West Africa Province", "ORG", "gazetteer"],
        ["al-Furqan", "WORK", "rule:work-cue"],
        ["Lake Chad", "LOC", "rule:place-head"],
      ]),
    );
    expect(found.map(([text]) => text)).not.toContain("Chad");
    expect(mentions("Later the Hiiraan region fell.")).toEqual([["Hiiraan", "GPE", "rule:place-head"]]);
  });
  it("reads a place ending an organisation's name after 'of' as part of the name, but not after a state's own head", () => {
    const names = (text: string) => mentions(text).map(([name]) => name);
    expect(names("The Armed Forces of the Philippines struck.")).not.toContain("Philippines");
    const doc = new AnalysedDoc({ id: "doc", date: "2020-01-01", text: "The Armed Forces of the Philippines struck.", sha256: "" });
    tokenizer.run(doc);
    new MentionFinder().run(doc);
    expect(doc.mentions[0]).toMatchObject({ text: "Armed Forces of the Philippines", type: "ORG", subtype: "military" });
    expect(names("The Government of Kenya spoke.")).toContain("Kenya");
  });
  it("takes an ordinal and a possessive before an organisation's head into its name, but not a possessive before a plain noun", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Fighting pits the rebels against the 33rd Front near the town.")).toContain("33rd Front/ORG");
    expect(names("The Ombudsman's Office said so.")).toContain("Ombudsman's Office/ORG");
    expect(names("Farid's house was searched.").some((n) => n.startsWith("Farid's"))).toBe(false);
  });
  it("reads two names coordinated before a plural place noun as areas", () => {
    const places = mentions("The rebels now control much of the Kitobe and Masembe territories.").filter(([, type]) => type === "LOC").map(([name]) => name);
    expect(places).toEqual(["Kitobe", "Masembe"]);
    expect(mentions("The rebels met Kitobe and Masembe leaders.").filter(([, type]) => type === "LOC")).toEqual([]);
  });

  it("reads 'and', a bracketed qualifier and lower-case words an acronym spells inside organisations' names", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Later the Justice and Development Party won.")).toEqual(["Justice and Development Party/ORG"]);
    // A name with a head of its own before "and" is one organisation of two.
    expect(names("Later the Pakistan Army and Frontier Corps attacked.")).toEqual(["Pakistan Army/ORG", "Frontier Corps/ORG"]);
    expect(names("Later the Communist Party of Nepal (Maoist) met. The CPN (Maoist) said so.")).toEqual(["Communist Party of Nepal (Maoist)/ORG", "CPN (Maoist)/ORG"]);
    expect(names("He was held under the Public Safety (Amendment) Act.")).toEqual(["He/PER"]);
    expect(names("Later the National Commission to Combat Illicit Arms (NCCIA) met.")).toEqual(["National Commission to Combat Illicit Arms/ORG", "NCCIA/ORG"]);
    expect(names("Later the Committee on Foreign Relations met.")).toEqual(["Committee on Foreign Relations/ORG"]);
    expect(names("Rebels joined a bloc known as the Seven Party Alliance.")).toEqual(["Seven Party Alliance/ORG"]);
  });

  it("reads a place after a compass word or a ruler's compound as a place of its own, and a place ending a person's name as the name", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Rockets fell in Turkish-controlled Kirkuk and in Northern Yobe.")).toEqual(["Turkish-controlled Kirkuk/GPE", "Northern Yobe/GPE"]);
    expect(names("The poet Juan de Santiago spoke. Party treasurer Elena Kabul said so.")).toEqual(["Juan de Santiago/PER", "Elena Kabul/PER"]);
  });

  it("keeps organisations that the persons' lists file as persons, and reads no actor in a weapon's designation", () => {
    // Names only: "Police" is a description the resolver may tie to a named police force.
    const names = (text: string) => found(text).filter((m) => !m.anaphoric).map((m) => `${m.text}/${m.type}`);
    expect(names("Troops of the Assam Rifles met staff of Pacific Command.")).toEqual(["Assam Rifles/ORG", "Pacific Command/ORG"]);
    expect(names("Police recovered an M-16 rifle and two RPG-7 launchers from PKK fighters.")).toEqual(["PKK/ORG"]);
    expect(names("Later the General Intelligence Directorate said so.")).toEqual(["General Intelligence Directorate/ORG"]);
  });

  it("reads one word as an organisation by its noun, article or apposition, and later bare uses of it too", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("The army accused the rights group Tanween, which denied it. Tanween said it would sue.").filter((n) => n.startsWith("Tanween"))).toEqual(["Tanween/ORG", "Tanween/ORG"]);
    expect(names("Residents blamed the Interahamwe, the Hutu militias that killed thousands.")).toEqual(["Interahamwe/ORG"]);
    expect(names("Later the Russia-backed council met.")).toEqual([]);
    expect(names("It was signed by its spokesperson Abhay, who denied it.")).toContain("Abhay/PER");
    expect(names("Unlike Peshmerga units, the party has no seats.")).toContain("Peshmerga/ORG");
    expect(names("Jets of a Russian-led alliance struck. The AU peace mission said so.")).toEqual(["Russian-led alliance/ORG", "AU peace mission/ORG"]);
  });

  it("names an organisation by the first word of its full name later, unless two names share that word", () => {
    const found = new AnalysedDoc({ id: "doc", date: "2020-01-01", text: "The Zomi Revolutionary Army attacked. Later Zomi said its men were safe.", sha256: "" });
    tokenizer.run(found);
    new MentionFinder().run(found);
    expect(found.mentions.find((m) => m.text === "Zomi")).toMatchObject({ type: "ORG", source: "rule:short-form", name: "Zomi Revolutionary Army" });
    const names = mentions("The Karen National Union and the Karen National Liberation Army met. Karen rebels fled.").map(([name]) => name);
    expect(names).not.toContain("Karen");
  });

  it("takes a lower-case name the text quotes once as an organisation wherever it recurs", () => {
    const found = mentions('The army and the allied "border forces" repelled the attack. The border forces, a coalition of tribal fighters, lost ten men.');
    expect(found.filter(([name]) => name === "border forces")).toEqual([
      ["border forces", "ORG", "rule:org-head"],
      ["border forces", "ORG", "rule:org-head"],
    ]);
    expect(mentions('He said the "enemy forces" would fail.').map(([name]) => name)).not.toContain("enemy forces");
  });

  it("reads a lone place by the recogniser where a force takes it, after 'much of' or beside another place, and a name opening with a foreign head as an organisation", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Later they took Palmyra and burned much of Gubio.")).toEqual(["they/ORG", "Palmyra/GPE", "Gubio/GPE"]);
    expect(names("Later Kano, Zaria and Damboa voted.")).toEqual(["Kano/GPE", "Zaria/GPE", "Damboa/GPE"]);
    expect(names("Later Liwa al-Baqir attacked.")).toEqual(["Liwa al-Baqir/ORG"]);
  });

  it("gives a state's armed services the military subtype, and none to an armed group named like one", () => {
    const subtypes = (text: string) => found(text).map((m) => `${m.text}/${m.subtype ?? "-"}`);
    expect(subtypes("Later the Kenya Defence Forces and the Karen National Army clashed.")).toEqual(["Kenya Defence Forces/military", "Karen National Army/-"]);
    expect(subtypes("Later the Lebanese Armed Forces met the Mountain Liberation Army.")).toEqual(["Lebanese Armed Forces/military", "Mountain Liberation Army/-"]);
  });

  it("reads 'the paramilitary' as a description of a group, but not before the noun it describes", () => {
    const anaphors = (text: string) => found(text).filter((m) => m.anaphoric).map((m) => m.text);
    expect(anaphors("The paramilitary denied the report, and the paramilitaries withdrew.")).toEqual(["The paramilitary", "the paramilitaries"]);
    expect(anaphors("Later the paramilitary police and the paramilitary Rangers arrived.")).toEqual([]);
  });

  it("reads a lone name in a list of places after 'among them', or that a force overran, or followed by ', where', as a place", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Fighters have taken nine of the 12 districts, among them Kalemie and Moba, where they overran a base.")).toEqual(["Kalemie/GPE", "Moba/GPE", "they/ORG"]);
    expect(names("Fighters also seized Rubaya in the north.")).toEqual(["Rubaya/GPE"]);
  });

  it("names a camp with the place the recogniser found before it, and a sea or river as a region", () => {
    expect(mentions("At least 12 people died in Kakuma camp on Monday.")).toEqual([["Kakuma camp", "LOC", "ner"]]);
    expect(found("Ships crossed the Sulu Sea.").map((m) => [m.text, m.type, m.subtype])).toEqual([["Sulu Sea", "LOC", "region"]]);
  });

  it("types a single unknown word given as another name of a person as that person, there and later, and keeps a name shaped like a participle opening a sentence", () => {
    const names = mentions("Ahmed Abdi Godane, better known as Mukhtar, spoke on radio. Mukhtar later left.");
    expect(names).toEqual([
      ["Ahmed Abdi Godane", "PER", "ner"],
      ["Mukhtar", "PER", "rule:alias"],
      ["Mukhtar", "PER", "rule:alias"],
    ]);
  });

  it("reads a listed group's name opening with an Arabic or Urdu head, or a listed armed group's branch in a place, as an organisation, and a listed group's name before a province's as its branch", () => {
    const typed = (text: string) => found(text).map((m) => `${m.text}/${m.type}`);
    expect(typed("Its cadres came from Harkat-ul-Mujahideen, the group he had served.")).toContain("Harkat-ul-Mujahideen/ORG");
    expect(typed("Later a veteran of al Qaeda in Iraq spoke.")).toEqual(["al Qaeda in Iraq/ORG"]);
    expect(found("Later the Islamic State Mozambique Province attacked.").map((m) => [m.text, m.type, m.subtype])).toEqual([["Islamic State Mozambique Province", "ORG", "armed_group"]]);
  });

  it("reads a name opening with a title as a place where the text points to one, and a lone name after a relative's noun as a person", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("Gunmen overran two posts south of Sheikh Othman in Aden.")).toContain("Sheikh Othman/GPE");
    expect(names("Later Sheikh Hamad said so.")).toEqual(["Sheikh Hamad/PER"]);
    expect(names("Power passed to his younger brother Rahim, whom troops killed.")).toContain("Rahim/PER");
  });

  it("reads a name before an administrative area's noun as a place, unless a noun goes on after it", () => {
    const names = (text: string) => found(text).filter((m) => !m.anaphoric).map((m) => `${m.text}/${m.type}`);
    expect(names("Dozens were killed in Alto de Cauca department.")).toEqual(["Alto de Cauca/GPE"]);
    expect(names("The front now runs the Sulu Bay autonomous region.")).toContain("Sulu Bay/GPE");
    expect(names("Talks took place during the Xi Jinping state visit.")).toEqual(["Xi Jinping/PER"]);
    expect(names("Later the Commerce department said so.")).not.toContain("Commerce/GPE");
    expect(names("Police seized Marcos-linked assets.")).toEqual([]);
  });

  it("reads a place the recogniser found that ends in a forest's or zone's noun, or a name before 'air base', as a region, and a name after 'media arm' as a medium", () => {
    const typed = (text: string) => found(text).map((m) => [m.text, m.type, m.subtype]);
    expect(typed("Troops raided camps in the Sambisa Forest.")).toEqual([["Sambisa Forest", "LOC", "region"]]);
    expect(typed("Fighters fled into the Kalbar Desert.")).toEqual([["Kalbar Desert", "LOC", "region"]]);
    expect(typed("Rockets slammed into Ain al-Asad air base on Monday.")).toEqual([["Ain al-Asad air base", "LOC", "region"]]);
    expect(typed("A video by the group's media arm Sawt al-Haqq Media showed it.")).toContainEqual(["Sawt al-Haqq Media", "ORG", "media"]);
    expect(typed("Later the news agency Petra Voice reported the attack.")).toEqual([["Petra Voice", "ORG", "media"]]);
  });

  it("reads a name its bracketed acronym abbreviates as one organisation across connectors, places and hyphens, and the acronym with it", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("The Northern Lakes Peace Mission in Uganda (NLPMU) left in May.")).toEqual(["Northern Lakes Peace Mission in Uganda/ORG", "NLPMU/ORG"]);
    expect(names("Staff of the EU Training Mission in Somalia (EUTMS) were evacuated.")).toEqual(["EU Training Mission in Somalia/ORG", "EUTMS/ORG"]);
    expect(names("Data from the Violent Events Tracking & Analysis Project (VETAP) was cited.")).toContain("Violent Events Tracking & Analysis Project/ORG");
    // An acronym of the name in another language: same first letter and length, all but one letter among the initials.
    expect(names("He led the Front for Unity and Liberation in East Sudan (FULSE) for years.")).toContain("Front for Unity and Liberation in East Sudan/ORG");
    // A mixed-case acronym of a hyphenated name names it, there and later.
    const found = found_("Police raided Tanzim-ul-Ahrar (TuA) offices; TuA denied wrongdoing.").filter((m) => !m.anaphoric);
    expect(found.map((m) => [m.text, m.type, m.name])).toEqual([
      ["Tanzim-ul-Ahrar", "ORG", undefined],
      ["TuA", "ORG", "Tanzim-ul-Ahrar"],
      ["TuA", "ORG", "Tanzim-ul-Ahrar"],
    ]);
    // A long form with nothing of an organisation, or one the acronym does not abbreviate, is left alone.
    expect(mentions("Troops found Improvised Explosive Devices (IEDs) on the road.").some(([, , source]) => source === "rule:acronym")).toBe(false);
    expect(names("Talks with the Kenyan Red Cross (ICRC) resumed.").some((n) => n.startsWith("Kenyan Red Cross"))).toBe(false);
    // Capitalised words before the part the acronym abbreviates stay in the name.
    expect(names("The Ruritanian Maritime Safety Authority (MSA) said so.")).toContain("Ruritanian Maritime Safety Authority/ORG");
  });

  it("keeps a people's possessive, '&' and a particle inside a name", () => {
    const names = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(names("The People's Salvation Army shelled the town.")).toContain("People's Salvation Army/ORG");
    expect(names("Floods hit Vila do Conde and Rio Grande do Norte last year.").some((n) => n === "Conde/GPE" || n === "Norte/GPE")).toBe(false);
    expect(names("A report by the Centre for Peace & Justice Studies found more deaths.")).toContain("Centre for Peace & Justice Studies/ORG");
  });

  it("reads a province named as a group's branch as an armed group, and a place's province as a place", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("The group said its Danube Province had raided a barracks.")).toContain("Danube Province/ORG");
    expect(typed("Danube Province fighters raided a barracks.")).toContain("Danube Province/ORG");
    expect(typed("Floods hit Helmand Province on Monday.")).toContain("Helmand Province/GPE");
    expect(typed("Troops were sent to Kenya's Lamu province.").some((n) => n.endsWith("/ORG"))).toBe(false);
  });

  it("reads a place's police or a ministry after its possessive as an organ of its own, a title after a place as no part of it, and a demonym a verb follows as a surname", () => {
    const typed = (text: string) => mentions(text).map(([name, type, source]) => `${name}/${type}/${source}`);
    expect(typed("Lahore police said two men were held.")).toContain("Lahore police/ORG/rule:state-organ");
    expect(typed("Kenya's interior ministry said the curfew would stay.")).toContain("Kenya's interior ministry/ORG/rule:state-organ");
    expect(typed("Two Lahore police stations were hit.").some((n) => n.startsWith("Lahore police"))).toBe(false);
    expect(typed("Kenya's largest agency said so.").some((n) => n.startsWith("Kenya's"))).toBe(false);
    expect(typed("He met French President Emmanuel Macron in Paris.").some((n) => n.startsWith("French President/"))).toBe(false);
    expect(typed("It was signed by US President Joe Biden in May.")).toContain("US/GPE/gazetteer");
    expect(typed("Troops shelled Israeli positions.")).toContain("Israeli/GPE/rule:demonym");
    expect(typed("Somali was killed in 2019, his deputy said.").some((n) => n.startsWith("Somali/"))).toBe(false);
    expect(typed("The cell was founded by Mohamed Ali al-Somali, a former teacher. Somali was killed in 2019.")).toContain("Somali/PER/ner");
  });

  it("reads a group's first word alone as its short form, but as the place it is named after where a locative preposition puts it", () => {
    const typed = (text: string) => mentions(text).map(([name, type, source]) => `${name}/${type}/${source}`);
    expect(typed("The Varenna Cartel smuggles arms. Varenna gunmen killed two men.")).toContain("Varenna/ORG/rule:short-form");
    const place = typed("The Varenna Cartel smuggles arms. Two men were shot in Varenna and Zacatecas on Monday.");
    expect(place.some((n) => n.startsWith("Varenna/ORG"))).toBe(false);
    expect(place.some((n) => n.startsWith("Zacatecas/GPE"))).toBe(true);
    // A company's short form after "in" stays the company.
    expect(typed("Varenna Oil Ltd sold shares. A fund bought a stake in Varenna on Monday.")).toContain("Varenna/ORG/rule:short-form");
  });

  it("leaves the people of a group opening a sentence out of its name, unless the rest names no organisation", () => {
    expect(mentions("Fighters of the Hill Brigade overran a post. Members of the Northern Front fled.").map(([text]) => text)).toEqual(["Hill Brigade", "Northern Front"]);
    expect(mentions("Soldiers of the Caliphate claimed the attack.").map(([text]) => text)).toEqual(["Soldiers of the Caliphate"]);
  });

  it("reads a one-word long form of an acronym alone later as the same organisation", () => {
    const text = "He heads the proscribed Jamaat-ul-Noor (JuN), the court heard. In 2001 he renamed the old trust as Jamaat-ul-Noor in a hurry.";
    const later = found(text).filter((m) => m.text === "Jamaat-ul-Noor");
    expect(later.map((m) => m.type)).toEqual(["ORG", "ORG"]);
  });

  it("reads a gang's, cartel's or syndicate's name as an organisation's", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("The Gulf Cartel fought the Oaxaca Cartel for the port.")).toEqual(expect.arrayContaining(["Gulf Cartel/ORG", "Oaxaca Cartel/ORG"]));
    expect(typed("Police raided the Red Dragon Syndicate on Monday.")).toContain("Red Dragon Syndicate/ORG");
    expect(typed("Troops clashed with the Comandos del Sur near the river.")).toContain("Comandos del Sur/ORG");
  });

  it("reads a quoted nickname inside a person's name as one person named without it, and the nickname alone later as the person", () => {
    const found = found_('The raid was led by Rafael "El Tigre" Moreno, whom police had sought for years. El Tigre escaped.');
    const full = found.find((m) => m.source === "rule:nickname" && m.text.startsWith("Rafael"));
    expect(full).toMatchObject({ type: "PER", name: "Rafael Moreno" });
    expect(found.find((m) => m.text === "El Tigre")).toMatchObject({ type: "PER", name: "Rafael Moreno" });
    // A quoted word between two places, or a name with an organisation's head, is no nickname.
    expect(found_('Flights from Lagos "Airport" Abuja resumed.').some((m) => m.source === "rule:nickname")).toBe(false);
    expect(found_('Members of the Northern "Lions" Brigade were held.').some((m) => m.source === "rule:nickname")).toBe(false);
  });
  it("leaves a silk's, an honour's or a seat's letters after a full name out of the name, and makes no organisation of them", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("For the Crown, Harriet Vane KC told the jurors the plot was real.")).toEqual(expect.arrayContaining(["Harriet Vane/PER"]));
    expect(typed("For the Crown, Harriet Vane KC told the jurors the plot was real.").some((t) => t.startsWith("KC"))).toBe(false);
    expect(typed("Opposition figure Tomas Brill MP walked out.")).toEqual(expect.arrayContaining(["Tomas Brill/PER"]));
    // Alone, the letters are an acronym like any other.
    expect(typed("The SC ruled on Monday.")).toEqual(["SC/ORG"]);
  });

  it("reads a chief constable as a title before a name", () => {
    expect(mentions("Chief Constable Maria Dunne ordered a review.")).toEqual(expect.arrayContaining([["Maria Dunne", "PER", "rule:title"]]));
  });
  it("reads a word opening a sentence as an organisation's name where an apposition calls it one and the recogniser sees a name", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("Dravnik, a small nationalist party that the police have long watched, said the raids were unlawful.")).toContain("Dravnik/ORG");
    // A fronted adverb before an apposition names nothing.
    expect(typed("Overnight, a militant group that nobody knew attacked a post.").some((t) => t.startsWith("Overnight"))).toBe(false);
  });

  it("ends a titled person's name before 'of' and another name, and reads a detective's rank as a title", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("First Minister Oona Tierney of Clann Dara condemned the attack.")).toEqual(expect.arrayContaining(["Oona Tierney/PER"]));
    expect(typed("First Minister Oona Tierney of Clann Dara condemned the attack.").some((t) => t.startsWith("Oona Tierney of"))).toBe(false);
    expect(mentions("Detective Chief Inspector Liam Farrow was shot.")).toEqual(expect.arrayContaining([["Liam Farrow", "PER", "rule:title"]]));
  });
  it("reads a name ending in an acronym no list knows as a place as an organisation's, not a place's", () => {
    expect(mentions("The New UFF was formed in 2014 when two factions merged.")).toEqual([["New UFF", "ORG", "ner"]]);
    // A compass word or roman numeral before or as the letters keeps the recogniser's place.
    expect(mentions("Flights to North LA were cut.").map(([, type]) => type)).not.toContain("ORG");
  });
  it("reads an apposition whose noun a participle and a place follow as calling the name an organisation's", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("He admitted belonging to The Vanguard, a neo-fascist network banned in Britain. The Vanguard was founded in 2017.")).toEqual(["He/PER", "Vanguard/ORG", "Britain/GPE", "Vanguard/ORG"]);
  });

  it("reads a name a role's apposition describes as a person's, and one before a role and a person's name as what the role is of", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("Padoh Saw Taw Nee, the KNU spokesman, said troops had shelled villages.")).toEqual(["Padoh Saw Taw Nee/PER", "KNU/ORG"]);
    expect(typed("Sinn Féin leader Mary Lou McDonald condemned the attack.")).toEqual(["Sinn Féin/ORG", "Mary Lou McDonald/PER"]);
    expect(typed("First Minister Michelle O'Neill of Sinn Féin spoke.")).toEqual(["Michelle O'Neill/PER", "Sinn Féin/ORG"]);
    expect(typed('Hurras al-Din ("Guardians of Religion") was formed in 2018 by veterans.')[0]).toBe("Hurras al-Din/ORG");
  });

  it("knows the dissident republican groups by name, wherever a sentence puts them", () => {
    const typed = (text: string) => mentions(text).map(([name, type]) => `${name}/${type}`);
    expect(typed("Michelle O'Neill condemned the New IRA.")).toEqual(["Michelle O'Neill/PER", "New IRA/ORG"]);
    expect(typed("The Continuity IRA claimed the bombing.")).toEqual(["Continuity IRA/ORG"]);
  });
});
