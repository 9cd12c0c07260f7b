import type { OperationTable } from './types.js';

/** `vinr.engagement.loyaltyAccounts`, `segments` and `rewards`. */
export const memberOperations = {
  'loyaltyAccounts.create': {
    method: 'POST',
    path: '/engagement/loyalty_accounts',
    summary: 'Enrol a member',
    body: 'accountCreate',
    response: 'LoyaltyAccount',
  },
  'loyaltyAccounts.retrieve': {
    method: 'GET',
    path: '/engagement/loyalty_accounts/:id',
    summary: 'Retrieve a loyalty account',
    response: 'LoyaltyAccount',
  },
  'loyaltyAccounts.update': {
    method: 'PATCH',
    path: '/engagement/loyalty_accounts/:id',
    summary: 'Update a loyalty account (metadata replaces the whole map)',
    body: 'accountUpdate',
    response: 'LoyaltyAccount',
  },
  'loyaltyAccounts.list': {
    method: 'GET',
    path: '/engagement/loyalty_accounts',
    summary: 'List loyalty accounts, newest first',
    query: 'accountList',
    response: 'LoyaltyAccount',
    list: true,
  },
  'segments.create': {
    method: 'POST',
    path: '/engagement/segments',
    summary: 'Create a segment',
    body: 'segmentCreate',
    response: 'Segment',
  },
  'segments.retrieve': {
    method: 'GET',
    path: '/engagement/segments/:key',
    summary: 'Retrieve a segment by key',
    response: 'Segment',
  },
  'segments.list': {
    method: 'GET',
    path: '/engagement/segments',
    summary: 'List segments, newest first',
    query: 'segmentList',
    response: 'Segment',
    list: true,
  },
  'segments.addMembers': {
    method: 'POST',
    path: '/engagement/segments/:key/members',
    summary: 'Add members to a segment (adding twice is not an error)',
    body: 'segmentMembers',
    response: 'Segment',
  },
  'segments.removeMembers': {
    method: 'DELETE',
    path: '/engagement/segments/:key/members',
    summary: 'Remove members from a segment (removing a non-member is not an error)',
    body: 'segmentMembers',
    response: 'Segment',
  },
  'rewards.create': {
    method: 'POST',
    path: '/engagement/rewards',
    summary: 'Add a reward to the catalog',
    body: 'rewardCreate',
    response: 'Reward',
  },
  'rewards.retrieve': {
    method: 'GET',
    path: '/engagement/rewards/:id',
    summary: 'Retrieve a reward',
    response: 'Reward',
  },
  'rewards.list': {
    method: 'GET',
    path: '/engagement/rewards',
    summary: 'List rewards, newest first',
    query: 'rewardList',
    response: 'Reward',
    list: true,
  },
} as const satisfies OperationTable;
