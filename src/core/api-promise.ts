/** What `.withResponse()` adds to a result: the HTTP response it came from. */
export interface APIResponseInfo {
  status: number;
  /** Response headers as a plain object with lower-cased names. */
  headers: Record<string, string>;
  /** The `vinr-request-id` header: quote it when contacting support. */
  requestId: string | null;
}

/** A result together with its response. */
export interface WithResponse<T> {
  data: T;
  response: APIResponseInfo;
}

/**
 * What every non-list SDK method returns: a promise of the result that can also give the raw response.
 * The request starts at once, as with any promise.
 * @example
 * ```ts
 * const offer = await vinr.engagement.offers.retrieve('ofr_123');
 * const { data, response } = await vinr.engagement.offers.retrieve('ofr_123').withResponse();
 * console.log(response.status, response.requestId, data.status);
 * ```
 */
export class APIPromise<T> implements Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  /** @internal Made by resource methods. */
  constructor(raw: Promise<WithResponse<T>>) {
    this.#raw = raw;
  }

  /** Makes an APIPromise usable wherever a `Promise<T>` is expected. */
  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }

  #value(): Promise<T> {
    this.#data ??= this.#raw.then(dataOf);
    return this.#data;
  }

  /**
   * Resolves to the result together with the response: status, headers (a plain object, lower-cased names)
   * and request id.
   * @example
   * ```ts
   * const { data: account, response } = await vinr.engagement.loyaltyAccounts.create().withResponse();
   * console.log(account.id, response.status, response.headers['content-type'], response.requestId);
   * ```
   */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  /**
   * Makes the result awaitable.
   * @example
   * ```ts
   * const offer = await vinr.engagement.offers.retrieve('ofr_123');
   * ```
   */
  // biome-ignore lint/suspicious/noThenProperty: APIPromise is deliberately awaitable.
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: the same signature as `Promise.prototype.then`.
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    // One derived promise per await: the result is unwrapped in the same step as the caller's own callback.
    if (this.#data) return this.#data.then(onfulfilled, onrejected);
    return this.#raw.then(onfulfilled ? (r) => onfulfilled(r.data) : (dataOf as never), onrejected);
  }

  /**
   * Handles a failure.
   * @example
   * ```ts
   * const offer = await vinr.engagement.offers.retrieve('ofr_123').catch(() => null);
   * ```
   */
  // biome-ignore lint/suspicious/noExplicitAny: the same signature as `Promise.prototype.catch`.
  catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#value().catch(onrejected);
  }

  /**
   * Runs `onfinally` once the request settles.
   * @example
   * ```ts
   * await vinr.engagement.offers.retrieve('ofr_123').finally(() => spinner.stop());
   * ```
   */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }
}

const dataOf = <T>(r: WithResponse<T>): T => r.data;
