// 政策与兑现: every published policy matched against the enterprise, each with why it qualifies or not (one sentence
// per rule); its 免申即享 benefits, whose bank account it confirms here, and its 快申快享 applications, applied for here.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {api} from '../lib/api.js';
import {fmt} from '../lib/format.js';
import {registerPage} from '../lib/pages.js';
import {fieldError} from '../lib/components.js';
import {POLICY_MODES, label, tag} from '../lib/labels.js';
import {PORTAL, PORTAL_ROLES, loading} from './portal-common.js';

const BENEFIT_COLOURS = {OFFERED: 'YELLOW', CONFIRMED: '', PAID: 'GREEN'};
const APPLICATION_COLOURS = {APPROVED: 'GREEN', PAID: 'GREEN', REJECTED: 'RED'};

class PortalPolicies extends HcElement {
  static properties = {
    user: {attribute: false},
    _matches: {state: true}, _benefits: {state: true}, _applications: {state: true}, _error: {state: true},
    _editing: {state: true}, _errors: {state: true}, _busy: {state: true}, _done: {state: true},
  };

  constructor() {
    super();
    this._errors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const code = encodeURIComponent(this.user.creditCode);
    try {
      const [matches, benefits, applications] = await Promise.all([
        api.get('/api/enterprises/' + code + '/policies'),
        api.get('/api/enterprises/' + code + '/benefits'),
        api.get('/api/enterprises/policy-applications', {size: 200}),
      ]);
      this._matches = matches;
      this._benefits = benefits;
      this._applications = applications.items;
    } catch (e) {
      this._error = e;
    }
  }

  async confirm(benefit, event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const value = name => String(form.get(name) || '').trim();
    this._busy = true;
    this._errors = {...this._errors, [benefit.id]: null};
    try {
      await api.post('/api/enterprises/benefits/' + benefit.id + '/confirm',
        {bankName: value('bankName'), accountName: value('accountName'), accountNumber: value('accountNumber')}, {version: benefit.version});
      this._editing = null;
      this._done = '「' + benefit.policyName + '」的收款账户已确认，等待拨付';
      await this.load();
    } catch (e) {
      this._errors = {...this._errors, [benefit.id]: e};
    } finally {
      this._busy = false;
    }
  }

  async apply(match) {
    this._busy = true;
    this._errors = {...this._errors, [match.policyId]: null};
    try {
      await api.post('/api/enterprises/policies/' + match.policyId + '/applications', {});
      this._done = '已申请「' + match.policyName + '」，将在 60 个工作日内兑现';
      await this.load();
    } catch (e) {
      this._errors = {...this._errors, [match.policyId]: e};
    } finally {
      this._busy = false;
    }
  }

  rules(match) {
    return html`<ul class="portal-rules">${(match.rules || []).map(r => html`<li class=${r.met ? 'met' : 'missed'}>
      <span aria-hidden="true">${r.met ? '✔' : '✘'}</span> ${r.detail}</li>`)}</ul>`;
  }

  benefitPart(match) {
    const b = (this._benefits || []).find(x => x.policyId === match.policyId);
    if (!b) return match.eligible ? html`<p class="portal-muted">符合条件，兑现记录生成中</p>` : nothing;
    const e = this._errors[b.id];
    const editing = b.status === 'OFFERED' || this._editing === b.id;
    const named = e && ['bankName', 'accountName', 'accountNumber'].some(f => e.fieldMessage && e.fieldMessage(f));
    return html`<div class="portal-benefit" data-benefit=${b.id} data-status=${b.status}>
      <div class="toolbar">${tag(b.statusLabel, BENEFIT_COLOURS[b.status])}
        <span>兑现金额 <strong>${fmt.wan(b.amount)}</strong></span>
        <span class="portal-muted">${fmt.date(b.offeredAt)} 生成</span></div>
      ${b.accountNumber ? html`<p>收款账户：${b.bankName} · ${b.accountName} · ${b.accountNumber}（${fmt.dateTime(b.confirmedAt)} 确认）</p>` : nothing}
      ${b.payout ? html`<p>已拨付 ${fmt.wan(b.payout.amount)}，${fmt.dateTime(b.payout.paidAt)}，凭证号 ${b.payout.reference}</p>` : nothing}
      ${b.status !== 'PAID' && editing ? html`<form class="portal-form confirm-account" @submit=${ev => this.confirm(b, ev)}>
        <div class="portal-row">
          <div><label>开户银行<input name="bankName" maxlength="100" required .value=${b.bankName || ''}></label>${fieldError(e, 'bankName')}</div>
          <div><label>户名<input name="accountName" maxlength="200" required .value=${b.accountName || b.enterpriseName || ''}></label>
            ${fieldError(e, 'accountName')}</div>
          <div><label>银行账号<input name="accountNumber" inputmode="numeric" required placeholder="8–30 位数字"></label>
            ${fieldError(e, 'accountNumber')}</div>
        </div>
        <hc-problem .error=${named ? null : e}></hc-problem>
        <button type="submit" ?disabled=${this._busy}>${b.status === 'CONFIRMED' ? '更正收款账户' : '确认收款账户'}</button>
      </form>` : b.status === 'CONFIRMED' ? html`<button class="secondary" @click=${() => { this._editing = b.id; }}>更正收款账户</button>` : nothing}
    </div>`;
  }

