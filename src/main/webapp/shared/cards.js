// A CDS card's frame as EHRs show it: indicator, summary and the markdown detail; the console and the clinician
// view add what they know about the card (source and suggestions; the reasons it fired) after it.
import { el } from './dom.js';
import { renderMarkdown } from './markdown.js';

const INDICATORS = { info: 'Info', warning: 'Warning', critical: 'Critical' };

export function indicatorOf(value) {
  return INDICATORS[value] ? value : 'info';
}

export function cardArticle({ indicator, summary, detail, rule, index, cls = '' }, ...after) {
  const known = indicatorOf(indicator);
  const headingId = `card-${index}-summary`;
  const body = el('div', { class: 'card-detail' });
  // renderMarkdown escapes every character of the card's text before adding its few tags
  body.innerHTML = renderMarkdown(detail ?? '');
  return el('article', { class: `card card--${known}${cls ? ` ${cls}` : ''}`, 'aria-labelledby': headingId,
    'data-rule': rule },
  el('header', { class: 'card-header' },
    el('span', { class: `indicator indicator--${known}` }, INDICATORS[known]),
    el('h4', { id: headingId, class: 'card-summary' }, summary ?? '')),
  body, after);
}
