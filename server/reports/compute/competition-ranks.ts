/**
 * Ranks scores from the highest (rank 1), ties sharing the smallest rank ("1224" competition
 * ranking, as R's rank(-x, ties = "min") and the engine do); a missing score gets no rank (NaN).
 *
 * @example competitionRanks([50, 70, 50, NaN]) // [2, 1, 2, NaN]
 */
export function competitionRanks(scores: ArrayLike<number>): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i])) order.push(i);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const ranks = new Float64Array(scores.length).fill(Number.NaN);
  let previous = Number.NaN;
  let rank = 0;
  order.forEach((index, position) => {
    const score = scores[index] ?? Number.NaN;
    if (score !== previous) rank = position + 1;
    previous = score;
    ranks[index] = rank;
  });
  return ranks;
}
