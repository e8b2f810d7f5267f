import { describe, expect, it } from "vitest";
import { analyseDoc } from "./pipeline.js";

/** The claims the whole pipeline finds in `text`, as [speaker name, cue, text]. */
function claims(text: string): [string, string, string][] {
  const doc = analyseDoc({ id: "doc", date: "2024-05-14", text, sha256: "" });
  const name = (id: string) => doc.entities.find((e) => e.id === id)?.name ?? id;
  return doc.claims.map((c) => [name(c.speaker), c.cue, c.text]);
}

describe("claims: what is said and who says it", () => {
  it("reads a press release's relative clause, an 'It said' after it and 'was quoted as saying' for whoever spoke", () => {
    const found = claims(
      'Security forces held two men in Harlow on Tuesday, the Harlow Police said in a press release, which described the pair as "couriers" for the group. According to the release, the men had crossed the border. It said the outfit had stepped up its demands. Police chief Omar Haddad was quoted as saying the force would not give in.',
    );
    expect(found).toContainEqual(["Harlow Police", "described", 'the pair as "couriers" for the group']);
    expect(found).toContainEqual(["Harlow Police", "said", "the outfit had stepped up its demands"]);
    expect(found).toContainEqual(["Omar Haddad", "quoted as saying", "the force would not give in"]);
  });

  it("gives the words of an unnamed, placed man of an unlisted group to the group, not to the place", () => {
    const found = claims("Zorak militiamen took the town on Sunday. A Zorak commander in Gojjam, speaking by phone, said the militia had killed 60 soldiers.");
    expect(found).toContainEqual(["Zorak", "said", "the militia had killed 60 soldiers"]);
  });

  it("reads 'estimates that' as a claim, and nothing in what a subject 'no longer' does", () => {
    const found = claims("The Joint Command of the Armed Forces estimates that the group has 200 members. The Hill Brigade no longer threatens the state.");
    expect(found).toContainEqual(["Joint Command of the Armed Forces", "estimates", "the group has 200 members"]);
    expect(found.filter(([speaker]) => speaker === "Hill Brigade")).toEqual([]);
  });

  it("reads what a court or an inquiry 'found' or 'ruled' as its claim", () => {
    const found = claims("Harlow District Court jailed the man. The court found that he had bought petrol. The Supreme Court ruled that the ban was lawful.");
    expect(found).toContainEqual(["Harlow District Court", "found", "he had bought petrol"]);
    expect(found).toContainEqual(["Supreme Court", "ruled", "the ban was lawful"]);
  });

  it("reads a quote after its cue that only opens the clause said as part of it, and a quote closing it as the words", () => {
    expect(claims('The weekly al-Qalam carried the report. Al-Qalam said "soldiers of the faith" had shot dead a police chief.')).toContainEqual([
      "al-Qalam",
      "said",
      '"soldiers of the faith" had shot dead a police chief',
    ]);
    expect(claims('Hill Brigade commander Omar Haddad said: "We will fight on."').map(([, , text]) => text)).toContain("We will fight on");
  });

  it("reads a charge ('accused X of Y') as the accuser's claim, not a passive one", () => {
    expect(claims("Hamas accused Israel of violating the ceasefire in Gaza.")).toContainEqual(["Hamas", "accused", "Israel of violating the ceasefire in Gaza"]);
    expect(claims("Hamas was accused of violating the truce by Egypt.")).toEqual([]);
  });

  it("reads a judgement with 'as' as a claim, and 'condemned X' without one as none", () => {
    expect(claims("Iran described the United States as a global bully.")).toContainEqual(["Iran", "described", "the United States as a global bully"]);
    expect(claims("Iran condemned the attack on Damascus.")).toEqual([]);
  });

  it("credits no name before a relative clause with a subject of its own", () => {
    expect(claims("She criticised groups like Hamas, which she described as a threat to peace.")).toEqual([]);
  });

  it("reads what follows an aside between the cue and 'that'", () => {
    expect(claims("Hezbollah claimed, without evidence, that Israel had used chemical weapons.")).toContainEqual(["Hezbollah", "claimed", "Israel had used chemical weapons"]);
    expect(claims("Russia insisted, however, that the talks would continue.")).toEqual([["Russia", "insisted", "the talks would continue"]]);
  });

  it("gives 'a party spokesman said' to the group that spoke just before, never to a state's body", () => {
    expect(claims('Al-Shabaab said its fighters had withdrawn. "We will return to the town," a group spokesman said.')).toContainEqual([
      "al-Shabaab",
      "said",
      "We will return to the town",
    ]);
    expect(claims('The Pakistani army said 12 soldiers were killed. "We will respond," a group spokesman said.').filter(([, , text]) => text === "We will respond")).toEqual([]);
  });

  it("reads a present-tense denial", () => {
    expect(claims("Russia denies sending troops to Libya.")).toContainEqual(["Russia", "denies", "sending troops to Libya"]);
  });

  it("gives 'boasting that' and 'calling X “...”' to the main clause's speaker, but not 'calling for'", () => {
    expect(claims("Al-Shabaab claimed the raid on Mogadishu, boasting that its fighters had humiliated the Somali army.")).toContainEqual([
      "al-Shabaab",
      "boasting",
      "its fighters had humiliated the Somali army",
    ]);
    expect(claims("Hezbollah condemned the raid, calling Israel “a terrorist state” in a speech.")).toContainEqual(["Hezbollah", "calling", "Israel “a terrorist state”"]);
    expect(claims("Hezbollah rejected the plan, calling for talks with Lebanon.").filter(([, cue]) => cue === "calling")).toEqual([]);
  });

  it("credits the named speaker, not the group in the description set off after the name", () => {
    expect(claims("Zabihullah Mujahid, the spokesman of the Taliban, said that Pakistan had bombed Khost.")).toEqual([["Zabihullah Mujahid", "said", "Pakistan had bombed Khost"]]);
    expect(claims("Amadou Koufa, founder of the Macina Liberation Front, has repeatedly accused France of waging war on Muslims.")).toEqual([
      ["Amadou Koufa", "accused", "France of waging war on Muslims"],
    ]);
  });

  it("credits what a statement says to whoever issued it", () => {
    const found = claims(
      'Al-Shabaab issued a statement on Monday. The statement, posted on the group\'s Telegram channel, said that Kenya would pay for its occupation. "Kenya will pay for every village," the statement said.',
    );
    expect(found).toContainEqual(["al-Shabaab", "said", "Kenya would pay for its occupation"]);
    expect(found).toContainEqual(["al-Shabaab", "said", "Kenya will pay for every village"]);
  });

  it("credits a statement summarised point by point to its issuer, through a sentence naming no issuer and an 'it' in the present tense", () => {
    const found = claims(
      "The Hill Front released a long statement on Friday. The statement is signed by the group's leader, Omar Dost, and runs to nine pages. Kenya. The statement accuses the Kenyan government of persecuting herders. It warns that the towns of the coast will burn. It calls the governor “a thief”.",
    );
    expect(found).toContainEqual(["Hill Front", "accuses", "the Kenyan government of persecuting herders"]);
    expect(found).toContainEqual(["Hill Front", "warns", "the towns of the coast will burn"]);
    expect(found.some(([speaker, cue]) => speaker === "Hill Front" && cue === "calls")).toBe(true);
  });

  it("credits the person named by office right before the cue, a person 'of' a body, and never whom a document was sent to", () => {
    const judged = claims("Judge Helen Marsh presided. In sentencing Tomas Brill, the judge said he had shared posters urging attacks.");
    expect(judged).toContainEqual(["Helen Marsh", "said", "he had shared posters urging attacks"]);
    expect(judged.some(([speaker]) => speaker === "Tomas Brill")).toBe(false);
    const of = claims("First Minister Oona Tierney of Clann Dara condemned the bombing, saying the bombers spoke for nobody.");
    expect(of.some(([speaker, cue]) => speaker === "Oona Tierney" && cue === "saying")).toBe(true);
    const sent = claims("A typed statement sent to the Kerry Courier on Sunday, using a codeword, said the bomb had been planted by the Hill Front.");
    expect(sent.some(([speaker]) => speaker === "Kerry Courier")).toBe(false);
  });

  it("credits an unnamed spokesman to the body opening the clause or sentence before", () => {
    expect(claims("The Hill Front denied the charge. A spokesman said the group had never attacked civilians.")).toContainEqual(["Hill Front", "said", "the group had never attacked civilians"]);
    expect(claims("The Hill Front denies any link to the militia; a spokesman said the front takes orders from nobody.")).toContainEqual(["Hill Front", "said", "the front takes orders from nobody"]);
  });

  it("credits 'according to X's Y' to Y", () => {
    expect(claims("According to Kenya's Ministry of Defence, troops killed 20 militants near Lamu.")).toEqual([["Ministry of Defence", "according to", "troops killed 20 militants near Lamu"]]);
  });

  it("credits both of two coordinated subjects", () => {
    const found = claims("The United States and Britain have accused Iran of arming the Houthis.");
    expect(found).toContainEqual(["United States", "accused", "Iran of arming the Houthis"]);
    expect(found).toContainEqual(["United Kingdom", "accused", "Iran of arming the Houthis"]);
  });

  it("gives a second joined cue ('... and said that', '... and warned that') to the first one's speaker", () => {
    expect(claims("Pakistan's interior minister Mohsin Naqvi condemned the bombing as an attack on Pakistan and China and said that the attackers would be caught.")).toEqual([
      ["Mohsin Naqvi", "condemned", "the bombing as an attack on Pakistan and China"],
      ["Mohsin Naqvi", "said", "the attackers would be caught"],
    ]);
    expect(claims("The Taliban said the talks had failed and warned that Pakistan would regret its strikes.")).toEqual([
      ["Taliban", "said", "the talks had failed"],
      ["Taliban", "warned", "Pakistan would regret its strikes"],
    ]);
  });

  it("reads content fronted before the group's spokesman and a cue with where and when", () => {
    expect(claims('Strikes on Israeli ships will continue "until the siege of Gaza is lifted", the Houthis\' military spokesman Yahya Saree said in a televised address on Monday night.')).toContainEqual([
      "Yahya Saree",
      "said",
      'Strikes on Israeli ships will continue "until the siege of Gaza is lifted"',
    ]);
  });

  it("ends the content before where the words came from and at the end of a relative clause", () => {
    expect(claims("The Islamic State accused Turkey of betraying Syria, in a video released through its Amaq agency.")).toEqual([["Islamic State", "accused", "Turkey of betraying Syria"]]);
    expect(claims("Abu Hafsa, whom Nigeria had declared in April to have been killed in an air strike, led the raid.")).toEqual([["Nigeria", "declared", "to have been killed in an air strike"]]);
  });

  it("ends the content before a source adjunct with a figure ('in a 20-minute video') and reads no cue inside another's words", () => {
    expect(claims("The Shining Path promised Peru “a long war” in the highlands, in a 20-minute video released on Monday.")).toEqual([
      ["Shining Path", "promised", "Peru “a long war” in the highlands"],
    ]);
    expect(claims("Peru said the council threatened “the peace of the valley”.")).toEqual([["Peru", "said", "the council threatened “the peace of the valley"]]);
  });

  it("reads no noun 'appeals', no 'to call', no semicolon inside a quote, and ends a demand at its comma", () => {
    expect(claims("A Lima appeals court to hear the case ordered Peru to release the prisoners.").filter(([, cue]) => cue === "appeals")).toEqual([]);
    expect(claims("Chile has the authority to call a “special session” of the council.")).toEqual([]);
    expect(claims("Peru said the plan was “a trap; a lie from start to end” and left.")).toEqual([["Peru", "said", "the plan was “a trap; a lie from start to end” and left"]]);
    expect(claims("Abimael Guzman called for talks with Peru, a move the army rejected.")).toEqual([["Abimael Guzman", "called", "for talks with Peru"]]);
    expect(claims("Chile said Peru was right when it said the border was closed.")).toContainEqual(["Peru", "said", "the border was closed"]);
  });

  it("ends what was said before the writer's gloss on a name (', the armed wing of X')", () => {
    const doc = analyseDoc({
      id: "doc",
      date: "2024-05-14",
      text: "The Peruvian army said it had killed three gunmen, describing them as members of the Free Army (FA), the armed wing of the Shining Path.",
      sha256: "",
    });
    expect(doc.claims.map((c) => c.text)).toContain("them as members of the Free Army (FA)");
    expect(doc.relations.filter((r) => r.predicate === "affiliate_of").map((r) => r.attributed_to)).toEqual([null]);
  });

  it("ends what was said before the writer's link in time to another event (', a day after X ...')", () => {
    expect(claims("Pakistan accused India of plotting attacks in Kashmir, a day after the Hill Brigades released a video in which a commander vowed war.")).toContainEqual([
      "Pakistan",
      "accused",
      "India of plotting attacks in Kashmir",
    ]);
  });

  it("ends a charge before what the text calls it (', a charge X denies')", () => {
    expect(claims("Pakistan accused India of arming the rebels, a charge New Delhi denies.")).toContainEqual(["Pakistan", "accused", "India of arming the rebels"]);
  });

  it("credits an unnamed spokesman's words, fronted before 'said in a speech', to the group", () => {
    expect(claims("Al-Shabaab militants have vowed to drive the African Union's force out of Somalia, al-Shabaab's spokesman said in a speech broadcast on Radio Andalus at the weekend, as the army presses on.")).toEqual([
      ["al-Shabaab", "vowed", "to drive the African Union's force out of Somalia"],
      ["al-Shabaab", "said", "Al-Shabaab militants have vowed to drive the African Union's force out of Somalia"],
    ]);
  });

  it("reads nothing between a quote's cue and a participle after its comma", () => {
    expect(claims('"The army will find no refuge in Borno," ISWAP said, warning that more raids would follow.')).toEqual([
      ["Islamic State West Africa Province", "said", "The army will find no refuge in Borno"],
      ["Islamic State West Africa Province", "warning", "more raids would follow"],
    ]);
  });

  it("reads 'called on X to Y' as a demand, like 'urged X to Y'", () => {
    expect(claims("Al-Shabaab called on clan elders to stop sending fighters to the government, warning that villages would be burned.")).toEqual([
      ["al-Shabaab", "called on", "clan elders to stop sending fighters to the government"],
      ["al-Shabaab", "warning", "villages would be burned"],
    ]);
  });

  it("joins a direct quote that runs over two sentences", () => {
    expect(claims("Qassem spoke on Sunday. “Israel must withdraw from Lebanon. There is no excuse,” Naim Qassem said.")).toContainEqual([
      "Naim Qassem",
      "said",
      "Israel must withdraw from Lebanon. There is no excuse",
    ]);
  });
  it("credits 'in the words of X' and 'according to the <role>, X' to X, and no name several words on", () => {
    expect(claims("Lagos rejected the report as a fabrication, in the words of Interior Minister Tunde Bakare.").map(([who]) => who)).toContain("Tunde Bakare");
    expect(claims("At least 40 people died in the floods, according to the regional governor, Amina Sule.")).toContainEqual([
      "Amina Sule",
      "according to",
      "At least 40 people died in the floods",
    ]);
    expect(claims("Talks failed, in the words of one diplomat who had met Kenya's envoy.").filter(([, cue]) => cue === "in the words of")).toEqual([]);
  });

  it("reads 'rejected X as Y' as a judgement, but not 'rejected X' alone", () => {
    expect(claims("The Free Army rejected the report as “enemy propaganda”.")).toContainEqual(["Free Army", "rejected", "the report as “enemy propaganda"]);
    expect(claims("The Free Army rejected the report.")).toEqual([]);
  });

  it("gives a clause interrupted by ', X says,' to X", () => {
    expect(claims("The video praised an ambush in which, the Free Army says, its fighters killed nine soldiers near Gao.")).toContainEqual([
      "Free Army",
      "says",
      "its fighters killed nine soldiers near Gao",
    ]);
  });

  it("gives 'saying' to the actor of the verb before it, unless that verb is inside someone's words", () => {
    expect(claims("Egypt described the strike as a raid on a camp, a version Sudan disputed, saying the bombs fell on farmland.")).toContainEqual([
      "Sudan",
      "saying",
      "the bombs fell on farmland",
    ]);
    expect(claims("Egypt said Sudan attacked, adding that the bombs fell on farmland.").find(([, cue]) => cue === "adding")?.[0]).toBe("Egypt");
  });

  it("gives what a report estimated to the body whose report it is", () => {
    const found = claims("A panel of the African Union, whose report to the United Nations last July estimated that 500 fighters had crossed, was ignored.");
    expect(found.filter(([, cue]) => cue === "estimated").map(([who]) => who)).toEqual(["African Union"]);
  });
  it("reads 'branding them “…”' as a claim with a quote close by, and 'the X notice said' after a quote as the notice's issuer's", () => {
    expect(claims("Al-Shabaab attacked the clan fighters, branding them “slaves of the crusaders”.").map(([who, cue]) => `${who} ${cue}`)).toContain("al-Shabaab branding");
    expect(claims("Al-Shabaab attacked the clan fighters, branding them traitors.").filter(([, cue]) => cue === "branding")).toEqual([]);
    expect(claims("The Free Army have made the villagers a target, branding them “spies of the regime”.").map(([who, cue]) => `${who} ${cue}`)).toContain("Free Army branding");
    expect(claims("Troops fought the Free Army in Gao, and killed 14 of them, the Malian army said in a statement carried on the page of its spokesman.")).toContainEqual([
      "Malian army",
      "said",
      "Troops fought the Free Army in Gao, and killed 14 of them",
    ]);
    expect(claims("In March 2019 the Free Army took the town of Gao, saying the army had left it.")).toContainEqual(["Free Army", "saying", "the army had left it"]);
    const noticed = claims("In a statement, al-Shabaab said it had taken the town. “The fighters will hold every road,” the al-Shabaab notice said.");
    expect(noticed).toContainEqual(["al-Shabaab", "said", "The fighters will hold every road"]);
  });

  it("reads more verbs of saying: boasted, retorted, recommended, 'cautioned/told X that', 'appealed/called for'", () => {
    expect(claims("The Shining Path boasted that its fighters had burned three police posts in Peru.")).toContainEqual(["Shining Path", "boasted", "its fighters had burned three police posts in Peru"]);
    expect(claims("Shining Path leader Abimael Guzman cautioned Peru's leaders that the war would go on, and urged soldiers to desert.")).toContainEqual([
      "Abimael Guzman",
      "cautioned",
      "the war would go on",
    ]);
    expect(claims("Victor Quispe retorted that Peru was “lying to the nation” and called for the troops to leave the valley first.")).toEqual([
      ["Victor Quispe", "retorted", "Peru was “lying to the nation”"],
      ["Victor Quispe", "called", "for the troops to leave the valley first"],
    ]);
    expect(claims("Ana Torres, the Chilean envoy, appealed on Tuesday for tents and clean water.").map(([who, , what]) => `${who}: ${what}`)).toContain("Ana Torres: for tents and clean water");
    expect(claims("Ana Torres, the UN special envoy on housing, recommended in June that the camps be closed.")).toContainEqual([
      "Ana Torres",
      "recommended",
      "the camps be closed",
    ]);
    expect(claims("Victor Quispe told reporters at the site that he had left Lima.")).toContainEqual(["Victor Quispe", "told", "he had left Lima"]);
  });

  it("reads judgements in the speaker's own words: 'mourned “…”', 'paid tribute to the “…”', 'branded X “…”', 'call X a Y'", () => {
    expect(claims("The Lord's Resistance Army mourned “two of our finest sons” in a message and boasted that its fighters had held the road.")).toEqual([
      ["Lord's Resistance Army", "mourned", "“two of our finest sons”"],
      ["Lord's Resistance Army", "boasted", "its fighters had held the road"],
    ]);
    expect(claims("The Shining Path paid tribute to the “fallen” and alleged that Peru had tortured its prisoners.").map(([, cue]) => cue)).toEqual(["paid tribute to", "alleged"]);
    expect(claims("Sri Lanka branded the rebels “terrorists” on Monday.")).toContainEqual(["Sri Lanka", "branded", "the rebels “terrorists” on Monday"]);
    expect(claims("Chilean officials call the party a cover for the Shining Path.")).toContainEqual(["Chile", "call", "the party a cover for the Shining Path"]);
    expect(claims("The Shining Path hailed the operation in Lima.")).toEqual([]);
    expect(claims("The Shining Path pledged allegiance to the Lord's Resistance Army in 2015.")).toEqual([]);
  });

  it("reads 'holds X responsible for Y' as a charge and 'puts the number at' as an estimate", () => {
    expect(claims("Peru holds the Shining Path responsible for the bombing of the power station.")).toContainEqual([
      "Peru",
      "holds",
      "the Shining Path responsible for the bombing of the power station",
    ]);
    expect(claims("Peru held talks with the Shining Path in Lima.")).toEqual([]);
    expect(claims("Peru said the rebels attacked the town and held it for two days.")).toEqual([["Peru", "said", "the rebels attacked the town and held it for two days"]]);
    expect(claims("The Peruvian army now puts the number of fighters at about 300.")).toContainEqual(["Peruvian army", "puts", "now puts the number of fighters at about 300"]);
  });

  it("finds the speaker past asides: an acronym, 'as the regime calls itself', 'better known as', 'for its part'", () => {
    expect(claims("Ricardo Palma, spokesman of the Revolutionary Council (RC), as the regime calls itself, described the Shining Path as a “criminal gang”.")).toEqual([
      ["Ricardo Palma", "described", "the Shining Path as a “criminal gang"],
    ]);
    expect(claims("In a video, the Shining Path commander, Victor Quispe, better known as Comrade Jose, claimed that his men had taken the town and accused the army of shelling villages.")).toEqual([
      ["Victor Quispe", "claimed", "his men had taken the town"],
      ["Victor Quispe", "accused", "the army of shelling villages"],
    ]);
    expect(claims("The Shining Path, for its part, accuses Peru of torturing prisoners.")).toContainEqual(["Shining Path", "accuses", "Peru of torturing prisoners"]);
  });

  it("credits a state's mission to an organisation to the state", () => {
    expect(claims("Kenya's mission to the African Union dismissed the report as “fiction”, insisting that its troops had left Somalia.").map(([who, cue]) => `${who} ${cue}`)).toEqual([
      "Kenya dismissed",
      "Kenya insisting",
    ]);
  });

  it("reads a participle with a speaker of its own ('its spokesman X telling ... that', 'with X saying that')", () => {
    expect(claims("Peru's Foreign Ministry rejected the charge as “lies”, its spokesman Ana Torres telling reporters that Lima has never armed any group.")).toEqual([
      ["Foreign Ministry", "rejected", "the charge as “lies”"],
      ["Ana Torres", "telling", "Lima has never armed any group"],
    ]);
    expect(claims("Police rejected the account, with Carlos Mendoza saying that the dead had carried rifles.")).toEqual([
      ["Carlos Mendoza", "saying", "the dead had carried rifles"],
    ]);
  });

  it("gives a pronoun speaking inside a sentence to the subject the sentence opened with", () => {
    const found = claims(
      "Human Rights Watch accused the Shining Path of burning villages in May. The Shining Path denied the killings and blamed them on the army and on the Lord's Resistance Army, which, it says, works for the police.",
    );
    expect(found).toContainEqual(["Shining Path", "says", "works for the police"]);
    expect(found.filter(([who, cue]) => who === "Human Rights Watch" && cue === "says")).toEqual([]);
    expect(
      claims("The Lord's Resistance Army has fought the army for years. The Shining Path itself has suffered heavy losses at the top: in 2020 it announced that its chairman had been killed by soldiers."),
    ).toContainEqual(["Shining Path", "announced", "its chairman had been killed by soldiers"]);
  });

  it("credits a note signed by 'its spokesman' or by a named leader to the group that issued it", () => {
    expect(
      claims("In a press note issued on Monday, the Shining Path claimed the ambush. The note, signed by its leader Abimael Guzman, alleged that the army had burned two villages.").filter(
        ([, cue]) => cue === "alleged",
      ),
    ).toEqual([["Shining Path", "alleged", "the army had burned two villages"]]);
    expect(claims("In a press note issued on Monday, the Shining Path claimed the ambush. The note, signed by its spokesman, alleged that the valley's forests were being sold to loggers.")).toContainEqual([
      "Shining Path",
      "alleged",
      "the valley's forests were being sold to loggers",
    ]);
  });

  it("gives 'the officer said' to the person who spoke just before, when a person did", () => {
    const found = claims(
      "The convoy was hit near the river, according to police chief Ana Torres. “They knew the route,” the officer told reporters in Lima, adding that the bodies had been recovered. The officer also said that two rifles were found.",
    );
    expect(found).toContainEqual(["Ana Torres", "told", "They knew the route"]);
    expect(found).toContainEqual(["Ana Torres", "adding", "the bodies had been recovered"]);
    expect(found).toContainEqual(["Ana Torres", "also said", "two rifles were found"]);
    expect(claims("The convoy was hit near the river, according to the Peruvian army. “They knew the route,” the officer said.").filter(([, cue]) => cue === "said")).toEqual([]);
  });

  it("joins a quote over two sentences to a speaker with a title who 'told reporters'", () => {
    expect(claims("“The attack was planned for weeks. Those left should give up,” Deputy Inspector General Ana Torres told reporters at the site.")).toContainEqual([
      "Ana Torres",
      "told",
      "The attack was planned for weeks. Those left should give up",
    ]);
  });

  it("gives a participle to the last subject acting before it, never to one inside its own clause, and ends a claim at a semicolon", () => {
    expect(claims("Peru designated the Shining Path a terrorist group in 1992, and the Interior Ministry had already banned its newspaper in 1990, accusing it of inciting violence.")).toContainEqual([
      "Interior Ministry",
      "accusing",
      "it of inciting violence",
    ]);
    expect(claims("The new unit hailed the operation, insisting that Peru was winning the war.")).toEqual([]);
    expect(claims("Peru denies arming the rebels; in the speech the leader called them “brothers”, while praising Chile as “a true friend”.")).toEqual([["Peru", "denies", "arming the rebels"]]);
    expect(claims("Peru accused Chile of arming the rebels; Chile has always denied arming anyone.")).toEqual([
      ["Peru", "accused", "Chile of arming the rebels"],
      ["Chile", "denied", "arming anyone"],
    ]);
  });

  it("reads no claim in a negated or modal cue, in a plural noun spelt as a cue, or in what a group calls itself", () => {
    expect(claims("Al-Shabaab has not claimed the bombing in Mogadishu.")).toEqual([]);
    expect(claims("Hezbollah has not confirmed the death of its commander, saying that only its Jihad Council can confirm or deny the fate of its leaders.")).toEqual([
      ["Hezbollah", "saying", "only its Jihad Council can confirm or deny the fate of its leaders"],
    ]);
    expect(claims("Editor's note: Hamas and Hezbollah claims are reported as claims by this bulletin.")).toEqual([]);
    expect(claims("The Houthis seized the ship in November. They call themselves Ansar Allah.")).toEqual([]);
  });

  it("credits the head of a description, not who leads or runs it, and a group's official set off by an aside", () => {
    expect(claims("Iraq's Interior Ministry, led by Abdul Amir al-Shammari, said 12 militants were arrested in Anbar.")).toEqual([["Interior Ministry", "said", "12 militants were arrested in Anbar"]]);
    expect(claims("Sahel Watch, a monitor run by the Danish Refugee Council (DRC), said that the army had killed 30 herders.").map(([speaker]) => speaker)).toEqual(["Sahel Watch"]);
    expect(claims("A senior Hezbollah official, speaking on condition of anonymity, retorted that the strikes had failed.")).toEqual([["Hezbollah", "retorted", "the strikes had failed"]]);
  });

  it("gives a lawyer's words to the client, and gives a claim to each of two sources joined by 'and'", () => {
    expect(claims("Imran Khan's lawyer argued that the charges against him were political.")).toEqual([["Imran Khan", "argued", "the charges against him were political"]]);
    expect(claims("The commander was killed in a drone strike, according to Iraq and the United States.")).toEqual([
      ["Iraq", "according to", "The commander was killed in a drone strike"],
      ["United States", "according to", "The commander was killed in a drone strike"],
    ]);
  });

  it("reads 'regards X as Y', 'which X blames on Y', 'rejected charges of ...' and a one-word judgement by the last speaker", () => {
    expect(claims("Russia regards the Kurdistan Workers' Party as a political movement, not a terrorist group.")).toEqual([
      ["Russia", "regards", "the Kurdistan Workers' Party as a political movement, not a terrorist group"],
    ]);
    expect(claims("Congress debated the 2016 Uri attack, which India blames on Jaish-e-Mohammed and its backers in Pakistan.")).toEqual([
      ["India", "blames", "on Jaish-e-Mohammed and its backers in Pakistan"],
    ]);
    expect(claims("Rwanda has rejected Congolese charges of backing the M23 rebels.")).toEqual([["Rwanda", "rejected", "Congolese charges of backing the M23 rebels"]]);
    expect(claims("Hamas described the plan as a surrender, a charge Fatah called \"absurd\", noting that the plan had been drafted in Cairo.")).toEqual([
      ["Hamas", "described", "the plan as a surrender"],
      ["Fatah", "called", "\"absurd\""],
      ["Fatah", "noting", "the plan had been drafted in Cairo"],
    ]);
  });

  it("ends a charge where a clause with a speaker of its own is joined", () => {
    expect(claims("Iran and Hezbollah blamed Israel for the strike, and Hamas leader Ismail Haniyeh warned that the response would be severe.")).toEqual([
      ["Hezbollah", "blamed", "Israel for the strike"],
      ["Iran", "blamed", "Israel for the strike"],
      ["Ismail Haniyeh", "warned", "the response would be severe"],
    ]);
  });

  it("reads 'suggested that', 'demanded that' by a relative clause's antecedent and 'asked X to', but no cue in a condition", () => {
    expect(claims("Recep Tayyip Erdoğan had suggested that the talks could resume if Hamas declared a truce.")).toEqual([
      ["Recep Tayyip Erdoğan", "suggested", "the talks could resume if Hamas declared a truce"],
    ]);
    expect(claims("Kenya remains on the list of the Financial Action Task Force (FATF), the Paris-based watchdog, which has demanded that Nairobi freeze the accounts.")).toEqual([
      ["Financial Action Task Force", "demanded", "Nairobi freeze the accounts"],
    ]);
    expect(claims("Hezbollah has asked the mediators to present a plan for the border.")).toEqual([["Hezbollah", "asked", "the mediators to present a plan for the border"]]);
    expect(claims("Hezbollah officials asked not to be named.")).toEqual([]);
  });

  it("keeps a minister speaking for the state, a speech previewed with 'will say', and a verb 'says' before 'are'", () => {
    expect(claims("Kuwait's oil minister said that there were no plans for an emergency OPEC meeting.")).toEqual([["Kuwait", "said", "that there were no plans for an emergency OPEC meeting"]]);
    expect(claims("Charles Kennedy will visit the temple. He will say that Labour can no longer count on the votes.")).toContainEqual(["Charles Kennedy", "say", "Labour can no longer count on the votes"]);
    expect(claims("The US has asked the World Trade Organisation to investigate EU tariffs, which it says are inconsistent with the rules.")).toContainEqual([
      "United States",
      "says",
      "are inconsistent with the rules",
    ]);
  });

  it("credits 'according to the notice' to whoever issued the notice, not to the name after the comma", () => {
    const text = "The Treasury on Friday published its notice listing the Red Hand Brigade. According to the notice, the Red Hand Brigade is financed by smugglers.";
    expect(claims(text)).toContainEqual(["Treasury", "according to", "the Red Hand Brigade is financed by smugglers"]);
    expect(claims(text).filter(([speaker]) => speaker === "Red Hand Brigade")).toEqual([]);
    // No issuer in sight: no claim rather than the wrong speaker.
    expect(claims("According to the indictment, Ahmed Dinar bought rifles in Tunis.")).toEqual([]);
    expect(claims("Six soldiers died, according to Hamas's statement.")).toContainEqual(["Hamas", "according to", "Six soldiers died"]);
  });

  it("credits 'the notice says' paragraphs later to whoever spoke through the notice before", () => {
    const text = [
      "The Treasury on Friday published its notice listing the Red Hand Brigade and the Black Banner Front.",
      "The notice describes the Red Hand Brigade as a smuggling network.",
      "Both groups deny the charge. Their leaders live abroad. Ahmed Dinar fled in 2019. Omar Sule fled in 2021. Police in Tunis said Sule was in Libya.",
      "The notice says the Black Banner Front was formed by former soldiers.",
    ].join(" ");
    expect(claims(text)).toContainEqual(["Treasury", "says", "the Black Banner Front was formed by former soldiers"]);
  });

  it("does not end what was said at the comma inside a number", () => {
    expect(claims("The faction, which calls itself the Patriotic Front (PF), says it has about 2,000 fighters, most of them in the hills.")).toContainEqual([
      "Patriotic Front",
      "says",
      "it has about 2,000 fighters",
    ]);
  });

  it("reads 'replied that' as a claim, and 'responded to' as none", () => {
    expect(claims("Hamas replied that the talks were over.")).toEqual([["Hamas", "replied", "the talks were over"]]);
    expect(claims("The Taliban responded to the attack with raids on three villages.")).toEqual([]);
  });

  it("credits a place's government set off before 'which' with its charge", () => {
    expect(claims("The cabinet acted on a request from the Sindh government, which accused the Jamaat of spreading hatred.")).toContainEqual([
      "Sindh",
      "accused",
      "the Jamaat of spreading hatred",
    ]);
  });

  it("gives 'a spokesman for X' and 'X's lawyer' to X", () => {
    expect(claims("A spokesman for Hezbollah said its fighters were ready.")).toEqual([["Hezbollah", "said", "its fighters were ready"]]);
    expect(claims("Ahmed Dinar was arrested in Tunis. Dinar's lawyer said his client had been tortured in custody.")).toContainEqual([
      "Ahmed Dinar",
      "said",
      "his client had been tortured in custody",
    ]);
  });

  it("gives an interview's answers to the one interviewed, whoever the resolver takes 'he' for", () => {
    const text = [
      "Two weeks after police in Oslo detained Samuel Nkeng, we spoke by telephone to Paul Tabi, a commander of the Liberation Council.",
      "Q: Why was Samuel Nkeng arrested?",
      'Tabi said the arrest was "a favour to the government". Asked whether the council would choose a new leader, he said Nkeng "still leads us".',
      "Q: What about the fighting?",
      'On the anniversary of the declaration, he said, the fighters attacked a post and killed seven soldiers. "They burn villages and then blame us," he said.',
      "Q: Will you talk?",
      "A: We are ready to talk, but not with a gun to our heads.",
    ].join("\n");
    const found = claims(text);
    expect(found).toContainEqual(["Paul Tabi", "said", 'Nkeng "still leads us']);
    expect(found).toContainEqual(["Paul Tabi", "said", "On the anniversary of the declaration, he said, the fighters attacked a post and killed seven soldiers"]);
    expect(found).toContainEqual(["Paul Tabi", "said", "They burn villages and then blame us"]);
    expect(found).toContainEqual(["Paul Tabi", "answered", "We are ready to talk, but not with a gun to our heads."]);
    expect(found.filter(([speaker]) => speaker === "Samuel Nkeng")).toEqual([]);
  });

  it("reads no claim in a question fronted before the answer's cue", () => {
    const found = claims('Asked if Brazil would resume payments to the banks, Finance Minister Dilson Funaro replied, "Not before the agencies lend more."');
    expect(found.filter(([, , text]) => /^Asked/.test(text))).toEqual([]);
  });

  it("reads no interview without questions: 'he' keeps the resolver's reading", () => {
    const found = claims("Paul Tabi met Samuel Nkeng in Oslo. Nkeng later spoke to reporters. He said the talks had failed.");
    expect(found.filter(([speaker]) => speaker === "Paul Tabi")).toEqual([]);
  });

  it("gives a state body named by its kind to the one body of that kind the text names, before or after", () => {
    expect(claims("Two fighters of the Kharsa Brigade were killed near Tamba on Monday, the military said. The Nigerian Army later named them.")).toContainEqual([
      "Nigerian Army",
      "said",
      "Two fighters of the Kharsa Brigade were killed near Tamba on Monday",
    ]);
    expect(claims('"They fired on our patrol first," an army spokesman told reporters after the Nigerian Army raided the Kharsa Brigade camp.')).toContainEqual([
      "Nigerian Army",
      "told",
      "They fired on our patrol first",
    ]);
    expect(claims('Jets struck what the defence ministry called "terrorist hideouts" near Tamba. The Turkish Ministry of National Defence said the Kharsa Brigade had lost 20 men.')).toContainEqual([
      "Turkish Ministry of National Defence",
      "called",
      '"terrorist hideouts" near Tamba',
    ]);
  });

  it("gives 'the army said' to nobody when the text names no state's army, only a group called one", () => {
    const found = claims("The Tamba Liberation Army attacked a convoy. The army said two fighters of the Kharsa Brigade were killed.");
    expect(found.filter(([, , text]) => /two fighters/.test(text))).toEqual([]);
  });

  it("gives what a name set off by two joined roles, or by a role and a relative clause, says to that name", () => {
    const joined = claims("Karim Haddad, leader of the Northern Liberation Front (NLF) and the main ally of President Omar Salih, had suggested that the group could join the cabinet.");
    expect(joined).toContainEqual(["Karim Haddad", "suggested", "the group could join the cabinet"]);
    expect(joined.filter(([speaker]) => speaker === "Omar Salih")).toEqual([]);
    const relative = claims(
      "Leila Haddad, Karim Haddad's widow, who chairs the Northern Liberation Front's negotiating panel, retorted that the government was \"talking peace while waging war\".",
    );
    expect(relative.filter(([speaker, cue, text]) => speaker === "Leila Haddad" && cue === "retorted" && text.startsWith('the government was "talking peace'))).toHaveLength(1);
  });

  it("reads a pledge or a promise of a deed, not a pledge of allegiance or money", () => {
    expect(claims("Karim Haddad pledged to free every village from the occupiers.")).toContainEqual(["Karim Haddad", "pledged", "to free every village from the occupiers"]);
    expect(claims("The Kharsa Brigade pledged allegiance to the Islamic State.")).toEqual([]);
    expect(claims("Japan pledged $5 million in aid to the Kharsa region.")).toEqual([]);
  });

  it("reads 'announcing that ...' as a claim and 'announcing a ceasefire' as none", () => {
    expect(claims("The Northern Liberation Front renamed itself the Dawn Front in July 2016, announcing that it had no links to any external body.")).toContainEqual([
      "Northern Liberation Front",
      "announcing",
      "it had no links to any external body",
    ]);
    expect(claims("The Kharsa Brigade ended the siege on Monday, announcing a ceasefire.")).toEqual([]);
  });

  it("ends what was said before a described speaker, a source after a quote, or the writer's next dated deed", () => {
    const vowed = claims("The Kharsa Brigade has vowed to drive the peacekeepers out of Tamba, the group's spokesman said in a speech broadcast at the weekend.");
    expect(vowed.filter(([, , text]) => /spokesman/.test(text))).toEqual([]);
    const dated = claims("The Northern Liberation Front renamed itself the Dawn Front in July 2016, announcing that it had no links to any external body, and in January 2017 merged with two smaller factions.");
    expect(dated.filter(([, , text]) => /merged/.test(text))).toEqual([]);
  });

  it("gives what 'the general' or 'the former commission chief' says to the one person the text gave that role before", () => {
    const general = claims("General Karim Haddad was sworn in as president on Monday. His rival remains in detention. At the ceremony, the general promised to free every inch of the territory.");
    expect(general).toContainEqual(["Karim Haddad", "promised", "to free every inch of the territory"]);
    const chief = claims(
      'Karim Haddad, a former electoral commission chief, spoke to reporters on Monday. Speaking by telephone, the former electoral commission chief warned that the Kharsa Brigade would "go all the way to the capital".',
    );
    expect(chief.filter(([speaker, cue]) => speaker === "Karim Haddad" && cue === "warned")).toHaveLength(1);
    // An attorney general is no general, and a minister named only later is not "the minister" before him.
    expect(claims("Attorney General Omar Salih met Karim Haddad. The general said the talks had failed.")).toEqual([]);
    const later = claims('"The rumour is baseless," the minister said. Deputy energy minister Karim Haddad said the country wanted a lower price.');
    expect(later.filter(([speaker, , text]) => speaker === "Karim Haddad" && /rumour/.test(text))).toEqual([]);
  });

  it("takes no name in an opening phrase for the subject when a common noun follows its comma", () => {
    expect(claims("In Kasra, protesters accused the government of Zandia of corruption.")).toEqual([]);
    expect(claims("In a statement from Kasra, the rebels said they had seized the town.")).toEqual([]);
    expect(claims("General Karim Haddad leads the Kharsa Front. At a rally in Kasra, the general said the offensive would go on.")).toEqual([
      ["Karim Haddad", "said", "the offensive would go on"],
    ]);
    expect(claims("In Kasra, the Kharsa Front said it would not disarm.")).toEqual([["Kharsa Front", "said", "it would not disarm"]]);
  });

  it("gives what residents, witnesses or supporters of X say to nobody, not to X", () => {
    expect(claims("Witnesses in Kasra said the Kharsa Front had attacked the market.")).toEqual([]);
    expect(claims("Supporters of the Kharsa Front said the vote was rigged.")).toEqual([]);
    expect(claims("Officials in Zandia said the Kharsa Front had attacked the market.")).toEqual([["Zandia", "said", "the Kharsa Front had attacked the market"]]);
  });

  it("gives a cue joined by 'and' inside a relative clause to the clause's antecedent", () => {
    const renamed = claims("Many units later joined the Kasra Guard under Karim Haddad, who renamed it the Kasra Army in 2024 and said it would no longer take orders from the junta.");
    expect(renamed).toEqual([["Karim Haddad", "said", "it would no longer take orders from the junta"]]);
    // A relative clause closed by a comma leaves the main clause's subject, which is no name here.
    expect(claims("Units joined Karim Haddad, who leads the Kasra Army, and said they would fight.")).toEqual([]);
  });

  it("takes no wire dateline for a speaker or for part of what was said", () => {
    expect(claims("KASRA, March 5 - The attack killed 12 people, said Karim Haddad, the Kharsa Front's spokesman.")).toContainEqual([
      "Karim Haddad",
      "said",
      "The attack killed 12 people",
    ]);
    expect(claims("KASRA, Zandia (AP) — Gunmen attacked a police post, the Kharsa Front said.")).toEqual([["Kharsa Front", "said", "Gunmen attacked a police post"]]);
  });

  it("gives what a statement said to its issuer when the sentence names nobody", () => {
    expect(claims("The Karen National Union issued a statement on Monday. The statement said 12 soldiers had been captured.")).toEqual([["Karen National Union", "said", "12 soldiers had been captured"]]);
    expect(claims("This summarises a statement issued in Burmese on Monday by the Karen National Union. Troops were seen. The statement said 12 soldiers had been captured.")).toEqual([
      ["Karen National Union", "said", "12 soldiers had been captured"],
    ]);
  });

  it("gives no claim to a name inside a participle's aside after the speaker", () => {
    expect(claims("A senior defence official, speaking to the BBC's correspondent Paul Adams, said that the report reflected unrealistic expectations.")).toEqual([]);
    expect(claims("Tehran radio, monitored by the British Broadcasting Corporation, said the attack was launched last night.").map(([who]) => who)).toEqual(["Tehran"]);
  });

  it("takes no name inside a quote for the subject of the cue after it", () => {
    const found = claims('"Our struggle is for the dignity of every Congolese," said Karim Haddad, the head of the Kharsa Alliance.');
    expect(found.filter(([speaker]) => speaker !== "Karim Haddad")).toEqual([]);
  });

  it("gives 'and said' and a participle after a body named by its kind that opens the sentence to that body", () => {
    const command = claims(
      'The command identified the man as Omar Salih and said he had led "the group\'s operations in the north", adding that no civilians were hurt. The Southern Command of the Kharsa Defence Forces struck his car.',
    );
    expect(command.filter(([speaker, cue]) => speaker === "Southern Command of the Kharsa Defence Forces" && (cue === "said" || cue === "adding"))).toHaveLength(2);
    const force = claims('The task force has rejected the commission\'s findings, saying it merely "tells the truth". The Kharsa Task Force was created in 2018.');
    expect(force.filter(([speaker, cue]) => speaker === "Kharsa Task Force" && cue === "saying")).toHaveLength(1);
  });

  it("gives the lede's 'police said' to the one police force named after it, and to none of two", () => {
    const one = claims("Two fighters of the Kharsa Brigade were killed on Wednesday in a gunfight near Tamba, police said, in the first clash this year. The Tamba Police named the commander as Omar Salih.");
    expect(one).toContainEqual(["Tamba Police", "said", "Two fighters of the Kharsa Brigade were killed on Wednesday in a gunfight near Tamba"]);
    const two = claims("Police said two men were arrested. The Tamba Police and the Kharsa Police searched the village.");
    expect(two.filter(([, , text]) => /arrested/.test(text))).toEqual([]);
  });
});
