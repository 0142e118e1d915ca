import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { buildApp } from '../../src/app';
import type { DeliveryAdapter } from '../../src/lib/catalog';
import { byVendor } from '../../src/lib/dedupe';
import { vendorRequest } from '../../src/lib/http';
import { defineKinds } from '../../src/lib/record-kind';
import { asRecord, asString, authValue, isRecord } from '../../src/lib/values';
import { defineVendor } from '../../src/lib/vendor';
import { README, withGeneratedSections } from '../../src/tools/readme';
import { VENDORS } from '../../src/vendors';
import { createEngine } from '../../src/workbench/engine';
import { banner } from '../../src/workbench/server';
import { checkFault, faultCases, shortenTimeouts } from '../support/faults';
import { fuzzTargets, fuzzTrigger } from '../support/fuzz';
import { harnessOf, registeredVendors, type VendorHarness, type VendorUnderTest } from '../support/harness';
import { testerFor } from '../support/runtime';
import { exerciseVendorCalls, seenLines } from '../support/secrets';

/**
 * A vendor nobody ships, declared the way CONTRIBUTING.md says: static hooks, two events, one API
 * call. Added to the registry's list here (no shared file edited), it gets its triggers, its README
 * rows, and fuzz, fault and secrets coverage; a vendor without a harness fails.
 */

const API = 'https://api.parcelpost.test';
const TOKEN = 'parcelpost_api_token';

type ParcelApi = { list: 'parcels' };
const PARCEL_KINDS = defineKinds({
  body: (event, record, _facts: ParcelApi) => ({ type: event, delivery_id: 'dl_1', parcel: record }),
  sharedFields: [{ key: 'id', label: 'Delivery ID' }],
  kinds: {
    parcel: {
      noun: 'Parcel',
      facts: { list: 'parcels' },
      record: { id: 'p_1', status: 'shipped' },
      outputFields: [{ key: 'parcel__status', label: 'Parcel Status' }],
    },
  },
});

