// An auditor's view of one timesheet: every event (who did what, when) and the week as
// it was at any instant, picked with a slider over the events or typed in.

import { api, segment } from '../api.js';
import { alertArea, field, h, replace } from '../dom.js';
import { dateTime, day, duration } from '../format.js';
import { follow } from '../follow.js';
import { Refresher } from '../refresher.js';
import { currentWeek, isWeek, localDate, localTime, toInstant } from '../time.js';
import { statusBadge } from './badge.js';
import { historyTable } from './history-events.js';
import { noteList } from './week-notes.js';

function picker(user, week, zone) {
  const who = h('input', { type: 'text', required: true, value: user ?? '', autocomplete: 'off' });
  const when = h('input', { type: 'week', required: true, value: week ?? currentWeek(zone) });
  const form = h('form', { class: 'inline-form' }, field('User id', who), field('Week', when),
    h('button', { type: 'submit', text: 'Show history' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (isWeek(when.value)) {
      location.hash = `#/history/${segment(who.value.trim())}/${when.value}`;
    }
  });
  return form;
}

function asOfPanel(sheet, zone) {
  return [
    h('p', {}, 'Status: ', statusBadge(sheet.status), ` · ${duration(sheet.totalSeconds)} in ${sheet.entries.length}`,
      sheet.entries.length === 1 ? ' entry' : ' entries'),
    sheet.entries.length ? h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {},
      sheet.entries.map((e) => h('tr', {}, h('td', { text: day(localDate(e.start, zone)) }),
        h('td', { text: `${localTime(e.start, zone)}–${localTime(e.end, zone)}` }),
        h('td', { text: e.task ?? '' }), h('td', { class: 'num', text: duration(e.seconds) })))))) : null,
    noteList(sheet, zone),
  ];
}

/**
 * History times come to the millisecond while events are stored to the microsecond: the
 * event itself lies after its rounded-down time, so ask for the end of that millisecond.
 */
function throughMillisecond(instant) {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?Z$/.exec(instant);
  return match ? `${match[1]}.${(match[2] ?? '').padEnd(3, '0')}999Z` : instant;
}

export function mount(main, { user, week }, { me, live }) {
  const zone = me.zone;
  const alert = alertArea();
  main.append(h('section', { class: 'view' },
    h('header', { class: 'view-head' }, h('h1', { tabindex: -1, text: 'Timesheet history' }),
      picker(user ?? me.userId, week, zone)), alert.element));
  if (!user || !week) {
    return () => {};
  }
  const canTravel = user === me.userId || me.has('manager');
  const events = h('div', { class: 'table-wrap' }, h('p', { class: 'empty', text: 'Loading…' }));
  const slider = h('input', { type: 'range', min: 1, max: 1, value: 1, step: 1, disabled: !canTravel });
  const sliderField = field('After event', slider);
  const position = h('output', { for: slider.id });
  const instant = h('input', { type: 'datetime-local', step: 1, disabled: !canTravel });
  const go = h('button', { type: 'submit', text: 'Show', disabled: !canTravel });
  const then = h('div', { class: 'as-of' });
  const travel = h('section', { class: 'card', 'aria-labelledby': 'then-title' },
    h('h2', { id: 'then-title', text: 'The week as it was' }),
    canTravel ? null : h('p', { class: 'hint', text: 'Seeing a past state needs the manager role, or your own week.' }),
    sliderField, position,
    h('form', { class: 'inline-form' }, field('Or at this instant', instant), go), then);
  main.firstChild.append(h('p', { class: 'subtitle', text: `${user}, ${week}` }), travel, events);

  let list = [];
  let projects = new Map();
  const asOf = new Refresher(async (at) => {
    try {
      const sheet = await api(`/api/timesheets/${segment(user)}/${week}?asOf=${encodeURIComponent(at)}`);
      replace(then, h('p', {}, 'At ', h('time', { datetime: at, text: dateTime(at, zone) })), asOfPanel(sheet, zone));
    } catch (error) {
      alert.show(error);
    }
  }, (_queued, next) => next);

  function select(index) {
    slider.value = String(index + 1);
    const event = list[index];
    replace(position, `Event ${index + 1} of ${list.length}: ${event.type} by ${event.actor ?? 'the system'}`);
    renderEvents(index);
    if (canTravel) {
      asOf.request(throughMillisecond(event.occurredAt));
    }
  }

  function renderEvents(selected) {
    replace(events, list.length === 0 ? h('p', { class: 'empty', text: 'Nothing has happened in this week.' })
      : historyTable(list, { zone, projects, selected, select }));
  }

  slider.addEventListener('input', () => list.length && select(Number(slider.value) - 1));
  travel.querySelector('form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (instant.value) {
      const [date, time] = instant.value.split('T');
      asOf.request(toInstant(date, time.length === 5 ? `${time}:00` : time, zone));
    }
  });

  const history = follow({
    live,
    destination: canTravel ? `tenants/${segment(me.tenant)}/weekly-reports/${segment(user)}/${week}` : null,
    load: () => api(`/api/timesheets/${segment(user)}/${week}/history`),
    show: (answer) => {
      const following = list.length === 0 || Number(slider.value) === list.length;
      list = answer.events;
      slider.max = String(Math.max(1, list.length));
      if (list.length && following) {
        select(list.length - 1);
      } else {
        renderEvents(Number(slider.value) - 1);
      }
    },
    failed: alert.show,
  });
  api('/api/projects').then((answer) => {
    projects = new Map(answer.projects.map((p) => [p.projectId, p.name]));
    renderEvents(Number(slider.value) - 1);
  }).catch(alert.show);
  return () => {
    history.stop();
    asOf.stop();
  };
}
