// The project page's form helpers: a refusal shown next to the field it is about. A validation error names its field
// (errors[].field); a domain rule (422/409 with a code such as CUMULATIVE_DECREASED) names none, so each form says
// which codes belong to which of its fields, and whatever no field claims goes to the <hc-problem> banner.

import {html, nothing} from 'lit';
import {api, ApiError} from '../lib/api.js';
import {HcElement} from '../lib/element.js';

function fieldHit(error, field) {
  const errors = (error.problem && error.problem.errors) || [];
  return errors.find(e => {
    const name = e.field || '';
    return name === field || name.startsWith(field + '[') || name.startsWith(field + '.') || name.endsWith('.' + field);
  });
}

/** The message for one field: the errors[] entry naming it, else the detail of a rule code that belongs to it. */
export function fieldMessage(error, field, codes = []) {
  if (!(error instanceof ApiError)) return null;
  const hit = fieldHit(error, field);
  if (hit) return hit.message;
  return codes.includes(error.code) ? (error.problem.detail || error.message) : null;
}

/** The refusal next to a field, as `.field-error[data-field]` (the shell's fieldError, plus the rule codes). */
export function fieldNote(error, field, codes = []) {
  const message = fieldMessage(error, field, codes);
  return message ? html`<span class="field-error" data-field=${field}>${message}</span>` : nothing;
}

/**
 * The banner for a refusal no field of the form shows. {fields: {name: [codes]}} is the same map the form's fieldNote
 * calls use.
 */
export function banner(error, fields = {}) {
  if (!error) return nothing;
  if (!(error instanceof ApiError)) return html`<hc-problem .error=${error}></hc-problem>`;
  const shown = Object.entries(fields).filter(([field, codes]) => fieldMessage(error, field, codes)).map(([field]) => field);
  if (shown.length === 0) return html`<hc-problem .error=${error}></hc-problem>`;
  const rest = (error.problem.errors || []).filter(e => !shown.some(field => fieldHit({problem: {errors: [e]}}, field)));
  if (rest.length === 0) return nothing;
  return html`<hc-problem .error=${new ApiError(error.status, {...error.problem, detail: '另有问题：', errors: rest})}></hc-problem>`;
}

/** The form's values as an object of trimmed strings. */
export function formValues(event) {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.target).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]));
}

/** Whether the signed-in user may write on a project (STAFF and ADMIN; a MANAGER reads). */
export function canWrite(user) {
  return !!user && (user.role === 'STAFF' || user.role === 'ADMIN');
}

/** A yyyy-MM-dd date as a local midnight timestamp (for time axes); null for none. */
export function dayTs(value) {
  if (!value) return null;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/**
 * A section of the project page that lists one kind of the project's things ({@code listPath}: milestones, packages,
 * problems) and opens a form for a move on one of them: it reads the list again whenever the page's revision moves, and
 * focuses the opened form's first field ({@code focus}).
 */
export class ProjectList extends HcElement {
  static properties = {
    project: {attribute: false}, writable: {type: Boolean}, revision: {type: Number},
    _items: {state: true}, _error: {state: true}, _action: {state: true}, _formError: {state: true}, _busy: {state: true},
    _notice: {state: true},
  };

  updated(changed) {
    if (changed.has('revision')) this.load();
  }

  async load() {
    try {
      this._items = await api.get('/api/projects/' + this.project.id + '/' + this.listPath);
      this._error = null;
    } catch (e) {
      this._error = e;
    }
  }

  openForm(action, focus) {
    this._action = action;
    this._formError = null;
    this._notice = null;
    this.updateComplete.then(() => {
      const first = this.querySelector(focus);
      if (first) first.focus();
    });
  }
}
