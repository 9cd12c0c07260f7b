import { defineHandlers } from '../operations.js';

/** A member's points ledger. */
export const handlers = defineHandlers({
  'pointsTransactions.list': ({ query }, ctx) => ctx.engine.accounts.transactions(query),
});
