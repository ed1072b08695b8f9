// 企业服务驾驶舱: the register by industry (GB/T 4754 门类), scale and qualification (the search's totals and the
// qualification report), the commissioners' load, policy uptake and payouts, and the 培育库 ranked by who is closest to
// qualifying. Every chart drills down to the enterprise list behind it; the report tables export through their endpoints.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/lists.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {SCALES, QUALIFICATION_LEVELS as LEVELS, POLICY_MODES, label} from '../lib/labels.js';
import {INDUSTRY_SECTIONS, PALETTE, barOption, legendLinks, openIfPage, countsBy} from './dashboard-common.js';

function listHash(params) {
  return '#/enterprises/list?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v));
}

class EnterprisesDashboard extends HcElement {
  static properties = {
    user: {attribute: false},
    _total: {state: true}, _industries: {state: true}, _scales: {state: true}, _qualifications: {state: true},
    _load: {state: true}, _street: {state: true}, _policies: {state: true}, _pool: {state: true}, _target: {state: true},
    _error: {state: true},
  };

  constructor() {
    super();
    this._target = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [policies, load, pool, qualifications, all, industries, scales] = await Promise.all([
        api.get('/api/enterprises/reports/policies'),
        api.get('/api/enterprises/reports/commissioner-load'),
        api.get('/api/enterprises/cultivation-pool'),
        api.get('/api/enterprises/reports/qualifications'),
        api.total('/api/enterprises'),
        countsBy('/api/enterprises', 'industry'),
        countsBy('/api/enterprises', 'scale'),
      ]);
      this._total = all;
      this._industries = INDUSTRY_SECTIONS.map(([code, name]) => ({code, name, count: industries(code)})).filter(r => r.count > 0)
        .sort((a, b) => b.count - a.count);
      this._scales = SCALES.map(([scale]) => scales(scale));
      this._qualifications = qualifications;
      this._load = load;
      this._policies = policies;
      this._pool = pool;
    } catch (e) {
      this._error = e;
    }
  }

  heldQualifications() {
    return this._qualifications.rows.filter(r => r.count > 0).sort((a, b) => b.count - a.count);
  }

  industryChart() {
    const rows = this._industries;
    return {
      tooltip: {trigger: 'axis'},
      grid: {left: 200, right: 48, top: 8, bottom: 24},
      yAxis: {type: 'category', inverse: true, data: rows.map(r => r.code + ' ' + r.name)},
      xAxis: {type: 'value', name: '家'},
      series: [{type: 'bar', name: '企业数', data: rows.map(r => r.count), itemStyle: {color: PALETTE[0]},
        label: {show: true, position: 'right'}}],
    };
  }

  scaleChart() {
    return {
      tooltip: {trigger: 'item', formatter: '{b}：{c} 家（{d}%）'},
      legend: {bottom: 0},
      series: [{type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: {formatter: '{b}\n{c}'},
        data: SCALES.map(([, name], i) => ({name, value: this._scales[i], itemStyle: {color: PALETTE[i]}}))}],
    };
  }

  qualificationChart() {
    const rows = this.heldQualifications();
    return {
      tooltip: {trigger: 'axis'},
      grid: {left: 200, right: 48, top: 8, bottom: 24},
      yAxis: {type: 'category', inverse: true, data: rows.map(r => r.kindName + '（' + label(LEVELS, r.level) + '）')},
      xAxis: {type: 'value', name: '家'},
      series: [{type: 'bar', name: '持有企业', data: rows.map(r => r.count), itemStyle: {color: PALETTE[1]},
        label: {show: true, position: 'right'}}],
    };
  }

  /** The streets and parks with their served enterprises against their capacity. */
  areas() {
    return this._load.grids.filter(g => g.kind !== 'GRID');
  }

  loadChart() {
    const rows = this.areas();
    return {
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: ['服务上限', '服务企业', '负荷率']},
      grid: {left: 56, right: 48, top: 40, bottom: 60},
      xAxis: {type: 'category', data: rows.map(r => r.name), axisLabel: {interval: 0, rotate: 20}},
      yAxis: [{type: 'value', name: '家'}, {type: 'value', name: '%', max: 100}],
      series: [
        {type: 'bar', name: '服务上限', data: rows.map(r => r.capacity), itemStyle: {color: '#9fbbe6'}},
        {type: 'bar', name: '服务企业', data: rows.map(r => r.served), itemStyle: {color: PALETTE[0]}},
        {type: 'line', name: '负荷率', yAxisIndex: 1, data: rows.map(r => r.utilisation), itemStyle: {color: PALETTE[2]}},
      ],
    };
  }

  policyChart() {
    const rows = this._policies.byPolicy;
    return barOption(rows.map(p => p.name), [
      {name: '符合条件', data: rows.map(p => p.eligible)},
      {name: '已推送/已申请', data: rows.map(p => p.taken)},
      {name: '已拨付', data: rows.map(p => p.paid)},
    ], {yName: '家', rotate: 20});
  }

  openEnterprise(creditCode) {
    if (!openIfPage('#/enterprises/' + creditCode + '/profile', this.user)) go(listHash({q: creditCode}));
  }

  render() {
    if (this._error && !this._load) return html`<hc-problem .error=${this._error}></hc-problem>`;
    if (!this._load) return html`<p>加载中…</p>`;
    const load = this._load;
    const policies = this._policies.byPolicy;
    const amountPaid = policies.reduce((sum, p) => sum + Number(p.amountPaid || 0), 0);
    const targets = [...new Map(this._pool.items.map(m => [m.member.target, m.member.targetName])).entries()];
    const pool = this._pool.items.filter(m => !this._target || m.member.target === this._target);
    const grids = load.grids.filter(g => g.kind === 'GRID' && (!this._street || g.parent === this._street));
    return html`
      <h2>企业服务</h2>
      <div class="stats">
        ${stat('企业总数', html`<a href="#/enterprises/list"><span id="enterprise-total" data-total=${this._total}>${fmt.count(this._total)}</span></a>`, '企业名录')}
        ${SCALES.map(([code, text], i) => stat(text + '企业', html`<a href=${listHash({scale: code})}><span data-scale=${code}>${fmt.count(this._scales[i])}</span></a>`))}
        ${stat('资质荣誉', fmt.count(this._qualifications.total), '当前有效（未撤销、未过期）')}
        ${stat('服务专员', fmt.count(load.commissioners), `超限 ${fmt.count(load.overCap)}，空闲 ${fmt.count(load.idle)}，默认上限 ${load.defaultCap}`)}
        ${stat('政策拨付', fmt.money(amountPaid), `已拨付 ${fmt.count(policies.reduce((s, p) => s + p.paid, 0))} 笔`)}
      </div>
      <div class="grid">
        <section class="card"><h3>按行业门类（GB/T 4754-2017）</h3>
          <hc-chart id="industry-chart" height=${Math.max(240, this._industries.length * 28 + 40) + 'px'} .option=${this.industryChart()}
            @chart-click=${e => go(listHash({industry: this._industries[e.detail.dataIndex].code}))}></hc-chart>
          ${legendLinks('industry-legend', this._industries.map(r => ({key: r.code, label: r.code + ' ' + r.name, value: r.count,
            href: listHash({industry: r.code})})))}
        </section>
        <section class="card"><h3>按规模</h3>
          <hc-chart id="scale-chart" .option=${this.scaleChart()}
            @chart-click=${e => go(listHash({scale: SCALES[e.detail.dataIndex][0]}))}></hc-chart>
        </section>
      </div>
      <section class="card"><h3>按资质荣誉（当前持有）</h3>
        <hc-chart id="qualification-chart" height=${Math.max(240, this.heldQualifications().length * 28 + 40) + 'px'}
          .option=${this.qualificationChart()}
          @chart-click=${e => { const q = this.heldQualifications()[e.detail.dataIndex]; go(listHash({qualification: q.kind, level: q.level})); }}></hc-chart>
        <hc-table id="qualification-list" caption="资质统计" export-path="/api/enterprises/reports/qualifications" export-name="资质统计"
          .rows=${this.heldQualifications()} size="10" @row-click=${e => go(listHash({qualification: e.detail.kind, level: e.detail.level}))}
          .columns=${[
            {key: 'kindName', label: '资质'},
            {key: 'level', label: '级别', render: r => label(LEVELS, r.level)},
            {key: 'count', label: '持有企业', align: 'num'},
          ]}></hc-table>
      </section>
      <section class="card"><h3>服务专员负荷（按街道、园区；点击查看其网格）</h3>
        <hc-chart id="load-chart" height="340px" .option=${this.loadChart()}
          @chart-click=${e => { this._street = this.areas()[e.detail.dataIndex].code; }}></hc-chart>
        <div class="toolbar" id="street-filter" role="group" aria-label="按街道、园区筛选">
          <button class=${this._street ? 'secondary' : ''} @click=${() => { this._street = null; }}>全部</button>
          ${this.areas().map(a => html`<button class=${this._street === a.code ? '' : 'secondary'}
            @click=${() => { this._street = a.code; }}>${a.name}</button>`)}
        </div>
        <hc-table id="grid-load-list" caption=${this._street ? '网格：' + label(this.areas().map(a => [a.code, a.name]), this._street) : '网格（全部）'}
          .rows=${grids} size="10" @row-click=${e => go(listHash({grid: e.detail.code}))}
          .columns=${[
            {key: 'name', label: '网格'},
            {key: 'commissioners', label: '在岗专员', align: 'num'},
            {key: 'capacity', label: '服务上限', align: 'num'},
            {key: 'served', label: '服务企业', align: 'num'},
            {key: 'utilisation', label: '负荷率', align: 'num', render: g => g.utilisation === null ? '—' : g.utilisation + '%'},
            {key: 'enterprises', label: '在营企业', align: 'num'},
            {key: 'withoutCommissioner', label: '无专员', align: 'num'},
          ]}></hc-table>
        ${this._street ? html`<button class="secondary" @click=${() => { this._street = null; }}>显示全部网格</button>` : nothing}
        <hc-table id="commissioner-list" caption="服务专员（${fmt.count(load.rows.length)}）" export-path="/api/enterprises/reports/commissioner-load"
          export-name="服务专员负荷" .rows=${[...load.rows].sort((a, b) => b.utilisation - a.utilisation)} size="10"
          @row-click=${e => go(listHash({commissioner: e.detail.code, title: e.detail.name}))}
          .columns=${[
            {key: 'code', label: '编码'},
            {key: 'name', label: '姓名'},
            {key: 'homeGridName', label: '所属网格'},
            {key: 'streetName', label: '街道/园区'},
            {key: 'enterprises', label: '企业数', align: 'num'},
            {key: 'cap', label: '上限', align: 'num'},
            {key: 'utilisation', label: '负荷率', align: 'num', render: r => r.utilisation + '%'},
            {key: 'flag', label: '标记', render: r => r.flag ? html`<span class="tag ${r.flag === 'OVER_CAP' ? 'RED' : 'YELLOW'}">${r.flagLabel}</span>` : '—'},
          ]}></hc-table>
      </section>
      <section class="card"><h3>惠企政策兑现</h3>
        <hc-chart id="policy-chart" height="340px" .option=${this.policyChart()}
          @chart-click=${e => { const p = policies[e.detail.dataIndex]; go(listHash({policy: p.policyId, title: p.name})); }}></hc-chart>
        <hc-table id="policy-list" caption="按政策" export-path="/api/enterprises/reports/policies" export-name="政策兑现" .rows=${policies}
          @row-click=${e => go(listHash({policy: e.detail.policyId, title: e.detail.name}))}
          .columns=${[
            {key: 'name', label: '政策'},
            {key: 'mode', label: '方式', render: p => label(POLICY_MODES, p.mode)},
            {key: 'eligible', label: '符合条件', align: 'num'},
            {key: 'taken', label: '已推送/已申请', align: 'num'},
            {key: 'paid', label: '已拨付', align: 'num'},
            {key: 'amountPaid', label: '拨付金额', align: 'num', render: p => fmt.money(p.amountPaid)},
            {key: 'averageWorkingDaysToPayment', label: '平均拨付用时（工作日）', align: 'num', render: p => fmt.count(p.averageWorkingDaysToPayment)},
          ]}></hc-table>
        <hc-table caption="按行业门类" .rows=${this._policies.byIndustry} size="10"
          @row-click=${e => go(listHash({industry: e.detail.key}))}
          .columns=${[
            {key: 'label', label: '行业门类', render: u => u.key + ' ' + u.label},
            {key: 'eligible', label: '符合条件', align: 'num'},
            {key: 'taken', label: '已推送/已申请', align: 'num'},
            {key: 'paid', label: '已拨付', align: 'num'},
            {key: 'amountPaid', label: '拨付金额', align: 'num', render: u => fmt.money(u.amountPaid)},
          ]}></hc-table>
      </section>
      <section class="card">
        <div class="filters"><h3 style="margin:0">培育库（离达标最近的在前）</h3><span class="spacer"></span>
          <label>培育目标<select id="pool-target" @change=${e => { this._target = e.target.value; }}>
            <option value="">全部</option>
            ${targets.map(([code, name]) => html`<option value=${code} ?selected=${code === this._target}>${name}</option>`)}
          </select></label></div>
        <hc-table id="pool-list" caption="培育库成员（${pool.length}）" .rows=${pool} size="10" @row-click=${e => this.openEnterprise(e.detail.member.creditCode)}
          export-path="/api/enterprises/cultivation-pool" .exportParams=${{target: this._target}}
          export-name=${this._target ? '培育库（' + label(targets, this._target) + '）' : '培育库'}
          .columns=${[
            {key: 'rank', label: '名次', align: 'num'},
            {key: 'enterpriseName', label: '企业', render: m => m.member.enterpriseName},
            {key: 'targetName', label: '培育目标', render: m => m.member.targetName},
            {key: 'met', label: '达标项', align: 'num', render: m => `${m.readiness.criteriaMet} / ${m.readiness.criteriaTotal}`},
            {key: 'ready', label: '测算', render: m => m.graduated ? html`<span class="tag GREEN">已毕业</span>`
              : m.readiness.ready ? html`<span class="tag GREEN">已达标</span>` : html`<span class="tag YELLOW">未达标</span>`},
            {key: 'summary', label: '差距', render: m => m.readiness.summary},
          ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-enterprises-dashboard', EnterprisesDashboard);

registerPage({path: '/dashboard/enterprises', title: '企业服务', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN'],
  tag: 'hc-enterprises-dashboard', order: 13});
