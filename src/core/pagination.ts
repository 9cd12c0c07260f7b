import type { WithResponse } from './api-promise.js';
import { VinrValidationError } from './errors.js';

/** One page of a list, as the API sends it. */
export interface Page<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

type FetchPage<T> = (startingAfter: string | undefined) => Promise<WithResponse<Page<T>>>;

const MAX_TO_ARRAY = 10_000;

/**
 * What every `list` returns: `await` it for the first page, `for await` it for every item across
 * pages, or `.toArray({ limit })` to collect. Nothing is requested until one of those is used, so a
 * list that is never awaited cannot leave an unhandled rejection behind.
 * @example
 * ```ts
 * const page = await vinr.engagement.offers.list({ limit: 20 });
 * for await (const offer of vinr.engagement.offers.list({ status: 'active' })) console.log(offer.id);
 * const all = await vinr.engagement.offers.list().toArray({ limit: 500 });
 * ```
 */
export class PagePromise<T extends { id: string } | { key: string }> implements Promise<Page<T>>, AsyncIterable<T> {
  /** Makes a PagePromise usable wherever a `Promise<Page<T>>` is expected. */
  readonly [Symbol.toStringTag] = 'PagePromise';
  #first: Promise<WithResponse<Page<T>>> | undefined;
  #firstData: Promise<Page<T>> | undefined;
  readonly #fetch: FetchPage<T>;
  readonly #startingAfter: string | undefined;

  /** @internal Made by resource `list` methods. */
  constructor(fetch: FetchPage<T>, startingAfter?: string) {
    this.#fetch = fetch;
    this.#startingAfter = startingAfter;
  }

  #firstResponse(): Promise<WithResponse<Page<T>>> {
    this.#first ??= this.#fetch(this.#startingAfter);
    return this.#first;
  }

  #firstPage(): Promise<Page<T>> {
    this.#firstData ??= this.#firstResponse().then((r) => r.data);
    return this.#firstData;
  }

  /**
   * Resolves to the first page together with its response: status, headers (a plain object, lower-cased
   * names) and request id.
   * @example
   * ```ts
   * const { data: page, response } = await vinr.engagement.offers.list({ limit: 5 }).withResponse();
   * console.log(page.data.length, response.requestId);
   * ```
   */
  withResponse(): Promise<WithResponse<Page<T>>> {
    return this.#firstResponse();
  }

  /**
   * Makes the list awaitable: resolves to the first page.
   * @example
   * ```ts
   * const { data, has_more } = await vinr.engagement.offers.list({ limit: 5 });
   * ```
   */
  // biome-ignore lint/suspicious/noThenProperty: PagePromise is deliberately awaitable.
  then<A = Page<T>, B = never>(
    onfulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  /**
   * Handles a failure to fetch the first page.
   * @example
   * ```ts
   * const page = await vinr.engagement.offers.list().catch(() => null);
   * ```
   */
  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.#firstPage().catch(onrejected);
  }

  /**
   * Runs `onfinally` once the first page settles.
   * @example
   * ```ts
   * await vinr.engagement.offers.list().finally(() => spinner.stop());
   * ```
   */
  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /**
   * Iterates every item across pages, fetching the next page as needed.
   * @example
   * ```ts
   * for await (const offer of vinr.engagement.offers.list({ status: 'active' })) console.log(offer.name);
   * ```
   */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page = await this.#firstPage();
    for (;;) {
      yield* page.data;
      const last = page.data[page.data.length - 1];
      if (!page.has_more || !last) return;
      page = (await this.#fetch(cursorOf(last))).data;
    }
  }

  /**
   * Collects up to `limit` items (at most 10 000) across pages.
   * @example
   * ```ts
   * const offers = await vinr.engagement.offers.list({ status: 'active' }).toArray({ limit: 500 });
   * ```
   */
  async toArray(options: { limit: number }): Promise<T[]> {
    const limit = options?.limit;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TO_ARRAY) {
      throw new VinrValidationError([{ path: 'limit', message: `required, an integer from 1 to ${MAX_TO_ARRAY}` }]);
    }
    const out: T[] = [];
    for await (const item of this) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }
}

const cursorOf = (item: { id: string } | { key: string }): string => ('id' in item ? item.id : item.key);
