// 会话 (session): the tokens of the gateway's login, kept per browser tab (sessionStorage), refreshed quietly a minute
// before the access token expires; signing out revokes the refresh token and forgets both.

import {ApiError, parseProblem} from './problem.js';

const KEY = 'hitech.session';
const listeners = new Set();
let refreshTimer = null;
let refreshing = null;

function decode(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(atob(part).split('').map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

const ROLES = ['ADMIN', 'MANAGER', 'STAFF', 'ENTERPRISE'];

function userOf(tokens) {
  const claims = decode(tokens.accessToken);
  const groups = claims.groups || [];
  return {
    name: claims.upn || claims.sub,
    displayName: claims.name || claims.upn,
    role: ROLES.find(r => groups.includes(r)) || 'NONE',
    department: claims.department || null,
    creditCode: claims.creditCode || null,
    expiresAt: claims.exp * 1000,
  };
}

function read() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY));
    if (stored && stored.accessToken) {
      userOf(stored);
      return stored;
    }
  } catch (e) {
    // A session the console cannot read (edited, or from another version) is no session: sign in again.
    sessionStorage.removeItem(KEY);
  }
  return null;
}

function store(tokens) {
  sessionStorage.setItem(KEY, JSON.stringify(tokens));
  schedule(tokens);
  listeners.forEach(l => l(current()));
}

function schedule(tokens) {
  clearTimeout(refreshTimer);
  const inMs = userOf(tokens).expiresAt - Date.now() - 60_000;
  refreshTimer = setTimeout(() => refresh().catch(() => expire()), Math.max(inMs, 5_000));
}

/** The signed-in user, or null. */
export function current() {
  const tokens = read();
  return tokens ? userOf(tokens) : null;
}

export function accessToken() {
  const tokens = read();
  return tokens ? tokens.accessToken : null;
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'},
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, parseProblem(text, response.status) || {detail: '登录服务返回 ' + response.status});
  }
  return text ? JSON.parse(text) : null;
}

export async function login(username, password) {
  const tokens = await post('/api/auth/login', {username, password});
  sessionStorage.removeItem('hitech.expired');
  store(tokens);
  return current();
}

/** Exchanges the refresh token once; concurrent callers share the same exchange. */
export function refresh() {
  const tokens = read();
  if (!tokens) {
    return Promise.reject(new Error('未登录'));
  }
  if (!refreshing) {
    refreshing = post('/api/auth/refresh', {refreshToken: tokens.refreshToken})
        .then(fresh => { store(fresh); return current(); })
        .finally(() => { refreshing = null; });
  }
  return refreshing;
}

export async function logout() {
  const tokens = read();
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(KEY);
  if (tokens) {
    try {
      await post('/api/auth/logout', {refreshToken: tokens.refreshToken});
    } catch (e) {
      // The refresh token may be revoked or expired already; the session is gone either way.
    }
  }
  listeners.forEach(l => l(null));
}

/** The session ended without the user asking: back to the login page, which says why. */
export function expire() {
  clearTimeout(refreshTimer);
  sessionStorage.removeItem(KEY);
  sessionStorage.setItem('hitech.expired', '登录已过期，请重新登录');
  listeners.forEach(l => l(null));
}

/** The message the login page shows once after an expiry. */
export function takeExpiryMessage() {
  const message = sessionStorage.getItem('hitech.expired');
  sessionStorage.removeItem('hitech.expired');
  return message;
}

const restored = read();
if (restored) {
  if (userOf(restored).expiresAt < Date.now()) {
    // Closed while away: try the refresh token before giving up.
    refresh().catch(() => expire());
  } else {
    schedule(restored);
  }
}
