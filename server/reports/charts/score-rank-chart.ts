/**
 * A chart.js line chart of one unit's index score (left axis) and rank (right axis, reversed so that
 * rank 1 is at the top, whole numbers only) over periods, as plain JSON. The two lines differ in
 * colour, dash and point style (palette.ts). Missing values leave gaps.
 *
 * @example scoreRankChart(['2024', '2025'], { label: '得分', values: [61, 64] }, { label: '排名', values: [9, 6] }).type === 'line'
 */
import { seriesStyle } from './palette.js';
import { chartValues, type ChartSeries } from './radar-chart.js';

export function scoreRankChart(
  periods: readonly string[],
  score: ChartSeries,
  rank: ChartSeries,
  title: string,
): unknown {
  const dataset = (series: ChartSeries, i: number, axis: string): object => {
    const style = seriesStyle(i);
    return {
      label: series.label,
      data: chartValues(series.values),
      yAxisID: axis,
      borderColor: style.colour,
      backgroundColor: style.colour,
      pointStyle: style.pointStyle,
      pointRadius: 5,
      borderDash: style.dash,
      borderWidth: 2,
      spanGaps: false,
    };
  };
  return {
    type: 'line',
    data: { labels: periods, datasets: [dataset(score, 0, 'y'), dataset(rank, 1, 'rank')] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: title } },
      scales: {
        y: { position: 'left', title: { display: true, text: score.label } },
        rank: {
          position: 'right',
          reverse: true,
          ticks: { precision: 0 },
          grid: { drawOnChartArea: false },
          title: { display: true, text: rank.label },
        },
      },
    },
  };
}
