// Runs one view's fetch on demand, never two at a time: requests that arrive while a
// fetch runs become one more fetch afterwards, so a burst of invalidations costs at most
// one fetch in flight and one queued.

export class Refresher {
  #load;
  #merge;
  #argument;
  #running = false;
  #queued = false;
  #stopped = false;
  #done = Promise.resolve();

  /**
   * @param load async (argument) => void; handles its own errors
   * @param merge how a queued request's argument combines with a newer one: by default the
   *   highest position wins, which is what consistentWith needs
   */
  constructor(load, merge = (queued, next) => Math.max(queued ?? 0, next ?? 0)) {
    this.#load = load;
    this.#merge = merge;
  }

  /** Asks for a fetch; resolves when the fetch that covers this request is done. */
  request(argument) {
    this.#argument = this.#merge(this.#argument, argument);
    if (this.#running) {
      this.#queued = true;
      return this.#done;
    }
    this.#done = this.#run();
    return this.#done;
  }

  stop() {
    this.#stopped = true;
  }

  async #run() {
    this.#running = true;
    try {
      do {
        this.#queued = false;
        if (this.#stopped) {
          return;
        }
        await this.#load(this.#argument);
      } while (this.#queued);
    } finally {
      this.#running = false;
    }
  }
}
