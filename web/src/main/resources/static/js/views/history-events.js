// A timesheet's events as a table people can read: when, who, what and the details that
// matter for each type.

import { h } from '../dom.js';
import { dateTime, duration } from '../format.js';
import { localTime } from '../time.js';

function details(event, zone, projects) {
  const data = event.data ?? {};
  const parts = [];
  if (data.start && data.end) {
    parts.push(`${localTime(data.start, zone)}–${localTime(data.end, zone)}`);
  }
  if (data.durationSeconds !== undefined) {
    parts.push(duration(data.durationSeconds));
  }
  if (data.projectId) {
    parts.push(projects.get(data.projectId) ?? data.projectId);
  }
  for (const key of ['task', 'description', 'comment', 'reason', 'text']) {
    if (data[key]) {
      parts.push(key === 'task' ? `task ${data[key]}` : `“${data[key]}”`);
    }
  }
  return parts.join(' · ');
}

/** select(index) shows the week as it was after the event at that index. */
export function historyTable(events, { zone, projects, selected, select }) {
  return h('table', { class: 'history' },
    h('caption', { text: 'Every event of this week, oldest first' }),
    h('thead', {}, h('tr', {}, ['#', 'When', 'Who', 'What', 'Details', '']
      .map((title) => h('th', { scope: 'col', text: title })))),
    h('tbody', {}, events.map((event, index) => h('tr', { 'aria-current': index === selected ? 'true' : null },
      h('td', { class: 'num', text: event.position }),
      h('td', {}, h('time', { datetime: event.occurredAt, text: dateTime(event.occurredAt, zone) })),
      h('td', { text: event.actor ?? '' }),
      h('th', { scope: 'row', text: event.type }),
      h('td', { text: details(event, zone, projects) }),
      h('td', {}, h('button', { type: 'button', text: 'Show then', 'aria-label': `Show the week after event ${
        event.position}`, onclick: () => select(index) }))))));
}
