import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { guardTerminal, terminalSafe } from "./format.js";

describe("terminal output", () => {
  it("replaces control characters a hostile document could use to drive a terminal, keeping tabs and line breaks", () => {
    expect(terminalSafe("The Taliban\u001b[31m said\u0007 \u001b[2J it.\tNext\r\nline")).toBe("The Taliban\uFFFD[31m said\uFFFD \uFFFD[2J it.\tNext\r\nline");
    // What JSON.stringify leaves raw (DEL, C1) passes, so `export --format json` to stdout keeps the text exact.
    const json = JSON.stringify({ text: "a\u001b\u007f\u0093b" });
    expect(terminalSafe(json)).toBe(json);
  });

  it("guards every string written to a stream, as main does for stdout", () => {
    const stream = new PassThrough();
    guardTerminal(stream);
    stream.write("title\u001b]0;pwned\u0007\n");
    stream.write(Buffer.from("bytes pass\n"));
    expect(String(stream.read())).toBe("title\uFFFD]0;pwned\uFFFD\nbytes pass\n");
  });
});
