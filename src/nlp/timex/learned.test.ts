import { describe, expect, it } from "vitest";
import { parseYmd } from "./calendar.js";
import { applicable, type CandidateView, decide, defaultModel, features, type Model, TRANSFORMS } from "./learned.js";

const DCT = parseYmd("2023-02-16");

function view(text: string, span: string, rule: string, type: string, value: string): CandidateView {
  const start = text.indexOf(span);
  return { text, start, end: start + span.length, rule, type, value, dct: DCT, tense: "past" };
}

const index = (name: string): number => TRANSFORMS.findIndex((t) => t.name === name);

describe("value rewrites", () => {
  it("offers only the rewrites that apply and change the value", () => {
    const names = (value: string): string[] => applicable(value, DCT).map((o) => TRANSFORMS[o.index]!.name);
    expect(names("2023-02-10TNI")).toEqual(["same", "day-7", "day+7", "drop-time", "to-year", "to-month"]);
    expect(applicable("2023-02-10TNI", DCT).map((o) => o.value)).toContain("2023-02-10");
    expect(applicable("2022-Q3", DCT).map((o) => o.value)).toEqual(["2022-Q3", "2021-Q3", "2023-Q3", "2022"]);
    expect(applicable("2023-02-10", DCT).map((o) => o.value)).toEqual(["2023-02-10", "2023-02-03", "2023-02-17", "2022-02-10", "2024-02-10", "2023", "2023-02", "2023-Q1", "2023-02-16"]);
    expect(names("PRESENT_REF")).toEqual(["same"]);
  });
});

describe("decide", () => {
  const friday = view("They met on Friday night.", "Friday night", "weekday", "TIME", "2023-02-10TNI");
  const base: Model = { keepBelow: 0.5, rewriteAbove: 0.6, keep: {}, value: {} };

  it("keeps the rules' reading when nothing was learned", () => {
    expect(decide(base, friday)).toBe("2023-02-10TNI");
  });

  it("drops a candidate whose features say it is not annotated", () => {
    expect(decide({ ...base, keep: { "r=weekday": -3 } }, friday)).toBeNull();
  });

  it("rewrites the value only when the rewrite is confident enough", () => {
    const weights = new Array<number>(TRANSFORMS.length).fill(0);
    weights[index("drop-time")] = 4;
    const model = { ...base, value: { "r=weekday": weights } };
    expect(decide(model, friday)).toBe("2023-02-10");
    expect(decide({ ...model, rewriteAbove: 0.99 }, friday)).toBe("2023-02-10TNI");
  });

  it("describes a candidate by its words, rule and tense, not by its document", () => {
    const feats = features(friday);
    expect(feats).toContain("r=weekday");
    expect(feats).toContain("t=friday night");
    expect(feats).toContain("r|ten=weekday|past");
    expect(feats.some((f) => f.includes("2023"))).toBe(false);
  });

  it("loads the committed model", () => {
    const model = defaultModel();
    expect(model.keepBelow).toBeGreaterThanOrEqual(0);
    expect(Object.keys(model.keep).length + Object.keys(model.value).length).toBeGreaterThan(0);
  });
});
