/**
 * `npm run bench`: this app against references measured in the same run, on the same machine:
 * the minimal app (bench/reference: one hook trigger that returns the body), the conventional peer
 * (bench/peer.ts: our triggers, written the usual way), one of our triggers in an app of its
 * own, and (cold start only) each vendor's own app as the deploy tool stages it. It prints ratios with the spread seen; nothing here passes or fails. `--quick` does fewer
 * runs, `--no-zip` skips the zip builds, `--no-cold-counts` the instruction counts, `--json` ends the output with one JSON object.
 */
// nock first, with no connection allowed: core wraps http.request when an app runs, and nock must be
// underneath that wrapper to see the HTTP-call section's requests. Nothing here reaches a network.
require('nock').disableNetConnect();
// Loopback only: the cache stand-in (src/workbench/zcache.ts) answers z.cache there.
require('nock').enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VendorApp } from '../src/app';
import { type Handler, type HandlerEvent, lambdaHandler } from '../src/workbench/handler';
import { zapierRequest } from '../src/workbench/zapier-request';
import { startCacheStandIn } from '../src/workbench/zcache';
import { boomEnrollment, booqableOrder, claimableClaim, deliveryOf } from './deliveries';
import { countVendorCalls } from './http-calls';
import { conventionalPeer } from './peer';

// Compiled to bench/dist/bench/run.js: the project is three levels up.
const ROOT = resolve(__dirname, '..', '..', '..');
const OURS = join(ROOT, 'index.js');
const MINIMAL = join(ROOT, 'bench', 'reference', 'index.js');
const CHILD = join(__dirname, 'child.js');
const QUICK = process.argv.includes('--quick');
const JSON_OUT = process.argv.includes('--json');
const TRIGGER = 'booqable_order_updated';
// The deploy tool as npm run zip runs it: the main build's, which knows where the project is.
const { stage, targetOf, zip, zipStaged } = require(join(ROOT, 'dist', 'tools', 'deploy.js')) as typeof import('../src/tools/deploy');

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A ratio of two medians, with the spread of the per-round ratios. */
interface Ratio {
  ratio: number;
  spread: [number, number];
  target?: number;
  met?: boolean;
}
const ratioOf = (ours: readonly number[], ref: readonly number[], target?: number): Ratio => {
  const ratio = median(ours) / median(ref);
  const rounds = ours.map((o, i) => o / ref[i]!);
  const round3 = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ratio: round3(ratio),
    spread: [round3(Math.min(...rounds)), round3(Math.max(...rounds))],
    ...(target !== undefined ? { target, met: ratio <= target } : {}),
  };
};
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const show = (r: Ratio) =>
  `${r.ratio.toFixed(2)}× (spread ${r.spread[0].toFixed(2)}–${r.spread[1].toFixed(2)})${r.target !== undefined ? ` (target ≤ ${r.target}×: ${r.met ? 'met' : 'MISSED'})` : ''}`;
const say = (line = '') => process.stdout.write(`${line}\n`);

const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
const bodyFile = (name: string, body: object) => {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(body));
  return file;
};

/** One fresh process; `cwd` is where core is found, the app's own (a staged app has its own copy). */
const runChild = (app: string, trigger: string, file: string, cwd = ROOT) => {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CHILD, app, trigger, file], { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { items: number; maxRssKb: number; cpuMs: number };
  if (report.items !== 1) throw new Error(`child emitted ${report.items} items for ${trigger}`);
  return { ...report, wallMs };
};

const eventFor = (trigger: string, content: string, cache: Partial<HandlerEvent> = { zcacheTestObj: {} }): HandlerEvent => ({
  command: 'execute',
  method: `triggers.${trigger}.operation.perform`,
  bundle: { authData: {}, inputData: {}, ...zapierRequest(content, {}) },
  ...cache,
});

/**
 * CPU milliseconds per delivery through an in-process handler, one delivery per body. The events,
 * Zapier's parsing of the body included, are built before the clock starts; each delivery returns to
 * the event loop, as Zapier's runtime does between invocations.
 */
