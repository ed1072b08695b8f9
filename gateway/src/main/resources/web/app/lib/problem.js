// A refused request as the console holds it: the status and the problem+json the gateway or a service answered.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('请求失败（' + status + '）'));
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || null;
  }

  /** The message for one field the problem names (errors[].field), or null. */
  fieldMessage(field) {
    const errors = this.problem.errors || [];
    const hit = errors.find(e => (e.field || '') === field || (e.field || '').endsWith('.' + field));
    return hit ? hit.message : null;
  }
}

/** The problem+json of a response body, or a stand-in when the body is not JSON (a proxy's HTML error page). */
export function parseProblem(text, status) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return {detail: status >= 500 ? '服务暂时不可用（' + status + '），请稍后重试' : text.slice(0, 200)};
  }
}
