// Per-rule feedback statistics from the audit: the cards each rule made and what clinicians did with them.
import { el } from '../shared/dom.js';

function percent(rate) {
  return typeof rate === 'number' ? `${Math.round(rate * 100)} %` : '–';
}

// A reason the cards offer reads in their words, with its code; one they do not offer (an EHR's own) by its code,
// with its code system.
function reasonWords(reason) {
  if (reason.code === null || reason.code === undefined) {
    return el('span', { class: 'reason-words' }, 'no reason given');
  }
  return reason.display
    ? el('span', { class: 'reason-words', title: reason.code }, reason.display)
    : el('code', { class: 'reason-words', title: reason.system ?? 'no code system' }, reason.code);
}

function reasons(list) {
  if (!list.length) {
    return '';
  }
  return el('ul', { class: 'reasons' }, list.map((reason) => el('li', { 'data-reason': reason.code ?? '' },
    reasonWords(reason), ' ', el('span', { class: 'count' }, String(reason.count)))));
}

function versions(list) {
  return list.length ? el('span', { class: 'meta' },
    `rule version ${list.map((v) => `${v.value ?? '?'} (${v.count})`).join(', ')}`) : '';
}

function ruleHeader(rule) {
  return el('th', { scope: 'row' }, el('code', {}, rule.id),
    rule.title ? el('span', { class: 'rule-title' }, rule.title) : '',
    rule.inService ? '' : el('span', { class: 'meta' }, 'not in the rule base in service'),
    versions(rule.versions));
}

function number(value, name) {
  return el('td', { class: `number ${name}` }, String(value));
}

function ruleBases(list) {
  if (!list.length) {
    return el('p', { class: 'empty' }, 'No calls answered in this window.');
  }
  return el('ul', { class: 'rule-bases' }, list.map((v) => el('li', {}, el('code', {}, v.version),
    ` answered ${v.calls} calls, ${v.first.slice(0, 10)} to ${v.last.slice(0, 10)}`)));
}

export function renderFeedback(report) {
  const span = report.since ? `cards shown since ${report.since.slice(0, 10)}` : 'every card the audit keeps';
  return [
    el('table', { id: 'feedback-table' },
      el('caption', {}, `${report.rules.length} rules, ${span}. A card counts once, by its latest answer; `
        + 'acceptance is accepted / answered.'),
      el('thead', {}, el('tr', {}, ['Rule', 'Cards shown', 'Accepted', 'Overridden', 'Acceptance', 'Override reasons']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, report.rules.map((rule) => el('tr', { 'data-rule': rule.id },
        ruleHeader(rule), number(rule.cardsShown, 'shown'), number(rule.accepted, 'accepted'),
        number(rule.overridden, 'overridden'), el('td', { class: 'number rate' }, percent(rule.acceptanceRate)),
        el('td', {}, reasons(rule.reasons)))))),
    el('p', { id: 'feedback-apart', class: 'meta' },
      `Not in the table: ${report.unmatchedFeedback} answers to cards the audit does not know, and `
      + `${report.supersededFeedback} earlier answers to cards answered again.`),
    el('h3', {}, 'Rule-base versions'),
    ruleBases(report.ruleBaseVersions),
  ];
}
