import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { startWorkbench } from '../../src/workbench/server';
import { entryOf } from '../support/runtime';

/**
 * The workbench's page in a real browser: Debian's Chromium (`.ci/run` installs it), driven by
 * playwright-core. Deliveries are posted as curl would post them; the page must show each with
 * its labelled fields, send one again, send a trigger's sample, and log no error. A screenshot is
 * left in build/workbench.png for a person to look at.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs the browser, so there a missing one fails; on a machine without it the test says how to get it.
const runs = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!runs) process.stderr.write(`page.test.ts skipped: no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`);
const describeWithBrowser = runs ? describe : describe.skip;

jest.setTimeout(60_000);

let server: Server;
let url: string;
let dir: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!runs) return;
  dir = mkdtempSync(join(tmpdir(), 'page-captures-'));
  ({ server, url } = await startWorkbench({ port: 0, capturesDir: dir, connection: { authData: {}, loaded: [] }, print: () => undefined }));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${url}/`);
});

afterAll(async () => {
  if (!runs) return;
  await browser?.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** What curl does: a POST of the vendor's body, no browser headers. */
const curlPost = (path: string, body: unknown) =>
  fetch(`${url}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The labelled values one trigger's section shows: label → value. */
const shownFields = (card: string, trigger: string) =>
  page.$$eval(`${card} section[data-trigger="${trigger}"] table.fields tr`, (rows) =>
    Object.fromEntries(rows.map((row) => [row.children[0]!.textContent, row.children[1]!.textContent])),
  );

describeWithBrowser('the workbench page', () => {
  it('before any delivery, shows the way to post one', async () => {
    expect(await page.isVisible('#empty')).toBe(true);
    expect(await page.textContent('#example')).toMatch(/^curl -s -X POST http:\/\/127\.0\.0\.1:\d+\/booqable /);
  });

  it('shows a delivery as it arrives, each fired trigger with its labelled fields in the editor order', async () => {
    expect((await curlPost('booqable', entryOf('booqable_order_reserved').body)).status).toBe(200);
    await page.waitForSelector('article.delivery');
    const card = 'article.delivery:first-child';
    expect(await page.textContent(`${card} .event`)).toBe('order.reserved');
    expect(await page.textContent(`${card} .vendor`)).toBe('Booqable');
    const fields = await shownFields(card, 'booqable_order_reserved');
    expect(fields).toMatchObject({ 'Order Number': '1042', 'Order Total With Tax': '326.25', 'Customer ID': '3b1f6f0e-9a55-4f6e-8d8b-2f1a3c4d5e6f' });
    // A field a lookup fills says so: the delivery names the customer by id only.
    expect(fields['Customer Email']).toBe('(filled when a Zap step uses it)');
    const folded = await page.textContent(`${card} section[data-trigger="booqable_order_reserved"] details.unlabelled summary`);
    expect(folded).toMatch(/^\d+ more fields? the Zap gets, without a label in the editor$/);
    // In the order the editor lists them.
    const labels = Object.keys(fields);
    expect(labels.indexOf('Order Number')).toBeLessThan(labels.indexOf('Order Total With Tax'));
    // The other Booqable triggers, grouped by why they skipped it.
    expect(await page.textContent(`${card} details.skipped summary`)).toMatch(/\d+ trigger\(s\) skipped it/);
    expect(await page.textContent(`${card} details.skipped`)).toMatch(/× does not fire on "order.reserved"/);
  });

  it('sends a delivery again, and copies it as a curl line', async () => {
    await page.click('article.delivery:first-child button.resend');
    await page.waitForSelector('article.delivery:nth-child(2)');
    expect(await page.textContent('article.delivery:first-child header')).toMatch(/sent again from #1/);
    expect(await page.$$('article.delivery:first-child section[data-trigger="booqable_order_reserved"]')).toHaveLength(1);
    await page.click('article.delivery:first-child button.copy');
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(new RegExp(`^curl -s -X POST '${url}/booqable' -H 'content-type: application/json' -d '\\{"id"`));
  });

  it("sends a trigger's sample with its inputs, as Test trigger would", async () => {
    await page.selectOption('#trigger', 'claimable_claim_created');
    await page.selectOption('#inputs select[name="source"]', 'ui');
    await page.click('#send button[type="submit"]');
    await page.waitForSelector('article.delivery:first-child section[data-trigger="claimable_claim_created"]');
    const fields = await shownFields('article.delivery:first-child', 'claimable_claim_created');
    expect(fields).toMatchObject({ 'Claim Title': 'Bicycle stolen from garage', 'Source (UI or API)': 'ui' });
    expect(await page.textContent('article.delivery:first-child header')).toMatch(/source=ui/);
  });

  it('sends "New … Event" a sample of an event picked for it', async () => {
    await page.selectOption('#trigger', 'booqable_event');
    await page.selectOption('#inputs select[name="events"]', ['payment.completed']);
    await page.click('#send button[type="submit"]');
    await page.waitForSelector('article.delivery:first-child section[data-trigger="booqable_event"]');
    expect(await shownFields('article.delivery:first-child', 'booqable_event')).toMatchObject({ Event: 'Payment Completed' });
  });

  it.each([1280, 390])('fits a %i px wide window: nothing runs off its side, the picker included', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    try {
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBeLessThanOrEqual(0);
      for (const selector of ['#trigger', '#send button[type="submit"]']) {
        const box = await page.locator(selector).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
      await page.click('details:has(#banner) summary');
      const banner = await page.locator('#banner').boundingBox();
      expect(banner!.x + banner!.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join('build', `workbench-${width}.png`), fullPage: false });
    } finally {
      await page.click('details:has(#banner) summary');
      await page.setViewportSize({ width: 1100, height: 1400 });
    }
  });

  it('shows a delivery that fired nothing, and why', async () => {
    expect((await curlPost('boom', [1, 2, 3])).status).toBe(200);
    await page.waitForSelector('article.delivery:first-child p.rejected');
    expect(await page.textContent('article.delivery:first-child p.rejected')).toMatch(/^\d+ triggers rejected it: Boom sent a JSON array/);
    expect(await page.textContent('article.delivery:first-child p.nothing')).toMatch(/Nothing fired/);
  });

  it('logs no error, and leaves a screenshot for a person to look at', async () => {
    mkdirSync('build', { recursive: true });
    await page.screenshot({ path: join('build', 'workbench.png'), fullPage: true });
    expect(existsSync(join('build', 'workbench.png'))).toBe(true);
    expect(problems).toEqual([]);
  });
});
