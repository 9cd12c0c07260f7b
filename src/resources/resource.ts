import type { ApiClient } from '../core/api-client.js';
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
      return this._client.request<Page<T>>(
        { method: 'GET', path, query: startingAfter ? { ...query, starting_after: startingAfter } : query },
        options,
      );
    });
  }
}
