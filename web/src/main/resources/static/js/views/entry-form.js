// Adding or correcting an entry: a date and two times in the user's zone, a project,
// task, description and billability.

import { api, segment } from '../api.js';
import { field, h, options } from '../dom.js';
import { addDays, daysOf, localDate, localTime, toInstant } from '../time.js';

const BILLABLE = [['', 'Project default'], ['true', 'Billable'], ['false', 'Not billable']];

/**
 * @param week the week the form adds to
 * @param zone the user's zone
 * @param written (answer) => void after a save
 * @param failed (error) => void
 */
export function entryForm({ week, zone, written, failed }) {
  const days = daysOf(week);
  const date = h('input', { type: 'date', required: true, min: days[0], max: days[6] });
  const start = h('input', { type: 'time', required: true });
  const end = h('input', { type: 'time', required: true });
  const project = h('select', { required: true });
  const task = h('input', { type: 'text', maxlength: 200, autocomplete: 'off' });
  const description = h('input', { type: 'text', maxlength: 2000, autocomplete: 'off' });
  const billable = options(h('select', {}), BILLABLE, '');
  const title = h('h3', { text: 'Add an entry' });
  const save = h('button', { type: 'submit', class: 'primary', text: 'Add entry' });
  const cancel = h('button', { type: 'button', text: 'Cancel', hidden: true });
  const form = h('form', { class: 'entry-form' }, title,
    h('div', { class: 'form-grid' }, field('Date', date), field('From', start),
      field('To', end, 'An end at or before the start means the next day.'), field('Project', project),
      field('Task', task), field('Description', description), field('Billable', billable)),
    h('div', { class: 'actions' }, save, cancel));
  let editing = null;

  date.value = days.includes(localDate(Date.now(), zone)) ? localDate(Date.now(), zone) : days[0];

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const endDate = end.value <= start.value ? addDays(date.value, 1) : date.value;
    const body = {
      projectId: project.value,
      task: task.value || undefined,
      description: description.value || undefined,
      start: toInstant(date.value, start.value, zone),
      end: toInstant(endDate, end.value, zone),
      billable: billable.value === '' ? undefined : billable.value === 'true',
    };
    save.disabled = true;
    try {
      const answer = editing
        ? await api(`/api/time-entries/${segment(editing)}`, { method: 'PUT', body })
        : await api('/api/time-entries', { method: 'POST', body });
      reset();
      written(answer);
    } catch (error) {
      failed(error);
    } finally {
      save.disabled = false;
    }
  });
  cancel.addEventListener('click', reset);

  function reset() {
    editing = null;
    for (const input of [start, end, task, description]) {
      input.value = '';
    }
    billable.value = '';
    title.textContent = 'Add an entry';
    save.textContent = 'Add entry';
    cancel.hidden = true;
  }

  function edit(entry) {
    editing = entry.entryId;
    date.value = localDate(entry.start, zone);
    start.value = localTime(entry.start, zone);
    end.value = localTime(entry.end, zone);
    project.value = entry.projectId;
    task.value = entry.task ?? '';
    description.value = entry.description ?? '';
    billable.value = String(entry.billable);
    title.textContent = 'Correct an entry';
    save.textContent = 'Save changes';
    cancel.hidden = false;
    date.focus();
  }

  function setProjects(list) {
    const usable = list.filter((p) => !p.archived);
    options(project, [['', 'Choose a project'], ...usable.map((p) => [p.projectId, p.name])], project.value);
  }

  return { element: form, edit, setProjects };
}
