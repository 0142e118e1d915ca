/**
 * `npm run bench`: this app against a minimal reference app (bench/reference), same machine, same
 * run. Prints ratios; nothing here passes or fails. Section by section:
 * cold start, warm per-delivery cost, body-size scaling and peak memory, zip size, vendor HTTP calls.
 */
// nock first, with no connection allowed: core wraps http.request when an app runs, and nock must be
// underneath that wrapper to see the HTTP-call section's requests. Nothing here reaches a network.
require('nock').disableNetConnect();

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Handler, lambdaHandler } from '../src/workbench/handler';
import { zapierRequest } from '../src/workbench/zapier-request';
import { boomEnrollment, booqableOrder, claimableClaim } from './deliveries';
import { countVendorCalls } from './http-calls';

// Compiled to bench/dist/bench/run.js: the project is three levels up.
const ROOT = resolve(__dirname, '..', '..', '..');
const OURS = join(ROOT, 'index.js');
const REFERENCE = join(ROOT, 'bench', 'reference', 'index.js');
const CHILD = join(__dirname, 'child.js');
const REF_TRIGGER = 'delivery';
const QUICK = process.argv.includes('--quick');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const verdict = (ratio: number, target: number) => `${ratio.toFixed(2)}× (target ≤ ${target}×: ${ratio <= target ? 'met' : 'MISSED'})`;
const say = (line = '') => process.stdout.write(`${line}\n`);

const scratch = mkdtempSync(join(tmpdir(), 'bench-'));
const bodyFile = (name: string, body: object) => {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(body));
  return file;
};

interface ChildReport {
  items: number;
  maxRssKb: number;
}
const runChild = (app: string, trigger: string, file: string): ChildReport & { wallMs: number } => {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [CHILD, app, trigger, file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildReport;
  if (report.items !== 1) throw new Error(`child emitted ${report.items} items for ${trigger}`);
  return { ...report, wallMs };
};

/**
 * Per-delivery ms through an in-process handler, one delivery per body (each with its own id).
 * The bundles, Zapier's parsing included, are built before the clock starts: only the handler is timed.
 */
const perDelivery = async (handler: Handler, trigger: string, bodies: readonly string[]): Promise<number> => {
  const cache = {};
  const events = bodies.map((content) => ({
    command: 'execute' as const,
    method: `triggers.${trigger}.operation.perform`,
    bundle: { authData: {}, inputData: {}, ...zapierRequest(content, {}) },
    zcacheTestObj: cache,
  }));
  const started = process.hrtime.bigint();
  for (const event of events) {
    const { results } = await handler(event);
    if (!Array.isArray(results) || results.length !== 1) throw new Error(`${trigger} emitted ${JSON.stringify(results).slice(0, 80)}`);
    await new Promise((done) => setImmediate(done));
  }
  return Number(process.hrtime.bigint() - started) / 1e6 / bodies.length;
};

const bodies = (count: number, body: (i: number) => object) => Array.from({ length: count }, (_, i) => JSON.stringify(body(i)));

const coldStart = () => {
  const runs = QUICK ? 4 : 10;
  const file = bodyFile('cold-1kb', booqableOrder(1024));
  const ours: number[] = [];
  const ref: number[] = [];
  runChild(OURS, 'booqable_order_updated', file); // fills the OS file cache for both
  runChild(REFERENCE, REF_TRIGGER, file);
  for (let i = 0; i < runs; i += 1) {
    ours.push(runChild(OURS, 'booqable_order_updated', file).wallMs);
    ref.push(runChild(REFERENCE, REF_TRIGGER, file).wallMs);
  }
  say(`## Cold start to first result (fresh process, 1 KB Booqable delivery, ${runs} alternated runs)`);
  say(`ours ${ms(median(ours))} · reference ${ms(median(ref))} · ratio ${verdict(median(ours) / median(ref), 1.2)}`);
  say();
};

const warm = async (ours: Handler, ref: Handler) => {
  const rounds = QUICK ? 2 : 5;
  const count = QUICK ? 20 : 60;
  // Each run has a fresh de-duplication cache, so the same bodies serve every round and both apps.
  const cases: [string, string, string[]][] = [
    ['Booqable order.updated', 'booqable_order_updated', bodies(count, (i) => booqableOrder(1024, `notif-${i}`))],
    ['Boom enrollment_approved', 'boom_enrollment_approved', bodies(count, (i) => boomEnrollment(`req-${i}`))],
    ['Claimable claim.created', 'claimable_claim_created', bodies(count, (i) => claimableClaim(i))],
  ];
  say(`## Warm per-delivery cost (in-process handler, ${rounds} alternated rounds of ${count})`);
  for (const [name, trigger, texts] of cases) {
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < rounds; r += 1) {
      a.push(await perDelivery(ours, trigger, texts));
      b.push(await perDelivery(ref, REF_TRIGGER, texts));
    }
    const ratio = median(a) / median(b);
    say(
      `${name}: ours ${ms(median(a))} (${(1000 / median(a)).toFixed(0)}/s) · reference ${ms(median(b))} (${(1000 / median(b)).toFixed(0)}/s) · ratio ${verdict(ratio, 1.25)}`,
    );
  }
  say();
};

