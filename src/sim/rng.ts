/**
 * xoshiro128** (Blackman & Vigna): fast 32-bit generator with 2^128 − 1
 * period and a jump function, so each replication gets its own stream of
 * 2^64 numbers: replication r starts r jumps after the seed's state.
 */
export interface Rng {
  /** uniform in (0, 1), never 0 or 1 */
  next(): number;
  /** 32 random bits as a signed integer (what `next` scales) */
  bits(): number;
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/** SplitMix32: spreads a 32-bit seed over the 128-bit state (never all zeros). */
function seedState(seed: number): Uint32Array {
  const s = new Uint32Array(4);
  let x = seed >>> 0;
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    s[i] = (z ^ (z >>> 16)) >>> 0;
  }
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

function step(s: Uint32Array): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function jump(s: Uint32Array): void {
  const acc = new Uint32Array(4);
  for (const word of JUMP) {
    for (let b = 0; b < 32; b++) {
      if (word & (1 << b)) for (let i = 0; i < 4; i++) acc[i] ^= s[i];
      step(s);
    }
  }
  s.set(acc);
}

/**
 * The start of the last stream asked for: replications are mostly asked for
 * in rising order (one thread, or each worker taking the next), so the next
 * one is a few jumps on, not `replication` jumps from the seed.
 */
const last = { seed: -1, replication: 0, state: new Uint32Array(4) };

/** xoshiro128** on four 32-bit words: bits() is step()'s output, next() that scaled into (0, 1). */
class Xoshiro128 implements Rng {
  private readonly s: Int32Array;
  constructor(state: Uint32Array) {
    this.s = new Int32Array(state);
  }

  next(): number {
    return ((this.bits() >>> 0) + 0.5) * 2.3283064365386963e-10; // ÷ 2^32, exact
  }

  bits(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }
}

/** The generator of replication `replication` (0, 1, …) under `seed`. */
export function replicationRng(seed: number, replication: number): Rng {
  const resume = last.seed === seed && last.replication <= replication;
  const s = resume ? last.state.slice() : seedState(seed);
  for (let r = resume ? last.replication : 0; r < replication; r++) jump(s);
  last.seed = seed;
  last.replication = replication;
  last.state.set(s);
  return new Xoshiro128(s);
}
