// What the 热线, 一件事 and 企业服务 dashboards and their lists share: the chart colours of the application states, the
// industry sections, the reporting period (the last 90 days by default, dates in Asia/Shanghai), rates as percentages,
// and the drill-down links that open a detail page only when the console has one for the user's role.

import {html} from 'lit';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {resolve, go} from '../lib/pages.js';
import {fieldError} from '../lib/components.js';
import {APPLICATION_STATUSES as APPLICATION_STATUS_LABELS} from '../lib/labels.js';

/** The application states, each with the colour its charts draw it in. */
const APPLICATION_COLOURS = {
  SUBMITTED: '#1f5fbf', CORRECTION_REQUESTED: '#e6a23c', IN_PROGRESS: '#2aa3b5', COMPLETED: '#2e9d57', PARTLY_REFUSED: '#d9453d',
};
export const APPLICATION_STATUSES = APPLICATION_STATUS_LABELS.map(([code, text]) => [code, text, APPLICATION_COLOURS[code]]);
/** GB/T 4754-2017 门类 (the catalogue's top level; the register's industry filter takes a code prefix). */
export const INDUSTRY_SECTIONS = [
  ['A', '农、林、牧、渔业'], ['B', '采矿业'], ['C', '制造业'], ['D', '电力、热力、燃气及水生产和供应业'], ['E', '建筑业'],
  ['F', '批发和零售业'], ['G', '交通运输、仓储和邮政业'], ['H', '住宿和餐饮业'], ['I', '信息传输、软件和信息技术服务业'],
  ['J', '金融业'], ['K', '房地产业'], ['L', '租赁和商务服务业'], ['M', '科学研究和技术服务业'],
  ['N', '水利、环境和公共设施管理业'], ['O', '居民服务、修理和其他服务业'], ['P', '教育'], ['Q', '卫生和社会工作'],
  ['R', '文化、体育和娱乐业'], ['S', '公共管理、社会保障和社会组织'], ['T', '国际组织'],
];

export const PALETTE = ['#1f5fbf', '#2e9d57', '#e6a23c', '#d9453d', '#7a5bc4', '#2aa3b5', '#8c96a3', '#b5651d'];

/** yyyy-MM-dd of the day `days` before today in Jining. */
export function daysAgo(days) {
  const [y, m, d] = fmt.today().split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}

/**
 * A list's totals grouped by `by` (one or two dimensions, comma-separated), in one call of its `…/counts` endpoint with
 * the list's own filters; answers a lookup `count(key)` / `count(key1, key2)`, 0 for a group the list has nothing in.
 */
export async function countsBy(path, by, params = {}) {
  const rows = await api.get(path + '/counts', {...params, by});
  const counts = new Map(rows.map(r => [(r.keys || [r.key]).join('\u0001'), r.count]));
  return (...keys) => counts.get(keys.join('\u0001')) || 0;
}

/** The default reporting period: the last 90 days, today included. */
export function lastNinetyDays() {
  return {from: daysAgo(89), to: fmt.today()};
}

/** A rate the APIs give as a decimal fraction (0.9143), or null when it has no denominator. */
export function rate(value) {
  return value === null || value === undefined ? '—' : fmt.percent(Number(value));
}

/** A rate as a percentage number for a chart axis (null stays a gap). */
export function ratePoint(value) {
  return value === null || value === undefined ? null : Math.round(Number(value) * 10000) / 100;
}

/** The 统计期 form: from and to, both included; calls back with the new period; a refusal shows under the field it names. */
export function periodForm(period, onChange, id, error) {
  const submit = e => {
    e.preventDefault();
    const form = new FormData(e.target);
    onChange({from: String(form.get('from')), to: String(form.get('to'))});
  };
  return html`<form class="filters dash-period" id=${id || 'period'} @submit=${submit}>
    <label>起始日期<input type="date" name="from" required .value=${period.from}>${fieldError(error, 'from')}</label>
    <label>截止日期<input type="date" name="to" required .value=${period.to}>${fieldError(error, 'to')}</label>
    <button type="submit">统计</button>
  </form>`;
}

/** Opens a detail page (#/…/:id) if the console has one for this role; answers whether it did. */
export function openIfPage(hash, user) {
  if (user && resolve(hash, user.role)) {
    go(hash);
    return true;
  }
  return false;
}

/** A bar chart's option: categories along x, one or more series, values on top. */
export function barOption(categories, series, {yName, percent, rotate} = {}) {
  return {
    tooltip: {trigger: 'axis'},
    legend: series.length > 1 ? {top: 0, data: series.map(s => s.name)} : undefined,
    grid: {left: 56, right: 16, top: series.length > 1 ? 40 : 24, bottom: rotate ? 80 : 32, containLabel: false},
    xAxis: {type: 'category', data: categories, axisLabel: {interval: 0, rotate: rotate || 0}},
    yAxis: {type: 'value', name: yName || '', max: percent ? 100 : undefined},
    series: series.map((s, i) => ({type: 'bar', itemStyle: {color: PALETTE[i % PALETTE.length]},
      label: {show: series.length === 1, position: 'top', formatter: percent ? '{c}%' : '{c}'}, ...s})),
  };
}

/** The figures under a chart, each a link to the list behind it (keyboard users drill down through these). */
export function legendLinks(id, entries) {
  return html`<ul class="dash-legend" id=${id}>${entries.map(e => html`<li><a href=${e.href}>${e.label}
    <strong data-key=${e.key}>${fmt.count(e.value)}</strong></a></li>`)}</ul>`;
}
