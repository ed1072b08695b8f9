// 月度进度 (monthly progress) on the project page: the reports by month as a table and as a line of cumulative
// completed investment against the project's total, and the form for a month (the current one by default). The first
// report of a month names no version; a correction names the version of the report it corrects.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {banner, fieldNote, formValues} from './project-forms.js';

const FIELDS = {
  month: ['MONTH_LOCKED'],
  cumulativeInvestment: ['CUMULATIVE_DECREASED', 'ABOVE_TOTAL_INVESTMENT', 'CUMULATIVE_ABOVE_LATER_MONTH'],
  imageProgress: [],
};

function progressOption(reports, total) {
  const months = [...reports].sort((a, b) => a.month.localeCompare(b.month));
  return {
    tooltip: {trigger: 'axis', valueFormatter: v => fmt.wan(v)},
    legend: {data: ['累计完成投资', '当月完成投资', '总投资'], top: 0},
    grid: {left: 72, right: 24, top: 36, bottom: 32},
    xAxis: {type: 'category', data: months.map(r => r.month)},
    yAxis: {type: 'value', name: '万元'},
    series: [
      {type: 'bar', name: '当月完成投资', data: months.map(r => r.monthlyInvestment), itemStyle: {color: '#9fbbe6'}},
      {type: 'line', name: '累计完成投资', data: months.map(r => r.cumulativeInvestment), itemStyle: {color: '#1f5fbf'}, symbolSize: 6},
      {type: 'line', name: '总投资', data: months.map(() => total), symbol: 'none', lineStyle: {type: 'dashed', color: '#d93026'},
        itemStyle: {color: '#d93026'}},
    ],
  };
}

function monthLabel(month, reports) {
  const [y, m] = month.split('-');
  const report = (reports || []).find(r => r.month === month);
  const state = report ? (report.locked ? '已锁定' : '已填报，可更正') : '未填报';
  return `${y}年${Number(m)}月（${month === fmt.today().slice(0, 7) ? '本月，' : ''}${state}）`;
}

class ProjectProgress extends HcElement {
  static properties = {
    project: {attribute: false}, writable: {type: Boolean}, revision: {type: Number},
    _reports: {state: true}, _error: {state: true}, _month: {state: true}, _formError: {state: true}, _busy: {state: true},
    _notice: {state: true},
  };

  updated(changed) {
    if (changed.has('revision')) this.load();
  }

