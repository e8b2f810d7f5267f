import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { sampleGraph } from "../../test/fixtures/graph.js";
import { csvCell, toCsv } from "./csv.js";

function rows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: false, relax_column_count: false }) as Record<string, string>[];
}

describe("CSV export", () => {
  const graph = sampleGraph();
  const files = toCsv(graph);

  it("writes one parseable file per table with a row per item", () => {
    expect(Object.keys(files).sort()).toEqual(["actors.csv", "claims.csv", "documents.csv", "events.csv", "provenance.csv", "relations.csv"]);
    expect(rows(files["actors.csv"]!)).toHaveLength(graph.actors.length);
    expect(rows(files["relations.csv"]!)).toHaveLength(graph.relations.length);
    expect(rows(files["events.csv"]!)).toHaveLength(graph.events.length);
    expect(rows(files["claims.csv"]!)).toHaveLength(graph.claims.length);
    expect(rows(files["documents.csv"]!)).toHaveLength(graph.documents.length);
    const spans = [...graph.relations, ...graph.events, ...graph.claims].reduce((n, item) => n + item.provenance.length, 0);
    expect(rows(files["provenance.csv"]!)).toHaveLength(spans);
  });

  it("names both ends and keeps who claims what", () => {
    const relation = rows(files["relations.csv"]!).find((r) => r.predicate === "holds_position")!;
    expect(relation).toMatchObject({
      subject: "munir", subject_name: "Asim Munir", object_name: "Pakistan", role: "army chief",
      attributed_to: "iskp", attributed_to_name: "Islamic State - Khorasan Province", documents: "d1",
    });
    const founded = rows(files["relations.csv"]!).find((r) => r.predicate === "founded")!;
    expect(founded).toMatchObject({ object: "", attributed_to: "", time: "2015" });
    const claim = rows(files["claims.csv"]!).find((c) => c.id === "c1")!;
    expect(claim).toMatchObject({ speaker_name: "Islamic State - Khorasan Province", about_names: "Pakistan", text: 'Pakistan is a "cancer"' });
  });

  it("round-trips quotes, commas, newlines and markup, and defuses formulas", () => {
    const odd = rows(files["actors.csv"]!).find((a) => a.id === "odd")!;
    expect(odd.name).toBe('Odd <b>"name"</b> & co');
    expect(odd.aliases).toBe("'=HYPERLINK(\"x\")");
    expect(csvCell("a,b\nc")).toBe('"a,b\nc"');
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(null)).toBe("");
    const span = rows(files["provenance.csv"]!).find((p) => p.item_id === "c2")!;
    expect(span.text).toBe(graph.claims[1]!.provenance[0]!.text);
  });
});
