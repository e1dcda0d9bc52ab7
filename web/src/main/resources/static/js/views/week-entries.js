// A week's entries, with correcting and deleting while the week is open.

import { api, segment } from '../api.js';
import { h, replace } from '../dom.js';
import { day, duration } from '../format.js';
import { localDate, localTime } from '../time.js';
import { entryForm } from './entry-form.js';

const EDITABLE = ['open', 'rejected', 'reopened'];

/** editable: whether this user may change the week's entries at all (its owner, a worker). */
export function weekEntries({ week, zone, editable, written, failed }) {
  const list = h('div', { class: 'table-wrap' });
  const form = editable ? entryForm({ week, zone, written, failed }) : null;
  const locked = h('p', { class: 'hint', hidden: true,
    text: 'This week is locked while it is submitted or approved; it opens again when rejected or reopened.' });
  const element = h('section', { 'aria-labelledby': 'entries-title' },
    h('h2', { id: 'entries-title', text: 'Entries' }), list, locked, form?.element);
  let projects = new Map();
  let report = null;

  function show(next) {
    report = next;
    const open = editable && EDITABLE.includes(report.status);
    locked.hidden = !editable || open;
    if (form) {
      form.element.hidden = !open;
    }
    if (report.entries.length === 0) {
      replace(list, h('p', { class: 'empty', text: 'No entries in this week.' }));
      return;
    }
    replace(list, h('table', { class: 'entries' },
      h('thead', {}, h('tr', {}, ['Day', 'Time', 'Project', 'Task', 'Description', 'Duration', 'Billable',
        open ? 'Actions' : null].filter(Boolean).map((title) => h('th', { scope: 'col', text: title })))),
      h('tbody', {}, report.entries.map((entry) => row(entry, open)))));
  }

  function row(entry, open) {
    const when = `${localTime(entry.start, zone)}–${localTime(entry.end, zone)}`;
    return h('tr', { 'data-entry': entry.entryId },
      h('td', { text: day(localDate(entry.start, zone)) }),
      h('td', { text: when }),
      h('td', { text: projects.get(entry.projectId) ?? entry.projectId }),
      h('td', { text: entry.task ?? '' }),
      h('td', { text: entry.description ?? '' }),
      h('td', { class: 'num', text: duration(entry.seconds) }),
      h('td', { text: entry.billable ? 'yes' : 'no' }),
      open ? h('td', { class: 'row-actions' },
        h('button', { type: 'button', text: 'Edit', 'aria-label': `Edit the entry of ${when}`,
          onclick: () => form.edit(entry) }),
        h('button', { type: 'button', text: 'Delete', 'aria-label': `Delete the entry of ${when}`,
          onclick: () => remove(entry, when) })) : null);
  }

  async function remove(entry, when) {
    if (!window.confirm(`Delete the entry of ${when}?`)) {
      return;
    }
    try {
      written(await api(`/api/time-entries/${segment(entry.entryId)}`, { method: 'DELETE' }));
    } catch (error) {
      failed(error);
    }
  }

  function setProjects(list) {
    projects = new Map(list.map((p) => [p.projectId, p.name]));
    form?.setProjects(list);
    if (report) {
      show(report);
    }
  }

  return { element, show, setProjects };
}