const cpuPerDelivery = async (handler: Handler, trigger: string, bodies: readonly string[]): Promise<number> => {
  const events = bodies.map((content) => eventFor(trigger, content));
  const started = process.cpuUsage();
  for (const event of events) {
    const { results } = await handler(event);
    if (!Array.isArray(results) || results.length !== 1) throw new Error(`${trigger} emitted ${JSON.stringify(results).slice(0, 80)}`);
    await new Promise((done) => setImmediate(done));
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / bodies.length;
};

const bodies = (count: number, body: (i: number) => object) => Array.from({ length: count }, (_, i) => JSON.stringify(body(i)));
const orders = (count: number, bytes = 1024) => bodies(count, (i) => booqableOrder(bytes, `notif-${i}`));

/** valgrind on the PATH (Debian's package: `sudo apt-get install valgrind`): cold starts are then counted in instructions. */
const VALGRIND = spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * What a fresh process costs to its first result: instructions under valgrind, which repeat to a
 * thousandth whatever else the machine does (`--predictable` keeps V8's own choices fixed), else
 * the child's own CPU time.
 */
const coldCost = (app: string, trigger: string, file: string, cwd = ROOT): number => {
  if (!VALGRIND) return runChild(app, trigger, file, cwd).cpuMs;
  const child = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', CHILD, app, trigger, file], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const count = /Collected : (\d+)/.exec(child.stderr)?.[1];
  const items = child.stdout.includes('"items":1');
  if (child.status !== 0 || !count || !items) throw new Error(`valgrind run of ${trigger} failed: ${child.stderr.slice(-400)}`);
  return Number(count);
};

/**
 * Cold start of each app people install (each vendor's own, as `npm run zip -- --vendor X` stages
 * it) and of the combined app, against the minimal app, paired and alternated in rounds.
 */
/** Each vendor's own app, as `npm run zip -- --vendor X` stages it (build/stage/<id>), with a delivery of one of its triggers. */
const stageVendorApps = () =>
  [
    { id: 'booqable', trigger: TRIGGER, body: booqableOrder(1024) },
    { id: 'romify', trigger: 'romify_completed_flow_all_changes', body: deliveryOf('romify_completed_flow_all_changes') },
    { id: 'boom', trigger: ONE, body: boomEnrollment() },
    { id: 'claimable', trigger: 'claimable_claim_created', body: claimableClaim() },
  ].map((app) => ({ ...app, file: bodyFile(`cold-${app.id}`, app.body), dir: stage(targetOf(app.id)) }));
type StagedApp = ReturnType<typeof stageVendorApps>[number];

const coldCounts = (staged: readonly StagedApp[]) => {
  const rounds = QUICK ? 1 : 2;
  const minimalFile = staged[0]!.file;
  const minimal: number[] = [];
  const combined: number[] = [];
  const vendors: Record<string, number[]> = Object.fromEntries(staged.map((a) => [a.id, []]));
  for (let r = 0; r < rounds; r += 1) {
    minimal.push(coldCost(MINIMAL, 'delivery', minimalFile));
    combined.push(coldCost(OURS, TRIGGER, minimalFile));
    for (const app of staged) vendors[app.id]!.push(coldCost(join(app.dir, 'index.js'), app.trigger, app.file, app.dir));
  }
  const unit = VALGRIND ? 'instructions (valgrind)' : 'CPU time of the process (valgrind is not installed: sudo apt-get install valgrind counts instructions)';
  const amount = (n: number) => (VALGRIND ? `${Math.round(n / 1e6)} M` : ms(n));
  const combinedResult = ratioOf(combined, minimal, 1.2);
  const vendorResults = Object.fromEntries(staged.map((a) => [a.id, ratioOf(vendors[a.id]!, minimal, 1.1)]));
  say(`## Cold start of the apps people install (fresh process to first result, ${unit}, ${rounds} alternated round(s))`);
  say(`minimal app ${amount(median(minimal))}`);
  for (const app of staged) say(`${app.id}'s own app (${app.trigger}): ${amount(median(vendors[app.id]!))} · ${show(vendorResults[app.id]!)}`);
  say(`combined app (${TRIGGER}): ${amount(median(combined))} · ${show(combinedResult)}`);
  say();
  return { measure: VALGRIND ? 'instructions' : 'cpu', combined: combinedResult, vendors: vendorResults };
};

const coldStart = (booqableApp: string) => {
  // A fresh process is noisy on a shared machine (single runs vary by a fifth): 21 pairs steady the median.
  const runs = QUICK ? 6 : 21;
  const file = bodyFile('cold-1kb', booqableOrder(1024));
  // Booqable's own app as `npm run zip -- --vendor booqable` stages it, for comparison (information).
  const vendorRun = () => runChild(join(booqableApp, 'index.js'), TRIGGER, file, booqableApp).wallMs;
  const ours: number[] = [];
  const ref: number[] = [];
  const vendor: number[] = [];
  runChild(OURS, TRIGGER, file); // fills the OS file cache for each
  runChild(MINIMAL, 'delivery', file);
  vendorRun();
  for (let i = 0; i < runs; i += 1) {
    ours.push(runChild(OURS, TRIGGER, file).wallMs);
    ref.push(runChild(MINIMAL, 'delivery', file).wallMs);
    vendor.push(vendorRun());
  }
  const result = ratioOf(ours, ref);
  const vendorResult = ratioOf(vendor, ref);
  say(
    `## Cold start to first result, wall time (fresh process, 1 KB Booqable delivery, ${runs} alternated runs; noisy on a shared machine: judged by the counts above)`,
  );
  say(`ours ${ms(median(ours))} · minimal app ${ms(median(ref))} · ${show(result)}`);
  say(`Booqable's own app (npm run zip -- --vendor booqable) ${ms(median(vendor))}: ${show(vendorResult)} (information)`);
  say();
  return { cold: result, vendorCold: vendorResult };
};

/** Core's compile of each definition on every invocation (createApp and prepareApp both run it), in CPU ms. */
const compileTimes = (apps: Record<string, object>) => {
  const { prepareApp } = require('zapier-platform-core/src/tools/schema') as { prepareApp: (app: object) => object };
  const times: Record<string, number> = {};
  for (const [name, app] of Object.entries(apps)) {
    const rounds: number[] = [];
    for (let r = 0; r < (QUICK ? 3 : 7); r += 1) {
      const started = process.cpuUsage();
      for (let i = 0; i < 20; i += 1) prepareApp(app);
      const used = process.cpuUsage(started);
      rounds.push((used.user + used.system) / 1000 / 20);
    }
    times[name] = Math.round(median(rounds) * 100) / 100;
  }
  return times;
};

const ONE = 'boom_enrollment_approved';
const approvals = (count: number) => bodies(count, (i) => boomEnrollment(`req-${i}`));

const warm = async (apps: { ours: VendorApp; peer: VendorApp; one: object; oneOrder: object; minimal: object }) => {
  const rounds = QUICK ? 3 : 9;
  const ours = lambdaHandler(apps.ours);
  const peer = lambdaHandler(apps.peer);
  const one = lambdaHandler(apps.one);
  const oneOrder = lambdaHandler(apps.oneOrder);
  const minimal = lambdaHandler(apps.minimal);
  // Enough deliveries a round that the minimal app's sub-millisecond figure is stable.
  const [few, many] = QUICK ? [20, 200] : [40, 1000];
  const result: Record<'ours' | 'peer' | 'one' | 'minimalOne' | 'oneOrder' | 'minimal', number[]> = {
    ours: [],
    peer: [],
    one: [],
    minimalOne: [],
    oneOrder: [],
    minimal: [],
  };
  await cpuPerDelivery(ours, TRIGGER, orders(10)); // warms each up
  await cpuPerDelivery(peer, TRIGGER, orders(10));
  await cpuPerDelivery(one, ONE, approvals(10));
  await cpuPerDelivery(oneOrder, TRIGGER, orders(10));
  await cpuPerDelivery(minimal, 'delivery', orders(10));
  for (let r = 0; r < rounds; r += 1) {
    result.ours.push(await cpuPerDelivery(ours, TRIGGER, orders(few)));
    result.peer.push(await cpuPerDelivery(peer, TRIGGER, orders(few)));
    result.one.push(await cpuPerDelivery(one, ONE, approvals(many)));
    result.minimalOne.push(await cpuPerDelivery(minimal, 'delivery', approvals(many)));
    result.oneOrder.push(await cpuPerDelivery(oneOrder, TRIGGER, orders(many)));
    result.minimal.push(await cpuPerDelivery(minimal, 'delivery', orders(many)));
  }
  const vsPeer = ratioOf(result.ours, result.peer, 0.5);
  const vsMinimal = ratioOf(result.ours, result.minimal);
  const oneVsMinimal = ratioOf(result.one, result.minimalOne, 1.5);
  const oneOrderVsMinimal = ratioOf(result.oneOrder, result.minimal);
  say(`## Warm per-delivery CPU time (in-process handler, ${rounds} alternated rounds)`);
  say(
    `Booqable order.updated 1 KB: ours ${ms(median(result.ours))} · conventional peer ${ms(median(result.peer))} · minimal app ${ms(median(result.minimal))}`,
  );
  say(`ours vs conventional peer: ${show(vsPeer)}`);
  say(`ours vs minimal app: ${show(vsMinimal)} (core compiles all ${Object.keys(apps.ours.triggers).length} triggers on every delivery: see below)`);
  say(
    `one of our triggers in an app of its own, a typical delivery (Boom enrollment_approved, ids only): ${ms(median(result.one))} vs minimal app ${ms(median(result.minimalOne))}: ${show(oneVsMinimal)}`,
  );
  say(
    `the same for our heaviest sample (Booqable order.updated, 1 KB): ${ms(median(result.oneOrder))} vs ${ms(median(result.minimal))}: ${show(oneOrderVsMinimal)}`,
  );
  // The other vendors cost the same: the compile of the definition is per delivery, whatever the trigger.
  const others: string[] = [];
  for (const [trigger, texts] of [
    ['boom_enrollment_approved', bodies(few, (i) => boomEnrollment(`req-${i}`))],
    ['claimable_claim_created', bodies(few, (i) => claimableClaim(i))],
  ] as const) {
    others.push(`${trigger} ${ms(await cpuPerDelivery(ours, trigger, texts))}`);
  }
  say(`other vendors, ours: ${others.join(' · ')}`);
  say();
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    vsPeer,
    vsMinimal,
    oneVsMinimal,
    oneOrderVsMinimal,
    ms: {
      ours: round(median(result.ours)),
      peer: round(median(result.peer)),
      minimal: round(median(result.minimal)),
      one: round(median(result.one)),
      minimalOne: round(median(result.minimalOne)),
      oneOrder: round(median(result.oneOrder)),
    },
  };
};

/**
 * Cache round trips per delivery, through a stand-in that answers as Zapier's cache does: a new
 * delivery is one `set` with `nx`; a repeat is that `set` and a read-back proving the key existed
 * (a `false` alone may mean "throttled": src/lib/dedupe.ts).
 */
const cacheCalls = async (app: VendorApp) => {
  const cache = await startCacheStandIn();
  const handler = lambdaHandler(app);
  const texts = orders(20);
  // Booqable deliveries reach a Zap through its subscription, which scopes de-duplication.
  const subscribed = (text: string) => {
    const event = eventFor(TRIGGER, text, cache.event);
    return { ...event, bundle: { ...event.bundle, subscribeData: { id: 'bench-endpoint', requestedEvents: ['order.updated'] } } };
  };
  for (const text of texts) await handler(subscribed(text));
  const perNew = cache.calls() / texts.length;
  // Each delivery again: a repeat, skipped as a duplicate.
  for (const text of texts) await handler(subscribed(text));
  const perRepeat = (cache.calls() - perNew * texts.length) / texts.length;
  await cache.close();
  say('## z.cache round trips per delivery (through a stand-in that honours nx)');
  say(`new delivery ${perNew} (target: exactly 1) · repeated delivery ${perRepeat} (the set, and the read-back that proves the repeat)`);
  say();
  return { perNew, perRepeat };
};

const scaling = async (app: VendorApp, minimal: object) => {
  const ours = lambdaHandler(app);
  const ref = lambdaHandler(minimal);
  const MB = 1024 * 1024;
  const runs = QUICK ? 2 : 4;
  const oneMb: number[] = [];
  const tenMb: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    oneMb.push(await cpuPerDelivery(ours, TRIGGER, orders(4, MB)));
    tenMb.push(await cpuPerDelivery(ours, TRIGGER, orders(1, 10 * MB)));
  }
  const refOne = await cpuPerDelivery(ref, 'delivery', orders(2, MB));
  const refTen = await cpuPerDelivery(ref, 'delivery', orders(1, 10 * MB));
  const result = ratioOf(tenMb, oneMb, 12);
  // Peak RSS of a fresh process over an idle one, in bodies: median of three processes.
  const peak = (appPath: string, trigger: string, file: string) => median([0, 1, 2].map(() => runChild(appPath, trigger, file).maxRssKb * 1024));
  const idleFile = bodyFile('idle', booqableOrder(1024));
  const bigFile = bodyFile('ten', booqableOrder(10 * MB));
  const size = statSync(bigFile).size;
  const oursPeak = (peak(OURS, TRIGGER, bigFile) - peak(OURS, TRIGGER, idleFile)) / size;
  const refPeak = (peak(MINIMAL, 'delivery', bigFile) - peak(MINIMAL, 'delivery', idleFile)) / size;
  say('## Scaling with body size (Booqable order with many lines, CPU time)');
  say(`ours 1 MB ${ms(median(oneMb))} · 10 MB ${ms(median(tenMb))} · minimal app 1 MB ${ms(refOne)} · 10 MB ${ms(refTen)}`);
  say(`10 MB / 1 MB: ${show(result)}; linear ≈ 10`);
  say(`peak memory at 10 MB over an idle process: ours ${oursPeak.toFixed(1)}× the body, minimal app ${refPeak.toFixed(1)}×`);
  say();
  return { tenMbVsOneMb: result, peakRssBodies10Mb: { ours: Math.round(oursPeak * 10) / 10, minimal: Math.round(refPeak * 10) / 10 } };
};

