import { defineHandlers } from '../operations.js';

/** Loyalty accounts: translate HTTP to `engine.accounts`. */
export const handlers = defineHandlers({
  'loyaltyAccounts.create': ({ body }, ctx) => ctx.engine.accounts.create(body),
  'loyaltyAccounts.list': ({ query }, ctx) => ctx.engine.accounts.list(query),
  'loyaltyAccounts.retrieve': ({ params }, ctx) => ctx.engine.accounts.retrieve(params.id),
  'loyaltyAccounts.update': ({ params, body }, ctx) => ctx.engine.accounts.update(params.id, body),
});
