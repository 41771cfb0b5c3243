// What the clinician view shows, worked out from the answer of GET /view/api/patient: plain functions without the
// DOM (src/test/js/view-model.test.mjs runs them in node). Strings from the server stay strings here; render.js
// puts them into text nodes.

export const MESSAGES = {
  loading: 'Loading the patient\'s alliance and symptom measures…',
  noSession: 'Open this view from the patient\'s chart in your EHR.',
  noSessionDetail: 'The view shows a patient only after the EHR has opened it for that patient (a SMART launch).',
  expired: 'Your session with the EHR has expired — reopen the view from the chart.',
  error: 'The patient\'s data could not be loaded.',
  empty: 'No alliance or symptom measures yet. Ask the patient to complete the SRS (or WAI-SR) each session and the '
    + 'PHQ-9/GAD-7 at intake and every session; the therapist may add their own WAI-SR rating. The charts appear '
    + 'once the answers are recorded in the EHR.',
};

// What the page is in after the request: ready (data to render), no-session, expired, or error (with a retry).
export function stateOf(status, body) {
  if (status >= 200 && status < 300 && body && typeof body === 'object') {
    return { kind: 'ready', retry: false };
  }
  if (status === 401 && body?.problem === 'expired') {
    return { kind: 'expired', message: MESSAGES.expired, detail: body.message ?? null, retry: false };
  }
  if (status === 401) {
    return { kind: 'no-session', message: MESSAGES.noSession, detail: MESSAGES.noSessionDetail, retry: false };
  }
  const answer = status >= 200 && status < 300 ? 'an answer the view cannot read' : `HTTP ${status}`;
  return { kind: 'error', message: MESSAGES.error, detail: `The server answered with ${answer}.`, retry: true };
}

export function networkErrorState() {
  return { kind: 'error', message: MESSAGES.error, detail: 'The server could not be reached.', retry: true };
}

const list = (value) => (Array.isArray(value) ? value : []);

export function isEmpty(data) {
  return !list(data.alliance).length && !list(data.components).length
    && !list(data.symptoms).some((measure) => list(measure.points).length);
}

// The unreadable data, one sentence each, e.g. "EpisodeOfCare: the FHIR server refused this read (403)".
export function unreadableLines(data) {
  return list(data.unreadable).map((u) => `${u.resourceType ?? 'Some data'}: ${u.reason ?? 'could not be read'}`);
}

// Which chart a rule reads. The server may say so on the card ("reads": ["symptoms"]); otherwise the rule's id
// decides: outcome rules read the symptoms, alliance rules the alliance, others (readiness, style) neither.
const SYMPTOM_RULES = new Set(['NOT-ON-TRACK', 'SEVERE-SYMPTOM-SENSITIVITY']);
const ALLIANCE_RULES = new Set(['RATER-DISCREPANCY', 'MANDATED-ALLIANCE-CRITICAL']);

export function areaOf(rule, card) {
  const reads = list(card?.reads);
  if (reads.length) {
    return reads.includes('symptoms') && !reads.includes('alliance') ? 'symptoms'
      : (reads.includes('alliance') ? 'alliance' : null);
  }
  if (SYMPTOM_RULES.has(rule)) {
    return 'symptoms';
  }
  return typeof rule === 'string' && (rule.startsWith('ALLIANCE-') || ALLIANCE_RULES.has(rule)) ? 'alliance' : null;
}

// The cards, the one the clinician came from first (marked focused); the others keep the server's order.
export function orderCards(data) {
  const cards = list(data.cards).map((card) => ({ ...card, focused: data.focus != null && card.rule === data.focus }));
  return [...cards.filter((c) => c.focused), ...cards.filter((c) => !c.focused)];
}

// Where the page opens: the overview without a focus; with one, the chart area that rule reads (alliance or
// symptoms) comes right after the cards and takes the keyboard focus. `missing` says the rule no longer fires.
export function focusOf(data) {
  if (data.focus == null || data.focus === '') {
    return { rule: null, area: null, missing: false, order: ['alliance', 'symptoms'] };
  }
  const card = list(data.cards).find((c) => c.rule === data.focus);
  const area = areaOf(data.focus, card);
  return { rule: data.focus, area, missing: !card,
    order: area === 'symptoms' ? ['symptoms', 'alliance'] : ['alliance', 'symptoms'] };
}