  async load() {
    try {
      this._reports = await api.get('/api/projects/' + this.project.id + '/progress');
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  get month() {
    return this._month || fmt.today().slice(0, 7);
  }

  /** The report already filed for the form's month, if any: the form corrects it and names its version. */
  existing() {
    return (this._reports || []).find(r => r.month === this.month) || null;
  }

  /** The months a report can be filed for: this one and the one before (until it locks; the service says when). */
  months() {
    const [y, m] = fmt.today().slice(0, 7).split('-').map(Number);
    const before = m === 1 ? (y - 1) + '-12' : y + '-' + String(m - 1).padStart(2, '0');
    const current = y + '-' + String(m).padStart(2, '0');
    return [current, before];
  }

  pickMonth(month) {
    this._month = month;
    this._formError = null;
    this._notice = null;
  }

  async submit(event) {
    const values = formValues(event);
    const existing = this.existing();
    this._busy = true;
    this._formError = null;
    this._notice = null;
    try {
      const saved = await api.put('/api/projects/' + this.project.id + '/progress/' + values.month,
        {cumulativeInvestment: values.cumulativeInvestment === '' ? null : Number(values.cumulativeInvestment),
          imageProgress: values.imageProgress},
        existing ? {version: existing.version} : {});
      this._notice = (existing ? '已更正 ' : '已填报 ') + saved.month + ' 月报：累计完成投资 ' + fmt.wan(saved.cumulativeInvestment);
      this.dispatchEvent(new CustomEvent('project-changed', {bubbles: true}));
    } catch (e) {
      this._formError = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    const reports = this._reports;
    const p = this.project;
    const latest = reports && reports.length ? reports[0] : null;
    return html`
      <section class="card" id="progress">
        <h3>月度进度</h3>
        <hc-problem .error=${this._error}></hc-problem>
        ${reports ? html`
          <div class="stats">
            <div class="stat"><span class="stat-label">累计完成投资</span>
              <span class="stat-value" id="progress-cumulative">${latest ? fmt.wan(latest.cumulativeInvestment) : '—'}</span>
              <span class="stat-hint">${latest ? latest.month + '，完成率 ' + fmt.count(latest.completionPercent) + '%' : '尚无月报'}</span></div>
            <div class="stat"><span class="stat-label">总投资</span><span class="stat-value">${fmt.wan(p.totalInvestment)}</span></div>
          </div>
          ${this.writable ? this.form() : nothing}
          ${reports.length ? html`<hc-chart id="progress-chart" .option=${progressOption(reports, p.totalInvestment)}></hc-chart>` : nothing}
          <hc-table id="progress-table" .rows=${reports} size="12"
            @row-click=${e => this.writable && !e.detail.locked && this.pickMonth(e.detail.month)} .columns=${[
              {key: 'month', label: '月份'},
              {key: 'cumulativeInvestment', label: '累计完成投资', align: 'num', render: r => fmt.wan(r.cumulativeInvestment)},
              {key: 'monthlyInvestment', label: '当月完成投资', align: 'num', render: r => fmt.wan(r.monthlyInvestment)},
              {key: 'completionPercent', label: '累计完成率', align: 'num', render: r => r.completionPercent == null ? '—' : fmt.count(r.completionPercent) + '%'},
              {key: 'imageProgress', label: '形象进度', render: r => html`<span class="wrap">${r.imageProgress}</span>`},
              {key: 'reporter', label: '填报人'},
              {key: 'locked', label: '状态', render: r => r.locked ? html`<span class="tag">已锁定</span>` : html`<span class="tag green">可更正</span>`},
              {key: 'updatedAt', label: '更新时间', render: r => fmt.dateTime(r.updatedAt)},
            ]}></hc-table>` : html`<p>加载中…</p>`}
      </section>`;
  }

  form() {
    if (this.project.status === 'RESERVE') {
      return html`<p class="notice">储备项目尚未签约，不填报投资进度。</p>`;
    }
    const existing = this.existing();
    const error = this._formError;
    const previous = (this._reports || []).find(r => r.month < this.month);
    return html`
      <form class="inline-form" id="progress-form" data-month=${this.month} data-version=${existing ? existing.version : ''}
        @submit=${e => this.submit(e)}>
        <h4>${existing ? `更正 ${this.month} 月报（版本 ${existing.version}${existing.locked ? '，已锁定' : ''}）` : `填报 ${this.month} 月报`}</h4>
        <label>月份<select name="month" @change=${e => this.pickMonth(e.target.value)}>
          ${this.months().map(m => html`<option value=${m} ?selected=${m === this.month}>${monthLabel(m, this._reports)}</option>`)}
        </select></label>
        ${fieldNote(error, 'month', FIELDS.month)}
        <label>累计完成投资（万元）<input type="number" name="cumulativeInvestment" required min="0" step="0.01" inputmode="decimal"
          .value=${existing ? String(existing.cumulativeInvestment) : ''}
          placeholder=${previous ? '不低于 ' + previous.month + ' 的 ' + previous.cumulativeInvestment : ''}></label>
        ${fieldNote(error, 'cumulativeInvestment', FIELDS.cumulativeInvestment)}
        <span class="hint">自开工累计，不低于上月、不高于总投资 ${fmt.wan(this.project.totalInvestment)}${previous ? '；上次（' + previous.month + '）累计 ' + fmt.wan(previous.cumulativeInvestment) : ''}</span>
        <label>形象进度<textarea name="imageProgress" rows="3" maxlength="2000" required .value=${existing ? existing.imageProgress : ''}
          placeholder="如：1#厂房主体封顶，2#厂房钢结构吊装"></textarea></label>
        ${fieldNote(error, 'imageProgress')}
        <div class="form-actions">
          <button type="submit" id="progress-submit" ?disabled=${this._busy}>${existing ? '提交更正' : '提交月报'}</button>
        </div>
        ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
        ${banner(error, FIELDS)}
      </form>`;
  }
}
customElements.define('hc-project-progress', ProjectProgress);
