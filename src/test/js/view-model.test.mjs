// Unit tests of the clinician view's model, src/main/webapp/view/model.js (what the page shows for each answer of
// GET /view/api/patient), against the fixtures in src/test/resources/view/. Run by Maven in the test phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SOURCE = readFileSync(new URL('../../main/webapp/view/model.js', import.meta.url), 'utf8');
const fixture = (name) => JSON.parse(readFileSync(new URL(`../resources/view/${name}`, import.meta.url), 'utf8'));

// model.js imports nothing, so it loads from a data: URL as an ES module (see markdown.test.mjs).
const model = await import(`data:text/javascript;base64,${Buffer.from(SOURCE).toString('base64')}`);
const TRAJECTORY = fixture('patient-trajectory.json');
const EMPTY = fixture('patient-empty.json');
const PHQ9 = TRAJECTORY.symptoms.find((m) => m.measure === 'phq9.total');
const GAD7 = TRAJECTORY.symptoms.find((m) => m.measure === 'gad7.total');

test('an answer with data is rendered; the two refusals say what to do and offer no retry', () => {
  assert.equal(model.stateOf(200, TRAJECTORY).kind, 'ready');
  const expired = model.stateOf(401, { problem: 'expired', message: 'The EHR refused the token.' });
  assert.deepEqual([expired.kind, expired.retry, expired.detail], ['expired', false, 'The EHR refused the token.']);
  assert.match(expired.message, /session with the EHR has expired.*reopen the view from the chart/);
  const noSession = model.stateOf(401, { problem: 'no-session' });
  assert.deepEqual([noSession.kind, noSession.retry], ['no-session', false]);
  assert.equal(noSession.message, 'Open this view from the patient\'s chart in your EHR.');
  assert.equal(model.stateOf(401, null).kind, 'no-session', 'a 401 without our body is still no session');
});

test('server errors, unreadable answers and an unreachable server offer a retry', () => {
  for (const state of [model.stateOf(503, { message: 'not ready' }), model.stateOf(500, null),
    model.stateOf(200, null), model.networkErrorState()]) {
    assert.deepEqual([state.kind, state.retry], ['error', true]);
  }
  assert.equal(model.stateOf(502, null).detail, 'The server answered with HTTP 502.');
});

test('no measures at all is the empty state, which says what to measure; cards alone do not fill it', () => {
  assert.equal(model.isEmpty(EMPTY), true);
  assert.equal(model.isEmpty(TRAJECTORY), false);
  assert.equal(model.isEmpty({ ...EMPTY, cards: [{ rule: 'ALLIANCE-NOT-MEASURED' }],
    symptoms: [{ ...PHQ9, points: [] }] }), true);
  assert.match(model.MESSAGES.empty, /SRS \(or WAI-SR\) each session and the PHQ-9\/GAD-7 at intake and every session/);
});

test('the card the clinician came from is first and focused, and its chart area follows the cards', () => {
  const cards = model.orderCards({ ...TRAJECTORY, cards: [{ rule: 'ALLIANCE-RUPTURE' }, ...TRAJECTORY.cards] });
  assert.deepEqual(cards.map((c) => [c.rule, c.focused]), [['NOT-ON-TRACK', true], ['ALLIANCE-RUPTURE', false]]);
  assert.deepEqual(model.focusOf(TRAJECTORY),
    { rule: 'NOT-ON-TRACK', area: 'symptoms', missing: false, order: ['symptoms', 'alliance'] });
});

test('without a focus the view opens on its overview, alliance first, no card singled out', () => {
  const overview = { ...TRAJECTORY, focus: null };
  assert.deepEqual(model.focusOf(overview),
    { rule: null, area: null, missing: false, order: ['alliance', 'symptoms'] });
  assert.deepEqual(model.orderCards(overview).map((c) => c.focused), [false]);
});

test('a focus rule that no longer fires still leads to its data, and says it does not fire', () => {
  assert.deepEqual(model.focusOf({ ...TRAJECTORY, focus: 'ALLIANCE-RUPTURE' }),
    { rule: 'ALLIANCE-RUPTURE', area: 'alliance', missing: true, order: ['alliance', 'symptoms'] });
});

test('rules read the alliance or the symptoms; a card\'s own "reads" wins over the rule id', () => {
  assert.equal(model.areaOf('NOT-ON-TRACK'), 'symptoms');
  assert.equal(model.areaOf('SEVERE-SYMPTOM-SENSITIVITY'), 'symptoms');
  for (const rule of ['ALLIANCE-LOW-NOW', 'ALLIANCE-NOT-FORMED', 'RATER-DISCREPANCY', 'MANDATED-ALLIANCE-CRITICAL']) {
    assert.equal(model.areaOf(rule), 'alliance', rule);
  }
  assert.equal(model.areaOf('LOW-READINESS'), null);
  assert.equal(model.areaOf('LOW-READINESS', { reads: ['symptoms'] }), 'symptoms');
  assert.equal(model.areaOf('NOT-ON-TRACK', { reads: ['alliance', 'symptoms'] }), 'alliance');
});

test('reliable change from the baseline: at least the change up is worse, at least down is better', () => {
  assert.equal(model.classifyChange(22, 16, 6), 'worse', 'exactly the reliable change counts');
  assert.equal(model.classifyChange(21, 16, 6), 'none');
  assert.equal(model.classifyChange(11, 16, 6), 'none');
  assert.equal(model.classifyChange(10, 16, 6), 'better');
  assert.equal(model.classifyChange(22, 16, null), null, 'no reliable change known: no verdict');
  assert.equal(model.classifyChange(22, undefined, 6), null);
});

