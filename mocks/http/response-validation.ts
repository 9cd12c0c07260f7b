import type { MockResponse } from './exchange.js';
import type { Route } from './route.js';

/**
 * `createVinrMock({ validateResponses: true })`: every response the server sends is checked against the
 * generated `openapi.json` with a JSON Schema 2020-12 validator (ajv), not against the zod schemas the document
 * was made from, so a mistake in the conversion is caught too. A response that does not match is replaced by a
 * 500 `internal_error` naming the operation and the failing paths, and recorded in {@link responseValidation}.
 *
 * ajv and the document load on the first checked response, never on the default path. ajv is an optional peer
 * dependency of the package: install it (`npm i -D ajv`) to use the option.
 */

type Check = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
/** Validators compile on first use: ajv compiles a schema in milliseconds, the whole document in seconds. */
interface Checks {
  ok(key: string): Check | undefined;
  error: Check;
}

/** Process-wide counters: the test suite reports and asserts them. */
export const responseValidation = {
  checked: 0,
  violations: [] as string[],
  /** Set by the test suite's setup file: every mock it creates validates its responses. */
  defaultOn: false,
};

let loading: Promise<Checks> | undefined;

const pointer = (...tokens: string[]) =>
  tokens.map((t) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

async function load(): Promise<Checks> {
  const [ajvModule, docModule] = await Promise.all([
    import('ajv/dist/2020.js').catch((cause: unknown) => {
      throw new Error('validateResponses needs the optional dependency ajv: npm i -D ajv', { cause });
    }),
    import('../../openapi.json', { with: { type: 'json' } }),
  ]);
  // ajv is CommonJS: depending on the loader its class is `default` or `default.default`.
  type AjvClass = typeof import('ajv/dist/2020.js').default;
  const exported = ajvModule.default as AjvClass & { default?: AjvClass };
  const Ajv2020 = exported.default ?? exported;
  const doc = docModule.default as { paths: Record<string, Record<string, unknown>> };
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const ID = 'https://vinr.invalid/openapi.json';
  ajv.addSchema(doc as object, ID);
  const ok = new Map<string, Check>();
  const paths = new Set(Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`)));
  const compileOk = (key: string): Check | undefined => {
    const [method = '', path = ''] = key.split(' ');
    if (!paths.has(`${method.toLowerCase()} ${path}`)) return undefined;
    const at = pointer(
      'paths',
      path,
      method.toLowerCase(),
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    );
    const check = ajv.compile({ $ref: `${ID}#/${at}` }) as Check;
    ok.set(key, check);
    return check;
  };
  const error = ajv.compile({ $ref: `${ID}#/components/schemas/Error` }) as Check;
  return { ok: (key) => ok.get(key) ?? compileOk(key), error };
}

/**
 * Checks one response; returns it unchanged when it matches, else a 500 that says what did not.
 * Test-helper successes are outside the API's document and pass unchecked; their errors are checked.
 */
export async function checkAnswer(
  route: Route | undefined,
  method: string,
  response: MockResponse,
): Promise<MockResponse> {
  if (response.dropped) return response; // a dropped connection: nothing was sent
  loading ??= load();
  const checks = await loading;
  const success = response.status >= 200 && response.status < 300;
  const key = route?.operation ? `${route.method} ${route.path.replace(/:([A-Za-z_]+)/g, '{$1}')}` : undefined;
  const check = success ? (key ? checks.ok(key) : undefined) : checks.error;
  if (!check) return response;
  const what = `${method} ${route?.path ?? '(no route)'} → ${response.status}`;
  let problems: string[] = [];
  const type = response.headers['content-type'];
  if (typeof type !== 'string' || !type.startsWith('application/json')) problems.push('content-type is not JSON');
  if (!response.headers['vinr-request-id']) problems.push('no Vinr-Request-Id header');
  try {
    if (!check(JSON.parse(response.body))) {
      problems = problems.concat((check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`));
    }
  } catch {
    problems.push('the body is not JSON');
  }
  responseValidation.checked++;
  if (problems.length === 0) return response;
  const message = `The reference server's response does not match openapi.json (${what}): ${problems.join('; ')}`;
  responseValidation.violations.push(message);
  console.error(message);
  const id = response.headers['vinr-request-id'];
  return {
    status: 500,
    headers: { 'content-type': 'application/json', 'vinr-request-id': typeof id === 'string' ? id : '' },
    body: JSON.stringify({ error: { code: 'internal_error', message } }),
    code: 'internal_error',
  };
}

/** {@link checkAnswer} for a Fetch `Response`. */
export async function checkResponse(route: Route | undefined, method: string, response: Response): Promise<Response> {
  if (response.type === 'error') return response;
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const answer = { status: response.status, headers, body: await response.clone().text(), code: null };
  const checked = await checkAnswer(route, method, answer);
  return checked === answer
    ? response
    : new Response(checked.body, { status: checked.status, headers: checked.headers as Record<string, string> });
}
