// Every call to the REST API goes through here: the bearer token, consistentWith,
// Idempotency-Key on writes, and errors turned into sentences for people
// (problem+json `detail`), never raw JSON.

export class ApiError extends Error {
  constructor(message, { status = 0, code = null } = {}) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const hooks = {
  token: async () => null,
  renew: null,
  reachable: () => {},
};

/** token: async () => string; renew: async () => void or null; reachable: () => void */
export function configureApi(options) {
  Object.assign(hooks, options);
}

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function withConsistency(path, position) {
  return position > 0 ? `${path}${path.includes('?') ? '&' : '?'}consistentWith=${position}` : path;
}

/**
 * Calls the API. Answers the parsed JSON body (with `position` from the header when the
 * body has none), or the Response itself for `raw`.
 */
export async function api(path, { method = 'GET', body, consistentWith = 0, accept = 'application/json',
  anonymous = false, raw = false } = {}) {
  const write = method !== 'GET';
  const key = write ? randomKey() : null;
  let renewed = false;
  for (let attempt = 0; ; attempt += 1) {
    const headers = { Accept: accept };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (!anonymous) {
      headers.Authorization = `Bearer ${await hooks.token()}`;
    }
    if (key) {
      // The same key on a retry: a write that reached the server is not stored twice.
      headers['Idempotency-Key'] = key;
    }
    let response;
    try {
      response = await fetch(withConsistency(path, consistentWith), {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      if (attempt < 1) {
        await wait(1000);
        continue;
      }
      throw new ApiError('The server cannot be reached. Check the connection; the page keeps trying.');
    }
    hooks.reachable();
    if (response.status === 401 && !anonymous && hooks.renew && !renewed) {
      renewed = true;
      await hooks.renew();
      continue;
    }
    if (response.status === 503 && attempt < 3) {
      await wait(1000 * Math.min(5, Number(response.headers.get('Retry-After')) || 1));
      continue;
    }
    if (!response.ok) {
      throw await problem(response);
    }
    return raw ? response : answer(response);
  }
}

async function answer(response) {
  const position = Number(response.headers.get('TimeLedger-Position')) || 0;
  const text = response.status === 204 ? '' : await response.text();
  const value = text ? JSON.parse(text) : {};
  if (value && typeof value === 'object' && !Array.isArray(value) && value.position === undefined) {
    value.position = position;
  }
  return value;
}

const FALLBACK = {
  401: 'You are not signed in, or your sign-in has expired.',
  403: 'Your roles do not allow this.',
  404: 'That was not found.',
  429: 'Too many requests; wait a moment and try again.',
};

async function problem(response) {
  let detail = null;
  let code = null;
  if ((response.headers.get('Content-Type') ?? '').includes('json')) {
    const body = await response.json().catch(() => null);
    detail = body?.detail ?? body?.title ?? null;
    code = body?.code ?? null;
  }
  const fallback = FALLBACK[response.status]
    ?? (response.status >= 500 ? 'The server could not answer right now; try again in a moment.'
      : `The request failed (${response.status}).`);
  return new ApiError(sentence(detail) ?? fallback, { status: response.status, code });
}

function sentence(text) {
  if (!text) {
    return null;
  }
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Fetches a CSV with the token and saves it through a Blob link. */
export async function downloadCsv(path, fallbackName) {
  const response = await api(path, { accept: 'text/csv', raw: true });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Encodes an id as one path segment the way the server does (java.net.URLEncoder). */
export function segment(id) {
  return encodeURIComponent(id).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