const scaling = async (ours: Handler, ref: Handler) => {
  const sizes: [string, number, number][] = [
    ['1 KB', 1024, 30],
    ['100 KB', 100 * 1024, 20],
    ['1 MB', 1024 * 1024, 8],
    ['10 MB', 10 * 1024 * 1024, QUICK ? 2 : 4],
  ];
  say('## Scaling with body size (Booqable order with many lines)');
  say('size | ours per delivery | reference | peak RSS ours (idle + n× body) | peak RSS reference');
  const times: Record<string, number> = {};
  // Peak RSS of a fresh process, median of three: one process's figure moves by several MB.
  const peak = (app: string, trigger: string, file: string) => median([0, 1, 2].map(() => runChild(app, trigger, file).maxRssKb * 1024));
  const idleFile = bodyFile('idle', booqableOrder(1024));
  const idleOurs = peak(OURS, 'booqable_order_updated', idleFile);
  const idleRef = peak(REFERENCE, REF_TRIGGER, idleFile);
  let peakRatioRef10 = 0;
  let peakRatio10 = 0;
  for (const [label, bytes, count] of sizes) {
    const texts = bodies(count, (i) => booqableOrder(bytes, `notif-${i}`));
    const text = texts[0]!;
    const a = await perDelivery(ours, 'booqable_order_updated', texts);
    const b = await perDelivery(ref, REF_TRIGGER, texts);
    times[label] = a;
    const file = bodyFile(`scale-${bytes}`, JSON.parse(text));
    const peakOurs = peak(OURS, 'booqable_order_updated', file);
    const peakRef = peak(REFERENCE, REF_TRIGGER, file);
    // Below 1 MB the body is lost in the noise of the process's own memory.
    const times_body = (peak: number, idle: number) => (bytes < 1024 * 1024 ? '≈0' : Math.max(0, (peak - idle) / text.length).toFixed(1));
    if (label === '10 MB') {
      peakRatio10 = (peakOurs - idleOurs) / text.length;
      peakRatioRef10 = (peakRef - idleRef) / text.length;
    }
    say(
      `${label} | ${ms(a)} | ${ms(b)} | ${mb(peakOurs)} (${mb(idleOurs)} + ${times_body(peakOurs, idleOurs)}× body) | ${mb(peakRef)} (${times_body(peakRef, idleRef)}× body)`,
    );
  }
  say(`time 10 MB / 1 MB: ${verdict(times['10 MB']! / times['1 MB']!, 12)}; linear ≈ 10`);
  say(`peak memory at 10 MB: idle + ${verdict(peakRatio10, 8)} the body (the reference: idle + ${peakRatioRef10.toFixed(1)}×)`);
  say();
};

const zipOf = (dir: string): number => {
  rmSync(join(dir, 'build'), { recursive: true, force: true });
  const cli = join(ROOT, 'node_modules', '.bin', 'zapier-platform');
  try {
    execFileSync(cli, ['build', '--skip-validation', '--skip-dep-install'], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1', PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` },
    });
  } catch (error) {
    // The CLI tests the zip after writing it; its size is what is measured here.
    if (!existsSync(join(dir, 'build', 'build.zip'))) throw error;
  }
  return statSync(join(dir, 'build', 'build.zip')).size;
};

const zips = () => {
  const refDir = join(scratch, 'reference-app');
  cpSync(join(ROOT, 'bench', 'reference'), refDir, { recursive: true });
  cpSync(join(ROOT, '.zapierapprc'), join(refDir, '.zapierapprc'));
  writeFileSync(join(refDir, '.gitignore'), 'node_modules\nbuild\n');
  // Hard links, not a symlink: the CLI's build reads real files. Core's dependencies sit at the top level.
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(refDir, 'node_modules')]);
  const ref = zipOf(refDir);
  const ours = zipOf(ROOT);
  say('## Deployable zip');
  say(`ours ${mb(ours)} · reference ${mb(ref)} · ratio ${verdict(ours / ref, 1.5)}`);
  say();
};

const main = async () => {
  // Core kills a process over 450 MB RSS after 250 invocations (Zapier's guard for a Lambda
  // container); this one process runs hundreds of deliveries, ten-megabyte ones among them.
  (require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number }).KILL_MAX_LIMIT = Number.MAX_SAFE_INTEGER;
  // Core logs memory use on every invocation outside tests, as in production; both apps pay it, unseen.
  console.log = () => undefined;
  say(`# Benchmark, ${new Date().toISOString()}, Node ${process.version}${QUICK ? ' (quick)' : ''}`);
  say();
  coldStart();
  const ours = lambdaHandler(OURS);
  const ref = lambdaHandler(REFERENCE);
  await warm(ours, ref);
  await scaling(ours, ref);
  if (!process.argv.includes('--no-zip')) zips();
  say('## Vendor HTTP calls (nock-recorded; the floor is one each)');
  for (const line of await countVendorCalls(require(OURS))) say(line);
  rmSync(scratch, { recursive: true, force: true });
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
});
