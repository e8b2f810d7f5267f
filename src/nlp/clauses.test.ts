import { describe, expect, it } from "vitest";
import { subjectBefore } from "./clauses.js";
import { analyseDoc } from "./pipeline.js";

/** The name subjectBefore gives the verb `verb` of a one-sentence text, or undefined. */
function subjectOf(text: string, verb: string): string | undefined {
  const doc = analyseDoc({ id: "doc", date: "2024-05-14", text, sha256: "" });
  const masked = doc.masked(0);
  const subject = subjectBefore(masked, masked.text.indexOf(verb));
  return subject && doc.entity(subject.entity)?.name;
}

describe("subjectBefore", () => {
  it("looks past a participle's aside and a relative clause, not past 'including'", () => {
    expect(subjectOf("The Kenyan army, backed by US drones, attacked al-Shabaab bases.", "attacked")).toBe("Kenyan army");
    expect(subjectOf("Hamas, which rules Gaza, accused Israel.", "accused")).toBe("Hamas");
    expect(subjectOf("Several groups, including Hamas, condemned Israel.", "condemned")).toBe("Hamas");
  });

  it("gives what was said its own subject, named or not, but its/their forces to the speaker", () => {
    expect(subjectOf("The KNU said the military had shelled villages near Kawkareik.", "shelled")).toBeUndefined();
    expect(subjectOf("Hamas told reporters that soldiers had stormed a school in Gaza.", "stormed")).toBeUndefined();
    expect(subjectOf("Iran said its forces had captured a fortification east of Basra.", "captured")).toBe("Iran");
  });

  it("gives 'X of Y' before a verb to the person X, not to what X is of", () => {
    expect(subjectOf("First Minister Michelle O'Neill of Sinn Féin condemned the New IRA.", "condemned")).toBe("Michelle O'Neill");
    expect(subjectOf("Sen. Bill Bradley of New Jersey said the administration was under a cloud.", "said")).toBe("Bill Bradley");
  });
});
