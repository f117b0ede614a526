import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Okabe–Ito blue and orange: told apart with every kind of colour blindness, and by line style too. */
const CURRENT_COLOUR = '#0072B2';
const PREVIOUS_COLOUR = '#B35900';

export interface ChartSeries {
  label: string;
  /** Null where a figure is hidden (fewer than 10 people): a gap, never a zero. */
  values: (number | null)[];
  period: 'current' | 'previous';
}

const HEIGHT = 220;

/** Diagonal stripes for the previous period's bars, so the two periods differ without colour. */
function stripes(ctx: CanvasRenderingContext2D): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const t = tile.getContext('2d');
  if (!t) return PREVIOUS_COLOUR;
  t.fillStyle = '#ffffff';
  t.fillRect(0, 0, 8, 8);
  t.strokeStyle = PREVIOUS_COLOUR;
  t.lineWidth = 2;
  t.beginPath();
  t.moveTo(0, 8);
  t.lineTo(8, 0);
  t.moveTo(-2, 2);
  t.lineTo(2, -2);
  t.moveTo(6, 10);
  t.lineTo(10, 6);
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? PREVIOUS_COLOUR;
}

/**
 * One chart drawn by uPlot on a canvas: a line per period, or bars side by side. The canvas is a
 * picture to the screen reader (`role="img"` with a summary); the table beside it carries the figures.
 */
export function StatsChart({ kind, labels, series, summary }: { kind: 'line' | 'bars'; labels: string[]; series: ChartSeries[]; summary: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let gone = false;
    let destroy = () => {};
    // Loaded when a chart is first drawn: uPlot reads the screen as it loads, and only editors ever need it.
    import('uplot')
      .then(({ default: UPlot }) => {
        if (gone) return;
        destroy = draw(UPlot, el);
      })
      // A screen that cannot draw (no canvas) still has the table beside the chart.
      .catch(() => undefined);
    return () => {
      gone = true;
      destroy();
    };
  }, [kind, labels, series]);

  function draw(UPlot: typeof uPlot, el: HTMLDivElement): () => void {
    const xs = labels.map((_, i) => i);
    const bars = kind === 'bars' ? UPlot.paths.bars : undefined;
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      scales: { x: { time: false, ...(kind === 'bars' ? { range: [-0.6, labels.length - 0.4] as [number, number] } : {}) }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] } },
      axes: [
        {
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (labels[v] ?? '') : '')),
          ...(kind === 'bars' ? { splits: () => xs } : {}),
          font: '14px Inter, sans-serif',
        },
        { font: '14px Inter, sans-serif', values: (_u, splits) => splits.map((v) => v.toLocaleString('nl-NL')) },
      ],
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: '', value: (_u, v) => (v === null ? '' : (labels[v] ?? '')) },
        ...series.map((s): uPlot.Series => {
          const current = s.period === 'current';
          const base = { label: s.label, value: (_u: uPlot, v: number | null) => (v === null ? '–' : v.toLocaleString('nl-NL')) };
          if (bars) {
            return {
              ...base,
              stroke: current ? CURRENT_COLOUR : PREVIOUS_COLOUR,
              width: current ? 0 : 1.5,
              fill: current ? CURRENT_COLOUR : (u: uPlot) => stripes(u.ctx),
              paths: bars({ size: [0.38, 60], align: current ? -1 : 1 }),
              points: { show: false },
            };
          }
          return { ...base, stroke: current ? CURRENT_COLOUR : PREVIOUS_COLOUR, width: current ? 3 : 2, ...(current ? {} : { dash: [8, 5] }), points: { show: current, size: 6 } };
        }),
      ],
    };
    const plot = new UPlot(opts, [xs, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }

  return <div className="stats-chart" ref={box} role="img" aria-label={summary} />;
}
