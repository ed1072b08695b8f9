// 五包 (the five packages) on the project page: each with its accountable person, department, due date and status,
// and its moves as buttons: 开始推进 (未开始), 完成 with a date (未开始 / 推进中), 重新打开 with a reason (已完成), and
// the edit of person, department, due date and notes. Every write names the package's version.

import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {ProjectList, banner, fieldNote, formValues} from './project-forms.js';

/** The moves a status allows, as written in the service's PackageTransition. */
const MOVES = {
  NOT_STARTED: [['start', '开始推进'], ['complete', '完成'], ['edit', '编辑']],
  IN_PROGRESS: [['complete', '完成'], ['edit', '编辑']],
  DONE: [['reopen', '重新打开'], ['edit', '编辑']],
};
const TITLES = {start: '开始推进', complete: '完成', reopen: '重新打开', edit: '编辑'};
const FIELDS = {date: [], note: [], reason: [], accountablePerson: [], department: [], dueDate: [], notes: []};
const STATUS_TAG = {NOT_STARTED: '', IN_PROGRESS: 'yellow', DONE: 'green'};

class ProjectPackages extends ProjectList {
  listPath = 'packages';

  open(pkg, move) {
    this.openForm({pkg, move}, '#package-form input, #package-form textarea');
  }

  async submit(event) {
    const v = formValues(event);
    const {pkg, move} = this._action;
    const path = '/api/projects/' + this.project.id + '/packages/' + pkg.kind;
    const options = {version: pkg.version};
    this._busy = true;
    this._formError = null;
    try {
      if (move === 'start') await api.post(path + '/start', {note: v.note || null}, options);
      if (move === 'complete') await api.post(path + '/complete', {date: v.date || null, note: v.note || null}, options);
      if (move === 'reopen') await api.post(path + '/reopen', {reason: v.reason}, options);
      if (move === 'edit') {
        await api.put(path, {accountablePerson: v.accountablePerson || null, department: v.department || null,
          dueDate: v.dueDate || null, notes: v.notes || null}, options);
      }
      this._notice = pkg.kindLabel + '：已' + TITLES[move];
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
      <section class="card" id="packages">
        <h3>五包责任</h3>
        <hc-problem .error=${this._error}></hc-problem>
        ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
        ${items ? html`
          <hc-table id="package-table" .rows=${items} .columns=${[
            {key: 'kindLabel', label: '包保任务'},
            {key: 'accountablePerson', label: '责任人'},
            {key: 'department', label: '责任部门'},
            {key: 'dueDate', label: '期限', render: p => html`${fmt.date(p.dueDate)}${p.overdue ? html` <span class="tag red">已超期</span>` : nothing}`},
            {key: 'status', label: '状态', render: p => html`<span class="tag ${STATUS_TAG[p.status] || ''}" data-status=${p.status}>${p.statusLabel}</span>`},
            {key: 'completedOn', label: '完成日期', render: p => fmt.date(p.completedOn)},
            {key: 'notes', label: '备注', render: p => html`<span class="wrap">${p.notes || '—'}${p.reopenReason ? html`<br><span class="muted">重新打开：${p.reopenReason}</span>` : nothing}</span>`},
            ...(this.writable ? [{key: 'actions', label: '操作', render: p => html`<span class="row-actions">
              ${repeat(MOVES[p.status] || [], ([move]) => move, ([move, label]) => html`<button class=${move === 'edit' ? 'secondary' : ''}
                data-package=${p.kind} data-move=${move} @click=${() => this.open(p, move)}>${label}</button>`)}</span>`}] : []),
          ]}></hc-table>
          ${this._action ? this.form() : nothing}` : html`<p>加载中…</p>`}
      </section>`;
  }

  form() {
    const {pkg, move} = this._action;
    const error = this._formError;
    return html`
      <form class="inline-form" id="package-form" data-move=${move} data-package=${pkg.kind} @submit=${e => this.submit(e)}>
        <h4>${pkg.kindLabel}：${TITLES[move]}</h4>
        ${move === 'complete' ? html`
          <label>完成日期<input type="date" name="date" required .value=${fmt.today()}></label>${fieldNote(error, 'date')}` : nothing}
        ${move === 'start' || move === 'complete' ? html`
          <label>备注（可选，给出时替换原备注）<input name="note" maxlength="1000"></label>${fieldNote(error, 'note')}` : nothing}
        ${move === 'reopen' ? html`
          <label>重新打开的原因<textarea name="reason" rows="2" maxlength="500" required></textarea></label>${fieldNote(error, 'reason')}` : nothing}
        ${move === 'edit' ? html`
          <label>责任人<input name="accountablePerson" maxlength="64" .value=${pkg.accountablePerson || ''}></label>${fieldNote(error, 'accountablePerson')}
          <label>责任部门<input name="department" maxlength="100" .value=${pkg.department || ''}></label>${fieldNote(error, 'department')}
          <label>期限<input type="date" name="dueDate" .value=${pkg.dueDate || ''}></label>${fieldNote(error, 'dueDate')}
          <label>备注<textarea name="notes" rows="2" maxlength="1000" .value=${pkg.notes || ''}></textarea></label>${fieldNote(error, 'notes')}` : nothing}
        <div class="form-actions">
          <button type="submit" ?disabled=${this._busy}>确认${TITLES[move]}</button>
          <button type="button" class="secondary" @click=${() => { this._action = null; }}>取消</button>
        </div>
        ${banner(error, FIELDS)}
      </form>`;
  }
}
customElements.define('hc-project-packages', ProjectPackages);
