/**
 * The invocations a Zap makes beside its deliveries, each a core invocation of its own that
 * compiles the app again: a lookup when a later step maps a field the delivery only points at (one
 * per hydrator), the editor's calls (input fields, "New … Event" output fields with three events
 * picked, subscribe, unsubscribe, Test trigger) and the connection test. Each runs in the vendor's
 * own app, warm, through the cache stand-in, with the vendor's documented answers from the nock
 * stand-ins the tests use, and is set against the minimal app's delivery and against the minimal
 * app's call of the same role (bench/reference/calls.js), timed in the same rounds. Then the vendor
 * requests each call makes. Run by run.ts in a process of its own, since nock, once loaded, slows
 * every request of its process, the cache's too; prints its report, then one JSON line.
 */
// nock first, with no connection allowed: core wraps http.request when an app runs, and nock must be
// underneath that wrapper to see the app's requests. Loopback only: the cache stand-in.
require('nock').disableNetConnect();
require('nock').enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

import { join } from 'node:path';
import nock from 'nock';
import { buildApp } from '../src/app';
import type { Vendor } from '../src/lib/catalog';
import { EVENTS_INPUT } from '../src/lib/triggers';
import { VENDORS } from '../src/vendors';
import { pointerOf } from '../src/workbench/engine';
import { harnessOf, type VendorCall } from '../test/support/harness';
import { testerFor } from '../test/support/runtime';
import { CONNECTIONS, liveDelivery, vendorApis } from '../test/support/vendor-apis';
import { startExternalCache } from './cache';
import { zapBundle } from './deliveries';
import { countVendorCalls } from './http-calls';
import { median, ms, type Ratio, ratioOf, say, show } from './report';

const QUICK = process.argv.includes('--quick');
// Compiled to bench/dist/bench/calls.js: the project is three levels up.
const MINIMAL_CALLS = join(__dirname, '..', '..', '..', 'bench', 'reference', 'calls.js');

/** A vendor's connection with every credential its lookups can use. */
const CONNECTION: Record<string, Record<string, string>> = {
  booqable: CONNECTIONS.booqable,
  romify: CONNECTIONS.romify,
  boom: CONNECTIONS.boomKeys,
  claimable: CONNECTIONS.claimableToken,
};

type Role = VendorCall['role'] | 'input fields' | 'output fields' | 'delivery';

interface Call {
  name: string;
  role: Role;
  /** What must be in place before the call (nock answers, a fresh delivery), untimed. */
  setup?: () => void;
  run: () => Promise<unknown>;
}

/** Each hydrator a value points at, with its first pointer. */
const pointersIn = (value: unknown, found: Map<string, string>) => {
  const name = pointerOf(value);
  if (name) {
    if (!found.has(name)) found.set(name, value as string);
  } else if (Array.isArray(value)) for (const v of value) pointersIn(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) pointersIn(v, found);
};

/** Every call of one vendor's own app: a lookup per hydrator, the "New … Event" field calls, then each vendor call its harness lists. */
const callsOf = async (vendor: Vendor, cache: { rpc_base: string }): Promise<Call[]> => {
  const tester = testerFor(buildApp([vendor]), { cache });
  const authData = CONNECTION[vendor.id]!;
  const calls: Call[] = [];
  const vendorAnswers = () => {
    nock.cleanAll();
    vendorApis();
  };
  // One pointer per hydrator, from deliveries of the vendor's triggers.
  vendorAnswers();
  const pointers = new Map<string, string>();
  for (const entry of vendor.entries) pointersIn(await tester.run(entry.key, 'perform', liveDelivery(entry.key, authData)), pointers);
  for (const [name, pointer] of pointers)
    calls.push({ name: `lookup ${name}`, role: 'lookup', setup: vendorAnswers, run: () => tester.hydrate(pointer, authData) });
  const anyEvent = vendor.anyEvent;
  if (anyEvent) {
    const bundle = { authData, inputData: { [EVENTS_INPUT]: anyEvent.choices.slice(0, 3).map((choice) => choice.events[0]!) } };
    calls.push({ name: 'input fields of New … Event', role: 'input fields', run: () => tester.run(anyEvent.key, 'inputFields', bundle) });
    calls.push({ name: 'output fields of New … Event, 3 events picked', role: 'output fields', run: () => tester.run(anyEvent.key, 'outputFields', bundle) });
  }
  // The harness's calls answer from its own interceptors, one per request.
  const harness = harnessOf(vendor.id);
  for (const call of harness.calls) {
    const callAuth = { ...harness.authData };
    const setup = () => {
      nock.cleanAll();
      call.request(callAuth).reply(call.success.status, call.success.body);
    };
    calls.push({ name: call.name, role: call.role, setup, run: () => call.call(tester, callAuth) });
  }
  return calls;
};

