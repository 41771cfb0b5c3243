// The console page's small helpers, shared by its sections.
import { el } from '../shared/dom.js';

export const $ = (id) => document.getElementById(id);

export function show(target, ...content) {
  $(target).replaceChildren(...content.flat().filter((node) => node !== null && node !== undefined));
}

export function say(target, message, kind = 'error') {
  show(target, el('p', { class: `message message--${kind}` }, message));
}
