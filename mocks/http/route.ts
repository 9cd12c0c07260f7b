import type { z } from 'zod';
import type { OperationName, PathParams } from '../../src/api/operations/index.js';
import type { SchemaName, schemas } from '../../src/schemas/index.js';
import type { MockContext } from './context.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

type Schemas = typeof schemas;
/** What a schema name parses to; no schema: the raw JSON (test helpers parse their own bodies). */
type Parsed<N> = N extends SchemaName ? z.output<Schemas[N]> : unknown;

/** What a route's `handle` receives: input already validated with the route's schemas, never raw HTTP. */
export interface RouteInput<P extends string = string, B = unknown, Q = unknown> {
  params: PathParams<P>;
  body: Parsed<B>;
  query: Parsed<Q>;
}

/** A route as the router serves it (the typed form is {@link defineRoute}'s argument). */
export interface Route {
  method: Method;
  /** Path under the base URL, `:name` for parameters: `/engagement/offers/:id`. */
  path: string;
  /** Shared schema for the JSON body (POST/PATCH/DELETE). Without it, a non-empty body is refused (test helpers excepted). */
  body?: SchemaName | undefined;
  /** Shared schema for the query string. Without it, query parameters are ignored. */
  query?: SchemaName | undefined;
  /** The operation of the API this route serves (`offers.retrieve`); test helpers have none. */
  operation?: OperationName | undefined;
  /** Test helpers are exempt from injected faults and idempotency. */
  testHelper?: boolean;
  handle(input: RouteInput, ctx: MockContext): unknown;
}

/** A route whose `handle` gets its params from the path template and its body and query from the named schemas. */
export interface RouteSpec<P extends string, B extends SchemaName | undefined, Q extends SchemaName | undefined> {
  method: Method;
  path: P;
  body?: B;
  query?: Q;
  operation?: OperationName;
  testHelper?: boolean;
  handle(input: RouteInput<P, B, Q>, ctx: MockContext): unknown;
}

/**
 * Types a route's input from its path and schema names. The one cast is sound because the router builds the input
 * from those same names: params from the compiled template, body and query parsed with the named schemas.
 */
export const defineRoute = <
  P extends string,
  B extends SchemaName | undefined = undefined,
  Q extends SchemaName | undefined = undefined,
>(
  route: RouteSpec<P, B, Q>,
): Route => route as unknown as Route;
