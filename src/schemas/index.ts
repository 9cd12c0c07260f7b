/**
 * Every input schema, shared by the SDK (validate before sending) and the reference server
 * (validate on receipt), so both refuse the same inputs with the same paths.
 * Loaded lazily by the SDK: zod is not paid for until the first request.
 */
import * as accounts from './accounts.js';
import * as activity from './activity.js';
import * as catalog from './catalog.js';
import * as checkouts from './checkouts.js';
import * as offers from './offers.js';

export const schemas = {
  offerCreate: offers.offerCreate,
  offerUpdate: offers.offerUpdate,
  offerList: offers.offerList,
  offerActivate: offers.offerActivate,
  activationBody: offers.activationBody,
  accountCreate: accounts.accountCreate,
  accountUpdate: accounts.accountUpdate,
  accountList: accounts.accountList,
  segmentCreate: catalog.segmentCreate,
  segmentMembers: catalog.segmentMembers,
  segmentList: catalog.segmentList,
  rewardCreate: catalog.rewardCreate,
  rewardList: catalog.rewardList,
  eventTrack: activity.eventTrack,
  redemptionList: activity.redemptionList,
  pointsTransactionList: activity.pointsTransactionList,
  webhookEndpointCreate: activity.webhookEndpointCreate,
  webhookEndpointList: activity.webhookEndpointList,
  eventList: activity.eventList,
  checkoutCreate: checkouts.checkoutCreate,
  checkoutPreview: checkouts.checkoutPreview,
  checkoutUpdate: checkouts.checkoutUpdate,
  checkoutComplete: checkouts.checkoutComplete,
  checkoutList: checkouts.checkoutList,
  offerCheckEligibility: checkouts.offerCheckEligibility,
  eligibilityQuery: checkouts.eligibilityQuery,
} as const;

export type SchemaName = keyof typeof schemas;
export { toIssues } from './issues.js';
