import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalConnection } from '../../src/workbench/env';
import { banner, startFailure, startWorkbench, withSecretsMarked, withSecretsRestored } from '../../src/workbench/server';
import { entryOf } from '../support/runtime';

const SECRET = 'wb-secret-ZZ-777';
const connection: LocalConnection = { authData: { boom_webhook_secret: SECRET }, loaded: [{ name: 'BOOM_WEBHOOK_SECRET', from: '.env' }] };
let server: Server;
let url: string;
let dir: string;
const printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'captures-'));
  const started = await startWorkbench({ port: 0, capturesDir: dir, connection, print: (t) => printed.push(t) });
  server = started.server;
  url = started.url;
  printed.push(banner(url, started.engine, started.connection));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  printed.length = 1;
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

interface Answer {
  capture: string;
  resend?: string;
  outcomes: { trigger: string; outcome: string; reason?: string; items?: { labelled: { label: string; key: string; value: unknown }[] }[] }[];
  skipped: { count: number; reasons: Record<string, string> };
}

const approved = (requestId: string) => ({ ...entryOf('boom_enrollment_approved').delivery, request_id: requestId });

describe('the webhook workbench', () => {
  it('runs a delivery through the real app; the answer holds the labelled fields, skipped triggers as a count with reasons', async () => {
    const response = await post('boom', JSON.stringify(approved('wb-1')), { 'x-api-key': SECRET });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    expect(body.outcomes.map((o) => o.trigger).sort()).toEqual(['boom_enrollment_approved', 'boom_event']);
    const fired = body.outcomes.find((o) => o.trigger === 'boom_enrollment_approved')!;
    expect(fired.items![0]!.labelled).toContainEqual({ label: 'Customer ID', key: 'customer_id', value: 'cust_abc123' });
    expect(body.skipped.count).toBe(38);
    expect(body.skipped.reasons.boom_enrollment_rejected).toBe('boom_enrollment_rejected does not fire on "enrollment_approved"');
    const text = printed.join('\n');
    expect(text).toContain('Customer ID (customer_id): cust_abc123');
    expect(text).toMatch(/38 other trigger\(s\) skipped it: .*does not fire on "enrollment_approved"/);
    expect(text).not.toContain('boom_enrollment_rejected:');
  });

  it('saves a capture with the secret header replaced by a marker that replay puts back', async () => {
    const body = (await (await post('boom', JSON.stringify(approved('wb-2')), { 'x-api-key': SECRET })).json()) as Answer;
    const saved = readFileSync(body.capture, 'utf8');
    expect(saved).not.toContain(SECRET);
    expect(JSON.parse(saved).headers['x-api-key']).toBe('{{BOOM_WEBHOOK_SECRET}}');
    expect(withSecretsRestored(JSON.parse(saved).headers, connection.authData)['x-api-key']).toBe(SECRET);
    expect(withSecretsMarked({ 'x-api-key': 'not-the-secret' }, connection.authData)).toEqual({ 'x-api-key': 'not-the-secret' });
  });

  it('takes the same x-api-key sent twice as that key', async () => {
    const response = await fetch(`${url}/boom_enrollment_approved`, {
      method: 'POST',
      headers: [
        ['content-type', 'application/json'],
        ['x-api-key', SECRET],
        ['x-api-key', SECRET],
      ],
      body: JSON.stringify(approved('wb-3')),
    });
    expect(((await response.json()) as Answer).outcomes).toEqual([expect.objectContaining({ outcome: 'fired' })]);
  });

  it('reports a forged Boom delivery as rejected, without either key', async () => {
    const response = await post('boom_enrollment_approved', JSON.stringify(approved('forged-1')), { 'x-api-key': 'FORGED-KEY' });
    const body = (await response.json()) as Answer;
    expect(body.outcomes).toEqual([expect.objectContaining({ outcome: 'rejected', reason: expect.stringMatching(/does not match the Boom Webhook Secret/) })]);
    expect(printed.join('\n')).not.toContain('FORGED-KEY');
    expect(printed.join('\n')).not.toContain(SECRET);
  });

  it('passes trigger inputs from the query, so New … Event and filters can be tried', async () => {
    const invoice = entryOf('booqable_invoice_finalized').delivery;
    const picked = (await (await post('booqable_event?events=invoice.finalized', JSON.stringify(invoice))).json()) as Answer;
    expect(picked.outcomes).toEqual([expect.objectContaining({ trigger: 'booqable_event', outcome: 'fired' })]);
    const other = (await (await post('booqable_event?events=order.reserved&resend=1', JSON.stringify(invoice))).json()) as Answer;
    expect(other.skipped.reasons.booqable_event).toBe('booqable_event does not fire on "invoice.finalized"');
    const claim = { ...entryOf('claimable_claim_created').delivery, source: 'api' };
    const filtered = (await (await post('claimable_claim_created?source=ui', JSON.stringify(claim))).json()) as Answer;
    expect(filtered.skipped.reasons.claimable_claim_created).toMatch(/the change came from "api", and this Zap takes only "ui"/);
  });

  it('says when a delivery is skipped as a repeat, and passes it on again with ?resend=1', async () => {
    const body = JSON.stringify(approved('wb-repeat'));
    await post('boom_enrollment_approved', body, { 'x-api-key': SECRET });
    const again = (await (await post('boom_enrollment_approved', body, { 'x-api-key': SECRET })).json()) as Answer;
    expect(again.resend).toMatch(/\?resend=1/);
    expect(again.skipped.reasons.boom_enrollment_approved).toMatch(/^duplicate of delivery wb-repeat/);
    expect(printed.join('\n')).toMatch(/add \?resend=1 to pass it on again/);
    const resent = (await (await post('boom_enrollment_approved?resend=1', body, { 'x-api-key': SECRET })).json()) as Answer;
    expect(resent.outcomes).toEqual([expect.objectContaining({ outcome: 'fired' })]);
  });

  it('answers GET on a trigger with its sample delivery, ready to post back', async () => {
    const response = await fetch(`${url}/booqable_invoice_finalized`);
    expect(response.status).toBe(200);
    const { delivery } = (await response.json()) as { delivery: unknown };
    expect(delivery).toEqual(entryOf('booqable_invoice_finalized').delivery);
    const posted = (await (await post('booqable_invoice_finalized?resend=1', JSON.stringify(delivery))).json()) as Answer;
    expect(posted.outcomes).toEqual([expect.objectContaining({ outcome: 'fired' })]);
  });

  it('cuts a huge event name in its messages, and runs only the triggers that take the event', async () => {
    const huge = { event: 'x'.repeat(1024 * 1024), request_id: 'huge-1' };
    const body = (await (await post('boom', JSON.stringify(huge))).json()) as Answer;
    expect(body.outcomes.map((o) => o.trigger)).toEqual(['boom_event']);
    for (const reason of Object.values(body.skipped.reasons)) expect(reason.length).toBeLessThan(300);
    expect(
      Math.max(
        ...printed
          .slice(1)
          .join('\n')
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThan(1000);
  });

  it.each([
    ['not JSON', 'POST', 'boom', '{"event":', 400, /not JSON/],
    ['an empty body', 'POST', 'boom', '', 400, /Empty body/],
    ['an unknown target', 'POST', 'nobody', '{}', 404, /Unknown trigger or vendor "nobody"/],
    ['GET of an unknown target', 'GET', 'nope', undefined, 404, /Unknown trigger or vendor "nope"/],
    ['a bad % escape', 'POST', '100%', '{}', 400, /not a valid URL path/],
  ])('answers %s clearly', async (_name, method, path, body, status, message) => {
    const response = await fetch(`${url}/${path}`, { method, ...(body !== undefined ? { body } : {}) });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('refuses another method with 405 and says which it takes', async () => {
    const response = await fetch(`${url}/boom`, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('lists the valid targets with a 404', async () => {
    const body = (await (await post('nobody', '{}')).json()) as { vendors: string[] };
    expect(body.vendors).toEqual(['booqable', 'romify', 'boom', 'claimable']);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const response = await post('boom', 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
  });
});

describe('the banner', () => {
  const text = () => printed[0]!;

  it('prints a ready curl line per vendor from its sample, the Boom one with the x-api-key header from the shell', () => {
    for (const vendor of ['booqable', 'romify', 'boom', 'claimable'])
      expect(text()).toMatch(new RegExp(`curl -s -X POST http://127\\.0\\.0\\.1:\\d+/${vendor} `));
    expect(text()).toContain(`/boom -H 'content-type: application/json' -H "x-api-key: $BOOM_WEBHOOK_SECRET" -d '{"event":"customer_registered"`);
    expect(text()).not.toContain(SECRET);
  });

  it('says what was loaded, whether the Boom check is on, and how to set PORT and HOST', () => {
    expect(text()).toContain('Connection values loaded: BOOM_WEBHOOK_SECRET (.env)');
    expect(text()).toContain("Boom's authenticity check is on");
    expect(text()).toContain('set PORT and HOST to change it');
  });

  it('says the check is off when no Boom secret is set', async () => {
    const started = await startWorkbench({ port: 0, capturesDir: dir, connection: { authData: {}, loaded: [] }, print: () => undefined });
    try {
      const plain = banner(started.url, started.engine, started.connection);
      expect(plain).toContain("Boom's authenticity check is off");
      expect(plain).not.toContain('x-api-key: $BOOM_WEBHOOK_SECRET');
    } finally {
      await new Promise((resolve) => started.server.close(resolve));
    }
  });
});

describe('starting the workbench', () => {
  it('says the port is taken, and how to pick another, when it is', async () => {
    const port = Number(new URL(url).port);
    const failure = await startWorkbench({ port, capturesDir: dir, connection, print: () => undefined }).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(failure?.code).toBe('EADDRINUSE');
    expect(startFailure(failure!, '127.0.0.1', port)).toBe(
      `The workbench could not start: port ${port} on 127.0.0.1 is already in use; set PORT to another one (PORT=${port + 1} npm start).`,
    );
  });
});
