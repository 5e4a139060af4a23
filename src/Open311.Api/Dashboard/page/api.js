// The admin API as the page uses it: the staff login, and GET calls with the bearer token and the page's language.
import { currentLanguage } from './texts.js';

const storageKey = 'open311.dashboard.session';

/** Thrown when the token is missing, expired or refused: the page shows the sign-in form again. */
export class SignedOut extends Error {}

/** The signed-in session ({ token, role, departmentId }) for this tab only, or null. */
export function session() {
  const stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
  return stored && stored.expiresAt > Date.now() ? stored : null;
}

export function signOut() {
  sessionStorage.removeItem(storageKey);
}

/** POST /admin/auth/token; the token is kept in sessionStorage, so it ends with the tab. */
export async function signIn(username, password) {
  const response = await fetch('/admin/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    return { ok: false, status: response.status };
  }

  const body = await response.json();
  sessionStorage.setItem(storageKey, JSON.stringify({
    token: body.access_token,
    role: body.role,
    departmentId: body.department_id,
    expiresAt: Date.now() + body.expires_in * 1000,
  }));
  return { ok: true };
}

/** GET path?params&locale=…, as JSON. */
export async function get(path, params = {}) {
  const signedIn = session();
  if (!signedIn) {
    throw new SignedOut();
  }

  const query = new URLSearchParams({ ...params, locale: currentLanguage() });
  const response = await fetch(`${path}?${query}`, { headers: { Authorization: `Bearer ${signedIn.token}`, Accept: 'application/json' } });
  if (response.status === 401) {
    signOut();
    throw new SignedOut();
  }

  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }

  return response.json();
}
