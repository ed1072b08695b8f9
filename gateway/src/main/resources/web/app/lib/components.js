// The console's shared parts: a paged table with export buttons, an ECharts chart that says when it is drawn, a
// problem banner and a field message for form errors.

import {html, nothing} from 'lit';
import * as echarts from 'echarts';
import {HcElement} from './element.js';
import {api, ApiError} from './api.js';

/** Only the answer to the latest call counts: a slower, older answer is dropped (fast filter or page changes). */
export function latest() {
  let current = 0;
  return async promise => {
    const mine = ++current;
    const value = await promise;
    if (mine !== current) throw latest.STALE;
    return value;
  };
}
latest.STALE = Object.freeze({stale: true});

/** A link only for http(s) addresses: what a server stored is not trusted to be one. */
export function safeLink(href, text) {
  return /^https?:\/\//i.test(href || '') ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text || href}</a>` : (text || href || '—');
}

/**
 * 表格: columns [{key, label, render(row)?, align?}], and either rows (all at once, paged here) or loader
 * ({page, size}) => {items, total} (paged by the API). exportPath (+ exportParams, exportName) adds 导出 CSV / Excel.
 * Clicking a row dispatches row-click with the row.
 */
export class HcTable extends HcElement {
  static properties = {
    columns: {attribute: false},
    rows: {attribute: false},
    loader: {attribute: false},
    key: {attribute: false},
    exportPath: {attribute: 'export-path'},
    exportParams: {attribute: false},
    exportName: {attribute: 'export-name'},
    size: {type: Number},
    caption: {},
    _page: {state: true},
    _items: {state: true},
    _total: {state: true},
    _error: {state: true},
    _loading: {state: true},
  };

  constructor() {
    super();
    this.size = 20;
    this._page = 0;
    this._items = [];
    this._total = 0;
  }

  willUpdate(changed) {
    if (changed.has('rows') && this.rows && this._page * this.size >= this.rows.length) {
      this._page = 0;
    }
  }

  updated(changed) {
    // A page that builds its loader in render() hands over a new function on every render; with a key, only a new key
    // (new filters) means new data.
    if (changed.has('loader') && this.loader) {
      const key = this.key === undefined ? this.loader : this.key;
      if (key !== this._loadedKey) {
        this._loadedKey = key;
        this._page = 0;
        this.load();
      }
    }
  }

  async load() {
    if (!this.loader) return;
    const ticket = this._ticket = (this._ticket || 0) + 1;
    this._loading = true;
    this._error = null;
    try {
      const answer = await this.loader({page: this._page, size: this.size});
      if (ticket !== this._ticket) return;
      this._items = answer.items || [];
      this._total = answer.total ?? this._items.length;
    } catch (e) {
      if (ticket !== this._ticket) return;
      this._error = e;
      this._items = [];
      this._total = 0;
    } finally {
      if (ticket === this._ticket) this._loading = false;
    }
  }

  visible() {
    if (this.rows) {
      return this.rows.slice(this._page * this.size, (this._page + 1) * this.size);
    }
    return this._items;
  }

  total() {
    return this.rows ? this.rows.length : this._total;
  }

  turn(delta) {
    this._page = Math.max(0, this._page + delta);
    if (!this.rows) this.load();
  }

  async exportAs(format) {
    try {
      await api.download(this.exportPath, this.exportParams, format, this.exportName || this.caption || 'export');
    } catch (e) {
      this._error = e;
    }
  }

