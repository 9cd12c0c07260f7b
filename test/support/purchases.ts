import type { EngagementEvent, Vinr } from '@vinr/sdk';

/**
 * A purchaser bound to one member: `buy('p1')` reports a `payment.completed` of `amount` minor units in EUR.
 * Tests read as the scenario ("buy twice, the second earns the bonus") rather than as request bodies.
 */
export const purchaser =
  (vinr: Vinr, account: string, amount = 1000) =>
  (payment_id: string, overrides: { amount?: number; occurred_at?: string } = {}): Promise<EngagementEvent> =>
    vinr.engagement.events.track({
      type: 'payment.completed',
      account,
      payment_id,
      amount,
      currency: 'eur',
      ...overrides,
    });
