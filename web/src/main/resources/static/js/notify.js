// Short notices (a decision arrived, an entry was saved) in a polite live region, so that
// screen readers announce them without moving the focus. A few at most: a burst of news
// must not cover the page.

import { h } from './dom.js';

const SHOWN_MS = 8_000;
const AT_MOST = 3;

export function notify(message) {
  const region = document.getElementById('notices');
  const notice = h('p', { class: 'notice', text: message });
  region.append(notice);
  while (region.childElementCount > AT_MOST) {
    region.firstElementChild.remove();
  }
  setTimeout(() => notice.remove(), SHOWN_MS);
}
