import type { Vinr } from '@vinr/sdk';

/** Each namespace of the operation table (`offers` in `offers.create`) to the client's resource serving it. */
export const resourcesByNamespace = (vinr: Vinr): Record<string, object> => ({
  offers: vinr.engagement.offers,
  loyaltyAccounts: vinr.engagement.loyaltyAccounts,
  segments: vinr.engagement.segments,
  rewards: vinr.engagement.rewards,
  engagementEvents: vinr.engagement.events,
  redemptions: vinr.engagement.redemptions,
  pointsTransactions: vinr.engagement.pointsTransactions,
  checkouts: vinr.engagement.checkouts,
  webhookEndpoints: vinr.webhookEndpoints,
  events: vinr.events,
});
