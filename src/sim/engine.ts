import { agentsPerInterval, ahtPerInterval, callsPerInterval, intervalCount, minutesOf } from '../scenario/day';
import type { Scenario } from '../scenario/schema';
import { type Counts, emptyCounts } from './counters';
import { type Sampler, sampler } from './distributions';
import { EventHeap } from './heap';
import { replicationRng } from './rng';

// Event kinds, packed with an id as kind + KINDS · id.
const ARRIVAL = 0;
const REDIAL = 1;
const IVR_END = 2;
const ABANDON = 3;
const SERVICE_END = 4;
const CALLBACK_END = 5;
const CALLBACK_READY = 6;
const BOUNDARY = 7;
const WINDOW_OPEN = 8;
const DEADLINE = 9;
const KINDS = 16;

// Call states.
const FREE = 0;
const IN_IVR = 1;
const QUEUED = 2;
const IN_SERVICE = 3;
const LEFT_QUEUE = 4; // abandoned, slot still referenced by the queue ring

// Customer states.
const ACTIVE = 0; // in the IVR or the queue, or due to redial
const ENDED = 1;
const AWAITING_CALLBACK = 2;

// Where a caller goes after the IVR.
const TO_AGENT = 0;
const CONTAINED = 1;
const ESCAPED = 2;

/** A growable typed array column. */
function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, need: number): T {
  if (need < a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need + 1, a.length * 2));
  b.set(a);
  return b;
}

/** A FIFO ring of call slots. */
function ring() {
  let items = new Int32Array(256);
  let head = 0;
  let size = 0;
  return {
    get size() {
      return size;
    },
    push(x: number) {
      if (size === items.length) {
        const next = new Int32Array(items.length * 2);
        for (let i = 0; i < size; i++) next[i] = items[(head + i) % items.length];
        items = next;
        head = 0;
      }
      items[(head + size) % items.length] = x;
      size++;
    },
    shift(): number {
      const x = items[head];
      head = (head + 1) % items.length;
      size--;
      return x;
    },
  };
}

/**
 * One replication of the scenario's day, event by event (DESIGN.md §4):
 * arrivals (piecewise-constant Poisson per interval, exact), IVR lines and
 * time, containment and escapes, the agent queue (escapes first, FIFO within
 * a class), patience, redials, callback offers on an estimated wait an ACD
 * could know (position × AHT ÷ agents on duty), the callback queue (idle,
 * window or dedicated) with reach probability, retries and deadline, and
 * staffing that changes at interval boundaries (an agent going off duty
 * finishes the call in hand). Returns the counters; nothing per call is kept.
 */
