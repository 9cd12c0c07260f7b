#!/usr/bin/env node
/**
 * `vinr-mock`: the reference server as a standalone HTTP process (see docs/testing.md), for test suites in any language.
 * Prints one line, the base URL, then serves until SIGINT/SIGTERM.
 *
 * Exit codes: 0 after a signal, 1 when it cannot listen (port in use, no permission), 2 for bad flags.
 */
import { parseArgs } from 'node:util';
import type { VinrMockOptions } from './index.js';

const USAGE = `Usage: vinr-mock [options]

The VINR reference server over HTTP. Prints its base URL (http://HOST:PORT/v1) on one line,
then serves until SIGINT/SIGTERM. Drive it with the test helpers under that URL:
POST /test_helpers/clock, /test_helpers/reset, /test_helpers/faults, /test_helpers/snapshot,
/test_helpers/restore; GET /test_helpers/events, /test_helpers/requests. The inspector page is at http://HOST:PORT/.

Options:
  --port <n>             TCP port (default 12111; 0 = any free port)
  --host <addr>          interface to bind (default 127.0.0.1)
  --secret-key <key>     the only API key accepted (default sk_test_vinr_mock)
  --webhook-secret <s>   the mock's own signing secret (default whsec_test_vinr_mock), for the
                         signatures it hands to in-process onEvent handlers. Deliveries to
                         endpoints registered with POST /v1/webhook_endpoints are signed with
                         each endpoint's own secret: read it from the "secret" field of that
                         create response (it is returned only then)
  --now <date>           freeze the business clock at this ISO 8601 time from the start
  --allow-remote-webhooks
                         accept webhook endpoints on any host (default: loopback hosts only,
                         i.e. localhost, 127.0.0.0/8 and ::1)
  --seed <s>             deterministic ids, request ids and secrets; the clock starts frozen
                         (at --now, or 2026-01-01T00:00:00Z)
  --tenants              one server for parallel CI jobs: every key that starts with sk_test_
                         gets its own isolated world (state, clock, faults, journal, idempotency
                         records, webhook endpoints), made on its first request; the test
                         helpers act on the caller's world only. --secret-key still reaches the
                         server's own world. The inspector shows one world:
                         http://HOST:PORT/?key=sk_test_...
  --max-tenants <n>      with --tenants: worlds made at most (default 1000, ~31 KiB each when
                         empty); a new key beyond them gets a 429
  -h, --help             show this help

Exit codes: 0 after SIGINT/SIGTERM, 1 cannot listen (e.g. port in use), 2 bad flags.`;

/** A usage error: printed with the usage line, exit code 2. */
class UsageError extends Error {}

interface CliConfig {
  port: number;
  host: string;
  tenants: false | { maxWorlds?: number };
  mock: VinrMockOptions;
}

function parse(argv: string[]): CliConfig | 'help' {
  let values: ReturnType<typeof parseFlags>['values'];
  try {
    values = parseFlags(argv).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return 'help';
  const port = Number(values.port ?? '12111');
  if (!/^\d+$/.test(values.port ?? '12111') || port > 65_535) {
    throw new UsageError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
  }
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new UsageError('--host must not be empty');
  const mock: VinrMockOptions = {};
  if (values['secret-key'] !== undefined) {
    if (values['secret-key'].trim() === '') throw new UsageError('--secret-key must not be empty');
    mock.secretKey = values['secret-key'];
  }
  if (values['webhook-secret'] !== undefined) {
    if (values['webhook-secret'].trim() === '') throw new UsageError('--webhook-secret must not be empty');
    mock.webhookSecret = values['webhook-secret'];
  }
  if (values.now !== undefined) {
    if (!Number.isFinite(Date.parse(values.now))) {
      throw new UsageError(`--now must be an ISO 8601 date, got ${JSON.stringify(values.now)}`);
    }
    mock.now = values.now;
  }
  if (values['allow-remote-webhooks']) mock.webhooks = { allowRemote: true };
  if (values.seed !== undefined) {
    if (values.seed.trim() === '') throw new UsageError('--seed must not be empty');
    mock.seed = values.seed;
  }
  let tenants: CliConfig['tenants'] = values.tenants === true ? {} : false;
  if (values['max-tenants'] !== undefined) {
    if (!tenants) throw new UsageError('--max-tenants needs --tenants');
    if (!/^\d+$/.test(values['max-tenants'])) {
      throw new UsageError(`--max-tenants must be an integer ≥ 0, got ${JSON.stringify(values['max-tenants'])}`);
    }
    tenants = { maxWorlds: Number(values['max-tenants']) };
  }
  return { port, host, tenants, mock };
}

function parseFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'secret-key': { type: 'string' },
      'webhook-secret': { type: 'string' },
      now: { type: 'string' },
      'allow-remote-webhooks': { type: 'boolean' },
      seed: { type: 'string' },
      tenants: { type: 'boolean' },
      'max-tenants': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * Runs the CLI; resolves once the server listens (the process then lives until a signal).
 */
async function main(argv: string[]): Promise<void> {
  let config: CliConfig | 'help';
  try {
    config = parse(argv);
  } catch (e) {
    process.stderr.write(`vinr-mock: ${(e as Error).message}\nRun vinr-mock --help for usage.\n`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Loaded only now, so `--help` and flag errors answer at once.
  const { createVinrMock } = await import('./index.js');
  const mock = createVinrMock(config.mock);
  let server: Awaited<ReturnType<typeof mock.listen>>;
  try {
    server = await mock.listen({ port: config.port, host: config.host, tenants: config.tenants });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const where = `${config.host}:${config.port}`;
    const why =
      err.code === 'EADDRINUSE'
        ? `port ${config.port} is already in use on ${config.host}; stop the other process or pick another --port (0 = any free port)`
        : err.code === 'EACCES'
          ? `no permission to listen on ${where}; use a port above 1023`
          : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND'
            ? `cannot bind ${config.host}: no such local address`
            : `cannot listen on ${where}: ${err.message}`;
    process.stderr.write(`vinr-mock: ${why}\n`);
    process.exit(1);
  }
  process.stdout.write(`${server.baseURL}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // close() resolves within its own bound even if a request is stuck (an injected delay, a stalled client).
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main(process.argv.slice(2));
