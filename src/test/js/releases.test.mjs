// Unit tests of the console's Releases section logic, src/main/webapp/console/release-model.js: which steps each
// release offers, when a switch is pending, the shadow report's and the history's rows, a refusal's problems.
// Run by Maven in the test phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SOURCE = readFileSync(new URL('../../main/webapp/console/release-model.js', import.meta.url), 'utf8');

// release-model.js imports nothing, so it loads from a data: URL as an ES module (see markdown.test.mjs).
const model = await import(`data:text/javascript;base64,${Buffer.from(SOURCE).toString('base64')}`);

const NOW = new Date('2026-12-06T12:00:00Z');

function overview(active, releases, more = {}) {
  return { active, releases: releases.map(([version, state]) => ({ version, state })), history: [], instances: [],
    ...more };
}

const stepsOf = (o, version) => model.stepsFor(o.releases.find((r) => r.version === version), o);

test('versions order by Semantic Versioning precedence, pre-releases before their release', () => {
  const sorted = ['2.10.0', '2.1.0', '2.1.0-rc.1', '2.1.0-rc.10', '2.1.0-rc.2', '2.1.0-beta', '10.0.0', '2.0.9']
    .sort(model.compareVersions);
  assert.deepEqual(sorted, ['2.0.9', '2.1.0-beta', '2.1.0-rc.1', '2.1.0-rc.2', '2.1.0-rc.10', '2.1.0', '2.10.0',
    '10.0.0']);
  assert.equal(model.compareVersions('2.1.0', '2.1.0'), 0);
  assert.equal(model.compareVersions('1.0.0-alpha', '1.0.0-1'), 1, 'numeric identifiers come first');
});

test('a draft above the active release can be shadowed or activated; the active one offers nothing', () => {
  const o = overview('2.0.0', [['2.1.0', 'draft'], ['2.0.0', 'active']]);
  assert.deepEqual(stepsOf(o, '2.1.0'), ['shadow', 'activate']);
  assert.deepEqual(stepsOf(o, '2.0.0'), []);
});

test('the candidate in shadow can be stopped or activated', () => {
  const o = overview('2.0.0', [['2.1.0', 'shadow'], ['2.0.0', 'active']]);
  assert.deepEqual(stepsOf(o, '2.1.0'), ['stop-shadow', 'activate']);
});

test('a release below the active one is rolled back to, one above it activated again; a scheduled one waits', () => {
  const o = overview('2.1.0', [['2.2.0', 'retired'], ['2.1.0', 'active'], ['2.0.0', 'retired'],
    ['3.0.0', 'scheduled']]);
  assert.deepEqual(stepsOf(o, '2.0.0'), ['shadow', 'rollback']);
  assert.deepEqual(stepsOf(o, '2.2.0'), ['shadow', 'activate']);
  assert.deepEqual(stepsOf(o, '3.0.0'), []);
  assert.deepEqual(stepsOf(overview(undefined, [['1.0.0', 'draft']]), '1.0.0'), ['shadow', 'activate'],
    'with none active, any release can be activated');
});

test('each step posts its comment, trimmed, to its own path; an activation at a time carries it', () => {
  assert.deepEqual(model.stepRequest('shadow', '2.1.0', ' try it ', null),
    { path: 'releases/2.1.0/shadow', body: { comment: 'try it' } });
  assert.deepEqual(model.stepRequest('stop-shadow', '2.1.0', 'enough', null),
    { path: 'releases/shadow/stop', body: { comment: 'enough' } });
  assert.deepEqual(model.stepRequest('activate', '2.1.0', 'reviewed', null),
    { path: 'releases/2.1.0/activate', body: { comment: 'reviewed' } });
  assert.deepEqual(model.stepRequest('activate', '2.1.0', 'tonight', '2026-12-07T02:00:00.000Z'),
    { path: 'releases/2.1.0/activate', body: { comment: 'tonight', at: '2026-12-07T02:00:00.000Z' } });
  assert.deepEqual(model.stepRequest('rollback', '2.0.0-rc.1', 'complaints', null),
    { path: 'releases/2.0.0-rc.1/rollback', body: { comment: 'complaints' } });
  assert.throws(() => model.stepRequest('delete', '2.0.0', 'x', null));
});

test('a comment of white space is no comment', () => {
  assert.equal(model.hasComment(''), false);
  assert.equal(model.hasComment('  \n '), false);
  assert.equal(model.hasComment(undefined), false);
  assert.equal(model.hasComment('reviewed'), true);
});

