/** What the benchmark prints: medians, ratios of medians with the spread of the per-round ratios, milliseconds. */
export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A ratio of two medians, with the spread of the per-round ratios. */
export interface Ratio {
  ratio: number;
  spread: [number, number];
  target?: number;
  met?: boolean;
}
export const ratioOf = (ours: readonly number[], ref: readonly number[], target?: number): Ratio => {
  const ratio = median(ours) / median(ref);
  const rounds = ours.map((o, i) => o / ref[i]!);
  const round3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ratio: round3(ratio),
    spread: [round3(Math.min(...rounds)), round3(Math.max(...rounds))],
    ...(target !== undefined ? { target, met: ratio <= target } : {}),
  };
};
export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
export const show = (r: Ratio) =>
  `${r.ratio.toFixed(2)}× (spread ${r.spread[0].toFixed(2)}–${r.spread[1].toFixed(2)})${r.target !== undefined ? ` (target ≤ ${r.target}×: ${r.met ? 'met' : 'MISSED'})` : ''}`;
export const say = (line = '') => process.stdout.write(`${line}\n`);
