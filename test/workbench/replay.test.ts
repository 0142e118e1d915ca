import { join } from 'node:path';
import { replay } from '../../src/workbench/replay';

const fixture = join(__dirname, '..', 'vendors', 'boom', 'fixtures', 'rental-payment-verified-current.json');

describe('npm run replay', () => {
  it('runs a saved capture through every trigger of a vendor and shows the labelled fields', async () => {
    const text = await replay('boom', fixture, { boom_webhook_secret: 'boom-whsec-TEST-5555' });
    expect(text).toContain('boom_rental_payment_verified fired "Rental Payment Verified"');
    expect(text).toContain('Transaction Amount (transactions[]amount_decimal): [1825.5]');
    expect(text).toMatch(/not labelled by any output field:\n(.|\n)*future_field__added: later/);
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
