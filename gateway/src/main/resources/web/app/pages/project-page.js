// 项目详情 (the project page of the staff workbench): the project's header (level, chain, stage, investment, 五个一,
// the warning colour with its reasons), the one stage move its stage allows, then its milestones (with the Gantt-like
// baseline against plan), monthly progress, 五包 packages and problems. STAFF and ADMIN write; a MANAGER reads.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, crumb} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {PROJECT_STAGES as STAGES, colourTag} from '../lib/labels.js';
import {banner, canWrite, fieldNote, formValues} from './project-forms.js';
import './project-milestones.js';
import './project-progress.js';
import './project-packages.js';
import './project-problems.js';

/** The one move each stage allows: its endpoint and its name (储备 →签约→ 签约 →开工→ …). */
const NEXT_MOVE = {
  RESERVE: ['sign', '签约'], SIGNED: ['start', '开工'], STARTED: ['complete', '竣工'],
  COMPLETED: ['put-into-operation', '投产'], IN_OPERATION: ['reach-capacity', '达效'],
};
/** The date each stage records on the project. */
const STAGE_DATE = {SIGNED: 'signedDate', STARTED: 'actualStart', COMPLETED: 'actualCompletion', IN_OPERATION: 'operationDate',
  AT_CAPACITY: 'capacityDate'};
const STAGE_FIELDS = {date: ['DATE_BEFORE_PREVIOUS_STAGE'], note: []};
/** 五个一, in the order the header shows them. */
const FIVE_ONES = [['leader', '区级领导', 64], ['guarantor', '包保责任人', 64], ['department', '责任部门', 100], ['taskForce', '工作专班', 200],
  ['headquarters', '指挥部', 200]];

class ProjectPage extends HcElement {
  static properties = {
    params: {attribute: false}, user: {attribute: false},
    _project: {state: true}, _warning: {state: true}, _error: {state: true}, _revision: {state: true},
    _moving: {state: true}, _moveError: {state: true}, _busy: {state: true}, _notice: {state: true},
    _editing: {state: true}, _fiveError: {state: true},
  };

