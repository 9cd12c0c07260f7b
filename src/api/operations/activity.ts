import type { OperationTable } from './types.js';

/** Payments, redemptions and the points ledger: `vinr.engagement.events`, `redemptions`, `pointsTransactions`. */
export const activityOperations = {
  'engagementEvents.track': {
    method: 'POST',
    path: '/engagement/events',
    summary: 'Track a payment: earn points and apply the matching offers',
    body: 'eventTrack',
    response: 'EngagementEvent',
  },
  'redemptions.retrieve': {
    method: 'GET',
    path: '/engagement/redemptions/:id',
    summary: 'Retrieve a redemption',
    response: 'OfferRedemption',
  },
  'redemptions.list': {
    method: 'GET',
    path: '/engagement/redemptions',
    summary: 'List redemptions, newest first (by offer and/or account)',
    query: 'redemptionList',
    response: 'OfferRedemption',
    list: true,
  },
  'pointsTransactions.list': {
    method: 'GET',
    path: '/engagement/points_transactions',
    summary: 'List a member’s points transactions, newest first',
    query: 'pointsTransactionList',
    response: 'PointsTransaction',
    list: true,
  },
} as const satisfies OperationTable;
