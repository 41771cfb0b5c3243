// The admin API, called with the token the user gave; the token lives in sessionStorage (this tab only).
const TOKEN_KEY = 'alliance-cds.admin-token';
const BASE = new URL('../admin/', document.baseURI);

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

// Our errors are {status, message}; the service's own are OperationOutcomes.
function messageOf(body, status) {
  return body?.message ?? body?.issue?.[0]?.diagnostics ?? `HTTP ${status}`;
}

export async function api(path, options = {}) {
  const response = await fetch(new URL(path, BASE), {
    ...options,
    headers: { Accept: 'application/json', Authorization: `Bearer ${token.get() ?? ''}`, ...options.headers },
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { message: text };
  }
  if (!response.ok) {
    throw new ApiError(response.status, messageOf(body, response.status));
  }
  return body;
}

/** A POST of a JSON body, as every release step is. */
export function post(path, body) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}
