// The Releases section's parts drawn from the API's answers: instances, releases with their steps, the shadow
// report and the history. What to show is worked out in release-model.js; this only makes the elements.
import { el } from '../shared/dom.js';
import {
  contentSize, historyRows, instant, reportHeadline, reportRows, STEP_WORDS, stepsFor,
} from './release-model.js';

const head = (...names) => el('thead', {}, el('tr', {}, names.map((name) => el('th', { scope: 'col' }, name))));

export function renderInstances(overview) {
  const instances = overview.instances ?? [];
  if (!instances.length) {
    return el('p', { class: 'empty' }, 'No instance has reported yet.');
  }
  return el('table', { id: 'instance-table' },
    el('caption', {}, `Every instance that reported to the release database; active release: `
      + `${overview.active ?? 'none'}.`),
    head('Instance', 'Serving', 'Since', 'Last seen', 'Status'),
    el('tbody', {}, instances.map((instance) => el('tr', {
      class: instance.live ? 'live' : 'gone', 'data-instance': instance.instance },
    el('th', { scope: 'row' }, instance.instance, instance.thisInstance ? el('span', { class: 'meta' },
      'this instance (answering the console)') : ''),
    el('td', { class: 'serving' }, instance.serving ?? 'nothing yet'),
    el('td', {}, instant(instance.since)),
    el('td', {}, instant(instance.seenAt)),
    el('td', {}, instance.live ? 'live' : 'gone (not heard from)',
      instance.problem ? el('span', { class: 'meta problem' }, instance.problem) : '')))));
}

function stepButtons(release, overview) {
  return stepsFor(release, overview).map((step) => el('button', {
    type: 'button', 'data-step': step, 'data-version': release.version,
    'aria-label': STEP_WORDS[step].title(release.version),
  }, STEP_WORDS[step].button));
}

function releaseRow(release, overview, shadowed) {
  return el('tr', { 'data-version': release.version, class: `state--${release.state}` },
    el('th', { scope: 'row' }, el('code', {}, release.version)),
    el('td', { class: 'state' }, el('span', { class: `state-badge state-badge--${release.state}` }, release.state)),
    el('td', {}, instant(release.createdAt), el('span', { class: 'meta' }, `by ${release.createdBy}`)),
    el('td', { class: 'why' }, release.comment ?? ''),
    el('td', {}, contentSize(release),
      el('span', { class: 'meta hash', title: release.contentHash }, `sha-256 ${release.contentHash.slice(0, 12)}…`)),
    el('td', { class: 'steps' }, stepButtons(release, overview),
      shadowed.has(release.version) ? el('button', { type: 'button', 'data-report': release.version,
        'aria-label': `Show the shadow report of ${release.version}` }, 'Shadow report') : '',
      el('button', { type: 'button', 'data-fhir': release.version,
        'aria-label': `Download ${release.version} as a FHIR Bundle` }, 'FHIR')));
}

export function renderReleases(overview) {
  const releases = overview.releases ?? [];
  if (!releases.length) {
    return el('p', { class: 'empty' }, 'No release is stored yet.');
  }
  const shadowed = new Set((overview.history ?? []).filter((event) => event.action === 'shadow-started')
    .map((event) => event.version));
  return el('table', { id: 'release-table' },
    el('caption', {}, 'Each step asks why; it is recorded under your admin credential\'s name.'),
    head('Version', 'State', 'Created', 'Why', 'Content', 'Steps'),
    el('tbody', {}, releases.map((release) => releaseRow(release, overview, shadowed))));
}

function example(row) {
  return el('li', { class: 'example' },
    el('p', { class: 'meta' }, `${row.change} · ${row.at} · ${row.where}`),
    el('dl', { class: 'compare' },
      el('dt', {}, 'Live'), el('dd', { class: 'live' }, row.live),
      el('dt', {}, 'Candidate'), el('dd', { class: 'candidate' }, row.candidate)));
}

// The report; open names the rules whose examples were unfolded before a refresh, so they stay unfolded.
export function renderReport(report, open = new Set()) {
  const rows = reportRows(report);
  return [
    el('p', { id: 'shadow-headline', class: 'headline' }, reportHeadline(report)),
    rows.length === 0 ? el('p', { class: 'empty' }, 'No rule has differed so far.')
      : el('table', { id: 'shadow-table' },
        el('caption', {}, `Per rule: how often the candidate ${report.candidate}'s card differed from the live `
          + 'release\'s, by kind of change, with a few examples.'),
        head('Rule', 'Differences', 'Added', 'Removed', 'Indicator', 'Summary', 'Examples'),
        el('tbody', {}, rows.map((row) => el('tr', { 'data-rule': row.rule },
          el('th', { scope: 'row' }, el('code', {}, row.rule)),
          el('td', { class: 'number differences' }, String(row.differences)),
          row.counts.map(({ change, count }) => el('td', { class: `number change-${change}` }, String(count))),
          el('td', {}, row.examples.length ? el('details', { open: open.has(row.rule) },
            el('summary', {}, `${row.examples.length} example(s)`),
            el('ol', { class: 'examples' }, row.examples.map(example))) : ''))))),
  ];
}

export function renderHistory(history) {
  const rows = historyRows(history);
  if (!rows.length) {
    return el('p', { class: 'empty' }, 'No step taken yet.');
  }
  return el('table', { id: 'release-history-table' },
    el('caption', {}, 'Every step with releases, newest first.'),
    head('When', 'Step', 'Who', 'Why', 'Takes effect'),
    el('tbody', {}, rows.map((row) => el('tr', { 'data-action': row.action, 'data-version': row.version },
      el('td', {}, row.at), el('td', { class: 'what' }, row.what), el('td', { class: 'who' }, row.who),
      el('td', { class: 'why' }, row.why), el('td', {}, row.effective)))));
}

export function renderRefusal(refused) {
  return el('div', { class: 'message message--error', role: 'alert' },
    el('p', {}, `Refused (HTTP ${refused.status}): ${refused.message}`),
    refused.problems.length ? el('ul', { class: 'problems' }, refused.problems.map((problem) => el('li', {},
      problem.location ? [el('code', { class: 'location' }, problem.location), ' '] : '', problem.message))) : '');
}
