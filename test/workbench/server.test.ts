import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../src/index';
import { VENDORS } from '../../src/vendors';
import type { LocalConnection } from '../../src/workbench/env';
import { markSecrets, restoreSecrets } from '../../src/workbench/secrets';
import { banner, startFailure, startWorkbench } from '../../src/workbench/server';
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

const approved = (requestId: string) => ({ ...entryOf('boom_enrollment_approved').body, request_id: requestId });

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
    expect(JSON.parse(saved).secretHeaders).toEqual({ 'x-api-key': ['BOOM_WEBHOOK_SECRET'] });
    expect(restoreSecrets(JSON.parse(saved).headers, JSON.parse(saved).secretHeaders, connection.authData)['x-api-key']).toBe(SECRET);
    expect(markSecrets({ 'x-api-key': 'not-the-secret' }, connection.authData)).toEqual({ headers: { 'x-api-key': 'not-the-secret' }, secretHeaders: {} });
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
    const invoice = entryOf('booqable_invoice_finalized').body;
    const picked = (await (await post('booqable_event?events=invoice.finalized', JSON.stringify(invoice))).json()) as Answer;
    expect(picked.outcomes).toEqual([expect.objectContaining({ trigger: 'booqable_event', outcome: 'fired' })]);
    const other = (await (await post('booqable_event?events=order.reserved&resend=1', JSON.stringify(invoice))).json()) as Answer;
    expect(other.skipped.reasons.booqable_event).toBe('booqable_event does not fire on "invoice.finalized"');
    const claim = { ...entryOf('claimable_claim_created').body, source: 'api' };
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

  it('answers GET on a trigger with the body to post: its sample delivery as it is', async () => {
    const response = await fetch(`${url}/booqable_invoice_finalized`);
    expect(response.status).toBe(200);
    const delivery = (await response.json()) as unknown;
    expect(delivery).toEqual(entryOf('booqable_invoice_finalized').body);
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
    expect(body.vendors).toEqual(VENDORS.map((v) => v.id));
  });

  it('refuses a body over 10 MB with 413', async () => {
    const response = await post('boom', 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
  });
});