// "Not on track" as the NHS Talking Therapies manual reads it: a change of at least the reliable change from the
// episode's baseline; higher is worse on every symptom measure shown. Unknown baseline or change: null.
export const CHANGE_LABELS = { worse: 'reliably worse', better: 'reliably better', none: 'no reliable change' };

export function classifyChange(value, baseline, reliableChange) {
  if (![value, baseline, reliableChange].every((n) => typeof n === 'number' && Number.isFinite(n))) {
    return null;
  }
  if (value - baseline >= reliableChange) {
    return 'worse';
  }
  return baseline - value >= reliableChange ? 'better' : 'none';
}

const sessionLabel = (p) => (p.episode != null ? `episode ${p.episode}, session ${p.session ?? '?'}` : '');
const byDate = (a, b) => a.date.localeCompare(b.date);
const text = (value) => String(value ?? '');
const fixed = (n) => (typeof n === 'number' ? n.toFixed(2) : '');

// One time axis for every chart: all dates of the answer; ticks at the sessions; a mark at each episode's start.
export function timeline(data) {
  const episodes = list(data.episodes);
  const sessions = episodes.flatMap((e) => list(e.sessions).map((s) => s.date));
  const points = [...list(data.alliance), ...list(data.components),
    ...list(data.symptoms).flatMap((m) => list(m.points))].map((p) => p.date);
  const dates = [...new Set([...points, ...sessions, ...episodes.flatMap((e) => [e.start, e.end])]
    .filter((d) => typeof d === 'string'))].sort();
  return { dates, ticks: sessions.length ? sessions : points,
    marks: episodes.filter((e) => e.start).map((e) => ({ date: e.start, label: `Episode ${e.number}` })) };
}

function ratingSeries(points) {
  const groups = new Map();
  [...points].sort(byDate).forEach((p) => {
    const name = `${p.label} (${p.rater})`;
    groups.set(name, [...(groups.get(name) ?? []), p]);
  });
  return [...groups.entries()].map(([name, group]) => ({ name, dashed: group[0].rater !== 'patient',
    points: group.map((p) => ({ date: p.date, y: p.normalised, segment: p.episode,
      text: `${name}: ${p.value} (${fixed(p.normalised)} of the scale) on ${p.date}, ${sessionLabel(p)}` })) }));
}

export const allianceSeries = (data) => ratingSeries(list(data.alliance));
export const componentSeries = (data) => ratingSeries(list(data.components));

// Alliance ratings bunch near the top of their scales: when every rating and cut is at 0.5 or above, the axis
// starts at 0.5 (and says so), so that a fall of a few points is visible.
export function ratingScale(series, lines = []) {
  const values = [...series.flatMap((s) => s.points.map((p) => p.y)), ...lines.map((l) => l.y)];
  return values.length && values.every((v) => v >= 0.5)
    ? { min: 0.5, yTicks: [0.5, 0.6, 0.7, 0.8, 0.9, 1], range: '0.5-1' }
    : { min: 0, yTicks: [0, 0.25, 0.5, 0.75, 1], range: '0-1' };
}

export function cutLines(data) {
  return list(data.cuts).map((cut) => ({ y: cut.normalised, cls: 'cut',
    label: `${cut.label}: low below ${cut.value}` }));
}

function cutOf(data, point) {
  return list(data.cuts).find((cut) => cut.label === point.label);
}

export const ALLIANCE_HEADERS = ['Date', 'Episode', 'Session', 'Measure', 'Rated by', 'Value', 'Normalised 0-1',
  'Against the cut'];

export function allianceRows(data) {
  const byRater = (a, b) => byDate(a, b) || text(a.rater).localeCompare(text(b.rater));
  return [...list(data.alliance)].sort(byRater).map((p) => {
    const cut = cutOf(data, p);
    const against = cut ? (p.value < cut.value ? `below the cut (${cut.value})` : `at or above the cut (${cut.value})`)
      : '';
    return [p.date, p.episode ?? '', p.session ?? '', p.label, p.rater, p.value, fixed(p.normalised), against];
  });
}

export const COMPONENT_HEADERS = ['Date', 'Episode', 'Session', 'Component', 'Rated by', 'Value', 'Normalised 0-1'];

