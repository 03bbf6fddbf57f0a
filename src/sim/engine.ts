import { sum } from 'd3-array';
import { agentsPerInterval, ahtPerInterval, callsPerInterval, intervalCount, minutesOf } from '../scenario/day';
import { MAX_INTERVALS } from '../scenario/limits';
import type { Scenario } from '../scenario/schema';
import { COUNTERS, type Counts, emptyCounts } from './counters';
import { sampler } from './distributions';
import { EventHeap } from './heap';
import { TimedFifo, WaitingLine } from './queues';
import { type Rng, replicationRng } from './rng';
import { exponential } from './ziggurat';

// Event kinds in the heap, packed with an id as kind + KINDS · id. First
// attempts, interval boundaries, IVR ends of constant length, (for
// exponential patience) abandonments and (for exponential handle times of one
// AHT) service ends are kept out of the heap.
const REDIAL = 1;
const IVR_END = 2;
const ABANDON = 3;
const SERVICE_END = 4;
const CALLBACK_END = 5;
const CALLBACK_READY = 6;
const WINDOW_OPEN = 8;
const DEADLINE = 9;
const KINDS = 16;
const SMALL_PAYLOAD = 2 ** 31; // below it, the payload unpacks with integer operations

// Where the next event comes from.
const FROM_HEAP = 0;
const FROM_ARRIVAL = 1;
const FROM_BOUNDARY = 2;
const FROM_IVR = 3;
const FROM_ESCAPE = 4;
const FROM_PATIENCE = 5;
const FROM_SERVICE = 6;

// Slots of the engine's clock array.
const NEXT_ARRIVAL = 0;
const NEXT_ABANDON = 1;
const BUSY_MOMENT = 2;
const AVAILABLE_MOMENT = 3;
const QUEUE_MOMENT = 4;
const NEXT_SERVICE_END = 5;

// Call states.
const FREE = 0;
const IN_IVR = 1;
const QUEUED = 2;
const IN_SERVICE = 3;
const LEFT_QUEUE = 4; // abandoned, slot still referenced by the queue (deadline events only)

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

/** A FIFO ring of callback requests. */
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
 *
 * Exponential patience is handled as one memoryless clock for the whole
 * queue: with W callers waiting, the next abandonment comes at rate W ÷ mean
 * patience and is a caller drawn uniformly among them (thinned where declined
 * callers have another patience), which is exact and keeps one abandonment
 * event per queued call out of the heap.
 *
 * A scenario is taken as immutable: what it fixes is worked out once, when
 * it differs (by identity) from the last one simulated on this thread.
 */
export function simulateReplication(s: Scenario, replication: number, onProgress?: (fraction: number) => void): Counts {
  engine ??= replicationEngine();
  return engine(s, replication, onProgress);
}

/**
 * The engine of this thread. Its event handlers are made once, for every
 * scenario, so the JIT compiles them once: handlers made per scenario were
 * compiled again for each (an edited scenario's first replication ran about
 * five times slower than its next ones), and per replication for each of its first few.
 */
let engine: ReturnType<typeof replicationEngine> | undefined;

