// 重大项目驾驶舱 (major projects dashboard): counts by stage, 开工率/竣工率/投产率, investment against plan by industry
// chain, level or department, the red/yellow list with reasons, the department scoreboard and the 观摩评比 ranking.
// Every chart drills down to the project list behind it; every list exports through its report endpoint.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {PROJECT_STAGES as STAGES, colourTag} from '../lib/labels.js';

/** The project stages and the warning tag, where the project pages import them from. */
export {STAGES, colourTag};

/** The stage a rate counts as achieved: 开工率 → 开工 and later, shown as the projects at that stage now. */
const RATE_STAGES = {START: ['STARTED', '开工'], COMPLETION: ['COMPLETED', '竣工'], OPERATION: ['IN_OPERATION', '投产']};
const GROUPINGS = {INDUSTRY: ['产业链', 'industryChain'], LEVEL: ['项目级别', 'level'], DEPARTMENT: ['责任部门', 'department']};

class ProjectsDashboard extends HcElement {
  static properties = {
    _stages: {state: true}, _rates: {state: true}, _investment: {state: true}, _by: {state: true},
    _warnings: {state: true}, _departments: {state: true}, _rounds: {state: true}, _ranking: {state: true}, _error: {state: true},
  };

  constructor() {
    super();
    this._by = 'INDUSTRY';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [stages, rates, warnings, departments, rounds] = await Promise.all([
        api.get('/api/projects/counts', {by: 'status'}),
        api.get('/api/projects/reports/rates'),
        api.get('/api/projects/reports/warnings'),
        api.get('/api/projects/reports/departments'),
        api.get('/api/projects/reviews'),
      ]);
      const byStage = new Map(stages.map(r => [r.key, r.count]));
      this._stages = STAGES.map(([status]) => byStage.get(status) || 0);
      this._rates = rates;
      this._warnings = warnings;
      this._departments = departments;
      this._rounds = rounds;
      if (rounds.length) {
        const latest = [...rounds].sort((a, b) => String(b.heldOn).localeCompare(String(a.heldOn)))[0];
        this._ranking = await api.get('/api/projects/reports/reviews/' + latest.id);
      }
      await this.loadInvestment();
    } catch (e) {
      this._error = e;
    }
  }

  /** The investment report grouped by {@code by}; only the latest choice's answer is shown, with its own columns. */
  async loadInvestment(by = this._by) {
    const call = this._investmentCall = (this._investmentCall || 0) + 1;
    try {
      const investment = await api.get('/api/projects/reports/investment', {by});
      if (call !== this._investmentCall) return;
      this._investment = investment;
      this._by = by;
    } catch (e) {
      if (call === this._investmentCall) this._error = e;
    }
  }

  stageChart() {
    return {
      tooltip: {trigger: 'axis'},
      grid: {left: 40, right: 16, top: 24, bottom: 28},
      xAxis: {type: 'category', data: STAGES.map(s => s[1])},
      yAxis: {type: 'value', name: '项目数'},
      series: [{type: 'bar', name: '项目数', data: this._stages, itemStyle: {color: '#1f5fbf'}, label: {show: true, position: 'top'}}],
    };
  }

  investmentChart() {
    const rows = this._investment.rows;
    return {
      tooltip: {trigger: 'axis'},
      legend: {data: ['年度计划投资', '本年完成投资', '年度计划完成率']},
      grid: {left: 64, right: 56, top: 40, bottom: 60},
      xAxis: {type: 'category', data: rows.map(r => r.label), axisLabel: {interval: 0, rotate: rows.length > 6 ? 30 : 0}},
      yAxis: [{type: 'value', name: '万元'}, {type: 'value', name: '%', max: v => Math.max(100, Math.ceil(v.max))}],
      series: [
        {type: 'bar', name: '年度计划投资', data: rows.map(r => r.annualPlannedInvestment), itemStyle: {color: '#9fbbe6'}},
        {type: 'bar', name: '本年完成投资', data: rows.map(r => r.completedThisYear), itemStyle: {color: '#1f5fbf'}},
        {type: 'line', name: '年度计划完成率', yAxisIndex: 1, data: rows.map(r => r.annualCompletionRate), itemStyle: {color: '#e6a23c'}},
      ],
    };
  }

  ratesChart() {
    const rows = this._rates.rows;
    return {
      tooltip: {trigger: 'axis'},
      grid: {left: 40, right: 16, top: 24, bottom: 28},
      xAxis: {type: 'category', data: rows.map(r => r.label)},
      yAxis: {type: 'value', max: 100, name: '%'},
      series: [{type: 'bar', data: rows.map(r => r.rate ?? 0), label: {show: true, position: 'top', formatter: '{c}%'},
        itemStyle: {color: '#2e9d57'}}],
    };
  }

  rateHref(rate) {
    const [status, label] = RATE_STAGES[rate.metric];
    return '#/projects?' + new URLSearchParams({status, title: label});
  }

  drillRate(rate) {
    if (rate) go(this.rateHref(rate));
  }

  drillInvestment(detail) {
    const row = this._investment.rows[detail.dataIndex];
    const [, param] = GROUPINGS[this._by];
    go('#/projects?' + new URLSearchParams({[param]: row.group === '—' ? '' : row.group, title: row.label}));
  }

  render() {
    if (this._error) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._stages) return html`<p>加载中…</p>`;
    const total = this._stages.reduce((a, b) => a + b, 0);
    const rates = this._rates.rows;
    return html`
      <h2>重大项目</h2>
      <div class="stats" data-section="stages">
        ${stat('项目总数', fmt.count(total))}
        ${STAGES.map(([code, label], i) => html`<a class="stat-link" href="#/projects?status=${code}&title=${label}">
          ${stat(label, html`<span data-stage=${code}>${fmt.count(this._stages[i])}</span>`)}</a>`)}
        ${rates.map(r => stat(r.label, fmt.count(r.rate) + (r.rate === null ? '' : '%'), `${r.achieved} / ${r.due}，${this._rates.period.label}`))}
      </div>
      <div class="grid">
        <section class="card"><h3>各阶段项目数</h3>
          <hc-chart id="stage-chart" .option=${this.stageChart()} @chart-click=${e => go('#/projects?status=' + STAGES[e.detail.dataIndex][0] + '&title=' + STAGES[e.detail.dataIndex][1])}></hc-chart>
        </section>
        <section class="card"><h3>开工率 / 竣工率 / 投产率（${this._rates.period.label}）</h3>
          <hc-chart id="rates-chart" .option=${this.ratesChart()} @chart-click=${e => this.drillRate(rates[e.detail.dataIndex])}></hc-chart>
          <div class="toolbar">${rates.map(r => html`<a href=${this.rateHref(r)}>${r.label}：现处${RATE_STAGES[r.metric][1]}阶段的项目</a>`)}</div>
        </section>
      </div>
      <section class="card">
        <div class="filters">
          <h3 style="margin:0">投资完成情况</h3><span class="spacer"></span>
          <label>分组<select id="investment-by" @change=${e => this.loadInvestment(e.target.value)}>
            ${Object.entries(GROUPINGS).map(([code, [label]]) => html`<option value=${code} ?selected=${code === this._by}>${label}</option>`)}
          </select></label>
        </div>
        ${this._investment ? html`
          <hc-chart id="investment-chart" height="360px" .option=${this.investmentChart()} @chart-click=${e => this.drillInvestment(e.detail)}></hc-chart>
          <hc-table export-path="/api/projects/reports/investment" .exportParams=${{by: this._by}} export-name="投资完成情况"
            .rows=${this._investment.rows} @row-click=${e => this.drillInvestment({dataIndex: this._investment.rows.indexOf(e.detail)})}
            .columns=${[
              {key: 'label', label: GROUPINGS[this._by][0]},
              {key: 'projects', label: '项目数', align: 'num'},
              {key: 'totalInvestment', label: '总投资', align: 'num', render: r => fmt.yi(r.totalInvestment)},
              {key: 'annualPlannedInvestment', label: '年度计划', align: 'num', render: r => fmt.wan(r.annualPlannedInvestment)},
              {key: 'completedThisYear', label: '本年完成', align: 'num', render: r => fmt.wan(r.completedThisYear)},
              {key: 'annualCompletionRate', label: '年度完成率', align: 'num', render: r => r.annualCompletionRate === null ? '—' : r.annualCompletionRate + '%'},
            ]}></hc-table>` : nothing}
      </section>
      <section class="card">
        <hc-table id="warning-list" caption="红黄灯项目（${this._warnings.rows.length}）" export-path="/api/projects/reports/warnings"
          export-name="红黄灯项目" .rows=${this._warnings.rows} @row-click=${e => go('#/projects/' + e.detail.projectId)}
          .columns=${[
            {key: 'colour', label: '预警', render: r => colourTag(r.colour, r.colourLabel)},
            {key: 'projectName', label: '项目'},
            {key: 'department', label: '责任部门'},
            {key: 'leader', label: '区级领导'},
            {key: 'reasons', label: '原因', render: r => r.reasons.join('；')},
          ]}></hc-table>
      </section>
      <section class="card">
        <hc-table caption="责任部门排行（${this._departments.period.label}）" export-path="/api/projects/reports/departments"
          export-name="责任部门排行" .rows=${this._departments.rows}
          @row-click=${e => go('#/projects?' + new URLSearchParams({department: e.detail.department, title: e.detail.department}))}
          .columns=${[
            {key: 'rank', label: '名次', align: 'num'},
            {key: 'department', label: '责任部门'},
            {key: 'projects', label: '项目', align: 'num'},
            {key: 'started', label: '已开工', align: 'num'},
            {key: 'red', label: '红灯', align: 'num'},
            {key: 'yellow', label: '黄灯', align: 'num'},
            {key: 'milestoneOnTimeRate', label: '节点按时率', align: 'num', render: r => r.milestoneOnTimeRate === null ? '—' : r.milestoneOnTimeRate + '%'},
            {key: 'score', label: '综合得分', align: 'num'},
          ]}></hc-table>
      </section>
      ${this._ranking ? html`<section class="card">
        <hc-table caption="观摩评比：${this._ranking.roundName}（十佳）" export-path=${'/api/projects/reports/reviews/' + this._ranking.roundId}
          export-name="观摩评比排名" .rows=${this._ranking.rows} @row-click=${e => go('#/projects/' + e.detail.projectId)}
          .columns=${[
            {key: 'rank', label: '名次', align: 'num'},
            {key: 'projectName', label: '项目', render: r => html`${r.projectName} ${r.topTen ? html`<span class="tag green">十佳</span>` : nothing}`},
            {key: 'department', label: '责任部门'},
            {key: 'score', label: '平均得分', align: 'num'},
            {key: 'scorers', label: '评委数', align: 'num'},
          ]}></hc-table></section>` : nothing}`;
  }
}
customElements.define('hc-projects-dashboard', ProjectsDashboard);

registerPage({path: '/dashboard/projects', title: '重大项目', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN'],
  tag: 'hc-projects-dashboard', order: 10});
