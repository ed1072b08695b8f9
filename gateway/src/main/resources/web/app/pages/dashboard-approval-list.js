// 一件事申请清单 (the application list behind the 一件事 dashboard's charts): newest first, filtered by thing and state
// from the query (#/approvals/list?thing=JOINT_COMPLETION_ACCEPTANCE&status=COMPLETED).

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {APPLICATION_STATUSES, label} from '../lib/labels.js';
import {openIfPage} from './dashboard-common.js';

const FILTERS = ['thing', 'status'];

class ApprovalList extends HcElement {
  static properties = {query: {attribute: false}, user: {attribute: false}, _filter: {state: true}, _things: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    api.get('/api/approvals/things').then(things => { this._things = things; }, () => { this._things = []; });
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      const q = this.query || {};
      this._filter = Object.fromEntries(FILTERS.filter(k => q[k]).map(k => [k, q[k]]));
    }
  }

  apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    FILTERS.forEach(k => { const v = form.get(k); if (v) next[k] = v; });
    go('#/approvals/list?' + new URLSearchParams(next));
  }

  render() {
    const f = this._filter || {};
    const things = this._things || [];
    const loader = ({page, size}) => api.get('/api/approvals/applications', {...f, page, size});
    const thingName = f.thing && (things.find(t => t.code === f.thing) || {name: f.thing}).name;
    const title = [thingName, f.status && label(APPLICATION_STATUSES, f.status)].filter(Boolean).join(' · ');
    return html`
      <h2>一件事申请清单${title ? '：' + title : ''}</h2>
      <form class="filters card" @submit=${e => this.apply(e)}>
        <label>一件事<select name="thing"><option value="">全部</option>
          ${things.map(t => html`<option value=${t.code} ?selected=${f.thing === t.code}>${t.name}</option>`)}</select></label>
        <label>申请状态<select name="status"><option value="">全部</option>
          ${APPLICATION_STATUSES.map(([c, l]) => html`<option value=${c} ?selected=${f.status === c}>${l}</option>`)}</select></label>
        <button type="submit">查询</button>
        <a href="#/dashboard/approvals">返回一件事驾驶舱</a>
      </form>
      <section class="card">
        <hc-table id="application-list" .loader=${loader} .key=${JSON.stringify(f)}
          export-path="/api/approvals/applications" .exportParams=${f} export-name="一件事申请清单" @row-click=${e => openIfPage('#/work/approvals/' + e.detail.id, this.user)}
          .columns=${[
            {key: 'number', label: '申请编号'},
            {key: 'thingName', label: '一件事'},
            {key: 'applicantName', label: '申请企业'},
            {key: 'statusLabel', label: '状态'},
            {key: 'items', label: '事项', render: a => `${(a.items || []).filter(i => i.status === 'APPROVED').length} / ${(a.items || []).length} 已批准`},
            {key: 'submittedAt', label: '提交时间', render: a => fmt.dateTime(a.submittedAt)},
            {key: 'completedAt', label: '办结时间', render: a => fmt.dateTime(a.completedAt)},
          ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-dashboard-approval-list', ApprovalList);

registerPage({path: '/approvals/list', title: '一件事申请清单', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN', 'STAFF'],
  tag: 'hc-dashboard-approval-list', order: 12, menu: false});
