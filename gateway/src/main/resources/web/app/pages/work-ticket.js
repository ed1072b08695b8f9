// 工单详情 (a ticket for the staff who handle it): what was asked, the deadlines and the running limit's card, the public
// timeline, the material supplied, the internal move history, and every lifecycle move the ticket's status allows now
// (TicketTransition) and the user's role may make (TicketMoveResource), each a button opening its form. Every move
// names the version read (If-Match); after a move the page reads the ticket again.

import {html, nothing} from 'lit';
import {safeLink} from '../lib/components.js';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage} from '../lib/pages.js';
import {SATISFACTIONS, TICKET_STATUSES, label, statusTag} from '../lib/labels.js';
import {moveBar, slaCard} from './work-common.js';

const IN_HAND = ['DISPATCHED', 'SIGNED', 'SUSPENDED'];
const MERGEABLE = ['REGISTERED', 'DISPATCHED', 'SIGNED', 'SUSPENDED', 'RETURNED'];

/** The names the move history uses (TicketTransition.pathName, plus register). */
const MOVE_LABELS = {
  register: '受理', dispatch: '派单', answer: '直接答复', sign: '签收', return: '退单', 'refuse-return': '驳回退单',
  extension: '申请延期', 'approve-extension': '批准延期', 'reject-extension': '驳回延期', suspend: '挂起',
  'supply-material': '补充材料', resume: '恢复办理', resolve: '办结', 'call-back': '回访', reopen: '重办', urge: '催办',
  supervise: '督办', merge: '并单', 'parent-resolved': '随主单办结', 'parent-closed': '随主单关闭',
};

const DEADLINES = [
  ['dispatchedAt', '派单时间'], ['signBy', '签收时限'], ['signedAt', '签收时间'], ['resolveBy', '办结时限'],
  ['resolvedAt', '办结时间'], ['callBackBy', '回访时限'], ['closedAt', '关闭时间'],
];

