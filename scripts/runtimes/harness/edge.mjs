// Vercel Edge (edge-runtime): bundled to one script; the runner calls the global it defines.
import { OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { verifyRequest, verifyWebhook } from '@vinr/sdk/webhooks';
import { runScenario } from './scenario.mjs';

globalThis.__vinrScenario = (config) =>
  runScenario({ Vinr, OfferLimitReachedError, verifyRequest, verifyWebhook }, config).then(
    (result) => JSON.stringify(result),
    (error) => JSON.stringify({ error: String(error?.stack ?? error) }),
  );
