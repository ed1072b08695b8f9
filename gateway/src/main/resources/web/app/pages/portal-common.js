// 企业门户 (the enterprise portal): what its pages share — the menu group, the qualification states' labels and colours,
// and the small pieces every portal page draws (a timeline, a definition list). The labels of the services' codes and
// the tags are lib/labels.js.

import {html} from 'lit';
import {fmt} from '../lib/format.js';

export const PORTAL = '企业门户';
export const PORTAL_ROLES = ['ENTERPRISE'];

export const QUALIFICATION_STATES = {VALID: ['有效', 'GREEN'], EXPIRED: ['已过期', 'YELLOW'], REVOKED: ['已撤销', 'RED']};

/** A definition list of [label, value] pairs, skipping empty values. */
export function facts(pairs) {
  const shown = pairs.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return html`<dl class="portal-facts">${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

/** 办理进度: entries oldest first, each {at, text, by, statusLabel}. */
export function timeline(entries) {
  if (!entries || !entries.length) return html`<p class="portal-muted">暂无办理记录</p>`;
  return html`<ol class="portal-timeline">${entries.map(e => html`<li>
    <span class="portal-when">${fmt.dateTime(e.at)}</span>
    <span class="portal-what">${e.text}</span>
    <span class="portal-muted">${e.by || ''}${e.statusLabel ? ' · ' + e.statusLabel : ''}</span>
  </li>`)}</ol>`;
}

export function yesNo(value) {
  return value === true ? '是' : value === false ? '否' : '—';
}

export function loading(error) {
  return error ? html`<hc-problem .error=${error}></hc-problem>` : html`<p>加载中…</p>`;
}
