// 一企一档 as the enterprise sees it: GET /api/enterprises/{creditCode}/profile on one page — the record and its
// changes, figures, qualifications, projects with their warning colours, tickets and how they ended, one-thing
// applications and certificates, policies and benefits, the commissioner, readiness and the 帮办代办 grants.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage, go} from '../lib/pages.js';
import {stat} from '../lib/components.js';
import {
  TICKET_CATEGORIES, TICKET_CHANNELS, TICKET_STATUSES, APPLICATION_STATUSES, QUALIFICATION_LEVELS, PROJECT_LEVELS, INDUSTRY_CHAINS, WARNING_COLOURS,
  POLICY_MODES, AGENCY_SCOPES, AGENT_KINDS, label, tag, colourTag,
} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES, QUALIFICATION_STATES, facts, loading} from './portal-common.js';

const RECORD_FIELDS = {
  name: '企业名称', legalRepresentative: '法定代表人', address: '住所', grid: '网格', commissioner: '服务专员', scale: '企业规模',
  industry: '行业', industryCode: '行业代码', registeredCapital: '注册资本（万元）', status: '经营状态', establishedOn: '成立日期',
  enteredZoneOn: '入区日期',
};

function figure(name, value) {
  return html`<span data-figure=${name}>${fmt.count(value)}</span>`;
}

/** Warning reasons as the project service gave them: a list of sentences (or of {reason|text}). */
function reasons(value) {
  if (!value) return '—';
  const list = Array.isArray(value) ? value : [value];
  return list.map(r => (typeof r === 'string' ? r : r.reason || r.text || r.label || JSON.stringify(r))).join('；') || '—';
}

class PortalProfile extends HcElement {
  static properties = {user: {attribute: false}, _profile: {state: true}, _kinds: {state: true}, _error: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    Promise.all([
      api.get('/api/enterprises/' + encodeURIComponent(this.user.creditCode) + '/profile'),
      api.get('/api/enterprises/qualification-kinds').catch(() => []),
      api.get('/api/approvals/things').catch(() => []),
    ]).then(([profile, kinds, things]) => {
      this._kinds = Object.fromEntries(kinds.map(k => [k.code, k.name]));
      this._things = Object.fromEntries(things.map(t => [t.code, t.name]));
      this._profile = profile;
    }, e => { this._error = e; });
  }

  counts(byStatus, labels) {
    return Object.entries(byStatus || {}).map(([code, n]) => html`<span class="tag" data-status-count=${code}>${label(labels, code)} ${n}</span>`);
  }

