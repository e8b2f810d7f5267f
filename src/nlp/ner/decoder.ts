/**
 * First-order Viterbi over BILOU tags. Transition scores already carry the BILOU constraints
 * (a large negative score on forbidden pairs), so the best path is always well formed.
 */

export const FORBIDDEN = -1e9;

/** Reused lattice buffers (decoding is synchronous, so one set serves every caller). */
let scratch = { score: new Float64Array(4096), back: new Uint8Array(4096) };

/**
 * Best tag sequence, written to out[outAt .. outAt + length). `emissions[at + i * stride + t]`:
 * score of tag t at token i (stride defaults to T); `transitions[p * T + t]`; `start[t]`,
 * `end[t]`: scores of beginning or ending the sentence with tag t.
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
  if (scratch.score.length < length * T) scratch = { score: new Float64Array(length * T * 2), back: new Uint8Array(length * T * 2) };
  const { score, back } = scratch;
  const { offsets, previous } = predecessors(transitions, T);
  for (let t = 0; t < T; t++) score[t] = start[t]! + emissions[at + t]!;
  for (let i = 1; i < length; i++) {
    const row = i * T;
    const prevRow = row - T;
    const emission = at + i * stride;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = offsets[t]!, stop = offsets[t + 1]!; k < stop; k++) {
        const p = previous[k]!;
        const candidate = score[prevRow + p]! + transitions[p * T + t]!;
        if (candidate > best) {
          best = candidate;
          arg = p;
        }
      }
      score[row + t] = best + emissions[emission + t]!;
      back[row + t] = arg;
    }
  }
  const lastRow = (length - 1) * T;
  let bestTag = 0;
  let best = -Infinity;
  for (let t = 0; t < T; t++) {
    const candidate = score[lastRow + t]! + end[t]!;
    if (candidate > best) {
      best = candidate;
      bestTag = t;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    out[outAt + i] = bestTag;
    bestTag = back[i * T + bestTag]!;
  }
  return out;
}

/** For each tag, the tags that may precede it (transition not FORBIDDEN), cached per matrix. */
const predecessorCache = new WeakMap<object, { offsets: Int32Array; previous: Int32Array }>();

function predecessors(transitions: Float64Array | Float32Array, T: number): { offsets: Int32Array; previous: Int32Array } {
  let cached = predecessorCache.get(transitions);
  if (!cached) {
    const offsets = new Int32Array(T + 1);
    const previous: number[] = [];
    for (let t = 0; t < T; t++) {
      offsets[t] = previous.length;
      for (let p = 0; p < T; p++) if (transitions[p * T + t]! > FORBIDDEN / 2) previous.push(p);
    }
    offsets[T] = previous.length;
    cached = { offsets, previous: Int32Array.from(previous) };
    predecessorCache.set(transitions, cached);
  }
  return cached;
}
