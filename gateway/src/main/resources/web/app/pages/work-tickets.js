// 我的工单 (the staff member's ticket queue): every ticket in hand (受理 … 待回访) of the staff member's department, or
// all of them for a dispatcher, ordered by the deadline of the limit that runs now (the API's sla), each with its
// deadline card and working time left; filters by status, category, channel, overdue and text.
//
// GET /api/tickets lists newest first and filters by status and channel only, so the queue reads every ticket in hand
// (a few pages of 200 per status, channel narrowed by the API) and orders and narrows the rest here.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES, label, statusTag} from '../lib/labels.js';
import {slaCard} from './work-common.js';

/** The statuses of a ticket in hand; a resolved one waits for its call-back (回访). */
export const OPEN_STATUSES = ['REGISTERED', 'DISPATCHED', 'SIGNED', 'SUSPENDED', 'RETURNED', 'RESOLVED']
  .map(code => [code, label(TICKET_STATUSES, code) + (code === 'RESOLVED' ? '（待回访）' : '')]);
const FILTERS = ['scope', 'status', 'category', 'channel', 'overdue', 'q'];

/** Deadline first (the running limit's); tickets without one (待派单) after, oldest first. */
function byDeadline(a, b) {
  const da = a.sla && a.sla.deadline;
  const db = b.sla && b.sla.deadline;
  if (da && db) return da.localeCompare(db);
  if (da) return -1;
  if (db) return 1;
  return String(a.createdAt).localeCompare(String(b.createdAt));
}

class WorkTickets extends HcElement {
  static properties = {
    query: {attribute: false}, user: {attribute: false},
    _filter: {state: true}, _tickets: {state: true}, _departments: {state: true}, _error: {state: true},
  };

  willUpdate(changed) {
    if (changed.has('query')) {
      const q = this.query || {};
      this._filter = Object.fromEntries(FILTERS.filter(k => q[k]).map(k => [k, q[k]]));
      this.load();
    }
  }

  /** The 承办单位 the user works in (by name, as the token carries it), or null for a dispatcher. */
  ownDepartment() {
    const name = this.user && this.user.department;
    return (this._departments || []).find(d => d.name === name) || null;
  }

  departmentName(code) {
    const d = (this._departments || []).find(one => one.code === code);
    return d ? d.name : code;
  }

  async load() {
    this._error = null;
    this._tickets = null;
    try {
      const f = this._filter;
      const statuses = f.status ? [f.status] : OPEN_STATUSES.map(s => s[0]);
      const [departments, ...lists] = await Promise.all([
        this._departments ? Promise.resolve(this._departments) : api.get('/api/tickets/departments'),
        ...statuses.map(status => api.all('/api/tickets', {status, channel: f.channel})),
      ]);
      this._departments = departments;
      this._tickets = [].concat(...lists).sort(byDeadline);
    } catch (e) {
      this._error = e;
    }
  }

  scope() {
    return this._filter.scope || (this.ownDepartment() ? 'mine' : 'all');
  }

  rows() {
    const f = this._filter;
    const own = this.ownDepartment();
    const text = (f.q || '').trim().toLowerCase();
    return this._tickets.filter(t =>
      (this.scope() !== 'mine' || !own || t.department === own.code)
      && (!f.category || t.category === f.category)
      && (f.overdue !== 'yes' || (t.sla && t.sla.colour === 'RED'))
      && (!text || [t.number, t.title, t.enterpriseName].some(v => v && v.toLowerCase().includes(text))));
  }

  apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    FILTERS.forEach(k => { const v = form.get(k); if (v) next[k] = v; });
    go('#/work/tickets?' + new URLSearchParams(next));
  }

  render() {
    if (this._error) return html`<h2>我的工单</h2><hc-problem .error=${this._error}></hc-problem>`;
    if (!this._tickets) return html`<h2>我的工单</h2><p>加载中…</p>`;
    const f = this._filter;
    const own = this.ownDepartment();
    const rows = this.rows();
    const count = colour => rows.filter(t => t.sla && t.sla.colour === colour).length;
    return html`
      <h2>我的工单</h2>
      <p class="work-hint">${this.scope() === 'mine' && own
        ? html`本单位（${own.name}）承办的在办工单，按当前时限先后排列。`
        : html`全部在办工单（含待派单），按当前时限先后排列；无计时的待派单工单排在最后。`}</p>
      <div class="stats" data-section="queue">
        ${stat('在办工单', html`<span data-count="all">${fmt.count(rows.length)}</span>`)}
        ${stat('超时（红灯）', html`<span data-count="RED">${fmt.count(count('RED'))}</span>`)}
        ${stat('临期（黄灯）', html`<span data-count="YELLOW">${fmt.count(count('YELLOW'))}</span>`)}
        ${stat('正常（绿灯）', html`<span data-count="GREEN">${fmt.count(count('GREEN'))}</span>`)}
      </div>
      <form class="filters card" id="ticket-filters" @submit=${e => this.apply(e)}>
        ${own ? html`<label>范围<select name="scope">
          <option value="mine" ?selected=${this.scope() === 'mine'}>本单位（${own.name}）</option>
          <option value="all" ?selected=${this.scope() === 'all'}>全部在办</option></select></label>` : nothing}
        <label>状态<select name="status"><option value="">全部在办</option>
          ${OPEN_STATUSES.map(([c, l]) => html`<option value=${c} ?selected=${f.status === c}>${l}</option>`)}</select></label>
        <label>诉求类别<select name="category"><option value="">全部</option>
          ${TICKET_CATEGORIES.map(([c, l]) => html`<option value=${c} ?selected=${f.category === c}>${l}</option>`)}</select></label>
        <label>受理渠道<select name="channel"><option value="">全部</option>
          ${TICKET_CHANNELS.map(([c, l]) => html`<option value=${c} ?selected=${f.channel === c}>${l}</option>`)}</select></label>
        <label>是否超时<select name="overdue"><option value="">全部</option>
          <option value="yes" ?selected=${f.overdue === 'yes'}>仅超时</option></select></label>
        <label>编号、标题或企业<input name="q" .value=${f.q || ''}></label>
        <button type="submit">查询</button>
      </form>
      <section class="card">
        <hc-table id="ticket-queue" data-scope=${this.scope()} .rows=${rows} @row-click=${e => go('#/work/tickets/' + e.detail.id)} .columns=${[
          {key: 'sla', label: '时限 · 剩余工作时间', render: t => slaCard(t.sla)},
          {key: 'number', label: '工单编号', render: t => html`<a href="#/work/tickets/${t.id}" data-ticket=${t.number}>${t.number}</a>`},
          {key: 'title', label: '标题', render: t => html`${t.urgent ? html`<span class="tag RED">急</span> ` : nothing}${t.title}`},
          {key: 'categoryLabel', label: '类别'},
          {key: 'channelLabel', label: '渠道'},
          {key: 'statusLabel', label: '状态', render: t => statusTag(t.statusLabel, t.status)},
          {key: 'departmentName', label: '承办单位', render: t => t.departmentName || (t.suggestedDepartment ? '建议：' + this.departmentName(t.suggestedDepartment) : '待派单')},
          {key: 'deadline', label: '截止时间', render: t => t.sla ? html`${t.sla.limitLabel}<br>${fmt.dateTime(t.sla.deadline)}` : '—'},
          {key: 'enterpriseName', label: '企业'},
        ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-work-tickets', WorkTickets);

registerPage({path: '/work/tickets', title: '我的工单', group: '工作台', roles: ['STAFF', 'ADMIN'], tag: 'hc-work-tickets', order: 1});
