/** Seed inputs and a seeded mutator for the reader fuzz tests (src/ingest/fuzz*.test.ts). */
import fc from "fast-check";

/** Fragments that break parsers: unbalanced markup, entities, CDATA, PDF keywords, JSON punctuation, odd bytes. */
export const TOKENS = [
  "<", ">", "</", "<div>", "</div>", "<p>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "&", "&#", "&#x",
  "&#3;", "&amp;", "&lt;", "\"", "'", "=", "<item>", "</item>", "<entry>", "<title>", "<REUTERS NEWID=\"9\">", "</REUTERS>",
  "<DATE>", "<BODY>", "{", "}", "[", "]", ":", ",", "null", "\"text\":", "\"date\":\"2024-13-45\"", "\\u0000", "\\ud800",
  "obj", "endobj", "stream", "endstream", "xref", "trailer", "startxref", "%%EOF", "/Length 999999", "<<", ">>", "R",
  "\u0000", "\uFFFD", "\u202E", "\r", "\n", "\n\n", " ", "\uFEFF", "\xff\xfe",
];

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), token: fc.constantFrom(...TOKENS), times: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("bytes" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 300 }), times: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(input: Buffer, mutations: Mutation[]): Buffer {
  let out = input;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    switch (m.kind) {
      case "insert":
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.token.repeat(m.times), "latin1"), out.subarray(at)]);
        break;
      case "bytes":
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case "delete":
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case "duplicate": {
        const chunk = out.subarray(at, at + m.length);
        out = Buffer.concat([out.subarray(0, at), ...Array<Buffer>(m.times).fill(chunk), out.subarray(at)]);
        break;
      }
      case "flip":
        if (at < out.length) {
          out = Buffer.from(out);
          out[at] = out[at]! ^ (1 << m.bit);
        }
        break;
      case "truncate":
        out = out.subarray(0, at);
        break;
    }
  }
  return out;
}

export const HTML = `<!DOCTYPE html><html><head><title>Group threatens capital</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"><meta name="author" content="Jane Roe">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05"}</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Group threatens capital</h1>
<p>The group's spokesman said on Tuesday that its fighters would &ldquo;strike the capital&rdquo; &amp; warned the army.</p>
<p>Officials said security was tightened around ministries, and that the threat was taken seriously.</p>
<ul><li>One</li><li>Two</li></ul><table><tr><td>cell</td></tr></table><time datetime="2024-03-05">5 March</time>
</article><script>document.write("x")</script></body></html>`;

export const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire</title><link>https://wire.example/</link><description>d</description>
<item><title>Claim &amp; counter-claim</title><link>https://wire.example/1</link><guid>w1</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
<description><![CDATA[<p>The ministry said the group attacked a post.</p>]]></description></item>
<item><title>Second</title><link>https://wire.example/2</link><pubDate>Wed, 11 Jun 2003 04:00:00 GMT</pubDate>
<content:encoded><![CDATA[<div>Second <b>body</b></div>]]></content:encoded></item></channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>urn:f</id>
<updated>2024-01-02T00:00:00Z</updated><entry><title type="html">A &lt;i&gt;warning&lt;/i&gt;</title><id>urn:e1</id>
<link href="https://atom.example/1"/><updated>2024-01-02T10:00:00Z</updated><content type="html">&lt;p&gt;The spokesman warned.&lt;/p&gt;</content></entry></feed>`;

export const JSON_FEED = JSON.stringify({
  version: "https://jsonfeed.org/version/1.1",
  title: "JSON",
  items: [{ id: "1", url: "https://j.example/1", content_html: "<p>First <b>item</b></p>", date_published: "2022-05-06T01:02:03Z" }],
});

export const JSONL = [
  { date: "2024-01-01", text: "The group claimed the attack.", id: "a", title: "T", url: "https://x.example/a", source: "S" },
  { date: "2024-01-02", text: "Officials denied the claim, saying \u201cno one\u201d was hurt." },
  { date: "2024-01-03T10:00:00Z", text: "A third record with \"quotes\" and \\ backslashes." },
]
  .map((record) => JSON.stringify(record))
  .join("\n");

export const SGML = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT>&#2;
<TITLE>COCOA &lt;REVIEW&gt;</TITLE><DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued
throughout the week.
    Arrivals rose.
 Reuter
&#3;</BODY></TEXT></REUTERS>
<REUTERS NEWID="2"><DATE>27-FEB-1987</DATE><TEXT TYPE="BRIEF">******<TITLE>BRIEF TITLE</TITLE>Blah blah blah.</TEXT></REUTERS>`;

export function pdf(): Buffer {
  const stream = "BT /F1 12 Tf 14 TL 72 720 Td (The group accuses the government.) Tj T* (It warns of attacks.) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Title (Issue 9) /CreationDate (D:20230115120000Z) >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export const SEEDS: [name: string, file: string, content: Buffer, runs: number][] = [
  ["HTML", "page.html", Buffer.from(HTML), 700],
  ["RSS", "wire.rss", Buffer.from(RSS), 500],
  ["Atom", "feed.atom", Buffer.from(ATOM), 500],
  ["JSON Feed", "feed.json", Buffer.from(JSON_FEED), 300],
  ["JSON Lines", "records.jsonl", Buffer.from(JSONL), 700],
  ["PDF", "magazine.pdf", pdf(), 400],
  ["Reuters SGML", "reut2-x.sgm", Buffer.from(SGML, "latin1"), 700],
];

