// 诉求详情 (one of the enterprise's tickets): its public timeline, the material asked for while it is suspended
// (补充材料), and the enterprise's own rating of the call-back (回访) once it is resolved. Every write names the
// version of the ticket it read.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage} from '../lib/pages.js';
import {fieldError, safeLink} from '../lib/components.js';
import {SATISFACTIONS, label, deadlineTag} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES, facts, timeline, yesNo, loading} from './portal-common.js';
import {ticketStatusTag} from './portal-tickets.js';

class PortalTicket extends HcElement {
  static properties = {
    params: {attribute: false},
    _ticket: {state: true}, _timeline: {state: true}, _materials: {state: true}, _error: {state: true},
    _materialError: {state: true}, _callBackError: {state: true}, _busy: {state: true}, _done: {state: true},
  };

  willUpdate(changed) {
    if (changed.has('params')) this.load();
  }

  async load() {
    const id = this.params.id;
    try {
      const [ticket, entries, materials] = await Promise.all([
        api.get('/api/tickets/' + id), api.get('/api/tickets/' + id + '/timeline'), api.get('/api/tickets/' + id + '/material'),
      ]);
      this._ticket = ticket;
      this._timeline = entries;
      this._materials = materials;
    } catch (e) {
      this._error = e;
    }
  }

  async supplyMaterial(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const name = String(form.get('attachmentName') || '').trim();
    const url = String(form.get('attachmentUrl') || '').trim();
    this._busy = true;
    this._materialError = null;
    try {
      await api.post('/api/tickets/' + this._ticket.id + '/material', {
        text: String(form.get('text') || '').trim(), attachments: name || url ? [{name, url}] : [],
      }, {version: this._ticket.version});
      this._done = '材料已提交，工单已恢复办理';
      await this.load();
    } catch (e) {
      this._materialError = e;
    } finally {
      this._busy = false;
    }
  }

  async callBack(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this._busy = true;
    this._callBackError = null;
    try {
      await api.post('/api/tickets/' + this._ticket.id + '/call-back', {
        satisfaction: form.get('satisfaction') || null, solved: form.get('solved') === 'true',
        note: String(form.get('note') || '').trim() || null,
      }, {version: this._ticket.version});
      this._done = '感谢您的评价';
      await this.load();
    } catch (e) {
      this._callBackError = e;
    } finally {
      this._busy = false;
    }
  }

  /** What the department asked for when it suspended the ticket: the latest 请补充材料 entry. */
  asked() {
    const entries = (this._timeline || []).filter(e => e.move === 'suspend');
    return entries.length ? entries[entries.length - 1].text : null;
  }

  materialCard() {
    const t = this._ticket;
    const e = this._materialError;
    return html`<section class="card" id="ticket-material"><h3>补充材料</h3>
      ${(this._materials || []).length ? html`<ul class="portal-list">${this._materials.map(m => html`<li>
        <span class="portal-when">${fmt.dateTime(m.submittedAt)}</span> ${m.text}
        ${(m.attachments || []).map(a => html` ${safeLink(a.url, a.name)}`)}
        <span class="portal-muted">${m.by}</span></li>`)}</ul>` : html`<p class="portal-muted">尚未补充材料</p>`}
      ${t.status === 'SUSPENDED' ? html`
        <div class="notice" role="status">承办单位等待您补充材料${this.asked() ? '：' + this.asked().replace(/^请补充材料：/, '') : ''}</div>
        <form id="material-form" class="portal-form" @submit=${ev => this.supplyMaterial(ev)}>
          <label>材料说明<textarea name="text" rows="3" maxlength="4000" required></textarea></label>
          ${fieldError(e, 'text')}
          <div class="portal-row">
            <div><label>附件名称（可选）<input name="attachmentName" maxlength="200"></label>${fieldError(e, 'name')}</div>
            <div><label>附件网址（可选）<input name="attachmentUrl" type="url" placeholder="https://"></label>${fieldError(e, 'url')}</div>
          </div>
          <hc-problem .error=${e}></hc-problem>
          <button type="submit" ?disabled=${this._busy}>提交材料</button>
        </form>` : ['CLOSED', 'MERGED', 'RESOLVED'].includes(t.status) ? nothing
        : html`<p class="portal-muted">承办单位挂起工单请您补充材料时，可在此提交。</p>`}
    </section>`;
  }

