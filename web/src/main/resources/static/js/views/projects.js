// The tenant's projects, each leading to its report; managers and admins create new ones.

import { api, segment } from '../api.js';
import { alertArea, field, h, replace } from '../dom.js';
import { money } from '../format.js';
import { markUpdated } from '../status.js';

export function mount(main, _params, { me }) {
  const alert = alertArea();
  const list = h('div', { class: 'table-wrap' }, h('p', { class: 'empty', text: 'Loading…' }));
  const canCreate = me.has('manager') || me.has('admin');
  main.append(h('section', { class: 'view' },
    h('header', { class: 'view-head' }, h('h1', { tabindex: -1, text: 'Projects' })),
    alert.element, list, canCreate ? createForm(load, alert) : null));

  async function load() {
    try {
      const { projects } = await api('/api/projects');
      markUpdated();
      replace(list, projects.length === 0 ? h('p', { class: 'empty', text: 'No projects yet.' })
        : h('table', {},
          h('thead', {}, h('tr', {}, ['Project', 'Client', 'Hourly rate', 'Billable', 'State']
            .map((title) => h('th', { scope: 'col', text: title })))),
          h('tbody', {}, projects.map((p) => h('tr', {},
            h('th', { scope: 'row' }, canCreate
              ? h('a', { href: `#/projects/${segment(p.projectId)}`, text: p.name }) : p.name),
            h('td', { text: p.client ?? '' }),
            h('td', { text: p.hourlyRate ? money([p.hourlyRate]) : '—' }),
            h('td', { text: p.billable ? 'yes' : 'no' }),
            h('td', { text: p.archived ? 'archived' : 'active' }))))));
    } catch (error) {
      alert.show(error);
    }
  }

  load();
  return () => {};
}

function createForm(reload, alert) {
  const name = h('input', { type: 'text', required: true, maxlength: 200 });
  const client = h('input', { type: 'text', maxlength: 200 });
  const rate = h('input', { type: 'number', min: 0, step: '0.01', inputmode: 'decimal' });
  const currency = h('input', { type: 'text', value: 'EUR', maxlength: 3, pattern: '[A-Z]{3}', size: 4 });
  const billable = h('input', { type: 'checkbox', checked: true });
  const form = h('form', { class: 'card' }, h('h2', { text: 'New project' }),
    h('div', { class: 'form-grid' }, field('Name', name), field('Client', client), field('Hourly rate', rate),
      field('Currency', currency, 'ISO code, such as EUR')),
    h('div', { class: 'field checkbox' }, h('label', {}, billable, ' Billable by default')),
    h('button', { type: 'submit', class: 'primary', text: 'Create project' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.clear();
    try {
      await api('/api/projects', { method: 'POST', body: {
        name: name.value, client: client.value || undefined, billable: billable.checked,
        hourlyRate: rate.value ? { amount: Number(rate.value), currency: currency.value } : undefined,
      } });
      form.reset();
      reload();
    } catch (error) {
      alert.show(error);
    }
  });
  return form;
}
