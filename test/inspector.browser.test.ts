/**
 * The inspector page in a real headless Chromium (Debian's `chromium`, driven by playwright-core): loaded while the
 * seed scenario runs against the loopback server, it must show each change as it happens.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVinrMock } from '@vinr/sdk/mocks';
import { type Browser, chromium, type Page } from 'playwright-core';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// The picture in docs/testing.md: refreshed with `VINR_UPDATE_SCREENSHOTS=1 npx vitest run test/inspector.browser.test.ts`;
// otherwise taken to a temp file, so that a test run leaves the working tree as it was.
const SCREENSHOT = process.env.VINR_UPDATE_SCREENSHOTS
  ? 'docs/images/inspector.png'
  : join(tmpdir(), `vinr-inspector-${process.pid}.png`);

let browser: Browser;
const receivers: Server[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  for (const r of receivers) r.close();
});

async function receiver(): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  receivers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/vinr`;
}

/** The text an element shows (textContent: layout-independent, so assertions do not hang on line breaks). */
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe.skipIf(!existsSync(CHROMIUM))('inspector page', () => {
  test('shows offers, cap use, members, journal, events and deliveries as the seed scenario runs', async () => {
    const mock = createVinrMock({ seed: 'inspector', now: '2026-06-01T09:00:00Z' });
    const server = await mock.listen();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${server.url}/`);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await text(page, '#offers')).toContain('No offers yet');
      expect(await text(page, '#checkouts')).toContain('No checkouts yet');
      expect(await text(page, '#clock')).toContain('2026-06-01 09:00:00 UTC');
      await page.waitForSelector('#live.on');

      const vinr = mock.client();
      await vinr.webhookEndpoints.create({ url: await receiver() });
      await vinr.engagement.segments.create({ key: 'lapsed_90d', name: 'No purchase in 90 days' });
      const members = {
        Ana: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_ana', tier: 'silver', points_balance: 120 }),
        Ben: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_ben', tier: 'gold', points_balance: 2400 }),
        Cleo: await vinr.engagement.loyaltyAccounts.create({ customer: 'cus_cleo', tier: 'gold' }),
      };
      await vinr.engagement.segments.addMembers('lapsed_90d', { accounts: [members.Ana.id, members.Cleo.id] });
      const weekend = await vinr.engagement.offers.create({
        name: 'Win-back weekend: 2x points',
        incentive: { type: 'points_multiplier', multiplier: 2 },
        targeting: { segments: ['lapsed_90d'] },
        starts_at: '2026-06-06T00:00:00Z',
        ends_at: '2026-06-08T23:59:59Z',
      });
      await vinr.engagement.offers.publish(weekend.id);
      const bonus = await vinr.engagement.offers.create({
        name: '1,000-point bonus for gold members',
        incentive: { type: 'points_bonus', points: 1000 },
        targeting: { tiers: ['gold'] },
        max_redemptions: 5,
      });
      await vinr.engagement.offers.publish(bonus.id);

      // A published offer appears with its status and an unused cap.
      const bonusCard = page.locator(`[data-offer="${bonus.id}"]`);
      await page.waitForFunction(
        (id) => document.querySelector(`[data-offer="${id}"] .pill`)?.textContent === 'active',
        bonus.id,
      );
      expect(await text(page, `[data-offer="${bonus.id}"]`)).toMatch(
        /active[\s\S]*committed 0[\s\S]*reserved 0[\s\S]*left 5 of 5/,
      );
      await page.waitForFunction(
        (id) => document.querySelector(`[data-offer="${id}"] .pill`)?.textContent === 'scheduled',
        weekend.id,
      );
      // Published but not started yet: the card says when it starts.
      expect(await text(page, `[data-offer="${weekend.id}"]`)).toMatch(/starts 2026-06-06 00:00[\s\S]*no cap/);

      // Activations fill the bar and the balances; the refusal shows in the journal with its code.
      await vinr.engagement.offers.activate({ offer: bonus.id, account: members.Ben.id });
      await vinr.engagement.offers.activate({ offer: bonus.id, account: members.Cleo.id });
      await expect(vinr.engagement.offers.activate({ offer: bonus.id, account: members.Ana.id })).rejects.toThrow();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-offer="${id}"]`)?.textContent?.includes('left 3 of 5'),
        bonus.id,
      );
      expect(await text(page, `[data-offer="${bonus.id}"]`)).toContain('committed 2');
      const barWidth = await bonusCard.locator('.bar .committed').evaluate((el) => (el as HTMLElement).style.width);
      expect(barWidth).toBe('40%');
      expect(await text(page, `[data-member="${members.Ben.id}"]`)).toContain('3,400');
      const journal = await text(page, '#requests');
      expect(journal).toContain('offer_not_eligible');
      expect(journal).toContain('422');

      // A purchase in the weekend: the clock, the redemption and the member's balance move.
      mock.clock.set('2026-06-06T10:00:00Z');
      await vinr.engagement.events.track({
        type: 'payment.completed',
        account: members.Ana.id,
        payment_id: 'pay_1001',
        amount: 4500,
        currency: 'eur',
      });
      await page.waitForFunction(() => document.querySelector('#clock')?.textContent?.includes('2026-06-06 10:00:00'));
      await page.waitForFunction(
        (id) => document.querySelector(`[data-member="${id}"]`)?.textContent?.includes('210'),
        members.Ana.id,
      );
      expect(await text(page, '#redemptions')).toContain('Win-back weekend: 2x points');
      expect(await text(page, `[data-offer="${weekend.id}"] .pill`)).toBe('active');
      expect(await text(page, `[data-offer="${weekend.id}"]`)).not.toContain('starts');

      // A checkout holds a slot of a capped discount: the bar shows it reserved, the list shows the price due.
      const discount = await vinr.engagement.offers.create({
        name: '10% off, 3 orders',
        incentive: { type: 'percentage_discount', percent: 10 },
        max_redemptions: 3,
      });
      await vinr.engagement.offers.publish(discount.id);
      const held = await vinr.engagement.checkouts.create({ account: members.Ben.id, amount: 8000, currency: 'eur' });
      const paid = await vinr.engagement.checkouts.create({ account: members.Cleo.id, amount: 5000, currency: 'eur' });
      await vinr.engagement.checkouts.complete(paid.id, { payment_id: 'pay_1002' });
      await page.waitForFunction(
        (id) => document.querySelector(`[data-offer="${id}"]`)?.textContent?.includes('reserved 1'),
        discount.id,
      );
      expect(await text(page, `[data-offer="${discount.id}"]`)).toMatch(
        /committed 1[\s\S]*reserved 1[\s\S]*left 1 of 3/,
      );
      const reservedWidth = await page
        .locator(`[data-offer="${discount.id}"] .bar .reserved`)
        .evaluate((el) => (el as HTMLElement).style.width);
      expect(Number.parseFloat(reservedWidth)).toBeCloseTo(100 / 3, 3);
      const checkouts = await text(page, '#checkouts');
      expect(checkouts).toMatch(/cus_ben[\s\S]*10% off, 3 orders[\s\S]*open[\s\S]*€80\.00[\s\S]*€72\.00/);
      expect(checkouts).toMatch(/cus_cleo[\s\S]*completed[\s\S]*€45\.00/);
      expect(held.amount_due).toBe(7200);

      // Events and their deliveries to the registered endpoint, with attempts.
      await mock.webhooks.idle();
      await page.waitForFunction(
        (n) => document.querySelectorAll('#deliveries .pill.succeeded').length === n,
        mock.webhooks.deliveries.length,
      );
      expect(await text(page, '#events')).toContain('offer.redeemed');
      expect(await page.locator('#deliveries .attempts .ok').count()).toBe(mock.webhooks.deliveries.length);
      expect(await text(page, '#tiles')).toMatch(/3\s*members/);
      expect(await text(page, '#tiles')).toMatch(/2\s*1 open\s*checkouts/);
      await page.waitForTimeout(1_300); // let the "new row" highlight fade before the picture
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // A live update keeps where the reader scrolled to in a list.
      const requestsBody = page.locator('#requests .body');
      await requestsBody.evaluate((el) => {
        el.scrollTop = 60;
      });
      const before = mock.requests.length;
      await vinr.engagement.loyaltyAccounts.retrieve(members.Ana.id);
      await page.waitForFunction(
        (n) => document.querySelector('#requests h2 .count')?.textContent === String(n),
        before + 1,
      );
      expect(await requestsBody.evaluate((el) => el.scrollTop)).toBe(60);

      // reset() empties the page too.
      mock.reset();
      await page.waitForFunction(() => document.querySelector('#offers')?.textContent?.includes('No offers yet'));
      expect(pageErrors).toEqual([]);

      // close() ends the live stream within its 2 s bound, with the page still open.
      const started = Date.now();
      await server.close();
      expect(Date.now() - started).toBeLessThan(2_000);
      await page.waitForSelector('#live.off');
    } finally {
      await page.close();
      await server.close();
    }
  }, 60_000);

  test('bound beyond loopback, the page and its data need the secret key', async () => {
    const mock = createVinrMock();
    const server = await mock.listen({ host: '0.0.0.0' });
    const port = new URL(server.url).port;
    const local = `http://127.0.0.1:${port}`;
    try {
      for (const path of ['/', '/__inspector/state', '/__inspector/stream', '/?key=sk_wrong']) {
        const refused = await request(`${local}${path}`);
        expect(refused.statusCode).toBe(401);
        expect(await refused.body.text()).toContain('?key=');
      }
      // The page's stylesheet and script hold no state: they load without the key.
      expect((await request(`${local}/__inspector/inspector.js`)).statusCode).toBe(200);
      const withKey = await request(`${local}/__inspector/state?key=${mock.secretKey}`);
      expect(withKey.statusCode).toBe(200);
      expect(await withKey.body.json()).toMatchObject({ totals: { offers: 0 }, checkouts: [] });
      const bearer = await request(`${local}/`, { headers: { authorization: `Bearer ${mock.secretKey}` } });
      expect(bearer.statusCode).toBe(200);
      expect(await bearer.body.text()).toContain('<title>VINR mock · inspector</title>');

      const page = await browser.newPage();
      await page.goto(`${local}/?key=${encodeURIComponent(mock.secretKey)}`);
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForSelector('#live.on');
      await page.close();
    } finally {
      await server.close();
    }
  }, 30_000);
});
