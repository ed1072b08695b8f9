// 我的一件事申请 (one application of the enterprise): where it stands, each item's state with its deadline, what is
// asked of the applicant (补正, supplied here, naming the version read), the answers given and the certificates issued.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage} from '../lib/pages.js';
import {tag, deadlineTag} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES, facts, yesNo, loading} from './portal-common.js';
import {applicationStatusTag, CERTIFICATE_COLUMNS} from './portal-approvals.js';

const ITEM_COLOURS = {APPROVED: 'GREEN', REFUSED: 'RED', CORRECTION: 'YELLOW'};

class PortalApplication extends HcElement {
  static properties = {
    params: {attribute: false},
    _app: {state: true}, _thing: {state: true}, _error: {state: true}, _supplyError: {state: true}, _busy: {state: true},
    _done: {state: true},
  };

  willUpdate(changed) {
    if (changed.has('params')) this.load();
  }

  async load() {
    try {
      const app = await api.get('/api/approvals/applications/' + this.params.id);
      if (!this._thing || this._thing.code !== app.thing || this._thing.version !== app.thingVersion) {
        this._thing = await api.get('/api/approvals/things/' + app.thing, {version: app.thingVersion}).catch(() => null);
      }
      this._app = app;
    } catch (e) {
      this._error = e;
    }
  }

  /** 补正: every material asked, for the whole application (APPLICATION) or one item. */
  async supply(asked, event) {
    event.preventDefault();
    const materials = [...event.target.querySelectorAll('input[name=material]:checked')].map(i => i.value);
    const path = '/api/approvals/applications/' + this._app.id
      + (asked.scope === 'APPLICATION' ? '/supply' : '/items/' + encodeURIComponent(asked.scope) + '/supply');
    this._busy = true;
    this._supplyError = null;
    try {
      await api.post(path, {materials}, {version: this._app.version});
      this._done = '补正材料已提交';
      await this.load();
    } catch (e) {
      this._supplyError = e;
    } finally {
      this._busy = false;
    }
  }

  fieldLabel(code) {
    const field = this._thing && (this._thing.fields || []).find(f => f.code === code);
    return field ? field.label : code;
  }

  shown(code, value) {
    const field = this._thing && (this._thing.fields || []).find(f => f.code === code);
    if (typeof value === 'boolean') return yesNo(value);
    if (field && field.type === 'CHOICE') {
      const option = (field.options || []).find(o => o.value === value);
      return option ? option.label : value;
    }
    if (field && field.type === 'AMOUNT') return fmt.wan(value);
    return String(value ?? '—');
  }

  askedCard() {
    const asked = this._app.askedOfApplicant || [];
    if (!asked.length) return nothing;
    return html`<section class="card" id="asked-of-applicant"><h3>需要您补正的材料</h3>
      ${asked.map(a => html`<form class="portal-form portal-asked" data-scope=${a.scope} @submit=${ev => this.supply(a, ev)}>
        <div class="notice" role="status">${a.scope === 'APPLICATION' ? '窗口预审' : a.itemName}一次性告知补正（${fmt.dateTime(a.since)}）${a.note ? '：' + a.note : ''}</div>
        <fieldset class="portal-choices"><legend>请备齐以下材料后提交</legend>
          ${a.materials.map(m => html`<label class="portal-choice"><input type="checkbox" name="material" value=${m.code} checked> ${m.name}</label>`)}
        </fieldset>
        <button type="submit" ?disabled=${this._busy}>提交补正材料</button>
      </form>`)}
      <hc-problem .error=${this._supplyError}></hc-problem>
    </section>`;
  }

  render() {
    const a = this._app;
    if (!a) return loading(this._error);
    const answers = Object.entries(a.answers || {});
    return html`
      <div class="toolbar"><h2 style="margin:0">${a.thingName}</h2><span class="spacer"></span>
        <a class="portal-button secondary" href="#/portal/approvals">返回一件事</a></div>
      ${this._done ? html`<div class="notice" role="status">${this._done}</div>` : nothing}
      <section class="card" id="application-summary" data-status=${a.status} data-number=${a.number}>
        ${facts([['申请编号', a.number], ['状态', applicationStatusTag(a)], ['申请企业', a.applicantName],
          ['提交时间', fmt.dateTime(a.submittedAt)], ['受理时间', a.acceptedAt ? fmt.dateTime(a.acceptedAt) : null],
          ['办结时间', a.completedAt ? fmt.dateTime(a.completedAt) : null], ['跑动次数', a.visits + ' 次'],
          ['目录版本', '第 ' + a.thingVersion + ' 版']])}
        ${a.resultNotice ? html`<div class="notice" id="result-notice">${a.resultNotice.text}</div>` : nothing}
        ${a.calendarWarning ? html`<div class="notice">${a.calendarWarning}</div>` : nothing}
      </section>
      ${this.askedCard()}
      <section class="card"><h3>各事项办理情况</h3>
        <div class="table-wrap"><table id="application-items"><thead><tr><th>事项</th><th>承办部门</th><th>状态</th><th>当前环节</th>
          <th class="num">承诺时限</th><th>开始办理</th><th>办结期限</th><th>时限</th><th>结果</th></tr></thead><tbody>
          ${a.items.map(i => html`<tr data-item=${i.code} data-status=${i.status} data-due=${i.dueBy || ''}><td>${i.name}</td><td>${i.departmentName}</td>
            <td>${tag(i.statusLabel, ITEM_COLOURS[i.status])}</td>
            <td>${i.currentStep ? i.currentStep.name : '—'}</td><td class="num">${i.promisedDays} 个工作日</td>
            <td>${fmt.dateTime(i.startedAt)}</td><td>${fmt.dateTime(i.dueBy)}</td>
            <td>${i.sla && i.status !== 'APPROVED' && i.status !== 'REFUSED' ? deadlineTag(i.sla) : '—'}</td>
            <td>${i.refusalReason ? '不予许可：' + i.refusalReason : i.certificateNumber ? i.certificate + ' ' + i.certificateNumber : '—'}</td></tr>`)}
        </tbody></table></div>
      </section>
      <div class="grid">
        <section class="card"><h3>申请表</h3>
          <dl class="portal-facts" id="application-answers">${answers.map(([k, v]) => html`<dt>${this.fieldLabel(k)}</dt>
            <dd data-answer=${k}>${this.shown(k, v)}</dd>`)}</dl>
        </section>
        <section class="card"><h3>一套材料</h3>
          <ul class="portal-list">${(a.materials || []).map(m => html`<li>${m.name}
            <span class="portal-muted">${m.formLabel} ${m.copies} 份</span>
            ${tag(m.stateLabel + (m.certificateNumber ? '（' + m.certificateNumber + '）' : ''),
              m.state === 'ASKED' ? 'YELLOW' : m.state === 'BY_CERTIFICATE' ? 'GREEN' : '')}</li>`)}</ul>
        </section>
      </div>
      <section class="card">
        <hc-table id="application-certificates" caption="本次取得的证照" .rows=${a.certificates || []} .columns=${CERTIFICATE_COLUMNS}></hc-table>
        <p class="portal-muted">全部证照见 <a href="#/portal/approvals">证照库</a>；有效证照可在以后的申请中免于提交相应材料。</p>
      </section>`;
  }
}
customElements.define('hc-portal-application', PortalApplication);

registerPage({path: '/portal/approvals/:id', title: '申请详情', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-application',
  order: 5, menu: false});
