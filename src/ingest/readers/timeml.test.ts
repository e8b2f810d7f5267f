import { describe, expect, it } from "vitest";
import { InputError } from "../types.js";
import { timemlReader } from "./timeml.js";

const TML = `<?xml version="1.0" ?>
<TimeML><DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>Iraq said on <TIMEX3 tid="t1" type="DATE" value="1989-10-25">Wednesday</TIMEX3> that talks failed.</TEXT>
</TimeML>`;

describe("TimeML reader", () => {
  it("reads the TEXT element's words and dates the document by its creation time", async () => {
    const [record] = await timemlReader.read("data/wsj_0001.tml", Buffer.from(TML), {});
    expect(record).toMatchObject({ text: "Iraq said on Wednesday that talks failed.", date: "1989-10-26", id: "wsj_0001" });
  });

  it("names the file when the XML is broken", async () => {
    expect(() => timemlReader.read("bad.tml", Buffer.from("<TimeML><TEXT>unclosed"), {})).toThrow(InputError);
    expect(() => timemlReader.read("bad.tml", Buffer.from("<TimeML><TEXT>unclosed"), {})).toThrow(/^bad\.tml: /);
  });
});