/** The moves the ticket allows now, as forms (the bodies of TicketApi), for this role. */
export function ticketMoves(t, role, {departments, articles, candidates}) {
  const staff = role === 'STAFF' || role === 'ADMIN';
  const manager = role === 'MANAGER' || role === 'ADMIN';
  const s = t.status;
  const departmentOptions = departments.map(d => [d.code, d.name]);
  const moves = [];
  const reason = (label, placeholder) => ({name: 'reason', label, type: 'textarea', placeholder});
  if (staff && (s === 'REGISTERED' || s === 'RETURNED')) {
    moves.push({name: 'dispatch', label: '派单', hint: t.suggestedDepartment ? '分派规则建议的承办单位已选中。' : null, fields: [
      {name: 'department', label: '主办单位', type: 'select', blank: '请选择承办单位', options: departmentOptions,
        value: s === 'RETURNED' ? null : (t.suggestedDepartment || null)},
      {name: 'assistingDepartments', label: '协办单位（可多选）', type: 'multi', options: departmentOptions},
      {name: 'note', label: '派单说明', type: 'textarea'},
    ]});
  }
  if (staff && s === 'REGISTERED') {
    moves.push({name: 'answer', label: '直接答复', hint: '受理时即答复并关闭工单；引用知识库条目且未填答复时，以条目的答复为准。', fields: [
      {name: 'answer', label: '答复内容', type: 'textarea'},
      {name: 'articleId', label: '引用知识库条目', type: 'select', blank: '不引用', options: articles.map(a => [a.id, a.title])},
    ], body: v => ({answer: v.answer || null, articleId: v.articleId})});
  }
  if (staff && s === 'DISPATCHED') {
    moves.push({name: 'sign', label: '签收', hint: '签收时限：' + fmt.dateTime(t.deadlines && t.deadlines.signBy), fields: []});
  }
  if (staff && (s === 'DISPATCHED' || s === 'SIGNED')) {
    moves.push({name: 'return', label: '退单', danger: true, hint: '派错单位时退回派单员，须在派单后 2 个工作日内提出。',
      fields: [reason('退单理由')]});
  }
  if (staff && s === 'RETURNED') {
    moves.push({name: 'refuse-return', label: '驳回退单', hint: '工单回到原承办单位，时限不变。' + (t.returnReason ? '退单理由：' + t.returnReason : ''),
      fields: [reason('驳回理由')]});
  }
  if (s === 'SIGNED') {
    if (staff && t.extensionDaysAsked == null) {
      moves.push({name: 'extension', label: '申请延期', hint: '已批准 ' + t.extensionDaysGranted + ' 个工作日；累计不超过 10 个工作日。', fields: [
        {name: 'days', label: '延期工作日数', type: 'number', min: 1, max: 10}, reason('延期理由'),
      ]});
    }
    if ((staff || manager) && t.extensionDaysAsked != null) {
      const asked = '申请延期 ' + t.extensionDaysAsked + ' 个工作日：' + (t.extensionReason || '');
      moves.push({name: 'approve-extension', label: '批准延期', hint: asked, fields: []});
      moves.push({name: 'reject-extension', label: '驳回延期', danger: true, hint: asked, fields: [reason('驳回理由')]});
    }
    if (staff) {
      moves.push({name: 'suspend', label: '挂起', hint: '等待企业补充材料时挂起，办结时限暂停计时；挂起理由即请企业补充的内容，企业可见。',
        fields: [reason('挂起理由（请企业补充的材料）')]});
      moves.push({name: 'resolve', label: '办结', fields: [
        {name: 'reply', label: '答复内容', type: 'textarea'}, {name: 'outcome', label: '办理结果', type: 'text'},
      ]});
    }
  }
  if (staff && s === 'SUSPENDED') {
    moves.push({name: 'resume', label: '恢复办理', hint: '办结时限顺延挂起的工作时间。', fields: []});
    moves.push({name: 'material', label: '代企业补充材料', hint: '提交后工单自动恢复办理。', fields: [
      {name: 'text', label: '材料说明', type: 'textarea'},
      {name: 'attachmentName', label: '附件名称（可选）', type: 'text'},
      {name: 'attachmentUrl', label: '附件地址（可选，http(s) 网址）', type: 'text'},
    ], body: v => ({text: v.text, attachments: v.attachmentName || v.attachmentUrl ? [{name: v.attachmentName, url: v.attachmentUrl}] : []})});
  }
  if (staff && s === 'RESOLVED') {
    moves.push({name: 'call-back', label: '回访', hint: '不满意且未解决的，工单重办。', fields: [
      {name: 'satisfaction', label: '满意度', type: 'select', blank: '请选择', options: SATISFACTIONS},
      {name: 'solved', label: '问题是否解决', type: 'select', blank: '请选择', options: [['true', '已解决'], ['false', '未解决']]},
      {name: 'note', label: '回访记录', type: 'textarea'},
    ], body: v => ({satisfaction: v.satisfaction, solved: v.solved === null ? null : v.solved === 'true', note: v.note})});
  }
  if (staff && MERGEABLE.includes(s) && !(t.mergedChildren && t.mergedChildren.length)) {
    moves.push({name: 'merge', label: '并单', danger: true, hint: candidates.length
      ? '可并入的工单：' + candidates.map(c => c.number + '（' + c.title + '）').join('；') : '把本工单作为重复诉求并入主工单。', fields: [
      {name: 'parent', label: '主工单（编号或 id）', type: 'text', value: candidates.length ? candidates[0].number : ''},
      reason('并单理由'),
    ]});
  }
  if (manager && IN_HAND.includes(s)) {
    moves.push({name: 'urge', label: '催办', fields: [{name: 'note', label: '催办说明', type: 'textarea'}]});
    moves.push({name: 'supervise', label: '督办', fields: [
      {name: 'deadline', label: '督办时限（当日下班前）', type: 'date'}, {name: 'note', label: '督办说明', type: 'textarea'},
    ]});
  }
  return moves;
}

class WorkTicket extends HcElement {
  static properties = {
    params: {attribute: false}, user: {attribute: false},
    _ticket: {state: true}, _timeline: {state: true}, _materials: {state: true}, _history: {state: true},
    _context: {state: true}, _open: {state: true}, _notice: {state: true}, _error: {state: true},
  };

