// The informaticists' console: sign in with the admin token, then the rule base status, "try it", the rule
// catalogue, the feedback statistics and the releases, all from the admin API.
import { api, ApiError, token } from './api.js';
import { el } from '../shared/dom.js';
import { renderFeedback } from './feedback.js';
import { $, say, show } from './page.js';
import { releasesSection } from './releases.js';
import { renderCatalogue, renderStatus } from './sections.js';
import { renderTryResult } from './try.js';

// A refused token ends the session: back to the sign-in form with the reason. The server answers 401 alike for a
// wrong token and for an admin API that is off, and 429 after too many refused attempts.
function failed(error, target) {
  if (error instanceof ApiError && (error.status === 401 || error.status === 429) && !$('sign-in-form').hidden) {
    return;
  }
  if (error instanceof ApiError && error.status === 401) {
    signOut('The admin token was refused (or the admin API is off on this server). Enter it again.');
  } else if (error instanceof ApiError && error.status === 429) {
    signOut(`Too many refused attempts from here: ${error.message}`);
  } else {
    say(target, error.message);
  }
}

async function loadStatus() {
  try {
    show('status-body', renderStatus(await api('rule-base')));
  } catch (error) {
    failed(error, 'status-body');
  }
}

async function loadCatalogue() {
  try {
    show('catalogue-body', renderCatalogue(await api('catalogue')));
  } catch (error) {
    failed(error, 'catalogue-body');
  }
}

async function loadFeedback() {
  const since = $('feedback-since').value;
  try {
    show('feedback-body', renderFeedback(await api(since ? `feedback-stats?since=${encodeURIComponent(since)}`
      : 'feedback-stats')));
  } catch (error) {
    failed(error, 'feedback-body');
  }
}

async function loadScenarios() {
  try {
    const { scenarios } = await api('scenarios');
    const groups = new Map();
    scenarios.forEach((s) => groups.set(s.rule, [...(groups.get(s.rule) ?? []), s]));
    $('scenario').replaceChildren(...[...groups.entries()].map(([rule, files]) => el('optgroup', { label: rule },
      files.map((s) => el('option', { value: `${s.rule}/${s.file}`, title: s.description }, s.file)))));
  } catch (error) {
    failed(error, 'try-result');
  }
}

async function loadCase() {
  const [rule, file] = $('scenario').value.split('/');
  try {
    const scenario = await api(`scenarios/${encodeURIComponent(rule)}/${encodeURIComponent(file)}`);
    $('request').value = JSON.stringify(scenario, null, 2);
    say('try-result', `Loaded ${rule}/${file}. Run it, or edit it first.`, 'info');
  } catch (error) {
    failed(error, 'try-result');
  }
}

async function run() {
  say('try-result', 'Evaluating…', 'info');
  try {
    const result = await api('try', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: $('request').value });
    show('try-result', renderTryResult(result));
  } catch (error) {
    failed(error, 'try-result');
  }
}

function signedIn(isIn) {
  $('sign-in-form').hidden = isIn;
  $('signed-in').hidden = !isIn;
  $('content').hidden = !isIn;
}

function signOut(message) {
  releases.stop();
  token.clear();
  signedIn(false);
  say('sign-in-status', message, message.startsWith('Signed out') ? 'info' : 'error');
  $('token').focus();
}

async function start() {
  signedIn(true);
  await loadStatus();
  if (!$('content').hidden) {
    await Promise.all([loadCatalogue(), loadScenarios(), loadFeedback(), releases.load()]);
  }
}

const releases = releasesSection(failed);

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  token.set($('token').value.trim());
  $('token').value = '';
  show('sign-in-status');
  start();
});
$('sign-out').addEventListener('click', () => signOut('Signed out: the token is forgotten.'));
$('refresh-status').addEventListener('click', () => { loadStatus(); loadCatalogue(); });
$('load-case').addEventListener('click', loadCase);
$('feedback-form').addEventListener('submit', (event) => {
  event.preventDefault();
  loadFeedback();
});
// Feedback keeps arriving, and other admins take release steps, while the page is open: going to the section reads
// it again.
window.addEventListener('hashchange', () => {
  if (window.location.hash === '#feedback' && token.get()) {
    loadFeedback();
  } else if (window.location.hash === '#releases' && token.get()) {
    releases.load();
  }
});
$('try-form').addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});

if (token.get()) {
  start();
} else {
  signedIn(false);
}
