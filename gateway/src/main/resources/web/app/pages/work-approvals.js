// 一件事审批任务 (one-thing item tasks): the applications waiting for the staff member's department (an item of it not
// yet decided), or all that wait (the window's 预审 included), the most pressing item deadline first; filters by status,
// thing and applicant. Decided applications are listed newest first, as the API pages them.
//
// GET /api/approvals/applications filters by status, thing and creditCode only (newest first), so the pending ones are
// read whole (a few pages of 200) and narrowed to a department and ordered by deadline here.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {APPLICATION_STATUSES, statusTag} from '../lib/labels.js';
import {slaCard} from './work-common.js';

const PENDING = ['SUBMITTED', 'CORRECTION_REQUESTED', 'IN_PROGRESS'];
const OPEN_ITEM = ['WAITING', 'IN_PROGRESS', 'CORRECTION'];
const FILTERS = ['scope', 'status', 'thing', 'creditCode'];

/** The most pressing running limit of an application's undecided items. */
export function urgentSla(application) {
  const running = (application.items || []).filter(i => i.sla && OPEN_ITEM.includes(i.status)).map(i => i.sla);
  return running.sort((a, b) => a.workingMinutesLeft - b.workingMinutesLeft)[0] || null;
}

class WorkApprovals extends HcElement {
  static properties = {
    query: {attribute: false}, user: {attribute: false},
    _filter: {state: true}, _rows: {state: true}, _things: {state: true}, _departments: {state: true}, _error: {state: true},
  };

  willUpdate(changed) {
    if (changed.has('query')) {
      const q = this.query || {};
      this._filter = Object.fromEntries(FILTERS.filter(k => q[k]).map(k => [k, q[k]]));
      this.load();
    }
  }

  ended() {
    return this._filter.status && !PENDING.includes(this._filter.status);
  }

  ownDepartment() {
    const name = this.user && this.user.department;
    return (this._departments || []).find(d => d.name === name) || null;
  }

  scope() {
    return this._filter.scope || (this.ownDepartment() ? 'mine' : 'all');
  }

  async load() {
    this._error = null;
    this._rows = null;
    try {
      const [things, departments] = await Promise.all([
        this._things ? this._things : api.get('/api/approvals/things'),
        this._departments ? this._departments : api.get('/api/tickets/departments'),
      ]);
      this._things = things;
      this._departments = departments;
      if (this.ended()) {
        this._rows = [];
        return;
      }
      const f = this._filter;
      const lists = await Promise.all((f.status ? [f.status] : PENDING).map(status =>
        api.all('/api/approvals/applications', {status, thing: f.thing, creditCode: f.creditCode})));
      const own = this.scope() === 'mine' ? this.ownDepartment() : null;
      this._rows = [].concat(...lists)
        .filter(a => !own || (a.items || []).some(i => i.department === own.code && OPEN_ITEM.includes(i.status)))
        .sort((a, b) => {
          const sa = urgentSla(a);
          const sb = urgentSla(b);
          if (sa && sb) return sa.workingMinutesLeft - sb.workingMinutesLeft;
          if (sa || sb) return sa ? -1 : 1;
          return String(a.submittedAt).localeCompare(String(b.submittedAt));
        });
    } catch (e) {
      this._error = e;
    }
  }

  apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    FILTERS.forEach(k => { const v = form.get(k); if (v) next[k] = v.trim(); });
    go('#/work/approvals?' + new URLSearchParams(next));
  }

  columns() {
    const own = this.scope() === 'mine' ? this.ownDepartment() : null;
    return [
      {key: 'sla', label: '时限', render: a => slaCard(urgentSla(a))},
      {key: 'number', label: '申请编号', render: a => html`<a href="#/work/approvals/${a.id}" data-application=${a.number}>${a.number}</a>`},
      {key: 'thingName', label: '一件事'},
      {key: 'applicantName', label: '申请企业', render: a => a.applicantName || a.applicantCreditCode},
      {key: 'statusLabel', label: '状态', render: a => statusTag(a.statusLabel, a.status)},
      {key: 'items', label: own ? '本部门事项' : '事项', render: a => {
        const items = a.items || [];
        if (own) {
          return items.filter(i => i.department === own.code)
            .map(i => html`<span class="tag" data-item-status=${i.status}>${i.name}：${i.statusLabel}</span> `);
        }
        const decided = items.filter(i => i.status === 'APPROVED' || i.status === 'REFUSED').length;
        const correction = items.filter(i => i.status === 'CORRECTION').length;
        return `共 ${items.length} 项，已决定 ${decided} 项${correction ? '，待补正 ' + correction + ' 项' : ''}`;
      }},
      {key: 'submittedAt', label: '提交时间', render: a => fmt.dateTime(a.submittedAt)},
    ];
  }

  render() {
    if (this._error) return html`<h2>一件事审批任务</h2><hc-problem .error=${this._error}></hc-problem>`;
    if (!this._rows) return html`<h2>一件事审批任务</h2><p>加载中…</p>`;
    const f = this._filter;
    const own = this.ownDepartment();
    const loader = ({page, size}) => api.get('/api/approvals/applications', {status: f.status, thing: f.thing, creditCode: f.creditCode, page, size});
    const rows = this._rows;
    const count = colour => rows.filter(a => { const s = urgentSla(a); return s && s.colour === colour; }).length;
    return html`
      <h2>一件事审批任务</h2>
      <p class="work-hint">${this.ended() ? '已办结的申请，按提交时间倒序。'
        : this.scope() === 'mine' && own ? html`有本部门（${own.name}）未办结事项的申请，最紧迫的时限在前。`
        : '全部待办申请（含窗口待预审、待补正），最紧迫的时限在前。'}</p>
      ${this.ended() ? nothing : html`<div class="stats">
        ${stat('待办申请', html`<span data-count="all">${fmt.count(rows.length)}</span>`)}
        ${stat('待预审', fmt.count(rows.filter(a => a.status === 'SUBMITTED').length))}
        ${stat('超时事项所在申请', fmt.count(count('RED')))}
        ${stat('临期事项所在申请', fmt.count(count('YELLOW')))}
      </div>`}
      <form class="filters card" id="approval-filters" @submit=${e => this.apply(e)}>
        ${own ? html`<label>范围<select name="scope">
          <option value="mine" ?selected=${this.scope() === 'mine'}>本部门（${own.name}）</option>
          <option value="all" ?selected=${this.scope() === 'all'}>全部部门</option></select></label>` : nothing}
        <label>状态<select name="status"><option value="">全部待办</option>
          ${APPLICATION_STATUSES.map(([c, l]) => html`<option value=${c} ?selected=${f.status === c}>${l}</option>`)}</select></label>
        <label>一件事<select name="thing"><option value="">全部</option>
          ${this._things.map(t => html`<option value=${t.code} ?selected=${f.thing === t.code}>${t.name}</option>`)}</select></label>
        <label>申请企业信用代码<input name="creditCode" .value=${f.creditCode || ''}></label>
        <button type="submit">查询</button>
      </form>
      <section class="card">
        ${this.ended()
          ? html`<hc-table id="approval-list" .loader=${loader} .key=${JSON.stringify(f)} .columns=${this.columns()} @row-click=${e => go('#/work/approvals/' + e.detail.id)}></hc-table>`
          : html`<hc-table id="approval-list" .rows=${rows} .columns=${this.columns()} @row-click=${e => go('#/work/approvals/' + e.detail.id)}></hc-table>`}
      </section>`;
  }
}
customElements.define('hc-work-approvals', WorkApprovals);

registerPage({path: '/work/approvals', title: '一件事审批任务', group: '工作台', roles: ['STAFF', 'ADMIN'], tag: 'hc-work-approvals', order: 3});
