/**
 * What the chart partial (views/partials/chart.hbs) draws, handed to it as its context: the canvas,
 * its label for screen readers, the chart's configuration as JSON safe inside a script element, and
 * whether it is drawn tall (the radar, the satisfaction estimates). A context and not the partial's
 * hash arguments: for a partial called with a hash, handlebars copies the whole calling model.
 *
 * @example {{> chart trend.chart}}
 */
export interface ChartView {
  readonly canvasId: string;
  readonly label: string;
  readonly chartJson: string;
  readonly tall: boolean;
}
