// The patient's data over time as two inline SVG line charts sharing one date axis: the alliance ratings
// normalised to 0-1 (how the rules compare instruments) and the symptom scores in their own points.
import { el, svg } from './dom.js';

const WIDTH = 600;
const HEIGHT = 220;
const MARGIN = { left: 44, right: 26, top: 12, bottom: 34 };
const SERIES_CLASSES = 6;
const DAY_MS = 86400000;

const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

function groupBy(points, keyOf) {
  const groups = new Map();
  points.forEach((point) => {
    const key = keyOf(point);
    groups.set(key, [...(groups.get(key) ?? []), point]);
  });
  return groups;
}

function dateScale(dates) {
  const days = dates.map(day);
  const min = Math.min(...days);
  const max = Math.max(...days);
  const span = max > min ? max - min : 2;
  const start = max > min ? min : min - 1;
  const inner = WIDTH - MARGIN.left - MARGIN.right;
  return (iso) => MARGIN.left + ((day(iso) - start) / span) * inner;
}

function valueScale(max) {
  const inner = HEIGHT - MARGIN.top - MARGIN.bottom;
  return (value) => MARGIN.top + inner - (value / max) * inner;
}

function axes(x, y, dates, ticks, format) {
  const distinct = [...new Set(dates)].sort();
  const step = Math.max(1, Math.ceil(distinct.length / 6));
  const shown = distinct.filter((_, i) => i % step === 0);
  return [
    ticks.map((tick) => [
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, format(tick))]),
    shown.map((date) => svg('text', { class: 'tick', x: x(date), y: HEIGHT - MARGIN.bottom + 16,
      'text-anchor': 'middle' }, date.slice(5))),
    svg('text', { class: 'tick', x: WIDTH - MARGIN.right, y: HEIGHT - 4, 'text-anchor': 'end' },
      distinct.length ? `dates (MM-DD), ${distinct[0].slice(0, 4)}` : ''),
  ];
}

function series(points, x, y, valueOf, index, dashed) {
  const cls = `series s${index % SERIES_CLASSES}${dashed ? ' dashed' : ''}`;
  const coordinates = points.map((point) => `${x(point.date).toFixed(1)},${y(valueOf(point)).toFixed(1)}`);
  return svg('g', { class: cls },
    points.length > 1 ? svg('polyline', { points: coordinates.join(' ') }) : null,
    points.map((point) => svg('circle', { cx: x(point.date).toFixed(1), cy: y(valueOf(point)).toFixed(1), r: 3.5 },
      svg('title', {}, `${point.label}: ${point.value} on ${point.date}`))));
}

function legend(names) {
  return el('ul', { class: 'legend' }, names.map(([name, dashed], index) => el('li', {},
    el('span', { class: `swatch s${index % SERIES_CLASSES}${dashed ? ' dashed' : ''}`, 'aria-hidden': 'true' }),
    name)));
}

function cutLines(cuts, y) {
  return cuts.map((cut) => svg('g', { class: 'cut' },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(cut.normalised), y2: y(cut.normalised) }),
    svg('text', { x: WIDTH - MARGIN.right - 4, y: y(cut.normalised) - 4, 'text-anchor': 'end' },
      `${cut.label} low below ${cut.value} (${cut.threshold})`)));
}

function panel({ id, title, groups, dates, max, ticks, format, valueOf, cuts = [] }) {
  const x = dateScale(dates.length ? dates : ['1970-01-01']);
  const y = valueScale(max);
  const names = [...groups.entries()].map(([name, points]) => [name, points[0].dashed]);
  const chart = svg('svg', { id, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${id}-title` },
    svg('title', { id: `${id}-title` }, title),
    axes(x, y, dates, ticks, format),
    groups.size ? cutLines(cuts, y) : null,
    [...groups.values()].map((points, index) => series(points, x, y, valueOf, index, points[0].dashed)),
    groups.size ? null : svg('text', { class: 'empty', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' },
      'no data in this request'));
  return el('div', { class: 'chart-panel' }, el('h4', {}, title), chart, legend(names));
}

function dataTable(chart) {
  const rows = [
    ...chart.alliance.map((p) => [p.date, `${p.label} (${p.rater})`, p.value, p.normalised.toFixed(2)]),
    ...chart.symptoms.flatMap((s) => s.points.map((p) => [p.date, p.label, p.value, ''])),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  return el('details', {}, el('summary', {}, 'Chart data as a table'),
    el('table', {}, el('thead', {}, el('tr', {}, ['Date', 'Measure', 'Value', 'Normalised 0-1']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell) => el('td', {}, String(cell))))))));
}

export function renderChart(chart) {
  const alliance = chart.alliance.map((p) => ({ ...p, dashed: p.rater !== 'patient' }));
  const symptoms = chart.symptoms.flatMap((s) => s.points);
  const dates = [...alliance.map((p) => p.date), ...symptoms.map((p) => p.date)];
  const allianceGroups = groupBy(alliance, (p) => `${p.label} (${p.rater})`);
  const symptomGroups = groupBy(symptoms, (p) => p.label);
  const top = Math.max(5, Math.ceil(Math.max(0, ...symptoms.map((p) => p.value)) / 5) * 5);
  const trajectory = chart.trajectory;
  return el('figure', { class: 'chart' },
    panel({ id: 'chart-alliance', title: 'Alliance ratings, normalised 0-1 (dashed: therapist; grey: low cut)',
      groups: allianceGroups, dates, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1], format: (t) => t.toFixed(2),
      valueOf: (p) => p.normalised, cuts: chart.cuts }),
    panel({ id: 'chart-symptoms', title: 'Symptom scores (points)', groups: symptomGroups, dates, max: top,
      ticks: [0, top / 2, top], format: (t) => String(t), valueOf: (p) => p.value }),
    el('figcaption', {}, trajectory
      ? `Current episode ${trajectory.episode}: ${trajectory.points} patient rating(s), slope `
        + `${trajectory.slope >= 0 ? '+' : ''}${trajectory.slope.toFixed(3)} per session (normalised).`
      : 'No patient data: the request was not answered.'),
    dataTable(chart));
}
