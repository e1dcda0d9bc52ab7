// Addresses of the views, in the fragment (#/team/2026-W47) so that the server serves one
// page and every view can be bookmarked and reloaded.

import { currentWeek, isWeek } from './time.js';

const ROUTES = [
  ['week', /^\/week\/([^/]+)$/, ['week']],
  ['week', /^\/users\/([^/]+)\/([^/]+)$/, ['user', 'week']],
  ['team', /^\/team\/([^/]+)$/, ['week']],
  ['projects', /^\/projects$/, []],
  ['project', /^\/projects\/([^/]+)$/, ['projectId']],
  ['history', /^\/history$/, []],
  ['history', /^\/history\/([^/]+)\/([^/]+)$/, ['user', 'week']],
];

export function home(me) {
  const week = currentWeek(me.zone);
  if (me.has('manager')) {
    return `#/team/${week}`;
  }
  return me.has('worker') ? `#/week/${week}` : '#/projects';
}

/** The view of an address: {name, params, query}, or {redirect} to the right address. */
export function resolve(hash, me) {
  const [path, search = ''] = hash.replace(/^#/, '').split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  for (const [name, pattern, keys] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      const params = Object.fromEntries(keys.map((key, index) => [key, decodeURIComponent(match[index + 1])]));
      if (params.week !== undefined && !isWeek(params.week)) {
        return { redirect: hash.replace(params.week, currentWeek(me.zone)) };
      }
      if (name === 'week' && params.user === undefined) {
        params.user = me.userId;
      }
      return { name, params, query };
    }
  }
  return { redirect: home(me) };
}
