// A manager's view of the team's week: every member, time per day and status, live
// while people track time elsewhere.

import { api, downloadCsv, segment } from '../api.js';
import { alertArea, h, replace } from '../dom.js';
import { day, duration } from '../format.js';
import { follow } from '../follow.js';
import { statusBadge } from './badge.js';
import { weekNav, weekTitle } from './week-nav.js';

export function mount(main, { week }, { me, live }) {
  const alert = alertArea();
  const table = h('div', { class: 'card table-wrap' }, h('p', { class: 'empty', text: 'Loading…' }));
  const csv = h('button', { type: 'button', text: 'Download CSV' });
  csv.addEventListener('click', () => downloadCsv(`/api/reports/team-weekly?week=${week}`, `team-weekly-${week}.csv`)
    .catch(alert.show));
  main.append(h('section', { class: 'view' },
    h('header', { class: 'view-head' },
      h('h1', { tabindex: -1, text: 'Team week' }),
      h('p', { class: 'subtitle', text: weekTitle(week) }),
      weekNav(week, me.zone, (other) => `#/team/${other}`)),
    alert.element, table, h('div', { class: 'actions' }, csv)));

  let previous = new Map();
  function show(report) {
    if (report.rows.length === 0) {
      replace(table, h('p', { class: 'empty', text: 'Nobody in this tenant has tracked time yet.' }));
      return;
    }
    const rows = report.rows.map((row) => {
      const signature = `${row.totalSeconds}/${row.status}`;
      const changed = previous.has(row.userId) && previous.get(row.userId) !== signature;
      return h('tr', { 'data-user': row.userId, class: changed ? 'changed' : null },
        h('th', { scope: 'row' }, h('a', { href: `#/users/${segment(row.userId)}/${week}`, text: row.userId })),
        row.days.map((d) => h('td', { class: 'num', 'data-date': d.date, text: duration(d.seconds) })),
        h('td', { class: 'num total', text: duration(row.totalSeconds) }),
        h('td', {}, statusBadge(row.status)));
    });
    previous = new Map(report.rows.map((row) => [row.userId, `${row.totalSeconds}/${row.status}`]));
    replace(table, h('table', { class: 'team' },
      h('caption', { text: `Time per person and day, ${week}` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Person' }),
        report.totals.map((d) => h('th', { scope: 'col', text: day(d.date) })),
        h('th', { scope: 'col', text: 'Total' }), h('th', { scope: 'col', text: 'Status' }))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', text: 'All' }),
        report.totals.map((d) => h('td', { class: 'num', text: duration(d.seconds) })),
        h('td', { class: 'num total', text: duration(report.totalSeconds) }), h('td')))));
  }

  const team = follow({
    live,
    destination: `tenants/${segment(me.tenant)}/team-weekly-reports/${week}`,
    load: (position) => api(`/api/reports/team-weekly?week=${week}`, { consistentWith: position }),
    show,
    failed: alert.show,
  });
  return () => team.stop();
}
