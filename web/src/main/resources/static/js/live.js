// The page's one live connection: subscriptions that survive reconnects, resumed with
// `since` the last position each destination saw; reconnects with exponential backoff
// and jitter; a fresh token when the server says the old one expired; and a budget of
// frames so that the server's inbound limit (100 frames a minute) is never reached.

import { ApiError } from './api.js';
import { StompSocket } from './stomp.js';

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 10_000;
const FRAME_BUDGET = 80;
const BUDGET_WINDOW_MS = 60_000;
// A view left and opened again within this time keeps its subscription: no frames spent.
const LINGER_MS = 3_000;
// A fresh token refused again this soon means renewing does not help: stop and say so.
const RENEWED_RECENTLY_MS = 5_000;

// A trail of the connection in the browser's console (verbose level): what was
// subscribed from where, what arrived, why it closed.
const trace = (...parts) => console.debug('[live]', ...parts);

export class Live extends EventTarget {
  #url;
  #token;
  #renew;
  #socket = null;
  #state = 'idle';
  #detail = '';
  #attempt = 0;
  #retryTimer = null;
  #subscriptions = new Map();
  #ids = 0;
  #sent = [];
  #queue = [];
  #drainTimer = null;
  #lastSubscribed = null;
  #expired = false;
  #renewedAt = 0;

  /**
   * @param url the STOMP endpoint
   * @param token async () => the bearer token to connect with
   * @param renew async () => a fresh token; throws when there is none to be had
   */
  constructor({ url, token, renew }) {
    super();
    this.#url = url;
    this.#token = token;
    this.#renew = renew;
    window.addEventListener('online', () => this.#reconnectNow());
    window.addEventListener('offline', () => {
      this.#drop();
      this.#setState('offline', 'the browser is offline');
    });
  }

  get state() {
    return this.#state;
  }

  get detail() {
    return this.#detail;
  }

  /**
   * Follows a destination. listener(body) gets each message body, and {type: 'denied'}
   * when the server refuses the subscription. since: the position of the data the view
   * shows, so that nothing after it is missed.
   */
  watch(destination, listener, since = 0) {
    let subscription = this.#subscriptions.get(destination);
    if (!subscription) {
      subscription = { destination, id: null, position: 0, listeners: new Set(), linger: null, denied: null };
      this.#subscriptions.set(destination, subscription);
    }
    clearTimeout(subscription.linger);
    subscription.position = Math.max(subscription.position, since || 0);
    subscription.listeners.add(listener);
    if (subscription.denied) {
      queueMicrotask(() => listener({ type: 'denied', message: subscription.denied }));
    } else if (this.#state === 'connected' && subscription.id === null) {
      this.#subscribe(subscription);
    } else if (this.#state === 'idle') {
      this.#connect();
    }
    return {
      seen: (position) => {
        subscription.position = Math.max(subscription.position, position || 0);
      },
      close: () => this.#release(subscription, listener),
    };
  }

  /** Something else (a REST answer) showed that the server is back: do not wait for the timer. */
  nudge() {
    if (this.#state === 'reconnecting' && this.#retryTimer !== null) {
      this.#reconnectNow();
    }
  }

  stop() {
    this.#drop();
    this.#subscriptions.clear();
    this.#setState('idle', '');
  }

  #release(subscription, listener) {
    subscription.listeners.delete(listener);
    if (subscription.listeners.size > 0) {
      return;
    }
    subscription.linger = setTimeout(() => this.#forget(subscription), LINGER_MS);
  }

  /**
   * Ends a subscription that no view watches any more. Only this very one: after a
   * reconnect the destination may already have a new subscription, made by a view that
   * was opened again.
   */
  #forget(subscription) {
    clearTimeout(subscription.linger);
    if (subscription.listeners.size > 0 || this.#subscriptions.get(subscription.destination) !== subscription) {
      return;
    }
    this.#subscriptions.delete(subscription.destination);
    const { id } = subscription;
    if (id !== null) {
      this.#sendCounted(() => ['UNSUBSCRIBE', { id }]);
    }
  }

