/** The growth curve as a small self-contained SVG: cost against catalogue size, both on log scales. */

export type Series = { name: string; unit: 'ms' | 'µs'; points: { size: number; cost: number }[] };

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { left: 64, right: 200, top: 20, bottom: 44 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line per series (costs in ms; µs series are converted), log–log axes with decade ticks. */
export function growthChart(series: readonly Series[]): string {
  const inMs = series.map((line) => ({ ...line, points: line.points.filter((p) => p.cost > 0).map((p) => ({ size: p.size, cost: line.unit === 'µs' ? p.cost / 1000 : p.cost })) }));
  const all = inMs.flatMap((line) => line.points);
  if (all.length === 0) throw new Error('growthChart: no points');
  const decade = (value: number, round: (x: number) => number) => 10 ** round(Math.log10(value));
  const [xMin, xMax] = [decade(Math.min(...all.map((p) => p.size)), Math.floor), decade(Math.max(...all.map((p) => p.size)), Math.ceil)];
  const [yMin, yMax] = [decade(Math.min(...all.map((p) => p.cost)), Math.floor), decade(Math.max(...all.map((p) => p.cost)), Math.ceil)];
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (size: number) => MARGIN.left + (Math.log10(size / xMin) / Math.log10(xMax / xMin || 10)) * plotWidth;
  const y = (cost: number) => MARGIN.top + plotHeight - (Math.log10(cost / yMin) / Math.log10(yMax / yMin || 10)) * plotHeight;
  const ticks = (from: number, to: number) => Array.from({ length: Math.round(Math.log10(to / from)) + 1 }, (_, i) => from * 10 ** i);
  const label = (value: number, unit: string) => (value >= 1000 ? `${value / 1000}k` : `${value}`) + unit;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    ...ticks(xMin, xMax).map((tick) => `<line x1="${x(tick)}" y1="${MARGIN.top}" x2="${x(tick)}" y2="${MARGIN.top + plotHeight}" stroke="#ddd"/><text x="${x(tick)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${label(tick, '')}</text>`),
    ...ticks(yMin, yMax).map((tick) => `<line x1="${MARGIN.left}" y1="${y(tick)}" x2="${MARGIN.left + plotWidth}" y2="${y(tick)}" stroke="#ddd"/><text x="${MARGIN.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick < 1 ? `${tick * 1000} µs` : label(tick, ' ms')}</text>`),
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle">reads in the catalogue (log)</text>`,
    `<text transform="rotate(-90)" x="${-(MARGIN.top + plotHeight / 2)}" y="14" text-anchor="middle">time (log)</text>`,
    ...inMs.flatMap((line, i) => {
      const colour = COLOURS[i % COLOURS.length]!;
      const path = line.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.size).toFixed(1)},${y(p.cost).toFixed(1)}`).join(' ');
      return [
        `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`,
        ...line.points.map((p) => `<circle cx="${x(p.size).toFixed(1)}" cy="${y(p.cost).toFixed(1)}" r="3" fill="${colour}"/>`),
        `<rect x="${WIDTH - MARGIN.right + 12}" y="${MARGIN.top + i * 18}" width="12" height="3" fill="${colour}"/><text x="${WIDTH - MARGIN.right + 30}" y="${MARGIN.top + i * 18 + 5}">${escape(line.name)}</text>`,
      ];
    }),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}
