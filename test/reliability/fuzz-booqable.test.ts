import { FUZZ_RUNS, fuzzTrigger, targetsOf } from './fuzz';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => process.on('unhandledRejection', onRejection));
afterAll(() => process.off('unhandledRejection', onRejection));

describe.each(targetsOf('booqable'))('fuzzing $key', (target) => {
  it(`survives ${FUZZ_RUNS} generated deliveries: items with ids and every leaf, or a Zapier error naming the vendor`, async () => {
    const { emitted, runs } = await fuzzTrigger(target);
    expect(runs).toBe(FUZZ_RUNS);
    // The generator must reach the Zap often, or the leaf property would check nothing.
    expect(emitted).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(rejections).toEqual([]);
  }, 120_000);
});
