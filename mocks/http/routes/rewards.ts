import { defineHandlers } from '../operations.js';

/** The reward catalog: translate HTTP to `engine.rewards`. */
export const handlers = defineHandlers({
  'rewards.create': ({ body }, ctx) => ctx.engine.rewards.create(body),
  'rewards.list': ({ query }, ctx) => ctx.engine.rewards.list(query),
  'rewards.retrieve': ({ params }, ctx) => ctx.engine.rewards.retrieve(params.id),
});