  constructor() {
    super();
    this.addEventListener('move-done', e => this.done(e.detail.move));
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
      const [ticket, timeline, materials, history, departments] = await Promise.all([
        api.get('/api/tickets/' + id), api.get('/api/tickets/' + id + '/timeline'), api.get('/api/tickets/' + id + '/material'),
        api.get('/api/tickets/' + id + '/moves'), api.get('/api/tickets/departments'),
      ]);
      const staff = ['STAFF', 'ADMIN'].includes(this.user.role);
      // Suggestions only: the forms work without them, so a failure to read them leaves them empty.
      const [articles, candidates] = await Promise.all([
        staff && ticket.status === 'REGISTERED' ? this.articles(ticket).catch(() => []) : [],
        staff && MERGEABLE.includes(ticket.status) ? api.get('/api/tickets/' + id + '/merge-candidates').catch(() => []) : [],
      ]);
      this._context = {departments, articles, candidates};
      this._ticket = ticket;
      this._timeline = timeline;
      this._materials = materials;
      this._history = history;
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  /** Published answers for the ticket's topic (all published ones when the topic has none). */
  async articles(ticket) {
    const mine = ticket.topicCode ? (await api.get('/api/tickets/knowledge', {status: 'PUBLISHED', topic: ticket.topicCode, size: 50})).items : [];
    return mine.length ? mine : (await api.get('/api/tickets/knowledge', {status: 'PUBLISHED', size: 50})).items;
  }

  async send(move, values) {
    const body = move.body ? move.body(values) : values;
    await api.post('/api/tickets/' + this._ticket.id + '/' + move.name, body, {version: this._ticket.version});
  }

  async done(move) {
    this._open = null;
    this._notice = '已' + move.label + '。';
    await this.load();
  }

  async reload() {
    this._open = null;
    this._notice = '已重新加载工单的最新版本。';
    await this.load();
  }

  departmentName(code) {
    const d = this._context.departments.find(one => one.code === code);
    return d ? d.name : code;
  }

  render() {
    if (this._error && !this._ticket) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._ticket) return html`<p>加载中…</p>`;
    const t = this._ticket;
    const moves = ticketMoves(t, this.user.role, this._context);
    return html`
      <div class="work-head">
        <h2>${t.title}</h2>
        <span class="work-number">${t.number}</span>
        ${statusTag(t.statusLabel, t.status)} ${slaCard(t.sla)}
        ${t.urgent ? html`<span class="tag RED">紧急</span>` : nothing}
        <a class="work-back" href="#/work/tickets">返回我的工单</a>
      </div>
      <div id="ticket-state" data-status=${t.status} data-version=${t.version} hidden></div>
      ${this._notice ? html`<div class="notice" role="status" data-notice>${this._notice}</div>` : nothing}
      <hc-problem .error=${this._error}></hc-problem>
      <section class="card" id="ticket-moves">
        <h3>办理</h3>
        ${moveBar(moves, this._open, {onOpen: m => { this._open = this._open && this._open.name === m.name ? null : m; this._notice = null; },
          send: (m, v) => this.send(m, v)})}
      </section>
      <div class="grid">
        <section class="card"><h3>诉求内容</h3>
          <dl class="work-facts">
            <dt>诉求类别</dt><dd>${t.categoryLabel}</dd>
            <dt>受理渠道</dt><dd>${t.channelLabel}${t.externalNumber ? '（12345 编号 ' + t.externalNumber + '）' : ''}</dd>
            <dt>诉求分类</dt><dd>${t.topicLabel || '—'}</dd>
            <dt>企业</dt><dd>${t.enterpriseName || '—'}${t.enterpriseCreditCode ? html` <code>${t.enterpriseCreditCode}</code>` : nothing}</dd>
            <dt>联系人</dt><dd>${t.contactName || '—'} ${t.contactPhone || ''}</dd>
            <dt>受理时间</dt><dd>${fmt.dateTime(t.createdAt)}</dd>
            <dt>主办单位</dt><dd>${t.departmentName || '—'}</dd>
            <dt>协办单位</dt><dd>${(t.assistingDepartments || []).map(c => this.departmentName(c)).join('、') || '—'}</dd>
            <dt>建议承办单位</dt><dd>${t.suggestedDepartment ? this.departmentName(t.suggestedDepartment) : '—'}</dd>
            ${t.repeatOf ? html`<dt>重复诉求</dt><dd><a href="#/work/tickets/${t.repeatOf.id}">${t.repeatOf.number}</a> ${t.repeatOf.kindLabel}</dd>` : nothing}
            ${t.mergedInto ? html`<dt>已并入</dt><dd><a href="#/work/tickets/${t.mergedInto.id}">${t.mergedInto.number}</a></dd>` : nothing}
            ${t.mergedChildren && t.mergedChildren.length ? html`<dt>并入本单的工单</dt><dd>${t.mergedChildren.map(c =>
              html`<a href="#/work/tickets/${c.id}">${c.number}</a> `)}</dd>` : nothing}
            ${t.copiedTo ? html`<dt>抄送服务专员</dt><dd>${t.copiedTo}</dd>` : nothing}
          </dl>
          <p class="work-text">${t.description}</p>
        </section>
        <section class="card"><h3>时限</h3>
          ${t.sla ? html`<p>${t.sla.limitLabel}：${fmt.dateTime(t.sla.deadline)} ${slaCard(t.sla)}</p>` : html`<p class="work-hint">当前无计时的时限。</p>`}
          ${t.calendarWarning ? html`<div class="notice">${t.calendarWarning}</div>` : nothing}
          <dl class="work-facts">
            ${DEADLINES.map(([k, l]) => html`<dt>${l}</dt><dd data-deadline=${k}>${fmt.dateTime(t.deadlines && t.deadlines[k])}</dd>`)}
            <dt>已批准延期</dt><dd>${t.extensionDaysGranted} 个工作日</dd>
            ${t.extensionDaysAsked != null ? html`<dt>待审批延期</dt><dd>${t.extensionDaysAsked} 个工作日：${t.extensionReason}</dd>` : nothing}
            ${t.suspendedAt ? html`<dt>挂起时间</dt><dd>${fmt.dateTime(t.suspendedAt)}</dd>` : nothing}
            ${t.returnReason ? html`<dt>退单理由</dt><dd>${t.returnReason}</dd>` : nothing}
            <dt>催办</dt><dd>${t.urgeCount} 次${t.lastUrgedAt ? '，最近 ' + fmt.dateTime(t.lastUrgedAt) : ''}</dd>
            ${t.supervision ? html`<dt>督办</dt><dd>${fmt.dateTime(t.supervision.since)} 起，时限 ${fmt.dateTime(t.supervision.deadline)}：${t.supervision.note}</dd>` : nothing}
            ${t.reopenCount ? html`<dt>重办</dt><dd>${t.reopenCount} 次</dd>` : nothing}
          </dl>
          ${t.reply ? html`<h3>答复</h3><p class="work-text" data-reply>${t.reply}</p>${t.outcome ? html`<p class="work-hint">办理结果：${t.outcome}</p>` : nothing}` : nothing}
          ${t.satisfaction ? html`<p>回访：${label(SATISFACTIONS, t.satisfaction)}，${t.solved ? '已解决' : '未解决'}</p>` : nothing}
        </section>
      </div>
      <div class="grid">
        <section class="card" id="ticket-timeline"><h3>办理进度</h3>
          <ol class="work-timeline">${this._timeline.map(e => html`<li data-move=${e.move}>
            <span class="work-when">${fmt.dateTime(e.at)}</span> <strong>${e.text}</strong>
            <span class="work-hint">${e.by} · ${e.statusLabel}</span></li>`)}</ol>
        </section>
        <section class="card" id="ticket-materials"><h3>补充材料</h3>
          ${this._materials.length ? html`<ul class="work-materials">${this._materials.map(m => html`<li>
            <span class="work-when">${fmt.dateTime(m.submittedAt)}</span> ${m.text} <span class="work-hint">${m.by}</span>
            ${(m.attachments || []).map(a => html` ${safeLink(a.url, a.name)}`)}</li>`)}</ul>`
            : html`<p class="work-hint">暂无补充材料。</p>`}
        </section>
      </div>
      <section class="card">
        <hc-table id="ticket-history" caption="流转记录（内部）" .rows=${this._history} .columns=${[
          {key: 'occurredAt', label: '时间', render: m => fmt.dateTime(m.occurredAt)},
          {key: 'move', label: '操作', render: m => MOVE_LABELS[m.move] || m.move},
          {key: 'to', label: '状态', render: m => m.from === m.to || !m.from ? label(TICKET_STATUSES, m.to)
            : label(TICKET_STATUSES, m.from) + ' → ' + label(TICKET_STATUSES, m.to)},
          {key: 'department', label: '单位', render: m => m.department ? this.departmentName(m.department) : '—'},
          {key: 'actor', label: '经办人', render: m => m.actor + (m.onBehalfOf ? '（代 ' + m.onBehalfOf + '）' : '')},
          {key: 'details', label: '说明', render: m => details(m.details, code => this.departmentName(code))},
        ]}></hc-table>
      </section>`;
  }

}

/** A move's details as the history shows them; the parent of a merge by its number (details.parent is its id). */
function details(d, departmentName) {
  if (!d) return '—';
  const shown = ['assistingDepartments', 'mergedInto', 'reason', 'note', 'reply', 'days', 'satisfaction']
    .filter(k => d[k] !== undefined && d[k] !== null && !(Array.isArray(d[k]) && !d[k].length));
  const text = {
    assistingDepartments: v => '协办：' + v.map(departmentName).join('、'),
    days: v => v + ' 个工作日',
    satisfaction: v => label(SATISFACTIONS, v),
    mergedInto: v => '主工单 ' + v,
  };
  return shown.length ? shown.map(k => (text[k] ? text[k](d[k]) : d[k])).join('；') : '—';
}

customElements.define('hc-work-ticket', WorkTicket);

registerPage({path: '/work/tickets/:id', title: '工单详情', group: '工作台', roles: ['STAFF', 'ADMIN', 'MANAGER'], tag: 'hc-work-ticket',
  order: 2, menu: false});
