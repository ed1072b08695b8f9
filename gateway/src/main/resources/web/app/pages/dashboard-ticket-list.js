// 工单清单 (the ticket list behind the 热线 dashboard's charts): the service desk's ticket list, newest first, filtered by
// channel and status from the query (#/tickets/list?channel=HOTLINE&status=SIGNED).

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {TICKET_CHANNELS, TICKET_STATUSES, label, colourTag} from '../lib/labels.js';
import {openIfPage} from './dashboard-common.js';

const FILTERS = ['channel', 'status'];

class TicketList extends HcElement {
  static properties = {query: {attribute: false}, user: {attribute: false}, _filter: {state: true}};

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
    go('#/tickets/list?' + new URLSearchParams(next));
  }

  render() {
    const f = this._filter || {};
    const loader = ({page, size}) => api.get('/api/tickets', {...f, page, size});
    const title = [f.channel && label(TICKET_CHANNELS, f.channel), f.status && label(TICKET_STATUSES, f.status)].filter(Boolean).join(' · ');
    return html`
      <h2>工单清单${title ? '：' + title : ''}</h2>
      <form class="filters card" @submit=${e => this.apply(e)}>
        <label>受理渠道<select name="channel"><option value="">全部</option>
          ${TICKET_CHANNELS.map(([c, l]) => html`<option value=${c} ?selected=${f.channel === c}>${l}</option>`)}</select></label>
        <label>工单状态<select name="status"><option value="">全部</option>
          ${TICKET_STATUSES.map(([c, l]) => html`<option value=${c} ?selected=${f.status === c}>${l}</option>`)}</select></label>
        <button type="submit">查询</button>
        <a href="#/dashboard/tickets">返回热线驾驶舱</a>
      </form>
      <section class="card">
        <hc-table id="ticket-list" .loader=${loader} .key=${JSON.stringify(f)}
          export-path="/api/tickets" .exportParams=${f} export-name="工单清单" @row-click=${e => openIfPage('#/work/tickets/' + e.detail.id, this.user)} .columns=${[
          {key: 'number', label: '工单编号'},
          {key: 'title', label: '标题'},
          {key: 'channelLabel', label: '渠道'},
          {key: 'enterpriseName', label: '企业', render: t => t.enterpriseName || t.companyName || '—'},
          {key: 'departmentName', label: '主办单位', render: t => t.departmentName || '—'},
          {key: 'statusLabel', label: '状态'},
          {key: 'sla', label: '时限', render: t => t.sla ? colourTag(t.sla.colour, t.sla.limitLabel) : '—'},
          {key: 'deadline', label: '截止时间', render: t => fmt.dateTime(t.sla && t.sla.deadline)},
          {key: 'createdAt', label: '受理时间', render: t => fmt.dateTime(t.createdAt)},
        ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-dashboard-ticket-list', TicketList);

registerPage({path: '/tickets/list', title: '工单清单', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN', 'STAFF'],
  tag: 'hc-dashboard-ticket-list', order: 11, menu: false});
