// A project's time per user, task and week over a range of weeks, with its billable
// amount; live, and downloadable as CSV.

import { api, downloadCsv, segment } from '../api.js';
import { alertArea, field, h, replace } from '../dom.js';
import { duration, money } from '../format.js';
import { follow } from '../follow.js';
import { isWeek } from '../time.js';

function range(query) {
  const params = new URLSearchParams();
  for (const key of ['from', 'to']) {
    if (isWeek(query[key])) {
      params.set(key, query[key]);
    }
  }
  return params.toString();
}

function totals(title, rows, empty) {
  return h('section', { class: 'report-part' }, h('h2', { text: title }),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['', 'Time', 'Billable', 'Amount'].map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row', text: row.key ?? empty }),
        h('td', { class: 'num', text: duration(row.seconds) }),
        h('td', { class: 'num', text: duration(row.billableSeconds) }),
        h('td', { class: 'num', text: money(row.amounts) })))))));
}

export function mount(main, { projectId }, { me, live, query }) {
  const alert = alertArea();
  const search = range(query);
  const path = `/api/reports/projects/${segment(projectId)}${search ? `?${search}` : ''}`;
  const title = h('h1', { tabindex: -1, text: 'Project report' });
  const summary = h('p', { class: 'summary' });
  const parts = h('div', { class: 'columns three' });
  const from = h('input', { type: 'week', name: 'from', value: query.from ?? '' });
  const to = h('input', { type: 'week', name: 'to', value: query.to ?? '' });
  const filter = h('form', { class: 'inline-form' }, field('From week', from), field('To week', to),
    h('button', { type: 'submit', text: 'Show' }));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/projects/${segment(projectId)}?${range({ from: from.value, to: to.value })}`;
  });
  const csv = h('button', { type: 'button', text: 'Download CSV' });
  csv.addEventListener('click', () => downloadCsv(path, 'project.csv').catch(alert.show));
  main.append(h('section', { class: 'view' },
    h('header', { class: 'view-head' }, title, h('p', {}, h('a', { href: '#/projects', text: '← All projects' }))),
    filter, alert.element, summary, parts, h('div', { class: 'actions' }, csv)));

  const report = follow({
    live,
    destination: `tenants/${segment(me.tenant)}/project-reports/${segment(projectId)}`,
    load: (position) => api(path, { consistentWith: position }),
    show: (data) => {
      title.textContent = `Project ${data.name}`;
      replace(summary, `${duration(data.totalSeconds)} in total, ${duration(data.billableSeconds)} billable`,
        data.amounts.length ? `, ${money(data.amounts)}` : '', '.');
      replace(parts, totals('By person', data.byUser, ''), totals('By task', data.byTask, 'no task'),
        totals('By week', data.byWeek, ''));
    },
    failed: alert.show,
  });
  return () => report.stop();
}
