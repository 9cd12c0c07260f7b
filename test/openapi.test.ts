import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createVinrMock } from '@vinr/sdk/mocks';
import { describe, expect, it } from 'vitest';
import { renderOpenAPI } from '../scripts/openapi/document.js';
import { withOperationsList } from '../scripts/openapi/operations-doc.js';
import { operations } from '../src/api/operations/index.js';

const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
const doc = JSON.parse(committed) as {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

describe('openapi.json', () => {
  it('is exactly what the operation table generates (run `npm run build:openapi` after changing the table)', () => {
    expect(committed === renderOpenAPI(), 'openapi.json is stale: run `npm run build:openapi` and commit it').toBe(
      true,
    );
  });

  it('and the operations list of docs/api.md are what the table generates', () => {
    const page = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    expect(page === withOperationsList(page), 'docs/api.md is stale: run `npm run build:openapi`').toBe(true);
    expect(page).toContain('| `GET /engagement/offers/:id` | `vinr.engagement.offers.retrieve` | `Offer` |');
  });

  it('is a valid OpenAPI 3.1 document, and the validator refuses a broken one', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('lists every operation of the table with its method, path, success and error responses', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const expected = Object.entries(operations).map(
      ([name, op]) => `${op.method} ${op.path.replace(/:(\w+)/g, '{$1}')} ${name.replace('.', '_')}`,
    );
    expect(listed.sort()).toEqual(expected.sort());
    expect(listed).toHaveLength(37);
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(op.responses['200']).toMatchObject({ content: { 'application/json': { schema: expect.any(Object) } } });
        expect(op.responses['400']).toEqual({ $ref: '#/components/responses/Error' });
      }
    }
  });

  it('names a schema after each object of the API, plus Error', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Offer',
        'LoyaltyAccount',
        'Segment',
        'Reward',
        'OfferActivation',
        'OfferRedemption',
        'PointsTransaction',
        'EngagementEvent',
        'Checkout',
        'CheckoutPreview',
        'OfferEligibility',
        'WebhookEndpoint',
        'Event',
        'Error',
      ]),
    );
  });

  it('is shipped by the package as @vinr/sdk/openapi.json', () => {
    expect(pkg.exports['./openapi.json']).toBe('./openapi.json');
    expect(pkg.files).toContain('openapi.json');
  });
});

describe('response validation against openapi.json', () => {
  it('lets conforming responses through and counts them', async () => {
    const mock = createVinrMock({ validateResponses: true });
    const vinr = mock.client({ maxRetries: 0 });
    const offer = await vinr.engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    await expect(vinr.engagement.offers.retrieve('ofr_missing')).rejects.toMatchObject({ status: 404 });
    expect((await vinr.engagement.offers.list()).data[0]?.id).toBe(offer.id);
  });

  it('turns a response that drifts from the document into a loud 500 naming the field', async () => {
    const { checkResponse, responseValidation } = await import('../mocks/http/response-validation.js');
    const mock = createVinrMock({ validateResponses: true });
    const offer = await mock
      .client()
      .engagement.offers.create({ name: 'x', incentive: { type: 'points_bonus', points: 5 } });
    const route = {
      method: 'GET',
      path: '/engagement/offers/:id',
      operation: 'offers.retrieve',
      handle: () => 0,
    } as const;
    const send = (body: unknown, status = 200) =>
      checkResponse(
        route,
        'GET',
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json', 'vinr-request-id': 'req_test' },
        }),
      );
    expect((await send(offer)).status).toBe(200);
    const { redemption_count: _, ...missing } = offer;
    const drifted = await send({ ...missing, surprise: true });
    expect(drifted.status).toBe(500);
    const { error } = (await drifted.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('GET /engagement/offers/:id → 200');
    expect(error.message).toContain("must have required property 'redemption_count'");
    expect(error.message).toContain('must NOT have additional properties');
    expect((await send({ error: { code: 409 } }, 409)).status).toBe(500);
    // The suite's setup fails any test that leaves a violation behind; these two were on purpose.
    expect(responseValidation.violations.splice(0)).toHaveLength(2);
  });
});
