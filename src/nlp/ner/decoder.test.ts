import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORBIDDEN, viterbi } from "./decoder.js";
import { allowedTransition, TAG_COUNT } from "./tags.js";

const T = TAG_COUNT;

function constrained(raw: readonly number[]): { transitions: Float64Array; start: Float64Array; end: Float64Array } {
  const transitions = new Float64Array(T * T);
  const start = new Float64Array(T);
  const end = new Float64Array(T);
  for (let p = 0; p < T; p++) for (let t = 0; t < T; t++) transitions[p * T + t] = allowedTransition(p, t) ? raw[p * T + t]! : FORBIDDEN;
  for (let t = 0; t < T; t++) {
    start[t] = allowedTransition(-1, t) ? raw[T * T + t]! : FORBIDDEN;
    end[t] = allowedTransition(t, -1) ? raw[T * T + T + t]! : FORBIDDEN;
  }
  return { transitions, start, end };
}

function pathScore(path: ArrayLike<number>, emissions: Float64Array, lattice: ReturnType<typeof constrained>): number {
  let total = lattice.start[path[0]!]! + lattice.end[path[path.length - 1]!]!;
  for (let i = 0; i < path.length; i++) {
    total += emissions[i * T + path[i]!]!;
    if (i > 0) total += lattice.transitions[path[i - 1]! * T + path[i]!]!;
  }
  return total;
}

/** Best score over every tag sequence, by dynamic programming written the plain way. */
function bestScore(length: number, emissions: Float64Array, lattice: ReturnType<typeof constrained>): number {
  let row = Array.from({ length: T }, (_, t) => lattice.start[t]! + emissions[t]!);
  for (let i = 1; i < length; i++) {
    row = Array.from({ length: T }, (_, t) => Math.max(...row.map((score, p) => score + lattice.transitions[p * T + t]!)) + emissions[i * T + t]!);
  }
  return Math.max(...row.map((score, t) => score + lattice.end[t]!));
}

const scores = (count: number) => fc.array(fc.integer({ min: -20, max: 20 }), { minLength: count, maxLength: count });

describe("viterbi", () => {
  it("finds a well-formed path of the best score", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), scores(T * T + 2 * T), scores(6 * T), (length, raw, emitted) => {
        const lattice = constrained(raw);
        const emissions = Float64Array.from(emitted.slice(0, length * T));
        const path = viterbi(emissions, length, T, lattice.transitions, lattice.start, lattice.end);
        expect(pathScore(path, emissions, lattice)).toBe(bestScore(length, emissions, lattice));
        expect(pathScore(path, emissions, lattice)).toBeGreaterThan(FORBIDDEN / 2);
      }),
    );
  });

  it("finds a best path under constraints other than BILOU's (the general forward pass)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), scores(T * T + 2 * T), scores(6 * T), (length, raw, emitted) => {
        // Every pair allowed except into tag 1 from tag 2: not the BILOU pattern.
        const lattice = { transitions: Float64Array.from(raw.slice(0, T * T)), start: Float64Array.from(raw.slice(T * T, T * T + T)), end: Float64Array.from(raw.slice(T * T + T)) };
        lattice.transitions[2 * T + 1] = FORBIDDEN;
        const emissions = Float64Array.from(emitted.slice(0, length * T));
        const path = viterbi(emissions, length, T, lattice.transitions, lattice.start, lattice.end);
        expect(pathScore(path, emissions, lattice)).toBe(bestScore(length, emissions, lattice));
      }),
    );
  });

  it("reads emissions at an offset with a stride and writes the path at an offset", () => {
    const lattice = constrained(new Array(T * T + 2 * T).fill(0));
    const emissions = new Float64Array(T * 3);
    [4, 0, 8].forEach((tag, i) => (emissions[i * T + tag] = 5));
    const wide = new Float64Array(2 * T * 3 + 2 * T);
    for (let i = 0; i < 3; i++) wide.set(emissions.subarray(i * T, (i + 1) * T), 2 * T + i * 2 * T + T);
    const out = new Uint8Array(5).fill(99);
    viterbi(wide, 3, T, lattice.transitions, lattice.start, lattice.end, out, 2 * T + T, 2 * T, 2);
    expect([...out]).toEqual([99, 99, ...viterbi(emissions, 3, T, lattice.transitions, lattice.start, lattice.end)]);
    expect([...out.subarray(2)]).toEqual([4, 0, 8]);
  });
});
