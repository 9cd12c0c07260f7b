/**
 * `openapi.json`, generated from the operation table (src/api/operations) and the zod schemas it names
 * (request inputs in src/schemas, response objects in src/schemas/objects), with zod's JSON Schema output.
 * Nothing here is hand-written per endpoint: a new table entry appears in the document by itself.
 */
import { z } from 'zod';
import { type Operation, operations } from '../../src/api/operations/index.js';
import { schemas } from '../../src/schemas/index.js';
import { objects } from '../../src/schemas/objects/index.js';
import { VERSION } from '../../src/version.js';

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const uri = (id: string) => `#/components/schemas/${id}`;

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) without the per-document keywords a component must not carry. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, $id: __, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io }) as Json;
  return rest;
}

function components(): Json {
  void objects; // registers every object under its name (`.meta({ id })`)
  const all = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', io: 'output', uri });
  const out: Json = {};
  for (const [name, schema] of Object.entries(all.schemas)) {
    const { $schema: _, $id: __, ...rest } = schema as Json;
    out[name] = rest;
  }
  return out;
}

const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}');
const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1] as string);

function queryParameters(op: Operation): Json[] {
  if (!op.query) return [];
  const s = jsonSchema(schemas[op.query], 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: s.required?.includes(name) ?? false,
    schema,
  }));
}

function requestBody(op: Operation): Json | undefined {
  if (!op.body) return undefined;
  const schema = jsonSchema(schemas[op.body], 'input') as Json & { required?: string[] };
  return {
    required: (schema.required?.length ?? 0) > 0,
    content: { 'application/json': { schema } },
  };
}

function success(op: Operation): Json {
  const schema = op.list
    ? {
        type: 'object',
        properties: {
          object: { type: 'string', const: 'list' },
          data: { type: 'array', items: ref(op.response) },
          has_more: { type: 'boolean' },
        },
        required: ['object', 'data', 'has_more'],
        additionalProperties: false,
      }
    : ref(op.response);
  return {
    description: op.list ? `A page of ${op.response} objects, newest first.` : `The ${op.response}.`,
    headers: { 'Vinr-Request-Id': { $ref: '#/components/headers/RequestId' } },
    content: { 'application/json': { schema } },
  };
}

/** Statuses an operation can refuse with; each is the one Error response. */
function errorStatuses(op: Operation): string[] {
  const statuses = ['400', '401', '404'];
  if (op.method !== 'GET') statuses.push('409');
  if (op.response === 'OfferActivation' || op.response === 'EngagementEvent') statuses.push('422');
  return [...statuses, '429', '500'];
}

function operation(name: string, op: Operation): Json {
  const parameters: Json[] = [
    ...pathParams(op.path).map((p) => ({ name: p, in: 'path', required: true, schema: { type: 'string' } })),
    ...queryParameters(op),
  ];
  if (op.method !== 'GET') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  const body = requestBody(op);
  const responses: Json = { '200': success(op) };
  for (const status of errorStatuses(op)) responses[status] = { $ref: '#/components/responses/Error' };
  return {
    operationId: name.replace('.', '_'),
    summary: op.summary,
    tags: [name.split('.')[0]],
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

/** The whole document, deterministic (same table, same bytes). */
export function buildOpenAPI(): Json {
  const paths: Record<string, Json> = {};
  for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
    const key = toOpenApiPath(op.path);
    paths[key] = { ...paths[key], [op.method.toLowerCase()]: operation(name, op) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'VINR engagement API',
      version: VERSION,
      description:
        'Loyalty offers, members, payments and webhooks. Generated from the operation table of @vinr/sdk; ' +
        'the rules behind each operation are described in docs/api.md of the package.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://api.vinr.com/v1' }],
    security: [{ secretKey: [] }],
    paths,
    components: {
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'Your secret key: `Authorization: Bearer sk_…`.' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes a write safe to retry: the first response for a key is stored for 24 h and replayed ' +
            '(`Idempotent-Replayed: true`). The same key with another method, path or body is a 409.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      headers: {
        RequestId: {
          description: 'Identifies the request (`req_…`), for support and logs.',
          schema: { type: 'string' },
        },
      },
      responses: {
        Error: {
          description: 'A refusal: `error.code` says which (see docs/api.md for every code and its status).',
          headers: { 'Vinr-Request-Id': { $ref: '#/components/headers/RequestId' } },
          content: {
            'application/json': {
              schema: ref('Error'),
              example: {
                error: {
                  code: 'offer_limit_reached',
                  message: 'This offer has reached its max_redemptions.',
                  details: { limit: 'max_redemptions' },
                },
              },
            },
          },
        },
      },
      schemas: components(),
    },
  };
}

/** The document as committed: two-space JSON and a final newline. */
export const renderOpenAPI = (): string => `${JSON.stringify(buildOpenAPI(), null, 2)}\n`;
