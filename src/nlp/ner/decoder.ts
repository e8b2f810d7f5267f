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
  const { offsets, previous, pairs } = predecessors(transitions, T);
  // Allowed pairs' scores gathered in predecessor order (the matrix may change between calls in training).
  for (let t = 0; t < T; t++) for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) pairs[k] = transitions[previous[k]! * T + t]!;
  for (let t = 0; t < T; t++) score[t] = start[t]! + emissions[at + t]!;
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

/**
 * For each tag, the tags that may precede it (transition not FORBIDDEN), cached per matrix,
 * with room for their scores.
 */
const predecessorCache = new WeakMap<object, { offsets: Int32Array; previous: Int32Array; pairs: Float64Array }>();

function predecessors(transitions: Float64Array | Float32Array, T: number): { offsets: Int32Array; previous: Int32Array; pairs: Float64Array } {
  let cached = predecessorCache.get(transitions);
  if (!cached) {
    const offsets = new Int32Array(T + 1);
    const previous: number[] = [];
    for (let t = 0; t < T; t++) {
      offsets[t] = previous.length;
      for (let p = 0; p < T; p++) if (transitions[p * T + t]! > FORBIDDEN / 2) previous.push(p);
    }
    offsets[T] = previous.length;
    cached = { offsets, previous: Int32Array.from(previous), pairs: new Float64Array(previous.length) };
    predecessorCache.set(transitions, cached);
  }
  return cached;
}
