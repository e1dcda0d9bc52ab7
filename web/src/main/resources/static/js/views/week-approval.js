// The approval flow of a week: its status; the owner submits, a manager approves,
// rejects with a reason, or reopens.

import { api, segment } from '../api.js';
import { field, h, replace } from '../dom.js';
import { statusBadge } from './badge.js';

const SUBMITTABLE = ['open', 'rejected', 'reopened'];

/**
 * @param user the week's owner
 * @param own whether the signed-in user is the owner
 * @param manager whether the signed-in user may decide (a manager, not the owner)
 */
export function weekApproval({ user, week, own, worker, manager, written, failed }) {
  const base = `/api/timesheets/${segment(user)}/${week}`;
  const status = h('p', { class: 'status-line' });
  const actions = h('div', { class: 'actions' });
  const comment = h('textarea', { rows: 2, maxlength: 2000 });
  const decision = manager ? field('Comment or reason', comment, 'A reason is needed to reject or reopen.') : null;
  const element = h('section', { class: 'card', 'aria-labelledby': 'approval-title' },
    h('h2', { id: 'approval-title', text: 'Approval' }), status, decision, actions);

  function button(label, path, needsReason, bodyOf) {
    const control = h('button', { type: 'button', text: label });
    control.addEventListener('click', async () => {
      const text = comment.value.trim();
      if (needsReason && !text) {
        failed(new Error(`Write a reason before you ${label.toLowerCase()}.`));
        comment.focus();
        return;
      }
      control.disabled = true;
      try {
        const answer = await api(`${base}/${path}`, { method: 'POST', body: bodyOf?.(text) });
        comment.value = '';
        written(answer);
      } catch (error) {
        failed(error);
      } finally {
        control.disabled = false;
      }
    });
    return control;
  }

  function show(report) {
    replace(status, 'Status: ', statusBadge(report.status));
    const buttons = [];
    if (own && worker && SUBMITTABLE.includes(report.status)) {
      buttons.push(button('Submit week', 'submission', false));
    }
    if (manager && report.status === 'submitted') {
      buttons.push(button('Approve', 'approval', false, (text) => (text ? { comment: text } : {})));
      buttons.push(button('Reject', 'rejection', true, (text) => ({ reason: text })));
    }
    if (manager && ['submitted', 'approved'].includes(report.status)) {
      buttons.push(button('Reopen', 'reopening', true, (text) => ({ reason: text })));
    }
    if (decision) {
      decision.hidden = !buttons.length;
    }
    replace(actions, buttons.length ? buttons : h('span', { class: 'hint', text: hint(report.status) }));
  }

  function hint(value) {
    if (own && value === 'submitted') {
      return 'Waiting for a manager.';
    }
    return value === 'approved' ? 'Approved weeks are final unless a manager reopens them.' : '';
  }

  return { element, show };
}
