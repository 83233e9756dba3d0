/** Live line charts (uPlot: small, fast, no dependencies). */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

import { h } from './dom';

/** Axis numbers in a few characters: 186M, 1.5k. */
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

/** A chart of one series over time (seconds since the epoch on x). */
export class LineChart {
  readonly element: HTMLElement;
  private plot: uPlot | undefined;

  constructor(
    private readonly title: string,
    private readonly unit: string,
    testId: string,
  ) {
    this.element = h('figure', { class: 'chart', 'data-testid': testId });
  }

  /** Draws `xs` (ms) against `ys`. */
  set(xs: number[], ys: number[]): void {
    const data: uPlot.AlignedData = [xs.map((x) => x / 1000), ys];
    if (this.plot) {
      this.plot.setData(data);
      return;
    }
    this.plot = new uPlot(
      {
        title: this.title,
        width: 460,
        height: 200,
        series: [{}, { label: this.unit, stroke: '#2563eb', width: 2, fill: 'rgba(37,99,235,0.08)' }],
        axes: [{}, { size: 60, values: (_u, values) => values.map((v) => compact.format(v)) }],
        scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] } },
      },
      data,
      this.element,
    );
  }
}

/** A bar-like chart of values by label (eras, say), drawn as steps. */
export function stepChart(title: string, unit: string, xs: number[], ys: number[], testId: string): HTMLElement {
  const el = h('figure', { class: 'chart', 'data-testid': testId });
  new uPlot(
    {
      title,
      width: 460,
      height: 200,
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.15 : 1] },
      },
      series: [{ label: 'era' }, { label: unit, stroke: '#059669', width: 2, fill: 'rgba(5,150,105,0.12)', paths: uPlot.paths.bars!({ size: [0.6, 60] }) }],
      axes: [{ incrs: [1] }, { size: 80 }],
    },
    [xs, ys],
    el,
  );
  return el;
}
