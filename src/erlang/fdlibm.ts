/**
 * e^x and ln x as fdlibm computes them (Sun's freely distributable libm, the
 * algorithms V8 long used for Math.exp and Math.log), in plain double
 * arithmetic: ECMA-262 leaves Math.exp and Math.log to the engine, and
 * engines differ in the last bit (Node 20 and Chromium 156 on 3–10 % of
 * arguments). A replication draws its durations through these, so its counts
 * are the same bits in the browser, the CLI and on any cluster node. Both are
 * within one unit in the last place.
 */

const word = new Float64Array(1);
const words = new Int32Array(word.buffer);
/** Which 32-bit half holds the sign and exponent: the second on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

const LN2_HI = 0.6931471803691238; // ln 2 to 32 bits: k · LN2_HI is exact for |k| < 2^20
const LN2_LO = 1.9082149292705877e-10;
const TWO54 = 1.8014398509481984e16;

// ln((1 + s)/(1 − s)) = 2s + s·R(s²): R's minimax coefficients on |s| < 0.1716
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

/** ln x; −∞ at 0, NaN below 0. */
export function log(x: number): number {
  word[0] = x;
  let hx = words[HI];
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | words[LO]) === 0) return -Infinity;
    if (hx < 0) return Number.NaN;
    k -= 54; // subnormal: scale it up
    word[0] = x * TWO54;
    hx = words[HI];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  words[HI] = hx | (i ^ 0x3ff00000); // x, or x/2, scaled into [√2/2, √2)
  k += i >> 20;
  const f = word[0] - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019411;
const INV_LN2 = Math.LOG2E;
const TWO_M1000 = 9.332636185032189e-302;
// e^r = 1 + 2r/(R(r) − r) with R's minimax coefficients on |r| < ln 2 / 2
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;

/** e^x. */
export function exp(x: number): number {
  word[0] = x;
  const sign = words[HI] >>> 31;
  const hx = words[HI] & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78, or not finite
    if (hx >= 0x7ff00000) return ((hx & 0xfffff) | words[LO]) !== 0 ? x + x : sign === 0 ? x : 0;
    if (x > OVERFLOW) return Infinity;
    if (x < UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // x = k ln 2 + r, |r| ≤ ln 2 / 2
    if (hx < 0x3ff0a2b2) {
      hi = sign === 0 ? x - LN2_HI : x + LN2_HI;
      lo = sign === 0 ? LN2_LO : -LN2_LO;
      k = 1 - sign - sign;
    } else {
      k = Math.trunc(INV_LN2 * x + (sign === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  word[0] = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    words[HI] += k << 20; // times 2^k
    return word[0];
  }
  words[HI] += (k + 1000) << 20;
  return word[0] * TWO_M1000;
}
