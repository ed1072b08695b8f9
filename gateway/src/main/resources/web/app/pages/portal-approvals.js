// 一件事 for the enterprise: the catalogue of things, the enterprise's applications and its licence library (证照库);
// and for one thing, its 一次告知 notice beside the one merged form (一表申请), prefilled from the register, checked by
// type field by field, then submitted once.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api, ApiError} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {fieldError} from '../lib/components.js';
import {tag} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES, loading} from './portal-common.js';

const APPLICATION_COLOURS = {COMPLETED: 'GREEN', PARTLY_REFUSED: 'YELLOW', CORRECTION_REQUESTED: 'YELLOW'};

export function applicationStatusTag(a) {
  return tag(a.statusLabel, APPLICATION_COLOURS[a.status]);
}

export const CERTIFICATE_COLUMNS = [
  {key: 'number', label: '证照编号'},
  {key: 'kind', label: '证照'},
  {key: 'issuer', label: '发证部门'},
  {key: 'issuedOn', label: '发证日期', render: c => fmt.date(c.issuedOn)},
  {key: 'validTo', label: '有效期至', render: c => c.validTo ? fmt.date(c.validTo) : '长期有效'},
  {key: 'valid', label: '状态', render: c => c.valid ? tag('有效', 'GREEN') : tag('已失效', 'RED')},
];

class PortalApprovals extends HcElement {
  static properties = {_things: {state: true}, _error: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    api.get('/api/approvals/things').then(t => { this._things = t; }, e => { this._error = e; });
  }

  render() {
    if (!this._things) return loading(this._error);
    const applications = ({page, size}) => api.get('/api/approvals/applications', {page, size});
    const certificates = ({page, size}) => api.get('/api/approvals/certificates', {page, size});
    return html`
      <h2>一件事一次办</h2>
      <p class="portal-muted">一次告知、一表申请、一套材料、一窗受理、一网办理、一次办结：选择要办的一件事，查看告知后在线填写一张表即可申请。</p>
      <div class="portal-things" id="thing-catalogue">
        ${this._things.map(t => html`<section class="card portal-thing" data-thing=${t.code}>
          <h3>${t.name}</h3>
          <p class="portal-muted">${t.description}</p>
          <ul class="portal-list">${t.items.map(i => html`<li>${i.name}
            <span class="portal-muted">${i.departmentName}${i.conditional ? ' · 视情况办理' : ''}</span></li>`)}</ul>
          <div class="toolbar"><span>承诺时限 <strong>${t.promisedDays}</strong> 个工作日</span><span class="spacer"></span>
            <a class="portal-button" href="#/portal/approvals/apply/${t.code}">查看告知并申请</a></div>
        </section>`)}
      </div>
      <section class="card">
        <hc-table id="my-applications" caption="我的申请" .loader=${applications} .key=${'mine'}
          @row-click=${e => go('#/portal/approvals/' + e.detail.id)} .columns=${[
            {key: 'number', label: '申请编号', render: a => html`<a href="#/portal/approvals/${a.id}">${a.number}</a>`},
            {key: 'thingName', label: '一件事'},
            {key: 'status', label: '状态', render: applicationStatusTag},
            {key: 'submittedAt', label: '提交时间', render: a => fmt.dateTime(a.submittedAt)},
            {key: 'completedAt', label: '办结时间', render: a => fmt.dateTime(a.completedAt)},
          ]}></hc-table>
      </section>
      <section class="card">
        <hc-table id="my-certificates" caption="证照库" .loader=${certificates} .key=${'certificates'} .columns=${CERTIFICATE_COLUMNS}></hc-table>
      </section>`;
  }
}
customElements.define('hc-portal-approvals', PortalApprovals);

