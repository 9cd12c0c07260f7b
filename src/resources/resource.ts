import type { Operation } from '../api/operations/index.js';
import type { ApiClient } from '../core/api-client.js';
import { APIPromise, type WithResponse } from '../core/api-promise.js';
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
   * schema, or its query schema for a read that takes one (nothing is sent when it fails). The request starts at once; the result can also be asked for with
   * its response (`.withResponse()`). A bad id or option becomes a rejection, like every other failure.
   */
  protected _request<T>(
    op: Operation,
    ids: readonly string[],
    params?: unknown,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise(this.#send<T>(op, ids, params, options));
  }

  /**
   * For the methods whose SDK arguments are not the wire's: `params` is validated with `schema`, then `split`
   * turns the result into the path ids and the body of `op`.
   */
  protected _requestFrom<P, T>(
    schema: SchemaName,
    params: unknown,
    split: (validated: P) => readonly [ids: readonly string[], body: unknown],
    op: Operation,
    options?: RequestOptions,
  ): APIPromise<T> {
    const raw = validate<P>(schema, params).then((validated) => {
      const [ids, body] = split(validated);
      return this.#send<T>(op, ids, body, options);
    });
    return new APIPromise(raw);
  }

  #send<T>(op: Operation, ids: readonly string[], params: unknown, options: RequestOptions | undefined) {
    let path: string;
    try {
      path = fillPath(op.path, ids);
    } catch (error) {
      return Promise.reject<WithResponse<T>>(error);
    }
    const { method, body: schema, query } = op;
    if (schema !== undefined) {
      return validate<unknown>(schema, params).then((body) =>
        this._client.requestWithResponse<T>({ method, path, body }, options),
      );
    }
    if (query !== undefined) {
      return validate<Record<string, unknown>>(query, params ?? {}).then((q) =>
        this._client.requestWithResponse<T>({ method, path, query: q }, options),
      );
    }
    return this._client.requestWithResponse<T>({ method, path }, options);
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
      return this._client.requestWithResponse<Page<T>>(
        { method: 'GET', path: op.path, query: startingAfter ? { ...query, starting_after: startingAfter } : query },
        options,
      );
    });
  }
}
