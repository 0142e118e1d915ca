/**
 * `npm run bench`: this app against references measured in the same run, on the same machine:
 * the minimal app (bench/reference: one hook trigger that returns the body), the conventional peer
 * (bench/peer.ts: our triggers, written the usual way), one of our triggers in an app of its
 * own, and (cold start only) each vendor's own app as the deploy tool stages it. It prints ratios with the spread seen; nothing here passes or fails. `--quick` does fewer
 * runs, `--no-zip` skips the zip builds, `--no-cold-counts` the instruction counts, `--cold-of <folder>` counts another
 * checkout's build beside this one (docs/performance.md), `--cold-only` stops after the instruction counts, `--json` ends the
 * output with one JSON object.
 */
// No nock in this process: once loaded it slows every request, the cache's too. The calls that reach
// a vendor are measured by bench/calls.ts in a process of its own, with nock answering them.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { VendorApp } from '../src/app';
import { type Handler, type HandlerEvent, lambdaHandler } from '../src/workbench/handler';
import { type ExternalCache, startExternalCache } from './cache';
import { compileOnce } from './compile-once';
import { bodyOf, boomEnrollment, booqableOrder, claimableClaim, zapBundle } from './deliveries';
import { conventionalPeer } from './peer';
import { median, ms, ratioOf, say, show } from './report';

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

const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
/** A file holding the bundle of a delivery of `body` to `trigger`, for a fresh process to read. */
const bundleFile = (name: string, trigger: string, body: object) => {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(zapBundle(trigger, JSON.stringify(body))));
  return file;
};

/** The cache stand-in every delivery of the benchmark goes through, in a process of its own (started first in main). */
let cache: ExternalCache;
/** Delivery ids never repeat in a run: each delivery is new to the cache, as a first delivery is. */
let sequence = 0;
const nextId = () => (sequence += 1);

/**
 * One fresh process's command (bench/child.ts) and options, its delivery new to the cache; `cwd` is
 * where core is found, the app's own (a staged app has its own copy).
 */
const childRun = async (app: string, trigger: string, file: string, cwd: string, extraEnv: Record<string, string>) => {
  await cache.reset();
  return {
    args: [CHILD, app, trigger, file, JSON.stringify(cache.event)],
    options: { cwd, encoding: 'utf8' as const, env: { ...process.env, NODE_ENV: 'production', ...extraEnv } },
  };
};

const runChild = async (app: string, trigger: string, file: string, cwd = ROOT, extraEnv: Record<string, string> = {}) => {
  const { args, options } = await childRun(app, trigger, file, cwd, extraEnv);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, options);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { items: number; maxRssKb: number; cpuMs: number };
  if (report.items !== 1) throw new Error(`child emitted ${report.items} items for ${trigger}`);
  return { ...report, wallMs };
};

