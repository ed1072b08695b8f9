// 我的工单 (the staff member's ticket queue): the tickets in hand (受理 … 待回访) of the staff member's department by
// default, of another department or of all of them (a dispatcher's view), ordered by the deadline of the limit that
// runs now (the API's sort=deadline: no running limit, i.e. 待派单, last), each with its deadline card and working time
// left. Filters, order and paging are the API's (GET /api/tickets), so the figures, the page and the export agree.

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
const FILTERS = ['department', 'status', 'category', 'channel', 'overdue', 'supervised'];
/** The department filter's value for "every department" (no department parameter). */
const ALL = 'all';
const YES_NO = [['true', '是'], ['false', '否']];

class WorkTickets extends HcElement {
  static properties = {
    query: {attribute: false}, user: {attribute: false},
    _filter: {state: true}, _departments: {state: true}, _counts: {state: true}, _loadedKey: {state: true}, _error: {state: true},
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

  /** The department shown: the one asked for, else the user's own, else all. */
  department() {
    if (this._filter.department) return this._filter.department;
    const own = this.ownDepartment();
    return own ? own.code : ALL;
  }

  departmentName(code) {
    const d = (this._departments || []).find(one => one.code === code);
    return d ? d.name : code;
  }

  /** The API's parameters for the queue as filtered: the same for the page, the figures and the export. */
  apiParams() {
    const f = this._filter;
    const department = this.department();
    return {
      sort: 'deadline',
      status: f.status ? [f.status] : OPEN_STATUSES.map(s => s[0]),
      department: department === ALL ? null : department,
      category: f.category, channel: f.channel, overdue: f.overdue, supervised: f.supervised,
    };
  }

  async load() {
    this._error = null;
    this._counts = null;
    try {
      if (!this._departments) this._departments = await api.get('/api/tickets/departments');
      const params = this.apiParams();
      const [overdue, supervised] = await Promise.all([
        params.overdue === 'false' ? 0 : api.total('/api/tickets', {...params, overdue: 'true'}),
        params.supervised === 'false' ? 0 : api.total('/api/tickets', {...params, supervised: 'true'}),
      ]);
      this._counts = {overdue, supervised};
    } catch (e) {
      this._error = e;
    }
  }

  /** One page of the queue from the API; data-loaded on the table says the page shown is for the filters shown. */
  async page(key, params, {page, size}) {
    const answer = await api.get('/api/tickets', {...params, page, size});
    this._loadedKey = key;
    return answer;
  }

  apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    FILTERS.forEach(k => { const v = form.get(k); if (v) next[k] = v; });
    go('#/work/tickets?' + new URLSearchParams(next));
  }

  scope() {
    const department = this.department();
    if (department === ALL) return 'all';
    const own = this.ownDepartment();
    return own && own.code === department ? 'mine' : 'department';
  }

  hint() {
    const department = this.department();
    if (department === ALL) return '全部承办单位的在办工单（含待派单），按当前时限先后排列；无计时的待派单工单排在最后。';
    const own = this.ownDepartment();
    return (own && own.code === department ? '本单位（' + own.name + '）' : this.departmentName(department))
      + '承办的在办工单，按当前时限先后排列。';
  }

  select(name, labelText, blank, options) {
    const value = name === 'department' ? this.department() : this._filter[name];
    return html`<label>${labelText}<select name=${name}>
      ${blank ? html`<option value="">${blank}</option>` : nothing}
      ${options.map(([c, l]) => html`<option value=${c} ?selected=${value === c}>${l}</option>`)}</select></label>`;
  }

  render() {
    if (this._error && !this._departments) return html`<h2>我的工单</h2><hc-problem .error=${this._error}></hc-problem>`;
    if (!this._departments) return html`<h2>我的工单</h2><p>加载中…</p>`;
    const params = this.apiParams();
    const key = JSON.stringify(params);
    const own = this.ownDepartment();
    const c = this._counts;
    return html`
      <h2>我的工单</h2>
      <p class="work-hint">${this.hint()}</p>
      <hc-problem .error=${this._error}></hc-problem>
      <div class="stats" data-section="queue">
        ${stat('超时（红灯）', html`<span data-count="overdue">${c ? fmt.count(c.overdue) : '…'}</span>`, '当前时限已过')}
        ${stat('督办中', html`<span data-count="supervised">${c ? fmt.count(c.supervised) : '…'}</span>`, '管理人员督办的工单')}
      </div>
      <form class="filters card" id="ticket-filters" @submit=${e => this.apply(e)}>
        ${this.select('department', '承办单位', null, [[ALL, '全部单位（含待派单）'],
          ...(own ? [[own.code, '本单位（' + own.name + '）']] : []),
          ...this._departments.filter(d => !own || d.code !== own.code).map(d => [d.code, d.name])])}
        ${this.select('status', '状态', '全部在办', OPEN_STATUSES)}
        ${this.select('category', '诉求类别', '全部', TICKET_CATEGORIES)}
        ${this.select('channel', '受理渠道', '全部', TICKET_CHANNELS)}
        ${this.select('overdue', '是否超时', '全部', YES_NO)}
        ${this.select('supervised', '是否督办', '全部', YES_NO)}
        <button type="submit">查询</button>
      </form>
      <section class="card">
        <hc-table id="ticket-queue" data-scope=${this.scope()} data-filter=${key} caption="在办工单（按当前时限排序）"
          data-loaded=${this._loadedKey === key ? 'true' : 'false'} .key=${key} .loader=${page => this.page(key, params, page)}
          export-path="/api/tickets" .exportParams=${params} export-name="在办工单"
          @row-click=${e => go('#/work/tickets/' + e.detail.id)} .columns=${[
          {key: 'sla', label: '时限 · 剩余工作时间', render: t => slaCard(t.sla)},
          {key: 'number', label: '工单编号', render: t => html`<a href="#/work/tickets/${t.id}" data-ticket=${t.number}>${t.number}</a>`},
          {key: 'title', label: '标题', render: t => html`${t.urgent ? html`<span class="tag RED">急</span> ` : nothing}${t.supervision
            ? html`<span class="tag YELLOW" data-supervised>督办</span> ` : nothing}${t.title}`},
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
