// Cards drawn as an EHR shows CDS Hooks cards: the shared frame (indicator, summary, markdown detail), then source,
// suggestions, links and override reasons.
import { el, linkOrText } from '../shared/dom.js';
import { cardArticle } from '../shared/cards.js';

// The versions travel in the card's extension: a CDS Hooks Coding holds only system, code and display.
const RULE_BASE_VERSION = 'org.alliance-cds.rule-base-version';

function source(card) {
  const topic = card.source?.topic;
  const ruleBase = card.extension?.[RULE_BASE_VERSION];
  return el('p', { class: 'card-source' },
    'Source: ', linkOrText(card.source?.url, card.source?.label ?? 'unknown'),
    topic ? [' · rule ', el('code', {}, topic.code ?? ''), ` ${topic.display ?? ''}`,
      ruleBase ? ` · rule base ${ruleBase}` : ''] : '');
}

function suggestions(card) {
  if (!card.suggestions?.length) {
    return null;
  }
  return el('div', { class: 'card-suggestions' },
    el('h5', {}, `Suggestions (${card.selectionBehavior ?? 'any'})`),
    el('ul', {}, card.suggestions.map((suggestion) => el('li', {},
      el('span', { class: 'suggestion-label' }, suggestion.label ?? ''),
      suggestion.isRecommended ? ' (recommended)' : '',
      el('ul', {}, (suggestion.actions ?? []).map((action) =>
        el('li', {}, `${action.type ?? ''}: ${action.description ?? ''}`)))))));
}

function links(card) {
  if (!card.links?.length) {
    return null;
  }
  return el('div', { class: 'card-links' }, el('h5', {}, 'Links'),
    el('ul', {}, card.links.map((link) => el('li', {}, linkOrText(link.url, link.label)))));
}

function overrideReasons(card) {
  if (!card.overrideReasons?.length) {
    return null;
  }
  return el('p', { class: 'card-overrides' }, 'Override reasons offered: ',
    card.overrideReasons.map((reason) => reason.display ?? reason.code).join(' · '));
}

export function renderCard(card, index) {
  return cardArticle({ indicator: card.indicator, summary: card.summary, detail: card.detail,
    rule: card.source?.topic?.code, index },
  source(card), suggestions(card), links(card), overrideReasons(card));
}

export function renderCards(cards) {
  if (!cards.length) {
    return el('p', { class: 'empty' }, 'No cards: no rule fired.');
  }
  return el('div', { class: 'card-list' }, cards.map(renderCard));
}
