// A timesheet status as a coloured label; the word carries the meaning, the colour helps.

import { h } from '../dom.js';
import { status } from '../format.js';

export function statusBadge(value) {
  return h('span', { class: `badge badge-${value}`, text: status(value) });
}
