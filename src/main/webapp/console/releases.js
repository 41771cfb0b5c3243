// The Releases section: reads GET /admin/releases and the shadow report, takes a step through the step form or
// creates a release through the create form, and reads everything again after each step, every few seconds while
// a switch is pending and now and then while a candidate runs in shadow. The forms sit outside what is redrawn, so
// a refresh never takes away a comment being typed.
import { api, ApiError, post } from './api.js';
import { el } from '../shared/dom.js';
import {
  activationInstant, hasComment, historyRows, refusal, reportVersion, STEP_WORDS, stepRequest, switchPending,
} from './release-model.js';
import { renderHistory, renderInstances, renderRefusal, renderReleases, renderReport } from './releases-view.js';

const PENDING_POLL_MS = 2000;
const SHADOW_POLL_MS = 10000;
// An object URL must outlive the click that starts its download.
const DOWNLOAD_URL_LIFE_MS = 60000;

const $ = (id) => document.getElementById(id);

function show(target, ...content) {
  $(target).replaceChildren(...content.flat().filter((node) => node !== null && node !== undefined));
}

function note(target, text, kind = 'info') {
  show(target, el('p', { class: `message message--${kind}` }, text));
}

/**
 * Wires the section; failed(error, target) is the console's handling of an API error (a refused token signs out).
 * Returns load() and stop(), which ends the polling.
 */
export function releasesSection(failed) {
  let timer = null;
  let generation = 0;
  let chosenReport = null;
  let step = null;

  function stop() {
    clearTimeout(timer);
    timer = null;
    generation += 1;
  }

  async function load() {
    stop();
    const mine = generation;
    let overview;
    try {
      overview = await api('releases');
    } catch (error) {
      $('releases-on').hidden = true;
      if (error instanceof ApiError && error.status === 409) {
        show('releases-status', el('p', { id: 'releases-off', class: 'message message--info' },
          'Releases are off: the service runs from its folder.', el('span', { class: 'meta' }, error.message)));
      } else {
        failed(error, 'releases-status');
      }
      return;
    }
    if (mine !== generation) {
      return;
    }
    $('releases-on').hidden = false;
    $('releases-off')?.remove();
    const pending = switchPending(overview);
    show('release-instances', pending ? el('p', { id: 'switch-pending', class: 'message message--info' },
      'A switch is pending: this section reads again every few seconds until every live instance serves the '
      + 'active release.') : null, renderInstances(overview));
    show('release-list', renderReleases(overview));
    show('release-history', renderHistory(overview.history));
    await loadReport(overview);
    if (mine === generation && (pending || overview.shadow)) {
      timer = setTimeout(load, pending ? PENDING_POLL_MS : SHADOW_POLL_MS);
    }
  }

  async function loadReport(overview) {
    const version = reportVersion(overview, chosenReport);
    if (!version) {
      $('shadow-heading').textContent = 'Shadow report';
      show('shadow-report', el('p', { class: 'empty' }, 'No release has run in shadow yet.'));
      return;
    }
    $('shadow-heading').textContent = `Shadow report: ${version}${overview.shadow === version
      ? ' (in shadow now)' : ' (not in shadow now)'}`;
    const open = new Set([...document.querySelectorAll('#shadow-table details[open]')]
      .map((details) => details.closest('tr').dataset.rule));
    try {
      show('shadow-report', renderReport(await api(`releases/${encodeURIComponent(version)}/shadow`), open));
    } catch (error) {
      failed(error, 'shadow-report');
    }
  }

  function openStep(name, version) {
    step = { name, version };
    $('release-step-title').textContent = STEP_WORDS[name].title(version);
    $('step-when').hidden = name !== 'activate';
    $('step-comment').value = '';
    $('step-submit').disabled = true;
    $('step-submit').textContent = STEP_WORDS[name].button;
    document.querySelector('#step-when input[value="now"]').checked = true;
    $('step-at').value = '';
    $('step-at').disabled = true;
    show('step-result');
    $('release-step-form').hidden = false;
    $('step-comment').focus();
  }

  function closeStep() {
    step = null;
    $('release-step-form').hidden = true;
    $('release-list-heading').focus();
  }

  function when() {
    if (!document.querySelector('#step-when input[value="at"]').checked || step.name !== 'activate') {
      return null;
    }
    const at = activationInstant($('step-at').value);
    if (!at) {
      throw new Error('choose the time to activate at, or activate now');
    }
    return at;
  }

  async function takeStep() {
    const { name, version } = step;
    let request;
    try {
      request = stepRequest(name, version, $('step-comment').value, when());
    } catch (error) {
      note('step-result', error.message, 'error');
      return;
    }
    $('step-submit').disabled = true;
    try {
      const [recorded] = historyRows([await post(request.path, request.body)]);
      closeStep();
      note('releases-status', `Recorded: ${recorded.what} by ${recorded.who} at ${recorded.at}`
        + `${recorded.effective ? `, taking effect ${recorded.effective}` : ''}.`);
      await load();
    } catch (error) {
      $('step-submit').disabled = !hasComment($('step-comment').value);
      refused(error, 'step-result');
    }
  }

  async function create() {
    const version = $('create-version').value.trim();
    $('create-submit').disabled = true;
    note('create-result', 'Running the rules check on the folder…');
    try {
      const created = await post('releases', { comment: $('create-comment').value.trim(),
        ...(version ? { version } : {}) });
      $('create-release-form').reset();
      note('create-result', `Created ${created.version} (${created.state}) from ${created.ruleFiles} rule files.`);
      await load();
    } catch (error) {
      $('create-submit').disabled = !hasComment($('create-comment').value);
      refused(error, 'create-result');
    }
  }

  // A refused step is shown in its form, in the server's words; a refused token is the console's to handle.
  function refused(error, target) {
    if (error instanceof ApiError && error.status !== 401 && error.status !== 429) {
      show(target, renderRefusal(refusal(error.status, error.message)));
    } else {
      failed(error, target);
    }
  }

  async function download(version) {
    try {
      const bundle = await api(`releases/${encodeURIComponent(version)}/fhir`);
      const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }));
      const link = el('a', { href: url, download: `alliance-cds-${version}.fhir.json`, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFE_MS);
    } catch (error) {
      failed(error, 'releases-status');
    }
  }

  $('release-list').addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (button?.dataset.step) {
      openStep(button.dataset.step, button.dataset.version);
    } else if (button?.dataset.report) {
      chosenReport = button.dataset.report;
      load().then(() => $('shadow-heading').scrollIntoView());
    } else if (button?.dataset.fhir) {
      download(button.dataset.fhir);
    }
  });
  $('step-comment').addEventListener('input', () => {
    $('step-submit').disabled = !hasComment($('step-comment').value);
  });
  $('step-when').addEventListener('change', () => {
    $('step-at').disabled = !document.querySelector('#step-when input[value="at"]').checked;
  });
  $('release-step-form').addEventListener('submit', (event) => {
    event.preventDefault();
    takeStep();
  });
  $('release-step-form').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeStep();
    }
  });
  $('step-cancel').addEventListener('click', closeStep);
  $('create-comment').addEventListener('input', () => {
    $('create-submit').disabled = !hasComment($('create-comment').value);
  });
  $('create-release-form').addEventListener('submit', (event) => {
    event.preventDefault();
    create();
  });
  $('refresh-releases').addEventListener('click', () => {
    show('releases-status');
    load();
  });
  return { load, stop };
}
