import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { banner, startWorkbench } from '../../src/workbench/server';
import { registeredVendors, secretsOf } from '../support/harness';
import { deliveryBundle, entryOf, resetCache, run, tester } from '../support/runtime';
import { exerciseVendorCalls, seenLines } from '../support/secrets';

/**
 * Every path, run with recognisable fake secrets; then everything printed, logged, thrown or
 * returned is searched for them. A vendor echoing a token back (in an error body, in a
 * connection error) is part of the test.
 */

const { seen, record, attempt } = seenLines();
const vendors = registeredVendors();
const SECRETS: Record<string, string> = Object.assign({}, ...vendors.map((v) => v.harness.authData));
const secrets = vendors.flatMap(({ harness }) => secretsOf(harness, harness.authData));

beforeEach(() => {
  resetCache();
  seen.length = 0;
  for (const method of ['log', 'error', 'warn', 'info'] as const) jest.spyOn(console, method).mockImplementation(record);
  const write = (chunk: unknown) => {
    record(String(chunk));
    return true;
  };
  jest.spyOn(process.stdout, 'write').mockImplementation(write);
  jest.spyOn(process.stderr, 'write').mockImplementation(write);
});
afterEach(() => jest.restoreAllMocks());

describe('secrets never appear in errors, logs, results or the workbench', () => {
  it('every vendor call, answered, and failing with the vendor echoing back the headers and body it received', async () => {
    const sent = await exerciseVendorCalls(tester, vendors, attempt);
    expect(seen.length).toBeGreaterThan(vendors.flatMap((v) => v.harness.calls).length * 5);
    // The vendor's own words still come through, with what it echoed cut out.
    expect(seen.join('\n')).toContain('not allowed: authorization=[redacted]');
    for (const secret of [...secrets, ...sent]) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('every vendor call, failing with the vendor echoing part of a credential in any form: no 8 characters of one come through', async () => {
    const every = (text: string, encode: (c: string) => string) => [...text].map(encode).join('');
    const forms: Record<string, (secret: string) => string> = {
      'its first 16 characters': (x) => x.slice(0, 16),
      'its last 12 characters': (x) => x.slice(-12),
      'URL-encoded': (x) => every(x, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`),
      'upper-cased': (x) => x.toUpperCase(),
      'split by a space': (x) => `${x.slice(0, 6)} ${x.slice(6, 14)} ${x.slice(14)}`,
      'HTML-escaped': (x) => every(x, (c) => `&#${c.charCodeAt(0)};`),
    };
    let tries = 0;
    for (const { harness } of vendors)
      for (const call of harness.calls)
        for (const secret of secretsOf(harness, harness.authData))
          for (const [name, form] of Object.entries(forms)) {
            resetCache();
            const authData = { ...harness.authData };
            const echoed = form(secret);
            call
              .request(authData)
              .reply(422, { errors: [{ status: '422', detail: `bad credential ${echoed} (${name})` }], message: `bad credential ${echoed}` });
            seen.length = 0;
            await attempt(call.call(tester, authData));
            const text = seen.join('\n');
            tries += 1;
            expect({ call: call.name, name, leaked: text.includes(echoed) }).toEqual({ call: call.name, name, leaked: false });
            // Any 8 characters of the secret, as written or as the vendor wrote them.
            for (let i = 0; i + 8 <= secret.length; i += 1) {
              const piece = secret.slice(i, i + 8);
              expect({ call: call.name, name, piece, leaked: text.toLowerCase().includes(piece.toLowerCase()) }).toMatchObject({ leaked: false });
            }
          }
    expect(tries).toBeGreaterThan(60);
  });

  it('deliveries: the Boom x-api-key right, wrong, missing or repeated, and broken bodies', async () => {
    const body = entryOf('boom_enrollment_approved').body;
    const keys = [SECRETS.boom_webhook_secret, `${SECRETS.boom_webhook_secret}x`, '', `${SECRETS.boom_webhook_secret}, ${SECRETS.boom_webhook_secret}`];
    for (const key of keys) {
      const headers: Record<string, string> = key === '' ? {} : { 'x-api-key': key };
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle(body, { headers, authData: SECRETS })));
      await attempt(run('boom_event', 'perform', deliveryBundle(body, { headers, authData: SECRETS })));
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle(['not', 'an', 'object'], { headers, authData: SECRETS })));
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle({ ...body, monthly_rent_amount: 'oops' }, { headers, authData: SECRETS })));
    }
    await attempt(run('booqable_order_updated', 'perform', deliveryBundle({ id: 'n1', event: 'order.updated', data: {} }, { authData: SECRETS })));
    await attempt(run('claimable_claim_created', 'perform', deliveryBundle({ event_name: 'claim.created', claim: { id: 1 } }, { authData: SECRETS })));

    expect(seen.some((line) => line.includes('Rejected'))).toBe(true);
    for (const secret of secrets) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });

  it("the workbench's printout, answers and capture files, with the secrets in its connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leak-captures-'));
    const printed: string[] = [];
    const connection = { authData: SECRETS, loaded: Object.keys(SECRETS).map((key) => ({ name: key.toUpperCase(), from: '.env' as const })) };
    const { server, url, engine } = await startWorkbench({ port: 0, capturesDir: dir, connection, print: (t) => printed.push(t) });
    try {
      printed.push(banner(url, engine, connection));
      const body = entryOf('boom_enrollment_approved').body;
      for (const key of [SECRETS.boom_webhook_secret, 'wrong-key']) {
        const response = await fetch(`${url}/boom`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify(body),
        });
        printed.push(await response.text());
      }
      const response = await fetch(`${url}/booqable_order_updated`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"id":"n1","event":"order.updated","data":{}}',
      });
      printed.push(await response.text());
      // What the workbench wrote to disk.
      for (const file of readdirSync(dir)) printed.push(readFileSync(join(dir, file), 'utf8'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
    const text = [...printed, ...seen].join('\n');
    expect(text).toContain('fired');
    expect(text).toContain('x-api-key header does not match');
    expect(text).toContain('{{BOOM_WEBHOOK_SECRET}}');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
