import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { petrarchBlocks, readPlaces } from "./places.js";

const dataDir = fileURLToPath(new URL("../../../../../shared/data", import.meta.url));

describe("PETRARCH country blocks", () => {
  it("takes a country's code from its header or from the date-bounded lines below it", () => {
    const text = [
      "# comment",
      "JAPAN_  [JPN]",
      "+TOKYO_ ",
      "ARMENIA_",
      "+YEREVAN_ ",
      "\t[USRARM <900823]",
      "\t[ARM >911221]",
      "LEVON_TER_PETROSYAN_  # CountryInfo.txt",
      "\t[ARMGOV 030101-080430]",
    ].join("\n");
    expect(petrarchBlocks(text)).toEqual([
      { names: [["JAPAN"], ["TOKYO"]], country: "JPN", person: false },
      { names: [["ARMENIA"], ["YEREVAN"]], country: "ARM", person: false },
      { names: [["LEVON", "TER", "PETROSYAN"]], person: true },
    ]);
  });

  it("knows that Yerevan is in Armenia and Aiken, S.C. in the United States", () => {
    const places = readPlaces(dataDir);
    expect(places.country("Yerevan")).toBe("ARM");
    expect(places.country("Armenia")).toBe("ARM");
    expect(places.isCountry("Armenia")).toBe(true);
    expect(places.isCountry("Yerevan")).toBe(false);
    expect(places.country("S.C.")).toBe("USA");
    expect(places.country("Texas")).toBe(places.country("Dallas"));
  });
});
