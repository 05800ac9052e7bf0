// Draws every chart of a page: each <canvas> has a <script type="application/json"
// data-chart-for="canvas-id"> block holding a chart.js configuration (plain JSON, written by the
// server's view models). chart.js itself is served from /static/vendor/chart.umd.js (no CDN).
const { Chart } = window;

for (const block of document.querySelectorAll('script[type="application/json"][data-chart-for]')) {
  const canvas = document.getElementById(block.dataset.chartFor);
  if (canvas instanceof HTMLCanvasElement && Chart !== undefined) {
    new Chart(canvas, JSON.parse(block.textContent ?? '{}'));
  }
}
