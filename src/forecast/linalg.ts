/**
 * The small dense linear algebra the factor model needs: the leading
 * eigenvectors of a symmetric matrix and a weighted ridge least-squares solve.
 * Matrices are arrays of rows.
 */

/**
 * An orthonormal basis of the `k` leading eigenvectors' subspace of the
 * symmetric positive semi-definite `c` (n × n), by orthogonal iteration from a
 * fixed start. Only the subspace matters to the factor model (its forecasts do
 * not change under a rotation of the factors), so no Ritz step is needed.
 */
export function leadingSubspace(c: Float64Array[], k: number, iterations = 40): Float64Array[] {
  const n = c.length;
  // A deterministic start: smooth, mutually independent columns.
  let q = Array.from({ length: k }, (_, j) =>
    Float64Array.from({ length: n }, (_, i) => Math.cos(((i + 0.5) * j * Math.PI) / n)),
  );
  orthonormalise(q);
  for (let it = 0; it < iterations; it++) {
    q = q.map((v) => {
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const row = c[i];
        let s = 0;
        for (let j = 0; j < n; j++) s += row[j] * v[j];
        w[i] = s;
      }
      return w;
    });
    orthonormalise(q);
  }
  return q;
}

/**
 * Modified Gram–Schmidt in place, projecting twice (once is not enough in
 * floating point); a column that is (numerically) in the span of the earlier
 * ones becomes zero, so a low-rank matrix gives zero extra factors.
 */
function orthonormalise(q: Float64Array[]): void {
  const norm = (v: Float64Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  q.forEach((v, j) => {
    const before = norm(v);
    for (let pass = 0; pass < 2; pass++) {
      for (let l = 0; l < j; l++) {
        const dot = q[l].reduce((a, x, i) => a + x * v[i], 0);
        for (let i = 0; i < v.length; i++) v[i] -= dot * q[l][i];
      }
    }
    const after = norm(v);
    for (let i = 0; i < v.length; i++) v[i] = after > 1e-9 * before ? v[i] / after : 0;
  });
}

/**
 * β minimising Σ wᵢ (yᵢ − aᵢ·β)² + Σ penaltyⱼ βⱼ² for each column of `ys`
 * (several responses, one design): solved from the normal equations by
 * Gaussian elimination with partial pivoting. A penalty keeps columns that
 * the data barely inform (a kind seen once) near 0 instead of exact.
 */
export function ridgeSolve(a: number[][], ys: number[][], weights: number[], penalty: number[]): number[][] {
  const p = penalty.length;
  const responses = ys[0]?.length ?? 0;
  const m = Array.from({ length: p }, (_, i) =>
    new Float64Array(p + responses).fill(0).map((_, j) => (j === i ? penalty[i] : 0)),
  );
  a.forEach((row, r) => {
    const w = weights[r];
    for (let i = 0; i < p; i++) {
      if (row[i] === 0) continue;
      const wi = w * row[i];
      for (let j = 0; j < p; j++) m[i][j] += wi * row[j];
      for (let k = 0; k < responses; k++) m[i][p + k] += wi * ys[r][k];
    }
  });
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    const d = m[col][col];
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const f = m[r][col] / d;
      if (f === 0) continue;
      for (let j = col; j < p + responses; j++) m[r][j] -= f * m[col][j];
    }
  }
  return Array.from({ length: responses }, (_, k) =>
    Array.from({ length: p }, (_, i) => (Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][p + k] / m[i][i])),
  );
}