test('an activation time is the local field read as an instant, and must lie ahead', () => {
  assert.equal(model.activationInstant('', NOW), null);
  const local = new Date(NOW.getTime() + 3_600_000);
  const field = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-`
    + `${String(local.getDate()).padStart(2, '0')}T${String(local.getHours()).padStart(2, '0')}:`
    + `${String(local.getMinutes()).padStart(2, '0')}`;
  assert.equal(model.activationInstant(field, NOW), '2026-12-06T13:00:00.000Z');
  assert.throws(() => model.activationInstant('2026-12-05T10:00', NOW), /has passed/);
  assert.throws(() => model.activationInstant('tomorrow', NOW), /not a date and time/);
});

test('a switch is pending while a step takes effect later or a live instance serves another release', () => {
  const settled = overview('2.1.0', [], {
    instances: [{ instance: 'a', serving: '2.1.0', live: true }, { instance: 'old', serving: '2.0.0', live: false }],
    history: [{ action: 'activated', version: '2.1.0', effectiveAt: '2026-12-06T11:59:57Z' }],
  });
  assert.equal(model.switchPending(settled, NOW), false, 'a gone instance is not waited for');
  assert.equal(model.switchPending({ ...settled, history: [{ action: 'activated', version: '2.2.0',
    effectiveAt: '2026-12-06T12:00:03Z' }] }, NOW), true);
  assert.equal(model.switchPending({ ...settled, instances: [{ instance: 'b', serving: '2.0.0', live: true }] },
    NOW), true);
});

test('the report shown is the one chosen, else the candidate in shadow, else the last one shadowed', () => {
  const history = [{ action: 'activated', version: '2.1.0' }, { action: 'shadow-started', version: '2.1.0' },
    { action: 'shadow-started', version: '2.0.5' }];
  const o = overview('2.1.0', [['2.1.0', 'active'], ['2.0.5', 'draft']], { history });
  assert.equal(model.reportVersion(o, null), '2.1.0');
  assert.equal(model.reportVersion(o, '2.0.5'), '2.0.5');
  assert.equal(model.reportVersion(o, '9.9.9'), '2.1.0', 'a release no longer listed is not asked for');
  assert.equal(model.reportVersion({ ...o, shadow: '2.0.5' }, null), '2.0.5');
  assert.equal(model.reportVersion(overview('2.0.0', [['2.0.0', 'active']]), null), null);
});

test('the report says how many calls differ, and lists each rule with every kind of change counted', () => {
  const report = {
    candidate: '2.1.0', comparedCalls: 8, differingCalls: 6,
    rules: [
      { rule: 'SUICIDE-RISK-ITEM', differences: 1, counts: { removed: 1 }, examples: [] },
      { rule: 'ALLIANCE-LOW-NOW', differences: 6, counts: { summary: 5, indicator: 1 }, examples: [
        { change: 'summary', recordedAt: '2026-12-06T11:00:00.123Z', instance: 'releases-a', liveVersion: '2.0.0',
          hook: 'patient-view', patient: 'ab12', live: 'show acceptance and empathy',
          candidate: 'show acceptance and warmth' },
        { change: 'added', recordedAt: '2026-12-06T11:00:01Z', instance: 'releases-b', liveVersion: '2.0.0',
          hook: 'patient-view', live: null, candidate: 'new card' },
      ] },
    ],
  };
  assert.equal(model.reportHeadline(report), '6 of 8 compared calls differ (75 %) with 2.1.0.');
  assert.match(model.reportHeadline({ candidate: '2.1.0', comparedCalls: 0, differingCalls: 0 }),
    /^No calls compared yet/);
  const rows = model.reportRows(report);
  assert.deepEqual(rows.map((row) => row.rule), ['ALLIANCE-LOW-NOW', 'SUICIDE-RISK-ITEM'], 'most differences first');
  assert.deepEqual(rows[0].counts, [{ change: 'added', count: 0 }, { change: 'removed', count: 0 },
    { change: 'indicator', count: 1 }, { change: 'summary', count: 5 }]);
  assert.deepEqual(rows[0].examples[0], { change: 'summary changed', at: '2026-12-06 11:00:00 UTC',
    where: 'patient-view on releases-a, live release 2.0.0', live: 'show acceptance and empathy',
    candidate: 'show acceptance and warmth' });
  assert.equal(rows[0].examples[1].live, 'no card', 'a card only the candidate gives');
});

test('the history reads who did what, when, why and from when it counts', () => {
  const rows = model.historyRows([
    { id: 4, version: '2.0.0', action: 'rolled-back', admin: 'it-informaticist', at: '2026-12-06T11:00:00.5Z',
      comment: 'complaints', effectiveAt: '2026-12-06T11:00:03.5Z' },
    { id: 3, version: '2.1.0', action: 'shadow-started', admin: 'ana', at: '2026-12-06T10:00:00Z', comment: 'try' },
  ]);
  assert.deepEqual(rows[0], { id: 4, at: '2026-12-06 11:00:00 UTC', what: 'rolled back to 2.0.0',
    action: 'rolled-back', version: '2.0.0', who: 'it-informaticist', why: 'complaints',
    effective: '2026-12-06 11:00:03 UTC' });
  assert.equal(rows[1].what, 'shadow started 2.1.0');
  assert.equal(rows[1].effective, '');
});

test('a release\'s content reads as its rule files and its size', () => {
  assert.equal(model.contentSize({ ruleFiles: 23, contentBytes: 1200556 }), '23 rule files, 1.2 MB');
  assert.equal(model.contentSize({ ruleFiles: 1, contentBytes: 4200 }), '1 rule file, 4 kB');
  assert.equal(model.contentSize({ ruleFiles: 0, contentBytes: 10 }), '0 rule files, 1 kB', 'never "0 kB"');
});

test('a release the rules check refused lists its problems at their file and line; other refusals are words', () => {
  const checked = model.refusal(422, 'release 99.0.0 not created: the rules check found 2 problem(s)\n'
    + 'rules/alliance-low-now.drl:12: mismatched input\nrules/scenarios/X/a.json: expected X to fire');
  assert.equal(checked.message, 'release 99.0.0 not created: the rules check found 2 problem(s)');
  assert.deepEqual(checked.problems, [
    { location: 'rules/alliance-low-now.drl:12', message: 'mismatched input' },
    { location: '', message: 'rules/scenarios/X/a.json: expected X to fire' }]);
  assert.deepEqual(model.refusal(422, 'not created\r\n  rules/a.drl:3:7 bad token\r\n').problems,
    [{ location: 'rules/a.drl:3:7', message: 'bad token' }], 'indented, with a column, Windows line ends');
  assert.deepEqual(model.refusal(409, 'release 2.1.0 exists'), { status: 409, message: 'release 2.1.0 exists',
    problems: [] });
});
