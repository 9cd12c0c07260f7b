import type { HttpMethod } from '../../core/api-client.js';
import type { SchemaName } from '../../schemas/index.js';
import type { ObjectName } from '../../schemas/objects/index.js';

/**
 * One operation of the API, declared once. It holds schema NAMES, not schemas: the SDK resolves them with its
 * lazy loader (so loading `@vinr/sdk` loads no zod), the reference server compiles its routes from the same
 * entries, and `openapi.json` is generated from them.
 */
export interface Operation {
  readonly method: HttpMethod;
  /** Path under the base URL; `:name` marks a path parameter, e.g. `/engagement/offers/:id`. */
  readonly path: string;
  /** One line for people: the OpenAPI summary and the operations list of docs/api.md. */
  readonly summary: string;
  /** Input schema of the JSON body (writes). Without it the operation takes no body. */
  readonly body?: SchemaName;
  /** Input schema of the query string. Without it the operation takes no query parameters. */
  readonly query?: SchemaName;
  /** The object returned on success (HTTP 200). */
  readonly response: ObjectName;
  /** `true`: the response is a page `{ object: 'list', data: [response…], has_more }`. */
  readonly list?: true;
}

/** The path parameters a template declares: `'/a/:id/b/:key'` → `{ id: string; key: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer K}/${infer Rest}`
  ? { [k in K]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer K}`
    ? { [k in K]: string }
    : Record<never, string>;

/** Operation names are `namespace.method`, as the SDK spells them (`offers.retrieve`). */
export type OperationTable = Readonly<Record<string, Operation>>;
