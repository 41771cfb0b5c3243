// The clinician view: reads the launched patient's trajectory from the server (same origin, the session cookie of
// the SMART launch; no token in the browser) and shows it, or says why it cannot. It never retries or redirects
// on its own: a refused session is the EHR's to renew.
import { el } from '../shared/dom.js';
import { MESSAGES, focusOf, isEmpty, networkErrorState, stateOf } from './model.js';
import {
  axisOf, renderAlliance, renderCards, renderEmpty, renderEpisodes, renderNotices, renderPatient, renderSymptoms,
} from './render.js';

const $ = (id) => document.getElementById(id);
const API = new URL('api/patient', document.baseURI);

function show(id, ...content) {
  $(id).replaceChildren(...content.flat().filter((node) => node !== null && node !== undefined));
}

function showState(state) {
  const retry = state.retry ? el('button', { type: 'button', id: 'retry' }, 'Try again') : null;
  retry?.addEventListener('click', load);
  show('status', el('div', { class: `state state--${state.kind}` },
    el('h2', { id: 'state-heading', tabindex: '-1' }, state.message),
    state.detail ? el('p', {}, state.detail) : null, retry));
  show('content');
  $('state-heading').focus();
}

function showData(data) {
  const focus = focusOf(data);
  show('patient', renderPatient(data));
  show('status');
  if (isEmpty(data)) {
    show('content', renderNotices(data, focus), renderCards(data), renderEmpty());
    return;
  }
  const { axis, marks } = axisOf(data);
  const areas = { alliance: () => renderAlliance(data, axis, marks),
    symptoms: () => renderSymptoms(data, axis, marks) };
  show('content', renderNotices(data, focus), renderCards(data), focus.order.map((area) => areas[area]()),
    renderEpisodes(data));
  $('page-nav').hidden = false;
  if (focus.area) {
    const section = $(focus.area);
    section.classList.add('area--focused');
    section.querySelector('h2').append(el('span', { class: 'focus-tag' }, ` · opened for ${focus.rule}`));
    // only this document scrolls (scrollIntoView would scroll the EHR's page around the iframe too)
    window.scrollTo({ top: section.getBoundingClientRect().top + window.scrollY - 8 });
    section.querySelector('h2').focus({ preventScroll: true });
  }
}

async function load() {
  show('status', el('p', { class: 'message message--info' }, MESSAGES.loading));
  $('main').setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(API, { credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const state = stateOf(response.status, body);
    if (state.kind === 'ready') {
      showData(body);
    } else {
      showState(state);
    }
  } catch {
    showState(networkErrorState());
  } finally {
    $('main').removeAttribute('aria-busy');
  }
}

load();
