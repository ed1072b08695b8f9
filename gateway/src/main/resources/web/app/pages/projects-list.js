// 项目清单 (the project list): the register filtered by stage, industry chain, level, department, warning or text;
// where every dashboard chart drills down to.

import {html} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {PROJECT_STAGES as STAGES, WARNING_COLOURS, colourTag} from '../lib/labels.js';

const FILTERS = ['status', 'industryChain', 'level', 'department', 'warning', 'q'];

class ProjectsList extends HcElement {
  static properties = {query: {attribute: false}, _filter: {state: true}};

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
    FILTERS.forEach(k => { const v = form.get(k); if (v) next[k] = v; });
    go('#/projects?' + new URLSearchParams(next));
  }

  render() {
    const f = this._filter || {};
    const loader = ({page, size}) => api.get('/api/projects', {...f, page, size, sort: '-totalInvestment'});
    return html`
      <h2>项目清单${this.query && this.query.title ? '：' + this.query.title : ''}</h2>
      <form class="filters card" @submit=${e => this.apply(e)}>
        <label>阶段<select name="status"><option value="">全部</option>
          ${STAGES.map(([c, l]) => html`<option value=${c} ?selected=${f.status === c}>${l}</option>`)}</select></label>
        <label>预警<select name="warning"><option value="">全部</option>
          ${[...WARNING_COLOURS].reverse().map(([c, l]) => html`<option value=${c} ?selected=${f.warning === c}>${l}</option>`)}</select></label>
        <label>责任部门<input name="department" .value=${f.department || ''}></label>
        <label>名称或代码<input name="q" .value=${f.q || ''}></label>
        <input type="hidden" name="industryChain" .value=${f.industryChain || ''}>
        <input type="hidden" name="level" .value=${f.level || ''}>
        <button type="submit">查询</button>
      </form>
      <section class="card">
        <hc-table id="project-list" .loader=${loader} .key=${JSON.stringify(f)} @row-click=${e => go('#/projects/' + e.detail.id)} .columns=${[
          {key: 'name', label: '项目'},
          {key: 'levelLabel', label: '级别'},
          {key: 'industryChainLabel', label: '产业链'},
          {key: 'statusLabel', label: '阶段'},
          {key: 'department', label: '责任部门', render: r => (r.fiveOnes && r.fiveOnes.department) || '—'},
          {key: 'totalInvestment', label: '总投资', align: 'num', render: r => fmt.money(r.totalInvestment)},
          {key: 'warning', label: '预警', render: r => colourTag(r.warning && r.warning.colour, r.warning && r.warning.colourLabel)},
        ]}></hc-table>
      </section>`;
  }
}
customElements.define('hc-projects-list', ProjectsList);

registerPage({path: '/projects', title: '项目清单', group: '重大项目', roles: ['MANAGER', 'ADMIN', 'STAFF'], tag: 'hc-projects-list', order: 20});
