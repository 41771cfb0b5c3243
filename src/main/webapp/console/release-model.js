// What the Releases section shows, worked out from GET /admin/releases and a shadow report without touching the
// page: which steps each release offers, whether a switch is still pending, and the rows of the report and the
// history. It imports nothing, so Node's tests load it as it is (src/test/js/releases.test.mjs).

const ACTIONS = {
  created: 'created',
  'shadow-started': 'shadow started',
  'shadow-stopped': 'shadow stopped',
  activated: 'activated',
  'rolled-back': 'rolled back to',
};

export const CHANGES = ['added', 'removed', 'indicator', 'summary'];

const CHANGE_WORDS = {
  added: 'card added by the candidate',
  removed: 'card the candidate drops',
  indicator: 'indicator changed',
  summary: 'summary changed',
};

// Semantic Versioning 2.0.0 precedence, as the server's SemanticVersion orders releases ("earlier" for a roll-back).
export function compareVersions(left, right) {
  const [leftCore, leftPre] = split(left);
  const [rightCore, rightPre] = split(right);
  for (let i = 0; i < 3; i += 1) {
    if (leftCore[i] !== rightCore[i]) {
      return leftCore[i] < rightCore[i] ? -1 : 1;
    }
  }
  if (!leftPre.length || !rightPre.length) {
    return Number(!leftPre.length) - Number(!rightPre.length);
  }
  for (let i = 0; i < Math.min(leftPre.length, rightPre.length); i += 1) {
    const order = compareIdentifiers(leftPre[i], rightPre[i]);
    if (order !== 0) {
      return order;
    }
  }
  return Math.sign(leftPre.length - rightPre.length);
}

function split(version) {
  const [core, ...pre] = String(version).split('-');
  const prerelease = pre.join('-');
  return [core.split('.').map((n) => BigInt(n)), prerelease ? prerelease.split('.') : []];
}

function compareIdentifiers(left, right) {
  const leftNumeric = /^\d+$/.test(left);
  const rightNumeric = /^\d+$/.test(right);
  if (leftNumeric && rightNumeric) {
    const [a, b] = [BigInt(left), BigInt(right)];
    return a === b ? 0 : (a < b ? -1 : 1);
  }
  if (leftNumeric !== rightNumeric) {
    return leftNumeric ? -1 : 1;
  }
  return left === right ? 0 : (left < right ? -1 : 1);
}

/**
 * The steps a release offers, in the order they are shown: a release not serving and not in shadow can be shadowed;
 * the one in shadow can be stopped; one above the active release can be activated (now or at a time), one below it
 * rolled back to. A scheduled release waits for its time, and the active one has nothing to do.
 */
export function stepsFor(release, overview) {
  const { state, version } = release;
  if (state === 'active' || state === 'scheduled') {
    return [];
  }
  const steps = state === 'shadow' ? ['stop-shadow'] : ['shadow'];
  const active = overview.active;
  if (!active || compareVersions(version, active) > 0) {
    steps.push('activate');
  } else if (compareVersions(version, active) < 0) {
    steps.push('rollback');
  }
  return steps;
}

export const STEP_WORDS = {
  shadow: { button: 'Shadow', title: (v) => `Run ${v} in shadow`, done: 'in shadow' },
  'stop-shadow': { button: 'Stop shadow', title: (v) => `Stop the shadow run of ${v}`, done: 'shadow stopped' },
  activate: { button: 'Activate', title: (v) => `Activate ${v}`, done: 'activation recorded' },
  rollback: { button: 'Roll back', title: (v) => `Roll back to ${v}`, done: 'roll-back recorded' },
};

/** The request a step makes: its path under /admin/ and its body. */
export function stepRequest(step, version, comment, at) {
  const body = { comment: comment.trim() };
  const v = encodeURIComponent(version);
  switch (step) {
    case 'shadow': return { path: `releases/${v}/shadow`, body };
    case 'stop-shadow': return { path: 'releases/shadow/stop', body };
    case 'activate': return { path: `releases/${v}/activate`, body: at ? { ...body, at } : body };
    case 'rollback': return { path: `releases/${v}/rollback`, body };
    default: throw new Error(`no release step '${step}'`);
  }
}

/** A comment is what makes a step possible: blank or white space is none. */
export function hasComment(text) {
  return typeof text === 'string' && text.trim().length > 0;
}

