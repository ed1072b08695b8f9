// 项目节点 (milestones) on the project page: the plan in order with baseline, current plan, actual date, slip (in
// working days on the platform calendar, as the API counts them, with the calendar days beside) and evidence; a Gantt-like chart of each milestone's baseline against its current plan (and the actual date once
// reached); and, for STAFF and ADMIN, reaching a milestone with its date and evidence, or re-planning it with a reason.

import {html, nothing} from 'lit';
import {safeLink} from '../lib/components.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {ProjectList, banner, dayTs, fieldNote, formValues} from './project-forms.js';

const REACH_FIELDS = {actualDate: [], evidence: [], evidenceLinks: []};
const REPLAN_FIELDS = {plannedDate: [], reason: []};
const DAY = 24 * 3600 * 1000;

function status(m, today) {
  if (m.actualDate) return m.onTime === false ? ['延期完成', 'yellow'] : ['按时完成', 'green'];
  if (m.plannedDate && m.plannedDate < today) return ['已逾期', 'red'];
  return ['未完成', ''];
}

function slip(days) {
  if (days === null || days === undefined) return '—';
  return days > 0 ? '+' + days : String(days);
}

/** The slip against the baseline in working days (the API's slipWorkingDays / actualSlipWorkingDays), calendar days beside. */
function workingSlip(working, days, kind) {
  // A service not yet answering the working-day count (an older instance) still shows the calendar days.
  if (working === null || working === undefined) return days === null || days === undefined ? '—' : slip(days) + ' 天';
  const text = working > 0 ? '滞后 ' + working + ' 个工作日' : working < 0 ? '提前 ' + (-working) + ' 个工作日' : '与基线一致';
  return html`<span class="slip ${working > 0 ? 'late' : ''}" data-slip=${kind} data-working-days=${working}>${text}</span>
    ${days ? html`<br><span class="muted">（日历 ${slip(days)} 天）</span>` : nothing}`;
}

/**
 * One bar per milestone and series: from the milestone before it (on the same plan) to this milestone's date, so the
 * chart reads like a Gantt of the phases; a zero-length phase still shows as a thin bar.
 */
function barRenderer(offset) {
  return (params, api) => {
    const row = api.value(0);
    const start = api.coord([api.value(1), row]);
    const end = api.coord([api.value(2), row]);
    const band = api.size([0, 1])[1];
    const height = band * 0.28;
    const width = Math.max(end[0] - start[0], 3);
    return {type: 'rect', shape: {x: start[0], y: start[1] + offset * band - height / 2, width, height, r: 2}, style: api.style()};
  };
}

function phases(items, key) {
  let previous = null;
  return items.map((m, i) => {
    const at = dayTs(m[key]);
    const from = previous ?? at;
    if (at !== null) previous = at;
    return at === null ? [i, null, null, m.name, m[key]] : [i, Math.min(from, at), at, m.name, m[key]];
  }).filter(d => d[1] !== null);
}

export function ganttOption(items) {
  const today = dayTs(fmt.today());
  const dates = items.flatMap(m => [m.baselineDate, m.plannedDate, m.actualDate]).map(dayTs).filter(t => t !== null).concat(today);
  const min = Math.min(...dates) - 15 * DAY;
  const max = Math.max(...dates) + 15 * DAY;
  return {
    tooltip: {
      trigger: 'item',
      formatter: p => p.seriesName === '实际完成'
        ? `${items[p.value[1]].name}<br>实际完成：${fmt.date(items[p.value[1]].actualDate)}`
        : `${p.value[3]}<br>${p.seriesName}：${fmt.date(p.value[4])}`,
    },
    legend: {data: ['基线计划', '当前计划', '实际完成'], top: 0},
    grid: {left: 96, right: 24, top: 48, bottom: 32},
    xAxis: {type: 'time', min, max, axisLabel: {formatter: '{yyyy}-{MM}'}, splitLine: {show: true, lineStyle: {color: '#eef0f3'}}},
    yAxis: {type: 'category', inverse: true, data: items.map(m => m.name), axisTick: {show: false}},
    series: [
      {type: 'custom', name: '基线计划', renderItem: barRenderer(-0.17), encode: {x: [1, 2], y: 0}, itemStyle: {color: '#b7c4d6'},
        data: phases(items, 'baselineDate')},
      {type: 'custom', name: '当前计划', renderItem: barRenderer(0.17), encode: {x: [1, 2], y: 0}, itemStyle: {color: '#1f5fbf'},
        data: phases(items, 'plannedDate')},
      {type: 'scatter', name: '实际完成', symbol: 'diamond', symbolSize: 12, itemStyle: {color: '#2e9d57'}, z: 5,
        data: items.map((m, i) => m.actualDate ? [dayTs(m.actualDate), i] : null).filter(Boolean),
        markLine: {symbol: 'none', silent: true, lineStyle: {color: '#d93026', type: 'dashed'}, label: {formatter: '今天', position: 'start'},
          data: [{xAxis: today}]}},
    ],
  };
}

class ProjectMilestones extends ProjectList {
  listPath = 'milestones';

  open(milestone, kind) {
    this.openForm({milestone, kind}, '#milestone-form input, #milestone-form textarea');
  }

