// 我的诉求 and 提交诉求: the enterprise's own 8951234 tickets (GET /api/tickets is scoped to it for an ENTERPRISE
// account) and the form that files a new one on the WEB channel.

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {fieldError} from '../lib/components.js';
import {TICKET_CATEGORIES, TICKET_STATUSES, deadlineTag, tag} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES} from './portal-common.js';

const STATUS_COLOURS = {RESOLVED: 'GREEN', CLOSED: 'GREEN', SUSPENDED: 'YELLOW', RETURNED: 'YELLOW'};

export function ticketStatusTag(t) {
  return tag(t.statusLabel, STATUS_COLOURS[t.status]);
}

class PortalTickets extends HcElement {
  static properties = {query: {attribute: false}, _status: {state: true}};

  willUpdate(changed) {
    if (changed.has('query')) this._status = (this.query && this.query.status) || '';
  }

  render() {
    const status = this._status;
    const loader = ({page, size}) => api.get('/api/tickets', {status, page, size});
    return html`
      <div class="toolbar"><h2 style="margin:0">我的诉求</h2><span class="spacer"></span>
        <a class="portal-button" href="#/portal/tickets/new">提交诉求</a></div>
      <section class="card">
        <div class="filters">
          <label>状态<select id="ticket-status" @change=${e => go('#/portal/tickets' + (e.target.value ? '?status=' + e.target.value : ''))}>
            <option value="">全部</option>
            ${TICKET_STATUSES.map(([c, l]) => html`<option value=${c} ?selected=${status === c}>${l}</option>`)}
          </select></label>
        </div>
        <hc-table id="portal-tickets" .loader=${loader} .key=${status || ''} @row-click=${e => go('#/portal/tickets/' + e.detail.id)} .columns=${[
          {key: 'number', label: '工单编号', render: t => html`<a href="#/portal/tickets/${t.id}">${t.number}</a>`},
          {key: 'title', label: '标题'},
          {key: 'categoryLabel', label: '类别'},
          {key: 'channelLabel', label: '渠道'},
          {key: 'status', label: '状态', render: ticketStatusTag},
          {key: 'departmentName', label: '承办单位'},
          {key: 'createdAt', label: '受理时间', render: t => fmt.dateTime(t.createdAt)},
          {key: 'sla', label: '办理时限', render: t => t.sla ? deadlineTag(t.sla) : '—'},
        ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-portal-tickets', PortalTickets);

/** 提交诉求: category, title, description and contact; the topic (诉求分类) is optional. */
class PortalTicketNew extends HcElement {
  static properties = {_topics: {state: true}, _error: {state: true}, _busy: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    api.get('/api/tickets/topics').then(tree => { this._topics = tree; }).catch(() => { this._topics = []; });
  }

  /** The active leaves of the 诉求分类 tree, grouped under their first level. */
  topicGroups() {
    const groups = [];
    const walk = (node, path, group) => {
      if (!node.active) return;
      if (node.leaf) group.leaves.push({code: node.code, label: [...path, node.label].slice(1).join(' / ')});
      (node.children || []).forEach(c => walk(c, [...path, node.label], group));
    };
    (this._topics || []).forEach(top => {
      const group = {label: top.label, leaves: []};
      walk(top, [], group);
      if (group.leaves.length) groups.push(group);
    });
    return groups;
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const value = name => String(form.get(name) || '').trim();
    this._busy = true;
    this._error = null;
    try {
      const created = await api.post('/api/tickets', {
        channel: 'WEB', category: value('category'), title: value('title'), description: value('description'),
        topicCode: value('topicCode') || null, contactName: value('contactName') || null, contactPhone: value('contactPhone') || null,
      });
      go('#/portal/tickets/' + created.id);
    } catch (e) {
      this._error = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    const e = this._error;
    return html`
      <h2>提交诉求</h2>
      <form id="ticket-form" class="card portal-form" @submit=${ev => this.submit(ev)}>
        <p class="portal-muted">诉求将以本企业名义通过网上渠道提交至 8951234 企业服务热线，受理后可在「我的诉求」中查看办理进度。</p>
        <div class="portal-row">
          <div><label>诉求类别<select name="category" required>
            <option value="">请选择</option>
            ${TICKET_CATEGORIES.map(([c, l]) => html`<option value=${c}>${l}</option>`)}
          </select></label>${fieldError(e, 'category')}</div>
          <div><label>诉求分类（可选）<select name="topicCode">
            <option value="">不确定，由热线受理员分类</option>
            ${this.topicGroups().map(g => html`<optgroup label=${g.label}>
              ${g.leaves.map(l => html`<option value=${l.code}>${l.label}</option>`)}</optgroup>`)}
          </select></label>${fieldError(e, 'topicCode')}</div>
        </div>
        <label>标题<input name="title" maxlength="200" required placeholder="一句话说明诉求，如：新建厂房用电报装进度咨询"></label>
        ${fieldError(e, 'title')}
        <label>诉求内容<textarea name="description" rows="5" maxlength="4000" required></textarea></label>
        ${fieldError(e, 'description')}
        <div class="portal-row">
          <div><label>联系人<input name="contactName" maxlength="50" autocomplete="name"></label>${fieldError(e, 'contactName')}</div>
          <div><label>联系电话<input name="contactPhone" inputmode="tel" autocomplete="tel" placeholder="如 13812345678"></label>
            ${fieldError(e, 'contactPhone')}</div>
        </div>
        <hc-problem .error=${e}></hc-problem>
        <div class="toolbar">
          <button type="submit" ?disabled=${this._busy}>${this._busy ? '提交中…' : '提交诉求'}</button>
          <a class="portal-button secondary" href="#/portal/tickets">返回我的诉求</a>
        </div>
      </form>`;
  }
}
customElements.define('hc-portal-ticket-new', PortalTicketNew);

registerPage({path: '/portal/tickets', title: '我的诉求', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-tickets', order: 1});
registerPage({path: '/portal/tickets/new', title: '提交诉求', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-ticket-new', order: 2});
