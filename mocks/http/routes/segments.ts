import { defineHandlers } from '../operations.js';

/** Segments, keyed by `key`: translate HTTP to `engine.segments`. */
export const handlers = defineHandlers({
  'segments.create': ({ body }, ctx) => ctx.engine.segments.create(body),
  'segments.list': ({ query }, ctx) => ctx.engine.segments.list(query),
  'segments.retrieve': ({ params }, ctx) => ctx.engine.segments.retrieve(params.key),
  'segments.addMembers': ({ params, body }, ctx) => ctx.engine.segments.addMembers(params.key, body),
  'segments.removeMembers': ({ params, body }, ctx) => ctx.engine.segments.removeMembers(params.key, body),
});