  callBackCard() {
    const t = this._ticket;
    const e = this._callBackError;
    if (t.satisfaction) {
      return html`<section class="card" id="ticket-call-back"><h3>回访评价</h3>
        ${facts([['满意度', html`<span data-satisfaction=${t.satisfaction}>${label(SATISFACTIONS, t.satisfaction)}</span>`],
          ['问题是否解决', yesNo(t.solved)]])}</section>`;
    }
    if (t.status !== 'RESOLVED') return nothing;
    return html`<section class="card" id="ticket-call-back"><h3>回访评价</h3>
      <p class="portal-muted">请在 ${fmt.dateTime(t.deadlines && t.deadlines.callBackBy)} 前对办理结果作出评价；选择「不满意」且未解决的，工单将退回承办单位重新办理。</p>
      <form id="call-back-form" class="portal-form" @submit=${ev => this.callBack(ev)}>
        <fieldset class="portal-choices"><legend>满意度</legend>
          ${SATISFACTIONS.map(([c, l], i) => html`<label class="portal-choice"><input type="radio" name="satisfaction" value=${c}
            ?checked=${i === 0} required> ${l}</label>`)}
        </fieldset>
        ${fieldError(e, 'satisfaction')}
        <label>问题是否已解决<select name="solved"><option value="true">已解决</option><option value="false">未解决</option></select></label>
        <label>评价意见（可选）<textarea name="note" rows="3" maxlength="1000"></textarea></label>
        ${fieldError(e, 'note')}
        <hc-problem .error=${e}></hc-problem>
        <button type="submit" ?disabled=${this._busy}>提交评价</button>
      </form></section>`;
  }

  render() {
    const t = this._ticket;
    if (!t) return loading(this._error);
    const d = t.deadlines || {};
    return html`
      <div class="toolbar"><h2 style="margin:0">${t.title}</h2><span class="spacer"></span>
        <a class="portal-button secondary" href="#/portal/tickets">返回我的诉求</a></div>
      ${this._done ? html`<div class="notice" role="status">${this._done}</div>` : nothing}
      <section class="card" id="ticket-summary" data-status=${t.status} data-version=${t.version}>
        ${facts([
          ['工单编号', t.number], ['状态', ticketStatusTag(t)], ['类别', t.categoryLabel], ['渠道', t.channelLabel],
          ['诉求分类', t.topicLabel], ['承办单位', t.departmentName], ['受理时间', fmt.dateTime(t.createdAt)],
          ['办结时限', d.resolveBy ? fmt.dateTime(d.resolveBy) : null], ['当前时限', t.sla ? deadlineTag(t.sla) : null],
          ['联系人', t.contactName], ['联系电话', t.contactPhone],
        ])}
        <h3>诉求内容</h3><p class="portal-text">${t.description}</p>
        ${t.reply ? html`<h3>办理答复</h3><p class="portal-text" id="ticket-reply">${t.reply}</p>` : nothing}
        ${t.calendarWarning ? html`<div class="notice">${t.calendarWarning}</div>` : nothing}
      </section>
      ${this.callBackCard()}
      <div class="grid">
        <section class="card" id="ticket-timeline"><h3>办理进度</h3>${timeline(this._timeline)}</section>
        ${this.materialCard()}
      </div>`;
  }
}
customElements.define('hc-portal-ticket', PortalTicket);

registerPage({path: '/portal/tickets/:id', title: '诉求详情', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-ticket', order: 3,
  menu: false});
