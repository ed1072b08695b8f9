// 企业门户 (the enterprise portal): what its pages share — the menu group, the zh-CN labels of the codes the APIs answer
// with, and the small pieces every portal page draws (a deadline colour, a timeline, a definition list).

import {html} from 'lit';
import {fmt} from '../lib/format.js';

export const PORTAL = '企业门户';
export const PORTAL_ROLES = ['ENTERPRISE'];

export const CATEGORIES = [
  ['CONSULTATION', '咨询'], ['REQUEST', '求助'], ['COMPLAINT', '投诉'], ['SUGGESTION', '建议'], ['PRAISE', '表扬'],
];
export const SATISFACTIONS = [['SATISFIED', '满意'], ['BASICALLY_SATISFIED', '基本满意'], ['UNSATISFIED', '不满意']];
export const TICKET_STATUSES = [
  ['REGISTERED', '已受理'], ['DISPATCHED', '已派单'], ['RETURNED', '已退单'], ['SIGNED', '已签收'], ['SUSPENDED', '已挂起'],
  ['RESOLVED', '已办结'], ['CLOSED', '已关闭'], ['MERGED', '已并单'],
];
export const CHANNELS = {
  HOTLINE: '8951234 热线', WEB: '网上诉求', QR_CODE: '助企码', GRID_STAFF: '网格员', TRANSFER_12345: '12345 转办', PROJECT_PROBLEM: '项目问题',
};
export const LEVELS = {NATIONAL: '国家级', PROVINCIAL: '省级', MUNICIPAL: '市级', DISTRICT: '区级'};
export const QUALIFICATION_STATES = {VALID: ['有效', 'GREEN'], EXPIRED: ['已过期', 'YELLOW'], REVOKED: ['已撤销', 'RED']};
export const PROJECT_LEVELS = {PROVINCIAL_MAJOR: '省重大', PROVINCIAL_KEY: '省重点', MUNICIPAL_KEY: '市重点', DISTRICT_KEY: '区重点'};
export const INDUSTRY_CHAINS = {
  HIGH_END_EQUIPMENT: '高端装备', PHARMA_HEALTH: '医药健康', NEW_MATERIALS_ENERGY: '新材料新能源', NEXT_GENERATION_IT: '新一代信息技术',
  AUTO_PARTS: '汽车及零部件', MODERN_SERVICES: '现代服务业', OTHER: '其他',
};
export const COLOUR_LABELS = {GREEN: '绿灯', YELLOW: '黄灯', RED: '红灯'};
export const POLICY_MODES = {AUTO: '免申即享', APPLY: '快申快享'};
export const AUTHORISATION_SCOPES = {TICKETS: '诉求工单', APPROVALS: '一件事申请', POLICIES: '惠企政策'};
export const AGENT_KINDS = {COMMISSIONER: '服务专员', HELPER: '帮办员'};

export function label(pairs, code) {
  if (!code) return '—';
  const found = Array.isArray(pairs) ? pairs.find(p => p[0] === code) : null;
  return found ? found[1] : (Array.isArray(pairs) ? code : (pairs[code] || code));
}

/** A status or colour as a tag; colour is RED / YELLOW / GREEN (or none for a plain grey tag). */
export function tag(text, colour) {
  return html`<span class="tag ${colour || ''}">${text}</span>`;
}

/** The limit running now (a ticket's or an item's sla: deadline, workingMinutesLeft, colour, paused), in working time. */
export function slaTag(sla) {
  if (!sla) return '—';
  const minutes = sla.workingMinutesLeft;
  const left = sla.paused ? '已暂停计时'
    : minutes < 0 ? '已超时 ' + workingTime(-minutes)
      : '剩余 ' + workingTime(minutes);
  return html`<span class="tag ${sla.colour || ''}" title=${'时限 ' + fmt.dateTime(sla.deadline) + '（按工作时间计）'}>${left}</span>`;
}

/** Working minutes as 工作小时 and minutes (the length of a working day is the calendar's, so it is not guessed here). */
export function workingTime(minutes) {
  if (minutes === null || minutes === undefined) return '—';
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  return hours > 0 ? hours + ' 工作小时' + (mins ? ' ' + mins + ' 分' : '') : mins + ' 工作分钟';
}

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
