// What happened to a week and what people said about it: its decisions and notes, and
// a form to add a note.

import { api, segment } from '../api.js';
import { field, h, replace } from '../dom.js';
import { dateTime, status } from '../format.js';

export function noteList(sheet, zone) {
  const items = [
    ...sheet.decisions.map((d) => ({ at: d.at, text: `${status(d.status)} by ${d.by}`, comment: d.comment })),
    ...sheet.annotations.map((a) => ({ at: a.at, text: `Note by ${a.by}${a.entryId ? ' on an entry' : ''}`,
      comment: a.text })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (items.length === 0) {
    return h('p', { class: 'empty', text: 'No decisions or notes yet.' });
  }
  return h('ol', { class: 'timeline' }, items.map((item) => h('li', {},
    h('span', { class: 'what', text: item.text }), ' ',
    h('time', { datetime: item.at, text: dateTime(item.at, zone) }),
    item.comment ? h('q', { text: item.comment }) : null)));
}

/** canNote: the owner or a manager may add notes. */
export function weekNotes({ user, week, zone, canNote, written, failed }) {
  const list = h('div');
  const text = h('textarea', { rows: 2, maxlength: 2000, required: true });
  const form = canNote ? h('form', { class: 'note-form' }, field('Add a note', text),
    h('button', { type: 'submit', text: 'Add note' })) : null;
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const answer = await api(`/api/timesheets/${segment(user)}/${week}/annotations`, {
        method: 'POST', body: { text: text.value },
      });
      text.value = '';
      written(answer);
    } catch (error) {
      failed(error);
    }
  });
  const element = h('section', { 'aria-labelledby': 'notes-title' },
    h('h2', { id: 'notes-title', text: 'Decisions and notes' }), list, form);
  return { element, show: (sheet) => replace(list, noteList(sheet, zone)) };
}
