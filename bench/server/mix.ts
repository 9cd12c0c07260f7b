/**
 * The realistic mix of the reference-server benchmark: out of every 10 requests, 7 reads by id (4 offers and 3
 * loyalty accounts, spread over 100 ids) and 3 writes — an opt-in activation, a tracked purchase, a checkout — each a real check-and-commit
 * in the engine. The same mix is sent raw over HTTP (loopback) and through the SDK (in-process).
 */
import type { Vinr } from '@vinr/sdk';

export const OFFERS = 50;
export const ACCOUNTS = 50;
const MANY = 1_000_000_000;
export const NOW = '2026-06-06T12:00:00Z';

export interface Seeded {
  offers: string[];
  bonus: string;
  accounts: string[];
  /** Whether the server has checkouts (an older baseline may not): without, the checkout slot is a second track. */
  checkout: boolean;
}

/** Published offers (many ids to read, none for these members), one opt-in bonus to activate, gold members. */
export async function seed(vinr: Vinr): Promise<Seeded> {
  const offers: string[] = [];
  for (let i = 0; i < OFFERS; i++) {
    const o = await vinr.engagement.offers.create({
      name: `bench offer ${i}`,
      incentive: { type: 'points_multiplier', multiplier: 2 },
      per_member_limit: MANY,
      // Read by id, evaluated (and refused) by every tracked purchase: the members are gold.
      targeting: { tiers: ['platinum'] },
      metadata: { campaign: 'bench', index: String(i) },
    });
    await vinr.engagement.offers.publish(o.id);
    offers.push(o.id);
  }
  const b = await vinr.engagement.offers.create({
    name: 'bench bonus',
    incentive: { type: 'points_bonus', points: 10 },
    activation: 'opt_in',
    per_member_limit: MANY,
  });
  await vinr.engagement.offers.publish(b.id);
  const accounts: string[] = [];
  for (let i = 0; i < ACCOUNTS; i++) accounts.push((await vinr.engagement.loyaltyAccounts.create({ tier: 'gold' })).id);
  const checkout = await vinr.engagement.checkouts
    .create({ account: accounts[0] as string, amount: 100, currency: 'eur' })
    .then(
      () => true,
      () => false,
    );
  return { offers, bonus: b.id, accounts, checkout };
}

let payments = 0;
/** A fresh purchase of the mix: a new payment id each time, so every one is tracked, never replayed. */
const purchase = (account: string) =>
  ({
    type: 'payment.completed',
    account,
    payment_id: `pay_${process.pid}_${++payments}`,
    amount: 4999,
    currency: 'eur',
  }) as const;
const pick = <T>(xs: readonly T[], i: number): T => xs[(i * 7919) % xs.length] as T;

export type Kind = 'read' | 'activate' | 'track' | 'checkout';
export const kindOf = (s: Seeded, i: number): Kind => {
  const k = i % 10;
  return k === 7 ? 'activate' : k === 8 ? 'track' : k === 9 ? (s.checkout ? 'checkout' : 'track') : 'read';
};

/** The i-th request of the mix, as raw HTTP. */
export function rawRequest(s: Seeded, i: number): { method: 'GET' | 'POST'; path: string; body?: string } {
  const account = pick(s.accounts, i);
  switch (kindOf(s, i)) {
    case 'activate':
      return {
        method: 'POST',
        path: `/v1/engagement/offers/${s.bonus}/activations`,
        body: JSON.stringify({ account }),
      };
    case 'track':
      return {
        method: 'POST',
        path: '/v1/engagement/events',
        body: JSON.stringify(purchase(account)),
      };
    case 'checkout':
      return {
        method: 'POST',
        path: '/v1/engagement/checkouts',
        body: JSON.stringify({ account, amount: 4999, currency: 'eur' }),
      };
    default:
      return i % 10 < 4
        ? { method: 'GET', path: `/v1/engagement/offers/${pick(s.offers, i)}` }
        : { method: 'GET', path: `/v1/engagement/loyalty_accounts/${account}` };
  }
}

/** The i-th request of the mix, through the SDK. */
export function sdkRequest(vinr: Vinr, s: Seeded, i: number): Promise<unknown> {
  const account = pick(s.accounts, i);
  switch (kindOf(s, i)) {
    case 'activate':
      return vinr.engagement.offers.activate({ offer: s.bonus, account });
    case 'track':
      return vinr.engagement.events.track(purchase(account));
    case 'checkout':
      return vinr.engagement.checkouts.create({ account, amount: 4999, currency: 'eur' });
    default:
      return i % 10 < 4
        ? vinr.engagement.offers.retrieve(pick(s.offers, i))
        : vinr.engagement.loyaltyAccounts.retrieve(account);
  }
}
