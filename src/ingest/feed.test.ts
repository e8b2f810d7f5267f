import { describe, expect, it } from "vitest";
import { feedReader, parseFeedItems } from "./feed.js";
import { chooseReader, readDocuments } from "./registry.js";
import { InputError } from "./types.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Monitor Wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Group claims attack &amp; threatens more</title><link>https://wire.example/a1</link>
<guid isPermaLink="false">wire-a1</guid><pubDate>Tue, 10 Jun 2003 23:00:00 -0500</pubDate>
<description><![CDATA[<p>The group said it carried out the attack.</p><p>It warned of more.<script>alert(1)</script><img src=x onerror=alert(2)></p>]]></description></item>
<item><title>Second</title><link>https://wire.example/a2</link><dc:date>2003-06-11T08:00:00Z</dc:date>
<description>Plain &lt;b&gt;escaped&lt;/b&gt; body.</description>
<content:encoded><![CDATA[<div>Full <em>body</em> of the second item.</div>]]></content:encoded></item>
<item><title>No body</title><link>https://wire.example/a3</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Monitor</title><id>urn:feed</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title type="html">Spokesman &lt;i&gt;warns&lt;/i&gt;</title><id>urn:entry:1</id>
<link rel="alternate" href="https://atom.example/e1"/><published>2024-01-01T22:00:00+03:00</published><updated>2024-01-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;The spokesman warned the army.&lt;/p&gt;</content></entry>
<entry><title>Text entry</title><id>urn:entry:2</id><updated>2024-01-03T00:00:00Z</updated>
<summary type="text">A plain summary with &lt;tags&gt; kept as text.</summary></entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON Monitor",
  items: [
    { id: "j1", url: "https://json.example/1", title: "One", content_html: "<p>First <b>item</b></p>", date_published: "2022-05-06T01:02:03Z" },
    { id: "j2", url: "javascript:alert(1)", content_text: "Second item text", date_modified: "2022-05-07T00:00:00Z" },
  ],
});

const read = (name: string, text: string, options = {}) => parseFeedItems(name, Buffer.from(text), options);

describe("feed reader", () => {
  it("reads RSS items: title, link, guid key, date as written, HTML stripped to text", () => {
    const items = read("wire.rss", RSS);
    expect(items).toHaveLength(2);
    const [first, second] = items;
    expect(first).toMatchObject({ key: "wire-a1", title: "Group claims attack & threatens more", url: "https://wire.example/a1", date: "2003-06-10", source: "Monitor Wire" });
    expect(first!.text).toBe("The group said it carried out the attack.\n\nIt warned of more.");
    expect(second).toMatchObject({ key: "https://wire.example/a2", date: "2003-06-11", text: "Full body of the second item." });
  });

  it("reads Atom entries: HTML content stripped, text summaries kept verbatim, published before updated", () => {
    const [first, second] = read("a.atom", ATOM);
    expect(first).toMatchObject({ key: "urn:entry:1", title: "Spokesman warns", url: "https://atom.example/e1", date: "2024-01-01", text: "The spokesman warned the army." });
    expect(second).toMatchObject({ key: "urn:entry:2", date: "2024-01-03", text: "A plain summary with <tags> kept as text." });
  });

  it("reads JSON Feed items and drops non-http links", () => {
    const [first, second] = read("f.json", JSON_FEED, { source: "Given" });
    expect(first).toMatchObject({ key: "j1", url: "https://json.example/1", date: "2022-05-06", text: "First item", source: "Given" });
    expect(second).toMatchObject({ key: "j2", url: undefined, date: "2022-05-07", text: "Second item text" });
  });

  it("falls back to --date for undated items and fails naming the item without one", () => {
    const undated = RSS.replace(/<pubDate>.*<\/pubDate>/, "");
    expect(read("u.rss", undated, { date: "2020-01-01" })[0]!.date).toBe("2020-01-01");
    const error = (() => {
      try {
        read("u.rss", undated);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('u.rss:item 1: item has no readable date (pass --date)');
  });

  it("decodes the encoding the XML declaration names", () => {
    const latin1 = Buffer.from(RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("Second</title>", "Caf\xe9</title>"), "latin1");
    expect(parseFeedItems("l.rss", latin1, {})[1]!.title).toBe("Caf\u00e9");
  });

  it("rejects what is not a feed with an InputError", () => {
    for (const text of ["<html><body>no</body></html>", "{\"a\":1}", "<rss><channel><item>", "\u0000\u0001binary"]) {
      expect(() => read("bad.xml", text)).toThrow(InputError);
    }
  });

  it("tells a .json file of records (not a JSON Feed) to go in a .jsonl file", async () => {
    const records = '[{"date":"2024-01-01","text":"The Taliban attacked Kabul."}]';
    await expect(readDocuments("data.json", Buffer.from(records))).rejects.toThrow(/^data\.json: not a readable RSS, Atom or JSON feed \(.*\); records with date and text go one JSON object a line in a \.jsonl file$/);
    expect(() => read("bad.xml", "<rss><channel><item>")).not.toThrow(/jsonl/);
  });

  it("is registered: chosen by extension and sniffed in .xml and .json files", async () => {
    expect(chooseReader("x.rss", Buffer.from("")).name).toBe("feed");
    expect(chooseReader("x.xml", Buffer.from(ATOM)).name).toBe("feed");
    expect(chooseReader("x.json", Buffer.from(JSON_FEED)).name).toBe("feed");
    const documents = await readDocuments("wire.rss", Buffer.from(RSS));
    expect(documents.map((d) => d.title)).toEqual(["Group claims attack & threatens more", "Second"]);
    expect(await feedReader.read("wire.rss", Buffer.from(RSS), {})).not.toHaveProperty("0.key");
  });
});