test('the PHQ-9 table: every session, the change from this episode\'s baseline and its verdict', () => {
  const rows = model.symptomRows(PHQ9);
  assert.equal(rows.length, 12);
  assert.deepEqual(rows[0], ['2026-08-03', 1, 1, 19, 'before this episode\'s baseline', '', 'case']);
  assert.deepEqual(rows[3], ['2026-09-14', 2, 1, 16, '0', 'no reliable change', 'case']);
  assert.deepEqual(rows[11], ['2026-11-09', 2, 9, 22, '+6', 'reliably worse', 'case']);
  assert.equal(model.SYMPTOM_HEADERS.length, rows[0].length);
});

test('the PHQ-9 chart: caseness line, band baseline ± reliable change from the baseline on, worse flagged', () => {
  const chart = model.symptomChart(PHQ9);
  assert.deepEqual([chart.max, chart.yTicks], [27, [0, 9, 18, 27]]);
  assert.deepEqual(chart.lines.map((l) => l.y), [10]);
  assert.deepEqual(chart.bands.map((b) => [b.low, b.high, b.from]), [[10, 22, '2026-09-14']]);
  const points = chart.series[0].points;
  assert.deepEqual(points.filter((p) => p.flag === 'worse').map((p) => p.date), ['2026-11-09']);
  assert.deepEqual(new Set(points.map((p) => p.segment)), new Set([1, 2]), 'the line breaks between episodes');
  assert.match(points[11].text, /22 on 2026-11-09, episode 2, session 9: reliably worse/);
});

test('a measure without caseness, reliable change or baseline draws neither line nor band', () => {
  const audit = { label: 'AUDIT total', max: null, caseness: null, reliableChange: null, baseline: null,
    points: [{ date: '2026-10-01', value: 12 }] };
  const chart = model.symptomChart(audit);
  assert.deepEqual([chart.lines, chart.bands, chart.max], [[], [], 15]);
  assert.deepEqual(model.symptomRows(audit)[0].slice(3), [12, 'before this episode\'s baseline', '', '']);
});

test('the summaries name the latest score and the verdict: PHQ-9 worse, GAD-7 not reliably changed', () => {
  assert.equal(model.symptomSummary(PHQ9), 'PHQ-9 total: 12 score(s), latest 22 on 2026-11-09; episode baseline 16 '
    + 'on 2026-09-14: reliably worse (reliable change 6); caseness 10 or more.');
  assert.match(model.symptomSummary(GAD7), /latest 12 on 2026-11-09; .*: no reliable change \(reliable change 4\)/);
});

test('the alliance table: patient and therapist per session by date, the patient\'s SRS against its cut', () => {
  const rows = model.allianceRows(TRAJECTORY);
  assert.equal(rows.length, 21);
  assert.deepEqual(rows.map((r) => r[0]), [...rows.map((r) => r[0])].sort());
  assert.deepEqual(rows.at(-2), ['2026-11-09', 2, 9, 'SRS total', 'patient', 31, '0.78', 'below the cut (36)']);
  assert.deepEqual(rows.at(-1), ['2026-11-09', 2, 9, 'WAI-SR mean', 'therapist', 4.4, '0.88', '']);
  assert.equal(model.ALLIANCE_HEADERS.length, rows[0].length);
});

test('the alliance series: the patient solid, the therapist dashed, the axis from 0.5 when all is above it', () => {
  const series = model.allianceSeries(TRAJECTORY);
  assert.deepEqual(series.map((s) => [s.name, s.dashed, s.points.length]),
    [['SRS total (patient)', false, 12], ['WAI-SR mean (therapist)', true, 9]]);
  assert.equal(model.ratingScale(series, model.cutLines(TRAJECTORY)).min, 0.5);
  assert.equal(model.ratingScale([{ points: [{ y: 0.3 }] }]).min, 0);
  assert.match(model.ratingSummary(series, 'Alliance'),
    /SRS total \(patient\): 12 rating\(s\), latest 0.78 on 2026-11-09/);
});

test('the components table lists every SRS item of every session', () => {
  const rows = model.componentRows(TRAJECTORY);
  assert.equal(rows.length, 48);
  assert.deepEqual(rows[0], ['2026-08-03', 1, 1, 'SRS approach', 'patient', 8, '0.80']);
  assert.deepEqual(model.componentSeries(TRAJECTORY).map((s) => s.name), ['SRS relationship (patient)',
    'SRS goals (patient)', 'SRS approach (patient)', 'SRS overall (patient)']);
});

test('one time axis: every date of the answer, ticks at the sessions, a mark where each episode starts', () => {
  const line = model.timeline(TRAJECTORY);
  assert.equal(line.dates[0], '2026-07-27');
  assert.equal(line.dates.at(-1), '2026-11-09');
  assert.equal(line.ticks.length, 12);
  assert.deepEqual(line.marks,
    [{ date: '2026-07-27', label: 'Episode 1' }, { date: '2026-09-07', label: 'Episode 2' }]);
  assert.deepEqual(model.timeline(EMPTY), { dates: [], ticks: [], marks: [] });
});

test('episodes as rows, the current one ongoing', () => {
  assert.deepEqual(model.episodeRows(TRAJECTORY).map((r) => r.slice(0, 4)),
    [['Episode 1', '2026-07-27', '2026-08-24', 3], ['Episode 2', '2026-09-07', 'ongoing', 9]]);
});

test('unreadable data is named with the reason', () => {
  assert.deepEqual(model.unreadableLines(TRAJECTORY), []);
  assert.deepEqual(model.unreadableLines({ unreadable: [{ resourceType: 'EpisodeOfCare',
    reason: 'the FHIR server refused this read (403)' }] }),
  ['EpisodeOfCare: the FHIR server refused this read (403)']);
});
