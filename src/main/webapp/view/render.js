// The clinician view's sections as DOM, from the model: the cards with their reasons, the alliance and symptom
// charts on one time axis, each with its table, and the episodes. Text from the server goes into text nodes only;
// a card's detail goes through the shared markdown renderer, which escapes it.
import { el } from '../shared/dom.js';
import { cardArticle } from '../shared/cards.js';
import { dataTable, dateAxis, legend, lineChart } from '../shared/chart.js';
import {
  ALLIANCE_HEADERS, COMPONENT_HEADERS, EPISODE_HEADERS, MESSAGES, SYMPTOM_HEADERS, allianceRows, allianceSeries,
  componentRows, componentSeries, cutLines, episodeRows, orderCards, ratingSummary, symptomChart, symptomRows,
  ratingScale, symptomSummary, timeline, unreadableLines,
} from './model.js';

// A button shows and hides the table; printed, the table is always there (view.css).
function tableToggle(id, table) {
  const wrap = el('div', { id: `${id}-table`, class: 'table-wrap', hidden: true }, table);
  const button = el('button', { type: 'button', class: 'table-toggle', 'aria-expanded': 'false',
    'aria-controls': wrap.id }, 'Show as a table');
  button.addEventListener('click', () => {
    wrap.hidden = !wrap.hidden;
    button.setAttribute('aria-expanded', String(!wrap.hidden));
    button.textContent = wrap.hidden ? 'Show as a table' : 'Hide the table';
  });
  return [button, wrap];
}

function chartPanel({ id, heading, chart, series, table, note }) {
  return el('div', { class: 'chart-panel', id: `${id}-panel` },
    el('h3', {}, heading),
    note ? el('p', { class: 'chart-note' }, note) : null,
    chart, legend(series), tableToggle(id, table));
}

function ratingPanel({ id, heading, what, series, lines, caption, headers, rows, axis, marks, note }) {
  const summary = ratingSummary(series, what);
  const scale = ratingScale(series, lines);
  return chartPanel({ id, heading: `${heading}, normalised (axis ${scale.range})`, series, note,
    chart: lineChart({ id, title: heading, description: summary, axis, min: scale.min, max: 1, yTicks: scale.yTicks,
      format: (t) => t.toFixed(2), series, lines, marks, empty: 'no ratings' }),
    table: dataTable({ id: `${id}-data`, caption, headers, rows }) });
}

export function renderAlliance(data, axis, marks) {
  const series = allianceSeries(data);
  const components = componentSeries(data);
  return el('section', { id: 'alliance', class: 'area', 'aria-labelledby': 'alliance-heading' },
    el('h2', { id: 'alliance-heading', tabindex: '-1' }, 'Alliance per session'),
    el('div', { class: 'charts' },
      ratingPanel({ id: 'chart-alliance', heading: 'Alliance ratings', axis, marks, series,
        what: 'Alliance ratings per session, normalised 0 to 1', lines: cutLines(data),
        note: 'Patient: solid line; therapist: dashed line. Grey dotted line: the instrument\'s low cut.',
        caption: 'Alliance ratings per session, patient and therapist', headers: ALLIANCE_HEADERS,
        rows: allianceRows(data) }),
      components.length ? ratingPanel({ id: 'chart-components', heading: 'Parts of the alliance',
        axis, marks, series: components, lines: [],
        what: 'Parts of the alliance per session (SRS items, WAI-SR goal, task and bond), normalised 0 to 1',
        note: 'Each part has its own marker; the table lists the values.',
        caption: 'Parts of the alliance per session', headers: COMPONENT_HEADERS, rows: componentRows(data) })
        : null));
}

function symptomPanel(measure, index, axis, marks) {
  const id = `chart-symptom-${index}`;
  const model = symptomChart(measure);
  const band = model.bands.length ? 'Shaded band: the episode\'s baseline ± the reliable change; a point above it is '
    + 'reliably worse (drawn with a dark outline), below it reliably better.' : 'No baseline or reliable change known.';
  return chartPanel({ id, heading: `${measure.label} (points, 0-${model.max})`, series: model.series,
    note: `${band} ${model.lines.length ? 'Dotted line: caseness.' : ''}`,
    chart: lineChart({ id, title: `${measure.label} per session`, description: symptomSummary(measure), axis,
      max: model.max, yTicks: model.yTicks, series: model.series, lines: model.lines, bands: model.bands, marks,
      empty: 'no scores' }),
    table: dataTable({ id: `${id}-data`, caption: `${measure.label} per session, against the episode's baseline`,
      headers: SYMPTOM_HEADERS, rows: symptomRows(measure) }) });
}

