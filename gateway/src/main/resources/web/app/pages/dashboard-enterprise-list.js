// 企业清单 (the enterprise list behind the 企业服务 dashboard's charts): the register searched by industry prefix, scale,
// qualification and level, grid, commissioner or name, exported as CSV/XLSX with the same filters; or, for a policy
// (?policy=<id>), the enterprises that qualify for it with their amounts.

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {SCALES, QUALIFICATION_LEVELS as LEVELS, label} from '../lib/labels.js';
import {INDUSTRY_SECTIONS, openIfPage} from './dashboard-common.js';

const FILTERS = ['industry', 'scale', 'qualification', 'level', 'grid', 'commissioner', 'q', 'policy'];

class EnterpriseList extends HcElement {
  static properties = {query: {attribute: false}, user: {attribute: false}, _filter: {state: true}, _kinds: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    api.get('/api/enterprises/qualification-kinds').then(kinds => { this._kinds = kinds; }, () => { this._kinds = []; });
  }

  willUpdate(changed) {
    if (changed.has('query')) {
      const q = this.query || {};
      this._filter = Object.fromEntries(FILTERS.filter(k => q[k]).map(k => [k, q[k]]));
    }
  }

  apply(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const next = {};
    FILTERS.filter(k => k !== 'policy').forEach(k => { const v = form.get(k); if (v) next[k] = String(v).trim(); });
    go('#/enterprises/list?' + new URLSearchParams(next));
  }

  open(creditCode) {
    openIfPage('#/enterprises/' + creditCode + '/profile', this.user);
  }

  title() {
    const f = this._filter || {};
    if (this.query && this.query.title) return this.query.title;
    const kinds = (this._kinds || []).map(k => [k.code, k.name]);
    return [
      f.industry && (label(INDUSTRY_SECTIONS, f.industry) === f.industry ? f.industry : f.industry + ' ' + label(INDUSTRY_SECTIONS, f.industry)),
      f.scale && label(SCALES, f.scale),
      f.qualification && label(kinds, f.qualification) + (f.level ? '（' + label(LEVELS, f.level) + '）' : ''),
      f.grid, f.commissioner, f.q,
    ].filter(Boolean).join(' · ');
  }

  render() {
    const f = this._filter || {};
    const title = this.title();
    return html`
      <h2>企业清单${title ? '：' + title : ''}</h2>
      ${f.policy ? this.policyMatches(f.policy) : this.register(f)}`;
  }

  register(f) {
    const loader = ({page, size}) => api.get('/api/enterprises', {...f, page, size});
    return html`
      <form class="filters card" @submit=${e => this.apply(e)}>
        <label>行业代码<input name="industry" placeholder="如 C 或 C35" .value=${f.industry || ''}></label>
        <label>规模<select name="scale"><option value="">全部</option>
          ${SCALES.map(([c, l]) => html`<option value=${c} ?selected=${f.scale === c}>${l}</option>`)}</select></label>
        <label>资质<select name="qualification"><option value="">全部</option>
          ${(this._kinds || []).map(k => html`<option value=${k.code} ?selected=${f.qualification === k.code}>${k.name}</option>`)}</select></label>
        <label>级别<select name="level"><option value="">全部</option>
          ${LEVELS.map(([c, l]) => html`<option value=${c} ?selected=${f.level === c}>${l}</option>`)}</select></label>
        <label>网格<input name="grid" .value=${f.grid || ''}></label>
        <label>服务专员<input name="commissioner" .value=${f.commissioner || ''}></label>
        <label>名称或信用代码<input name="q" .value=${f.q || ''}></label>
        <button type="submit">查询</button>
        <a href="#/dashboard/enterprises">返回企业服务驾驶舱</a>
      </form>
      <section class="card">
        <hc-table id="enterprise-list" .loader=${loader} .key=${JSON.stringify(f)} export-path="/api/enterprises/export" .exportParams=${f} export-name="企业清单"
          @row-click=${e => this.open(e.detail.creditCode)} .columns=${[
            {key: 'name', label: '企业名称'},
            {key: 'creditCode', label: '统一社会信用代码'},
            {key: 'industry', label: '行业', render: r => (r.industryCode ? r.industryCode + ' ' : '') + (r.industry || '')},
            {key: 'scaleLabel', label: '规模', render: r => r.scaleLabel || '—'},
            {key: 'registeredCapital', label: '注册资本', align: 'num', render: r => fmt.money(r.registeredCapital)},
            {key: 'grid', label: '网格', render: r => r.grid || '—'},
            {key: 'commissioner', label: '服务专员', render: r => r.commissioner || '—'},
            {key: 'statusLabel', label: '状态'},
          ]}></hc-table>
      </section>`;
  }

  policyMatches(policy) {
    const loader = ({page, size}) => api.get('/api/enterprises/policies/' + encodeURIComponent(policy) + '/matches', {eligible: true, page, size});
    return html`
      <p class="notice">符合该政策条件的企业，及按政策测算的金额。<a href="#/dashboard/enterprises">返回企业服务驾驶舱</a></p>
      <section class="card">
        <hc-table id="enterprise-list" .loader=${loader} .key=${policy} @row-click=${e => this.open(e.detail.creditCode)} .columns=${[
          {key: 'enterpriseName', label: '企业名称'},
          {key: 'creditCode', label: '统一社会信用代码'},
          {key: 'amount', label: '测算金额', align: 'num', render: m => fmt.money(m.amount)},
          {key: 'rules', label: '条件', render: m => (m.rules || []).map(r => r.detail).join('；')},
          {key: 'matchedAt', label: '匹配时间', render: m => fmt.dateTime(m.matchedAt)},
        ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-dashboard-enterprise-list', EnterpriseList);

registerPage({path: '/enterprises/list', title: '企业清单', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN', 'STAFF'],
  tag: 'hc-dashboard-enterprise-list', order: 13, menu: false});
