// A worker's week: the worker's own (timer, entries, submit) or, for a manager, anyone's
// (approve, reject, reopen, notes). Live: the weekly report and the timesheet's
// decisions and notes refetch when they change anywhere.

import { api, segment } from '../api.js';
import { alertArea, h } from '../dom.js';
import { follow } from '../follow.js';
import { notify } from '../notify.js';
import { currentWeek } from '../time.js';
import { weekApproval } from './week-approval.js';
import { weekEntries } from './week-entries.js';
import { weekNav, weekTitle } from './week-nav.js';
import { weekNotes } from './week-notes.js';
import { timerCard } from './week-timer.js';
import { weekTotals } from './week-totals.js';

const NEWS = {
  TimesheetSubmitted: 'was submitted', TimesheetApproved: 'was approved', TimesheetRejected: 'was rejected',
  TimesheetReopened: 'was reopened', TimesheetAnnotated: 'has a new note',
};

export function mount(main, { user, week }, { me, live }) {
  const own = user === me.userId;
  const worker = own && me.has('worker');
  const alert = alertArea();
  let report;
  let sheet;
  // Positions of this page's own writes: their echo is no news to the one who wrote.
  const mine = new Set();
  const written = (answer) => {
    mine.add(answer.position);
    alert.clear();
    report.refresh(answer.position);
    sheet.refresh(answer.position);
  };
  const context = { user, week, zone: me.zone, written, failed: alert.show };
  const timer = worker && week === currentWeek(me.zone) ? timerCard(context) : null;
  const totals = weekTotals();
  const entries = weekEntries({ ...context, editable: worker });
  const approval = weekApproval({ ...context, own, worker, manager: !own && me.has('manager') });
  const notes = weekNotes({ ...context, canNote: own || me.has('manager') });
  const href = (other) => (own ? `#/week/${other}` : `#/users/${segment(user)}/${other}`);

  main.append(h('section', { class: 'view' },
    h('header', { class: 'view-head' },
      h('h1', { tabindex: -1, text: own ? 'My week' : `Week of ${user}` }),
      h('p', { class: 'subtitle', text: weekTitle(week) }),
      weekNav(week, me.zone, href)),
    alert.element, timer?.element, approval.element, totals.element, entries.element, notes.element,
    h('p', {}, h('a', { href: `#/history/${segment(user)}/${week}`, text: 'History of this week' }))));

  const destination = (kind) => `tenants/${segment(me.tenant)}/${kind}/${segment(user)}/${week}`;
  report = follow({
    live,
    destination: destination('weekly-reports'),
    load: (position) => api(`/api/reports/weekly?user=${encodeURIComponent(user)}&week=${week}`,
      { consistentWith: position }),
    show: (data) => {
      timer?.show(data.runningTimer, data.status);
      totals.show(data);
      entries.show(data);
      approval.show(data);
    },
    failed: alert.show,
  });
  sheet = follow({
    live,
    destination: destination('timesheets'),
    load: (position) => api(`/api/timesheets/${segment(user)}/${week}`, { consistentWith: position }),
    show: notes.show,
    failed: alert.show,
    changed: (message) => {
      if (NEWS[message.cause] && !mine.has(message.eventPosition)) {
        notify(`${own ? 'Your week' : `The week of ${user}`} ${week} ${NEWS[message.cause]}.`);
      }
    },
  });
  api('/api/projects').then(({ projects }) => {
    timer?.setProjects(projects);
    entries.setProjects(projects);
  }).catch(alert.show);

  return () => {
    report.stop();
    sheet.stop();
    timer?.stop();
  };
}
