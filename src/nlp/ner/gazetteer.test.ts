import { describe, expect, it } from "vitest";
import { Gazetteer, kindBit } from "./gazetteer.js";

describe("Gazetteer", () => {
  const gazetteer = new Gazetteer([
    ["New York", kindBit("city")],
    ["new  york city", kindBit("city")],
    ["York", kindBit("city") | kindBit("last_name")],
  ]);
  gazetteer.add("New York", "region");

  it("keeps phrases lower-cased with whitespace collapsed, masks merged", () => {
    expect(gazetteer.size).toBe(3);
    expect(gazetteer.mask("NEW YORK")).toBe(kindBit("city") | kindBit("region"));
    expect(gazetteer.mask("new york city")).toBe(kindBit("city"));
    expect(gazetteer.mask("new")).toBe(0);
  });

  it("walks phrases word by word from a first word's node", () => {
    const node = gazetteer.first("new");
    expect(node?.mask).toBe(0);
    const york = node?.next?.get("york");
    expect(york?.mask).toBe(kindBit("city") | kindBit("region"));
    expect(york?.next?.get("city")?.mask).toBe(kindBit("city"));
    expect(york?.next?.get("city")?.next ?? null).toBeNull();
    expect(gazetteer.first("york")?.next ?? null).toBeNull();
    expect(gazetteer.first("boston")).toBeNull();
  });

  it("round-trips through its entries", () => {
    const copy = new Gazetteer(gazetteer.entries());
    expect(copy.entries().sort()).toEqual(gazetteer.entries().sort());
  });
});
