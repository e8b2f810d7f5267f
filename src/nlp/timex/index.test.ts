import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractTimexes } from "./index.js";

const DCT = "2023-02-16"; // a Thursday, in ISO week 7

/** [sentence, expected [text, type, value] triples in order] */
const CASES: [string, [string, string, string][]][] = [
  // The seed document's expressions.
  ["The group was founded in 2018.", [["2018", "DATE", "2018"]]],
  ["Attacks have risen in recent days.", [["recent days", "DATE", "PAST_REF"]]],
  ["It looks back on the history of 75 years.", [["75 years", "DURATION", "P75Y"]]],
  ["ISKP emerged in 2014 in Nangarhar.", [["2014", "DATE", "2014"]]],
  ["In January 2015, it declared a province.", [["January 2015", "DATE", "2015-01"]]],
  ["The magazine attacked the current army chief.", [["current", "DATE", "PRESENT_REF"]]],
  // Deictic dates anchored at the DCT, with the clause's tense choosing the direction.
  ["Last year the group lost ground.", [["Last year", "DATE", "2022"]]],
  ["He spoke yesterday.", [["yesterday", "DATE", "2023-02-15"]]],
  ["He spoke on Tuesday.", [["Tuesday", "DATE", "2023-02-14"]]],
  ["The meeting will take place on Tuesday.", [["Tuesday", "DATE", "2023-02-21"]]],
  ["He will arrive next Monday.", [["next Monday", "DATE", "2023-02-20"]]],
  ["Last week and this week.", [["Last week", "DATE", "2023-W06"], ["this week", "DATE", "2023-W07"]]],
  ["The attack on Oct. 23 killed five.", [["Oct. 23", "DATE", "2022-10-23"]]],
  ["Ten years ago he left.", [["Ten years ago", "DATE", "2013"]]],
  ["This morning he spoke. Last night they fled.", [["This morning", "TIME", "2023-02-16TMO"], ["Last night", "TIME", "2023-02-15TNI"]]],
  // A weekday's night is dated as the day, as this data's annotators mostly do; other parts of the day are kept.
  ["Protesters marched on Saturday night and met on Sunday morning.", [["Saturday night", "DATE", "2023-02-11"], ["Sunday morning", "TIME", "2023-02-12TMO"]]],
  ["The deadline is Friday, Feb. 24.", [["Friday, Feb. 24", "DATE", "2023-02-24"]]],
  ["They left on March 3, 2021 at 10:30 a.m.", [["March 3, 2021 at 10:30 a.m.", "TIME", "2021-03-03T10:30"]]],
  // Durations, sets and spelled-out numbers.
  ["It lasted three months, then two weeks.", [["three months", "DURATION", "P3M"], ["two weeks", "DURATION", "P2W"]]],
  ["Three days later he returned.", [["Three days", "DURATION", "P3D"]]],
  ["The siege lasted 2 1/2 years.", [["2 1/2 years", "DURATION", "P2Y6M"]]],
  // A unit of measure and an idiom are no time expressions.
  ["The chip runs 15 million instructions per second; for Poland, high noon comes at noon.", [["noon", "TIME", "2023-02-16T12:00"]]],
  // "the early hours of" a day is part of that day, not a span of its own; "the early years" is one.
  ["He was held in the early hours of Thursday morning, as in the early years.", [["Thursday morning", "TIME", "2023-02-16TMO"], ["the early years", "DURATION", "PXY"]]],
  // Decades are counted in years, also when their number is unknown; "a decades-long" counts no single decade.
  ["The two-decade feud became a decades-long fight that lasted for decades.",
    [["two-decade", "DURATION", "P20Y"], ["decades-long", "DURATION", "PXY"], ["decades", "DURATION", "PXY"]]],
  ["They meet every week and publish weekly.", [["every week", "SET", "P1W"], ["weekly", "SET", "P1W"]]],
  ["It publishes twice a year.", [["twice a year", "SET", "P1Y"]]],
  ["In nineteen ninety-six it began.", [["nineteen ninety-six", "DATE", "1996"]]],
  // Reference words, decades, seasons, quarters.
  ["Now it is currently quiet, but in the future it may change.",
    [["Now", "DATE", "PRESENT_REF"], ["currently", "DATE", "PRESENT_REF"], ["the future", "DATE", "FUTURE_REF"]]],
  // A sentence-opening "Now," or "Currently," frames the sentence; "for now," still dates it.
  ["The talks failed. Now, he says, they will resume; for now, the border stays shut. Currently, it holds 5%. \"Now, we wait.\"",
    [["now", "DATE", "PRESENT_REF"]]],
  ["It recently said so; in the past it denied it.", [["recently", "DATE", "PAST_REF"], ["the past", "DATE", "PAST_REF"]]],
  ["In the 1990s and in the summer of 2019.", [["the 1990s", "DATE", "199"], ["the summer of 2019", "DATE", "2019-SU"]]],
  ["Profit rose in the first quarter of 2021.", [["the first quarter of 2021", "DATE", "2021-Q1"]]],
  ["The court upheld Friday's ruling after a third-quarter loss.", [["Friday", "DATE", "2023-02-10"], ["third-quarter", "DATE", "2022-Q3"]]],
  ["Sales fell in the quarter from a year earlier.", [["the quarter", "DATE", "2022-Q4"], ["a year earlier", "DATE", "2021-Q4"]]],
  // An earnings report's anaphora lean on the quarter it is about, not on a side mention.
  ["Net rose in the third quarter. After a flat second quarter, charges in the year-earlier period hurt. The quarter-to-quarter gain was small.",
    [["the third quarter", "DATE", "2022-Q3"], ["second quarter", "DATE", "2022-Q2"], ["the year-earlier period", "DATE", "2021-Q3"]]],
  ["In the fiscal year ended Jan. 31, sales rose.", [["the fiscal year", "DURATION", "P1Y"], ["Jan. 31", "DATE", "2023-01-31"]]],
  ["The quarter ended March 31 was weak; shares fell since March.", [["The quarter", "DATE", "2022-Q1"], ["March 31", "DATE", "2022-03-31"], ["March", "DATE", "2022-03"]]],
  // Direction words around a weekday or a clock time.
  ["The deadline was extended until Tuesday.", [["Tuesday", "DATE", "2023-02-21"]]],
  // Opening a past clause, "until" names where a state ended.
  ["Until Monday, the police had not named a suspect.", [["Monday", "DATE", "2023-02-13"]]],
  ["It was not until Tuesday that he spoke.", [["Tuesday", "DATE", "2023-02-14"]]],
  // "May" and "March" are months after "the" too; "a while" is a span of unknown length.
  ["The May vote will decide whether they stay for a while.", [["May", "DATE", "2023-05"], ["a while", "DURATION", "PXX"]]],
  // A date far from the DCT lies behind it unless the clause looks ahead or sets a deadline.
  ["The index is near its record of Aug. 6.", [["Aug. 6", "DATE", "2022-08-06"]]],
  ["Repay the loan by September.", [["September", "DATE", "2023-09"]]],
  // A week the text leaves unnamed has a year and an unknown week; "the week of March 6" names one.
  ["For the week, the index fell; it was the week's busiest session.", [["the week", "DATE", "2023-WXX"], ["the week", "DATE", "2023-WXX"]]],
  ["The offer had been scheduled to expire at midnight Friday.", [["midnight Friday", "TIME", "2023-02-10T24:00"]]],
  ["The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", [["about 10:35 a.m.", "TIME", "2023-02-10T10:35"], ["Friday", "DATE", "2023-02-10"]]],
  ["He was shot last Oct. 23 at his home.", [["Oct. 23", "DATE", "2022-10-23"]]],
  ["A minute and a half later, net for the year-earlier nine months was restated.",
    [["A minute and a half", "DURATION", "PT1M30S"], ["the year-earlier nine months", "DURATION", "P9M"]]],
  ["It marked the last half of the '80s and will last through the first two quarters of 1990.",
    [["the last half of the '80s", "DATE", "198"], ["the first two quarters of 1990", "DATE", "1990-H1"]]],
  ["The hearing is the week of March 6; the day before last Tuesday he left; shares rose at mid-afternoon yesterday.",
    [["the week of March 6", "DATE", "2023-W10"], ["the day before last Tuesday", "DATE", "2023-02-13"], ["mid-afternoon yesterday", "TIME", "2023-02-15TAF"]]],
  ["The summit is on April 24 and 25, in Easter week.", [["April 24", "DATE", "2023-04-24"], ["25", "DATE", "2023-04-25"], ["Easter week", "DATE", "2023-W14"]]],
  ["He offered him a week; it pays 2 million dollars a year to a second group and moved to a calendar year.", [["a week", "DURATION", "P1W"], ["a year", "SET", "P1Y"]]],
  ["After a day-long meeting they will decide at a later date.", [["day-long", "DURATION", "P1D"], ["a later date", "DATE", "FUTURE_REF"]]],
  // After a period of several quarters, "a year earlier" is the year before; after a quarter, that quarter a year back.
  ["Net rose in the third quarter. For the nine months, net was $5 million, up from $3 million a year earlier.",
    [["the third quarter", "DATE", "2022-Q3"], ["the nine months", "DURATION", "P9M"], ["a year earlier", "DATE", "2021"]]],
  ["It will soon decide; the rally soon became a flood.", [["soon", "DATE", "FUTURE_REF"]]],
  // "last" after a modal is the verb; vague counts recur and last too.
  ["The truce will last 72 hours, as it did in the last 72 hours.", [["72 hours", "DURATION", "PT72H"], ["the last 72 hours", "DURATION", "PT72H"]]],
  ["Raids come every few days; troops arrived within hours.", [["every few days", "SET", "PXD"], ["hours", "DURATION", "PTXH"]]],
  // Business shorthand for quarters, halves and fiscal years; an upcoming quarter read in the past tense is last year's.
  ["Sales fell in Q3, rose in H1 2022 and in FY2021; Q1'21 was weak; H1N1 and q3 are not periods.",
    [["Q3", "DATE", "2022-Q3"], ["H1 2022", "DATE", "2022-H1"], ["FY2021", "DATE", "2021"], ["Q1'21", "DATE", "2021-Q1"]]],
  ["Holders may buy shares at half the then current market value.", [["current", "DATE", "PAST_REF"]]],
  ["In the second week of March and in the last quarter of 2021, on 2021/12/31; the last quarter of the century was calm.",
    [["the second week of March", "DATE", "2023-W10"], ["the last quarter of 2021", "DATE", "2021-Q4"], ["2021/12/31", "DATE", "2021-12-31"]]],
  // Anaphora: a bare day of the month and "the previous year" lean on the date last named.
  ["He fled on March 3, 2019. On the 15th he wrote; the previous year he had married; on the 15th floor he hid.",
    [["March 3, 2019", "DATE", "2019-03-03"], ["the 15th", "DATE", "2019-03-15"], ["the previous year", "DATE", "2018"]]],
  // Extents: a focus adverb and the article of an adjectival duration stay outside; "about" stays in (mod APPROX).
  ["It took only five hours, not about two weeks, to end the 30-day strike that began just a month ago and hit its fourth quarter.",
    [["five hours", "DURATION", "PT5H"], ["about two weeks", "DURATION", "P2W"], ["30-day", "DURATION", "P30D"], ["a month ago", "DATE", "2023-01"],
      ["fourth quarter", "DATE", "2022-Q4"]]],
  // A date coarser than the unit cannot be counted from: "the previous week" after "in 2021" counts from the DCT.
  ["Output rose in 2021 and fell from the previous week; net fell in the quarter from the same period of 2021.",
    [["2021", "DATE", "2021"], ["the previous week", "DATE", "2023-W06"], ["the quarter", "DATE", "2022-Q4"], ["the same period of 2021", "DATE", "2021-Q4"]]],
  ["He spoke about the next two years, about two years after the war.",
    [["the next two years", "DURATION", "P2Y"], ["about two years", "DURATION", "P2Y"]]],
  // Coordination: the first of a pair shares the plural; after a habitual adverb, quarters without a year recur.
  ["Auctions are usually held in the second and fourth quarters; profit rose in the second and third quarters of 2021.",
    [["second", "SET", "XXXX-Q2"], ["fourth quarters", "SET", "XXXX-Q4"], ["second", "DATE", "2021-Q2"], ["third quarters of 2021", "DATE", "2021-Q3"]]],
  ["Sales fell in the third and fourth quarters, and in the first and second quarters of last year; demand tends to peak in the first and second quarters.",
    [["third", "DATE", "2022-Q3"], ["fourth quarters", "DATE", "2022-Q4"], ["first", "DATE", "2022-Q1"], ["second quarters of last year", "DATE", "2022-Q2"],
      ["first", "SET", "XXXX-Q1"], ["second quarters", "SET", "XXXX-Q2"]]],
  ["Flights leave on Monday and Tuesday nights, on Friday or Saturdays, but he met them on Monday and Tuesday.",
    [["Monday", "SET", "XXXX-WXX-1TNI"], ["Tuesday nights", "SET", "XXXX-WXX-2TNI"], ["Friday", "SET", "XXXX-WXX-5"], ["Saturdays", "SET", "XXXX-WXX-6"],
      ["Monday", "DATE", "2023-02-13"], ["Tuesday", "DATE", "2023-02-14"]]],
  // "until" and "only" stay outside "recently"; a bare part of day after "in" is on the day last named; "is the n-th day of" is today.
  ["Until recently he had won; only recently did it change, as recently as 2019.",
    [["recently", "DATE", "PAST_REF"], ["recently", "DATE", "PAST_REF"], ["2019", "DATE", "2019"]]],
  ["Hopes were dashed Friday. Dealers bought in the morning; the morning paper said so.", [["Friday", "DATE", "2023-02-10"], ["the morning", "TIME", "2023-02-10TMO"]]],
  ["It's the second day of the strike; it was the third day of talks.", [["the second day", "DATE", "2023-02-16"]]],
  // A person's age is no time expression; a thing's age is a span, its article outside.
  ["Their 6-month-old son saw the 8-month-old truce end.", [["8-month-old", "DURATION", "P8M"]]],
  // An elided unit after "as"/"than" is the one the comparison named; a bare "last" otherwise is no time.
  ["The dividend is twice as high this year as last, higher this quarter than last; he came in last.",
    [["this year", "DATE", "2023"], ["last", "DATE", "2022"], ["this quarter", "DATE", "2023-Q1"], ["last", "DATE", "2022-Q4"]]],
  // A quarter ended on a date is the calendar quarter its three months overlap most.
  ["In the quarter ended July 31, sales rose; in the quarter ended Jan. 31 they fell.",
    [["the quarter", "DATE", "2022-Q2"], ["July 31", "DATE", "2022-07-31"], ["the quarter", "DATE", "2022-Q4"], ["Jan. 31", "DATE", "2023-01-31"]]],
  // A year-like number before a singular unit names the year, not a span of 1986 years.
  ["Earnings for the 1986 full year rose, and in its 1985 year they fell.", [["1986", "DATE", "1986"], ["1985", "DATE", "1985"]]],
  // Wire copy: four-digit clock times with a zone (a gloss in parentheses restates the time given), "2-1/2" fractions,
  // a split year "1986/87", the older spelling of decades, and "a year before" ending a clause.
  ["Results come between 1000 EST and 1030 EST; it began at 10:35 a.m. (0735 GMT) and lasted 2-1/2 years.",
    [["1000 EST", "TIME", "2023-02-16T10:00"], ["1030 EST", "TIME", "2023-02-16T10:30"], ["10:35 a.m.", "TIME", "2023-02-16T10:35"],
      ["2-1/2 years", "DURATION", "P2Y6M"]]],
  ["Output fell in the 1986/87 year; stores were hit in the 1970's, and about 1700 lawsuits were filed.",
    [["1986", "DATE", "1986"], ["the 1970's", "DATE", "197"]]],
  ["Sales were 2,523, down from 2,684 a year before. He left a year before the war, in a second stage.",
    [["a year before", "DATE", "2022"], ["a year", "DURATION", "P1Y"]]],
  // Tables of figures by month ("Apr 2.0"), numbered years of a schedule, a rate in "pct a year", a clock time glossed in parentheses.
  ["Wheat prev 39.9, March 13.2, Apr 10.0; a coupon of 7 pct in years three and four; growth of 80 pct a year; shelling since midnight (1200 GMT).",
    [["midnight", "TIME", "2023-02-16T24:00"]]],
  // Wire copy spells days below ten; "March two" is a day only before a year or a stop.
  ["Warrants run from March one, 1988; it is payable April three. In March two firms merged.",
    [["March one, 1988", "DATE", "1988-03-01"], ["April three", "DATE", "2023-04-03"], ["March", "DATE", "2023-03"]]],
  // The weeks just before an event are a date only the event gives, not a span; the years that followed one are.
  ["His car was seen in the weeks before the shooting; in the years that followed he hid.", [["years", "DURATION", "PXY"]]],
  // In a present-tense clause "that day" is any such day.
  ["You get a news item and you have strong redemptions that day.", []],
  // Titles and idioms that only look like time expressions.
  ["In today's world, the leaders of tomorrow see sales rise 8% annually.", []],
  ["Baker said on ABC's \"This Week\" that Islam will one day be larger.", [["one day", "DATE", "FUTURE_REF"]]],
];

