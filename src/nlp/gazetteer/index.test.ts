import { describe, expect, it } from "vitest";
import { gazetteer, normalise } from "./index.js";

describe("normalise", () => {
  it("folds case, dashes, dots, quotes and whitespace, and leaves plain words as they are", () => {
    expect(normalise("Reuters")).toBe("reuters");
    expect(normalise("islamic state")).toBe("islamic state");
    expect(normalise("  Al-Qaeda’s\u00a0 “U.S.”\n")).toBe("al qaeda's us");
    expect(normalise("Tehrik-e-Taliban")).toBe("tehrik e taliban");
    expect(normalise("a  b")).toBe("a b");
    expect(normalise(" x")).toBe("x");
    expect(normalise("ISKP`s")).toBe("iskp's");
    expect(normalise("\"")).toBe("");
  });
});

describe("Gazetteer.startsName", () => {
  it("tells whether some name's folded form starts with a folded surface", () => {
    const gaz = gazetteer();
    expect(gaz.lookup("al-Qaeda in the Islamic Maghreb")).toBeDefined();
    expect(gaz.startsName(normalise("al-Qaeda in the"))).toBe(true);
    expect(gaz.startsName(normalise("al-Qaeda in the Islamic Maghreb"))).toBe(true);
    expect(gaz.startsName("zzqx")).toBe(false);
    expect(gaz.startsName(normalise("Pakistan's"))).toBe(false);
  });
});

describe("Gazetteer curated names", () => {
  it("knows armed groups under their other names, 'IS' only in capitals, and 'Congo' as DR Congo", () => {
    const gaz = gazetteer();
    expect(gaz.lookup("Hezbollah Brigades")?.name).toBe("Kata'ib Hezbollah");
    expect(gaz.lookup("Hezbollah")?.name).toBe("Hezbollah");
    expect(gaz.lookup("Ansar Bait al-Maqdis")?.name).toBe("Islamic State Sinai Province");
    // The Taliban call their rule, and themselves, the Islamic Emirate.
    expect(gaz.lookup("Islamic Emirate of Afghanistan")?.name).toBe("Taliban");
    expect(gaz.lookup("Islamic Emirate")?.name).toBe("Taliban");
    expect(gaz.lookup("IS")?.name).toBe("Islamic State");
    expect(gaz.lookup("is")).toBeUndefined();
    expect(gaz.lookup("Congo")?.name).toBe("DR Congo");
    expect(gaz.lookup("Republic of the Congo")?.name).toBe("Republic of the Congo");
    expect(gaz.demonymNormalised("congolese")?.name).toBe("DR Congo");
  });

  it("matches a mixed-case short name only as written, and keeps a region's other names on one entry", () => {
    const gaz = gazetteer();
    expect(gaz.lookup("LeT")?.name).toBe("Lashkar-e-Taiba");
    expect(gaz.lookup("LET")).toBeUndefined();
    expect(gaz.lookup("West Bank")).toMatchObject({ type: "LOC", subtype: "region" });
    expect(gaz.lookup("Islamic Republic")?.name).toBe("Iran");
  });

  it("reads an entry the persons' lists hold under an organisation's head as an organisation", () => {
    const gaz = gazetteer();
    expect(gaz.lookup("Assam Rifles")?.type).toBe("ORG");
    expect(gaz.lookup("Joint Special Operations Command")?.type).toBe("ORG");
    // The mention finder's heads of organisations' names too.
    expect(gaz.lookup("Washington Institute for Near East Policy")?.type).toBe("ORG");
    expect(gaz.lookup("Syrian National Coalition")?.type).toBe("ORG");
  });

  it("tells a state's armed services from armed groups named like them, and files rebels as armed groups", () => {
    const gaz = gazetteer();
    for (const name of ["Lebanese Armed Forces", "Kenya Defence Forces", "Nigerian Army", "Chadian Air Force", "Armed Forces of the Philippines"]) expect(gaz.nationalForce(name)).toBe(true);
    for (const name of ["Kosovo Liberation Army", "Karen National Army", "Irish Republican Army", "Syrian National Army", "Army of God", "Armed Forces of National Liberation"]) {
      expect(gaz.nationalForce(name)).toBe(false);
    }
    expect(gaz.lookup("U.S. Army")).toMatchObject({ type: "ORG", subtype: "military" });
    expect(gaz.lookup("Free Syrian Army")?.subtype).toBe("armed_group");
  });

  it("reads a valley or desert the place lists file among cities as a region", () => {
    expect(gazetteer().lookup("Loire Valley")).toMatchObject({ type: "LOC", subtype: "region" });
    expect(gazetteer().lookup("Gobi Desert")).toMatchObject({ type: "LOC", subtype: "region" });
    expect(gazetteer().lookup("Montego Bay")).toMatchObject({ type: "GPE", subtype: "city" });
  });
});
