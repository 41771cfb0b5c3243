// The Releases section's two forms: a step on one release (shadow, stop the shadow, activate now or at a time,
// roll back), and a release created from the folder. Each needs a comment before its button works, and shows a
// refusal in the server's words; a refused token is left to the console.
import { ApiError, post } from './api.js';
import { $, say, show } from './page.js';
import { activationInstant, hasComment, historyRows, refusal, STEP_WORDS, stepRequest } from './release-model.js';
import { renderRefusal } from './releases-view.js';

function refused(error, target, failed) {
  if (error instanceof ApiError && error.status !== 401 && error.status !== 429) {
    show(target, renderRefusal(refusal(error.status, error.message)));
  } else {
    failed(error, target);
  }
}

function needsComment(field, button) {
  $(field).addEventListener('input', () => {
    $(button).disabled = !hasComment($(field).value);
  });
}

/**
 * Wires the step form; done(message) is called once the step is recorded. Returns open(step, version), which
 * shows the form for that step and puts the cursor in its comment.
 */
export function stepForm(failed, done) {
  let step = null;
  const atTime = () => document.querySelector('#step-when input[value="at"]').checked;

  function open(name, version) {
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

  function close() {
    step = null;
    $('release-step-form').hidden = true;
    $('release-list-heading').focus();
  }

  function when() {
    if (step.name !== 'activate' || !atTime()) {
      return null;
    }
    const at = activationInstant($('step-at').value);
    if (!at) {
      throw new Error('choose the time to activate at, or activate now');
    }
    return at;
  }

  async function submit() {
    let request;
    try {
      request = stepRequest(step.name, step.version, $('step-comment').value, when());
    } catch (error) {
      say('step-result', error.message);
      return;
    }
    $('step-submit').disabled = true;
    try {
      const [recorded] = historyRows([await post(request.path, request.body)]);
      close();
      await done(`Recorded: ${recorded.what} by ${recorded.who} at ${recorded.at}`
        + `${recorded.effective ? `, taking effect ${recorded.effective}` : ''}.`);
    } catch (error) {
      $('step-submit').disabled = !hasComment($('step-comment').value);
      refused(error, 'step-result', failed);
    }
  }

  needsComment('step-comment', 'step-submit');
  $('step-when').addEventListener('change', () => {
    $('step-at').disabled = !atTime();
  });
  $('release-step-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  $('release-step-form').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
    }
  });
  $('step-cancel').addEventListener('click', close);
  return open;
}

/** Wires the form that creates a release from the folder; done() is called once it is stored. */
export function createForm(failed, done) {
  async function submit() {
    const version = $('create-version').value.trim();
    $('create-submit').disabled = true;
    say('create-result', 'Running the rules check on the folder…', 'info');
    try {
      const created = await post('releases', { comment: $('create-comment').value.trim(),
        ...(version ? { version } : {}) });
      $('create-release-form').reset();
      say('create-result', `Created ${created.version} (${created.state}) from ${created.ruleFiles} rule files.`,
        'info');
      await done();
    } catch (error) {
      $('create-submit').disabled = !hasComment($('create-comment').value);
      refused(error, 'create-result', failed);
    }
  }

  needsComment('create-comment', 'create-submit');
  $('create-release-form').addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
}