describe('the banner', () => {
  const text = () => printed[0]!;

  it('prints a ready curl line per vendor from its sample, the Boom one with the x-api-key header from the shell', () => {
    // A vendor whose bodies name no event (Romify) gets a line to the trigger its sample is for.
    for (const vendor of VENDORS.map((v) => v.id)) expect(text()).toMatch(new RegExp(`curl -s -X POST http://127\\.0\\.0\\.1:\\d+/${vendor}(_[a-z_]+)? `));
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

describe('the workbench, tried as a new user would', () => {
  it('says what to do when New Booqable Event has no events picked', async () => {
    const body = (await (await post('booqable_event', JSON.stringify(entryOf('booqable_product_created').body))).json()) as Answer;
    expect(body.skipped.reasons.booqable_event).toMatch(/^no events are picked: pick events for New Booqable Event \(its events input, events=/);
  });

  it.each([
    ['booqable_event?events=not.an.event', /not\.an\.event is not a choice of Events \(events\): choose from /],
    ['claimable_claim_created?source=bogus', /bogus is not a choice of .* \(source\): choose from/],
    ['boom?colour=red', /"colour" is not an input of \/boom/],
  ])('refuses trigger inputs the editor would not allow: %s', async (path, message) => {
    const response = await post(path, JSON.stringify(entryOf('booqable_product_created').body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('keeps the trigger inputs with a capture, and replay uses them', async () => {
    const invoice = entryOf('booqable_invoice_finalized').body;
    const body = (await (await post('booqable_event?events=invoice.finalized&resend=1', JSON.stringify(invoice))).json()) as Answer;
    expect(JSON.parse(readFileSync(body.capture, 'utf8')).inputData).toEqual({ events: ['invoice.finalized'] });
    const { replay } = await import('../../src/workbench/replay');
    expect(await replay('booqable_event', body.capture, {})).toContain('booqable_event fired "New Booqable Event"');
  });

  it('prints one line for a refusal every trigger gave, and says when nothing fired', async () => {
    await post('boom', '[1,2,3]', { 'x-api-key': SECRET });
    const text = printed.slice(1).join('\n');
    expect(text).toMatch(/^ {2}40 triggers rejected it: Boom sent a JSON array/m);
    expect(text.match(/rejected/g)).toHaveLength(1);
    expect(text).toContain('Nothing fired: no Zap would run on this delivery.');
  });

  it('says nothing fired for a pure repeat too', async () => {
    const body = JSON.stringify(approved('wb-pure-repeat'));
    await post('boom_enrollment_approved', body, { 'x-api-key': SECRET });
    printed.length = 1;
    await post('boom_enrollment_approved', body, { 'x-api-key': SECRET });
    expect(printed.slice(1).join('\n')).toContain('Nothing fired');
  });

  it('keeps a multi-line value on its line', async () => {
    await post('booqable_order_reserved?resend=1', JSON.stringify(entryOf('booqable_order_reserved').body));
    const line = printed
      .slice(1)
      .join('\n')
      .split('\n')
      .find((l) => l.includes('(data__delivery_address)'));
    expect(line).toBe('    Order Delivery Address (data__delivery_address): "123 Harbor Way\\n94107 San Francisco\\nUnited States"');
  });

  it('shows where the page is, and warns when it listens beyond this machine', async () => {
    expect(printed[0]).toContain(`Open ${url}/ in a browser`);
    expect(printed[0]).not.toContain('Warning:');
    const wide = banner('http://0.0.0.0:8787', (await import('../../src/workbench/engine')).createEngine(app, VENDORS, {}), { authData: {}, loaded: [] });
    expect(wide).toMatch(/Warning: HOST=0\.0\.0\.0 listens beyond this machine/);
  });
});

describe('the workbench as a local server a browser can reach', () => {
  it('refuses a request whose Host is not its own address (a DNS-rebinding page)', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      const body = JSON.stringify(approved('rebind-1'));
      socket.end(`POST /boom HTTP/1.1\r\nhost: attacker.example\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
    });
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
    expect(answer).toMatch(/the Host \\"attacker\.example\\" is not this workbench's address/);
    expect(status).toBe(403);
  });

  it('refuses a cross-origin browser POST, and takes its own page’s', async () => {
    const foreign = await post('boom', JSON.stringify(approved('xorigin-1')), { origin: 'https://evil.example', 'x-api-key': SECRET });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: string }).error).toMatch(/a page at https:\/\/evil\.example may not send requests/);
    const crossSite = await post('boom', JSON.stringify(approved('xorigin-2')), { 'sec-fetch-site': 'cross-site', 'x-api-key': SECRET });
    expect(crossSite.status).toBe(403);
    const own = await post('boom', JSON.stringify(approved('xorigin-3')), { origin: url, 'x-api-key': SECRET });
    expect(own.status).toBe(200);
  });

  it('keeps at most the deliveries and bytes it is told to, the oldest going first, and says so', async () => {
    const capped = mkdtempSync(join(tmpdir(), 'capped-'));
    const lines: string[] = [];
    const started = await startWorkbench({ port: 0, capturesDir: capped, connection, limits: { count: 3, bytes: 1024 * 1024 }, print: (t) => lines.push(t) });
    try {
      for (let i = 0; i < 5; i += 1)
        await fetch(`${started.url}/boom`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': SECRET },
          body: JSON.stringify(approved(`cap-${i}`)),
        });
      expect(readdirSync(capped)).toHaveLength(3);
      const kept = (await (await fetch(`${started.url}/_/deliveries`)).json()) as { deliveries: { curl: string }[]; dropped: number };
      expect(kept.deliveries).toHaveLength(3);
      expect(kept.dropped).toBe(2);
      expect(kept.deliveries[0]!.curl).toContain('cap-4');
      expect(lines.join('\n')).toMatch(/keeps at most 3 deliveries and 1 MB: removed the 1 oldest/);
      // The curl line reads the secret from the shell; it never holds it.
      expect(kept.deliveries[0]!.curl).toContain(`-H 'x-api-key: '"$BOOM_WEBHOOK_SECRET"`);
      expect(JSON.stringify(kept)).not.toContain(SECRET);
    } finally {
      await new Promise((resolve) => started.server.close(resolve));
      rmSync(capped, { recursive: true, force: true });
    }
  });
});
