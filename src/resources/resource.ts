import type { ApiClient } from '../core/api-client.js';
import { APIPromise, type WithResponse } from '../core/api-promise.js';
import type { RequestOptions } from '../core/options.js';
import { type Page, PagePromise } from '../core/pagination.js';
import type { SchemaName } from '../schemas/index.js';

/** Base of every resource namespace: methods only build a path and call the client. */
export abstract class APIResource {
  protected readonly _client: ApiClient;
  /** @internal Made by the `Vinr` constructor. */
  constructor(client: ApiClient) {
    this._client = client;
  }

  /**
   * Runs a method's body now and wraps its result so that callers may also ask for the response.
   * A synchronous throw (a bad path segment) becomes a rejection, like everything else.
   */
  protected _call<T>(body: () => Promise<WithResponse<T>>): APIPromise<T> {
    let raw: Promise<WithResponse<T>>;
    try {
      raw = body();
    } catch (error) {
      raw = Promise.reject(error);
    }
    return new APIPromise(raw);
  }

  /** A lazily-fetched list whose params are validated with `schema` before the first request. */
  protected _list<T extends { id: string } | { key: string }>(
    path: string,
    schema: SchemaName,
    params: object | undefined,
    options: RequestOptions | undefined,
  ): PagePromise<T> {
    let validated: Promise<Record<string, unknown>> | undefined;
    return new PagePromise<T>(async (startingAfter) => {
      validated ??= this._client.validate<Record<string, unknown>>(schema, params ?? {});
      const query = await validated;
      return this._client.requestWithResponse<Page<T>>(
        { method: 'GET', path, query: startingAfter ? { ...query, starting_after: startingAfter } : query },
        options,
      );
    });
  }
}