  async #connect() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    if (!navigator.onLine) {
      this.#setState('offline', 'the browser is offline');
      return;
    }
    this.#setState(this.#state === 'idle' ? 'connecting' : 'reconnecting', 'connecting…');
    let token;
    try {
      token = await this.#token();
    } catch (error) {
      // Renewing a token needs the server too: while it is away, keep trying.
      this.#retryLater(error.message);
      return;
    }
    const socket = new StompSocket(this.#url, {
      connected: () => socket === this.#socket && this.#connected(),
      message: (frame) => socket === this.#socket && this.#message(frame),
      error: (frame) => socket === this.#socket && this.#error(frame),
      closed: (reason) => socket === this.#socket && this.#closed(reason),
    });
    this.#drop();
    this.#socket = socket;
    socket.open({ Authorization: `Bearer ${token}` });
  }

  #connected() {
    this.#attempt = 0;
    this.#sent = [];
    this.#queue = [];
    this.#setState('connected', '');
    for (const subscription of [...this.#subscriptions.values()]) {
      subscription.id = null;
      if (subscription.listeners.size === 0) {
        this.#forget(subscription);
      } else if (!subscription.denied) {
        this.#subscribe(subscription);
      }
    }
  }

  #subscribe(subscription) {
    this.#ids += 1;
    const id = `sub-${this.#ids}`;
    subscription.id = id;
    this.#sendCounted(() => {
      if (subscription.id !== id) {
        return null;
      }
      this.#lastSubscribed = subscription;
      const headers = { id, destination: `/topic/${subscription.destination}` };
      if (subscription.position > 0) {
        headers.since = String(subscription.position);
      }
      trace('subscribe', id, subscription.destination, 'since', headers.since ?? '-');
      return ['SUBSCRIBE', headers];
    });
  }

  #sendCounted(frame) {
    this.#queue.push(frame);
    this.#drain();
  }

  #drain() {
    clearTimeout(this.#drainTimer);
    const now = Date.now();
    this.#sent = this.#sent.filter((time) => now - time < BUDGET_WINDOW_MS);
    while (this.#queue.length > 0 && this.#sent.length < FRAME_BUDGET && this.#state === 'connected') {
      const next = this.#queue.shift()();
      if (next && this.#socket.send(...next)) {
        this.#sent.push(now);
      }
    }
    if (this.#queue.length > 0 && this.#state === 'connected') {
      this.#drainTimer = setTimeout(() => this.#drain(), this.#sent[0] + BUDGET_WINDOW_MS - now + 50);
    }
  }

  #message(frame) {
    const subscription = [...this.#subscriptions.values()].find((s) => s.id === frame.headers.subscription);
    if (!subscription) {
      trace('message for no subscription', frame.headers.subscription);
      return;
    }
    let body;
    try {
      body = JSON.parse(frame.body);
    } catch {
      return;
    }
    trace(body.type, subscription.destination, body.position, body.cause ?? '');
    subscription.position = Math.max(subscription.position, Number(body.position ?? frame.headers.position) || 0);
    for (const listener of subscription.listeners) {
      listener(body);
    }
    this.dispatchEvent(new CustomEvent('message', { detail: body }));
  }

  #error(frame) {
    const message = frame.headers.message ?? frame.body ?? '';
    const code = message.split(':')[0].trim();
    trace('error', message);
    if (code === 'token-expired' || code === 'unauthorized') {
      this.#expired = true;
    } else if (['forbidden', 'invalid-destination', 'invalid-since'].includes(code) && this.#lastSubscribed) {
      // The refused SUBSCRIBE is the last one sent: sending it again would only repeat the refusal.
      const refused = this.#lastSubscribed;
      refused.denied = message;
      refused.listeners.forEach((listener) => listener({ type: 'denied', message }));
    }
    this.#detail = message;
  }

  async #closed(reason) {
    this.#socket = null;
    this.#subscriptions.forEach((subscription) => {
      subscription.id = null;
    });
    if (this.#expired) {
      this.#expired = false;
      await this.#renewAndConnect();
      return;
    }
    this.#retryLater(reason);
  }

  async #renewAndConnect() {
    if (Date.now() - this.#renewedAt < RENEWED_RECENTLY_MS) {
      this.#setState('offline', 'the server refused a fresh token');
      return;
    }
    try {
      await this.#renew();
      this.#renewedAt = Date.now();
      this.#attempt = 0;
      this.#connect();
    } catch (error) {
      if (error instanceof ApiError) {
        this.#retryLater(error.message);
      } else {
        this.#setState('offline', error.message);
      }
    }
  }

  #retryLater(reason) {
    if (!navigator.onLine) {
      this.#setState('offline', 'the browser is offline');
      return;
    }
    // Exponential backoff with "equal jitter": between half and all of the ceiling, so that
    // many pages that lost the same server do not all come back at the same instant.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.#attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.#attempt += 1;
    this.#setState('reconnecting', `connection lost (${reason}); next try in ${Math.ceil(delay / 1000)} s`);
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #reconnectNow() {
    if (this.#state === 'connected') {
      return;
    }
    this.#attempt = 0;
    if (this.#subscriptions.size > 0 || this.#state !== 'idle') {
      this.#connect();
    }
  }

  #drop() {
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#drainTimer);
    this.#retryTimer = null;
    const socket = this.#socket;
    this.#socket = null;
    socket?.close();
  }

  #setState(state, detail) {
    trace(state, detail);
    this.#state = state;
    this.#detail = detail;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, detail } }));
  }
}
