// The project page's form helpers: a refusal shown next to the field it is about. A validation error names its field
// (errors[].field); a domain rule (422/409 with a code such as CUMULATIVE_DECREASED) names none, so each form says
// which codes belong to which of its fields, and whatever no field claims goes to the <hc-problem> banner.

import {html, nothing} from 'lit';
import {ApiError} from '../lib/api.js';

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