describe("extractTimexes", () => {
  it.each(CASES)("%s", (sentence, expected) => {
    const found = extractTimexes(sentence, DCT).map((t) => [t.text, t.type, t.value]);
    expect(found).toEqual(expected);
  });

  // Wire copy wraps lines anywhere and pads with spaces, tabs and non-breaking spaces.
  it.each(["\n", "  ", "\t", "\u00a0", "\r\n", " \n   "])("finds the same expressions when words are separated by %j", (gap) => {
    for (const [sentence, expected] of CASES) {
      const text = sentence.replaceAll(" ", gap);
      const found = extractTimexes(text, DCT);
      for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(found.map((t) => [t.text.replaceAll(gap, " "), t.type, t.value]), JSON.stringify(text)).toEqual(expected);
    }
  });

  it("reads a wrapped expression whole, but not across a blank line", () => {
    const text = "Sales rose  in the first\nquarter of\n1987, from\n   March\t3.\n\n1988 was weak.";
    const at = (words: string): [number, number, string] => [text.indexOf(words), text.indexOf(words) + words.length, words];
    expect(extractTimexes(text, DCT).map((t) => [t.start, t.end, t.text, t.value])).toEqual([
      [...at("the first\nquarter of\n1987"), "1987-Q1"], [...at("March\t3"), "2023-03-03"], [...at("1988"), "1988"],
    ]);
    // A paragraph break ends the expression: "March" is no "March 3" there (the same words on one line make one).
    expect(extractTimexes("It was quiet in March\n\n3 people will meet on Tuesday", DCT).map((t) => [t.text, t.value]))
      .toEqual([["March", "2023-03"], ["Tuesday", "2023-02-21"]]);
    expect(extractTimexes("It was quiet in March\n3 people will meet on Tuesday", DCT).map((t) => t.text)).toEqual(["March\n3", "Tuesday"]);
  });

  it("gives offsets that index the input exactly, also after non-ASCII text", () => {
    const text = "Café — “In 2018”, the émir said on Tuesday that three months had passed.";
    const found = extractTimexes(text, DCT);
    expect(found.map((t) => t.text)).toEqual(["2018", "Tuesday", "three months"]);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it("leaves numbers, ages, money and modal verbs alone", () => {
    expect(extractTimexes("May I help? A 44-year-old man paid $2018 and 1,990 troops left; 52 years old.", DCT)).toEqual([]);
  });

  it("never throws and always returns ordered, disjoint spans that index the text", () => {
    const words = ["the", "last", "next", "week", "Friday's", "3", "May", "1990s", "2018", "a", "year", "ago", "every", "quarter",
      "third-quarter", "nineteen", "ninety-six", "at", "10:30", "p.m.", "recent", "days", "now", "’s", "-", ",", ".", "\n\n", "of", "mid"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.constantFrom(" ", "  ", "\t", "\n", "\u00a0", " \r\n "), (tokens, gap) => {
      const text = tokens.join(gap);
      const found = extractTimexes(text, DCT);
      found.forEach((t, i) => {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        expect(t.start).toBeLessThan(t.end);
        if (i > 0) expect(found[i - 1]!.end).toBeLessThanOrEqual(t.start);
      });
    }), { numRuns: 300 });
  });

  it("refuses a DCT that is not a calendar date", () => {
    expect(() => extractTimexes("today", "2023-02-30")).toThrow(/calendar date/);
    expect(() => extractTimexes("today", "16/02/2023")).toThrow(/YYYY-MM-DD/);
  });
});
