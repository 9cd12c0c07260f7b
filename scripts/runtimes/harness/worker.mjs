// Cloudflare Worker: POST the config, get the scenario's result (or the error) back as JSON.
import { OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { verifyRequest, verifyWebhook } from '@vinr/sdk/webhooks';
import { runScenario } from './scenario.mjs';

export default {
  async fetch(request) {
    try {
      const config = await request.json();
      return Response.json(await runScenario({ Vinr, OfferLimitReachedError, verifyRequest, verifyWebhook }, config));
    } catch (error) {
      return Response.json({ error: String(error?.stack ?? error) }, { status: 500 });
    }
  },
};
