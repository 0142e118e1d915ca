import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startWorkbench } from '../../src/workbench/server';

/**
 * The workbench must never go down: any request (any method, a path with bad escapes or raw
 * bytes, oversized or repeated headers, any body) gets an HTTP status, and the server goes on.
 * Requests are written raw on a loopback socket, so nothing a client library would refuse is left out.
 */

let server: Server;
let port: number;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'prop-captures-'));
  const started = await startWorkbench({ port: 0, capturesDir: dir, connection: { authData: {}, loaded: [] }, print: () => undefined });
  server = started.server;
  port = Number(new URL(started.url).port);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Sends raw bytes; resolves with the status line's code, or undefined if the server closed without one. */
const raw = (request: Buffer): Promise<number | undefined> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const match = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'));
      resolve(match ? Number(match[1]) : undefined);
    });
    socket.end(request);
  });

const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE'), fc.stringMatching(/^[A-Z]{1,10}$/));
const pathPart = fc.oneof(
  fc.constantFrom(
    '',
    'boom',
    'booqable_event',
    'claimable_claim_created',
    '100%',
    '%',
    '%zz',
    '%E0%A4%A',
    '..',
    '%2F..%2F',
    '?events=',
    '?events=a,b&resend=1',
    '#x',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const path = fc.array(pathPart, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const header = fc.tuple(fc.stringMatching(/^[a-z-]{1,20}$/), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('a'.repeat(20_000), 'application/json')));
const body = fc.oneof(
  fc.constant(''),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"event":"enrollment_approved","request_id":"p"}', '{"event":', '[]', 'null'),
);

describe('the workbench server, under any request', () => {
  it('answers every request with a status and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, fc.array(header, { maxLength: 4 }), fc.boolean(), body, async (m, p, headers, repeatHeaders, content) => {
        const lines = [...headers, ...(repeatHeaders ? headers : [])].map(([name, value]) => `${name}: ${value}`);
        const request = Buffer.concat([
          Buffer.from(`${m} `, 'latin1'),
          Buffer.from(p, 'utf8'),
          Buffer.from(
            ` HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${lines.join('\r\n')}${lines.length ? '\r\n' : ''}content-length: ${Buffer.byteLength(content)}\r\nconnection: close\r\n\r\n`,
            'latin1',
          ),
          Buffer.from(content, 'utf8'),
        ]);
        const status = await raw(request);
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(600);
        // Still serving.
        expect(await raw(Buffer.from(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nconnection: close\r\n\r\n`))).toBe(200);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
