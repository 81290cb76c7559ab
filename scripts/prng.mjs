// One seeded PRNG for everything that generates test or bench input (bench/generate.mjs, scripts/fuzz-lib.mjs,
// test/support/gen-plan.ts): mulberry32, so the same seed gives the same plans on every machine.

/** mulberry32: a function returning numbers in [0, 1), the same sequence for the same 32-bit seed. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
