// "Try it"'s chart: the alliance ratings normalised to 0-1 (how the rules compare instruments) and the symptom
// scores in their own points, two charts on one date axis, drawn with the shared chart module.
import { el } from '../shared/dom.js';
import { dataTable, dateAxis, groupBy, legend, lineChart } from '../shared/chart.js';

// Alliance ratings by anyone but the patient are dashed; symptom scores (no rater) are solid.
function seriesOf(groups, valueOf, rated) {
  return [...groups.entries()].map(([name, points]) => ({ name, dashed: rated && points[0].rater !== 'patient',
    points: points.map((p) => ({ date: p.date, y: valueOf(p), text: `${p.label}: ${p.value} on ${p.date}` })) }));
}

function panel(title, chart, series) {
  return el('div', { class: 'chart-panel' }, el('h4', {}, title), chart, legend(series));
}

function table(chart) {
  const rows = [
    ...chart.alliance.map((p) => [p.date, `${p.label} (${p.rater})`, p.value, p.normalised.toFixed(2)]),
    ...chart.symptoms.flatMap((s) => s.points.map((p) => [p.date, p.label, p.value, ''])),
  ].sort((a, b) => a[0].localeCompare(b[0]));
  return el('details', {}, el('summary', {}, 'Chart data as a table'),
    dataTable({ caption: 'The chart\'s data by date', headers: ['Date', 'Measure', 'Value', 'Normalised 0-1'],
      rows }));
}

export function renderChart(chart) {
  const symptoms = chart.symptoms.flatMap((s) => s.points);
  const dates = [...chart.alliance.map((p) => p.date), ...symptoms.map((p) => p.date)];
  const axis = dateAxis(dates);
  const alliance = seriesOf(groupBy(chart.alliance, (p) => `${p.label} (${p.rater})`), (p) => p.normalised,
    true);
  const symptomSeries = seriesOf(groupBy(symptoms, (p) => p.label), (p) => p.value, false);
  const top = Math.max(5, Math.ceil(Math.max(0, ...symptoms.map((p) => p.value)) / 5) * 5);
  const allianceTitle = 'Alliance ratings, normalised 0-1 (dashed: therapist; grey: low cut)';
  const trajectory = chart.trajectory;
  return el('figure', { class: 'chart' },
    panel(allianceTitle, lineChart({ id: 'chart-alliance', title: allianceTitle, axis, max: 1,
      yTicks: [0, 0.25, 0.5, 0.75, 1], format: (t) => t.toFixed(2), series: alliance,
      lines: chart.cuts.map((cut) => ({ y: cut.normalised,
        label: `${cut.label} low below ${cut.value} (${cut.threshold})` })) }), alliance),
    panel('Symptom scores (points)', lineChart({ id: 'chart-symptoms', title: 'Symptom scores (points)', axis,
      max: top, yTicks: [0, top / 2, top], series: symptomSeries }), symptomSeries),
    el('figcaption', {}, trajectory
      ? `Current episode ${trajectory.episode}: ${trajectory.points} patient rating(s), slope `
        + `${trajectory.slope >= 0 ? '+' : ''}${trajectory.slope.toFixed(3)} per session (normalised).`
      : 'No patient data: the request was not answered.'),
    table(chart));
}
