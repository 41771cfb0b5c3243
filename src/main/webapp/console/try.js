// "Try it": the outcome of a request or scenario case, its cards, the rules that fired on which data, the chart.
import { el } from '../shared/dom.js';
import { renderCards } from './cards.js';
import { renderChart } from './chart.js';

function verdict(result) {
  if (result.problem) {
    return el('p', { class: 'verdict verdict--problem', role: 'status' },
      `The service would answer HTTP ${result.problem.status}: ${result.problem.message}`);
  }
  if (result.kind !== 'scenario') {
    return el('p', { class: 'verdict', role: 'status' },
      `${result.cards.length} card(s) from rule base ${result.ruleBase}.`);
  }
  if (result.passed) {
    return el('p', { class: 'verdict verdict--pass', role: 'status' },
      `Pass: exactly the expected rules fired (rule base ${result.ruleBase}).`);
  }
  return el('p', { class: 'verdict verdict--fail', role: 'status' },
    `Fail: missing ${result.missing.join(', ') || 'none'}; unexpected ${result.unexpected.join(', ') || 'none'}.`);
}

function data(rule) {
  return el('ul', { class: 'data' },
    rule.scores.map((s) => el('li', {}, `${s.label} ${s.value} on ${s.date}`,
      s.session ? ` (session ${s.session})` : '')),
    rule.answers.map((a) => el('li', {}, `${a.label}: ${a.code} on ${a.date}`)));
}

function firedTable(result) {
  const fired = new Map(result.fired.map((rule) => [rule.id, rule]));
  const expected = new Set(result.expected ?? []);
  const ids = [...new Set([...fired.keys(), ...expected])].sort();
  if (!ids.length) {
    return el('p', { class: 'empty' }, 'No rule fired, and none was expected.');
  }
  const scenario = result.expected !== null && result.expected !== undefined;
  return el('table', { id: 'fired-table' },
    el('caption', {}, scenario ? 'Rules fired and expected by the case' : 'Rules fired'),
    el('thead', {}, el('tr', {}, ['Rule', 'Fired', scenario ? 'Expected' : null, 'On which data', 'Thresholds']
      .filter(Boolean).map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ids.map((id) => {
      const rule = fired.get(id);
      const ok = !scenario || (rule !== undefined) === expected.has(id);
      return el('tr', { class: ok ? 'as-expected' : 'not-as-expected', 'data-rule': id },
        el('th', { scope: 'row' }, el('code', {}, id),
          rule?.title ? el('span', { class: 'rule-title' }, rule.title) : ''),
        el('td', {}, rule ? 'yes' : 'no'),
        scenario ? el('td', {}, expected.has(id) ? 'yes' : 'no') : null,
        el('td', {}, rule ? data(rule) : ''),
        el('td', {}, rule ? rule.thresholds.map((t) => el('code', { class: 'threshold' }, t)) : ''));
    })));
}

export function renderTryResult(result) {
  return [
    verdict(result),
    result.description ? el('p', { class: 'description' }, result.description) : null,
    el('div', { class: 'try-columns' },
      el('section', { 'aria-labelledby': 'cards-heading', id: 'cards' },
        el('h3', { id: 'cards-heading' }, `Cards for ${result.service}`), renderCards(result.cards)),
      el('section', { 'aria-labelledby': 'fired-heading', id: 'fired' },
        el('h3', { id: 'fired-heading' }, 'Rules'), firedTable(result),
        el('h3', {}, 'Alliance trajectory and symptom scores'),
        el('div', { id: 'chart' }, renderChart(result.chart)),
        result.notes.length ? [el('h3', {}, 'Notes'),
          el('ul', { class: 'notes' }, result.notes.map((note) => el('li', {}, note)))] : null)),
  ];
}
