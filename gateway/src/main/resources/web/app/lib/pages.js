// The page registry and the hash router. A page says where it lives (#/path), its zh-CN title, its menu group and
// the roles that may open it; the side menu, the breadcrumbs and the default landing page all follow from this list.

const pages = [];

/**
 * @param page {path: '/dashboard/projects', title: '重大项目', group: '管理驾驶舱', roles: ['MANAGER', 'ADMIN'],
 *              tag: 'hc-projects-dashboard', menu: true (false for detail pages such as /work/tickets/:id)}
 */
export function registerPage(page) {
  pages.push({menu: true, order: 100, ...page});
}

export function pagesFor(role) {
  return pages.filter(p => p.roles.includes(role)).sort((a, b) => a.order - b.order);
}

/** The page for a hash such as #/work/tickets/42?tab=moves, with its path parameters and query. */
export function resolve(hash, role) {
  const [pathPart, queryPart] = (hash.replace(/^#/, '') || '/').split('?');
  const query = Object.fromEntries(new URLSearchParams(queryPart || ''));
  for (const page of pagesFor(role)) {
    const names = [];
    const pattern = new RegExp('^' + page.path.replace(/:([a-zA-Z]+)/g, (_, n) => { names.push(n); return '([^/]+)'; }) + '$');
    const match = pathPart.match(pattern);
    if (match) {
      const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
      return {page, params, query};
    }
  }
  return null;
}

/** The page a role lands on after signing in. */
export function landing(role) {
  const first = pagesFor(role).find(p => p.menu);
  return first ? '#' + first.path : '#/';
}

export function go(hash) {
  if (location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

/** Tells the shell what a detail page shows (e.g. a project's name), for the breadcrumbs instead of the id. */
export function crumb(element, label) {
  element.dispatchEvent(new CustomEvent('hc-crumb', {detail: label, bubbles: true}));
}