const eventFor = (trigger: string, content: string): HandlerEvent => ({
  command: 'execute',
  method: `triggers.${trigger}.operation.perform`,
  bundle: zapBundle(trigger, content),
  ...cache.event,
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
const orders = (count: number, bytes = 1024) => bodies(count, () => booqableOrder(bytes, `notif-${nextId()}`));

/** valgrind on the PATH (Debian's package: `sudo apt-get install valgrind`): cold starts are then counted in instructions. */
const VALGRIND = spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * What a fresh process costs to its first result: instructions under valgrind, which repeat to a
 * thousandth whatever else the machine does (`--predictable` keeps V8's own choices fixed), else
 * the child's own CPU time.
 */
const coldCost = async (app: string, trigger: string, file: string, cwd = ROOT, extraEnv: Record<string, string> = {}): Promise<number> => {
  if (!VALGRIND) return (await runChild(app, trigger, file, cwd, extraEnv)).cpuMs;
  const { args, options } = await childRun(app, trigger, file, cwd, extraEnv);
  const child = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', ...args], options);
  const count = /Collected : (\d+)/.exec(child.stderr)?.[1];
  const items = child.stdout.includes('"items":1');
  if (child.status !== 0 || !count || !items) throw new Error(`valgrind run of ${trigger} failed: ${child.stderr.slice(-400)}`);
  return Number(count);
};

/**
 * Where a cold start is counted: each app in a fresh folder two levels deep, as Lambda runs an app
 * from /var/task. The counts move with the folder's depth (Node resolves every module by walking up
 * its path, and past a number of walks V8 compiles the walker): the same Booqable app counted
 * 2,070 M instructions in /tmp/x/booqable and 2,113 M in <project>/build/stage/booqable, and the
 * minimal app 1,851 M and 1,861 M. At one fixed depth every clone counts the same, and every app is
 * counted at the same depth as the minimal app it is compared with.
 */
const SHALLOW = existsSync('/tmp') ? '/tmp' : tmpdir();
const taskFolder = () => mkdtempSync(join(SHALLOW, 'task-'));

/** An app staged for a cold start: its entry, the trigger it runs, its delivery's bundle file and its folder. */
interface StagedApp {
  id: string;
  trigger: string;
  file: string;
  dir: string;
}

/**
 * Each app people install (each vendor's own, as `npm run zip -- --vendor X` lays it out, and the
 * combined app) with a delivery of one of its triggers, and the minimal app, each in a task folder.
 */
const stageColdApps = () => {
  const booqable = bundleFile('cold-booqable', TRIGGER, booqableOrder(1024));
  const minimal = { id: 'minimal', trigger: 'delivery', file: booqable };
  const inTask = (app: Omit<StagedApp, 'dir'>, target: ReturnType<typeof targetOf>, index?: string): StagedApp => ({
    ...app,
    dir: stage(target, index, taskFolder()),
  });
  return {
    minimal: inTask(minimal, { name: 'bench-minimal', configDir: join(scratch, 'no-config') }, readFileSync(MINIMAL, 'utf8')),
    combined: inTask({ id: 'combined', trigger: TRIGGER, file: booqable }, targetOf(undefined)),
    vendors: [
      { id: 'booqable', trigger: TRIGGER, body: booqableOrder(1024) },
      { id: 'romify', trigger: 'romify_completed_flow_all_changes', body: bodyOf('romify_completed_flow_all_changes') },
      { id: 'boom', trigger: ONE, body: boomEnrollment() },
      { id: 'claimable', trigger: 'claimable_claim_created', body: claimableClaim() },
    ].map(({ body, ...app }) => inTask({ ...app, file: bundleFile(`cold-${app.id}`, app.trigger, body) }, targetOf(app.id))),
  };
};
type ColdApps = ReturnType<typeof stageColdApps>;

const coldOf = (app: StagedApp, extraEnv: Record<string, string> = {}) => coldCost(join(app.dir, 'index.js'), app.trigger, app.file, app.dir, extraEnv);

/**
 * `--cold-of <folder>` (once or more): another checkout's build (its `dist/`, after its own `npm run
 * build`), counted in the same task folders with the same deliveries, cache and dependencies, beside
 * this one: how a change moved each app's cold start.
 */
const OTHERS = process.argv.flatMap((arg, i) => (arg === '--cold-of' && process.argv[i + 1] ? [resolve(process.argv[i + 1]!)] : []));
/** `--cold-only`: the cold-start counts (and `--cold-of`) alone, a few minutes instead of a full run. */
const COLD_ONLY = process.argv.includes('--cold-only');

/** The app staged again with the other checkout's build in place of this one's. */
const withOtherBuild = (app: StagedApp, other: string): StagedApp => {
  const dir = taskFolder();
  cpSync(app.dir, dir, { recursive: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  cpSync(join(other, 'dist'), join(dir, 'dist'), { recursive: true, filter: (source) => !/[/\\]dist[/\\](tools|workbench)$/.test(source) });
  if (app.id === 'combined') cpSync(join(other, 'index.js'), join(dir, 'index.js'));
  return { ...app, dir };
};

const coldCounts = async ({ minimal: minimalApp, combined: combinedApp, vendors: staged }: ColdApps) => {
  const rounds = QUICK ? 1 : 2;
  const minimal: number[] = [];
  const combined: number[] = [];
  const vendors: Record<string, number[]> = Object.fromEntries(staged.map((a) => [a.id, []]));
  for (let r = 0; r < rounds; r += 1) {
    minimal.push(await coldOf(minimalApp));
    combined.push(await coldOf(combinedApp));
    for (const app of staged) vendors[app.id]!.push(await coldOf(app));
  }
  const unit = VALGRIND ? 'instructions (valgrind)' : 'CPU time of the process (valgrind is not installed: sudo apt-get install valgrind counts instructions)';
  const amount = (n: number) => (VALGRIND ? `${Math.round(n / 1e6)} M` : ms(n));
  const combinedResult = ratioOf(combined, minimal, 1.2);
  const vendorResults = Object.fromEntries(staged.map((a) => [a.id, ratioOf(vendors[a.id]!, minimal, 1.1)]));
  say(
    `## Cold start of the apps people install (fresh process to first result, each in a folder as deep as Lambda's /var/task, ${unit}, ${rounds} alternated round(s))`,
  );
  say(`minimal app ${amount(median(minimal))}`);
  for (const app of staged) say(`${app.id}'s own app (${app.trigger}): ${amount(median(vendors[app.id]!))} · ${show(vendorResults[app.id]!)}`);
  say(`combined app (${TRIGGER}): ${amount(median(combined))} · ${show(combinedResult)}`);
  say();
  const medians: Record<string, number> = {
    minimal: median(minimal),
    combined: median(combined),
    ...Object.fromEntries(staged.map((a) => [a.id, median(vendors[a.id]!)])),
  };
  return {
    measure: VALGRIND ? 'instructions' : 'cpu',
    combined: combinedResult,
    vendors: vendorResults,
    medians,
    other: await OTHERS.reduce<Promise<Record<string, Awaited<ReturnType<typeof otherCounts>>>>>(
      async (done, other) => ({ ...(await done), [other]: await otherCounts([combinedApp, ...staged], medians, other, amount) }),
      Promise.resolve({}),
    ),
  };
};

/** Each app's cold start with the other checkout's build (`--cold-of`), against this one's counted just before. */
const otherCounts = async (apps: readonly StagedApp[], ours: Record<string, number>, other: string, amount: (n: number) => string) => {
  say(`## Cold start of the same apps built from ${other} (same folders, deliveries, cache and dependencies)`);
  const result: Record<string, { ours: number; other: number; change: number }> = {};
  for (const app of apps) {
    const staged = withOtherBuild(app, other);
    try {
      const counted = await coldOf(staged);
      const change = Math.round((ours[app.id]! / counted - 1) * 10000) / 100;
      result[app.id] = { ours: ours[app.id]!, other: counted, change };
      say(`${app.id}: this build ${amount(ours[app.id]!)} · that build ${amount(counted)} · ${change >= 0 ? '+' : ''}${change.toFixed(2)} %`);
    } finally {
      rmSync(staged.dir, { recursive: true, force: true });
    }
  }
  say();
  return result;
};

const coldStart = async ({ minimal, combined, vendors }: ColdApps) => {
  // A fresh process is noisy on a shared machine (single runs vary by a fifth): 21 pairs steady the median.
  const runs = QUICK ? 6 : 21;
  const booqable = vendors.find((app) => app.id === 'booqable')!;
  const wall = async (app: StagedApp) => (await runChild(join(app.dir, 'index.js'), app.trigger, app.file, app.dir)).wallMs;
  const ours: number[] = [];
  const ref: number[] = [];
  const vendor: number[] = [];
  // Fills the OS file cache for each.
  for (const app of [combined, minimal, booqable]) await wall(app);
  for (let i = 0; i < runs; i += 1) {
    ours.push(await wall(combined));
    ref.push(await wall(minimal));
    vendor.push(await wall(booqable));
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
const approvals = (count: number) => bodies(count, () => boomEnrollment(`req-${nextId()}`));

const warm = async (apps: { ours: VendorApp; peer: VendorApp; sharingPeer: VendorApp; one: object; oneOrder: object; minimal: object }) => {
  const rounds = QUICK ? 3 : 9;
  const ours = lambdaHandler(apps.ours);
  const peer = lambdaHandler(apps.peer);
  const sharingPeer = lambdaHandler(apps.sharingPeer);
  const one = lambdaHandler(apps.one);
  const oneOrder = lambdaHandler(apps.oneOrder);
  const minimal = lambdaHandler(apps.minimal);
  // Enough deliveries a round that the minimal app's sub-millisecond figure is stable.
  const [few, many] = QUICK ? [20, 200] : [40, 1000];
  const names = ['ours', 'peer', 'sharingPeer', 'one', 'minimalOne', 'oneOrder', 'minimal'] as const;
  const result = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<(typeof names)[number], number[]>;
  await cpuPerDelivery(ours, TRIGGER, orders(10)); // warms each up
  await cpuPerDelivery(peer, TRIGGER, orders(10));
  await cpuPerDelivery(sharingPeer, TRIGGER, orders(10));
  await cpuPerDelivery(one, ONE, approvals(10));
  await cpuPerDelivery(oneOrder, TRIGGER, orders(10));
  await cpuPerDelivery(minimal, 'delivery', orders(10));
  for (let r = 0; r < rounds; r += 1) {
    result.ours.push(await cpuPerDelivery(ours, TRIGGER, orders(few)));
    result.peer.push(await cpuPerDelivery(peer, TRIGGER, orders(few)));
    result.sharingPeer.push(await cpuPerDelivery(sharingPeer, TRIGGER, orders(few)));
    result.one.push(await cpuPerDelivery(one, ONE, approvals(many)));
    result.minimalOne.push(await cpuPerDelivery(minimal, 'delivery', approvals(many)));
    result.oneOrder.push(await cpuPerDelivery(oneOrder, TRIGGER, orders(many)));
    result.minimal.push(await cpuPerDelivery(minimal, 'delivery', orders(many)));
  }
  const vsSharingPeer = ratioOf(result.ours, result.sharingPeer, 0.6);
  const vsPeer = ratioOf(result.ours, result.peer);
  const vsMinimal = ratioOf(result.ours, result.minimal);
  const oneVsMinimal = ratioOf(result.one, result.minimalOne, 1.5);
  const oneOrderVsMinimal = ratioOf(result.oneOrder, result.minimal);
  say(`## Warm per-delivery CPU time (in-process handler, every delivery through the cache stand-in, ${rounds} alternated rounds)`);
  say(
    `Booqable order.updated 1 KB: ours ${ms(median(result.ours))} · field-sharing peer ${ms(median(result.sharingPeer))} · conventional peer ${ms(median(result.peer))} · minimal app ${ms(median(result.minimal))}`,
  );
  say(`ours vs field-sharing peer (the stronger): ${show(vsSharingPeer)}`);
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
    ['boom_enrollment_approved', approvals(few)],
    ['claimable_claim_created', bodies(few, () => claimableClaim(nextId()))],
  ] as const) {
    others.push(`${trigger} ${ms(await cpuPerDelivery(ours, trigger, texts))}`);
  }
  say(`other vendors, ours: ${others.join(' · ')}`);
  say();
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    vsSharingPeer,
    vsPeer,
    vsMinimal,
    oneVsMinimal,
    oneOrderVsMinimal,
    ms: Object.fromEntries(names.map((name) => [name, round(median(result[name]))])),
  };
};

/**
 * Cache round trips per delivery, counted by the stand-in, which answers as Zapier's cache does: a
 * new delivery is one `set` with `nx`; a repeat is that `set` and a read-back proving the key
 * existed (a `false` alone may mean "throttled": src/lib/dedupe.ts).
 */
const cacheCalls = async (app: VendorApp) => {
  const handler = lambdaHandler(app);
  const texts = orders(20);
  const before = await cache.calls();
  for (const text of texts) await handler(eventFor(TRIGGER, text));
  const afterNew = await cache.calls();
  // Each delivery again: a repeat, skipped as a duplicate.
  for (const text of texts) await handler(eventFor(TRIGGER, text));
  const perNew = (afterNew - before) / texts.length;
  const perRepeat = ((await cache.calls()) - afterNew) / texts.length;
  say('## z.cache round trips per delivery (through a stand-in that honours nx)');
  say(`new delivery ${perNew} (target: exactly 1) · repeated delivery ${perRepeat} (the set, and the read-back that proves the repeat)`);
  say();
  return { perNew: { ratio: perNew, spread: [perNew, perNew] as [number, number], target: 1, met: perNew === 1 }, perRepeat };
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
  const peak = async (appPath: string, trigger: string, file: string) => {
    const each: number[] = [];
    for (let i = 0; i < 3; i += 1) each.push((await runChild(appPath, trigger, file)).maxRssKb * 1024);
    return median(each);
  };
  const idleFile = bundleFile('idle', TRIGGER, booqableOrder(1024));
  const bigFile = bundleFile('ten', TRIGGER, booqableOrder(10 * MB));
  const size = statSync(bigFile).size;
  const oursPeak = ((await peak(OURS, TRIGGER, bigFile)) - (await peak(OURS, TRIGGER, idleFile))) / size;
  const refPeak = ((await peak(MINIMAL, 'delivery', bigFile)) - (await peak(MINIMAL, 'delivery', idleFile))) / size;
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

/**
 * The change only core can make, measured here and never shipped (bench/compile-once.ts): the
 * definition compiled once per process instead of twice per invocation. Cold starts by instruction
 * count (where valgrind is installed) and warm deliveries, ours and the minimal app's, each
 * against the same run without it.
 */
const coldOnce = async ({ minimal, combined, vendors }: ColdApps) => {
  if (!VALGRIND) return undefined;
  const once = { BENCH_COMPILE_ONCE: '1' };
  return {
    minimal: await coldOf(minimal, once),
    booqable: await coldOf(vendors.find((app) => app.id === 'booqable')!, once),
    combined: await coldOf(combined, once),
  };
};

const coreProposal = async (
  cold: Awaited<ReturnType<typeof coldOnce>>,
  apps: { ours: VendorApp; minimal: object },
  current: { cold?: Record<string, number>; warm: { ours: number; minimal: number } },
) => {
  const restore = compileOnce(require.resolve('zapier-platform-core/src/tools/schema'));
  const rounds = QUICK ? 3 : 7;
  const ours: number[] = [];
  const ref: number[] = [];
  try {
    const oursHandler = lambdaHandler(apps.ours);
    const minimalHandler = lambdaHandler(apps.minimal);
    await cpuPerDelivery(oursHandler, TRIGGER, orders(10));
    await cpuPerDelivery(minimalHandler, 'delivery', orders(10));
    for (let r = 0; r < rounds; r += 1) {
      ours.push(await cpuPerDelivery(oursHandler, TRIGGER, orders(QUICK ? 50 : 200)));
      ref.push(await cpuPerDelivery(minimalHandler, 'delivery', orders(QUICK ? 200 : 1000)));
    }
  } finally {
    restore();
  }
  const warmRatio = ratioOf(ours, ref);
  say('## What core could change (measured with core patched in this run only, never shipped: bench/compile-once.ts)');
  say(
    'zapier-platform-core 19 compiles the definition twice per invocation (src/create-app.js createApp, and src/tools/create-lambda-handler.js, whose TODO names it); kept per definition, once per process:',
  );
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const result: Record<string, unknown> = {
    warmCpuMs: { ours: round(median(ours)), minimal: round(median(ref)), oursNow: current.warm.ours, minimalNow: current.warm.minimal },
    warmVsMinimal: warmRatio,
  };
  say(
    `warm Booqable order.updated 1 KB: ours ${ms(median(ours))} (now ${ms(current.warm.ours)}) · minimal app ${ms(median(ref))} (now ${ms(current.warm.minimal)}) · ours vs minimal ${show(warmRatio)}`,
  );
  if (cold && current.cold) {
    const now = current.cold;
    const line = (name: string, value: number, was: number) => `${name} ${Math.round(value / 1e6)} M (now ${Math.round(was / 1e6)} M)`;
    say(
      `cold, instructions: ${line('minimal', cold.minimal, now.minimal!)} · ${line("Booqable's own app", cold.booqable, now.booqable!)} ${(cold.booqable / cold.minimal).toFixed(3)}× · ${line('combined', cold.combined, now.combined!)} ${(cold.combined / cold.minimal).toFixed(3)}×`,
    );
    result.coldInstructions = { ...cold, now };
    result.coldVsMinimal = { booqable: round(cold.booqable / cold.minimal), combined: round(cold.combined / cold.minimal) };
  }
  say();
  return result;
};

/** Lookups, editor calls and the vendor requests they make (bench/calls.ts, a process of its own): its report, and its figures. */
const invocations = () => {
  const child = spawnSync(process.execPath, [join(__dirname, 'calls.js'), ...(QUICK ? ['--quick'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench/calls.ts failed: ${child.stderr}`);
  const lines = child.stdout.trimEnd().split('\n');
  for (const line of lines.slice(0, -1)) say(line);
  say();
  return JSON.parse(lines.at(-1)!) as Record<'lookupVsMinimal' | 'lookupsVsMinimal' | 'editorCallsVsMinimal' | 'callsVsMinimalSameCall', unknown>;
};

const main = async () => {
  // Core kills a process over 450 MB RSS after 250 invocations (Zapier's guard for a Lambda
  // container); this one process runs hundreds of deliveries, ten-megabyte ones among them.
  (require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number }).KILL_MAX_LIMIT = Number.MAX_SAFE_INTEGER;
  // Core logs memory use on every invocation outside tests, as in production; every app pays it, unseen.
  console.log = () => undefined;
  say(`# Benchmark, ${new Date().toISOString()}, Node ${process.version}${QUICK ? ' (quick)' : ''}`);
  say();
  cache = await startExternalCache();
  const ours = require(OURS) as VendorApp;
  const peer = await conventionalPeer(ours);
  const sharingPeer = await conventionalPeer(ours, { share: true });
  const alone = (key: string) => ({
    version: ours.version,
    platformVersion: ours.platformVersion,
    triggers: { [key]: ours.triggers[key]! },
    hydrators: ours.hydrators,
  });
  const one = alone(ONE);
  const oneOrder = alone(TRIGGER);
  const minimal = require(MINIMAL) as object;

  const staged = stageColdApps();
  let counts: Awaited<ReturnType<typeof coldCounts>> | undefined;
  let wall: Awaited<ReturnType<typeof coldStart>>;
  let once: Awaited<ReturnType<typeof coldOnce>>;
  try {
    counts = process.argv.includes('--no-cold-counts') ? undefined : await coldCounts(staged);
    if (COLD_ONLY) {
      if (JSON_OUT)
        say(JSON.stringify({ coldMeasure: counts?.measure ?? null, coldInstructionsOfEach: counts?.medians ?? null, coldVsOtherBuild: counts?.other ?? null }));
      return;
    }
    once = counts ? await coldOnce(staged) : undefined;
    wall = await coldStart(staged);
  } finally {
    for (const app of [staged.minimal, staged.combined, ...staged.vendors]) rmSync(app.dir, { recursive: true, force: true });
    if (COLD_ONLY) {
      rmSync(scratch, { recursive: true, force: true });
      cache.close();
    }
  }
  const { cold, vendorCold } = wall;
  const compile = compileTimes({ ours, sharingPeer, peer, one });
  const warmResult = await warm({ ours, peer, sharingPeer, one, oneOrder, minimal });
  say('## Core compiling the definition (prepareApp, CPU ms a compile; each delivery runs it twice)');
  say(`ours ${compile.ours} · field-sharing peer ${compile.sharingPeer} · conventional peer ${compile.peer} · one trigger alone (${ONE}) ${compile.one}`);
  say();
  const cachePerDelivery = await cacheCalls(ours);
  const calls = invocations();
  const core = await coreProposal(once, { ours, minimal }, { cold: counts?.medians, warm: { ours: warmResult.ms.ours!, minimal: warmResult.ms.minimal! } });
  const scale = await scaling(ours, minimal);
  const zipResult = process.argv.includes('--no-zip') ? undefined : zips();
  rmSync(scratch, { recursive: true, force: true });
  cache.close();
  if (JSON_OUT) {
    say();
    say(
      JSON.stringify({
        machine: { node: process.version, cpus: require('node:os').cpus().length, quick: QUICK },
        coldMeasure: counts?.measure ?? null,
        coldVsMinimal: counts?.combined ?? null,
        vendorColdVsMinimal: counts?.vendors ?? null,
        coldInstructionsOfEach: counts?.medians ?? null,
        coldVsOtherBuild: counts?.other ?? null,
        coldWallVsMinimal: cold,
        vendorAppColdWallVsMinimal: vendorCold,
        warmVsSharingPeer: warmResult.vsSharingPeer,
        warmVsPeer: warmResult.vsPeer,
        warmVsMinimal: warmResult.vsMinimal,
        oneTriggerVsMinimal: warmResult.oneVsMinimal,
        heaviestTriggerVsMinimal: warmResult.oneOrderVsMinimal,
        warmCpuMs: warmResult.ms,
        coreCompileOnce: core,
        cacheCallsPerDelivery: cachePerDelivery.perNew,
        cacheCallsPerRepeat: cachePerDelivery.perRepeat,
        ...calls,
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
  cache?.close();
  process.exit(1);
});
