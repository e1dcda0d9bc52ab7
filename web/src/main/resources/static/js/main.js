// Starts the page: sign-in or the app shell, the live connection, and the view of the
// current address.

import { configureApi } from './api.js';
import { h, replace } from './dom.js';
import { Live } from './live.js';
import { notify } from './notify.js';
import { home, resolve } from './router.js';
import * as session from './session.js';
import { showConnection } from './status.js';
import { currentWeek } from './time.js';
import * as timesheetHistory from './views/history.js';
import * as projectReport from './views/project-report.js';
import * as projects from './views/projects.js';
import { mountSignIn } from './views/sign-in.js';
import * as team from './views/team-week.js';
import * as week from './views/week.js';

const VIEWS = { week, team, projects, project: projectReport, history: timesheetHistory };

const live = new Live({
  url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`,
  token: session.token,
  renew: session.renew,
});
configureApi({
  token: session.token,
  renew: session.renew,
  reachable: () => live.nudge(),
});

const main = document.getElementById('main');
let unmount = null;

function showSignIn() {
  document.getElementById('top').hidden = true;
  replace(main);
  mountSignIn(main, showApp);
  main.querySelector('h1')?.focus();
}

function navigation(me) {
  const week = currentWeek(me.zone);
  return [
    me.has('worker') && ['My week', `#/week/${week}`, 'week'],
    me.has('manager') && ['Team', `#/team/${week}`, 'team'],
    (me.has('manager') || me.has('admin')) && ['Projects', '#/projects', 'projects'],
    ['History', '#/history', 'history'],
  ].filter(Boolean);
}

function showApp() {
  const me = session.me();
  document.getElementById('top').hidden = false;
  replace(document.getElementById('who'), `${me.name} · ${me.tenant} · ${me.roles.join(', ')}`);
  replace(document.getElementById('nav'), navigation(me).map(([label, href, view]) =>
    h('li', {}, h('a', { href, 'data-view': view, text: label }))));
  if (!location.hash) {
    location.replace(home(me));
    return;
  }
  route();
}

function route() {
  if (!session.signedIn()) {
    return;
  }
  const me = session.me();
  const target = resolve(location.hash, me);
  if (target.redirect) {
    location.replace(target.redirect);
    return;
  }
  unmount?.();
  replace(main);
  for (const link of document.querySelectorAll('#nav a')) {
    const current = link.dataset.view === target.name || (target.name === 'project' && link.dataset.view === 'projects')
      || (target.name === 'week' && target.params.user !== me.userId && link.dataset.view === 'team');
    link.removeAttribute('aria-current');
    if (current) {
      link.setAttribute('aria-current', 'page');
    }
  }
  unmount = VIEWS[target.name].mount(main, target.params, { me, live, query: target.query });
  main.querySelector('h1')?.focus();
}

document.getElementById('sign-out').addEventListener('click', () => {
  unmount?.();
  unmount = null;
  live.stop();
  session.signOut();
  history.replaceState(null, '', location.pathname);
  showSignIn();
});
// The skip link must not change the fragment: the fragment is the view's address.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (event) => notify(`Something went wrong: ${event.reason?.message
  ?? event.reason}`));
showConnection(live);

if (session.signedIn()) {
  showApp();
} else {
  showSignIn();
}