export function renderSymptoms(data, axis, marks) {
  const measures = (data.symptoms ?? []).filter((m) => (m.points ?? []).length);
  return el('section', { id: 'symptoms', class: 'area', 'aria-labelledby': 'symptoms-heading' },
    el('h2', { id: 'symptoms-heading', tabindex: '-1' }, 'Symptoms per session'),
    measures.length ? el('div', { class: 'charts' }, measures.map((m, i) => symptomPanel(m, i, axis, marks)))
      : el('p', { class: 'empty' }, 'No symptom scores yet (PHQ-9, GAD-7 …).'));
}

export function renderEpisodes(data) {
  const rows = episodeRows(data);
  return el('section', { id: 'episodes', 'aria-labelledby': 'episodes-heading' },
    el('h2', { id: 'episodes-heading' }, 'Episodes and sessions'),
    rows.length ? dataTable({ id: 'episodes-data', caption: 'Episodes of care and their sessions (dashed vertical '
      + 'lines in the charts mark where each episode starts)', headers: EPISODE_HEADERS, rows })
      : el('p', { class: 'empty' }, 'No episode of care recorded.'));
}

function why(card) {
  const reasons = card.why ?? [];
  return reasons.length ? el('div', { class: 'card-why' }, el('h5', {}, 'Why it fires now'),
    el('ul', {}, reasons.map((reason) => el('li', {}, reason)))) : null;
}

export function renderCards(data) {
  const cards = orderCards(data);
  return el('section', { id: 'cards', 'aria-labelledby': 'cards-heading' },
    el('h2', { id: 'cards-heading' }, 'Cards that fire now'),
    cards.length ? el('div', { class: 'card-list' }, cards.map((card, index) => cardArticle({
      indicator: card.indicator, summary: card.summary, detail: card.detail, rule: card.rule, index,
      cls: card.focused ? 'card--focused' : '' },
    card.focused ? el('p', { class: 'opened-from' }, 'You opened the view from this card.') : null,
    why(card), el('p', { class: 'card-source' }, 'Rule ', el('code', {}, card.rule ?? ''), ` · rule base ${
      data.ruleBaseVersion ?? 'unknown'}`))))
      : el('p', { class: 'empty' }, 'No card fires now for this patient.'));
}

export function renderNotices(data, focus) {
  const unreadable = unreadableLines(data);
  return [
    unreadable.length ? el('div', { class: 'message message--warning', role: 'note', id: 'unreadable' },
      el('p', {}, el('strong', {}, 'Some of the patient\'s data could not be read; '
        + 'the charts show the rest and may be incomplete.')),
      el('ul', {}, unreadable.map((line) => el('li', {}, line)))) : null,
    focus.missing ? el('p', { class: 'message message--info', id: 'focus-missing' },
      `The card you came from (${focus.rule}) does not fire now; the data it reads is shown below.`) : null,
  ];
}

export function renderEmpty() {
  return el('section', { id: 'empty', 'aria-labelledby': 'empty-heading' },
    el('h2', { id: 'empty-heading' }, 'Nothing measured yet'),
    el('p', {}, MESSAGES.empty));
}

// The charts' shared axis and episode marks, from every date in the answer.
export function axisOf(data) {
  const line = timeline(data);
  return { axis: dateAxis(line.dates, line.ticks), marks: line.marks };
}

export function renderPatient(data) {
  const patient = data.patient ?? {};
  return [
    el('span', { class: 'patient-name' }, patient.name ?? 'Name not available'),
    el('span', { class: 'meta' }, `Patient id ${patient.id ?? 'unknown'} · rule base ${data.ruleBaseVersion
      ?? 'unknown'} · what the service sees now; nothing is stored`),
  ];
}
