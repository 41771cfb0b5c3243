// The Releases section: reads GET /admin/releases and the shadow report and draws them, reads them again after each
// step, every few seconds while a switch is pending and now and then while a candidate runs in shadow. The step and
// create forms (release-forms.js) sit outside what is redrawn, so a refresh never takes away a comment being typed.
import { api, ApiError } from './api.js';
import { el } from '../shared/dom.js';
import { $, say, show } from './page.js';
import { createForm, stepForm } from './release-forms.js';
import { reportVersion, switchPending } from './release-model.js';
import { renderHistory, renderInstances, renderReleases, renderReport } from './releases-view.js';

const PENDING_POLL_MS = 2000;
const SHADOW_POLL_MS = 10000;
// An object URL must outlive the click that starts its download.
const DOWNLOAD_URL_LIFE_MS = 60000;

/**
 * Wires the section; failed(error, target) is the console's handling of an API error (a refused token signs out).
 * Returns load() and stop(), which ends the polling.
 */
export function releasesSection(failed) {
  let timer = null;
  let generation = 0;
  let chosenReport = null;

  function stop() {
    clearTimeout(timer);
    timer = null;
    generation += 1;
  }

  // aria-busy tells assistive technology (and a browser test) that the section is being read again; only the
  // latest read clears it.
  async function load() {
    stop();
    const mine = generation;
    $('releases').setAttribute('aria-busy', 'true');
    try {
      await read(mine);
    } finally {
      if (mine === generation) {
        $('releases').setAttribute('aria-busy', 'false');
      }
    }
  }

  async function read(mine) {
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

  const openStep = stepForm(failed, async (recorded) => {
    say('releases-status', recorded, 'info');
    await load();
  });
  createForm(failed, load);
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
  $('refresh-releases').addEventListener('click', () => {
    show('releases-status');
    load();
  });
  return { load, stop };
}