  render() {
    const p = this._profile;
    if (!p) return loading(this._error);
    const e = p.enterprise;
    const s = p.sections || {};
    const policies = s.policies || {};
    const commissioner = s.commissioner;
    const readiness = s.readiness && s.readiness.targets;
    const latest = (p.figures || [])[0];
    return html`
      <div class="toolbar"><h2 style="margin:0">一企一档：${e.name}</h2><span class="spacer"></span>
        <span class="portal-muted">生成于 ${fmt.dateTime(p.asOf)}</span></div>
      <div class="stats" id="profile-figures">
        ${stat('重大项目', figure('projects', p.projects.total), Object.entries(p.projects.byColour || {})
          .map(([c, n]) => (c === 'NONE' ? '未预警' : label(WARNING_COLOURS, c)) + ' ' + n).join('，'))}
        ${stat('诉求工单', figure('tickets', p.tickets.total), html`在办 ${figure('tickets-open', p.tickets.open)} 件`)}
        ${stat('一件事申请', figure('applications', p.applications.total))}
        ${stat('证照', figure('certificates', (p.certificates || []).length))}
        ${stat('资质荣誉', figure('qualifications', (p.qualifications || []).length))}
        ${stat('符合条件的政策', figure('policies', (policies.eligible || []).length))}
      </div>
      <div class="grid">
        <section class="card" id="profile-record"><h3>企业档案</h3>
          ${facts([['企业名称', e.name], ['统一社会信用代码', e.creditCode], ['法定代表人', e.legalRepresentative],
            ['行业', e.industry ? e.industry + '（' + e.industryCode + '）' : null], ['企业规模', e.scaleLabel],
            ['注册资本', e.registeredCapital !== null && e.registeredCapital !== undefined ? fmt.wan(e.registeredCapital) : null],
            ['经营状态', e.statusLabel], ['成立日期', fmt.date(e.establishedOn)], ['入区日期', fmt.date(e.enteredZoneOn)],
            ['住所', e.address], ['所属网格', e.grid]])}
        </section>
        <section class="card" id="profile-commissioner"><h3>服务专员</h3>
          ${commissioner ? facts([['姓名', commissioner.name], ['工号', commissioner.code], ['联系电话', commissioner.phone],
            ['所属网格', commissioner.homeGridName || commissioner.homeGrid]]) : html`<p class="portal-muted">尚未配备服务专员</p>`}
          <h3>帮办代办授权</h3>
          ${(s.authorisations || []).length ? html`<ul class="portal-list" id="profile-authorisations">${s.authorisations.map(a => html`<li>
            ${label(AGENT_KINDS, a.agentKind)} ${a.agent} · ${a.scopes.map(x => label(AGENCY_SCOPES, x)).join('、')}
            <span class="portal-muted">${fmt.date(a.validFrom)} 至 ${fmt.date(a.validUntil)}</span>
            ${tag(a.statusLabel, a.status === 'ACTIVE' ? 'GREEN' : '')}</li>`)}</ul>` : html`<p class="portal-muted">暂无授权</p>`}
        </section>
      </div>
      <div class="grid">
        <section class="card"><hc-table caption="经营数据" .rows=${p.figures || []} .columns=${[
          {key: 'year', label: '年度'},
          {key: 'revenue', label: '营业收入', align: 'num', render: r => fmt.wan(r.revenue)},
          {key: 'rdSpend', label: '研发投入', align: 'num', render: r => fmt.wan(r.rdSpend)},
          {key: 'highTechRevenue', label: '高新技术产品收入', align: 'num', render: r => fmt.wan(r.highTechRevenue)},
          {key: 'employees', label: '从业人员', align: 'num', render: r => fmt.count(r.employees)},
          {key: 'rdStaff', label: '研发人员', align: 'num', render: r => fmt.count(r.rdStaff)},
        ]}></hc-table>${latest ? html`<p class="portal-muted">最新为 ${latest.year} 年数据</p>` : nothing}</section>
        <section class="card"><hc-table id="profile-qualifications" caption="资质荣誉" .rows=${p.qualifications || []} .columns=${[
          {key: 'kind', label: '资质', render: q => this._kinds[q.kind] || q.kind},
          {key: 'level', label: '级别', render: q => label(QUALIFICATION_LEVELS, q.level)},
          {key: 'year', label: '认定年度'},
          {key: 'validUntil', label: '有效期至', render: q => fmt.date(q.validUntil)},
          {key: 'state', label: '状态', render: q => tag(...(QUALIFICATION_STATES[q.state] || [q.state]))},
        ]}></hc-table></section>
      </div>
      <section class="card"><hc-table id="profile-projects" caption="重大项目" .rows=${p.projects.items || []} .columns=${[
        {key: 'name', label: '项目'},
        {key: 'level', label: '级别', render: r => label(PROJECT_LEVELS, r.level)},
        {key: 'industryChain', label: '产业链', render: r => label(INDUSTRY_CHAINS, r.industryChain)},
        {key: 'totalInvestment', label: '总投资', align: 'num', render: r => fmt.money(r.totalInvestment)},
        {key: 'stageLabel', label: '阶段', render: r => r.stageLabel + (r.stageOn ? '（' + fmt.date(r.stageOn) + '）' : '')},
        {key: 'warningColour', label: '预警', render: r => r.warningColour ? colourTag(r.warningColour) : tag('无预警')},
        {key: 'warningReasons', label: '原因', render: r => reasons(r.warningReasons)},
      ]}></hc-table></section>
      <section class="card">
        <div class="toolbar" id="profile-ticket-counts"><strong>诉求工单</strong>${this.counts(p.tickets.byStatus, TICKET_STATUSES)}</div>
        <hc-table id="profile-tickets" caption="最近的诉求及办理结果" .rows=${p.tickets.recent || []}
          @row-click=${ev => go('#/portal/tickets/' + ev.detail.id)} .columns=${[
          {key: 'number', label: '工单编号'},
          {key: 'channel', label: '渠道', render: t => label(TICKET_CHANNELS, t.channel)},
          {key: 'category', label: '类别', render: t => label(TICKET_CATEGORIES, t.category)},
          {key: 'statusLabel', label: '状态'},
          {key: 'registeredAt', label: '受理时间', render: t => fmt.dateTime(t.registeredAt)},
          {key: 'resolvedAt', label: '办结时间', render: t => fmt.dateTime(t.resolvedAt)},
          {key: 'reply', label: '办理结果', render: t => html`<span class="portal-wrap">${t.reply || '—'}</span>`},
        ]}></hc-table>
      </section>
      <div>
        <section class="card">
          <div class="toolbar"><strong>一件事申请</strong>${this.counts(p.applications.byStatus, APPLICATION_STATUSES)}</div>
          <hc-table id="profile-applications" .rows=${p.applications.recent || []} @row-click=${ev => go('#/portal/approvals/' + ev.detail.id)}
            .columns=${[
            {key: 'number', label: '申请编号'},
            {key: 'thingName', label: '一件事', render: a => a.thingName || this._things[a.thing] || a.thing},
            {key: 'statusLabel', label: '状态'},
            {key: 'submittedAt', label: '提交时间', render: a => fmt.dateTime(a.submittedAt)},
            {key: 'completedAt', label: '办结时间', render: a => fmt.dateTime(a.completedAt)},
          ]}></hc-table>
        </section>
        <section class="card"><hc-table id="profile-certificates" caption="证照" .rows=${p.certificates || []} .columns=${[
          {key: 'number', label: '证照编号'},
          {key: 'name', label: '证照'},
          {key: 'issuer', label: '发证部门'},
          {key: 'issuedOn', label: '发证日期', render: c => fmt.date(c.issuedOn)},
          {key: 'validTo', label: '有效期至', render: c => c.validTo ? fmt.date(c.validTo) : '长期有效'},
        ]}></hc-table></section>
      </div>
      <section class="card" id="profile-policies"><h3>惠企政策</h3>
        <div class="grid">
          <div><h3>符合条件的政策</h3><ul class="portal-list">${(policies.eligible || []).map(x => html`<li>${x.policyName}
            ${tag(label(POLICY_MODES, x.mode))} <strong>${fmt.wan(x.amount)}</strong></li>`)}</ul></div>
          <div><h3>免申即享兑现</h3><ul class="portal-list">${(policies.benefits || []).map(b => html`<li>${b.policyName}
            ${tag(b.statusLabel, b.status === 'PAID' ? 'GREEN' : 'YELLOW')} ${fmt.wan(b.amount)}</li>`)}</ul>
            ${(policies.benefits || []).length ? nothing : html`<p class="portal-muted">暂无</p>`}</div>
          <div><h3>快申快享申请</h3><ul class="portal-list">${(policies.applications || []).map(a => html`<li>${a.policyName}
            ${tag(a.statusLabel, a.colour)} ${fmt.wan(a.approvedAmount ?? a.entitledAmount)}</li>`)}</ul>
            ${(policies.applications || []).length ? nothing : html`<p class="portal-muted">暂无</p>`}</div>
        </div>
        <p><a href="#/portal/policies">查看政策匹配依据、确认收款账户或申请 →</a></p>
      </section>
      ${readiness && readiness.length ? html`<section class="card" id="profile-readiness"><h3>培育评估</h3>
        <div class="table-wrap"><table><thead><tr><th>目标</th><th>评估</th><th class="num">达标项</th><th>说明</th></tr></thead><tbody>
          ${readiness.map(t => html`<tr><td>${t.targetName}</td>
            <td>${t.graduated ? tag('已取得', 'GREEN') : t.ready ? tag('可申报', 'GREEN') : tag('培育中', 'YELLOW')}</td>
            <td class="num">${t.criteriaMet} / ${t.criteriaTotal}</td><td class="portal-wrap">${t.summary}</td></tr>`)}
        </tbody></table></div></section>` : nothing}
      <section class="card"><hc-table caption="最近的变更记录" .rows=${p.recentChanges || []} .columns=${[
        {key: 'occurredAt', label: '时间', render: c => fmt.dateTime(c.occurredAt)},
        {key: 'action', label: '事项', render: c => ({update: '登记信息变更', figures: '经营数据更新', register: '入库登记'})[c.action] || c.action},
        {key: 'actor', label: '操作人'},
        {key: 'summary', label: '内容', render: c => html`<span class="portal-wrap">${this.change(c)}</span>`},
      ]}></hc-table></section>`;
  }

  /** One change in words: the fields whose value differs before and after. */
  change(c) {
    const sum = c.summary || {};
    if (sum.before && sum.after) {
      const changed = Object.keys(sum.after).filter(k => JSON.stringify(sum.before[k]) !== JSON.stringify(sum.after[k]));
      return changed.length ? changed.map(k => (RECORD_FIELDS[k] || k) + '：' + (sum.before[k] ?? '—') + ' → ' + (sum.after[k] ?? '—')).join('；') : '无字段变化';
    }
    if (sum.year) return sum.year + ' 年经营数据';
    return '—';
  }
}
customElements.define('hc-portal-profile', PortalProfile);

registerPage({path: '/portal/profile', title: '一企一档', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-profile', order: 8});
