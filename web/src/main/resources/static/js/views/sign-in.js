// Signing in. In local mode: pick a demo user, no token to type, and load the demo data
// with one click. With an identity provider (the demo endpoint answers 404): paste a
// bearer token.

import { api, ApiError } from '../api.js';
import { alertArea, field, h, replace } from '../dom.js';
import * as session from '../session.js';

export function mountSignIn(main, signedIn) {
  const alert = alertArea();
  const local = h('div');
  const token = h('textarea', { rows: 4, required: true, spellcheck: 'false', autocomplete: 'off' });
  const tokenForm = h('form', { class: 'card' }, h('h2', { text: 'Sign in with a token' }),
    field('Bearer token', token, 'Paste the access token your identity provider issued (a JWT).'),
    h('button', { type: 'submit', class: 'primary', text: 'Sign in' }));
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    try {
      session.signInWithToken(token.value);
      signedIn();
    } catch (error) {
      alert.show(error);
    }
  });
  main.append(h('section', { class: 'view sign-in' },
    h('h1', { tabindex: -1, text: 'Sign in to TimeLedger' }), alert.element, local, tokenForm));
  loadDemo(local, alert, signedIn);
}

async function loadDemo(local, alert, signedIn) {
  let demo;
  try {
    demo = await api('/api/dev/demo', { anonymous: true });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) {
      alert.show(error);
    }
    return;
  }
  const state = h('p', { class: 'hint' });
  const load = h('button', { type: 'button', text: 'Load the demo data' });
  const showState = (loaded) => {
    load.hidden = loaded;
    replace(state, loaded ? 'The demo data is loaded: projects, two weeks of time, decisions and a note.'
      : 'The demo tenant is empty. Load projects, two weeks of time, decisions and a note with one click.');
  };
  load.addEventListener('click', async () => {
    load.disabled = true;
    alert.clear();
    try {
      await api('/api/dev/demo', { method: 'POST', anonymous: true });
      showState(true);
    } catch (error) {
      alert.show(error);
      load.disabled = false;
    }
  });
  showState(demo.loaded);
  replace(local, h('section', { class: 'card' },
    h('h2', { text: `Pick a user of the demo tenant “${demo.tenant}”` }),
    h('p', { class: 'hint', text: 'The server runs in local mode: it signs tokens itself, nobody types one.' }),
    h('ul', { class: 'people' }, demo.users.map((user) => h('li', {},
      h('button', { type: 'button', class: 'person', onclick: () => pick(user, demo.tenant) },
        h('strong', { text: user.name }), h('span', { text: ` ${user.roles.join(', ')}` })),
      h('span', { class: 'hint', text: user.description })))),
    state, load));

  async function pick(user, tenant) {
    try {
      await session.signInAs(user, tenant);
      signedIn();
    } catch (error) {
      alert.show(error);
    }
  }
}