  render() {
    const columns = this.columns || [];
    const pages = Math.max(1, Math.ceil(this.total() / this.size));
    return html`
      <div class="table-bar">
        ${this.caption ? html`<h3>${this.caption}</h3>` : nothing}
        <span class="spacer"></span>
        ${this.exportPath ? html`
          <button class="secondary" data-export="csv" @click=${() => this.exportAs('csv')}>导出 CSV</button>
          <button class="secondary" data-export="xlsx" @click=${() => this.exportAs('xlsx')}>导出 Excel</button>` : nothing}
      </div>
      <hc-problem .error=${this._error}></hc-problem>
      <div class="table-wrap">
        <table>
          <thead><tr>${columns.map(c => html`<th class=${c.align || ''}>${c.label}</th>`)}</tr></thead>
          <tbody>
            ${this.visible().map(row => html`
              <tr tabindex="0" role="link" @click=${() => this.pick(row)}
                  @keydown=${e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.pick(row); } }}>
                ${columns.map(c => html`<td class=${c.align || ''}>${c.render ? c.render(row) : (row[c.key] ?? '—')}</td>`)}
              </tr>`)}
            ${this.visible().length === 0 ? html`<tr><td class="empty" colspan=${columns.length}>
              ${this._loading ? '加载中…' : '暂无数据'}</td></tr>` : nothing}
          </tbody>
        </table>
      </div>
      <div class="pager">
        <span class="total" data-total=${this.total()}>共 ${this.total()} 条</span>
        <button class="secondary" ?disabled=${this._page === 0} @click=${() => this.turn(-1)}>上一页</button>
        <span>第 ${this._page + 1} / ${pages} 页</span>
        <button class="secondary" ?disabled=${this._page + 1 >= pages} @click=${() => this.turn(1)}>下一页</button>
      </div>`;
  }

  pick(row) {
    this.dispatchEvent(new CustomEvent('row-click', {detail: row, bubbles: true}));
  }
}
customElements.define('hc-table', HcTable);

/**
 * 图表: an ECharts option, drawn without animation (so what a test or a screenshot sees is the final chart); sets
 * data-drawn once ECharts has finished, and dispatches chart-click ({name, seriesName, value, dataIndex}) for drill-down.
 */
export class HcChart extends HcElement {
  static properties = {option: {attribute: false}, height: {}};

  firstUpdated() {
    this.start();
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.start();
  }

  start() {
    this.chart = echarts.init(this.querySelector('.chart-canvas'), null, {renderer: 'canvas', locale: 'ZH'});
    this.chart.on('finished', () => this.setAttribute('data-drawn', 'true'));
    this.chart.on('click', p => this.dispatchEvent(new CustomEvent('chart-click', {
      detail: {name: p.name, seriesName: p.seriesName, value: p.value, dataIndex: p.dataIndex, data: p.data}, bubbles: true,
    })));
    this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
    this.resizer.observe(this);
    this.draw();
  }

  updated(changed) {
    if (changed.has('option') && this.chart) this.draw();
  }

  draw() {
    if (!this.option) return;
    this.removeAttribute('data-drawn');
    this.chart.setOption({animation: false, textStyle: {fontFamily: 'inherit'}, ...this.option}, true);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.resizer) this.resizer.disconnect();
    if (this.chart) this.chart.dispose();
    this.chart = null;
  }

  render() {
    return html`<div class="chart-canvas" style="height: ${this.height || '320px'}"></div>`;
  }
}
customElements.define('hc-chart', HcChart);

/** 错误提示: the problem+json of a refused request, its zh-CN detail and each field it names. */
export class HcProblem extends HcElement {
  static properties = {error: {attribute: false}};

  render() {
    if (!this.error) return nothing;
    const problem = this.error instanceof ApiError ? this.error.problem : {detail: String(this.error.message || this.error)};
    const errors = problem.errors || [];
    // A validation detail repeats its errors as "field: message; …"; then the list alone says it, each under the
    // field's own name (the last part of its path), not the request's path.
    return html`<div class="problem" role="alert">
      <strong>${problem.title || '操作未完成'}</strong>
      ${errors.length === 0 ? html`<span class="detail">${problem.detail || this.error.message}</span>` : nothing}
      ${errors.length ? html`<ul>${errors.map(e => html`<li><span class="detail">${e.message}</span>
        ${e.field ? html`<code>${String(e.field).split('.').pop()}</code>` : nothing}</li>`)}</ul>` : nothing}
    </div>`;
  }
}
customElements.define('hc-problem', HcProblem);

/** The message an ApiError gives for one form field, shown right under it. */
export function fieldError(error, field) {
  const message = error instanceof ApiError ? error.fieldMessage(field) : null;
  return message ? html`<span class="field-error" data-field=${field}>${message}</span>` : nothing;
}

/** 指标卡: one figure with its label. */
export function stat(label, value, hint) {
  return html`<div class="stat"><span class="stat-label">${label}</span><span class="stat-value">${value}</span>
    ${hint ? html`<span class="stat-hint">${hint}</span>` : nothing}</div>`;
}
