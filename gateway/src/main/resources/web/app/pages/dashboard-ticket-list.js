// 工单清单 (the ticket list behind the 热线 dashboard's charts): the service desk's ticket list, newest first, filtered by
// channel, status, category, department, overdue and supervised from the query (#/tickets/list?channel=HOTLINE&overdue=true);
// its export carries the same filters, so the file holds exactly the tickets the table counts.

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {TICKET_CHANNELS, TICKET_STATUSES, TICKET_CATEGORIES, label, colourTag} from '../lib/labels.js';
import {openIfPage} from './dashboard-common.js';

const FILTERS = ['channel', 'status', 'category', 'department', 'overdue', 'supervised'];
const YES_NO = {overdue: [['true', '已超时'], ['false', '未超时']], supervised: [['true', '督办中'], ['false', '未督办']]};

class TicketList extends HcElement {
  static properties = {query: {attribute: false}, user: {attribute: false}, _filter: {state: true}, _departments: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    api.get('/api/tickets/departments').then(d => { this._departments = d; }, () => { this._departments = []; });
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
    go('#/tickets/list?' + new URLSearchParams(next));
  }

  select(name, text, options, f) {
    return html`<label>${text}<select name=${name}><option value="">全部</option>
      ${options.map(([c, l]) => html`<option value=${c} ?selected=${f[name] === c}>${l}</option>`)}</select></label>`;
  }

  render() {
    const f = this._filter || {};
    const departments = (this._departments || []).map(d => [d.code, d.name]);
    const loader = ({page, size}) => api.get('/api/tickets', {...f, page, size});
    const title = [f.channel && label(TICKET_CHANNELS, f.channel), f.status && label(TICKET_STATUSES, f.status),
      f.category && label(TICKET_CATEGORIES, f.category), f.department && label(departments, f.department),
      f.overdue && label(YES_NO.overdue, f.overdue), f.supervised && label(YES_NO.supervised, f.supervised)].filter(Boolean).join(' · ');
    return html`
      <h2>工单清单${title ? '：' + title : ''}</h2>
      <form class="filters card" @submit=${e => this.apply(e)}>
        ${this.select('channel', '受理渠道', TICKET_CHANNELS, f)}
        ${this.select('status', '工单状态', TICKET_STATUSES, f)}
        ${this.select('category', '诉求类别', TICKET_CATEGORIES, f)}
        ${this.select('department', '主办单位', departments, f)}
        ${this.select('overdue', '超时', YES_NO.overdue, f)}
        ${this.select('supervised', '督办', YES_NO.supervised, f)}
        <button type="submit">查询</button>
        <a href="#/dashboard/tickets">返回热线驾驶舱</a>
      </form>
      <section class="card">
        <hc-table id="ticket-list" .loader=${loader} .key=${JSON.stringify(f)}
          export-path="/api/tickets" .exportParams=${f} export-name=${'工单清单' + (title ? '（' + title + '）' : '')}
          @row-click=${e => openIfPage('#/work/tickets/' + e.detail.id, this.user)} .columns=${[
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
