// Who is signed in: a bearer token kept for this tab only (sessionStorage), and in local
// mode the demo user it was issued for, so that an expiring token is replaced without
// asking anyone.

import { api } from './api.js';
import { browserZone } from './time.js';

const STORAGE_KEY = 'timeledger.session';
const RENEW_BEFORE_MS = 60_000;

let current = restore();

function restore() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY));
    return stored?.token ? { ...stored, claims: decode(stored.token) } : null;
  } catch {
    return null;
  }
}

function save(token, preset) {
  current = { token, preset, claims: decode(token) };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ token, preset }));
}

/** The claims of a JWT, without checking it: the server checks every request. */
function decode(token) {
  const payload = token.split('.')[1];
  if (!payload) {
    throw new Error('That is not a bearer token (a JWT has three parts separated by dots).');
  }
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export function signedIn() {
  return current !== null;
}

/** The signed-in user as the token says; claim names are those of the default configuration. */
export function me() {
  const claims = current?.claims ?? {};
  const roles = Array.isArray(claims.roles) ? claims.roles : String(claims.roles ?? '').split(/[\s,]+/);
  return {
    userId: claims.sub,
    tenant: claims.tenant_id,
    name: claims.name ?? claims.sub,
    zone: claims.zone ?? 'UTC',
    roles: roles.filter(Boolean),
    /** Without a readable roles claim (renamed claims) every view shows; the server still decides. */
    has(role) {
      return this.roles.length === 0 || this.roles.includes(role);
    },
  };
}

async function issue(preset) {
  const { token: issued } = await api('/api/dev/tokens', { method: 'POST', body: preset, anonymous: true });
  save(issued, preset);
}

/** Local mode: a token for a demo user, in this browser's time zone. */
export function signInAs(user, tenant) {
  return issue({ user: user.user, tenant, roles: user.roles, name: user.name, zone: browserZone() });
}

export function signInWithToken(token) {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  let claims;
  try {
    claims = decode(trimmed);
  } catch (error) {
    throw new Error(error instanceof SyntaxError || error.name === 'InvalidCharacterError'
      ? 'That is not a bearer token: its middle part is not readable.' : error.message);
  }
  if (claims.exp && claims.exp * 1000 < Date.now()) {
    throw new Error('That token has expired; get a new one.');
  }
  save(trimmed, null);
}

export function signOut() {
  current = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

export function canRenew() {
  return Boolean(current?.preset);
}

/** A token that is still valid for a while; in local mode renewed shortly before it expires. */
export async function token() {
  const { exp = Infinity, iat = 0 } = current?.claims ?? {};
  // A minute ahead, or a quarter of the lifetime for short-lived tokens.
  const margin = Math.min(RENEW_BEFORE_MS, ((exp - iat) * 1000) / 4);
  if (canRenew() && exp * 1000 - Date.now() < margin) {
    await renew();
  }
  return current?.token ?? '';
}

let renewing = null;

/** A fresh local-mode token; callers that ask at the same time share one request. */
export function renew() {
  if (!canRenew()) {
    return Promise.reject(new Error('Your token has expired or was refused: sign in again with a new one.'));
  }
  renewing ??= issue(current.preset).finally(() => {
    renewing = null;
  });
  return renewing;
}
