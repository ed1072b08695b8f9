// 8951234 热线驾驶舱: tickets by channel and by status (the ticket list's totals, one counts call a chart), the departments' 三率 and other rates
// (ranking, metrics and the monthly trend), the overdue and supervised tickets, the hot topics and the repeated-request
// clusters. The channel and status charts drill down to the ticket list; a department bar to its trend; a topic to its
// leaves. Every report table exports through its report endpoint.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {TICKET_CHANNELS, TICKET_STATUSES, label, colourTag} from '../lib/labels.js';
import {lastNinetyDays, rate, ratePoint, periodForm, openIfPage, barOption, legendLinks, countsBy} from './dashboard-common.js';

const OPEN = ['DISPATCHED', 'SIGNED', 'SUSPENDED'];
const TREND_RATES = [
  ['responseRate', '响应率'], ['solvedRate', '解决率'], ['satisfactionRate', '满意率'], ['resolvedOnTime', '按时办结率'],
];
const RATE_COLUMNS = [
  ['signedOnTime', '按时签收率'], ['resolvedOnTime', '按时办结率'], ['responseRate', '响应率'], ['solvedRate', '解决率'],
  ['satisfactionRate', '满意率'], ['returnRate', '退单率'], ['reopenRate', '重办率'], ['firstTimeResolved', '一次办结率'],
  ['repeatRate', '重复诉求率'],
].map(([key, text]) => ({key, label: text, align: 'num', render: r => rate(r[key])}));

/** Every open ticket in hand (派单, 签收, 挂起). */
function openTickets() {
  return Promise.all(OPEN.map(status => api.all('/api/tickets', {status}))).then(lists => lists.flat());
}

class TicketsDashboard extends HcElement {
  static properties = {
    user: {attribute: false},
    _channels: {state: true}, _statuses: {state: true}, _period: {state: true}, _ranking: {state: true},
    _departments: {state: true}, _trend: {state: true}, _trendDepartment: {state: true}, _pressed: {state: true},
    _topics: {state: true}, _levelOne: {state: true}, _repeats: {state: true}, _error: {state: true},
  };

