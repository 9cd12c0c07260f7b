// The scenario every runtime plays against a `vinr-mock` on a loopback port, through the packed `@vinr/sdk`.
// Runtime-neutral on purpose: no Node API, only what Bun, Deno, workerd and edge-runtime all have. The harness of
// each runtime imports the SDK its own way and hands it in; the result is plain JSON for the runner to check.
//   create → publish → activate → track, then a capped offer's typed 409 (OfferLimitReachedError), then a
//   webhook the mock signed and delivered, verified with verifyRequest (and refused once tampered).

const fail = (message) => {
  throw new Error(message);
};

/** Waits for the mock's signed delivery of `type` for `offerId` to reach the receiver. */
async function delivery(receiverURL, runId, type, offerId) {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const res = await fetch(`${receiverURL}/deliveries/${runId}`);
    const list = await res.json();
    const hit = list.find((d) => d.type === type && d.payload.includes(offerId));
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 25));
  }
  return fail(`no ${type} delivery for ${offerId} within 10 s`);
}

/**
 * @param sdk `{ Vinr, OfferLimitReachedError, isVinrError }` from '@vinr/sdk' and
 *            `{ verifyRequest, verifyWebhook }` from '@vinr/sdk/webhooks'
 * @param config `{ baseURL, secretKey, receiverURL, runId }`
 */
export async function runScenario(sdk, config) {
  const { Vinr, OfferLimitReachedError, verifyRequest, verifyWebhook } = sdk;
  const { baseURL, secretKey, receiverURL, runId } = config;
  const out = { steps: [] };
  const step = (name) => out.steps.push(name);

  // The User-Agent the default transport sends, echoed back by the receiver.
  const echo = new Vinr({ secretKey, baseURL: `${receiverURL}/echo`, maxRetries: 0 });
  out.userAgent = (await echo.engagement.offers.retrieve('ofr_echo')).headers['user-agent'];

  const started = performance.now();
  const vinr = new Vinr({ secretKey, baseURL, maxRetries: 2 });
  const endpoint = await vinr.webhookEndpoints.create({
    url: `${receiverURL}/hooks/${runId}`,
    events: ['loyalty.offer.redeemed'],
  });
  step('webhook endpoint created');
  const ana = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', customer: `cus_${runId}_ana` });
  const ben = await vinr.engagement.loyaltyAccounts.create({ tier: 'gold', customer: `cus_${runId}_ben` });
  const offer = await vinr.engagement.offers.create({
    name: `1,000-point bonus (${runId})`,
    incentive: { type: 'points_bonus', points: 1000 },
    targeting: { tiers: ['gold'] },
    max_redemptions: 1,
  });
  step('offer created');
  const published = await vinr.engagement.offers.publish(offer.id);
  if (published.status !== 'active') fail(`published offer is ${published.status}`);
  step('offer published');
  const activation = await vinr.engagement.offers.activate({ offer: offer.id, account: ana.id });
  if (activation.status !== 'consumed') fail(`activation is ${activation.status}`);
  step('offer activated');
  await vinr.engagement.events.track({
    type: 'payment.completed',
    account: ana.id,
    payment_id: `pay_${runId}`,
    amount: 4500,
    currency: 'eur',
  });
  const balance = (await vinr.engagement.loyaltyAccounts.retrieve(ana.id)).points_balance;
  if (balance !== 1045) fail(`balance after bonus and purchase is ${balance}, expected 1045`);
  step('purchase tracked');
  let refused;
  try {
    await vinr.engagement.offers.activate({ offer: offer.id, account: ben.id });
  } catch (error) {
    refused = error;
  }
  if (!(refused instanceof OfferLimitReachedError))
    fail(`capped offer: expected OfferLimitReachedError, got ${refused}`);
  if (refused.status !== 409 || refused.code !== 'offer_limit_reached') fail('capped offer: wrong status or code');
  step('capped offer refused with OfferLimitReachedError (409)');
  out.scenarioMs = Math.round(performance.now() - started);

  const hook = await delivery(receiverURL, runId, 'loyalty.offer.redeemed', offer.id);
  const request = (body) =>
    new Request(`${receiverURL}/hooks/${runId}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-vinr-signature': hook.signature },
    });
  const event = await verifyRequest(request(hook.payload), { secret: endpoint.secret });
  if (event.type !== 'loyalty.offer.redeemed' || event.data.offer !== offer.id) fail('verified event does not match');
  step('signed webhook verified with verifyRequest');
  const tampered = await verifyRequest(request(hook.payload.replace('"loyalty.', '"loyalty.x')), {
    secret: endpoint.secret,
  }).then(
    () => 'accepted',
    (e) => e.reason,
  );
  if (tampered !== 'no_matching_signature') fail(`tampered webhook: ${tampered}`);
  step('tampered webhook refused');
  try {
    verifyWebhook(hook.payload, hook.signature, { secret: endpoint.secret });
    out.syncVerify = 'works';
  } catch (e) {
    if (e?.name !== 'VinrError' || !/verifyRequest/.test(e.message)) throw e;
    out.syncVerify = 'refused, pointing to verifyRequest';
  }
  await vinr.webhookEndpoints.delete(endpoint.id);
  // For the runner's next check (the Cloudflare Worker recipe under workerd): a delivery and its secret.
  out.delivery = { payload: hook.payload, signature: hook.signature, secret: endpoint.secret, offerName: offer.name };
  out.totalMs = Math.round(performance.now() - started);
  return out;
}