/** The form's answer for one field as JSON: numbers as numbers, 是/否 as booleans, the rest as trimmed text. */
function answerValue(field, raw) {
  if (raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  if (text === '') return undefined;
  switch (field.type) {
    case 'BOOLEAN': return text === 'true' ? true : text === 'false' ? false : text;
    case 'NUMBER':
    case 'AMOUNT': return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    case 'CREDIT_CODE':
    case 'ID_NUMBER': return text.toUpperCase();
    default: return text;
  }
}

/** Answers that decide which items apply (是/否 and choices): the form and notice are asked again when they change. */
const DECIDING = ['BOOLEAN', 'CHOICE'];

class PortalApply extends HcElement {
  static properties = {
    params: {attribute: false},
    _form: {state: true}, _notice: {state: true}, _reusable: {state: true}, _answers: {state: true},
    _error: {state: true}, _checkError: {state: true}, _checked: {state: true}, _busy: {state: true},
  };

  willUpdate(changed) {
    if (changed.has('params')) {
      this._answers = {};
      this.load();
    }
  }

  /** The deciding answers so far, as the notice and form endpoints take them (field=value). */
  deciding() {
    const fields = this._form ? this._form.fields : [];
    const out = {};
    fields.filter(f => DECIDING.includes(f.type)).forEach(f => {
      const v = this.raw(f);
      if (v !== undefined && v !== '') out[f.code] = v;
    });
    return out;
  }

  async load() {
    const code = this.params.code;
    // Answers may change again before the form of the last ones arrives: only the newest request's answer is shown.
    const asked = this._asked = (this._asked || 0) + 1;
    try {
      const answers = this.deciding();
      const [form, notice, reusable] = await Promise.all([
        api.get('/api/approvals/things/' + code + '/form', answers),
        api.get('/api/approvals/things/' + code + '/notice', answers),
        this._reusable ? Promise.resolve(this._reusable) : api.get('/api/approvals/certificates/reusable', {thing: code}).catch(() => []),
      ]);
      if (asked !== this._asked) return;
      this._form = form;
      this._notice = notice;
      this._reusable = reusable;
      this._error = null;
    } catch (e) {
      if (asked === this._asked) this._error = e;
    }
  }

  raw(field) {
    return field.code in this._answers ? this._answers[field.code] : (field.value ?? undefined);
  }

  answers() {
    const out = {};
    this._form.fields.forEach(f => {
      const v = answerValue(f, this.raw(f));
      if (v !== undefined) out[f.code] = v;
    });
    return out;
  }

  change(field, value) {
    this._answers = {...this._answers, [field.code]: value};
    this._checked = null;
    if (DECIDING.includes(field.type)) this.load();
  }

  async check() {
    this._busy = true;
    this._checkError = null;
    this._checked = null;
    try {
      this._checked = await api.post('/api/approvals/things/' + this._form.thing + '/form/check',
        {version: this._form.version, answers: this.answers()});
    } catch (e) {
      this._checkError = e;
    } finally {
      this._busy = false;
    }
  }

  async submit(event) {
    event.preventDefault();
    if (this._busy) return;
    this._busy = true;
    this._checkError = null;
    try {
      const created = await api.post('/api/approvals/applications', {thing: this._form.thing, answers: this.answers()});
      go('#/portal/approvals/' + created.id);
    } catch (e) {
      this._checkError = e;
      this._busy = false;
    }
  }

  input(f) {
    const value = this.raw(f);
    const id = 'answer-' + f.code;
    const on = e => this.change(f, e.target.value);
    switch (f.type) {
      case 'BOOLEAN':
        return html`<select id=${id} name=${f.code} ?required=${f.required && !f.possible} @change=${on}>
          <option value="" ?selected=${value === undefined || value === ''}>请选择</option>
          <option value="true" ?selected=${String(value) === 'true'}>是</option>
          <option value="false" ?selected=${String(value) === 'false'}>否</option></select>`;
      case 'CHOICE':
        return html`<select id=${id} name=${f.code} @change=${on}>
          <option value="" ?selected=${!value}>请选择</option>
          ${(f.options || []).map(o => html`<option value=${o.value} ?selected=${value === o.value}>${o.label}</option>`)}</select>`;
      case 'DATE':
        return html`<input id=${id} name=${f.code} type="date" .value=${value || ''} @change=${on}>`;
      case 'NUMBER':
        return html`<input id=${id} name=${f.code} type="text" inputmode="decimal" .value=${value ?? ''} @input=${on}>`;
      case 'AMOUNT':
        return html`<span class="portal-unit"><input id=${id} name=${f.code} type="text" inputmode="decimal" .value=${value ?? ''}
          @input=${on}><span>万元</span></span>`;
      default:
        return html`<input id=${id} name=${f.code} type="text" .value=${value ?? ''} @input=${on}
          maxlength=${f.type === 'CREDIT_CODE' || f.type === 'ID_NUMBER' ? 18 : 1000}
          autocomplete="off" placeholder=${f.type === 'ID_NUMBER' ? '18 位身份证号码' : f.type === 'CREDIT_CODE' ? '18 位统一社会信用代码' : ''}>`;
    }
  }

  itemName(code) {
    const item = (this._notice.items || []).find(i => i.code === code);
    return item ? item.name : code;
  }

  noticeCard() {
    const n = this._notice;
    const reused = Object.fromEntries((this._reusable || []).map(r => [r.material, r]));
    return html`<section class="card" id="thing-notice"><h3>一次告知</h3>
      <div class="stats">
        <div class="stat"><span class="stat-label">一件事承诺时限</span><span class="stat-value" data-figure="promised">${n.promisedDays} 个工作日</span>
          <span class="stat-hint">各事项并联办理${n.promisedDaysIfAllApply !== n.promisedDays ? '；若「可能需要」的事项也办，' + n.promisedDaysIfAllApply + ' 个工作日' : ''}</span></div>
        <div class="stat"><span class="stat-label">改革前逐项办理</span><span class="stat-value" data-figure="old-days">${n.oldWay.days} 个工作日</span>
          <span class="stat-hint">法定时限合计 ${n.oldWay.statutoryDays} 个工作日</span></div>
        <div class="stat"><span class="stat-label">材料</span><span class="stat-value">${n.newWay.materials} 件</span>
          <span class="stat-hint">逐项办理需 ${n.oldWay.materials} 件</span></div>
        <div class="stat"><span class="stat-label">跑动次数</span><span class="stat-value">${n.newWay.visits} 次</span>
          <span class="stat-hint">逐项办理需 ${n.oldWay.visits} 次</span></div>
      </div>
      <div class="table-wrap"><table id="notice-items" class="portal-wrap-cells"><thead><tr><th>事项</th><th>承办部门</th><th>是否办理</th>
        <th class="num">承诺时限</th><th class="num">法定时限</th><th>办理环节</th><th>证照</th></tr></thead><tbody>
        ${n.items.map(i => html`<tr data-item=${i.code} data-applies=${i.applies}><td>${i.name}</td><td>${i.departmentName}</td>
          <td>${tag(i.appliesLabel, i.applies === 'APPLIES' ? 'GREEN' : i.applies === 'POSSIBLE' ? 'YELLOW' : '')}
            ${i.condition ? html`<div class="portal-muted">${i.condition}</div>` : nothing}</td>
          <td class="num">${i.promisedDays} 个工作日</td><td class="num">${i.statutoryDays} 个工作日</td>
          <td>${i.steps.join(' → ')}</td><td>${i.certificate || '—'}</td></tr>`)}
      </tbody></table></div>
      <h3 class="portal-gap">一套材料（每件只交一次）</h3>
      <ol class="portal-list" id="notice-materials">${n.materials.map(m => html`<li data-material=${m.code}>${m.name}
        <span class="portal-muted">${m.formLabel} ${m.copies} 份 · 用于 ${m.items.map(c => this.itemName(c)).join('、')}${m.note ? ' · ' + m.note : ''}</span>
        ${m.possible ? tag('视情况提交', 'YELLOW') : nothing}
        ${reused[m.code] ? tag(reused[m.code].label + '（' + reused[m.code].certificateNumber + '）', 'GREEN') : nothing}</li>`)}</ol>
      ${n.reductions ? html`<p class="portal-muted">与逐项办理相比：环节压减 ${n.reductions.steps ?? '—'}%，时限压减 ${n.reductions.time ?? '—'}%，
        材料精简 ${n.reductions.materials ?? '—'}%，跑动减少 ${n.reductions.visits ?? '—'}%（${n.reductions.basis}）</p>` : nothing}
    </section>`;
  }

  formCard() {
    const form = this._form;
    const e = this._checkError;
    return html`<form class="card portal-form" id="thing-form" @submit=${ev => this.submit(ev)} novalidate>
      <h3>一表申请</h3>
      <p class="portal-muted">每项只填一次；带「预填」的内容取自企业登记信息，如有变化可直接修改。</p>
      ${form.fields.map(f => html`<div class="portal-field" data-field-code=${f.code} data-type=${f.type}>
        <label for=${'answer-' + f.code}>${f.label}${f.required && !f.possible ? html`<span class="portal-required" aria-label="必填">*</span>` : nothing}
          ${f.value ? tag('预填') : nothing}
          ${f.items && f.items.length ? html`<span class="portal-muted">（${f.possible ? '视情况：' : ''}${f.items.map(c => this.itemName(c)).join('、')}）</span>` : nothing}</label>
        ${this.input(f)}
        ${fieldError(e, f.code)}
      </div>`)}
      ${e && !(e instanceof ApiError && e.code === 'INVALID_ANSWERS') ? html`<hc-problem .error=${e}></hc-problem>` : nothing}
      ${e && e instanceof ApiError && e.code === 'INVALID_ANSWERS' ? this.problems(e) : nothing}
      ${this._checked ? html`<div class="notice" role="status" id="form-checked">校验通过：将办理
        ${this._checked.applicableItems.map(c => this.itemName(c)).join('、')}</div>` : nothing}
      <div class="toolbar">
        <button type="button" class="secondary" id="check-form" ?disabled=${this._busy} @click=${() => this.check()}>校验表单</button>
        <button type="submit" id="submit-application" ?disabled=${this._busy}>提交申请</button>
        <a class="portal-button secondary" href="#/portal/approvals">返回一件事</a>
      </div>
    </form>`;
  }

  /** 422 INVALID_ANSWERS: how many fields to mend; a problem of a field not on the form is listed here, as it has no place. */
  problems(e) {
    const codes = this._form.fields.map(f => f.code);
    const elsewhere = (e.problem.errors || []).filter(x => !codes.includes(String(x.field).replace(/^answers\./, '')));
    return html`<div class="problem" role="alert" id="form-problems">
      <span class="detail">表单有 ${(e.problem.errors || []).length} 处需要修改${elsewhere.length < (e.problem.errors || []).length ? '，请查看标红的项目' : ''}</span>
      ${elsewhere.length ? html`<ul>${elsewhere.map(x => html`<li>${x.field.replace(/^answers\./, '')}：${x.message}</li>`)}</ul>` : nothing}
    </div>`;
  }

  render() {
    if (!this._form || !this._notice) return loading(this._error);
    return html`
      <h2>${this._form.name}</h2>
      <hc-problem .error=${this._error}></hc-problem>
      ${this.noticeCard()}
      ${this.formCard()}`;
  }
}
customElements.define('hc-portal-apply', PortalApply);

registerPage({path: '/portal/approvals', title: '一件事', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-approvals', order: 4});
registerPage({path: '/portal/approvals/apply/:code', title: '一件事申请', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-apply',
  order: 5, menu: false});