  constructor() {
    super();
    this._period = lastNinetyDays();
    this._trendDepartment = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      // The reports and the open tickets first: the browser sends six requests to a host at a time.
      const [, pressed, channels, statuses] = await Promise.all([
        this.loadPeriod(),
        openTickets(),
        countsBy('/api/tickets', 'channel'),
        countsBy('/api/tickets', 'status'),
      ]);
      this._channels = TICKET_CHANNELS.map(([channel]) => channels(channel));
      this._statuses = TICKET_STATUSES.map(([status]) => statuses(status));
      this._pressed = pressed.filter(t => (t.sla && t.sla.colour === 'RED') || t.supervision)
        .sort((a, b) => String(a.sla && a.sla.deadline).localeCompare(String(b.sla && b.sla.deadline)));
    } catch (e) {
      this._error = e;
    }
  }

  /** The period's reports, all at once. */
  async loadPeriod() {
    const p = this._period;
    const call = this._periodCall = (this._periodCall || 0) + 1;
    const [ranking, departments, topics, trend] = await Promise.all([
      api.get('/api/tickets/reports/ranking', p),
      api.get('/api/tickets/reports/departments', p),
      api.get('/api/tickets/reports/topics', p),
      api.get('/api/tickets/reports/trend', {...p, department: this._trendDepartment}),
    ]);
    if (call !== this._periodCall) return;
    this._ranking = ranking;
    this._departments = departments;
    this._topics = topics;
    this._trend = trend;
    this._levelOne = null;
    this._repeats = ({page, size}) => api.get('/api/tickets/reports/repeats', {...p, offset: page * size, limit: size})
      .then(r => ({items: r.clusters, total: r.totalClusters}));
  }

  async loadTrend() {
    const call = this._trendCall = (this._trendCall || 0) + 1;
    const trend = await api.get('/api/tickets/reports/trend', {...this._period, department: this._trendDepartment});
    if (call === this._trendCall) this._trend = trend;
  }

  async changePeriod(period) {
    this._period = period;
    this._error = null;
    try {
      await this.loadPeriod();
    } catch (e) {
      this._error = e;
    }
  }

  async showTrendOf(department) {
    this._trendDepartment = department;
    try {
      await this.loadTrend();
      this.querySelector('#trend-card').scrollIntoView({block: 'start'});
    } catch (e) {
      this._error = e;
    }
  }

  /** The departments with moves in the period, best ranked first. */
  rankedRows() {
    return this._ranking.rows.filter(r => r.rank !== null);
  }

  departmentChart() {
    const rows = this.rankedRows();
    return barOption(rows.map(r => r.departmentName),
      [['responseRate', '响应率'], ['solvedRate', '解决率'], ['satisfactionRate', '满意率']]
        .map(([key, name]) => ({name, data: rows.map(r => ratePoint(r[key]))})),
      {yName: '%', percent: true, rotate: rows.length > 6 ? 35 : 0});
  }

  trendChart() {
    const months = this._trend.months;
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: TREND_RATES.map(r => r[1])},
      grid: {left: 48, right: 16, top: 40, bottom: 28},
      xAxis: {type: 'category', data: months.map(m => m.month)},
      yAxis: {type: 'value', name: '%', min: v => Math.max(0, Math.floor(v.min / 10) * 10), max: 100},
      series: TREND_RATES.map(([key, name]) => ({type: 'line', name, data: months.map(m => ratePoint(m.metrics[key])), connectNulls: true})),
    };
  }

  topicChart() {
    const rows = this._topics.levelOne;
    return barOption(rows.map(r => r.label), [
      {name: '工单数', data: rows.map(r => r.tickets)},
      {name: '重复诉求', data: rows.map(r => r.repeats)},
    ], {yName: '件', rotate: rows.length > 6 ? 30 : 0});
  }

  render() {
    if (this._error && !this._channels) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._channels || !this._ranking) return html`<p>加载中…</p>`;
    const total = this._channels.reduce((a, b) => a + b, 0);
    const overdue = this._pressed.filter(t => t.sla && t.sla.colour === 'RED').length;
    const supervised = this._pressed.filter(t => t.supervision).length;
    const leaves = this._topics.leaves.filter(l => !this._levelOne || l.levelOneCode === this._levelOne);
    return html`
      <h2>8951234 热线</h2>
      <div class="stats" data-section="tickets">
        ${stat('工单总数', html`<span id="ticket-total" data-total=${total}>${fmt.count(total)}</span>`, '全部渠道累计')}
        ${stat('办理中', fmt.count(OPEN.reduce((sum, s) => sum + this._statuses[TICKET_STATUSES.findIndex(x => x[0] === s)], 0)), '已派单、已签收、已挂起')}
        ${stat('超期', html`<span id="overdue-count">${fmt.count(overdue)}</span>`, '正在计时的时限已超期')}
        ${stat('督办中', html`<span id="supervised-count">${fmt.count(supervised)}</span>`, '办理中且在督办')}
      </div>
      <div class="grid">
        <section class="card"><h3>按受理渠道</h3>
          <hc-chart id="channel-chart" .option=${barOption(TICKET_CHANNELS.map(c => c[1]), [{name: '工单数', data: this._channels}], {yName: '件'})}
            @chart-click=${e => go('#/tickets/list?channel=' + TICKET_CHANNELS[e.detail.dataIndex][0])}></hc-chart>
          ${legendLinks('channel-legend', TICKET_CHANNELS.map(([code, text], i) => ({key: code, label: text, value: this._channels[i],
            href: '#/tickets/list?channel=' + code})))}
        </section>
        <section class="card"><h3>按工单状态</h3>
          <hc-chart id="status-chart" .option=${barOption(TICKET_STATUSES.map(s => s[1]), [{name: '工单数', data: this._statuses}], {yName: '件'})}
            @chart-click=${e => go('#/tickets/list?status=' + TICKET_STATUSES[e.detail.dataIndex][0])}></hc-chart>
          ${legendLinks('status-legend', TICKET_STATUSES.map(([code, text], i) => ({key: code, label: text, value: this._statuses[i],
            href: '#/tickets/list?status=' + code})))}
        </section>
      </div>
      <section class="card">
        <hc-table id="pressed-list" caption="超期与督办工单（${this._pressed.length}）" .rows=${this._pressed}
          @row-click=${e => openIfPage('#/work/tickets/' + e.detail.id, this.user)}
          .columns=${[
            {key: 'colour', label: '时限', render: t => colourTag(t.sla && t.sla.colour, t.sla && (t.sla.colour === 'RED' ? '超期' : t.sla.limitLabel))},
            {key: 'number', label: '工单编号'},
            {key: 'title', label: '标题'},
            {key: 'enterpriseName', label: '企业', render: t => t.enterpriseName || t.companyName || '—'},
            {key: 'departmentName', label: '主办单位'},
            {key: 'statusLabel', label: '状态'},
            {key: 'deadline', label: '时限截止', render: t => fmt.dateTime(t.sla && t.sla.deadline)},
            {key: 'supervision', label: '督办期限', render: t => t.supervision ? fmt.dateTime(t.supervision.deadline) : '—'},
            {key: 'urgeCount', label: '催办次数', align: 'num'},
          ]}></hc-table>
        <p class="toolbar" id="pressed-links">
          <a href="#/tickets/list?overdue=true">全部超时工单（含待回访，可导出）</a>
          <a href="#/tickets/list?supervised=true">全部督办工单（可导出）</a>
        </p>
      </section>
      <section class="card">
        <div class="filters"><h3 style="margin:0">承办单位指标</h3><span class="spacer"></span>
          ${periodForm(this._period, p => this.changePeriod(p), 'ticket-period', this._error)}</div>
        <hc-problem .error=${this._error}></hc-problem>
        <h4>响应率 / 解决率 / 满意率（点击单位查看其月度趋势）</h4>
        <hc-chart id="department-chart" height="360px" .option=${this.departmentChart()}
          @chart-click=${e => this.showTrendOf(this.rankedRows()[e.detail.dataIndex].department)}></hc-chart>
        <hc-table id="ranking-list" caption="承办单位排名" export-path="/api/tickets/reports/ranking" .exportParams=${this._period}
          export-name="承办单位排名" .rows=${this._ranking.rows} @row-click=${e => this.showTrendOf(e.detail.department)}
          .columns=${[
            {key: 'rank', label: '名次', align: 'num', render: r => r.rank ?? '—'},
            {key: 'departmentName', label: '承办单位'},
            {key: 'score', label: '综合得分', align: 'num', render: r => r.score === null ? '—' : Number(r.score).toFixed(4)},
            ...RATE_COLUMNS,
          ]}></hc-table>
        <hc-table id="department-list" caption="承办单位三率明细" export-path="/api/tickets/reports/departments" .exportParams=${this._period}
          export-name="承办单位指标" .rows=${this._departments.rows.filter(r => r.dispatched + r.signed + r.resolved + r.callBacks > 0)}
          @row-click=${e => this.showTrendOf(e.detail.department)}
          .columns=${[
            {key: 'departmentName', label: '承办单位'},
            {key: 'dispatched', label: '派单', align: 'num'},
            {key: 'signed', label: '签收', align: 'num'},
            {key: 'resolved', label: '办结', align: 'num'},
            {key: 'returned', label: '退单', align: 'num'},
            {key: 'reopened', label: '重办', align: 'num'},
            {key: 'callBacks', label: '回访', align: 'num'},
            ...RATE_COLUMNS.filter(c => ['responseRate', 'solvedRate', 'satisfactionRate', 'resolvedOnTime'].includes(c.key)),
          ]}></hc-table>
      </section>
      <section class="card" id="trend-card">
        <div class="filters"><h3 style="margin:0">月度趋势：${this._trend.departmentName}</h3><span class="spacer"></span>
          <label>承办单位<select id="trend-department" @change=${e => this.showTrendOf(e.target.value)}>
            <option value="">全部承办单位</option>
            ${this._ranking.rows.map(r => html`<option value=${r.department} ?selected=${r.department === this._trendDepartment}>${r.departmentName}</option>`)}
          </select></label></div>
        <hc-chart id="trend-chart" .option=${this.trendChart()}></hc-chart>
        <hc-table caption="按月指标" export-path="/api/tickets/reports/trend" export-name="工单指标趋势"
          .exportParams=${{...this._period, department: this._trendDepartment}} .rows=${this._trend.months}
          .columns=${[
            {key: 'month', label: '月份'},
            {key: 'dispatched', label: '派单', align: 'num', render: m => m.metrics.dispatched},
            {key: 'resolved', label: '办结', align: 'num', render: m => m.metrics.resolved},
            {key: 'callBacks', label: '回访', align: 'num', render: m => m.metrics.callBacks},
            ...TREND_RATES.map(([key, text]) => ({key, label: text, align: 'num', render: m => rate(m.metrics[key])})),
          ]}></hc-table>
      </section>
      <section class="card">
        <h3>热点诉求（${this._topics.period.from} 至 ${this._topics.period.to}，受理 ${fmt.count(this._topics.tickets)} 件，重复 ${fmt.count(this._topics.repeats)} 件）</h3>
        <hc-chart id="topic-chart" .option=${this.topicChart()}
          @chart-click=${e => { this._levelOne = this._topics.levelOne[e.detail.dataIndex].code; }}></hc-chart>
        <div class="toolbar" id="topic-filter" role="group" aria-label="按一级分类筛选">
          <button class=${this._levelOne ? 'secondary' : ''} @click=${() => { this._levelOne = null; }}>全部</button>
          ${this._topics.levelOne.map(t => html`<button class=${this._levelOne === t.code ? '' : 'secondary'}
            @click=${() => { this._levelOne = t.code; }}>${t.label}</button>`)}
        </div>
        <hc-table id="topic-list" export-path="/api/tickets/reports/topics" .exportParams=${{...this._period, levelOne: this._levelOne}}
          export-name=${this._levelOne ? '热点诉求（' + label(this._topics.levelOne.map(t => [t.code, t.label]), this._levelOne) + '）' : '热点诉求'}
          caption=${this._levelOne ? '末级分类：' + label(this._topics.levelOne.map(t => [t.code, t.label]), this._levelOne) : '末级分类（全部）'}
          .rows=${leaves} size="10"
          .columns=${[
            {key: 'label', label: '诉求分类'},
            {key: 'tickets', label: '工单数', align: 'num'},
            {key: 'repeats', label: '重复诉求', align: 'num'},
            {key: 'sameTopicRepeats', label: '同企业同分类 30 日内', align: 'num'},
          ]}></hc-table>
        ${this._levelOne ? html`<button class="secondary" @click=${() => { this._levelOne = null; }}>显示全部分类</button>` : nothing}
      </section>
      <section class="card">
        <hc-table id="repeat-list" caption="重复诉求簇" export-path="/api/tickets/reports/repeats" .exportParams=${this._period}
          export-name="重复诉求" .loader=${this._repeats} size="10" @row-click=${e => openIfPage('#/work/tickets/' + e.detail.firstId, this.user)}
          .columns=${[
            {key: 'firstNumber', label: '首次工单'},
            {key: 'firstTitle', label: '标题'},
            {key: 'enterpriseName', label: '企业', render: c => c.enterpriseName || '—'},
            {key: 'topicLabel', label: '诉求分类', render: c => c.topicLabel || '—'},
            {key: 'repeats', label: '重复次数', align: 'num'},
            {key: 'sameTopicRepeats', label: '同分类', align: 'num'},
            {key: 'similarTextRepeats', label: '内容相似', align: 'num'},
            {key: 'lastRepeatAt', label: '最近重复', render: c => fmt.dateTime(c.lastRepeatAt)},
          ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-tickets-dashboard', TicketsDashboard);

registerPage({path: '/dashboard/tickets', title: '8951234 热线', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN'],
  tag: 'hc-tickets-dashboard', order: 11});
