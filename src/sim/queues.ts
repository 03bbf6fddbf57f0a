/**
 * FIFO structures of the engine over typed arrays (no objects per call).
 * `TimedFifo` holds events whose times come in rising order (a constant
 * delay after the clock), so it replaces the heap for them; `WaitingLine`
 * is a queue of call slots that also lets any caller leave from the middle.
 */

/** Events pushed in time order: (time, id) pairs, earliest first. */
export class TimedFifo {
  private times = new Float64Array(64);
  private ids = new Int32Array(64);
  private head = 0;
  size = 0;

  push(time: number, id: number): void {
    if (this.size === this.times.length) this.grow();
    const at = (this.head + this.size) & (this.times.length - 1);
    this.times[at] = time;
    this.ids[at] = id;
    this.size++;
  }

  /** Time of the earliest event, +∞ when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[this.head] : Number.POSITIVE_INFINITY;
  }

  /** Removes the earliest event and returns its id. */
  shift(): number {
    const id = this.ids[this.head];
    this.head = (this.head + 1) & (this.times.length - 1);
    this.size--;
    return id;
  }

  private grow(): void {
    const cap = this.times.length;
    const times = new Float64Array(cap * 2);
    const ids = new Int32Array(cap * 2);
    for (let i = 0; i < this.size; i++) {
      times[i] = this.times[(this.head + i) & (cap - 1)];
      ids[i] = this.ids[(this.head + i) & (cap - 1)];
    }
    this.times = times;
    this.ids = ids;
    this.head = 0;
  }
}

/** Call slots in arrival order; the k-th can leave (abandon) without leaving a hole. */
export class WaitingLine {
  private items = new Int32Array(256);
  private head = 0;
  private tail = 0;

  get size(): number {
    return this.tail - this.head;
  }

  push(slot: number): void {
    if (this.tail === this.items.length) this.makeRoom();
    this.items[this.tail++] = slot;
  }

  shift(): number {
    return this.items[this.head++];
  }

  /** The k-th slot from the front (0 = next to be answered). */
  at(k: number): number {
    return this.items[this.head + k];
  }

  /** Takes the k-th slot out, moving the shorter side of the line up. */
  removeAt(k: number): void {
    const at = this.head + k;
    if (k < this.tail - at - 1) {
      this.items.copyWithin(this.head + 1, this.head, at);
      this.head++;
    } else {
      this.items.copyWithin(at, at + 1, this.tail);
      this.tail--;
    }
  }

  /** Moves the line to the front of its array, doubling the array when more than half full. */
  private makeRoom(): void {
    const size = this.size;
    if (size * 2 > this.items.length) {
      const items = new Int32Array(this.items.length * 2);
      items.set(this.items.subarray(this.head, this.tail));
      this.items = items;
    } else {
      this.items.copyWithin(0, this.head, this.tail);
    }
    this.head = 0;
    this.tail = size;
  }
}
