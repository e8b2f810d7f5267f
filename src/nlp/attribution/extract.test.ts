import { describe, expect, it } from "vitest";
import { findAttributions, proposeAttributions } from "./extract.js";
import { layout } from "./text.js";
import type { Attribution } from "./types.js";

function only(text: string, cue: string): Attribution {
  const found = findAttributions(text).filter((a) => a.cue.text.endsWith(cue));
  expect(found, `one attribution with cue "${cue}" in: ${text}`).toHaveLength(1);
  const attribution = found[0]!;
  for (const span of [attribution.cue, attribution.content, ...(attribution.source ? [attribution.source] : [])]) {
    expect(text.slice(span.start, span.end)).toBe(span.text);
  }
  return attribution;
}

describe("findAttributions", () => {
  it("finds a direct quote followed by its source and cue", () => {
    const text = '"This shows the state is weak," the outfit said.';
    const a = only(text, "said");
    expect(a.quote).toBe("direct");
    expect(a.source?.text).toBe("the outfit");
    expect(a.content.text).toBe('"This shows the state is weak,"');
  });

  it("handles curly quotes, an inverted cue and a quote that runs on in the next sentence", () => {
    const text = "“We will not stop. The war goes on,” said Abu Omar, a spokesman. “They will pay.”";
    const a = only(text, "said");
    expect(a.quote).toBe("direct");
    expect(a.source?.text).toContain("Abu Omar");
    expect(a.content.parts?.map((p) => p.text)).toEqual(["“We will not stop. The war goes on,”", "“They will pay.”"]);
  });

  it("keeps a title's and an initial's period inside an inverted source, through its appositive", () => {
    const quoted = only("“This is a disgusting day,” said Rep. G. Butterfield, head of the caucus.", "said");
    expect(quoted.source?.text).toMatch(/^Rep\. G\. Butterfield/);
    const text = "Moves against the broadcasters led to their removal from most stations, said Jeffrey N. Trimble, a senior official with the board that oversees them.";
    const reported = only(text, "said");
    expect(reported.source?.text.startsWith("Jeffrey N. Trimble")).toBe(true);
    expect(reported.content.text).toBe("Moves against the broadcasters led to their removal from most stations");
  });

  it("keeps a cue inside the content's clause nested instead of cutting the content there", () => {
    const text = "City Attorney Brad Holm said that the advertisement “unmistakably and wrongfully” suggests that Phoenix supports the campaign.";
    const outer = only(text, "said");
    expect(outer.content.text).toBe("that the advertisement “unmistakably and wrongfully” suggests that Phoenix supports the campaign");
    const cut = only("Smith criticized the plan, and Jones said it would fail.", "criticized");
    expect(cut.content.text).toBe("the plan");
  });

  it("does not carry a quote on into the next sentences when those have a cue of their own", () => {
    const text = "“The ceasefire will not hold. We have seen this before,” the commander said. “Nobody trusts them now. They broke every promise,” he added.";
    expect(only(text, "said").content.text).toBe("“The ceasefire will not hold. We have seen this before,”");
    expect(only(text, "added").content.text).toBe("“Nobody trusts them now. They broke every promise,”");
    const asked = "“We never asked for this,” the mayor said. “Who would believe such a story?” Mr. Lee said.";
    const mayor = findAttributions(asked).find((a) => a.source?.text === "the mayor");
    expect(mayor?.content.text).toBe("“We never asked for this,”");
  });

  it("takes a passive cue's agent as the source and its subject as the whole content", () => {
    const a = only("The plan was criticized by the senator from Ohio on Tuesday.", "criticized");
    expect(a.source?.text).toBe("the senator");
    expect(a.content.text).toBe("The plan");
    expect(a.content.parts).toBeUndefined();
  });

  it("takes the clause after the cue, not a quoted title before its source, as the content", () => {
    const a = only("In an interview on the radio show “Morning Brief,” the minister said the border would stay closed until spring.", "said");
    expect(a.source?.text).toBe("the minister");
    expect(a.content.text).toBe("the border would stay closed until spring");
  });

  it("cuts a content at 'and' only when the next attribution's source is a subject, not a noun of the content", () => {
    const nounPhrase = "The mayor said the recent spate of shootings and protests demands that every resident take part in the talks.";
    expect(only(nounPhrase, "said").content.text).toBe("the recent spate of shootings and protests demands that every resident take part in the talks");
    const clause = "Officials said the border would stay closed and Jones said the talks would fail.";
    const officials = findAttributions(clause).find((a) => a.source?.text === "Officials");
    expect(officials?.content.text).toBe("the border would stay closed");
  });

  it("ends an inverted source before a participle clause", () => {
    const a = only("“We will never give up the fight for our land and our people,” said Council President Donald Tusk, summing up a week of talks.", "said");
    expect(a.source?.text).toBe("Council President Donald Tusk");
    expect(a.content.text).toBe("“We will never give up the fight for our land and our people,”");
  });

  it("ends a content before a trailing 'according to' whose content holds it", () => {
    const text = "Police have said they have no plans to release the recordings of the raid, according to lawyers for the family.";
    const according = only(text, "according to");
    expect(according.nestedIn).toBeUndefined();
    expect(according.content.text).toBe("Police have said they have no plans to release the recordings of the raid");
    expect(only(text, "said").content.text).toBe("they have no plans to release the recordings of the raid");
  });

  it("takes a source through a long appositive before the cue", () => {
    const text = "“The talks have failed and nobody will return to them,” Jane Roe, a senior fellow at the institute and a former envoy to the region for the United Nations, said on Monday.";
    const a = only(text, "said");
    expect(a.source?.text).toBe("Jane Roe, a senior fellow at the institute and a former envoy to the region for the United Nations");
    expect(a.content.text).toBe("“The talks have failed and nobody will return to them,”");
  });

  it("keeps the subject of a feeling as the source, unlike a passive's", () => {
    const a = only("Protesters were frustrated that the city released only some of the footage.", "frustrated");
    expect(a.source?.text).toBe("Protesters");
    expect(a.content.text).toBe("that the city released only some of the footage");
  });

  it("splits the content around a parenthetical cue, however short its first part", () => {
    const a = only("The latest test, North Korea said, was its biggest yet.", "said");
    expect(a.source?.text).toBe("North Korea");
    expect(a.content.parts?.map((p) => p.text)).toEqual(["The latest test", "was its biggest yet"]);
  });

  it("takes a parenthetical cue after an opening phrase or with a pronoun addressee", () => {
    const intro = only("In recent days, advisers to Mr. Obama say, the president has grown exasperated with the tenor of the campaign.", "say");
    expect(intro.content.parts?.map((p) => p.text)).toEqual(["In recent days", "the president has grown exasperated with the tenor of the campaign"]);
    const told = only("The difference now, he told me on Friday, is that he anchors a news program.", "told");
    expect(told.source?.text).toBe("he");
    expect(told.content.parts?.map((p) => p.text)).toEqual(["The difference now", "is that he anchors a news program"]);
  });

  it("finds reported speech with that", () => {
    const text = "ISKP claimed that Pakistan is run by the establishment.";
    const a = only(text, "claimed");
    expect(a.quote).toBe("indirect");
    expect(a.source?.text).toBe("ISKP");
    expect(a.content.text).toBe("that Pakistan is run by the establishment");
  });

  it("finds reported speech after the content", () => {
    const a = only("The convoy was hit near the border, officials said.", "said");
    expect(a.source?.text).toBe("officials");
    expect(a.content.text).toBe("The convoy was hit near the border");
  });

  it("finds according to X", () => {
    const text = "According to officials, the attack killed five.";
    const a = only(text, "According to");
    expect(a.source?.text).toBe("officials");
    expect(a.content.text).toBe("the attack killed five");
  });

  it("marks nested attribution", () => {
    const text = "The magazine said the group warned that it will continue.";
    const found = findAttributions(text);
    const outer = found.find((a) => a.cue.text === "said");
    const inner = found.find((a) => a.cue.text === "warned");
    expect(outer?.source?.text).toBe("The magazine");
    expect(outer?.content.text).toBe("the group warned that it will continue");
    expect(inner?.source?.text).toBe("the group");
    expect(inner?.content.text).toBe("that it will continue");
    expect(inner?.nestedIn).toBe(found.indexOf(outer!));
  });

  it("marks nesting right across a long text of thousands of reports (found by cue position, not by comparing every pair)", () => {
    // Comparing every pair took ~15 CPU-s for 6,000 attributions and ~100 s for a 1 MB run-on sentence.
    const text = Array.from({ length: 1500 }, (_, i) => `The magazine said the group warned that Pakistan would fall in ${1900 + (i % 100)}.`).join(" ");
    const found = findAttributions(text);
    expect(found).toHaveLength(3000);
    for (const [i, a] of found.entries()) {
      if (a.cue.text === "warned") expect(found[a.nestedIn!]?.cue.start).toBe(a.cue.start - "said the group ".length);
      else expect([i, a.cue.text, a.nestedIn]).toEqual([i, "said", undefined]);
    }
  }, 30_000);

  it("finds a participial cue and gives it the clause's subject", () => {
    const text = "Trump went after Bush, calling him a weak candidate.";
    const a = only(text, "calling");
    expect(a.source?.text).toBe("Trump");
    expect(a.content.text).toBe("him a weak candidate");
  });

  it("finds nothing in a sentence without attribution", () => {
    expect(findAttributions("The bridge was built in 1932 and repaired in 2004.")).toEqual([]);
  });
  it("gives a transcript turn the whole paragraph, whatever cues it holds", () => {
    const text = 'Partial transcript:\n\n"WALLACE: Will she be there? Critics said she would.\n\nPENCE: She will not be attending the debate.';
    const turns = findAttributions(text).filter((a) => a.cue.text === ":" && a.nestedIn === undefined);
    expect(turns.map((a) => [a.source?.text, a.content.text])).toEqual([
      ["WALLACE", "Will she be there? Critics said she would"],
      ["PENCE", "She will not be attending the debate"],
    ]);
  });

  it("finds a quote signed with a dash", () => {
    const a = only("“He represents our greatest shame.” ― Sonya Herridge\n“Next one.”", "―");
    expect(a.source?.text).toBe("Sonya Herridge");
    expect(a.content.text).toBe("“He represents our greatest shame.”");
    expect(a.quote).toBe("direct");
  });

  it("does not read a dash inside a sentence as a signature", () => {
    expect(findAttributions("The group — Islamic State — attacked the town.").filter((a) => a.cue.text === "—")).toEqual([]);
  });
  it("nests an attribution that opens a subordinate clause of the outer content instead of cutting the outer one there", () => {
    const text = "Retired Gen. Michael Flynn said Donald Trump was absolutely right when he said that the generals had been reduced to rubble.";
    const top = findAttributions(text).filter((a) => a.nestedIn === undefined);
    expect(top.map((a) => [a.source?.text, a.content.text])).toEqual([
      ["Retired Gen. Michael Flynn", "Donald Trump was absolutely right when he said that the generals had been reduced to rubble"],
    ]);
  });
  it("takes the noun phrase before a relative clause or an age as the source, not the clause", () => {
    const aged = only("Woodrow Benford, 58, who lives outside Minneapolis, said he did not know much about Sanders.", "said");
    expect(aged.source?.text.startsWith("Woodrow Benford")).toBe(true);
    const dashed = only("The senator ― who has long opposed the deal ― said the vote would fail in the House.", "said");
    expect(dashed.source?.text).toBe("The senator");
  });

  it("finds a participle's subject after a dateline, an opening participle or a later coordinated clause", () => {
    const dateline = only("WASHINGTON (AP) — Donald Trump attacked the Federal Reserve on Monday, saying its policies hurt workers.", "saying");
    expect(dateline.source?.text).toBe("Donald Trump");
    const opening = only("Chastened by the analyses, Trump revised his plan, promising to focus more of its benefits on average Americans.", "promising");
    expect(opening.source?.text).toBe("Trump");
    const later = only("McAuliffe has said about 20 people are interested, but he refuses to discuss names, aside from saying he wants a diverse delegation.", "saying");
    expect(later.source?.text).toBe("he");
  });

  it("gives no source to a passive cue with a particle or to an interview's Q and A", () => {
    // Before the attribution filter, which keeps few of these.
    const passive = proposeAttributions("He has been harshly criticized for policies that objectors see as abuses of executive power.").filter((p) => p.attribution.cue.text.endsWith("for"));
    expect(passive).toHaveLength(1);
    expect(passive[0]!.attribution.source).toBeUndefined();
    const turns = proposeAttributions("Q: What do you make of the new polls this week?\n\nA: They are wrong about the state of the race.")
      .map((p) => p.attribution)
      .filter((a) => a.cue.text === ":");
    expect(turns.length).toBeGreaterThan(0);
    for (const turn of turns) expect(turn.source).toBeUndefined();
  });

  it("does not sign a cut-off transcript turn with an empty name", () => {
    const text = '"PENCE: Donald Trump is prepared to rebuild our military, reduce taxes and —. "(CROSSTALK.)\n\n"WALLACE: If I may, sir.';
    for (const a of findAttributions(text)) expect(a.source?.text ?? "none").not.toBe("");
  });
  it("reads no speaker into an opening phrase, a clause or a newsroom label before a colon", () => {
    for (const text of [
      "For one: the deduction for interest expenses is critical to developers.",
      "The implication is clear: the campaign will not release the returns.",
      "UPDATE: The website that listed the weapon has removed it.",
    ]) {
      expect(proposeAttributions(text).filter((p) => p.attribution.cue.text === ":"), text).toEqual([]);
    }
    const poll = proposeAttributions("Poll: Clinton and Trump in dead heat heading into first debate").filter((p) => p.attribution.cue.text === ":");
    expect(poll.map((p) => p.attribution.source?.text)).toEqual(["Poll"]);
  });
  it("gives a participle after another cue that cue's source, and a source through a restrictive relative clause", () => {
    const text = "“I was totally against going into Iraq,” Trump said, repeating a false claim that he opposed the invasion.";
    const repeating = proposeAttributions(text).filter((p) => p.attribution.cue.text === "repeating");
    expect(repeating.map((p) => p.attribution.source?.text)).toEqual(["Trump"]);
    const officials = proposeAttributions("Current and former officials who spoke with The Huffington Post said the organization has become a shell of itself.")
      .map((p) => p.attribution)
      .filter((a) => a.cue.text === "said");
    expect(officials).toHaveLength(1);
    expect(officials[0]!.source?.text).toContain("officials who spoke");
  });
  it("does not give a participle the 'who' of an earlier relative clause", () => {
    const text = "Trump was similarly defensive about not paying an architect who said he was stiffed, saying, “Maybe he didn’t do a good job.”";
    const saying = proposeAttributions(text).filter((p) => p.attribution.cue.text === "saying");
    expect(saying).toHaveLength(1);
    expect(saying[0]!.attribution.source?.text).not.toBe("who");
  });
  it("walks back over a circumstance or a place between the subject and its cue", () => {
    const text = "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday said the remarks were the textbook definition of a racist comment.";
    const said = proposeAttributions(text).filter((p) => p.attribution.cue.text === "said");
    expect(said).toHaveLength(1);
    expect(said[0]!.attribution.source?.text.startsWith("Speaker Paul D. Ryan")).toBe(true);
    const place = proposeAttributions("Cory James, of Flint, Mich., said the water crisis is not over for his family.").filter((p) => p.attribution.cue.text === "said");
    expect(place[0]!.attribution.source?.text.startsWith("Cory James")).toBe(true);
  });
  it("takes the agent of 'when asked by X' as the source and a name after ', but' as a participle's subject", () => {
    const text = "Trump said he would require Muslims to register. When asked by a reporter whether this differed from Nazi Germany, he said it did.";
    const asked = proposeAttributions(text).filter((p) => p.attribution.cue.text === "asked");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.attribution.source?.text).toBe("a reporter");
    expect(asked[0]!.attribution.content.text.startsWith("whether this differed")).toBe(true);
    const but = proposeAttributions("Trump pivoted to talking about trade, but Wallace brought him back to Romney's attacks, asking Trump to share his views on the Klan.").filter(
      (p) => p.attribution.cue.text === "asking",
    );
    expect(but.map((p) => p.attribution.source?.text)).toEqual(["Wallace"]);
  });
  it("starts the first part of a relative clause split by a parenthetical cue at its relative word", () => {
    const text = "The park is near the football stadium, which, police said, is usually full of activities on game days.";
    const said = proposeAttributions(text).filter((p) => p.attribution.cue.text === "said");
    expect(said).toHaveLength(1);
    expect(said[0]!.attribution.content.parts?.[0]?.text).toBe("which");
    expect(said[0]!.attribution.content.parts?.[1]?.text.startsWith("is usually full of activities")).toBe(true);
  });

  it("reads a title-case headline with a capitalised speech verb, either way round", () => {
    const before = only("Obama Says African-American Museum Will Tell of Suffering and Delight. WASHINGTON -- President Obama spoke.", "Says");
    expect(before.source?.text).toBe("Obama");
    expect(before.content.text).toBe("African-American Museum Will Tell of Suffering and Delight");
    const after = only("Clinton Hid Past Health Problems From Public, Former White House Doctor Says. Secrecy is not a stranger to her.", "Says");
    expect(after.source?.text).toBe("Former White House Doctor");
    expect(after.content.text).toBe("Clinton Hid Past Health Problems From Public");
    // Not in the body, and not in a headline that is not in title case.
    expect(findAttributions("Trump won. Obama Says Museum Will Tell of Delight.").filter((a) => a.cue.text === "Says")).toHaveLength(0);
  });

  it("takes what comes before ', as X said' as X's content, and nothing after the cue", () => {
    const a = only("Roger Ailes also met with Mr. Trump that day, as The New York Times said on Tuesday, and he will be paid.", "said");
    expect(a.source?.text).toBe("The New York Times");
    expect(a.content.text).toBe("Roger Ailes also met with Mr. Trump that day");
    const b = only("The video does not answer whether Scott had a gun, as police have said.", "said");
    expect(b.source?.text).toBe("police");
    expect(b.content.text).toBe("The video does not answer whether Scott had a gun");
  });

  it("keeps a relative clause inside a content before its cue, and a role 'for' someone in the source", () => {
    const text = "Scott's relatives, who asked authorities to show them video of the shooting, watched it on Thursday, attorneys for the family said.";
    const a = only(text, "said");
    expect(a.source?.text).toBe("attorneys for the family");
    expect(a.content.text).toBe("Scott's relatives, who asked authorities to show them video of the shooting, watched it on Thursday");
  });

  it("reads a sentence opening with its cue: 'Said X: “...”'", () => {
    const a = only("Experts are divided. Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”", "Said");
    expect(a.source?.text).toBe("Ellis");
    expect(a.content.text).toBe("“I don’t get the sense she’s the least bit interested in tax reform.”");
  });

  it("carries a direct quote on after its cue through 'but' or 'and'", () => {
    const a = only('"You know, I love Larry," he said, but "when it comes to energy issues, Larry has a history of representing fossil fuel industries."', "said");
    expect(a.content.parts?.map((p) => p.text)).toEqual(['"You know, I love Larry,"', 'but "when it comes to energy issues, Larry has a history of representing fossil fuel industries."']);
  });

  describe("sources and contents of cues in clauses of their own", () => {
    const proposed = (text: string, cue: string): Attribution[] => proposeAttributions(text).map((p) => p.attribution).filter((a) => a.cue.text === cue);
    const sourceOf = (text: string, cue: string): string | undefined => {
      const found = proposed(text, cue);
      expect(found, `one proposal with cue "${cue}" in: ${text}`).toHaveLength(1);
      return found[0]!.source?.text;
    };

    it("gives a cue that ends its sentence no content from the next one", () => {
      expect(proposed("The minister would not say. A ministry official said the talks had failed.", "say")).toEqual([]);
    });

    it("gives names no source: 'known as', and 'called' after a comma that closes no appositive", () => {
      expect(sourceOf("Her charity, called the River Trust, will keep the land.", "called")).toBeUndefined();
      const known = proposed("The treaty known as the Harbour Accord was signed by both sides.", "known as");
      expect(known.map((a) => [a.source, a.content.text])).toEqual([[undefined, "the Harbour Accord was signed by both sides"]]);
      expect(sourceOf("Ana Ruiz, a senior aide to the mayor, called the plan a disaster.", "called")).toBe("Ana Ruiz, a senior aide to the mayor");
    });

    it("does not take a phrase opened by a preposition as the source", () => {
      const text = "“We will win this case,” she said at a recent news conference announcing that her office was suing the state over its new law.";
      expect(sourceOf(text, "announcing")).toBe("she");
      expect(proposed(text, "said").map((a) => a.content.text)).toEqual(["“We will win this case,”"]);
      expect(proposed("In a message posted Monday, Grant said he would run again.", "posted")).toEqual([]);
    });

    it("takes the subject of a verb coordinated before the cue, and the noun phrase before a relative 'that'", () => {
      expect(sourceOf("When my uncle raised the question, I laughed and said it was absurd.", "said")).toBe("I");
      expect(sourceOf("The ruling rests on county rules that prohibit officials from voting on their own contracts.", "prohibit")).toBe("The ruling rests on county rules");
    });

    it("finds the subject after an opening quote or an opening phrase without a comma", () => {
      expect(sourceOf("“Stay close to me,” Lena sings to the crowd before asking them, “Where do we go from here?”", "asking")).toBe("Lena");
      expect(sourceOf("On March 3 they published the results of their review by announcing that the claim was true.", "announcing")).toBe("they");
    });

    it("shares no source with a participle across a semicolon", () => {
      expect(sourceOf("Lima denies arming the rebels; in the speech the leader called them “brothers”, while praising Quito as “a true friend”.", "praising")).toBeUndefined();
    });

    it("reads a verb after its auxiliary as finite, not as a participle sharing another source", () => {
      expect(sourceOf("In the end, some senators, including Ben Hale of Ohio, were willing to back a smaller bill.", "were willing")).toBe("some senators, including Ben Hale of Ohio");
    });

    it("keeps capital initials inside a name, while 'a.m.' may still end a sentence", () => {
      expect(sourceOf("“This is a sad day,” said Rep. J.R. Mills of Iowa.", "said")).toMatch(/^Rep\. J\.R\. Mills/);
      expect(layout("The polls closed at 9 a.m. The count began at noon.").sentences).toHaveLength(2);
    });

    it("gives a participle opening its sentence, also after while/after/despite, the main clause's subject after its comma", () => {
      expect(sourceOf("Citing a new survey of farmers, Mayor Lena Okafor said the budget was safe.", "Citing")).toBe("Mayor Lena Okafor");
      expect(sourceOf("Repeating her pledge to cut fares, the transport minister promised a vote in May.", "Repeating")).toBe("the transport minister");
      expect(sourceOf("Having announced that he would not seek another term, Judge Tamsin Roe left the hall.", "announced")).toBe("Judge Tamsin Roe");
      expect(sourceOf("But after arguing that the vote was rigged, Mayor Ana Bell left the city.", "arguing")).toBe("Mayor Ana Bell");
    });

    it("gives 'seems' and 'appeared' no source and keeps their subject in the content, as a passive's", () => {
      const [seems] = proposed("Now Ravi Dunn seems to have left the race for good.", "seems");
      expect(seems?.source).toBeUndefined();
      expect(seems?.content.text).toContain("Ravi Dunn");
      expect(sourceOf("The senator appeared to back the plan.", "appeared")).toBeUndefined();
    });

    it("gives 'when asked' no source: the asker goes unnamed", () => {
      expect(sourceOf("She told reporters when asked about the audit that the books were clean.", "asked about")).toBeUndefined();
    });

    it("reads a participle with a particle ('by pointing out') as a participle sharing its clause's source", () => {
      expect(sourceOf("Walters dismissed the charges by pointing out that she had changed her mind.", "pointing out")).toBe("Walters");
    });

    it("takes no capitalised determiner or adverb opening the sentence as the subject when a later one is found", () => {
      expect(sourceOf("A few minutes later they reversed themselves, rushed everyone inside and said they will register voters.", "said")).toBe("they");
      expect(sourceOf("More recently, Dunn has shifted somewhat, offering more dire warnings about crime.", "offering")).toBe("Dunn");
    });

    it("gives a cue coordinated after 'and on Monday' the clause's subject, not the circumstance", () => {
      expect(sourceOf("Mayor Ana Bell has freed up funds for the clinics and on Monday announced that more money was on its way.", "announced")).toBe("Mayor Ana Bell");
    });

    it("takes the noun phrase before an appositive between dashes, '--' included, as the source", () => {
      expect(sourceOf("The three scholars -- Ana Bell, Ravi Dunn and Lena Cole -- agreed there are good candidates for the court.", "agreed")).toBe("The three scholars");
    });

    it("leaves what describes the source of 'according to' out of the content", () => {
      const [a] = proposed("Most renters would pay more under the plan, according to a study by Ann Cole, a former budget aide now at Yale.", "according to");
      expect(a?.content.text).toBe("Most renters would pay more under the plan");
    });
  });
});
