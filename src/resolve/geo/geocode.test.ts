import { beforeAll, describe, expect, it } from "vitest";
import { loadGeocoder, type Geocoder } from "./geocode.js";

let geocoder: Geocoder;
beforeAll(async () => {
  geocoder = await loadGeocoder();
});

const place = (name: string, otherPlaces: string[] = [], extra: { dateline?: string; text?: string } = {}) =>
  geocoder.geocode(name, { otherPlaces, ...extra });

describe("geocode", () => {
  it("resolves every place of the seed record", () => {
    const seed = ["Pakistan", "Afghanistan", "Iraq", "Syria", "Russia", "United States", "South Asia", "Central Asia"];
    const expected = ["PK", "AF", "IQ", "SY", "RU", "US", undefined, undefined];
    seed.forEach((name, i) => {
      const result = place(name, seed);
      expect(result, name).toBeDefined();
      expect(result!.countryCode, name).toBe(expected[i]);
      expect(result!.featureType, name).toBe(i < 6 ? "country" : "region");
    });
    expect(place("South Asia")!.lon).toBeGreaterThan(60);
    expect(place("Central Asia")!.lat).toBeGreaterThan(38);
  });

  it("places an ambiguous town by the document's other places, its dateline or its qualifier", () => {
    expect(place("Khar", ["Pakistan", "Peshawar"])!.countryCode).toBe("PK");
    expect(place("Khar", ["Mumbai", "Maharashtra"])!.countryCode).toBe("IN");
    expect(place("Khar", [], { dateline: "ISLAMABAD, Nov 3 -" })!.reason).toMatch(/dateline/);
    const qualified = place("Khar", ["India"], { text: "A blast hit Khar, Pakistan, on Monday." })!;
    expect(qualified.countryCode).toBe("PK");
    expect(qualified.reason).toMatch(/qualifies it by Pakistan/);
  });

  it("reads Georgia as the country beside Tbilisi and as the US state beside Atlanta", () => {
    expect(place("Georgia", ["Tbilisi"])).toMatchObject({ countryCode: "GE", featureType: "country" });
    const state = place("Georgia", ["Atlanta"])!;
    expect(state).toMatchObject({ countryCode: "US", featureType: "admin1", adminCode: "US-GA" });
    expect(state.candidates.some((c) => c.countryCode === "GE")).toBe(true);
    expect(state.reason).toMatch(/contains Atlanta/);
  });

  it("takes Washington for the US capital unless the document is about the state", () => {
    const capital = place("Washington")!;
    expect(capital).toMatchObject({ countryCode: "US", featureType: "city" });
    expect(capital.lat).toBeCloseTo(38.9, 1);
    expect(capital.reason).toMatch(/national capital/);
    expect(place("Washington", ["Seattle", "Spokane"])).toMatchObject({ featureType: "admin1", adminCode: "US-WA" });
  });

  it("knows English names of provinces and tells the two Punjabs apart", () => {
    const kp = place("Khyber Pakhtunkhwa", [], { text: "in Pakistan's Khyber Pakhtunkhwa province" })!;
    expect(kp).toMatchObject({ countryCode: "PK", featureType: "admin1" });
    expect(place("Khyber Pakhtunkhwa province")!.countryCode).toBe("PK");
    expect(place("Punjab", ["Lahore"])!.countryCode).toBe("PK");
    expect(place("Punjab", ["Amritsar"])!.countryCode).toBe("IN");
  });

  it("accepts spelling variants and says when it knows nothing", () => {
    expect(place("U.S.")!.countryCode).toBe("US");
    expect(place("the United Kingdom")!.countryCode).toBe("GB");
    expect(place("Zürich")!.countryCode).toBe("CH");
    expect(place("Qwertyuiopistan")).toBeUndefined();
  });

  it("resolves a document's places jointly", () => {
    const all = geocoder.geocodeAll(["Georgia", "Atlanta", "Savannah"]);
    expect(all.get("Georgia")!.adminCode).toBe("US-GA");
    expect(all.get("Savannah")!.countryCode).toBe("US");
  });
});
