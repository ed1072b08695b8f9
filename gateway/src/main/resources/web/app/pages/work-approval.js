// 一件事申请办理 (one application for the window and the departments): the application, its one set of materials, and
// each item with its steps (会签 and who signed), deadline card and the moves its state allows (ItemTransition):
// approve the current step, 会签, 不予许可, 补正; for a submitted application the window's 受理 or 一次性告知补正
// (ApplicationTransition). Every move names the application's version; a refusal shows its detail in place.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage} from '../lib/pages.js';
import {statusTag} from '../lib/labels.js';
import {moveBar, slaCard} from './work-common.js';

const STEP_MARKS = {DONE: '✓', CURRENT: '●', WAITING: '○'};
const STEP_STATES = {DONE: '已完成', CURRENT: '当前环节', WAITING: '待办'};
const MOVE_LABELS = {
  submit: '提交申请', accept: '受理', 'request-correction': '要求补正', supply: '补正材料', complete: '办结', start: '受理分派',
  'complete-step': '通过环节', approve: '审批通过', 'sign-off': '会签', refuse: '不予许可', urge: '催办', supervise: '督办',
};

/** The window's moves on the application as a whole (STAFF, ADMIN). */
export function applicationMoves(a, role) {
  if (!['STAFF', 'ADMIN'].includes(role) || a.status !== 'SUBMITTED') return [];
  const askable = (a.materials || []).filter(m => m.state !== 'BY_CERTIFICATE').map(m => [m.code, m.name]);
  return [
    {name: 'accept', label: '受理', hint: '预审通过：各适用事项同时开始办理。', fields: [{name: 'note', label: '受理意见', type: 'textarea'}]},
    {name: 'request-correction', label: '一次性告知补正', danger: true, hint: '一次列明全部需补正的材料；每件申请只能告知一次。', fields: [
      {name: 'materials', label: '需补正的材料', type: 'multi', options: askable}, {name: 'note', label: '补正说明', type: 'textarea'},
    ]},
  ];
}

/** The department's moves on one item (STAFF, ADMIN), as its state and current step allow. */
export function itemMoves(a, item, role) {
  if (!['STAFF', 'ADMIN'].includes(role)) return [];
  const moves = [];
  const step = (item.steps || []).find(s => s.state === 'CURRENT');
  const last = step && item.steps[item.steps.length - 1] === step;
  if (item.status === 'IN_PROGRESS' && step) {
    const waiting = (step.countersign || []).filter(c => !c.signed);
    if (waiting.length) {
      moves.push({name: 'sign-off', label: '会签', hint: '「' + step.name + '」为会签环节，各会签部门签署后自动完成。', fields: [
        {name: 'department', label: '会签部门', type: 'select', options: waiting.map(c => [c.department, c.departmentName || c.department])},
        {name: 'note', label: '会签意见', type: 'textarea'},
      ]});
    } else {
      moves.push({name: 'approve', label: last ? '审批通过' : '通过「' + step.name + '」',
        hint: last ? '最后一个环节：通过即批准事项' + (item.certificate ? '并颁发「' + item.certificate + '」' : '') + '。' : '完成「' + step.name + '」环节，进入下一环节。',
        fields: [{name: 'note', label: '部门内部意见（申请人不可见）', type: 'textarea'}]});
    }
    const materials = (a.materials || []).filter(m => (m.items || []).includes(item.code) && m.state !== 'BY_CERTIFICATE');
    moves.push({name: 'request-correction', label: '要求补正', hint: '本事项暂停计时，其他事项照常办理。', fields: [
      {name: 'materials', label: '需补正的材料', type: 'multi', options: materials.map(m => [m.code, m.name])},
      {name: 'note', label: '补正说明', type: 'textarea'},
    ]});
  }
  if (item.status === 'IN_PROGRESS' || item.status === 'CORRECTION') {
    moves.push({name: 'refuse', label: '不予许可', danger: true, fields: [{name: 'reason', label: '不予许可理由（告知申请人）', type: 'textarea'}]});
  }
  return moves;
}

class WorkApproval extends HcElement {
  static properties = {
    params: {attribute: false}, user: {attribute: false},
    _application: {state: true}, _history: {state: true}, _open: {state: true}, _notice: {state: true}, _error: {state: true},
  };

