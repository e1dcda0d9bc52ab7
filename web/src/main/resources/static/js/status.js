// The connection status at a glance: connected, reconnecting or offline, and when the
// data on screen last changed.

import { replace } from './dom.js';

const LABELS = {
  idle: 'Not connected', connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function showConnection(live) {
  const state = document.getElementById('live-state');
  const box = document.getElementById('live');
  const render = () => {
    box.dataset.state = live.state;
    replace(state, LABELS[live.state] ?? live.state);
    box.title = live.detail || LABELS[live.state];
  };
  live.addEventListener('state', render);
  render();
}

export function markUpdated() {
  const updated = document.getElementById('live-updated');
  if (updated) {
    const time = new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    updated.dateTime = new Date().toISOString();
    replace(updated, `updated ${time}`);
  }
}
