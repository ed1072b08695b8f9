// The gateway's API (lib/api.js) with the two ways the console reads a paged list whole: every item of a list the API
// pages ({items, total}), and only its total (the list's own count, so a figure and the list it opens always agree).

import {api as calls} from './api.js';

export {ApiError} from './api.js';

const PAGE = 200;

export const api = {
  ...calls,

  /** Every item of a paged list: the first page, then the rest at once. */
  async all(path, params) {
    const first = await calls.get(path, {...params, page: 0, size: PAGE});
    const pages = Math.ceil(first.total / PAGE);
    const rest = await Promise.all(Array.from({length: Math.max(0, pages - 1)}, (_, i) =>
      calls.get(path, {...params, page: i + 1, size: PAGE})));
    return first.items.concat(...rest.map(p => p.items));
  },

  /** How many items a paged list holds. */
  total: (path, params) => calls.get(path, {...params, size: 1}).then(p => p.total),
};
