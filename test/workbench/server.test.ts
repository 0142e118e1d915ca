import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { banner, startFailure, startWorkbench } from '../../src/workbench/server';
import { entryOf } from '../support/runtime';

const SECRET = 'wb-secret-ZZ-777';
let server: Server;
let url: string;
let dir: string;
const printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'captures-'));
  const started = await startWorkbench({ port: 0, capturesDir: dir, authData: { boom_webhook_secret: SECRET }, print: (t) => printed.push(t) });
  server = started.server;
  url = started.url;
  printed.push(banner(url, started.engine));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('the webhook workbench', () => {
  const raw = entryOf('boom_enrollment_approved').delivery;

  it('runs a sample delivery through the real app and prints labelled fields', async () => {
    const response = await post('boom', JSON.stringify(raw), { 'x-api-key': SECRET });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { capture: string; outcomes: { trigger: string; outcome: string }[] };
    const fired = body.outcomes.filter((o) => o.outcome === 'fired').map((o) => o.trigger);
    expect(fired.sort()).toEqual(['boom_enrollment_approved', 'boom_event']);
    const text = printed.join('\n');
    expect(text).toContain('Customer ID (customer_id): cust_abc123');
    expect(text).toMatch(/boom_enrollment_rejected: skipped \(boom_enrollment_rejected does not fire on "enrollment_approved"\.\)/);
    const saved = JSON.parse(readFileSync(body.capture, 'utf8'));
    expect(saved).toMatchObject({ target: 'boom', method: 'POST', content: JSON.stringify(raw) });
    expect(saved.headers['x-api-key']).toBe(SECRET);
  });

  it('reports a forged Boom delivery as rejected, without either key', async () => {
    const response = await post('boom_enrollment_approved', JSON.stringify({ ...raw, request_id: 'forged-1' }), { 'x-api-key': 'FORGED-KEY' });
    const body = (await response.json()) as { outcomes: { outcome: string; reason: string }[] };
    expect(body.outcomes).toEqual([expect.objectContaining({ outcome: 'rejected', reason: expect.stringMatching(/does not match the Boom Webhook Secret/) })]);
    expect(printed.join('\n')).not.toContain('FORGED-KEY');
    expect(printed.join('\n')).not.toContain(SECRET);
  });

  it.each([
    ['not JSON', 'boom', '{"event":', 400, /not JSON/],
    ['an empty body', 'boom', '', 400, /Empty body/],
    ['an unknown target', 'nobody', '{}', 404, /Unknown trigger or vendor "nobody"/],
  ])('answers %s clearly', async (_name, path, body, status, message) => {
    const response = await post(path, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  it('lists the valid targets with a 404', async () => {
    const body = (await (await post('nobody', '{}')).json()) as { vendors: string[] };
    expect(body.vendors).toEqual(['booqable', 'romify', 'boom', 'claimable']);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const response = await post('boom', 'x'.repeat(10 * 1024 * 1024 + 1));
    expect(response.status).toBe(413);
  });

  it('refuses another method with 405', async () => {
    expect((await fetch(`${url}/boom`, { method: 'PUT', body: '{}' })).status).toBe(405);
  });

  it('prints a curl line at start that posts a catalog sample', () => {
    expect(printed.join('\n')).toMatch(/curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/boom .*"event":"enrollment_approved"/);
  });
});

describe('starting the workbench', () => {
  it('says the port is taken, and how to pick another, when it is', async () => {
    const port = Number(new URL(url).port);
    const failure = await startWorkbench({ port, capturesDir: dir, authData: {}, print: () => undefined }).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(failure?.code).toBe('EADDRINUSE');
    expect(startFailure(failure!, '127.0.0.1', port)).toBe(
      `The workbench could not start: port ${port} on 127.0.0.1 is already in use; set PORT to another one (PORT=${port + 1} npm start).`,
    );
  });
});