function replicationEngine() {
  // What the scenario fixes (set by `configure`): the day, its intervals and the call flow's settings.
  let s!: Scenario;
  let rng: Rng = replicationRng(0, 0); // each replication sets its own
  let n!: number;
  let L!: number;
  let open!: number;
  let close!: number;
  let firstCalls!: number[];
  let meanGap!: Float64Array; // s between first attempts
  // Typed arrays, whatever numbers the scenario holds: the compiled handlers then read one kind of array.
  let aht!: Float64Array;
  let staffing!: Float64Array;
  // Counters with room for the longest day, so they are the engine's constants; a replication returns its day's part.
  const counts = emptyCounts(MAX_INTERVALS);
  const {
    calls: callsCount,
    firstAttempts: firstAttemptsCount,
    redials: redialsCount,
    blocked: blockedCount,
    offered: offeredCount,
    answered: answeredCount,
    answeredWithin: answeredWithinCount,
    waited: waitedCount,
    waitAnswered: waitAnsweredSum,
    waitAll: waitAllSum,
    abandoned: abandonedCount,
    abandonedWithin: abandonedWithinCount,
    customers: customersCount,
    customersAnswered,
    contained: containedCount,
    customersContained,
    customersAbandoned,
    customersBlocked,
  } = counts;
  const c = counts;
  let cb!: Scenario['callback'];
  let callbacks!: boolean;
  let serve!: Scenario['callback']['serve'];
  let dedicated!: number;
  let windowStart!: number;
  let reserve!: number;
  // Requests still open at a deadline after the close are pending at the close; at or before it, they fail.
  let deadline!: number;
  let lines!: number;
  let target!: number;
  let containment!: number;
  let escapeShare!: number;
  let routed!: boolean;
  let escapeSeconds!: number;
  let escapeToCallback!: boolean;
  let offerWait!: number;
  let offerPosition!: number;
  // A constant IVR time ends calls in the order they came: a FIFO, not the heap.
  let ivrConstant!: number;
  let redialAbandonedShare!: number;
  let redialBlockedShare!: number;
  let maxAttempts!: number;
  let handleExponential!: boolean;
  // Exponential handle times of one mean: the calls in service end as one memoryless clock, like patience below.
  let serviceClock!: boolean;
  let serviceRate!: number; // per call in service, under the service clock
  // Exponential patience: one clock for the queue. Rates are relative to the largest (1 ÷ mean, or that ÷ the
  // declined multiplier when it is below 1); a caller at a lower rate abandons with probability rate ÷ largest.
  let memoryless!: boolean;
  let declinedRate!: number;
  let largestRate!: number;
  let patienceRate!: number; // per caller, at the largest relative rate

  let configured: Scenario | null = null;
  const configure = (next: Scenario) => {
    s = next;
    n = intervalCount(s);
    L = s.intervalMinutes * 60;
    open = minutesOf(s.day.open) * 60;
    close = open + n * L;
    firstCalls = callsPerInterval(s);
    meanGap = Float64Array.from(firstCalls, (calls) => L / calls);
    aht = Float64Array.from(ahtPerInterval(s));
    staffing = Float64Array.from(agentsPerInterval(s));
    cb = s.callback;
    callbacks = cb.enabled;
    serve = cb.serve;
    dedicated = callbacks && serve.mode === 'dedicated' ? serve.agents : 0;
    windowStart = callbacks && serve.mode === 'window' ? minutesOf(serve.from) * 60 : close;
    reserve = callbacks && serve.mode === 'idle' ? serve.reserveAgents : 0;
    deadline = Math.max(open, minutesOf(cb.deadline) * 60);
    lines = s.ivr.lines ?? Number.POSITIVE_INFINITY;
    target = s.targets.targetSeconds;
    containment = s.ivr.containment;
    escapeShare = s.ivr.escape.share;
    routed = containment + escapeShare > 0;
    escapeSeconds = s.ivr.escape.afterSeconds;
    escapeToCallback = callbacks && s.ivr.escape.to === 'callback';
    offerWait = cb.offerWhen.waitAboveSeconds ?? Number.POSITIVE_INFINITY;
    offerPosition = cb.offerWhen.positionAbove ?? Number.POSITIVE_INFINITY;
    ivrConstant = s.ivr.time.kind === 'deterministic' ? s.ivr.time.meanSeconds : -1;
    redialAbandonedShare = s.redial.abandoned.share;
    redialBlockedShare = s.redial.blocked.share;
    maxAttempts = s.redial.maxAttempts;
    handleExponential = s.handleTime.kind === 'exponential';
    serviceClock = handleExponential && aht.every((mean) => mean === aht[0]);
    serviceRate = 1 / aht[0];
    memoryless = s.patience.kind === 'exponential';
    declinedRate = 1 / cb.declinedPatienceMultiplier;
    largestRate = Math.max(1, callbacks ? declinedRate : 1);
    patienceRate = largestRate / s.patience.meanSeconds;
    // Customers are sized for the day's expected first attempts plus six standard deviations, so they rarely grow.
    const expectedCustomers = sum(firstCalls);
    const customerRoom = Math.ceil(expectedCustomers + 6 * Math.sqrt(expectedCustomers)) + 1024;
    customerInterval = new Int32Array(customerRoom);
    customerAttempts = new Int32Array(customerRoom);
    customerState = new Uint8Array(customerRoom);
    configured = s;
  };

  // Samplers may keep a draw for the next call (normals come in pairs): each replication gets its own.
  const samplers = () => ({
    ivrTime: sampler(s.ivr.time, s.ivr.time.meanSeconds),
    patience: sampler(s.patience, s.patience.meanSeconds),
    redialAbandonedDelay: sampler(s.redial.abandoned.delay, s.redial.abandoned.delay.meanSeconds),
    redialBlockedDelay: sampler(s.redial.blocked.delay, s.redial.blocked.delay.meanSeconds),
    handle: Array.from(aht, (mean) => sampler(s.handleTime, mean)),
  });
  let draw!: ReturnType<typeof samplers>;
  const handleTime = (i: number) => (handleExponential ? aht[i] * exponential(rng) : draw.handle[i](rng));

  let events = new EventHeap();
  let ivrEnds = new TimedFifo();
  let escapeEnds = new TimedFifo();
  // Calls in the system (struct of arrays, slots reused through a free list).
  let callCustomer = new Int32Array(1024);
  let callInterval = new Int32Array(1024);
  let callState = new Uint8Array(1024);
  let callEnter = new Float64Array(1024);
  let callAbandonAt = new Float64Array(1024);
  let callRate = new Float64Array(1024); // relative abandonment rate (exponential patience)
  let callRoute = new Uint8Array(1024);
  let freeSlots = new Int32Array(1024);
  let free = 0;
  let slots = 0;
  // Customers: the interval of their first attempt, calls made, state (sized by `configure`).
  let customerInterval = new Int32Array(0);
  let customerAttempts = new Int32Array(0);
  let customerState = new Uint8Array(0);
  let customers = 0;
  // Callback requests: customer, attempts made, still open (neither completed nor failed).
  let requestCustomer = new Int32Array(256);
  let requestAttempts = new Int32Array(256);
  let requestOpen = new Uint8Array(256);
  let requests = 0;
  let readyCallbacks = ring();
  let backlog = 0; // requested and not yet completed or failed

  let escapes = new WaitingLine(); // answered first
  let others = new WaitingLine();
  let waiting = 0;
  let onDuty = 0;
  let busy = 0;
  let dedicatedBusy = 0;
  let linesInUse = 0;
  let current = 0; // the interval the clock is in
  let nextBoundary = 0;
  let intervalStart = 0;
  // The next times and the current interval's moments (below) live in one typed array: a number the
  // closures share would be a fresh heap box at each write.
  const clock = new Float64Array(6);
  clock[NEXT_ARRIVAL] = Number.POSITIVE_INFINITY;
  clock[NEXT_ABANDON] = Number.POSITIVE_INFINITY;
  clock[NEXT_SERVICE_END] = Number.POSITIVE_INFINITY;
  let serving = 0; // calls in service under the service clock

  const newSlot = () => {
    const slot = free > 0 ? freeSlots[--free] : slots++;
    if (slot >= callState.length) {
      callCustomer = grow(callCustomer, slot);
      callInterval = grow(callInterval, slot);
      callState = grow(callState, slot);
      callEnter = grow(callEnter, slot);
      callAbandonAt = grow(callAbandonAt, slot);
      callRate = grow(callRate, slot);
      callRoute = grow(callRoute, slot);
    }
    return slot;
  };
  const release = (slot: number) => {
    callState[slot] = FREE;
    if (free === freeSlots.length) freeSlots = grow(freeSlots, free);
    freeSlots[free++] = slot;
  };

  /*
   * Busy, on-duty and queue time per interval [a, b] without work at every
   * event: for a count X that changes by Δₖ at times tₖ, ∫ X dt = X(b)·(b − a)
   * − Σ Δₖ·(tₖ − a), so each change adds Δ·(t − a) to X's moment and the
   * integral is taken once, when the interval closes.
   */
  const changeBusy = (t: number, delta: number) => {
    const since = t - intervalStart;
    // Agents past their shift still count as on duty while they finish the call in hand.
    const before = onDuty > busy ? onDuty : busy;
    busy += delta;
    const after = onDuty > busy ? onDuty : busy;
    clock[BUSY_MOMENT] += delta * since;
    if (after !== before) clock[AVAILABLE_MOMENT] += (after - before) * since;
  };
  const changeDedicatedBusy = (t: number, delta: number) => {
    dedicatedBusy += delta;
    clock[BUSY_MOMENT] += delta * (t - intervalStart);
  };
  const closeIntegrals = () => {
    c.busySeconds[current] = (busy + dedicatedBusy) * L - clock[BUSY_MOMENT];
    c.availableSeconds[current] = ((onDuty > busy ? onDuty : busy) + dedicated) * L - clock[AVAILABLE_MOMENT];
    c.queueArea[current] = waiting * L - clock[QUEUE_MOMENT];
    clock[BUSY_MOMENT] = 0;
    clock[AVAILABLE_MOMENT] = 0;
    clock[QUEUE_MOMENT] = 0;
  };

  /**
   * A memoryless clock (slot `at` of `clock`) for `to` callers or calls, each
   * ending at `rate` per second, where there were `from`, at t. Its time left
   * is exponential whatever has passed, so it is rescaled to the new count (no
   * draw), or drawn afresh when there were none or it has just rung.
   */
  const resetClock = (at: number, t: number, from: number, to: number, rate: number, rang: boolean) => {
    if (to === 0) clock[at] = Number.POSITIVE_INFINITY;
    else if (from === 0 || rang) clock[at] = t + exponential(rng) / (rate * to);
    else if (to !== from) clock[at] = t + ((clock[at] - t) * from) / to;
  };

  /** The queue's length becomes w at t (the abandonment clock follows it, for exponential patience). */
  const setWaiting = (t: number, w: number, rang = false) => {
    if (memoryless) resetClock(NEXT_ABANDON, t, waiting, w, patienceRate, rang);
    clock[QUEUE_MOMENT] += (w - waiting) * (t - intervalStart);
    waiting = w;
  };

  /**
   * Under the service clock, w calls are in service from t: with w servers
   * each ending at rate 1 ÷ AHT the next end comes at rate w ÷ AHT, whichever
   * call it is (nothing about it is needed then).
   */
  const setServing = (t: number, w: number, rang = false) => {
    resetClock(NEXT_SERVICE_END, t, serving, w, serviceRate, rang);
    serving = w;
  };

  const customerEnds = (customer: number, counter: Float64Array) => {
    customerState[customer] = ENDED;
    counter[customerInterval[customer]]++;
  };
  /** Whether a caller who was blocked or abandoned calls again: the share who would, within the attempts allowed. */
  const redials = (customer: number, share: number) =>
    share > 0 && customerAttempts[customer] < maxAttempts && rng.next() < share;

  // Next first attempt after t: exact for piecewise-constant rates (memoryless restart at each boundary).
  const scheduleArrival = (t: number) => {
    let time = t;
    for (let i = current; i < n; i++) {
      const end = open + (i + 1) * L;
      if (firstCalls[i] > 0) {
        const next = time + exponential(rng) * meanGap[i];
        if (next < end) {
          clock[NEXT_ARRIVAL] = next;
          return;
        }
      }
      time = end;
    }
    clock[NEXT_ARRIVAL] = Number.POSITIVE_INFINITY;
  };

  const arrive = (customer: number, t: number, redial: boolean) => {
    const i = current;
    callsCount[i]++;
    if (redial) redialsCount[i]++;
    else firstAttemptsCount[i]++;
    customerAttempts[customer]++;
    if (linesInUse >= lines) {
      blockedCount[i]++;
      if (redials(customer, redialBlockedShare)) events.push(t + draw.redialBlockedDelay(rng), REDIAL + KINDS * customer);
      else customerEnds(customer, customersBlocked);
      return;
    }
    linesInUse++;
    const slot = newSlot();
    callCustomer[slot] = customer;
    callInterval[slot] = i;
    callState[slot] = IN_IVR;
    let route = TO_AGENT;
    if (routed) {
      const u = rng.next();
      route = u < containment ? CONTAINED : u < containment + escapeShare ? ESCAPED : TO_AGENT;
    }
    callRoute[slot] = route;
    if (route === ESCAPED) escapeEnds.push(t + escapeSeconds, slot);
    else if (ivrConstant >= 0) ivrEnds.push(t + ivrConstant, slot);
    else events.push(t + draw.ivrTime(rng), IVR_END + KINDS * slot);
  };

  const startService = (slot: number, t: number) => {
    const i = callInterval[slot];
    const wait = t - callEnter[slot];
    answeredCount[i]++;
    if (callState[slot] === QUEUED) waitedCount[i]++;
    waitAnsweredSum[i] += wait;
    waitAllSum[i] += wait;
    if (wait <= target) answeredWithinCount[i]++;
    customerEnds(callCustomer[slot], customersAnswered);
    changeBusy(t, 1);
    if (serviceClock) {
      release(slot);
      setServing(t, serving + 1);
      return;
    }
    callState[slot] = IN_SERVICE;
    events.push(t + handleTime(i), SERVICE_END + KINDS * slot);
  };

  /** The next waiting call, escapes first; abandoned slots met on the way are freed. */
  const nextWaiting = (): number => {
    while (escapes.size > 0) {
      const slot = escapes.shift();
      if (callState[slot] === QUEUED) return slot;
      release(slot);
    }
    while (others.size > 0) {
      const slot = others.shift();
      if (callState[slot] === QUEUED) return slot;
      release(slot);
    }
    return -1;
  };

  const dial = (t: number, agentIsDedicated: boolean) => {
    const request = readyCallbacks.shift();
    requestAttempts[request]++;
    c.callbackAttempts[current]++;
    if (agentIsDedicated) changeDedicatedBusy(t, 1);
    else changeBusy(t, 1);
    const reached = rng.next() < cb.reachProbability;
    if (reached) closeRequest(request, current, c.callbacksCompleted, c.customersCallbackCompleted);
    const duration = reached ? handleTime(current) * cb.handleTimeMultiplier : cb.unreachedAttemptSeconds;
    // The id packs the request with two flags: reached (2) and dialled by a dedicated agent (1).
    const code = request * 4 + (reached ? 2 : 0) + (agentIsDedicated ? 1 : 0);
    events.push(t + duration, CALLBACK_END + KINDS * code);
  };

  const mayDial = (t: number) => callbacks && t < deadline && readyCallbacks.size > 0;

  /** Gives free agents work: waiting calls first, then callbacks where the policy allows. */
  const dispatch = (t: number) => {
    if (busy < onDuty && waiting > 0) {
      let w = waiting;
      while (busy < onDuty && w > 0) {
        w--;
        startService(nextWaiting(), t);
      }
      setWaiting(t, w);
    }
    if (!callbacks) return;
    if (serve.mode === 'dedicated') {
      while (dedicatedBusy < dedicated && mayDial(t)) dial(t, true);
    } else if (waiting === 0 && t >= (serve.mode === 'window' ? windowStart : open)) {
      while (onDuty - busy > reserve && mayDial(t)) dial(t, false);
    }
  };

  /** A request ends, completed (the agent reached the customer) or failed, counted in interval i. */
  function closeRequest(request: number, i: number, counter: Float64Array, customerCounter: Float64Array) {
    requestOpen[request] = 0;
    backlog--;
    counter[i]++;
    customerEnds(requestCustomer[request], customerCounter);
  }
  const failCallback = (request: number, i: number) => closeRequest(request, i, c.callbacksFailed, c.customersCallbackFailed);

  const leaveIvr = (slot: number, t: number) => {
    const i = callInterval[slot];
    const route = callRoute[slot];
    if (route === CONTAINED) {
      containedCount[i]++;
      customerEnds(callCustomer[slot], customersContained);
      linesInUse--;
      release(slot);
      return;
    }
    offeredCount[i]++;
    let patienceFactor = 1;
    if (callbacks) {
      const position = waiting + 1;
      const estimatedWait = onDuty > 0 ? (position * aht[current]) / onDuty : Number.POSITIVE_INFINITY;
      const offered = route === ESCAPED ? escapeToCallback : estimatedWait > offerWait || position > offerPosition;
      // No draw when nobody accepts, so such a run keeps the random stream of a run without callbacks.
      if (offered && cb.acceptance > 0 && rng.next() < cb.acceptance) {
        requestCallback(slot, i, t);
        return;
      }
      if (offered) patienceFactor = cb.declinedPatienceMultiplier;
    }
    callEnter[slot] = t;
    if (busy < onDuty && waiting === 0) {
      startService(slot, t);
      return;
    }
    callState[slot] = QUEUED;
    if (route === ESCAPED) escapes.push(slot);
    else others.push(slot);
    if (memoryless) callRate[slot] = (patienceFactor === 1 ? 1 : declinedRate) / largestRate;
    else {
      const abandonAt = t + draw.patience(rng) * patienceFactor;
      callAbandonAt[slot] = abandonAt;
      events.push(abandonAt, ABANDON + KINDS * slot);
    }
    setWaiting(t, waiting + 1);
  };

  const requestCallback = (slot: number, i: number, t: number) => {
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
    if (t >= deadline) failCallback(request, current);
    else {
      readyCallbacks.push(request);
      dispatch(t);
    }
  };

  /** A queued call abandons at t: counted, its line freed, its customer redials or ends. */
  const abandon = (slot: number, t: number) => {
    const i = callInterval[slot];
    const wait = t - callEnter[slot];
    abandonedCount[i]++;
    waitedCount[i]++;
    waitAllSum[i] += wait;
    if (wait <= target) abandonedWithinCount[i]++;
    linesInUse--;
    const customer = callCustomer[slot];
    if (redials(customer, redialAbandonedShare)) events.push(t + draw.redialAbandonedDelay(rng), REDIAL + KINDS * customer);
    else customerEnds(customer, customersAbandoned);
  };

  /** The queue's clock rings: a caller drawn uniformly leaves (if the thinning keeps them). */
  const patienceRunsOut = (t: number) => {
    const k = Math.floor(rng.next() * waiting);
    const line = k < escapes.size ? escapes : others;
    const at = k < escapes.size ? k : k - escapes.size;
    const slot = line.at(at);
    const rate = callRate[slot];
    if (rate < 1 && rng.next() >= rate) {
      clock[NEXT_ABANDON] = t + exponential(rng) / (patienceRate * waiting);
      return;
    }
    line.removeAt(at);
    abandon(slot, t);
    release(slot);
    setWaiting(t, waiting - 1, true);
  };

  /** A deadline event (patience other than exponential): the call abandons if it is still queued. */
  const deadlinePasses = (slot: number, t: number) => {
    if (callState[slot] !== QUEUED || callAbandonAt[slot] !== t) return; // answered first, or a reused slot
    callState[slot] = LEFT_QUEUE;
    setWaiting(t, waiting - 1);
    abandon(slot, t);
  };

  const newCustomer = () => {
    if (customers >= customerInterval.length) {
      customerInterval = grow(customerInterval, customers);
      customerAttempts = grow(customerAttempts, customers);
      customerState = grow(customerState, customers);
    }
    customerInterval[customers] = current;
    customerAttempts[customers] = 0;
    customerState[customers] = ACTIVE;
    customersCount[current]++;
    return customers++;
  };

  const startInterval = (t: number) => {
    c.queueAtStart[current] = waiting;
    c.backlogAtStart[current] = backlog;
    onDuty = Math.max(0, staffing[current] - dedicated);
    dispatch(t);
  };

  const heapEvent = (t: number) => {
    const payload = events.take();
    let kind: number;
    let id: number;
    if (payload < SMALL_PAYLOAD) {
      kind = payload & (KINDS - 1);
      id = payload >> 4;
    } else {
      kind = payload % KINDS;
      id = (payload - kind) / KINDS;
    }
    switch (kind) {
      case SERVICE_END:
        changeBusy(t, -1);
        linesInUse--;
        release(id);
        dispatch(t);
        break;
      case REDIAL:
        arrive(id, t, true);
        break;
      case IVR_END:
        leaveIvr(id, t);
        break;
      case ABANDON:
        deadlinePasses(id, t);
        break;
      case CALLBACK_END: {
        const reached = (id & 2) !== 0;
        const request = id >> 2;
        if (id & 1) changeDedicatedBusy(t, -1);
        else changeBusy(t, -1);
        // A reached customer was counted when reached; an attempt that did not reach them is retried or fails.
        if (!reached) {
          if (requestAttempts[request] < cb.maxAttempts && t + cb.retryDelaySeconds < deadline) {
            events.push(t + cb.retryDelaySeconds, CALLBACK_READY + KINDS * request);
          } else {
            failCallback(request, current);
          }
        }
        dispatch(t);
        break;
      }
      case CALLBACK_READY:
        readyCallbacks.push(id);
        dispatch(t);
        break;
      case WINDOW_OPEN:
        dispatch(t);
        break;
      case DEADLINE:
        // Ready requests fail now (a retry is only scheduled before the deadline); an attempt under way fails at its end.
        while (readyCallbacks.size > 0) failCallback(readyCallbacks.shift(), current);
        break;
    }
  };

  return (scenario: Scenario, replication: number, onProgress?: (fraction: number) => void): Counts => {
    if (scenario !== configured) configure(scenario);
    rng = replicationRng(s.simulation.seed, replication);
    draw = samplers();
    for (const k of COUNTERS) counts[k].fill(0);
    events = new EventHeap();
    ivrEnds = new TimedFifo();
    escapeEnds = new TimedFifo();
    readyCallbacks = ring();
    escapes = new WaitingLine();
    others = new WaitingLine();
    free = 0;
    slots = 0;
    customers = 0;
    requests = 0;
    backlog = 0;
    waiting = 0;
    onDuty = 0;
    busy = 0;
    dedicatedBusy = 0;
    linesInUse = 0;
    current = 0;
    nextBoundary = open + L;
    intervalStart = open;
    clock.fill(0);
    clock[NEXT_ARRIVAL] = Number.POSITIVE_INFINITY;
    clock[NEXT_ABANDON] = Number.POSITIVE_INFINITY;
    clock[NEXT_SERVICE_END] = Number.POSITIVE_INFINITY;
    serving = 0;

    // The day: the callback window and deadline, staffing of the first interval, the first arrival.
    if (callbacks && serve.mode === 'window') events.push(windowStart, WINDOW_OPEN);
    if (callbacks && deadline < close) events.push(deadline, DEADLINE);
    startInterval(open);
    scheduleArrival(open);

    let steps = 0;
    for (;;) {
      // The earliest of the sources; a boundary goes first at a tie, so `current` is the interval of t.
      let t = clock[NEXT_ARRIVAL];
      let from = FROM_ARRIVAL;
      const heapTime = events.peekTime();
      if (heapTime < t) {
        t = heapTime;
        from = FROM_HEAP;
      }
      if (ivrEnds.size > 0 && ivrEnds.peekTime() < t) {
        t = ivrEnds.peekTime();
        from = FROM_IVR;
      }
      if (escapeEnds.size > 0 && escapeEnds.peekTime() < t) {
        t = escapeEnds.peekTime();
        from = FROM_ESCAPE;
      }
      if (clock[NEXT_ABANDON] < t) {
        t = clock[NEXT_ABANDON];
        from = FROM_PATIENCE;
      }
      if (clock[NEXT_SERVICE_END] < t) {
        t = clock[NEXT_SERVICE_END];
        from = FROM_SERVICE;
      }
      if (nextBoundary <= t) {
        t = nextBoundary;
        from = FROM_BOUNDARY;
      }
      if (t >= close) break;
      if (onProgress !== undefined && (++steps & 0x3fff) === 0) onProgress((t - open) / (close - open));
      switch (from) {
        case FROM_HEAP:
          heapEvent(t);
          break;
        case FROM_ARRIVAL:
          arrive(newCustomer(), t, false);
          scheduleArrival(t);
          break;
        case FROM_IVR:
          leaveIvr(ivrEnds.shift(), t);
          break;
        case FROM_ESCAPE:
          leaveIvr(escapeEnds.shift(), t);
          break;
        case FROM_PATIENCE:
          patienceRunsOut(t);
          break;
        case FROM_SERVICE:
          changeBusy(t, -1);
          linesInUse--;
          setServing(t, serving - 1, true);
          dispatch(t);
          break;
        case FROM_BOUNDARY:
          closeIntegrals();
          current++;
          intervalStart = t;
          nextBoundary = open + (current + 1) * L;
          startInterval(t);
          break;
      }
    }
    closeIntegrals();
    // Calls still in the IVR or the queue are carried over, counted, never dropped.
    for (let slot = 0; slot < slots; slot++) {
      if (callState[slot] === IN_IVR || callState[slot] === QUEUED) c.inSystemAtEnd[callInterval[slot]]++;
    }
    // Open requests fail at the close if their deadline has come, else they are pending (carried to the next day).
    for (let request = 0; request < requests; request++) {
      if (requestOpen[request] === 0) continue;
      if (deadline <= close) failCallback(request, n - 1);
      else {
        requestOpen[request] = 0;
        c.callbacksPendingAtClose[n - 1]++;
      }
    }
    for (let customer = 0; customer < customers; customer++) {
      if (customerState[customer] === ACTIVE) c.customersInSystemAtEnd[customerInterval[customer]]++;
      else if (customerState[customer] === AWAITING_CALLBACK) c.customersCallbackPending[customerInterval[customer]]++;
    }
    // The caller keeps the counts; the engine's own are reused by the next replication.
    return Object.fromEntries(COUNTERS.map((k) => [k, counts[k].slice(0, n)])) as Counts;
  };
}
