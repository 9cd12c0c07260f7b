/**
 * The HTTP clients compared by the benchmark, each reduced to "one GET of a ~600-byte JSON, parsed".
 * Each loads its library only when chosen, so a fresh client process holds one library and nothing else.
 */

/** A ready client: `call()` performs one request and resolves with the parsed body. */
export interface Prepared {
  call(): Promise<unknown>;
  close(): Promise<void>;
}

export const VARIANTS = ['undici', 'sdk', 'dispatch', 'fetch', 'sdk-fetch', 'stripe', 'openai'] as const;
export type Variant = (typeof VARIANTS)[number];

/** What each variant is, for the report. */
export const DESCRIPTIONS: Record<Variant, string> = {
  undici: 'raw `undici.request` + `body.json()` (the floor)',
  sdk: '`vinr.engagement.offers.retrieve` (retries enabled, unused)',
  dispatch: 'undici `Agent.dispatch` with a minimal buffering handler: the transport the SDK is built on, bare',
  fetch: "Node's global `fetch` + `res.json()`",
  'sdk-fetch':
    '`offers.retrieve` over the fetch transport (`new Vinr({ fetch })`, as on Bun, Deno, workers): compare with `fetch`',
  stripe: 'stripe-node `customers.retrieve` (maxNetworkRetries 0)',
  openai: 'openai-node `models.retrieve` (maxRetries 0)',
};

const KEY = 'sk_test_bench';

export const isVariant = (v: string): v is Variant => (VARIANTS as readonly string[]).includes(v);

/** Builds the chosen client against `http://127.0.0.1:<port>`. */
export async function prepare(variant: Variant, port: number): Promise<Prepared> {
  const origin = `http://127.0.0.1:${port}`;
  switch (variant) {
    case 'undici': {
      const { request, getGlobalDispatcher } = await import('undici');
      const url = `${origin}/v1/engagement/offers/ofr_123`;
      const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
      return {
        call: async () => {
          const res = await request(url, { headers });
          return res.body.json();
        },
        close: () => getGlobalDispatcher().close(),
      };
    }
    case 'sdk': {
      const { Vinr } = await import('@vinr/sdk');
      const vinr = new Vinr({ secretKey: KEY, baseURL: `${origin}/v1` });
      return { call: () => vinr.engagement.offers.retrieve('ofr_123'), close: () => vinr.close() };
    }
    case 'sdk-fetch': {
      const { Vinr } = await import('@vinr/sdk');
      const vinr = new Vinr({ secretKey: KEY, baseURL: `${origin}/v1`, fetch: globalThis.fetch });
      return { call: () => vinr.engagement.offers.retrieve('ofr_123'), close: () => vinr.close() };
    }
    case 'dispatch': {
      const { Agent } = await import('undici');
      const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
      const path = '/v1/engagement/offers/ofr_123';
      const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
      const call = () =>
        new Promise<unknown>((resolve, reject) => {
          const chunks: Buffer[] = [];
          agent.dispatch(
            { origin, path, method: 'GET', headers },
            {
              onRequestStart: () => {}, // marks the handler as using undici's current API
              onResponseData: (_c, chunk) => void chunks.push(chunk),
              onResponseEnd: () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))),
              onResponseError: (_c, error) => reject(error),
            },
          );
        });
      return { call, close: () => agent.close() };
    }
    case 'fetch': {
      const url = `${origin}/v1/engagement/offers/ofr_123`;
      const headers = { authorization: `Bearer ${KEY}`, accept: 'application/json' };
      return {
        call: async () => {
          const res = await fetch(url, { headers });
          return res.json();
        },
        close: async () => {},
      };
    }
    case 'stripe': {
      const { default: Stripe } = await import('stripe');
      const stripe = new Stripe(KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
      return { call: () => stripe.customers.retrieve('cus_123'), close: async () => {} };
    }
    case 'openai': {
      const { default: OpenAI } = await import('openai');
      const openai = new OpenAI({ apiKey: KEY, baseURL: `${origin}/v1`, maxRetries: 0 });
      return { call: () => openai.models.retrieve('gpt-bench'), close: async () => {} };
    }
  }
}