  constructor() {
    super();
    this.addEventListener('move-done', () => this.done());
    this.addEventListener('move-cancel', () => { this._open = null; });
    this.addEventListener('move-reload', () => this.reload());
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const id = this.params.id;
    try {
      const [application, history] = await Promise.all([
        api.get('/api/approvals/applications/' + id), api.get('/api/approvals/applications/' + id + '/moves'),
      ]);
      if (!this._fields) {
        const thing = await api.get('/api/approvals/things/' + application.thing, {version: application.thingVersion});
        this._fields = Object.fromEntries((thing.fields || []).map(f => [f.code, f]));
      }
      this._application = application;
      this._history = history;
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  /** Opens (or closes) one move's form: scope is 'application' or an item code. */
  toggle(scope, move) {
    const same = this._open && this._open.scope === scope && this._open.move.name === move.name;
    this._open = same ? null : {scope, move};
    this._notice = null;
  }

  async send(scope, move, values) {
    const base = '/api/approvals/applications/' + this._application.id;
    const path = scope === 'application' ? base + '/' + move.name : base + '/items/' + scope + '/' + move.name;
    this._done = (scope === 'application' ? '' : this.itemName(scope) + '：') + '已' + move.label + '。';
    await api.post(path, values, {version: this._application.version});
  }

  /** An answer as the applicant read it: a choice by its label, a yes/no in words. */
  answer(code, value) {
    const field = this._fields[code];
    const option = field && (field.options || []).find(o => o.value === value);
    if (option) return option.label;
    if (typeof value === 'boolean') return value ? '是' : '否';
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value ?? '—');
  }

  stepName(itemCode, stepCode) {
    const item = this._application.items.find(i => i.code === itemCode);
    const step = item && (item.steps || []).find(s => s.code === stepCode);
    return step ? step.name : stepCode;
  }

  itemName(code) {
    const item = this._application.items.find(i => i.code === code);
    return item ? item.name : code;
  }

  async done() {
    this._open = null;
    this._notice = this._done;
    await this.load();
  }

  async reload() {
    this._open = null;
    this._notice = '已重新加载申请的最新版本。';
    await this.load();
  }

  bar(scope, moves) {
    const open = this._open && this._open.scope === scope ? this._open.move : null;
    return moveBar(moves, open, {onOpen: m => this.toggle(scope, m), send: (m, v) => this.send(scope, m, v)});
  }

  item(a, item) {
    const mine = this.user.department && item.departmentName === this.user.department;
    return html`<section class="card work-item ${mine ? 'mine' : ''}" data-item=${item.code} data-item-status=${item.status}>
      <div class="work-head">
        <h3>${item.name}</h3> ${statusTag(item.statusLabel, item.status)} ${item.sla ? slaCard(item.sla) : nothing}
        <span class="work-hint">${item.departmentName}${mine ? '（本部门）' : ''} · 承诺 ${item.promisedDays} 个工作日${item.dueBy ? ' · 时限 ' + fmt.dateTime(item.dueBy) : ''}</span>
      </div>
      <ol class="work-steps">${(item.steps || []).map(s => html`<li class="work-step ${s.state}" data-step=${s.code} data-state=${s.state}>
        <span aria-hidden="true">${STEP_MARKS[s.state] || ''}</span> ${s.name} <span class="work-hint">${STEP_STATES[s.state] || s.state}</span>
        ${s.countersign && s.countersign.length ? html`<span class="countersign">会签：${s.countersign.map(c => html`<span class="tag ${c.signed ? 'GREEN' : ''}">
          ${c.departmentName || c.department}${c.signed ? ' 已签 ' + fmt.dateTime(c.signedAt) : ' 待签'}</span> `)}</span>` : nothing}</li>`)}</ol>
      ${item.correction ? html`<p class="notice">补正：${(item.correction.materials || []).map(m => m.name).join('、')}${item.correction.note ? '；' + item.correction.note : ''}
        （${fmt.dateTime(item.correction.requestedAt)} 告知${item.correction.suppliedAt ? '，' + fmt.dateTime(item.correction.suppliedAt) + ' 已补正' : ''}）</p>` : nothing}
      ${item.refusalReason ? html`<p class="problem">不予许可：${item.refusalReason}</p>` : nothing}
      ${item.certificateNumber ? html`<p>证照：${item.certificate} <code>${item.certificateNumber}</code>（${fmt.dateTime(item.decidedAt)}）</p>` : nothing}
      ${item.internalNote ? html`<p class="work-hint">内部意见：${item.internalNote}</p>` : nothing}
      ${item.supervisedAt ? html`<p class="work-hint">已督办（${fmt.dateTime(item.supervisedAt)}）；催办 ${item.urgeCount} 次</p>` : nothing}
      ${this.bar(item.code, itemMoves(a, item, this.user.role))}
    </section>`;
  }

  render() {
    if (this._error && !this._application) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._application) return html`<p>加载中…</p>`;
    const a = this._application;
    const windowMoves = applicationMoves(a, this.user.role);
    return html`
      <div class="work-head">
        <h2>${a.thingName}</h2><span class="work-number">${a.number}</span> ${statusTag(a.statusLabel, a.status)}
        <a class="work-back" href="#/work/approvals">返回审批任务</a>
      </div>
      <div id="application-state" data-status=${a.status} data-version=${a.version} hidden></div>
      ${this._notice ? html`<div class="notice" role="status" data-notice>${this._notice}</div>` : nothing}
      <hc-problem .error=${this._error}></hc-problem>
      <div class="grid">
        <section class="card"><h3>申请信息</h3>
          <dl class="work-facts">
            <dt>申请企业</dt><dd>${a.applicantName || '—'} <code>${a.applicantCreditCode}</code></dd>
            <dt>提交时间</dt><dd>${fmt.dateTime(a.submittedAt)}</dd>
            <dt>受理时间</dt><dd>${fmt.dateTime(a.acceptedAt)}</dd>
            <dt>办结时间</dt><dd>${fmt.dateTime(a.completedAt)}</dd>
            <dt>跑动次数</dt><dd>${a.visits}</dd>
            <dt>目录版本</dt><dd>第 ${a.thingVersion} 版</dd>
          </dl>
          ${a.calendarWarning ? html`<div class="notice">${a.calendarWarning}</div>` : nothing}
          ${a.correction ? html`<p class="notice">一次性告知补正：${(a.correction.materials || []).map(m => m.name).join('、')}${a.correction.note ? '；' + a.correction.note : ''}
            ${a.correction.suppliedAt ? '（' + fmt.dateTime(a.correction.suppliedAt) + ' 已补正）' : '（待申请人补正）'}</p>` : nothing}
          ${a.resultNotice && a.resultNotice.text ? html`<p class="work-text">${a.resultNotice.text}</p>` : nothing}
        </section>
        <section class="card" id="application-window"><h3>窗口预审</h3>
          ${a.status === 'SUBMITTED' ? this.bar('application', windowMoves)
            : html`<p class="work-hint">${a.status === 'CORRECTION_REQUESTED' ? '已一次性告知补正，等待申请人补正材料。' : '已受理，各事项并联办理。'}</p>`}
        </section>
      </div>
      <h3>事项（${a.items.length}）</h3>
      ${a.items.map(item => this.item(a, item))}
      <div class="grid">
        <section class="card"><hc-table caption="一套材料" .rows=${a.materials || []} .columns=${[
          {key: 'name', label: '材料'}, {key: 'formLabel', label: '形式'}, {key: 'copies', label: '份数', align: 'num'},
          {key: 'items', label: '用于事项', render: m => (m.items || []).map(c => this.itemName(c)).join('、')},
          {key: 'stateLabel', label: '状态', render: m => m.stateLabel + (m.certificateNumber ? '（' + m.certificateNumber + '）' : '')},
        ]}></hc-table></section>
        <section class="card"><h3>表单答案</h3><dl class="work-facts">
          ${Object.entries(a.answers || {}).map(([k, v]) => html`<dt>${this._fields[k] ? this._fields[k].label : k}</dt><dd>${this.answer(k, v)}</dd>`)}
        </dl></section>
      </div>
      <section class="card"><hc-table id="application-history" caption="办理记录" .rows=${this._history} .columns=${[
        {key: 'occurredAt', label: '时间', render: m => fmt.dateTime(m.occurredAt)},
        {key: 'itemCode', label: '事项', render: m => m.itemCode ? this.itemName(m.itemCode) : '整件申请'},
        {key: 'move', label: '操作', render: m => MOVE_LABELS[m.move] || m.move},
        {key: 'step', label: '环节', render: m => m.step ? this.stepName(m.itemCode, m.step) : '—'},
        {key: 'actor', label: '经办人', render: m => m.actor + (m.onBehalfOf ? '（代 ' + m.onBehalfOf + '）' : '')},
      ]}></hc-table></section>`;
  }
}
customElements.define('hc-work-approval', WorkApproval);

registerPage({path: '/work/approvals/:id', title: '申请办理', group: '工作台', roles: ['STAFF', 'ADMIN'], tag: 'hc-work-approval',
  order: 4, menu: false});
