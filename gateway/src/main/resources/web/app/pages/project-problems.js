// 要素保障 (the project's problems) on the project page: the list with the ticket that handles each one, raising a
// problem (it becomes a service-desk ticket), resolving an open one with its resolution, reopening a resolved one
// with a reason. The moves name the problem's version.

import {html, nothing} from 'lit';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {ProjectList, banner, fieldNote, formValues} from './project-forms.js';

const CATEGORIES = [['LAND', '用地'], ['FUNDS', '资金'], ['LABOUR', '用工'], ['ENERGY', '能耗'], ['APPROVAL', '审批'],
  ['UTILITIES', '水电气暖'], ['OTHER', '其他']];
const URGENCIES = [['NORMAL', '一般'], ['URGENT', '紧急'], ['CRITICAL', '特急']];
const FIELDS = {category: [], urgency: [], description: [], resolution: [], reason: []};

class ProjectProblems extends ProjectList {
  listPath = 'problems';

  open(problem, move) {
    this.openForm({problem, move}, '#problem-form select, #problem-form textarea');
  }

  async submit(event) {
    const v = formValues(event);
    const {problem, move} = this._action;
    const base = '/api/projects/' + this.project.id + '/problems';
    this._busy = true;
    this._formError = null;
    try {
      if (move === 'raise') {
        await api.post(base, {category: v.category, urgency: v.urgency, description: v.description});
        this._notice = '问题已提交，将转为服务台工单办理';
      } else if (move === 'resolve') {
        await api.post(base + '/' + problem.id + '/resolve', {resolution: v.resolution}, {version: problem.version});
        this._notice = '问题已办结';
      } else {
        await api.post(base + '/' + problem.id + '/reopen', {reason: v.reason}, {version: problem.version});
        this._notice = '问题已重新打开';
      }
      this._action = null;
      this.dispatchEvent(new CustomEvent('project-changed', {bubbles: true}));
    } catch (e) {
      this._formError = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    const items = this._items;
    return html`
      <section class="card" id="problems">
        <div class="table-bar"><h3>要素保障问题</h3><span class="spacer"></span>
          ${this.writable ? html`<button id="problem-raise" @click=${() => this.open(null, 'raise')}>反映问题</button>` : nothing}</div>
        <hc-problem .error=${this._error}></hc-problem>
        ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
        ${this._action ? this.form() : nothing}
        ${items ? html`
          <hc-table id="problem-table" .rows=${items} size="10" .columns=${[
            {key: 'categoryLabel', label: '类别'},
            {key: 'urgencyLabel', label: '紧急程度', render: p => html`<span class="tag ${p.urgency === 'NORMAL' ? '' : 'red'}">${p.urgencyLabel}</span>`},
            {key: 'description', label: '问题描述', render: p => html`<span class="wrap">${p.description}</span>`},
            {key: 'status', label: '状态', render: p => html`<span class="tag ${p.status === 'OPEN' ? 'yellow' : 'green'}" data-status=${p.status}>${p.statusLabel}</span>`},
            {key: 'raisedAt', label: '反映', render: p => html`${p.raisedBy || '—'}<br><span class="muted">${fmt.dateTime(p.raisedAt)}</span>`},
            {key: 'ticketNumber', label: '工单号'},
            {key: 'resolution', label: '办结情况', render: p => html`<span class="wrap">${p.resolution || '—'}${p.resolvedAt ? html`<br><span class="muted">${p.resolvedBy || ''} ${fmt.dateTime(p.resolvedAt)}</span>` : nothing}${p.reopenReason ? html`<br><span class="muted">重新打开：${p.reopenReason}</span>` : nothing}</span>`},
            ...(this.writable ? [{key: 'actions', label: '操作', render: p => p.status === 'OPEN'
              ? html`<button class="secondary" data-problem=${p.id} data-move="resolve" @click=${() => this.open(p, 'resolve')}>办结</button>`
              : html`<button class="secondary" data-problem=${p.id} data-move="reopen" @click=${() => this.open(p, 'reopen')}>重新打开</button>`}] : []),
          ]}></hc-table>` : html`<p>加载中…</p>`}
      </section>`;
  }

  form() {
    const {problem, move} = this._action;
    const error = this._formError;
    const actions = label => html`<div class="form-actions">
      <button type="submit" ?disabled=${this._busy}>${label}</button>
      <button type="button" class="secondary" @click=${() => { this._action = null; }}>取消</button></div>`;
    if (move === 'raise') {
      return html`<form class="inline-form" id="problem-form" data-move="raise" @submit=${e => this.submit(e)}>
        <h4>反映项目问题</h4>
        <label>问题类别<select name="category" required>${CATEGORIES.map(([c, l]) => html`<option value=${c}>${l}</option>`)}</select></label>
        ${fieldNote(error, 'category')}
        <label>紧急程度<select name="urgency">${URGENCIES.map(([c, l]) => html`<option value=${c}>${l}</option>`)}</select></label>
        ${fieldNote(error, 'urgency')}
        <label>问题描述<textarea name="description" rows="3" maxlength="2000" required placeholder="如：厂区双回路供电尚未接入，影响设备调试"></textarea></label>
        ${fieldNote(error, 'description')}
        ${actions('提交问题')}${banner(error, FIELDS)}</form>`;
    }
    if (move === 'resolve') {
      return html`<form class="inline-form" id="problem-form" data-move="resolve" @submit=${e => this.submit(e)}>
        <h4>办结问题：${problem.categoryLabel} · ${problem.description}</h4>
        <label>办结情况<textarea name="resolution" rows="3" maxlength="2000" required></textarea></label>
        ${fieldNote(error, 'resolution')}
        ${actions('确认办结')}${banner(error, FIELDS)}</form>`;
    }
    return html`<form class="inline-form" id="problem-form" data-move="reopen" @submit=${e => this.submit(e)}>
      <h4>重新打开问题：${problem.categoryLabel} · ${problem.description}</h4>
      <label>重新打开的原因<textarea name="reason" rows="2" maxlength="500" required></textarea></label>
      ${fieldNote(error, 'reason')}
      ${actions('确认重新打开')}${banner(error, FIELDS)}</form>`;
  }
}
customElements.define('hc-project-problems', ProjectProblems);
