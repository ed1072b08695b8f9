// 工作台的公共部分 (the staff workbench's shared parts): the deadline card of a running limit (lib/labels.js's deadline
// tag, in bold), and the form every lifecycle move opens: its fields are data, the API is the one validator (no
// browser-side "required"), and a refusal shows its zh-CN detail next to the field it names.

import {html, nothing} from 'lit';
import {HcElement} from '../lib/element.js';
import {keyed} from 'lit/directives/keyed.js';
import {ApiError} from '../lib/api.js';
import {fieldError} from '../lib/components.js';
import {deadlineTag} from '../lib/labels.js';

/** The deadline card of a running limit, as the workbench's pages show it (bold, .work-deadline[data-colour]). */
export function slaCard(sla) {
  return deadlineTag(sla, 'work-deadline');
}

/**
 * The message for one field: the API's errors[] entry, or a rule refusal whose detail starts with "field: …"
 * (how the services name the field of a 422 such as UNKNOWN_DEPARTMENT or WRONG_DEPARTMENT).
 */
export function placedError(error, field) {
  if (!(error instanceof ApiError)) return nothing;
  if (error.fieldMessage(field)) return fieldError(error, field);
  const detail = error.problem.detail || '';
  return detail.startsWith(field + ':') || detail.startsWith(field + '：')
    ? html`<span class="field-error" data-field=${field}>${detail.slice(field.length + 1).trim()}</span>` : nothing;
}

function readValues(form, fields) {
  const data = new FormData(form);
  const values = {};
  for (const f of fields) {
    if (f.type === 'multi') values[f.name] = data.getAll(f.name);
    else if (f.type === 'checkbox') values[f.name] = data.get(f.name) === 'on';
    else if (f.type === 'number') values[f.name] = data.get(f.name) === '' ? null : Number(data.get(f.name));
    else if (f.type === 'select') values[f.name] = data.get(f.name) || null;
    else values[f.name] = String(data.get(f.name) ?? '');
  }
  return values;
}

/**
 * 流转表单: one move's form. move = {name, label, hint?, danger?, fields: [{name, label, type: text|textarea|number|
 * select|multi|checkbox|date, options?: [[value, label]], value?, placeholder?}], body?(values)}; send(move, values) does
 * the call (naming the version read). Dispatches move-done after success, move-cancel, and move-reload when the
 * object changed under the reader (409 CONCURRENT_MODIFICATION).
 */
class WorkMoveForm extends HcElement {
  static properties = {move: {attribute: false}, send: {attribute: false}, _error: {state: true}, _busy: {state: true}};

  async submit(event) {
    event.preventDefault();
    const values = readValues(event.target, this.move.fields);
    this._busy = true;
    this._error = null;
    try {
      await this.send(this.move, values);
      this.fire('move-done', {move: this.move});
    } catch (e) {
      this._error = e;
    } finally {
      this._busy = false;
    }
  }

  fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, {detail, bubbles: true}));
  }

  firstUpdated() {
    const first = this.querySelector('input:not([type=hidden]), select, textarea, button[type=submit]');
    if (first) first.focus();
  }

  field(f) {
    const id = 'move-' + this.move.name + '-' + f.name;
    let control;
    if (f.type === 'textarea') {
      control = html`<textarea id=${id} name=${f.name} rows="3" placeholder=${f.placeholder || ''}>${f.value || ''}</textarea>`;
    } else if (f.type === 'select') {
      control = html`<select id=${id} name=${f.name}>
        ${f.blank ? html`<option value="">${f.blank}</option>` : nothing}
        ${f.options.map(([v, l]) => html`<option value=${v} ?selected=${v === f.value}>${l}</option>`)}</select>`;
    } else if (f.type === 'multi') {
      return html`<fieldset class="work-multi" data-field-name=${f.name}><legend>${f.label}</legend>
        ${f.options.length ? f.options.map(([v, l]) => html`<label class="work-check"><input type="checkbox" name=${f.name} value=${v}
          ?checked=${(f.value || []).includes(v)}>${l}</label>`) : html`<span class="work-hint">无可选项</span>`}
        </fieldset>${placedError(this._error, f.name)}`;
    } else if (f.type === 'checkbox') {
      return html`<label class="work-check"><input type="checkbox" id=${id} name=${f.name} ?checked=${!!f.value}>${f.label}</label>
        ${placedError(this._error, f.name)}`;
    } else {
      control = html`<input id=${id} name=${f.name} type=${f.type || 'text'} .value=${f.value ?? ''} placeholder=${f.placeholder || ''}
        min=${f.min ?? nothing} max=${f.max ?? nothing}>`;
    }
    return html`<label for=${id}>${f.label}${control}</label>${placedError(this._error, f.name)}`;
  }

  render() {
    const m = this.move;
    const stale = this._error instanceof ApiError && this._error.code === 'CONCURRENT_MODIFICATION';
    return html`<form class="work-move-form" data-move=${m.name} @submit=${e => this.submit(e)}>
      <h3>${m.label}</h3>
      ${m.hint ? html`<p class="work-hint">${m.hint}</p>` : nothing}
      ${m.fields.map(f => this.field(f))}
      <hc-problem .error=${this._error}></hc-problem>
      <div class="toolbar">
        ${stale ? html`<button type="button" class="secondary" data-action="reload" @click=${() => this.fire('move-reload')}>重新加载</button>` : nothing}
        <button type="submit" class=${m.danger ? 'danger' : ''} ?disabled=${this._busy}>${this._busy ? '提交中…' : '确认' + m.label}</button>
        <button type="button" class="secondary" @click=${() => this.fire('move-cancel')}>取消</button>
      </div>
    </form>`;
  }
}
customElements.define('hc-work-move-form', WorkMoveForm);

/** The buttons of the moves allowed now, and the open move's form under them. */
export function moveBar(moves, open, {onOpen, send}) {
  if (!moves.length) return html`<p class="work-hint">当前状态下没有可办理的操作。</p>`;
  return html`<div class="toolbar work-move-buttons" role="group" aria-label="可办理的操作">
      ${moves.map(m => html`<button type="button" data-move=${m.name} class=${open && open.name === m.name ? '' : 'secondary'}
        aria-expanded=${open && open.name === m.name ? 'true' : 'false'} @click=${() => onOpen(m)}>${m.label}</button>`)}
    </div>
    ${open ? keyed(open.name, html`<hc-work-move-form .move=${open} .send=${send}></hc-work-move-form>`) : nothing}`;
}
