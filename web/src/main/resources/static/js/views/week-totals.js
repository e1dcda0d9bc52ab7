// A week's time by day and by project.

import { h, replace } from '../dom.js';
import { day, duration } from '../format.js';

export function weekTotals() {
  const byDay = h('div', { class: 'table-wrap' });
  const byProject = h('div', { class: 'table-wrap' });
  const element = h('div', { class: 'stack' },
    h('section', { 'aria-labelledby': 'by-day' }, h('h2', { id: 'by-day', text: 'By day' }), byDay),
    h('section', { 'aria-labelledby': 'by-project' }, h('h2', { id: 'by-project', text: 'By project' }),
      byProject));

  function show(report) {
    replace(byDay, h('table', { class: 'days' },
      h('thead', {}, h('tr', {}, report.days.map((d) => h('th', { scope: 'col', text: day(d.date) })),
        h('th', { scope: 'col', text: 'Total' }))),
      h('tbody', {}, h('tr', {}, report.days.map((d) => h('td', { class: 'num', 'data-date': d.date,
        text: duration(d.seconds) })), h('td', { class: 'num total', text: duration(report.totalSeconds) })))));
    replace(byProject, report.projects.length === 0 ? h('p', { class: 'empty', text: 'No time this week yet.' })
      : h('table', {},
        h('thead', {}, h('tr', {}, ['Project', 'Tasks', 'Time', 'Billable']
          .map((title) => h('th', { scope: 'col', text: title })))),
        h('tbody', {}, report.projects.map((project) => h('tr', {},
          h('th', { scope: 'row', text: project.name }),
          h('td', { text: project.tasks.map((t) => `${t.task ?? 'no task'} ${duration(t.seconds)}`).join(', ') }),
          h('td', { class: 'num', text: duration(project.seconds) }),
          h('td', { class: 'num', text: duration(project.billableSeconds) }))))));
  }

  return { element, show };
}
