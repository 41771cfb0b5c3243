// Cards drawn as an EHR shows CDS Hooks cards: indicator, summary, markdown detail, source, suggestions, links.
import { el, linkOrText } from './dom.js';
import { renderMarkdown } from './markdown.js';

const INDICATORS = { info: 'Info', warning: 'Warning', critical: 'Critical' };

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
  const indicator = INDICATORS[card.indicator] ? card.indicator : 'info';
  const headingId = `card-${index}-summary`;
  const detail = el('div', { class: 'card-detail' });
  // renderMarkdown escapes every character of the card's text before adding its few tags
  detail.innerHTML = renderMarkdown(card.detail ?? '');
  return el('article', { class: `card card--${indicator}`, 'aria-labelledby': headingId,
    'data-rule': card.source?.topic?.code },
  el('header', { class: 'card-header' },
    el('span', { class: `indicator indicator--${indicator}` }, INDICATORS[indicator]),
    el('h4', { id: headingId, class: 'card-summary' }, card.summary ?? '')),
  detail, source(card), suggestions(card), links(card), overrideReasons(card));
}

export function renderCards(cards) {
  if (!cards.length) {
    return el('p', { class: 'empty' }, 'No cards: no rule fired.');
  }
  return el('div', { class: 'card-list' }, cards.map(renderCard));
}
