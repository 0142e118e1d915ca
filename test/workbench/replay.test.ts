import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replay } from '../../src/workbench/replay';

const fixture = join(__dirname, '..', 'vendors', 'boom', 'fixtures', 'rental-payment-verified-current.json');

describe('npm run replay', () => {
  it('runs a saved capture through every trigger of a vendor and shows the labelled fields', async () => {
    const text = await replay('boom', fixture, { boom_webhook_secret: 'boom-whsec-TEST-5555' });
    expect(text).toContain('boom_rental_payment_verified fired "Rental Payment Verified"');
    expect(text).toContain('Transaction Amount (transactions[]amount_decimal): [1825.5]');
    expect(text).toMatch(/not labelled by any output field:\n(.|\n)*future_field__added: later/);
    // The skipped triggers are counted, without the server's hints.
    expect(text).toMatch(/other trigger\(s\) skipped it: /);
    expect(text).not.toMatch(/\?verbose=1|\?resend=1/);
  });

  it('says the capture was rejected when the secret differs', async () => {
    const text = await replay('boom_rental_payment_verified', fixture, { boom_webhook_secret: 'another' });
    expect(text).toMatch(/boom_rental_payment_verified: rejected \(.*does not match/);
  });

  it('explains bad arguments', async () => {
    await expect(replay(undefined, undefined)).rejects.toThrow(/Usage: npm run replay/);
    await expect(replay('nobody', fixture, {})).rejects.toThrow(/Unknown trigger or vendor "nobody"/);
    await expect(replay('boom', '/no/such/file.json', {})).rejects.toThrow(/Cannot read/);
  });
});

describe('npm run replay, with a plain vendor body and with markers', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'replay-'));

  it("takes a vendor's plain body as if it had been posted (a documented example)", async () => {
    const dir = scratch();
    const file = join(dir, 'body.json');
    writeFileSync(file, JSON.stringify({ event: 'issue_pending', request_id: 'plain-1', customer_id: 'c', enrollment_id: 'e' }));
    try {
      expect(await replay('boom', file, {})).toContain('boom_issue_pending fired "Enrollment Issue Pending"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts the configured secret back only in the header the workbench marked', async () => {
    const dir = scratch();
    const file = join(dir, 'capture.json');
    const content = JSON.stringify({ event: 'issue_pending', request_id: 'marked-1', customer_id: 'c' });
    const headers = { 'content-type': 'application/json', 'x-api-key': '{{BOOM_WEBHOOK_SECRET}}' };
    writeFileSync(file, JSON.stringify({ method: 'POST', headers, secretHeaders: { 'x-api-key': ['BOOM_WEBHOOK_SECRET'] }, content }));
    const unlisted = join(dir, 'unlisted.json');
    // A marker the request sent itself, in a header the workbench did not mark: it stays text, and the delivery is refused.
    writeFileSync(unlisted, JSON.stringify({ method: 'POST', headers, content }));
    try {
      expect(await replay('boom_issue_pending', file, { boom_webhook_secret: 'configured-secret-1' })).toContain('fired');
      expect(await replay('boom_issue_pending', file, { boom_webhook_secret: 'configured-secret-1', other: 'x' })).toContain('fired');
      const refused = await replay('boom_issue_pending', unlisted, { boom_webhook_secret: 'configured-secret-1' });
      expect(refused).toMatch(/x-api-key header does not match/);
      expect(refused).not.toContain('configured-secret-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run replay does not rebuild when nothing changed', () => {
  it('the build is incremental: a second build rewrites no compiled file', () => {
    const root = join(__dirname, '..', '..');
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')]);
    const before = statSync(join(root, 'dist', 'index.js')).mtimeMs;
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')]);
    expect(statSync(join(root, 'dist', 'index.js')).mtimeMs).toBe(before);
  });
});
