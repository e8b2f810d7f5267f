import { describe, expect, it } from "vitest";
import { contentShape } from "./filter-model.js";

describe("contentShape", () => {
  it("tells a clause from the bare object of a verb not of speech", () => {
    expect(contentShape("that he would win")).toBe("that");
    expect(contentShape("to reduce emissions")).toBe("to");
    expect(contentShape("“We will win,”")).toBe("quote");
    expect(contentShape("he would prevent more from leaving")).toBe("finite");
    expect(contentShape("the plan wasn’t ready")).toBe("finite");
    expect(contentShape("Clinton helped Machado")).toBe("finite");
    expect(contentShape("his plan")).toBe("phrase");
    expect(contentShape("the comments Friday during a brief appearance")).toBe("phrase");
    expect(contentShape("enough")).toBe("word");
  });
});