export function componentRows(data) {
  return [...list(data.components)].sort((a, b) => byDate(a, b) || text(a.label).localeCompare(text(b.label)))
    .map((p) => [p.date, p.episode ?? '', p.session ?? '', p.label, p.rater, p.value, fixed(p.normalised)]);
}

// A summary for the chart's accessible name: per series, how many ratings and the latest.
export function ratingSummary(series, what) {
  if (!series.length) {
    return `${what}: no ratings.`;
  }
  return `${what}. ${series.map((s) => {
    const last = s.points[s.points.length - 1];
    return `${s.name}: ${s.points.length} rating(s), latest ${fixed(last.y)} on ${last.date}.`;
  }).join(' ')}`;
}

function niceMax(measure) {
  if (typeof measure.max === 'number' && measure.max > 0) {
    return measure.max;
  }
  const values = [...list(measure.points).map((p) => p.value), measure.caseness ?? 0,
    (measure.baseline?.value ?? 0) + (measure.reliableChange ?? 0)];
  return Math.max(5, Math.ceil(Math.max(...values) / 5) * 5);
}

// One symptom measure's chart: its points (flagged when reliably worse than the episode's baseline), the caseness
// line, and the band baseline ± reliable change from the baseline's date on.
export function symptomChart(measure) {
  const max = niceMax(measure);
  const base = measure.baseline;
  const rc = measure.reliableChange;
  const points = [...list(measure.points)].sort(byDate).map((p) => {
    const change = base && p.date >= base.date ? classifyChange(p.value, base.value, rc) : null;
    return { date: p.date, y: p.value, segment: p.episode, flag: change === 'worse' ? 'worse' : null,
      text: `${measure.label}: ${p.value} on ${p.date}, ${sessionLabel(p)}`
        + (change ? `: ${CHANGE_LABELS[change]}` : '') };
  });
  return {
    max,
    yTicks: [0, 1, 2, 3].map((i) => Math.round((max * i) / 3)),
    series: [{ name: measure.label, dashed: false, points }],
    lines: typeof measure.caseness === 'number'
      ? [{ y: measure.caseness, cls: 'cut caseness', label: `caseness: ${measure.caseness} or more` }] : [],
    bands: base && typeof rc === 'number' ? [{ low: Math.max(0, base.value - rc), high: Math.min(max, base.value + rc),
      from: base.date, label: `baseline ${base.value} ± ${rc}: no reliable change` }] : [],
  };
}

export const SYMPTOM_HEADERS = ['Date', 'Episode', 'Session', 'Score', 'Change from baseline', 'Reliable change',
  'Caseness'];

export function symptomRows(measure) {
  const base = measure.baseline;
  return [...list(measure.points)].sort(byDate).map((p) => {
    const counted = base && p.date >= base.date;
    const change = counted ? classifyChange(p.value, base.value, measure.reliableChange) : null;
    const delta = counted ? p.value - base.value : null;
    return [p.date, p.episode ?? '', p.session ?? '', p.value,
      delta === null ? 'before this episode\'s baseline' : `${delta > 0 ? '+' : ''}${delta}`,
      change ? CHANGE_LABELS[change] : '',
      typeof measure.caseness === 'number' ? (p.value >= measure.caseness ? 'case' : 'below caseness') : ''];
  });
}

export function symptomSummary(measure) {
  const points = [...list(measure.points)].sort(byDate);
  if (!points.length) {
    return `${measure.label}: no scores.`;
  }
  const last = points[points.length - 1];
  const base = measure.baseline;
  const change = base ? classifyChange(last.value, base.value, measure.reliableChange) : null;
  return `${measure.label}: ${points.length} score(s), latest ${last.value} on ${last.date}`
    + (base ? `; episode baseline ${base.value} on ${base.date}` : '')
    + (change ? `: ${CHANGE_LABELS[change]} (reliable change ${measure.reliableChange})` : '')
    + (typeof measure.caseness === 'number' ? `; caseness ${measure.caseness} or more.` : '.');
}

export const EPISODE_HEADERS = ['Episode', 'Start', 'End', 'Sessions', 'Session dates'];

export function episodeRows(data) {
  return list(data.episodes).map((e) => [`Episode ${e.number}`, e.start ?? '', e.end ?? 'ongoing',
    list(e.sessions).length, list(e.sessions).map((s) => `${s.session}: ${s.date}`).join(', ')]);
}
