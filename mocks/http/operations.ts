import { type OperationName, type Operations, operations } from '../../src/api/operations/index.js';
import type { SchemaName } from '../../src/schemas/index.js';
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

/** Serves one operation: an engine call, no HTTP and no rule. */
export type OperationHandler<N extends OperationName> = (input: OperationInput<N>, ctx: MockContext) => unknown;

/** A group of handlers, one per operation name (a route file's export). */
export type OperationHandlers<K extends OperationName = OperationName> = { [N in K]: OperationHandler<N> };

/**
 * Types a route file's handlers from the operation table.
 * @example
 * ```ts
 * export const handlers = defineHandlers({
 *   'offers.retrieve': ({ params }, ctx) => ctx.engine.offers.retrieve(params.id),
 * });
 * ```
 */
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
