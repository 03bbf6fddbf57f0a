/**
 * The event list: a binary min-heap on time over typed arrays, holding an
 * integer payload per event (kind and call packed by the engine). No objects
 * per event, so a day of millions of events makes no garbage.
 *
 * An event is handled before it is removed (`take`): most handlers schedule
 * one event (a service end, the next service), which then takes the place of
 * the one handled in a single sift instead of a removal and an insertion.
 */
export class EventHeap {
  private times = new Float64Array(1024);
  private payloads = new Float64Array(1024); // exact integers to 2^53: kind + 16 · id overflows 32 bits past 134 million ids
  private size = 0;
  /** the earliest event was taken and is still in place */
  private taken = false;

  push(time: number, payload: number): void {
    if (this.taken) {
      this.taken = false;
      this.siftDown(time, payload);
      return;
    }
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const times = this.times;
    const payloads = this.payloads;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** Time of the earliest event, +∞ when there is none. */
  peekTime(): number {
    if (this.taken) this.removeTaken();
    return this.size > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  /** The earliest event's payload (the heap must not be empty); it is removed at the next push or look. */
  take(): number {
    if (this.taken) this.removeTaken();
    this.taken = true;
    return this.payloads[0];
  }

  private removeTaken(): void {
    this.taken = false;
    const n = --this.size;
    if (n > 0) this.siftDown(this.times[n], this.payloads[n]);
  }

  /** Puts (time, payload) at the root in place of what is there and restores the order. */
  private siftDown(time: number, payload: number): void {
    const times = this.times;
    const payloads = this.payloads;
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1] < times[child]) child++;
      if (times[child] >= time) break;
      times[i] = times[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const payloads = new Float64Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}
