/**
 * The event list: a binary min-heap on time over typed arrays, holding an
 * integer payload per event (kind and call packed by the engine). No objects
 * per event, so a day of millions of events makes no garbage.
 */
export class EventHeap {
  private times = new Float64Array(1024);
  private payloads = new Float64Array(1024); // exact integers to 2^53: kind + 16 · id overflows 32 bits past 134 million ids
  size = 0;

  push(time: number, payload: number): void {
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

  /** Time of the earliest event (heap must not be empty). */
  peekTime(): number {
    return this.times[0];
  }

  /** Removes the earliest event and returns its payload. */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0];
    const n = --this.size;
    const time = times[n];
    const payload = payloads[n];
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
    return top;
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