/**
 * A datetime-local field's value (the browser's local time) as the ISO instant the API takes; null when empty,
 * and an error when it does not read as a time or lies in the past.
 */
export function activationInstant(localValue, now = new Date()) {
  if (!localValue) {
    return null;
  }
  const time = new Date(localValue);
  if (Number.isNaN(time.getTime())) {
    throw new Error(`"${localValue}" is not a date and time`);
  }
  if (time <= now) {
    throw new Error('the time to activate at has passed: choose a later one, or activate now');
  }
  return time.toISOString();
}

/**
 * Whether instances are still to switch: a step takes effect later (scheduled, or the few seconds every activation
 * waits so the instances switch together), or a live instance does not yet serve the active release.
 */
export function switchPending(overview, now = new Date()) {
  const later = (overview.history ?? []).some((event) => event.effectiveAt && new Date(event.effectiveAt) > now);
  const behind = (overview.instances ?? []).some((instance) => instance.live && overview.active
    && instance.serving !== overview.active);
  return later || behind;
}

/** The release whose shadow report to show: the one chosen, else the candidate in shadow, else the last shadowed. */
export function reportVersion(overview, chosen) {
  if (chosen && (overview.releases ?? []).some((release) => release.version === chosen)) {
    return chosen;
  }
  if (overview.shadow) {
    return overview.shadow;
  }
  return (overview.history ?? []).find((event) => event.action === 'shadow-started')?.version ?? null;
}

// 2026-11-26T05:41:00.361567206Z → 2026-11-26 05:41:00 UTC
export function instant(iso) {
  return typeof iso === 'string' && iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '–';
}

/** What a release holds, in words: its rule files and its size (rules, scenario cases and profiles). */
export function contentSize(release) {
  const bytes = release.contentBytes ?? 0;
  const size = bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
  const files = release.ruleFiles ?? 0;
  return `${files} rule file${files === 1 ? '' : 's'}, ${size}`;
}

/** A shadow report's headline: how many of the compared calls the candidate answered differently. */
export function reportHeadline(report) {
  const compared = report.comparedCalls ?? 0;
  if (compared === 0) {
    return `No calls compared yet for ${report.candidate}: the instances compare calls while it is in shadow.`;
  }
  const differing = report.differingCalls ?? 0;
  const share = Math.round((differing / compared) * 100);
  return `${differing} of ${compared} compared calls differ (${share} %) with ${report.candidate}.`;
}

/** A rule's row: its change counts in a fixed order (zeros included, so the columns line up) and its examples. */
export function reportRows(report) {
  return (report.rules ?? []).map((rule) => ({
    rule: rule.rule,
    differences: rule.differences ?? 0,
    counts: CHANGES.map((change) => ({ change, count: rule.counts?.[change] ?? 0 })),
    examples: (rule.examples ?? []).map(example),
  })).sort((a, b) => b.differences - a.differences || a.rule.localeCompare(b.rule));
}

function example(difference) {
  return {
    change: CHANGE_WORDS[difference.change] ?? difference.change,
    at: instant(difference.recordedAt),
    where: `${difference.hook ?? 'a call'} on ${difference.instance ?? 'an instance'}, live release `
      + `${difference.liveVersion ?? '?'}`,
    live: difference.live ?? 'no card',
    candidate: difference.candidate ?? 'no card',
  };
}

/** The history's rows, newest first as the API lists them. */
export function historyRows(history) {
  return (history ?? []).map((event) => ({
    id: event.id,
    at: instant(event.at),
    what: `${ACTIONS[event.action] ?? event.action} ${event.version}`,
    action: event.action,
    version: event.version,
    who: event.admin,
    why: event.comment,
    effective: event.effectiveAt ? instant(event.effectiveAt) : '',
  }));
}

/**
 * A refusal's words for the page. A release the rules check refused (422) carries a first line, then one
 * "rules/file.drl:12: message" per problem: those are listed apart.
 */
export function refusal(status, message) {
  const text = String(message ?? '');
  if (status !== 422) {
    return { status, message: text, problems: [] };
  }
  const [first, ...rest] = text.split(/\r?\n/).map((line) => line.trim());
  const problems = rest.filter(Boolean).map((line) => {
    const at = /^(\S+?:\d+(?::\d+)?):?\s+(.*)$/.exec(line);
    return at ? { location: at[1], message: at[2] } : { location: '', message: line };
  });
  return { status, message: first, problems };
}
