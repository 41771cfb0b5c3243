// The rule base status and the rule catalogue.
import { el, linkOrText } from '../shared/dom.js';

const INDICATOR_LABELS = { info: 'Info', warning: 'Warning', critical: 'Critical' };

function indicator(value) {
  const known = INDICATOR_LABELS[value] ? value : 'info';
  return el('span', { class: `indicator indicator--${known}` }, INDICATOR_LABELS[known]);
}

// 2026-11-26T05:41:00.361567206Z → 2026-11-26 05:41:00 UTC
function instant(iso) {
  return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '-';
}

function problems(list) {
  if (!list.length) {
    return '';
  }
  return el('ul', { class: 'problems' }, list.map((problem) => el('li', {},
    el('code', { class: 'location' }, problem.line > 0 ? `${problem.file}:${problem.line}` : problem.file),
    ' ', problem.message)));
}

export function renderStatus(status) {
  const reloads = status.reloads ?? [];
  return [
    el('dl', { class: 'facts' },
      el('dt', {}, 'Version in service'), el('dd', { id: 'rule-base-version' }, status.version ?? 'none'),
      el('dt', {}, 'Compiled at'), el('dd', {}, instant(status.compiledAt)),
      el('dt', {}, 'Card rules'), el('dd', {}, String(status.rules ?? 0))),
    el('h3', {}, 'Reload history'),
    reloads.length === 0 ? el('p', { class: 'empty' }, 'No reloads since start-up.')
      : el('table', { id: 'reload-table' },
        el('caption', {}, 'Newest first; a refused change leaves the previous version serving.'),
        el('thead', {}, el('tr', {}, ['At', 'Result', 'Version serving after', 'Problems']
          .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, reloads.map((reload) => el('tr', { class: reload.accepted ? 'accepted' : 'refused' },
          el('td', {}, instant(reload.at)), el('td', {}, reload.accepted ? 'accepted' : 'refused'),
          el('td', {}, reload.version), el('td', {}, problems(reload.problems ?? [])))))),
  ];
}

function thresholds(list) {
  return el('ul', { class: 'thresholds' }, list.map((t) => el('li', {},
    el('code', {}, t.id), ` = ${t.value} ${t.unit}`,
    el('span', { class: 'basis' }, t.basis),
    el('span', { class: 'meta' }, `reviewed ${t.reviewed} · from ${t.via}`))));
}

function evidence(list) {
  return el('ul', { class: 'evidence' }, list.map((e) => el('li', {}, linkOrText(e.url, e.citation))));
}

export function renderCatalogue(catalogue) {
  return el('table', { id: 'catalogue-table' },
    el('caption', {}, `${catalogue.rules.length} card rules in rule base ${catalogue.version}`),
    el('thead', {}, el('tr', {}, ['Rule', 'Finding', 'Priority', 'Indicator', 'Thresholds', 'Evidence']
      .map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, catalogue.rules.map((rule) => el('tr', { 'data-rule': rule.id },
      el('th', { scope: 'row' }, el('code', {}, rule.id), el('span', { class: 'rule-title' }, rule.title),
        el('span', { class: 'meta' }, `v${rule.version} · ${rule.file}`)),
      el('td', {}, el('p', {}, rule.finding ?? ''),
        el('details', {}, el('summary', {}, 'When, then'),
          el('p', {}, el('strong', {}, 'When: '), rule.when ?? ''),
          el('p', {}, el('strong', {}, 'Then: '), rule.then ?? ''))),
      el('td', {}, rule.safety ? 'safety: always shown, first' : String(rule.priority)),
      el('td', {}, indicator(rule.indicator),
        rule.escalation ? [el('span', { class: 'meta' }, ' raised to '), indicator(rule.escalation),
          el('span', { class: 'meta' }, ' when a patient rating is low')] : '',
        rule.variants.length ? el('ul', { class: 'variants' }, rule.variants.map((v) => el('li', {},
          el('code', {}, v.category || '(main)'), ' ', indicator(v.indicator),
          el('span', { class: 'meta' }, ` priority ${v.priority}${v.history ? ' · reads history' : ''}`)))) : ''),
      el('td', {}, thresholds(rule.thresholds)),
      el('td', {}, evidence(rule.evidence))))));
}
