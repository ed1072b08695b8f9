// 一件事一次办驾驶舱: applications by thing and by state (the application list's totals), and the measured 环节压减率 /
// 时限压缩率 / 材料精简率 of the period (default the last 90 days) per thing and in all. Every chart drills down to the
// application list behind it; the reductions export through their report endpoint.

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {APPLICATION_STATUSES, lastNinetyDays, rate, ratePoint, periodForm, barOption, countsBy} from './dashboard-common.js';

const REDUCTIONS = [
  ['stepReduction', '环节压减率'], ['promisedTimeCompression', '时限压缩率（承诺）'], ['actualTimeCompression', '时限压缩率（实际）'],
  ['materialReduction', '材料精简率'],
];

function listHash(params) {
  return '#/approvals/list?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v));
}

class ApprovalsDashboard extends HcElement {
  static properties = {
    _things: {state: true}, _counts: {state: true}, _period: {state: true}, _reductions: {state: true}, _error: {state: true},
  };

  constructor() {
    super();
    this._period = lastNinetyDays();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const reductions = this.loadReductions();
      const things = await api.get('/api/approvals/things');
      // The thing × state matrix in one call of the list's counts, so the chart and the list it opens always agree.
      const [count] = await Promise.all([countsBy('/api/approvals/applications', 'thing,status'), reductions]);
      this._things = things;
      this._counts = things.map(t => APPLICATION_STATUSES.map(([status]) => count(t.code, status)));
    } catch (e) {
      this._error = e;
    }
  }

  async loadReductions() {
    const call = this._reductionsCall = (this._reductionsCall || 0) + 1;
    const reductions = await api.get('/api/approvals/reports/reductions', this._period);
    if (call === this._reductionsCall) this._reductions = reductions;
  }

  async changePeriod(period) {
    this._period = period;
    this._error = null;
    try {
      await this.loadReductions();
    } catch (e) {
      this._error = e;
    }
  }

  thingChart() {
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: APPLICATION_STATUSES.map(s => s[1])},
      grid: {left: 48, right: 16, top: 40, bottom: 80},
      xAxis: {type: 'category', data: this._things.map(t => t.name.replace(/一件事$/, '')), axisLabel: {interval: 0, rotate: 30}},
      yAxis: {type: 'value', name: '件'},
      series: APPLICATION_STATUSES.map(([, name, color], s) => ({type: 'bar', stack: 'state', name, itemStyle: {color},
        data: this._counts.map(row => row[s])})),
    };
  }

  stateChart() {
    const totals = APPLICATION_STATUSES.map((_, s) => this._counts.reduce((sum, row) => sum + row[s], 0));
    return {
      tooltip: {trigger: 'item', formatter: '{b}：{c} 件（{d}%）'},
      legend: {bottom: 0},
      series: [{type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: {formatter: '{b}\n{c}'},
        data: APPLICATION_STATUSES.map(([code, name, color], s) => ({code, name, value: totals[s], itemStyle: {color}}))
          .filter(d => d.value > 0)}],
    };
  }

  reductionRows() {
    return this._reductions.rows.filter(r => r.applications > 0);
  }

  reductionChart() {
    const rows = this.reductionRows();
    return barOption(rows.map(r => r.thingName.replace(/一件事$/, '')),
      REDUCTIONS.map(([key, name]) => ({name, data: rows.map(r => ratePoint(r[key]))})), {yName: '%', percent: true, rotate: 20});
  }

  render() {
    if (this._error && !this._counts) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._counts) return html`<p>加载中…</p>`;
    const all = this._counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
    const t = this._reductions.total;
    const rows = this._things.map((thing, i) => ({thing, counts: this._counts[i], total: this._counts[i].reduce((a, b) => a + b, 0)}));
    return html`
      <h2>一件事一次办</h2>
      <div class="stats">
        ${stat('申请总数', html`<a href="#/approvals/list"><span id="application-total" data-total=${all}>${fmt.count(all)}</span></a>`, '全部一件事累计')}
        ${APPLICATION_STATUSES.map(([code, text], s) => stat(text, html`<a href=${listHash({status: code})}><span data-status=${code}>
          ${fmt.count(this._counts.reduce((sum, row) => sum + row[s], 0))}</span></a>`))}
      </div>
      <div class="grid">
        <section class="card"><h3>各一件事申请（按状态）</h3>
          <hc-chart id="thing-chart" height="360px" .option=${this.thingChart()}
            @chart-click=${e => go(listHash({thing: this._things[e.detail.dataIndex].code,
              status: APPLICATION_STATUSES.find(s => s[1] === e.detail.seriesName)[0]}))}></hc-chart>
        </section>
        <section class="card"><h3>申请状态分布</h3>
          <hc-chart id="state-chart" height="360px" .option=${this.stateChart()}
            @chart-click=${e => go(listHash({status: e.detail.data.code}))}></hc-chart>
        </section>
      </div>
      <section class="card">
        <hc-table id="thing-list" caption="按一件事统计" .rows=${rows} @row-click=${e => go(listHash({thing: e.detail.thing.code}))}
          .columns=${[
            {key: 'name', label: '一件事', render: r => r.thing.name},
            ...APPLICATION_STATUSES.map(([code, text], s) => ({key: code, label: text, align: 'num',
              render: r => r.counts[s] ? html`<a href=${listHash({thing: r.thing.code, status: code})}
                @click=${e => e.stopPropagation()}>${fmt.count(r.counts[s])}</a>` : fmt.count(r.counts[s])})),
            {key: 'total', label: '合计', align: 'num', render: r => html`<span data-thing=${r.thing.code}>${fmt.count(r.total)}</span>`},
          ]}></hc-table>
      </section>
      <section class="card">
        <div class="filters"><h3 style="margin:0">实测压减率（按办结日期）</h3><span class="spacer"></span>
          ${periodForm(this._period, p => this.changePeriod(p), 'reduction-period', this._error)}</div>
        <hc-problem .error=${this._error}></hc-problem>
        <div class="stats" id="reduction-totals">
          ${stat('期内办结', html`<span data-figure="applications">${fmt.count(t.applications)}</span>`, `其中部分不予许可 ${fmt.count(t.partlyRefused)} 件`)}
          ${stat('环节压减率', html`<span data-rate="stepReduction">${rate(t.stepReduction)}</span>`, `${fmt.count(t.oldSteps)} → ${fmt.count(t.newSteps)} 个环节`)}
          ${stat('时限压缩率（承诺）', html`<span data-rate="promisedTimeCompression">${rate(t.promisedTimeCompression)}</span>`,
            `法定 ${fmt.count(t.statutoryDays)} → 承诺 ${fmt.count(t.promisedDays)} 个工作日`)}
          ${stat('时限压缩率（实际）', html`<span data-rate="actualTimeCompression">${rate(t.actualTimeCompression)}</span>`,
            `实际用时 ${fmt.count(t.actualDays)} 个工作日，平均 ${fmt.count(t.averageActualDays)}`)}
          ${stat('时限压减率（实际，对比改革前）', html`<span data-rate="actualTimeReduction">${rate(t.actualTimeReduction)}</span>`,
            `改革前 ${fmt.count(t.oldWayDays)} 个工作日`)}
          ${stat('材料精简率', html`<span data-rate="materialReduction">${rate(t.materialReduction)}</span>`,
            `${fmt.count(t.materialsItemByItem)} → ${fmt.count(t.materialsDeduplicated)} 件，免提交 ${fmt.count(t.materialsReused)} 件`)}
          ${stat('跑动次数压减率', html`<span data-rate="visitReduction">${rate(t.visitReduction)}</span>`,
            `平均 ${fmt.count(t.averageOldVisits)} → ${fmt.count(t.averageVisits)} 次`)}
        </div>
        <hc-chart id="reduction-chart" height="360px" .option=${this.reductionChart()}
          @chart-click=${e => go(listHash({thing: this.reductionRows()[e.detail.dataIndex].thing}))}></hc-chart>
        <hc-table id="reduction-list" caption="各一件事压减率" export-path="/api/approvals/reports/reductions" .exportParams=${this._period}
          export-name="一件事压减率" .rows=${this._reductions.rows} @row-click=${e => go(listHash({thing: e.detail.thing}))}
          .columns=${[
            {key: 'thingName', label: '一件事'},
            {key: 'submitted', label: '期内提交', align: 'num'},
            {key: 'applications', label: '期内办结', align: 'num'},
            {key: 'steps', label: '环节（原→现）', align: 'num', render: r => `${r.oldSteps} → ${r.newSteps}`},
            ...REDUCTIONS.map(([key, text]) => ({key, label: text, align: 'num', render: r => rate(r[key])})),
            {key: 'averageActualDays', label: '平均用时（工作日）', align: 'num', render: r => fmt.count(r.averageActualDays)},
            {key: 'visitReduction', label: '跑动次数压减率', align: 'num', render: r => rate(r.visitReduction)},
          ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-approvals-dashboard', ApprovalsDashboard);

registerPage({path: '/dashboard/approvals', title: '一件事一次办', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN'],
  tag: 'hc-approvals-dashboard', order: 12});
