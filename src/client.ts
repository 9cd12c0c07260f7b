import { ApiClient } from './core/api-client.js';
import { type ClientOptions, normalizeOptions } from './core/options.js';
import { Checkouts } from './resources/checkouts.js';
import { EngagementEvents } from './resources/engagement-events.js';
import { Events } from './resources/events.js';
import { LoyaltyAccounts } from './resources/loyalty-accounts.js';
import { Offers } from './resources/offers.js';
import { PointsTransactions, Redemptions } from './resources/redemptions.js';
import { Rewards } from './resources/rewards.js';
import { Segments } from './resources/segments.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';
import { Webhooks } from './webhooks/resource.js';

/** `vinr.engagement`: offers and everything they act on. */
export interface Engagement {
  offers: Offers;
  redemptions: Redemptions;
  loyaltyAccounts: LoyaltyAccounts;
  segments: Segments;
  rewards: Rewards;
  events: EngagementEvents;
  pointsTransactions: PointsTransactions;
  checkouts: Checkouts;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The VINR API client.
 * @example
 * ```ts
 * import { Vinr } from '@vinr/sdk';
 * const vinr = new Vinr({ secretKey: process.env.VINR_SECRET_KEY });
 * const offer = await vinr.engagement.offers.retrieve('ofr_123');
 * ```
 */
export class Vinr {
  readonly engagement: Engagement;
  readonly webhookEndpoints: WebhookEndpoints;
  /** The log of emitted webhook events. */
  readonly events: Events;
  /** Webhook signature verification and signing. */
  readonly webhooks: Webhooks;
  readonly #options: ClientOptions;
  readonly #client: ApiClient;

  constructor(options: ClientOptions = {}) {
    const normalized = normalizeOptions(options);
    this.#options = { ...options };
    this.#client = new ApiClient(normalized);
    const c = this.#client;
    this.engagement = {
      offers: new Offers(c),
      redemptions: new Redemptions(c),
      loyaltyAccounts: new LoyaltyAccounts(c),
      segments: new Segments(c),
      rewards: new Rewards(c),
      events: new EngagementEvents(c),
      pointsTransactions: new PointsTransactions(c),
      checkouts: new Checkouts(c),
    };
    this.webhookEndpoints = new WebhookEndpoints(c);
    this.events = new Events(c);
    this.webhooks = new Webhooks(() => normalized.webhookSecret);
  }

  /** The base URL requests go to. */
  get baseURL(): string {
    return this.#client.baseURL;
  }

  /**
   * A new client with some options changed, sharing this one's connection pool.
   * @example
   * ```ts
   * const patient = vinr.withOptions({ timeout: 120_000, maxRetries: 5 });
   * ```
   */
  withOptions(options: Partial<ClientOptions>): Vinr {
    const next = new Vinr({ ...this.#options, ...options });
    if (!('dispatcher' in options) && !('fetch' in options)) next.#client.shareTransport(this.#client);
    return next;
  }

  /**
   * Closes the keep-alive connections this client opened (an injected `dispatcher` or `fetch` is left to its owner).
   * @example
   * ```ts
   * await vinr.close();
   * ```
   */
  close(): Promise<void> {
    return this.#client.transport.close();
  }

  /**
   * What `JSON.stringify(vinr)` shows: the base URL only, never the secret key.
   * @example
   * ```ts
   * JSON.stringify(vinr); // '{"baseURL":"https://api.vinr.com/v1"}'
   * ```
   */
  toJSON(): { baseURL: string } {
    return { baseURL: this.baseURL };
  }

  /**
   * What `util.inspect` and `console.log` show: the base URL only, never the secret key.
   * @example
   * ```ts
   * console.log(vinr); // Vinr { baseURL: 'https://api.vinr.com/v1' }
   * ```
   */
  [inspectSymbol](): string {
    return `Vinr { baseURL: '${this.baseURL}' }`;
  }
}
