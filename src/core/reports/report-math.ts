/** A share, 0 when there is nothing to share out (no lead assigned is not a 100 % failure). */
export const rate = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/**
 * The nearest-rank percentile: the value at rank ⌈p·n⌉ of the sorted values (the median is p = 0.5, the lower of
 * two middles). The same rule the database pipelines use, so a figure reads the same wherever it was computed.
 */
export function nearestRank(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** The median of the defined values only (a rep nobody answered has no response time to take part). */
export const medianOf = (values: readonly (number | undefined)[]): number | undefined =>
  nearestRank(
    values.filter((v): v is number => v !== undefined),
    0.5,
  );
