// A STOMP 1.2 client for what this page needs and no more: CONNECT with a bearer token,
// SUBSCRIBE and UNSUBSCRIBE, MESSAGE and ERROR frames from the server, heart-beats both
// ways. Reconnecting is live.js's job; a socket here lives for one connection.

const HEARTBEAT_MS = 10_000;

function escapeHeader(value) {
  return String(value).replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/:/g, '\\c');
}

function unescapeHeader(value) {
  return value.replace(/\\([\\rnc])/g, (_, code) => ({ '\\': '\\', r: '\r', n: '\n', c: ':' })[code]);
}

/** Reads one frame (without its NUL). Repeated headers keep their first value (STOMP 1.2). */
export function parseFrame(text) {
  const split = text.search(/\r?\n\r?\n/);
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split).replace(/^\r?\n\r?\n/, '');
  const [command, ...lines] = head.split(/\r?\n/);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = unescapeHeader(line.slice(0, colon));
      if (!(name in headers)) {
        headers[name] = unescapeHeader(line.slice(colon + 1));
      }
    }
  }
  return { command, headers, body };
}

export class StompSocket {
  #url;
  #handlers;
  #socket = null;
  #buffer = '';
  #lastReceived = 0;
  #timers = [];
  #done = false;

  /**
   * @param url the ws:// or wss:// address
   * @param handlers connected(frame), message(frame), error(frame), closed(reason): closed
   *   is called once, for any end that close() did not ask for
   */
  constructor(url, handlers) {
    this.#url = url;
    this.#handlers = handlers;
  }

  open(connectHeaders) {
    const socket = new WebSocket(this.#url, ['v12.stomp']);
    this.#socket = socket;
    socket.onopen = () => this.send('CONNECT', {
      'accept-version': '1.2', host: location.hostname, 'heart-beat': `${HEARTBEAT_MS},${HEARTBEAT_MS}`,
      ...connectHeaders,
    });
    socket.onmessage = (event) => this.#receive(event.data);
    socket.onclose = (event) => this.#end(event.reason || `closed (${event.code})`);
  }

  send(command, headers = {}, body = '') {
    if (this.#socket?.readyState !== WebSocket.OPEN) {
      return false;
    }
    const lines = Object.entries(headers).map(([name, value]) => `${escapeHeader(name)}:${escapeHeader(value)}`);
    this.#socket.send(`${[command, ...lines].join('\n')}\n\n${body}\0`);
    return true;
  }

  /** Closes without calling closed(): the owner asked for it. */
  close() {
    this.#done = true;
    this.#stopTimers();
    this.#socket?.close(1000);
  }

  #receive(data) {
    this.#lastReceived = Date.now();
    this.#buffer += typeof data === 'string' ? data : '';
    for (;;) {
      this.#buffer = this.#buffer.replace(/^(\r?\n)+/, '');
      const end = this.#buffer.indexOf('\0');
      if (end < 0) {
        return;
      }
      const frame = parseFrame(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 1);
      this.#dispatch(frame);
    }
  }

  #dispatch(frame) {
    if (frame.command === 'CONNECTED') {
      this.#startHeartbeats(frame.headers['heart-beat']);
      this.#handlers.connected(frame);
    } else if (frame.command === 'MESSAGE') {
      this.#handlers.message(frame);
    } else if (frame.command === 'ERROR') {
      this.#handlers.error(frame);
    }
  }

  /** Sends ours and watches the server's, as the CONNECTED frame agreed (STOMP 1.2 §heart-beating). */
  #startHeartbeats(agreed) {
    const [serverSends, serverWants] = (agreed ?? '0,0').split(',').map(Number);
    if (serverWants > 0) {
      this.#timers.push(setInterval(() => this.#socket?.readyState === WebSocket.OPEN && this.#socket.send('\n'),
        Math.max(HEARTBEAT_MS, serverWants)));
    }
    if (serverSends > 0) {
      // three intervals, as Spring's client allows: the server spreads its heart-beats
      const silence = 3 * Math.max(HEARTBEAT_MS, serverSends);
      this.#timers.push(setInterval(() => {
        if (Date.now() - this.#lastReceived > silence) {
          // A dead TCP connection may take minutes to report a close: give up on it now.
          this.#end('no heart-beat from the server');
          this.#socket?.close();
        }
      }, 1000));
    }
  }

  #stopTimers() {
    this.#timers.forEach(clearInterval);
    this.#timers = [];
  }

  #end(reason) {
    if (this.#done) {
      return;
    }
    this.#done = true;
    this.#stopTimers();
    this.#handlers.closed(reason);
  }
}
