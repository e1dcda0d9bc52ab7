// The worker's timer: start it on a project, watch it tick, stop it.

import { api } from '../api.js';
import { field, h, options, replace } from '../dom.js';
import { clock } from '../format.js';

/**
 * @param written (answer) => void after a start or stop, with the write's position
 * @param failed (error) => void
 */
export function timerCard({ written, failed }) {
  const project = h('select', { required: true });
  const task = h('input', { type: 'text', maxlength: 200, autocomplete: 'off' });
  const description = h('input', { type: 'text', maxlength: 2000, autocomplete: 'off' });
  const start = h('button', { type: 'submit', class: 'primary', text: 'Start timer' });
  const form = h('form', { class: 'inline-form' }, field('Project', project), field('Task', task),
    field('Description', description), start);
  const running = h('div', { class: 'running', hidden: true });
  const locked = h('p', { class: 'hint', hidden: true, text: 'The timer cannot start in a submitted or approved week.' });
  const element = h('section', { class: 'card timer', 'aria-labelledby': 'timer-title' },
    h('h2', { id: 'timer-title', text: 'Timer' }), form, running, locked);
  let projects = [];
  let ticker = null;
  let shown;
  let lockedWeek = false;
  let focusAfterChange = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(start, () => api('/api/time-entries/start', { method: 'POST', body: {
      projectId: project.value, task: task.value || undefined, description: description.value || undefined,
    } }));
  });

  async function send(button, write) {
    button.disabled = true;
    try {
      focusAfterChange = true;
      written(await write());
    } catch (error) {
      failed(error);
    } finally {
      button.disabled = false;
    }
  }

  function setProjects(list) {
    projects = list;
    const active = list.filter((p) => !p.archived);
    options(project, [['', 'Choose a project'], ...active.map((p) => [p.projectId, p.name])], project.value);
    render(shown);
  }

  /** Shows the report's running timer; the same timer again changes nothing on screen. */
  function show(timer, status) {
    lockedWeek = ['submitted', 'approved'].includes(status);
    if ((timer?.entryId ?? null) !== (shown?.entryId ?? null)) {
      render(timer);
    }
    showParts();
  }

  /** The running timer, the form to start one, or why none can start. */
  function showParts() {
    running.hidden = !shown;
    form.hidden = Boolean(shown) || lockedWeek;
    locked.hidden = Boolean(shown) || !lockedWeek;
  }

  function render(timer) {
    shown = timer ?? null;
    clearInterval(ticker);
    showParts();
    if (!timer) {
      moveFocus(start);
      return;
    }
    const name = projects.find((p) => p.projectId === timer.projectId)?.name ?? 'a project';
    const elapsed = h('span', { class: 'elapsed', role: 'timer', 'aria-label': 'Time on the running timer' });
    const tick = () => replace(elapsed, clock((Date.now() - Date.parse(timer.startedAt)) / 1000));
    const stop = h('button', { type: 'button', class: 'primary', text: 'Stop timer' });
    stop.addEventListener('click', () => send(stop, () => api('/api/time-entries/stop', { method: 'POST', body: {} })));
    replace(running, h('p', {}, 'Running on ', h('strong', { text: name }),
      timer.task ? ` · ${timer.task}` : '', ' '), elapsed, stop);
    tick();
    ticker = setInterval(tick, 1000);
    moveFocus(stop);
  }

  /** After a start or stop the button pressed disappears: keep the keyboard user in place. */
  function moveFocus(button) {
    if (focusAfterChange) {
      focusAfterChange = false;
      button.focus();
    }
  }

  return { element, setProjects, show, stop: () => clearInterval(ticker) };
}
