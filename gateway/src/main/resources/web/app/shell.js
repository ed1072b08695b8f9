// 控制台外壳 (the console shell): the login page when nobody is signed in, otherwise the side menu of the user's role,
// the breadcrumbs and the page the hash names. An ENTERPRISE account only ever sees the portal's pages.

import {html, nothing} from 'lit';
import {HcElement} from './lib/element.js';
import {current, login, logout, onChange, takeExpiryMessage} from './lib/session.js';
import {landing, pagesFor, resolve, go} from './lib/pages.js';
import {fieldError} from './lib/components.js';

const ROLE_LABELS = {ADMIN: '管理员', MANAGER: '管理者', STAFF: '工作人员', ENTERPRISE: '企业'};

class HcConsole extends HcElement {
  static properties = {_user: {state: true}, _route: {state: true}, _menuOpen: {state: true}, _crumb: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    this._user = current();
    this.stop = onChange(user => { this._user = user; this.route(); });
    this.onHash = () => this.route();
    window.addEventListener('hashchange', this.onHash);
    // A detail page names what it shows (a project's name rather than its id) for the breadcrumbs.
    this.addEventListener('hc-crumb', e => { this._crumb = e.detail; });
    this.route();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
    window.removeEventListener('hashchange', this.onHash);
  }

  route() {
    if (!this._user) {
      this._route = null;
      return;
    }
    const found = resolve(location.hash, this._user.role);
    if (!found) {
      const target = landing(this._user.role);
      if (target !== location.hash && resolve(target, this._user.role)) {
        go(target);
      } else {
        this._route = null;
        this._pageElement = null;
      }
      return;
    }
    this._route = found;
    this._crumb = null;
    this._pageElement = this.page(found);
    this._menuOpen = false;
    document.title = found.page.title + ' · 济宁高新区 项目与企业服务平台';
  }

  render() {
    if (!this._user) {
      return html`<hc-login></hc-login>`;
    }
    const user = this._user;
    const groups = [];
    for (const page of pagesFor(user.role).filter(p => p.menu)) {
      let group = groups.find(g => g.name === page.group);
      if (!group) groups.push(group = {name: page.group, pages: []});
      group.pages.push(page);
    }
    const route = this._route;
    return html`
      <header class="topbar">
        <button class="menu-toggle secondary" aria-label="菜单" @click=${() => { this._menuOpen = !this._menuOpen; }}>☰</button>
        <span class="brand">济宁高新区 · 项目与企业服务平台</span>
        <span class="spacer"></span>
        <span class="who" data-role=${user.role}>${user.displayName}（${ROLE_LABELS[user.role] || user.role}${user.department ? ' · ' + user.department : ''}）</span>
        <button class="secondary" id="sign-out" @click=${() => logout()}>退出登录</button>
      </header>
      <div class="frame">
        <nav class="side ${this._menuOpen ? 'open' : ''}" aria-label="主菜单">
          ${groups.map(g => html`<div class="menu-group"><div class="menu-title">${g.name}</div>
            ${g.pages.map(p => html`<a href="#${p.path}" class=${route && route.page === p ? 'active' : ''}>${p.title}</a>`)}</div>`)}
        </nav>
        <main class="content">
          ${route ? html`
            <nav class="breadcrumbs" aria-label="位置"><span>${route.page.group}</span><span>${route.page.title}</span>
              ${route.params && Object.keys(route.params).length ? html`<span>${this._crumb || Object.values(route.params).join(' / ')}</span>` : nothing}</nav>
            ${this._pageElement}` : html`<p class="notice">此账号暂无可用的页面。</p>`}
        </main>
      </div>`;
  }

  page(route) {
    const element = document.createElement(route.page.tag);
    element.params = route.params;
    element.query = route.query;
    element.user = this._user;
    return element;
  }
}
// Defined once the whole bundle has run: the bundler may evaluate this file before the pages register themselves, and
// the console routes as soon as it is defined.
queueMicrotask(() => customElements.define('hc-console', HcConsole));

class HcLogin extends HcElement {
  static properties = {_error: {state: true}, _busy: {state: true}, _notice: {state: true}};

  connectedCallback() {
    super.connectedCallback();
    this._notice = takeExpiryMessage();
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this._busy = true;
    this._error = null;
    try {
      const user = await login(String(form.get('username')).trim(), String(form.get('password')));
      go(landing(user.role));
    } catch (e) {
      this._error = e;
    } finally {
      this._busy = false;
    }
  }

  render() {
    const problem = this._error && this._error.problem;
    return html`
      <div class="login">
        <form class="card" @submit=${e => this.submit(e)}>
          <h1>济宁高新区<br>项目与企业服务平台</h1>
          ${this._notice ? html`<div class="notice" role="status">${this._notice}</div>` : nothing}
          <label>用户名<input name="username" autocomplete="username" required autofocus></label>
          ${fieldError(this._error, 'username')}
          <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
          ${fieldError(this._error, 'password')}
          ${this._error ? html`<div class="problem" role="alert"><span class="detail">${(problem && problem.detail) || this._error.message}</span></div>` : nothing}
          <button type="submit" ?disabled=${this._busy}>${this._busy ? '登录中…' : '登录'}</button>
          <p class="hint">企业用户请使用本企业账号登录；热线 8951234</p>
        </form>
      </div>`;
  }
}
customElements.define('hc-login', HcLogin);