/** The minimal app's call of each role, each answered by one interceptor. */
const minimalCalls = (cache: { rpc_base: string }): Record<Role, Call> => {
  const tester = testerFor(require(MINIMAL_CALLS), { cache });
  const api = 'https://minimal.example';
  const answer = (route: (scope: nock.Scope) => nock.Interceptor, body: nock.Body) => () => {
    nock.cleanAll();
    route(nock(api)).reply(200, body);
  };
  let delivery: Record<string, unknown>;
  const authData = { token: 'minimal' };
  const hook = { authData, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/minimal', subscribeData: { id: 'h1' } };
  return {
    delivery: {
      name: 'delivery',
      role: 'delivery',
      // A 1 KB body, new each time, as the warm deliveries' minimal reference.
      setup: () => {
        delivery = zapBundle('delivery', JSON.stringify({ id: `minimal-${Math.random()}`, padding: 'x'.repeat(1000) }));
      },
      run: () => tester.run('record', 'perform', delivery),
    },
    lookup: {
      name: 'lookup',
      role: 'lookup',
      setup: answer((s) => s.get('/records/1'), { id: '1' }),
      run: () => tester.hydrate(pointerTo('record', { id: '1' }), authData),
    },
    'input fields': { name: 'input fields', role: 'input fields', run: () => tester.run('record', 'inputFields', { authData, inputData: {} }) },
    'output fields': { name: 'output fields', role: 'output fields', run: () => tester.run('record', 'outputFields', { authData, inputData: {} }) },
    'connection test': {
      name: 'connection test',
      role: 'connection test',
      setup: answer((s) => s.get('/me'), { id: 1 }),
      run: () => tester.testAuth(authData),
    },
    subscribe: {
      name: 'subscribe',
      role: 'subscribe',
      setup: answer((s) => s.post('/hooks'), { id: 'h1' }),
      run: () => tester.run('record', 'performSubscribe', hook),
    },
    unsubscribe: {
      name: 'unsubscribe',
      role: 'unsubscribe',
      setup: answer((s) => s.delete('/hooks/h1'), {}),
      run: () => tester.run('record', 'performUnsubscribe', hook),
    },
    'Test trigger': {
      name: 'Test trigger',
      role: 'Test trigger',
      setup: answer((s) => s.get('/records'), [{ id: '1' }]),
      run: () => tester.run('record', 'performList', hook),
    },
  };
};

/** A dehydration pointer as z.dehydrate writes it. */
const pointerTo = (hydrator: string, inputData: Record<string, unknown>) =>
  `hydrate|||${JSON.stringify({ type: 'method', method: `hydrators.${hydrator}`, bundle: inputData })}|||hydrate`;

/** CPU milliseconds of one invocation: the median of `times`, each after its untimed setup and a return to the event loop. */
const cpuOfCall = async (call: Call, times: number): Promise<number> => {
  const each: number[] = [];
  for (let i = 0; i < times; i += 1) {
    call.setup?.();
    await new Promise((done) => setImmediate(done));
    const started = process.cpuUsage();
    await call.run();
    const used = process.cpuUsage(started);
    each.push((used.user + used.system) / 1000);
  }
  return median(each);
};

const main = async () => {
  console.log = () => undefined; // core's per-invocation memory log
  const cache = await startExternalCache();
  const rounds = QUICK ? 2 : 5;
  const times = QUICK ? 5 : 9;
  const minimal = minimalCalls(cache.event);
  const ours: { vendor: string; call: Call }[] = [];
  // One vendor at a time: each resets nock's answers.
  for (const vendor of VENDORS) for (const call of await callsOf(vendor, cache.event)) ours.push({ vendor: vendor.id, call });
  const references = Object.values(minimal);
  for (const call of [...references, ...ours.map((o) => o.call)]) await cpuOfCall(call, 2); // warms each up
  const reference = new Map(references.map((call) => [call.role, [] as number[]]));
  const each = ours.map(() => [] as number[]);
  for (let r = 0; r < rounds; r += 1) {
    for (const call of references) reference.get(call.role)!.push(await cpuOfCall(call, times));
    for (const [i, { call }] of ours.entries()) each[i]!.push(await cpuOfCall(call, times));
  }
  const delivery = reference.get('delivery')!;
  say(`## Lookups and editor calls in each vendor's own app (warm CPU time of one invocation; ${rounds} rounds of ${times})`);
  say(`the minimal app's 1 KB delivery ${ms(median(delivery))}; its calls, one request each (bench/reference/calls.js):`);
  say(references.map((call) => `${call.role} ${ms(median(reference.get(call.role)!))}`).join(' · '));
  const vsDelivery: Record<string, Record<string, Ratio>> = {};
  const vsSameCall: Record<string, Record<string, Ratio>> = {};
  const lookups: Record<string, Record<string, Ratio>> = {};
  for (const [i, { vendor, call }] of ours.entries()) {
    const lookup = call.role === 'lookup';
    const toDelivery = ratioOf(each[i]!, delivery, lookup ? 1.5 : undefined);
    const toSame = ratioOf(each[i]!, reference.get(call.role)!);
    if (lookup) lookups[vendor] = { ...lookups[vendor], [call.name]: toDelivery };
    else vsDelivery[vendor] = { ...vsDelivery[vendor], [call.name]: toDelivery };
    vsSameCall[vendor] = { ...vsSameCall[vendor], [call.name]: toSame };
    say(`${vendor} ${call.name}: ${ms(median(each[i]!))} · vs the minimal delivery ${show(toDelivery)} · vs the minimal ${call.role} ${show(toSame)}`);
  }
  say();
  // A vendor's figure is its costliest lookup: each is one a Zap may make.
  const lookupVsMinimal = Object.fromEntries(
    Object.entries(lookups).map(([vendor, byName]) => {
      const [name, worst] = Object.entries(byName).sort((a, b) => b[1].ratio - a[1].ratio)[0]!;
      return [vendor, { ...worst, lookup: name }];
    }),
  );
  say('## Vendor HTTP calls (nock-recorded; the floor is the fewest the call needs)');
  const requests = await countVendorCalls(buildApp(VENDORS));
  for (const line of requests) say(line);
  cache.close();
  say(JSON.stringify({ lookupVsMinimal, lookupsVsMinimal: lookups, editorCallsVsMinimal: vsDelivery, callsVsMinimalSameCall: vsSameCall }));
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
