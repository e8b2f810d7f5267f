import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spaced } from "./whitespace.js";

/** Every offset of the spaced text, mapped back. */
const mapped = (original: string): number[] => {
  const view = spaced(original);
  return Array.from({ length: view.text.length + 1 }, (_, i) => view.toOriginal(i));
};

describe("spaced", () => {
  it("leaves single-spaced text and blank lines as they are", () => {
    for (const text of ["", "Sales rose in the first quarter of 1987.", "Title\n\nBody text.\n\n  Next paragraph.", "a \r\n\r\n b"]) {
      const view = spaced(text);
      expect(view.text).toBe(text);
      expect(mapped(text)).toEqual(Array.from({ length: text.length + 1 }, (_, i) => i));
    }
  });

  it("writes line breaks, runs of spaces, tabs and non-breaking spaces as one space", () => {
    expect(spaced("the first\nquarter of\r\n1987").text).toBe("the first quarter of 1987");
    expect(spaced("March  3,\t1987\u00a0at   noon \n ").text).toBe("March 3, 1987 at noon ");
    expect(spaced("\nToday").text).toBe(" Today");
  });

  it("keeps a paragraph break, as a blank line where its breaks are carriage returns", () => {
    expect(spaced("ended March\n  \n3 people").text).toBe("ended March\n  \n3 people");
    expect(spaced("ended March\r\r3 people").text).toBe("ended March\n\n3 people");
    expect(spaced("a \u2028\u2028 b").text).toBe("a\n\nb");
  });

  it("maps offsets back to the original words", () => {
    const original = "the first\nquarter of  \n1987 ended";
    const view = spaced(original);
    const start = view.text.indexOf("first");
    const end = view.text.indexOf(" ended");
    expect(original.slice(view.toOriginal(start), view.toOriginal(end))).toBe("first\nquarter of  \n1987");
    // An offset just before a collapsed run is where the run begins; just after it, where the next word begins.
    expect(view.toOriginal(view.text.indexOf(" quarter"))).toBe(original.indexOf("\nquarter"));
    expect(view.toOriginal(view.text.indexOf("quarter"))).toBe(original.indexOf("quarter"));
  });

  it("maps every character to the same character in the original, in order", () => {
    const piece = fc.constantFrom("a", "May", "3", ".", " ", "  ", "\n", "\n\n", "\r\n", "\r\r", "\t", "\u00a0", " \n ", "\u2028");
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const original = pieces.join("");
      const view = spaced(original);
      const offsets = mapped(original);
      expect(offsets[0]).toBe(0);
      expect(offsets.at(-1)).toBe(original.length);
      for (let i = 1; i < offsets.length; i++) expect(offsets[i]!).toBeGreaterThanOrEqual(offsets[i - 1]!);
      for (let i = 0; i < view.text.length; i++) {
        if (/\S/.test(view.text[i]!)) expect(original[offsets[i]!]).toBe(view.text[i]);
      }
      // Words and what lies between them survive, only whitespace runs shrink.
      expect(original.replace(/\s+/g, " ")).toBe(view.text.replace(/\s+/g, " "));
    }), { numRuns: 500 });
  });
});
