import { describe, expect, it } from "vitest";
import { findDateline } from "./dateline.js";

describe("findDateline", () => {
  it("finds wire-style datelines and nothing in ordinary prose", () => {
    expect(findDateline("ISLAMABAD, March 25 - Almost 150 people were killed")).toBe("ISLAMABAD, March 25 -");
    expect(findDateline("BIRMINGHAM, MICH., March 12 - The company said")).toBe("BIRMINGHAM, MICH., March 12 -");
    expect(findDateline("KABUL, 3 Nov (Reuters) — Taliban fighters")).toBe("KABUL, 3 Nov (Reuters) —");
    expect(findDateline("The group said on Monday, March 3 - that it")).toBeUndefined();
  });
});
