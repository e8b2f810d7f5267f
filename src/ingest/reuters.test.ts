import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chooseReader, readDocuments } from "./registry.js";
import { decodeSgmlText, readReuters } from "./reuters.js";
import { InputError } from "./types.js";

const REUTERS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/data/news/reuters21578");

/** A sample written for this test in the files' format: a full story, a brief, an unprocessed table, an empty frame. */
const SAMPLE = Buffer.from(
  `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>grain</D></TOPICS>
<UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>
<TEXT>&#2;
<TITLE>MINISTRY SAYS EXPORTS &lt;UP&gt; IN K\xd6LN</TITLE>
<DATELINE>    BONN, Feb 26 - </DATELINE><BODY>The ministry said exports rose
sharply in January, citing &quot;strong demand&quot; & better weather.
    Officials added the trend would continue.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE>  3-MAR-1987 00:43:42.82&#5;&#5;&#5;RM</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>BANK RAISES PRIME RATE
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE>4-MAR-1987 10:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
FEDERAL RESERVE WEEKLY REPORT
 Net free reserves....644 vs...1,337
 Bank borrowings......680 vs.....425
&#3;
</TEXT>
</REUTERS>
<REUTERS NEWID="10">
<DATE>4-MAR-1987 11:00:00.00</DATE>
<TEXT TYPE="UNPROC">&#2;
&#3;
</TEXT>
</REUTERS>
`,
  "latin1",
);

describe("Reuters-21578 SGML reader", () => {
  it("reads each story: NEWID as id, normalised date, title, dateline and unwrapped body, entities decoded", () => {
    const records = readReuters("reut2-x.sgm", SAMPLE, {});
    expect(records.map((r) => [r.id, r.date, r.line])).toEqual([
      ["reuters-7", "1987-02-26", 2],
      ["reuters-8", "1987-03-03", 14],
      ["reuters-9", "1987-03-04", 22],
    ]);
    const [story, brief, table] = records;
    expect(story).toMatchObject({ title: "MINISTRY SAYS EXPORTS <UP> IN K\u00d6LN", source: "Reuters" });
    expect(story!.text).toBe(
      'BONN, Feb 26 - The ministry said exports rose sharply in January, citing "strong demand" & better weather.\n\nOfficials added the trend would continue.',
    );
    expect(brief).toMatchObject({ title: "BANK RAISES PRIME RATE", text: "BANK RAISES PRIME RATE" });
    expect(table!.text).toBe("FEDERAL RESERVE WEEKLY REPORT\n Net free reserves....644 vs...1,337\n Bank borrowings......680 vs.....425");
  });

  it("decodes entities and drops wire control characters", () => {
    expect(decodeSgmlText("a &lt;b&gt; &amp; &#3;&#22;&#127;c &#233; &#x263A; &bogus; &#9999999;")).toBe("a <b> & c \u00e9 \u263a &bogus; ");
  });

  it("names the file and line of a story without NEWID, and refuses files without stories", () => {
    const noId = Buffer.from('\n\n<REUTERS TOPICS="NO">\n<DATE>1-JAN-1987</DATE><TEXT><BODY>x</BODY></TEXT></REUTERS>');
    expect(() => readReuters("a.sgm", noId, {})).toThrow(new InputError("a.sgm", "3", "<REUTERS> without a NEWID attribute"));
    expect(() => readReuters("b.sgm", Buffer.from("<html></html>"), {})).toThrow(InputError);
  });

  it("is registered for .sgm and gives valid documents", async () => {
    expect(chooseReader("reut2-000.sgm", SAMPLE).name).toBe("reuters-sgml");
    const documents = await readDocuments("reut2-x.sgm", SAMPLE);
    expect(documents.map((d) => d.id)).toEqual(["reuters-7", "reuters-8", "reuters-9"]);
  });

  it.skipIf(!existsSync(REUTERS_DIR))("reads every story of the shared Reuters-21578 files", async () => {
    let stories = 0;
    for (let n = 0; n <= 21; n++) {
      const file = resolve(REUTERS_DIR, `reut2-${String(n).padStart(3, "0")}.sgm`);
      const documents = await readDocuments(file, readFileSync(file));
      expect(documents.every((d) => d.date.startsWith("1987-"))).toBe(true);
      stories += documents.length;
    }
    // 21,578 stories, one of which (NEWID 12793) is an empty frame.
    expect(stories).toBe(21_577);
  });
});