const zips = () => {
  const ours = statSync(zip(undefined, { quiet: true })).size;
  const minimalZip = zipStaged({ name: 'bench-minimal', configDir: join(scratch, 'no-config') }, readFileSync(MINIMAL, 'utf8'), { quiet: true });
  const minimal = statSync(minimalZip).size;
  rmSync(minimalZip);
  const result = ratioOf([ours], [minimal], 1.5);
  say('## Deployable zip (built as npm run zip builds it)');
  say(`ours ${(ours / 1024 / 1024).toFixed(2)} MB · minimal app ${(minimal / 1024 / 1024).toFixed(2)} MB · ${show(result)}`);
  say();
  return result;
};

const main = async () => {
  // Core kills a process over 450 MB RSS after 250 invocations (Zapier's guard for a Lambda
  // container); this one process runs hundreds of deliveries, ten-megabyte ones among them.
  (require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number }).KILL_MAX_LIMIT = Number.MAX_SAFE_INTEGER;
  // Core logs memory use on every invocation outside tests, as in production; every app pays it, unseen.
  console.log = () => undefined;
  say(`# Benchmark, ${new Date().toISOString()}, Node ${process.version}${QUICK ? ' (quick)' : ''}`);
  say();
  const ours = require(OURS) as VendorApp;
  const peer = await conventionalPeer(ours);
  const alone = (key: string) => ({
    version: ours.version,
    platformVersion: ours.platformVersion,
    triggers: { [key]: ours.triggers[key]! },
    hydrators: ours.hydrators,
  });
  const one = alone(ONE);
  const oneOrder = alone(TRIGGER);
  const minimal = require(MINIMAL) as object;

  const staged = stageVendorApps();
  let counts: ReturnType<typeof coldCounts> | undefined;
  let wall: ReturnType<typeof coldStart>;
  try {
    counts = process.argv.includes('--no-cold-counts') ? undefined : coldCounts(staged);
    wall = coldStart(staged.find((app) => app.id === 'booqable')!.dir);
  } finally {
    for (const app of staged) rmSync(app.dir, { recursive: true, force: true });
  }
  const { cold, vendorCold } = wall;
  const compile = compileTimes({ ours, peer, one });
  const warmResult = await warm({ ours, peer, one, oneOrder, minimal });
  say('## Core compiling the definition (prepareApp, CPU ms a compile; each delivery runs it twice)');
  say(`ours ${compile.ours} · conventional peer ${compile.peer} · one trigger alone (${ONE}) ${compile.one}`);
  say();
  const cachePerDelivery = await cacheCalls(ours);
  const scale = await scaling(ours, minimal);
  const zipResult = process.argv.includes('--no-zip') ? undefined : zips();
  say('## Vendor HTTP calls (nock-recorded; the floor is the fewest the call needs)');
  for (const line of await countVendorCalls(ours)) say(line);
  rmSync(scratch, { recursive: true, force: true });
  if (JSON_OUT) {
    say();
    say(
      JSON.stringify({
        machine: { node: process.version, cpus: require('node:os').cpus().length, quick: QUICK },
        coldMeasure: counts?.measure ?? null,
        coldVsMinimal: counts?.combined ?? null,
        vendorColdVsMinimal: counts?.vendors ?? null,
        coldWallVsMinimal: cold,
        vendorAppColdWallVsMinimal: vendorCold,
        warmVsPeer: warmResult.vsPeer,
        warmVsMinimal: warmResult.vsMinimal,
        oneTriggerVsMinimal: warmResult.oneVsMinimal,
        heaviestTriggerVsMinimal: warmResult.oneOrderVsMinimal,
        warmCpuMs: warmResult.ms,
        cacheCallsPerDelivery: cachePerDelivery.perNew,
        cacheCallsPerRepeat: cachePerDelivery.perRepeat,
        zipVsMinimal: zipResult ?? null,
        tenMbVsOneMb: scale.tenMbVsOneMb,
        peakRssBodies10Mb: scale.peakRssBodies10Mb,
        compileMs: compile,
      }),
    );
  }
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
});