  constructor() {
    super();
    this._revision = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get projectId() {
    return this.params && this.params.id;
  }

  /** Reads the project and its warning again; every section reloads with it (a stage move reaches a milestone …). */
  async load() {
    try {
      const [project, warning] = await Promise.all([
        api.get('/api/projects/' + encodeURIComponent(this.projectId)),
        api.get('/api/projects/' + encodeURIComponent(this.projectId) + '/warning'),
      ]);
      this._project = project;
      crumb(this, project.name);
      this._warning = warning;
      this._error = null;
      this._revision++;
    } catch (e) {
      this._error = e;
    }
  }

  async move(event) {
    const values = formValues(event);
    const [path, label] = NEXT_MOVE[this._project.status];
    this._busy = true;
    this._moveError = null;
    try {
      await api.post('/api/projects/' + this._project.id + '/' + path, {date: values.date, note: values.note || null},
        {version: this._project.version});
      this._moving = false;
      this._notice = '已办理' + label + '（' + fmt.date(values.date) + '）';
      await this.load();
    } catch (e) {
      this._moveError = e;
    } finally {
      this._busy = false;
    }
  }

  async saveFiveOnes(event) {
    const values = formValues(event);
    this._busy = true;
    this._fiveError = null;
    try {
      const fiveOnes = Object.fromEntries(FIVE_ONES.map(([key]) => [key, values[key] || null]));
      await api.put('/api/projects/' + this._project.id + '/five-ones', {fiveOnes}, {version: this._project.version});
      this._editing = false;
      await this.load();
    } catch (e) {
      this._fiveError = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    if (this._error && !this._project) return html`<hc-problem .error=${this._error}></hc-problem>
      <p><a href="#/projects">返回项目清单</a></p>`;
    if (!this._project) return html`<p>加载中…</p>`;
    const p = this._project;
    const writable = canWrite(this.user);
    return html`
      <div class="project-page" data-project=${p.id} data-version=${p.version}>
        ${this.header(p, writable)}
        ${this.stages(p, writable)}
        <hc-project-milestones .project=${p} .writable=${writable} .revision=${this._revision}
          @project-changed=${() => this.load()}></hc-project-milestones>
        <hc-project-progress .project=${p} .writable=${writable} .revision=${this._revision}
          @project-changed=${() => this.load()}></hc-project-progress>
        <hc-project-packages .project=${p} .writable=${writable} .revision=${this._revision}
          @project-changed=${() => this.load()}></hc-project-packages>
        <hc-project-problems .project=${p} .writable=${writable} .revision=${this._revision}
          @project-changed=${() => this.load()}></hc-project-problems>
      </div>`;
  }

  header(p, writable) {
    const w = this._warning || {};
    const five = p.fiveOnes || {};
    return html`
      <section class="card project-header">
        <div class="project-title">
          <h2 id="project-name">${p.name}</h2>
          <span class="tag" data-level=${p.level}>${p.levelLabel}</span>
          <span class="tag">${p.industryChainLabel}</span>
          <span class="tag stage" id="project-stage" data-status=${p.status}>${p.statusLabel}</span>
          <span id="project-warning" data-colour=${w.colour || ''}>${colourTag(w.colour, w.colourLabel)}</span>
          <span class="spacer"></span>
          <a href="#/projects">返回项目清单</a>
        </div>
        <div class="stats">
          ${stat('总投资', html`<span id="project-total">${fmt.yi(p.totalInvestment)}</span>`, fmt.wan(p.totalInvestment))}
          ${stat('年度计划投资', fmt.money(p.annualPlannedInvestment), p.annualPlannedInvestment == null ? '' : fmt.wan(p.annualPlannedInvestment))}
          ${stat('计划开工', fmt.date(p.plannedStart), '计划竣工 ' + fmt.date(p.plannedEnd))}
          ${stat('项目类别', p.categoryLabel || '—', (p.lists || []).join('、'))}
        </div>
        <dl class="kv" id="five-ones">
          ${FIVE_ONES.map(([key, label]) => html`<div><dt>${label}</dt><dd data-five=${key}>${five[key] || '—'}</dd></div>`)}
          <div><dt>项目代码</dt><dd>${p.projectCode || '—'}</dd></div>
          <div><dt>建设地点</dt><dd>${p.location || '—'}</dd></div>
          <div><dt>业主单位</dt><dd>${p.ownerCreditCode || '—'}</dd></div>
        </dl>
        ${writable && !this._editing ? html`<div class="toolbar"><button class="secondary" id="five-ones-edit"
          @click=${() => { this._editing = true; this._fiveError = null; }}>编辑五个一</button></div>` : nothing}
        ${writable && this._editing ? html`<form class="inline-form" id="five-ones-form" @submit=${e => this.saveFiveOnes(e)}>
          <h4>编辑五个一</h4>
          ${FIVE_ONES.map(([key, label, max]) => html`<label>${label}<input name=${key} maxlength=${max} .value=${five[key] || ''}></label>
            ${fieldNote(this._fiveError, key)}`)}
          <div class="form-actions">
            <button type="submit" ?disabled=${this._busy}>保存</button>
            <button type="button" class="secondary" @click=${() => { this._editing = false; }}>取消</button>
          </div>
          ${banner(this._fiveError, Object.fromEntries(FIVE_ONES.map(([key]) => [key, []])))}
        </form>` : nothing}
        <div class="warning-reasons" id="warning-reasons">
          <strong>红黄绿灯</strong>
          ${w.asOf ? html`<span class="muted">（${fmt.date(w.asOf)} 计算）</span>` : html`<span class="muted">（尚未计算）</span>`}
          ${(w.reasons || []).length ? html`<ul>${w.reasons.map(r => html`<li>${colourTag(r.colour, r.colourLabel)}
            ${r.message}</li>`)}</ul>` : html`<span class="muted">${w.asOf ? '无预警原因' : ''}</span>`}
        </div>
      </section>`;
  }

  stages(p, writable) {
    const next = NEXT_MOVE[p.status];
    const reached = STAGES.findIndex(([code]) => code === p.status);
    return html`
      <section class="card" id="stage-card">
        <h3>项目阶段</h3>
        <ol class="stage-steps">
          ${STAGES.map(([code, label], i) => html`<li class=${i < reached ? 'done' : i === reached ? 'current' : ''} data-stage=${code}>
            <span class="step-label">${label}</span><span class="step-date">${STAGE_DATE[code] ? fmt.date(p[STAGE_DATE[code]]) : ''}</span></li>`)}
        </ol>
        ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
        ${writable && next && !this._moving ? html`<div class="toolbar">
          <button id="stage-move" data-move=${next[0]} @click=${() => { this._moving = true; this._moveError = null; this._notice = null; }}>
            办理${next[1]}</button></div>` : nothing}
        ${writable && next && this._moving ? html`
          <form class="inline-form" id="stage-form" @submit=${e => this.move(e)}>
            <label>${next[1]}日期<input type="date" name="date" required .value=${fmt.today()}></label>
            ${fieldNote(this._moveError, 'date', STAGE_FIELDS.date)}
            <label>说明<input name="note" maxlength="500" placeholder="可选"></label>
            ${fieldNote(this._moveError, 'note')}
            <div class="form-actions">
              <button type="submit" ?disabled=${this._busy}>确认${next[1]}</button>
              <button type="button" class="secondary" @click=${() => { this._moving = false; }}>取消</button>
            </div>
            ${banner(this._moveError, STAGE_FIELDS)}
          </form>` : nothing}
        ${!next ? html`<p class="muted">项目已达效，全部阶段已完成。</p>` : nothing}
      </section>`;
  }
}
customElements.define('hc-project-page', ProjectPage);

registerPage({path: '/projects/:id', title: '项目详情', group: '重大项目', roles: ['STAFF', 'MANAGER', 'ADMIN'],
  tag: 'hc-project-page', order: 21, menu: false});