  async submit(event) {
    const values = formValues(event);
    const {milestone, kind} = this._action;
    const path = '/api/projects/' + this.project.id + '/milestones/' + milestone.id;
    this._busy = true;
    this._formError = null;
    try {
      if (kind === 'reach') {
        const links = (values.evidenceLinks || '').split(/\s+/).filter(Boolean);
        await api.post(path + '/reach', {actualDate: values.actualDate, evidence: values.evidence, evidenceLinks: links},
          {version: milestone.version});
        this._notice = '节点「' + milestone.name + '」已登记完成（' + fmt.date(values.actualDate) + '）';
      } else {
        await api.put(path, {plannedDate: values.plannedDate, reason: values.reason || null}, {version: milestone.version});
        this._notice = '节点「' + milestone.name + '」计划已调整为 ' + fmt.date(values.plannedDate);
      }
      this._action = null;
      this.dispatchEvent(new CustomEvent('project-changed', {bubbles: true}));
    } catch (e) {
      this._formError = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    const items = this._items;
    const today = fmt.today();
    const next = items ? items.find(m => !m.actualDate) : null;
    return html`
      <section class="card" id="milestones">
        <h3>项目节点</h3>
        <hc-problem .error=${this._error}></hc-problem>
        ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
        ${items ? html`
          <hc-table id="milestone-table" .rows=${items} .columns=${[
            {key: 'name', label: '节点', render: m => html`${m.name}${next && m.id === next.id ? html` <span class="tag">下一节点</span>` : nothing}`},
            {key: 'baselineDate', label: '基线日期', render: m => fmt.date(m.baselineDate)},
            {key: 'plannedDate', label: '计划日期', render: m => fmt.date(m.plannedDate)},
            {key: 'actualDate', label: '实际日期', render: m => fmt.date(m.actualDate)},
            {key: 'slipWorkingDays', label: '计划偏差', render: m => workingSlip(m.slipWorkingDays, m.slipDays, 'planned')},
            {key: 'actualSlipWorkingDays', label: '实际偏差', render: m => workingSlip(m.actualSlipWorkingDays, m.actualSlipDays, 'actual')},
            {key: 'status', label: '状态', render: m => { const [label, colour] = status(m, today); return html`<span class="tag ${colour}" data-status=${label}>${label}</span>`; }},
            {key: 'evidence', label: '佐证材料', render: m => this.evidence(m)},
            ...(this.writable ? [{key: 'actions', label: '操作', render: m => m.actualDate ? '—' : html`
              <span class="row-actions">
                <button class="secondary" data-reach=${m.id} @click=${() => this.open(m, 'reach')}>登记完成</button>
                <button class="secondary" data-replan=${m.id} @click=${() => this.open(m, 'replan')}>调整计划</button>
              </span>`}] : []),
          ]}></hc-table>
          ${this._action ? this.form() : nothing}
          <h3 class="chart-title">节点计划：基线 / 当前计划 / 实际完成</h3>
          ${items.length ? html`<hc-chart id="milestone-gantt" height=${Math.max(220, items.length * 34 + 70) + 'px'}
            .option=${ganttOption(items)}></hc-chart>` : html`<p class="muted">暂无节点计划</p>`}` : html`<p>加载中…</p>`}
      </section>`;
  }

  evidence(m) {
    if (!m.evidence && !(m.evidenceLinks || []).length) return '—';
    return html`<span class="evidence" data-evidence=${m.id}>${m.evidence || ''}
      ${(m.evidenceLinks || []).map((link, i) => html` ${safeLink(link, '附件' + (i + 1))}`)}
      ${m.loggedBy ? html`<span class="muted">（${m.loggedBy}）</span>` : nothing}</span>`;
  }

  form() {
    const {milestone, kind} = this._action;
    const error = this._formError;
    if (kind === 'reach') {
      return html`
        <form class="inline-form" id="milestone-form" data-kind="reach" data-milestone=${milestone.id} @submit=${e => this.submit(e)}>
          <h4>登记节点完成：${milestone.name}（计划 ${fmt.date(milestone.plannedDate)}）</h4>
          <label>实际完成日期<input type="date" name="actualDate" required .value=${fmt.today()}></label>
          ${fieldNote(error, 'actualDate')}
          <label>佐证说明<textarea name="evidence" rows="3" maxlength="2000" required placeholder="如：主体结构封顶，监理单位确认"></textarea></label>
          ${fieldNote(error, 'evidence')}
          <label>佐证链接（每行一个 http(s) 链接，可选）<textarea name="evidenceLinks" rows="2" placeholder="https://…"></textarea></label>
          ${fieldNote(error, 'evidenceLinks')}
          <div class="form-actions">
            <button type="submit" ?disabled=${this._busy}>确认完成</button>
            <button type="button" class="secondary" @click=${() => { this._action = null; }}>取消</button>
          </div>
          ${banner(error, REACH_FIELDS)}
        </form>`;
    }
    return html`
      <form class="inline-form" id="milestone-form" data-kind="replan" data-milestone=${milestone.id} @submit=${e => this.submit(e)}>
        <h4>调整节点计划：${milestone.name}（基线 ${fmt.date(milestone.baselineDate)}，当前计划 ${fmt.date(milestone.plannedDate)}）</h4>
        <label>新的计划日期<input type="date" name="plannedDate" required .value=${milestone.plannedDate || ''}></label>
        ${fieldNote(error, 'plannedDate')}
        <label>调整原因<textarea name="reason" rows="2" maxlength="500" required></textarea></label>
        ${fieldNote(error, 'reason')}
        <div class="form-actions">
          <button type="submit" ?disabled=${this._busy}>确认调整</button>
          <button type="button" class="secondary" @click=${() => { this._action = null; }}>取消</button>
        </div>
        ${banner(error, REPLAN_FIELDS)}
      </form>`;
  }
}
customElements.define('hc-project-milestones', ProjectMilestones);
