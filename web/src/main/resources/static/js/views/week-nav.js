// Moving between weeks: previous, this week, next, or any week from the picker.

import { field, h } from '../dom.js';
import { day } from '../format.js';
import { addWeeks, currentWeek, daysOf, isWeek } from '../time.js';

export function weekTitle(week) {
  const days = daysOf(week);
  return `${week} · ${day(days[0])} – ${day(days[6])}`;
}

/** href(week) gives the address of the same view for another week. */
export function weekNav(week, zone, href) {
  const picker = h('input', { type: 'week', value: week, pattern: '\\d{4}-W\\d{2}', placeholder: '2026-W47' });
  picker.addEventListener('change', () => {
    if (isWeek(picker.value)) {
      location.hash = href(picker.value);
    }
  });
  const previous = addWeeks(week, -1);
  const next = addWeeks(week, 1);
  return h('nav', { class: 'week-nav', 'aria-label': 'Weeks' },
    h('a', { class: 'button', href: href(previous), 'aria-label': `Previous week (${previous})`, text: '← Previous' }),
    h('a', { class: 'button', href: href(currentWeek(zone)), text: 'This week' }),
    h('a', { class: 'button', href: href(next), 'aria-label': `Next week (${next})`, text: 'Next →' }),
    field('Go to week', picker));
}