const context = (authData: Record<string, unknown>, action: string) => ({ vendor: 'Parcel Post', credential: 'Parcel Post API Token', action, authData });
const adapter: DeliveryAdapter<string, ParcelApi> = {
  credentials: { fields: [{ key: TOKEN, label: 'Parcel Post API Token', type: 'password', helpText: 'Under Settings → API.' }], required: [] },
  isConnected: (authData) => Boolean(authValue(authData, TOKEN)),
  async testConnection(z, bundle) {
    await vendorRequest(
      z,
      { method: 'GET', url: `${API}/me`, headers: { authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` }, needsJson: true },
      context(bundle.authData, 'testing the connection'),
    );
  },
  eventOf: (delivery) => asString(asRecord(delivery.body)?.type),
  verify: () => ({ ok: true }),
  deliveryId: (body) => byVendor(asString(body.delivery_id) ?? 'none'),
  normalise: (body) => body,
  async recent() {
    return null;
  },
};

const parcelPost = defineVendor({
  id: 'parcelpost',
  name: 'Parcel Post',
  hooks: 'static',
  adapter,
  kinds: PARCEL_KINDS,
  rows: [
    { key: 'parcelpost_parcel_shipped', events: ['parcel.shipped'], label: 'Parcel Shipped', when: 'a parcel is shipped in Parcel Post', kind: 'parcel' },
    {
      key: 'parcelpost_parcel_delivered',
      events: ['parcel.delivered'],
      label: 'Parcel Delivered',
      when: 'a parcel is delivered in Parcel Post',
      kind: 'parcel',
    },
  ],
});

const harness: VendorHarness = {
  authData: { [TOKEN]: 'THROWAWAY-parcel-token-1234' },
  calls: [
    {
      name: 'Parcel Post connection test',
      role: 'connection test',
      credential: 'Parcel Post API Token',
      floor: 1,
      request: () => nock(API).get('/me'),
      success: { status: 200, body: { id: 'me' } },
      call: (t, authData) => t.testAuth(authData),
    },
  ],
  deliveryHeaders: () => ({}),
  deliveryAuthData: [{}],
};

const withParcelPost: VendorUnderTest[] = [...registeredVendors(), { vendor: parcelPost, harness }];
const app = buildApp([...VENDORS, parcelPost]);
const tester = testerFor(app);
shortenTimeouts();

describe('a vendor added to the registry', () => {
  it('gets its triggers in the app, which the platform schema accepts', () => {
    expect(Object.keys(app.triggers).filter((k) => k.startsWith('parcelpost_'))).toEqual(['parcelpost_parcel_shipped', 'parcelpost_parcel_delivered']);
    const schema = require('zapier-platform-core/src/tools/schema');
    expect((schema.validateApp(schema.compileApp(app)) as { stack: string }[]).map((e) => e.stack)).toEqual([]);
  });

  it('gets its README rows: triggers, credentials and environment variable', () => {
    const readme = withGeneratedSections(readFileSync(README, 'utf8'), [...VENDORS, parcelPost]);
    expect(readme).toContain('| Parcel Post | Parcel Shipped | `parcelpost_parcel_shipped` | `parcel.shipped` | Instant (URL to vendor) |');
    expect(readme).toContain('| Parcel Post | Parcel Post API Token (optional) | `PARCELPOST_API_TOKEN` | Under Settings → API. |');
  });

  it('is fuzzed like every other vendor', async () => {
    const targets = fuzzTargets(withParcelPost).filter((t) => t.vendor.id === 'parcelpost');
    expect(targets.map((t) => t.key)).toEqual(['parcelpost_parcel_shipped', 'parcelpost_parcel_delivered']);
    for (const target of targets) {
      const { emitted, runs } = await fuzzTrigger(target, 200);
      expect(runs).toBe(200);
      expect(emitted).toBeGreaterThan(20);
    }
  });

  it('has every call run against every vendor fault', async () => {
    const cases = faultCases(withParcelPost).filter((c) => c.vendor.id === 'parcelpost');
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) await checkFault(tester, c, { shared: true });
  });

  it('leaks no secret when its API echoes what it received', async () => {
    const { seen, attempt } = seenLines();
    const sent = await exerciseVendorCalls(tester, [{ vendor: parcelPost, harness }], attempt);
    expect(seen.some((line) => line.includes('Parcel Post rejected the Parcel Post API Token'))).toBe(true);
    for (const secret of sent) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('without a test harness, fails the suites that read the registry', () => {
    expect(() => harnessOf('parcelpost')).toThrow(/Vendor "parcelpost" has no test harness: add test\/vendors\/parcelpost\/harness.ts/);
  });

  it('without README rows, fails the README test', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withGeneratedSections(readme, [...VENDORS, parcelPost])).not.toBe(readme);
  });
});

describe('a vendor whose deliveries carry a secret header', () => {
  const SECRET = 'parcelpost_webhook_secret';
  const signed = defineVendor({
    id: 'parcelpost',
    name: 'Parcel Post',
    hooks: 'static',
    adapter: {
      ...adapter,
      credentials: {
        ...adapter.credentials,
        fields: [...adapter.credentials.fields, { key: SECRET, label: 'Parcel Post Webhook Secret', helpText: 'Ask support.' }],
      },
      secretHeader: { name: 'x-parcel-secret', credential: SECRET },
    },
    kinds: PARCEL_KINDS,
    rows: [
      { key: 'parcelpost_parcel_shipped', events: ['parcel.shipped'], label: 'Parcel Shipped', when: 'a parcel is shipped in Parcel Post', kind: 'parcel' },
    ],
  });
  const bannerWith = (authData: Record<string, string>) => {
    const app = buildApp([signed]);
    const loaded = Object.keys(authData).map((key) => ({ name: key.toUpperCase(), from: '.env' as const }));
    return banner('http://127.0.0.1:1', createEngine(app, [signed], authData), { authData, loaded }, [signed]);
  };

  it('gets the header in its workbench curl line, read from the shell, once the secret is set', () => {
    const text = bannerWith({ [SECRET]: 'PARCEL-SECRET-VALUE-1' });
    expect(text).toContain(`/parcelpost -H 'content-type: application/json' -H "x-parcel-secret: $PARCELPOST_WEBHOOK_SECRET"`);
    expect(text).toContain("Parcel Post's authenticity check is on");
    expect(text).not.toContain('PARCEL-SECRET-VALUE-1');
  });

  it('is told its check is off while the secret is not set', () => {
    const text = bannerWith({});
    expect(text).toContain("Parcel Post's authenticity check is off (PARCELPOST_WEBHOOK_SECRET is not set)");
    expect(text).not.toContain('x-parcel-secret');
  });
});

describe('the registry', () => {
  it('lists each vendor once, and every trigger key starts with its vendor id', () => {
    expect(new Set(VENDORS.map((v) => v.id)).size).toBe(VENDORS.length);
    for (const vendor of VENDORS) for (const entry of vendor.entries) expect(entry.key.startsWith(`${vendor.id}_`)).toBe(true);
  });

  it('has a test harness for every vendor, each listing the vendor calls it makes', () => {
    for (const { vendor, harness: h } of registeredVendors()) {
      expect({ vendor: vendor.id, calls: h.calls.length > 0 }).toEqual({ vendor: vendor.id, calls: true });
      expect(isRecord(h.authData)).toBe(true);
    }
  });
});

describe('the vendor-neutral lib', () => {
  // The shared code, the workbench and the tools read vendor facts from the registry and the adapters,
  // so a fifth vendor gets them all (its secret header in the curl lines, its inputs in the examples).
  it.each(['lib', 'workbench', 'tools'])('src/%s names no vendor: vendor facts live in src/vendors/<vendor>/', (folder) => {
    const dir = join(__dirname, '..', '..', 'src', folder);
    const named = readdirSync(dir).flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8').toLowerCase();
      return VENDORS.filter((v) => text.includes(v.id) || text.includes(v.name.toLowerCase())).map((v) => `${file}: ${v.name}`);
    });
    expect(named).toEqual([]);
  });
});