export function simulateReplication(s: Scenario, replication: number, onProgress?: (fraction: number) => void): Counts {
  const rng = replicationRng(s.simulation.seed, replication);
  const n = intervalCount(s);
  const L = s.intervalMinutes * 60;
  const open = minutesOf(s.day.open) * 60;
  const close = open + n * L;
  const firstCalls = callsPerInterval(s);
  const aht = ahtPerInterval(s);
  const staffing = agentsPerInterval(s);
  const counts = emptyCounts(n);
  const c = counts;

  const cb = s.callback;
  const callbacks = cb.enabled;
  const serve = cb.serve;
  const dedicated = callbacks && serve.mode === 'dedicated' ? serve.agents : 0;
  const windowStart = callbacks && serve.mode === 'window' ? minutesOf(serve.from) * 60 : close;
  const reserve = callbacks && serve.mode === 'idle' ? serve.reserveAgents : 0;
  // Requests still open at a deadline after the close are pending at the close; at or before it, they fail.
  const deadline = Math.max(open, minutesOf(cb.deadline) * 60);
  const lines = s.ivr.lines ?? Number.POSITIVE_INFINITY;
  const target = s.targets.targetSeconds;
  const containment = s.ivr.containment;
  const escapeShare = s.ivr.escape.share;
  const escapeToCallback = callbacks && s.ivr.escape.to === 'callback';
  const offerWait = cb.offerWhen.waitAboveSeconds ?? Number.POSITIVE_INFINITY;
  const offerPosition = cb.offerWhen.positionAbove ?? Number.POSITIVE_INFINITY;

  const ivrTime = sampler(s.ivr.time, s.ivr.time.meanSeconds);
  const patience = sampler(s.patience, s.patience.meanSeconds);
  const redialAbandonedDelay = sampler(s.redial.abandoned.delay, s.redial.abandoned.delay.meanSeconds);
  const redialBlockedDelay = sampler(s.redial.blocked.delay, s.redial.blocked.delay.meanSeconds);
  const maxAttempts = s.redial.maxAttempts;
  const handle: Sampler[] = aht.map((mean) => sampler(s.handleTime, mean));
  const intervalOf = (t: number) => Math.min(n - 1, Math.max(0, Math.floor((t - open) / L)));

  const events = new EventHeap();
  // Calls in the system (struct of arrays, slots reused through a free list).
  let callCustomer = new Int32Array(1024);
  let callInterval = new Int32Array(1024);
  let callState = new Uint8Array(1024);
  let callPriority = new Uint8Array(1024);
  let callEnter = new Float64Array(1024);
  let callAbandonAt = new Float64Array(1024);
  let callRoute = new Uint8Array(1024);
  const freeSlots: number[] = [];
  let slots = 0;
  // Customers: the interval of their first attempt, calls made, state.
  let customerInterval = new Int32Array(1024);
  let customerAttempts = new Int32Array(1024);
  let customerState = new Uint8Array(1024);
  let customers = 0;
  // Callback requests: customer, attempts made, still open (neither completed nor failed).
  let requestCustomer = new Int32Array(256);
  let requestAttempts = new Int32Array(256);
  let requestOpen = new Uint8Array(256);
  let requests = 0;
  const readyCallbacks = ring();
  let backlog = 0; // requested and not yet completed or failed

  const queues = [ring(), ring()]; // 0: escapes (priority), 1: others
  let waiting = 0;
  let onDuty = 0;
  let busy = 0;
  let dedicatedBusy = 0;
  let linesInUse = 0;
  let now = open;
  let current = 0; // interval whose time is being accumulated

  const newSlot = () => {
    const slot = freeSlots.length > 0 ? (freeSlots.pop() as number) : slots++;
    if (slot >= callState.length) {
      callCustomer = grow(callCustomer, slot);
      callInterval = grow(callInterval, slot);
      callState = grow(callState, slot);
      callPriority = grow(callPriority, slot);
      callEnter = grow(callEnter, slot);
      callAbandonAt = grow(callAbandonAt, slot);
      callRoute = grow(callRoute, slot);
    }
    return slot;
  };
  const release = (slot: number) => {
    callState[slot] = FREE;
    freeSlots.push(slot);
  };

  /** Moves the clock to t, adding busy, on-duty and queue time to the interval it falls in. */
  const advance = (t: number) => {
    const dt = t - now;
    if (dt > 0) {
      c.busySeconds[current] += (busy + dedicatedBusy) * dt;
      // Agents past their shift still count while they finish the call in hand.
      c.availableSeconds[current] += (Math.max(onDuty, busy) + dedicated) * dt;
      c.queueArea[current] += waiting * dt;
    }
    now = t;
  };

  const customerEnds = (customer: number, counter: Counts[keyof Counts]) => {
    customerState[customer] = ENDED;
    counter[customerInterval[customer]]++;
  };
  /** Whether a caller who was blocked or abandoned calls again: the share who would, within the attempts allowed. */
  const redials = (customer: number, share: number) => rng.next() < share && customerAttempts[customer] < maxAttempts;

  // Next first attempt after t: exact for piecewise-constant rates (memoryless restart at each boundary).
  const scheduleArrival = (t: number) => {
    let i = intervalOf(t);
    let time = t;
    while (i < n) {
      const rate = firstCalls[i] / L;
      const end = open + (i + 1) * L;
      if (rate > 0) {
        const next = time - Math.log(rng.next()) / rate;
        if (next < end) {
          events.push(next, ARRIVAL);
          return;
        }
      }
      time = end;
      i++;
    }
  };

  const arrive = (customer: number, t: number, redial: boolean) => {
    const i = intervalOf(t);
    c.calls[i]++;
    if (redial) c.redials[i]++;
    else c.firstAttempts[i]++;
    customerAttempts[customer]++;
    if (linesInUse >= lines) {
      c.blocked[i]++;
      if (redials(customer, s.redial.blocked.share)) events.push(t + redialBlockedDelay(rng), REDIAL + KINDS * customer);
      else customerEnds(customer, c.customersBlocked);
      return;
    }
    linesInUse++;
    const slot = newSlot();
    callCustomer[slot] = customer;
    callInterval[slot] = i;
    callState[slot] = IN_IVR;
    const u = rng.next();
    const route = u < containment ? CONTAINED : u < containment + escapeShare ? ESCAPED : TO_AGENT;
    callRoute[slot] = route;
    const duration = route === ESCAPED ? s.ivr.escape.afterSeconds : ivrTime(rng);
    events.push(t + duration, IVR_END + KINDS * slot);
  };

  const startService = (slot: number, t: number) => {
    const i = callInterval[slot];
    const wait = t - callEnter[slot];
    c.answered[i]++;
    if (callState[slot] === QUEUED) c.waited[i]++;
    c.waitAnswered[i] += wait;
    c.waitAll[i] += wait;
    if (wait <= target) c.answeredWithin[i]++;
    customerEnds(callCustomer[slot], c.customersAnswered);
    callState[slot] = IN_SERVICE;
    busy++;
    events.push(t + handle[i](rng), SERVICE_END + KINDS * slot);
  };

  /** The next waiting call, escapes first; abandoned slots met on the way are freed. */
  const nextWaiting = (): number => {
    for (const q of queues) {
      while (q.size > 0) {
        const slot = q.shift();
        if (callState[slot] === QUEUED) return slot;
        release(slot);
      }
    }
    return -1;
  };

  const dial = (t: number, agentIsDedicated: boolean) => {
    const request = readyCallbacks.shift();
    requestAttempts[request]++;
    c.callbackAttempts[intervalOf(t)]++;
    if (agentIsDedicated) dedicatedBusy++;
    else busy++;
    const reached = rng.next() < cb.reachProbability;
    if (reached) closeRequest(request, t, c.callbacksCompleted, c.customersCallbackCompleted);
    const duration = reached ? handle[intervalOf(t)](rng) * cb.handleTimeMultiplier : cb.unreachedAttemptSeconds;
    // The id packs the request with two flags: reached (2) and dialled by a dedicated agent (1).
    const code = request * 4 + (reached ? 2 : 0) + (agentIsDedicated ? 1 : 0);
    events.push(t + duration, CALLBACK_END + KINDS * code);
  };

  const mayDial = (t: number) => callbacks && t < deadline && readyCallbacks.size > 0;

  /** Gives free agents work: waiting calls first, then callbacks where the policy allows. */
  const dispatch = (t: number) => {
    while (busy < onDuty && waiting > 0) {
      const slot = nextWaiting();
      waiting--;
      startService(slot, t);
    }
    if (serve.mode === 'dedicated') {
      while (dedicatedBusy < dedicated && mayDial(t)) dial(t, true);
    } else if (waiting === 0 && t >= (serve.mode === 'window' ? windowStart : open)) {
      while (onDuty - busy > reserve && mayDial(t)) dial(t, false);
    }
  };

  /** A request ends, completed (the agent reached the customer) or failed, counted at that moment. */
  function closeRequest(request: number, t: number, counter: Float64Array, customerCounter: Float64Array) {
    requestOpen[request] = 0;
    backlog--;
    counter[intervalOf(t)]++;
    customerEnds(requestCustomer[request], customerCounter);
  }
  const failCallback = (request: number, t: number) => closeRequest(request, t, c.callbacksFailed, c.customersCallbackFailed);

  const leaveIvr = (slot: number, t: number) => {
    const i = callInterval[slot];
    const route = callRoute[slot];
    if (route === CONTAINED) {
      c.contained[i]++;
      customerEnds(callCustomer[slot], c.customersContained);
      linesInUse--;
      release(slot);
      return;
    }
    c.offered[i]++;
    const position = waiting + 1;
    const estimatedWait = onDuty > 0 ? (position * aht[intervalOf(t)]) / onDuty : Number.POSITIVE_INFINITY;
    const offered = route === ESCAPED ? escapeToCallback : callbacks && (estimatedWait > offerWait || position > offerPosition);
    let patienceFactor = 1;
    if (offered) {
      // No draw when nobody accepts, so such a run keeps the random stream of a run without callbacks.
      if (cb.acceptance > 0 && rng.next() < cb.acceptance) {
        c.callbacksRequested[i]++;
        if (requests >= requestCustomer.length) {
          requestCustomer = grow(requestCustomer, requests);
          requestAttempts = grow(requestAttempts, requests);
          requestOpen = grow(requestOpen, requests);
        }
        const request = requests++;
        requestCustomer[request] = callCustomer[slot];
        requestAttempts[request] = 0;
        requestOpen[request] = 1;
        customerState[callCustomer[slot]] = AWAITING_CALLBACK;
        backlog++;
        linesInUse--;
        release(slot);
        // Past the deadline a request can no longer be kept: it fails at once (as in the plan).
        if (t >= deadline) failCallback(request, t);
        else {
          readyCallbacks.push(request);
          dispatch(t);
        }
        return;
      }
      patienceFactor = cb.declinedPatienceMultiplier;
    }
    callEnter[slot] = t;
    callPriority[slot] = route === ESCAPED ? 0 : 1;
    if (busy < onDuty && waiting === 0) {
      startService(slot, t);
      return;
    }
    callState[slot] = QUEUED;
    queues[callPriority[slot]].push(slot);
    waiting++;
    const abandonAt = t + patience(rng) * patienceFactor;
    callAbandonAt[slot] = abandonAt;
    events.push(abandonAt, ABANDON + KINDS * slot);
  };

  const abandon = (slot: number, t: number) => {
    if (callState[slot] !== QUEUED || callAbandonAt[slot] !== t) return; // answered first, or a reused slot
    const i = callInterval[slot];
    const wait = t - callEnter[slot];
    c.abandoned[i]++;
    c.waited[i]++;
    c.waitAll[i] += wait;
    if (wait <= target) c.abandonedWithin[i]++;
    callState[slot] = LEFT_QUEUE;
    waiting--;
    linesInUse--;
    const customer = callCustomer[slot];
    if (redials(customer, s.redial.abandoned.share)) events.push(t + redialAbandonedDelay(rng), REDIAL + KINDS * customer);
    else customerEnds(customer, c.customersAbandoned);
  };

  const newCustomer = (t: number) => {
    if (customers >= customerInterval.length) {
      customerInterval = grow(customerInterval, customers);
      customerAttempts = grow(customerAttempts, customers);
      customerState = grow(customerState, customers);
    }
    const i = intervalOf(t);
    customerInterval[customers] = i;
    c.customers[i]++;
    return customers++;
  };

  // The day: staffing at each boundary, the callback window and deadline, the first arrival.
  for (let i = 0; i < n; i++) events.push(open + i * L, BOUNDARY + KINDS * i);
  if (callbacks && serve.mode === 'window') events.push(windowStart, WINDOW_OPEN);
  if (callbacks && deadline < close) events.push(deadline, DEADLINE);
  scheduleArrival(open);

  let steps = 0;
  while (events.size > 0 && events.peekTime() < close) {
    const t = events.peekTime();
    const payload = events.pop();
    advance(t);
    if (onProgress !== undefined && (++steps & 0x3fff) === 0) onProgress((t - open) / (close - open));
    const kind = payload % KINDS;
    const id = (payload - kind) / KINDS;
    switch (kind) {
      case ARRIVAL:
        arrive(newCustomer(t), t, false);
        scheduleArrival(t);
        break;
      case REDIAL:
        arrive(id, t, true);
        break;
      case IVR_END:
        leaveIvr(id, t);
        break;
      case ABANDON:
        abandon(id, t);
        break;
      case SERVICE_END:
        busy--;
        linesInUse--;
        release(id);
        dispatch(t);
        break;
      case CALLBACK_END: {
        const reached = (id & 2) !== 0;
        const request = id >> 2;
        if (id & 1) dedicatedBusy--;
        else busy--;
        // A reached customer was counted when reached; an attempt that did not reach them is retried or fails.
        if (!reached) {
          if (requestAttempts[request] < cb.maxAttempts && t + cb.retryDelaySeconds < deadline) {
            events.push(t + cb.retryDelaySeconds, CALLBACK_READY + KINDS * request);
          } else {
            failCallback(request, t);
          }
        }
        dispatch(t);
        break;
      }
      case CALLBACK_READY:
        readyCallbacks.push(id);
        dispatch(t);
        break;
      case BOUNDARY:
        current = id;
        c.queueAtStart[id] = waiting;
        c.backlogAtStart[id] = backlog;
        onDuty = Math.max(0, staffing[id] - dedicated);
        dispatch(t);
        break;
      case WINDOW_OPEN:
        dispatch(t);
        break;
      case DEADLINE:
        // Ready requests fail now (a retry is only scheduled before the deadline); an attempt under way fails at its end.
        while (readyCallbacks.size > 0) failCallback(readyCallbacks.shift(), t);
        break;
    }
  }
  advance(close);
  // Calls still in the IVR or the queue are carried over, counted, never dropped.
  for (let slot = 0; slot < slots; slot++) {
    if (callState[slot] === IN_IVR || callState[slot] === QUEUED) c.inSystemAtEnd[callInterval[slot]]++;
  }
  // Open requests fail at the close if their deadline has come, else they are pending (carried to the next day).
  for (let request = 0; request < requests; request++) {
    if (requestOpen[request] === 0) continue;
    if (deadline <= close) failCallback(request, close);
    else {
      requestOpen[request] = 0;
      c.callbacksPendingAtClose[n - 1]++;
    }
  }
  for (let customer = 0; customer < customers; customer++) {
    if (customerState[customer] === ACTIVE) c.customersInSystemAtEnd[customerInterval[customer]]++;
    else if (customerState[customer] === AWAITING_CALLBACK) c.customersCallbackPending[customerInterval[customer]]++;
  }
  return counts;
}
