// Power analysis for experiment-sample-size, against reference values computed independently:
// python3 with scipy 1.17.1 (scipy.stats.norm.ppf for the z values), evaluating the same textbook
// formulas by hand in Python (not through this code):
//   proportion: n = (z(1-α/2)·√(2·p̄(1-p̄)) + z(power)·√(p1(1-p1)+p2(1-p2)))² / (p2-p1)²
//   mean:       n = 2·(z(1-α/2) + z(power))²·sd² / δ²
// Each case must agree within 1 % (the result here is rounded up to a whole unit; the reference is not).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inverseNormalCdf } from '../../src/core/stats/normal.js';
import { requiredSampleSize, type PowerInputs } from '../../src/core/stats/sampleSize.js';

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= expected * 0.01, `${what}: ${actual}, reference ${expected}`);

test('inverse normal CDF matches scipy.stats.norm.ppf', () => {
  const cases: [number, number][] = [
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.8, 0.8416212335729143],
    [0.9, 1.2815515655446004],
    [0.5, 0],
    [0.01, -2.3263478740408408],
    [1e-6, -4.753424308822899],
  ];
  for (const [p, z] of cases) assert.ok(Math.abs(inverseNormalCdf(p) - z) < 1e-8, `ppf(${p}) = ${inverseNormalCdf(p)}, scipy ${z}`);
  assert.ok(Number.isNaN(inverseNormalCdf(0)) && Number.isNaN(inverseNormalCdf(1)) && Number.isNaN(inverseNormalCdf(Number.NaN)));
});

// [baseline, mde, mde type, α, power, reference n per variant (scipy)]
const PROPORTIONS: [number, number, 'relative' | 'absolute', number, number, number][] = [
  [0.01, 0.2, 'relative', 0.05, 0.8, 42692.80235923404],
  [0.02, 0.005, 'absolute', 0.05, 0.9, 18485.733702705496],
  [0.05, 0.1, 'relative', 0.05, 0.8, 31233.437940129952],
  [0.05, 0.01, 'absolute', 0.01, 0.8, 12138.849186691114],
  [0.1, 0.1, 'relative', 0.01, 0.9, 27963.3363585703],
  [0.1, 0.02, 'absolute', 0.05, 0.8, 3840.84748243627],
  [0.2, 0.05, 'relative', 0.05, 0.9, 34246.86833593501],
  [0.25, 0.03, 'absolute', 0.01, 0.9, 6437.82255323756],
  [0.3, 0.1, 'relative', 0.05, 0.8, 3762.358680695834],
  [0.4, 0.05, 'absolute', 0.05, 0.8, 1533.2765232373115],
  [0.5, 0.02, 'absolute', 0.01, 0.8, 14591.43252507879],
  [0.5, 0.1, 'relative', 0.05, 0.9, 2094.1530282026156],
  [0.042, 0.1, 'relative', 0.05, 0.8, 37512.54173194608],
];

for (const [baseline, mde, mdeType, alpha, power, reference] of PROPORTIONS) {
  test(`proportion: baseline ${baseline}, MDE ${mde} ${mdeType}, α ${alpha}, power ${power} → ${Math.ceil(reference)} per variant`, () => {
    const r = requiredSampleSize({ kind: 'proportion', baseline, mde, mdeType, alpha, power });
    assert.ok(r.ok);
    close(r.n, reference, 'n');
    assert.equal(r.n, Math.ceil(reference)); // in fact exact once rounded up
  });
}

test('a decrease is computed towards the lower rate (scipy: 3553.06 for 0.3 lowered by 10 % relative)', () => {
  const r = requiredSampleSize({
    kind: 'proportion',
    baseline: 0.3,
    mde: 0.1,
    mdeType: 'relative',
    direction: 'decrease',
    alpha: 0.05,
    power: 0.8,
  });
  assert.ok(r.ok);
  assert.equal(r.n, 3554);
  assert.equal(r.p2, 0.27);
});

test('mean metric: two-sample z-test (scipy: 1004.66 and 1904.56)', () => {
  const a = requiredSampleSize({ kind: 'mean', baseline: 40, sd: 12, mde: 1.5, mdeType: 'absolute', alpha: 0.05, power: 0.8 });
  assert.ok(a.ok);
  close(a.n, 1004.6566059966832, 'n');
  const b = requiredSampleSize({ kind: 'mean', baseline: 100, sd: 40, mde: 0.05, mdeType: 'relative', alpha: 0.01, power: 0.9 });
  assert.ok(b.ok);
  close(b.n, 1904.5615576638118, 'n');
});

test('impossible inputs give a reason, never a number', () => {
  const base: PowerInputs = {
    kind: 'proportion',
    baseline: 0.04,
    mde: 0.05,
    mdeType: 'absolute',
    direction: 'decrease',
    alpha: 0.05,
    power: 0.8,
  };
  const reasons = [
    requiredSampleSize(base),
    requiredSampleSize({ ...base, direction: 'increase', baseline: 1.5 }),
    requiredSampleSize({ ...base, kind: 'mean' }),
    requiredSampleSize({ ...base, mdeType: 'relative', baseline: 0, kind: 'mean', sd: 1 }),
    requiredSampleSize({ ...base, alpha: 0 }),
  ].map((r) => (r.ok ? `n=${r.n}` : r.reason));
  assert.deepEqual(reasons, [
    'baseline 0.04 − the MDE gives a rate of -0.01, outside 0 to 1',
    'baseline 1.5 is not a rate between 0 and 1',
    'a mean metric needs its standard deviation (sd) above 0',
    'a relative MDE of a baseline of 0 is no difference at all',
    'alpha 0 is not between 0 and 1',
  ]);
});
