// Line charts as inline SVG on a date axis that several charts share: series of dated points (solid or dashed, each
// with its own marker shape, so colour never tells them apart alone), horizontal lines (cuts, caseness), shaded bands
// (a reliable-change band from a date on) and vertical marks (episode starts). The console and the clinician view
// both draw with it; what they plot is theirs.
import { el, svg } from './dom.js';

const WIDTH = 600;
const HEIGHT = 220;
const MARGIN = { left: 44, right: 26, top: 14, bottom: 34 };
const SERIES_CLASSES = 6;
const MARKERS = ['circle', 'square', 'triangle', 'diamond'];
const DAY_MS = 86400000;

const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export function groupBy(points, keyOf) {
  const groups = new Map();
  points.forEach((point) => {
    const key = keyOf(point);
    groups.set(key, [...(groups.get(key) ?? []), point]);
  });
  return groups;
}

// One date axis for every chart of a page: the span of all the dates given, ticks at about six of them.
export function dateAxis(dates, tickDates = dates) {
  const days = dates.length ? dates.map(day) : [0];
  const min = Math.min(...days);
  const max = Math.max(...days);
  const span = max > min ? max - min : 2;
  const start = max > min ? min : min - 1;
  const distinct = [...new Set(tickDates)].sort();
  const step = Math.max(1, Math.ceil(distinct.length / 6));
  return {
    position: (iso, width = WIDTH) => MARGIN.left + ((day(iso) - start) / span) * (width - MARGIN.left - MARGIN.right),
    ticks: distinct.filter((_, i) => i % step === 0),
    year: distinct.length ? distinct[0].slice(0, 4) : '',
  };
}

function valueScale(min, max, height) {
  const inner = height - MARGIN.top - MARGIN.bottom;
  return (value) => MARGIN.top + inner - ((value - min) / (max - min)) * inner;
}

function axes({ x, y, axis, yTicks, format, width, height }) {
  return [
    yTicks.map((tick) => [
      svg('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, format(tick))]),
    axis.ticks.map((date) => svg('text', { class: 'tick', x: x(date), y: height - MARGIN.bottom + 16,
      'text-anchor': 'middle' }, date.slice(5))),
    svg('text', { class: 'tick', x: width - MARGIN.right, y: height - 4, 'text-anchor': 'end' },
      axis.ticks.length ? `dates (MM-DD), ${axis.year}` : ''),
  ];
}

function marker(shape, cx, cy) {
  const r = 3.8;
  if (shape === 'square') {
    return svg('rect', { x: (cx - r).toFixed(1), y: (cy - r).toFixed(1), width: 2 * r, height: 2 * r });
  }
  if (shape === 'triangle') {
    return svg('polygon', { points: `${cx.toFixed(1)},${(cy - r - 1).toFixed(1)} ${(cx + r).toFixed(1)},`
      + `${(cy + r).toFixed(1)} ${(cx - r).toFixed(1)},${(cy + r).toFixed(1)}` });
  }
  if (shape === 'diamond') {
    return svg('polygon', { points: `${cx.toFixed(1)},${(cy - r - 1).toFixed(1)} ${(cx + r + 1).toFixed(1)},`
      + `${cy.toFixed(1)} ${cx.toFixed(1)},${(cy + r + 1).toFixed(1)} ${(cx - r - 1).toFixed(1)},${cy.toFixed(1)}` });
  }
  return svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 3.5 });
}

// A series' line breaks between segments (the clinician view's episodes); points without a segment form one line.
function line(points, x, y) {
  return [...groupBy(points, (p) => p.segment ?? '').values()].filter((segment) => segment.length > 1)
    .map((segment) => svg('polyline',
      { points: segment.map((p) => `${x(p.date).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ') }));
}

function seriesGroup(item, index, x, y) {
  const cls = `series s${index % SERIES_CLASSES}${item.dashed ? ' dashed' : ''}`;
  const shape = item.marker ?? MARKERS[index % MARKERS.length];
  return svg('g', { class: cls, 'data-series': item.name },
    line(item.points, x, y),
    item.points.map((p) => svg('g', { class: `point${p.flag ? ` point--${p.flag}` : ''}` },
      marker(shape, x(p.date), y(p.y)), svg('title', {}, p.text))));
}

function horizontal(lines, y, width) {
  return lines.map((l) => svg('g', { class: l.cls ?? 'cut' },
    svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(l.y), y2: y(l.y) }),
    svg('text', { x: width - MARGIN.right - 4, y: y(l.y) - 4, 'text-anchor': 'end' }, l.label)));
}

function bands(list, x, y, width) {
  return list.map((b) => {
    const left = b.from ? Math.max(MARGIN.left, x(b.from)) : MARGIN.left;
    const top = y(b.high);
    return svg('g', { class: b.cls ?? 'band' },
      svg('rect', { x: left.toFixed(1), y: top.toFixed(1), width: (width - MARGIN.right - left).toFixed(1),
        height: (y(b.low) - top).toFixed(1) }),
      svg('text', { x: (left + 4).toFixed(1), y: (top + 11).toFixed(1) }, b.label));
  });
}

function marks(list, x, height) {
  return list.map((m) => svg('g', { class: 'mark' },
    svg('line', { x1: x(m.date), x2: x(m.date), y1: MARGIN.top - 4, y2: height - MARGIN.bottom }),
    svg('text', { x: x(m.date) + 3, y: MARGIN.top + 6 }, m.label)));
}

// series: [{name, dashed, marker?, points: [{date, y, text, segment?, flag?}]}]; lines: [{y, label, cls}];
// bands: [{low, high, from?, label}]; marks: [{date, label}]. The SVG is an image labelled by its title (and
// described by `description` when given), so a screen reader hears the summary and the table holds the data.
export function lineChart({ id, title, description, axis, min = 0, max, yTicks, format = String, series,
  lines = [], bands: shaded = [], marks: vertical = [], empty = 'no data in this request',
  width = WIDTH, height = HEIGHT }) {
  const x = (iso) => axis.position(iso, width);
  const y = valueScale(min, max, height);
  const drawn = series.filter((s) => s.points.length);
  return svg('svg', { id, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title`,
    'aria-describedby': description ? `${id}-desc` : null },
  svg('title', { id: `${id}-title` }, title),
  description ? svg('desc', { id: `${id}-desc` }, description) : null,
  drawn.length ? bands(shaded, x, y, width) : null,
  axes({ x, y, axis, yTicks, format, width, height }),
  marks(vertical, x, height),
  drawn.length ? horizontal(lines, y, width) : null,
  drawn.map((s) => seriesGroup(s, series.indexOf(s), x, y)),
  drawn.length ? null : svg('text', { class: 'empty', x: width / 2, y: height / 2, 'text-anchor': 'middle' },
    empty));
}

// The legend names every series in words, with its line style and marker drawn beside the name.
export function legend(series) {
  return el('ul', { class: 'legend' }, series.map((s, index) => el('li', {},
    svg('svg', { class: `swatch s${index % SERIES_CLASSES}${s.dashed ? ' dashed' : ''}`, viewBox: '0 0 28 10',
      width: 28, height: 10, 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 1, x2: 27, y1: 5, y2: 5 }), marker(s.marker ?? MARKERS[index % MARKERS.length], 14, 5)),
    s.name, s.dashed ? ' (dashed)' : '')));
}

// A table with a caption, column headers and (first cell of each row) row headers; cells are text.
export function dataTable({ id, caption, headers, rows }) {
  return el('table', { id, class: 'data-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      row.map((cell, i) => el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, String(cell ?? '')))))));
}
