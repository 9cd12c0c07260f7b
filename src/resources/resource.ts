import type { Operation } from '../api/operations/index.js';
import type { ApiClient } from '../core/api-client.js';
import type { RequestOptions } from '../core/options.js';
import { type Page, PagePromise } from '../core/pagination.js';
import { fillPath } from '../core/path.js';
import { validate } from '../core/validate.js';
import type { SchemaName } from '../schemas/index.js';

/**
 * Base of every resource namespace: a method names its operation in the table (`src/api/operations`) and
 * passes its arguments; method, path and schemas come from the entry.
 */
export abstract class APIResource {
  protected readonly _client: ApiClient;
  /** @internal Made by the `Vinr` constructor. */
  constructor(client: ApiClient) {
    this._client = client;
  }

  /**
   * Sends one operation: `ids` fill the path parameters in order, `params` is validated with the entry's body
   * schema, or its query schema for a read that takes one (nothing is sent when it fails). A bad id throws
   * here; resource methods are `async`, so the caller still only ever sees a rejection.
   */
  protected _request<T>(op: Operation, ids: readonly string[], params?: unknown, options?: RequestOptions): Promise<T> {
    const path = fillPath(op.path, ids);
    const { method, body: schema, query } = op;
    if (schema !== undefined) {
      return validate<unknown>(schema, params).then((body) => this._client.request<T>({ method, path, body }, options));
    }
    if (query !== undefined) {
      return validate<Record<string, unknown>>(query, params ?? {}).then((q) =>
        this._client.request<T>({ method, path, query: q }, options),
      );
    }
    return this._client.request<T>({ method, path }, options);
  }

  /** A lazily-fetched list whose params are validated with the entry's query schema before the first request. */
  protected _list<T extends { id: string } | { key: string }>(
    op: Operation & { query: SchemaName },
    params: object | undefined,
    options: RequestOptions | undefined,
  ): PagePromise<T> {
    let validated: Promise<Record<string, unknown>> | undefined;
    return new PagePromise<T>(async (startingAfter) => {
      validated ??= validate<Record<string, unknown>>(op.query, params ?? {});
      const query = await validated;
      return this._client.request<Page<T>>(
        { method: 'GET', path: op.path, query: startingAfter ? { ...query, starting_after: startingAfter } : query },
        options,
      );
    });
  }
}