  applicationPart(match) {
    const a = (this._applications || []).find(x => x.policyId === match.policyId);
    const e = this._errors[match.policyId];
    if (a) {
      return html`<div class="portal-benefit" data-application=${a.id} data-status=${a.status}>
        <div class="toolbar">${tag(a.statusLabel, APPLICATION_COLOURS[a.status])}
          <span>申请金额 <strong>${fmt.wan(a.entitledAmount)}</strong></span>
          ${a.approvedAmount !== null && a.approvedAmount !== undefined ? html`<span>核准 ${fmt.wan(a.approvedAmount)}</span>` : nothing}
          <span class="portal-muted">${fmt.date(a.submittedOn)} 申请，兑现期限 ${fmt.date(a.dueOn)}</span>
          ${a.workingDaysLeft !== null && a.workingDaysLeft !== undefined && !a.payout
            ? tag('剩余 ' + a.workingDaysLeft + ' 个工作日', a.colour) : nothing}</div>
        ${a.rejectReason ? html`<p>驳回理由：${a.rejectReason}</p>` : nothing}
        ${a.payout ? html`<p>已拨付 ${fmt.wan(a.payout.amount)}，${fmt.dateTime(a.payout.paidAt)}，凭证号 ${a.payout.reference}</p>` : nothing}
      </div>`;
    }
    if (!match.eligible) return nothing;
    return html`<div class="toolbar"><button class="apply-policy" ?disabled=${this._busy} @click=${() => this.apply(match)}>立即申请（快申快享）</button>
      <span class="portal-muted">可兑现 ${fmt.wan(match.amount)}</span></div>
      <hc-problem .error=${e}></hc-problem>`;
  }

  policyCard(m) {
    return html`<section class="card portal-policy" data-policy=${m.policyId} data-mode=${m.mode} data-eligible=${String(!!m.eligible)}>
      <div class="toolbar"><h3 style="margin:0">${m.policyName}</h3>${tag(label(POLICY_MODES, m.mode))}
        ${m.eligible ? tag('符合条件', 'GREEN') : tag('暂不符合', 'RED')}<span class="spacer"></span>
        <span>${m.eligible ? '可享 ' : '标准 '}<strong>${fmt.wan(m.amount)}</strong></span></div>
      <p class="portal-muted">${m.eligible ? '符合以下全部条件' : '以下条件尚未全部满足'} · ${fmt.dateTime(m.matchedAt)} 按最新企业数据匹配</p>
      ${this.rules(m)}
      ${m.mode === 'AUTO' ? this.benefitPart(m) : this.applicationPart(m)}
    </section>`;
  }

  render() {
    if (!this._matches) return loading(this._error);
    const eligible = this._matches.filter(m => m.eligible);
    const others = this._matches.filter(m => !m.eligible);
    const paid = [...(this._benefits || []).map(b => b.payout), ...(this._applications || []).map(a => a.payout)].filter(Boolean);
    return html`
      <h2>政策与兑现</h2>
      ${this._done ? html`<div class="notice" role="status">${this._done}</div>` : nothing}
      <div class="stats">
        <div class="stat"><span class="stat-label">符合条件的政策</span><span class="stat-value" data-figure="eligible">${eligible.length}</span>
          <span class="stat-hint">已发布政策 ${this._matches.length} 项</span></div>
        <div class="stat"><span class="stat-label">可享金额</span><span class="stat-value">${fmt.money(eligible.reduce((s, m) => s + (m.amount || 0), 0))}</span></div>
        <div class="stat"><span class="stat-label">免申即享兑现</span><span class="stat-value" data-figure="benefits">${(this._benefits || []).length}</span></div>
        <div class="stat"><span class="stat-label">快申快享申请</span><span class="stat-value" data-figure="applications">${(this._applications || []).length}</span></div>
        <div class="stat"><span class="stat-label">已到账</span><span class="stat-value">${fmt.money(paid.reduce((s, p) => s + (p.amount || 0), 0))}</span></div>
      </div>
      <div id="eligible-policies">${eligible.length ? eligible.map(m => this.policyCard(m))
        : html`<p class="card portal-muted">暂无符合条件的政策</p>`}</div>
      ${others.length ? html`<h3>暂不符合条件的政策（${others.length}）</h3>
        <div id="other-policies">${others.map(m => this.policyCard(m))}</div>` : nothing}`;
  }
}
customElements.define('hc-portal-policies', PortalPolicies);

registerPage({path: '/portal/policies', title: '政策与兑现', group: PORTAL, roles: PORTAL_ROLES, tag: 'hc-portal-policies', order: 6});
