/**
 * First-order Viterbi over BILOU tags. Transition scores already carry the BILOU constraints
 * (a large negative score on forbidden pairs), so the best path is always well formed.
 */

export const FORBIDDEN = -1e9;

/** Reused lattice buffers (decoding is synchronous, so one set serves every caller). */
let scratch = { score: new Float64Array(4096), best: new Float64Array(4096) };

/**
 * Best tag sequence, written to out[outAt .. outAt + length). `emissions[at + i * stride + t]`:
 * score of tag t at token i (stride defaults to T); `transitions[p * T + t]`; `start[t]`,
 * `end[t]`: scores of beginning or ending the sentence with tag t. The forward pass keeps only
 * scores (branch-free maxima); the backward pass finds each best predecessor again, the first
 * one reaching the kept maximum, as a forward argmax would.
 */
export function viterbi(
  emissions: Float64Array | Float32Array,
  length: number,
  tagCount: number,
  transitions: Float64Array | Float32Array,
  start: Float64Array | Float32Array,
  end: Float64Array | Float32Array,
  out: Uint8Array = new Uint8Array(length),
  at = 0,
  stride = tagCount,
  outAt = 0,
): Uint8Array {
  if (length === 0) return out;
  const T = tagCount;
  if (scratch.score.length < length * T) scratch = { score: new Float64Array(length * T * 2), best: new Float64Array(length * T * 2) };
  const { score, best } = scratch;
  const { offsets, previous, pairs, bilou } = predecessors(transitions, T);
  // Allowed pairs' scores gathered in predecessor order (the matrix may change between calls in training).
  for (let t = 0; t < T; t++) for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) pairs[k] = transitions[previous[k]! * T + t]!;
  for (let t = 0; t < T; t++) score[t] = start[t]! + emissions[at + t]!;
  if (bilou) forwardBilou(emissions, length, at, stride, offsets, pairs, score, best);
  else {
    for (let i = 1; i < length; i++) {
      const row = i * T;
      const prevRow = row - T;
      const emission = at + i * stride;
      for (let t = 0; t < T; t++) {
        let max = -Infinity;
        for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) {
          const candidate = score[prevRow + previous[k]!]! + pairs[k]!;
          max = candidate > max ? candidate : max;
        }
        best[row + t] = max;
        score[row + t] = max + emissions[emission + t]!;
      }
    }
  }
  const lastRow = (length - 1) * T;
  let tag = 0;
  let max = -Infinity;
  for (let t = 0; t < T; t++) {
    const candidate = score[lastRow + t]! + end[t]!;
    if (candidate > max) {
      max = candidate;
      tag = t;
    }
  }
  out[outAt + length - 1] = tag;
  for (let i = length - 1; i > 0; i--) {
    const prevRow = (i - 1) * T;
    const target = best[i * T + tag]!;
    for (let k = offsets[tag]!, stop = offsets[tag + 1]!; k < stop; k++) {
      const p = previous[k]!;
      if (score[prevRow + p]! + pairs[k]! === target) {
        tag = p;
        break;
      }
    }
    out[outAt + i - 1] = tag;
  }
  return out;
}

/** The BILOU tags that close an entity or are outside one (O, then L and U of each label): the predecessors of O, B and U. */
const CLOSED = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/**
 * The forward pass for BILOU constraints over 17 tags (O, then B I L U per label): O, B and U
 * follow the nine closed tags, whose scores are read once per token; I and L follow B or I of
 * their label. Same maxima, in the same order, as the general loop.
 */
function forwardBilou(
  emissions: Float64Array | Float32Array,
  length: number,
  at: number,
  stride: number,
  offsets: Int32Array,
  pairs: Float64Array,
  score: Float64Array,
  best: Float64Array,
): void {
  const T = 17;
  for (let i = 1; i < length; i++) {
    const row = i * T;
    const p = row - T;
    const emission = at + i * stride;
    const c0 = score[p]!;
    const c1 = score[p + 3]!;
    const c2 = score[p + 4]!;
    const c3 = score[p + 7]!;
    const c4 = score[p + 8]!;
    const c5 = score[p + 11]!;
    const c6 = score[p + 12]!;
    const c7 = score[p + 15]!;
    const c8 = score[p + 16]!;
    for (let t = 0; t < T; t++) {
      const k = offsets[t]!;
      let max: number;
      if (t === 0 || (t & 3) === 1 || (t & 3) === 0) {
        max = c0 + pairs[k]!;
        let c = c1 + pairs[k + 1]!;
        max = c > max ? c : max;
        c = c2 + pairs[k + 2]!;
        max = c > max ? c : max;
        c = c3 + pairs[k + 3]!;
        max = c > max ? c : max;
        c = c4 + pairs[k + 4]!;
        max = c > max ? c : max;
        c = c5 + pairs[k + 5]!;
        max = c > max ? c : max;
        c = c6 + pairs[k + 6]!;
        max = c > max ? c : max;
        c = c7 + pairs[k + 7]!;
        max = c > max ? c : max;
        c = c8 + pairs[k + 8]!;
        max = c > max ? c : max;
      } else {
        // I (t & 3 = 2) or L (t & 3 = 3): after B or I of the same label.
        const b = t - ((t - 1) & 3);
        max = score[p + b]! + pairs[k]!;
        const c = score[p + b + 1]! + pairs[k + 1]!;
        max = c > max ? c : max;
      }
      best[row + t] = max;
      score[row + t] = max + emissions[emission + t]!;
    }
  }
}

/**
 * For each tag, the tags that may precede it (transition not FORBIDDEN), cached per matrix,
 * with room for their scores; `bilou` when they are exactly the BILOU constraints (forwardBilou).
 */
const predecessorCache = new WeakMap<object, { offsets: Int32Array; previous: Int32Array; pairs: Float64Array; bilou: boolean }>();

function predecessors(transitions: Float64Array | Float32Array, T: number): { offsets: Int32Array; previous: Int32Array; pairs: Float64Array; bilou: boolean } {
  let cached = predecessorCache.get(transitions);
  if (!cached) {
    const offsets = new Int32Array(T + 1);
    const previous: number[] = [];
    let bilou = T === 17;
    for (let t = 0; t < T; t++) {
      offsets[t] = previous.length;
      const before = previous.length;
      for (let p = 0; p < T; p++) if (transitions[p * T + t]! > FORBIDDEN / 2) previous.push(p);
      const own = previous.slice(before);
      const open = t - ((t - 1) & 3);
      const expected = t === 0 || (t & 3) === 1 || (t & 3) === 0 ? CLOSED : [open, open + 1];
      if (own.length !== expected.length || own.some((p, k) => p !== expected[k])) bilou = false;
    }
    offsets[T] = previous.length;
    cached = { offsets, previous: Int32Array.from(previous), pairs: new Float64Array(previous.length), bilou };
    predecessorCache.set(transitions, cached);
  }
  return cached;
}
