// Draws every chart of a page: each <canvas> has a <script type="application/json"
// data-chart-for="canvas-id"> block holding a chart.js configuration (plain JSON, written by the
// server's view models). chart.js itself is served from /static/vendor/chart.umd.js (no CDN).
// Charts draw at twice the screen's resolution at least, so that they stay sharp on paper.
const { Chart } = window;
const PRINT_SHARP = 2;

for (const block of document.querySelectorAll('script[type="application/json"][data-chart-for]')) {
  const canvas = document.getElementById(block.dataset.chartFor);
  if (canvas instanceof HTMLCanvasElement && Chart !== undefined) {
    const config = JSON.parse(block.textContent ?? '{}');
    const devicePixelRatio = Math.max(window.devicePixelRatio ?? 1, PRINT_SHARP);
    new Chart(canvas, { ...config, options: { ...config.options, devicePixelRatio } });
  }
}
