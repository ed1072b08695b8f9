// The gateway's API as the console calls it: JSON in and out, the access token on every call, one quiet refresh on a
// 401, and every refusal as an ApiError carrying the problem+json the service answered (its zh-CN detail and the
// fields it names).

import {accessToken, expire, refresh} from './session.js';
import {ApiError, parseProblem} from './problem.js';

export {ApiError};

function url(path, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      (Array.isArray(v) ? v : [v]).forEach(one => query.append(k, one));
    }
  });
  const q = query.toString();
  return q ? path + (path.includes('?') ? '&' : '?') + q : path;
}

async function send(method, path, {params, body, version, headers, accept} = {}, retried = false) {
  const token = accessToken();
  const all = {'Accept': accept || 'application/json, application/problem+json', ...(headers || {})};
  if (token) {
    all['Authorization'] = 'Bearer ' + token;
  }
  if (body !== undefined) {
    all['Content-Type'] = 'application/json';
  }
  if (version !== undefined && version !== null) {
    all['If-Match'] = '"' + version + '"';
  }
  const response = await fetch(url(path, params), {method, headers: all, body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 401 && token && !retried) {
    try {
      await refresh();
    } catch (e) {
      expire();
      throw new ApiError(401, {detail: '登录已过期，请重新登录'});
    }
    return send(method, path, {params, body, version, headers, accept}, true);
  }
  if (response.status === 401 && retried) {
    expire();
  }
  return response;
}

async function json(response) {
  const text = await response.text();
  const parsed = response.ok ? (text ? JSON.parse(text) : null) : parseProblem(text, response.status);
  if (!response.ok) {
    throw new ApiError(response.status, parsed);
  }
  return parsed;
}

export const api = {
  get: (path, params) => send('GET', path, {params}).then(json),
  post: (path, body, options = {}) => send('POST', path, {...options, body: body === undefined ? {} : body}).then(json),
  put: (path, body, options = {}) => send('PUT', path, {...options, body}).then(json),

  /** Downloads a report as CSV or XLSX (the report endpoints' ?format=), under the user's token, as a file. */
  async download(path, params, format, fileName) {
    const response = await send('GET', path, {params: {...(params || {}), format}, accept: '*/*'});
    if (!response.ok) {
      await json(response);
    }
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = (fileName || 'export') + '.' + format;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  },
};
