// Keeps one view's data current. Loads it, then subscribes to its live destination with
// `since` = the position of what it shows; an invalidation refetches with
// consistentWith = its eventPosition (coalesced), a reset refetches from scratch.

import { Refresher } from './refresher.js';
import { markUpdated } from './status.js';

/**
 * @param live the connection
 * @param destination the destination without /topic/, or null for data without one
 * @param load async (consistentWith) => data with a position
 * @param show (data) => void
 * @param failed (error) => void
 * @param changed optional (message) => void, for notices
 */
export function follow({ live, destination, load, show, failed, changed }) {
  let subscription = null;
  let stopped = false;
  const refresher = new Refresher(async (position) => {
    try {
      const data = await load(position);
      if (stopped) {
        return;
      }
      console.debug('[view]', 'loaded', destination, 'at', data.position, 'consistent with', position);
      show(data);
      markUpdated();
      if (destination && !subscription) {
        subscription = live.watch(destination, receive, data.position);
      } else {
        subscription?.seen(data.position);
      }
    } catch (error) {
      if (!stopped) {
        failed(error);
      }
    }
  });

  function receive(message) {
    if (message.type === 'denied') {
      failed(new Error(`Live updates are off for this view: ${message.message}`));
      return;
    }
    changed?.(message);
    refresher.request(message.type === 'invalidate' ? message.eventPosition : 0);
  }

  refresher.request(0);
  return {
    /** After a write: fetch again, consistent with the write's position. */
    refresh: (position) => refresher.request(position),
    stop() {
      stopped = true;
      refresher.stop();
      subscription?.close();
    },
  };
}
