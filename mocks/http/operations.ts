import type { z } from 'zod';
import { type OperationName, type Operations, operations } from '../../src/api/operations/index.js';
import type { SchemaName } from '../../src/schemas/index.js';
import type { objects } from '../../src/schemas/objects/index.js';
import type { MockContext } from './context.js';
import type { Route, RouteInput } from './route.js';

type Field<N extends OperationName, F extends 'body' | 'query'> = Operations[N] extends { [K in F]: infer S }
  ? S extends SchemaName
    ? S
    : undefined
  : undefined;

/** What the handler of operation `N` receives: path params, body and query, validated with the entry's schemas. */
export type OperationInput<N extends OperationName> = RouteInput<
  Operations[N]['path'],
  Field<N, 'body'>,
  Field<N, 'query'>
>;

/**
 * Events are emitted by the engine with data of many shapes and kept as the generic envelope; their `data` is
 * checked at run time, against openapi.json, by `validateResponses` (on in the test suite).
 */
interface EventEnvelope {
  id: string;
  object: 'event';
  type: string;
  created_at: string;
  data: Record<string, unknown>;
}
type ObjectOf<N extends OperationName> = Operations[N]['response'] extends 'Event'
  ? EventEnvelope
  : z.output<(typeof objects)[Operations[N]['response']]>;
/** What the handler of operation `N` returns: the entry's object, or a page of them. */
export type OperationResult<N extends OperationName> = Operations[N] extends { list: true }
  ? { object: 'list'; data: ObjectOf<N>[]; has_more: boolean }
  : ObjectOf<N>;

/** Serves one operation: an engine call, no HTTP and no rule. Its result type is the entry's response object. */
export type OperationHandler<N extends OperationName> = (
  input: OperationInput<N>,
  ctx: MockContext,
) => OperationResult<N> | Promise<OperationResult<N>>;

/** A group of handlers, one per operation name (a route file's export). */
export type OperationHandlers<K extends OperationName = OperationName> = { [N in K]: OperationHandler<N> };

/** Types a route file's handlers from the operation table: `params.id`, `body`, `query` as the entry declares. */
export const defineHandlers = <K extends OperationName>(handlers: OperationHandlers<K>): OperationHandlers<K> =>
  handlers;

/**
 * The reference server's routes, compiled from the operation table: method, path and schemas come from the
 * entry, the handler from `handlers`. The type demands a handler for every operation, so an entry without one
 * does not compile.
 */
export function operationRoutes(handlers: OperationHandlers): Route[] {
  return (Object.keys(operations) as OperationName[]).map((name) => {
    const op: { method: Route['method']; path: string; body?: SchemaName; query?: SchemaName } = operations[name];
    // The router hands over exactly the input the entry describes: params from the template, body and query
    // parsed with the entry's schemas; the handler's precise type is that promise.
    const handle = handlers[name] as unknown as Route['handle'];
    return { method: op.method, path: op.path, body: op.body, query: op.query, operation: name, handle };
  });
}
