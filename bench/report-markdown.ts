/** Renders docs/performance.md from one run of every benchmark (see report.ts). */
import type { ColdResult, ColdRow } from './cold-start.js';
import type { ProfileResult } from './http/profile.js';
import { BUCKETS } from './http/profile.js';
import type { HttpResult, HttpRow } from './http/run.js';
import { DESCRIPTIONS } from './http/variants.js';
import { kb, type SizeRow } from './size.js';

export interface ReportInput {
  date: string;
  machine: string;
  loadBefore: string;
  loadAfter: string;
  http: HttpResult;
  profile: ProfileResult;
  cold: ColdResult;
  size: SizeRow[];
  siblings: Record<string, string>;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ok = (pass: boolean) => (pass ? '✅ met' : '❌ missed');

function httpTable(rows: HttpRow[]): string {
  const head = [
    '| client | req/s median (min–max) | p50 ms | p99 ms | client CPU µs/req | × undici req/s | × undici CPU |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const lines = rows.map(
    (r) =>
      `| ${r.variant === 'sdk' ? '**sdk**' : r.variant} | ${f(r.rps.median, 0)} (${f(r.rps.min, 0)}–${f(r.rps.max, 0)}) | ${f(r.p50Ms.median, 3)} | ${f(r.p99Ms.median, 2)} | ${f(r.cpuUsPerReq.median)} | ${f(r.rpsRatio, 2)} | ${f(r.cpuRatio, 2)} |`,
  );
  return [...head, ...lines].join('\n');
}

function targets(input: ReportInput): string {
  const sdk = (conc: number) => input.http.rows.find((r) => r.variant === 'sdk' && r.conc === conc);
  const cold = (specifier: string, kind: ColdRow['kind']) =>
    input.cold.rows.find((r) => r.specifier === specifier && r.kind === kind);
  const lines = ['| target | measured | |', '|---|---|---|'];
  for (const conc of input.http.options.concurrency) {
    const r = sdk(conc);
    if (!r) continue;
    lines.push(
      `| \`offers.retrieve\` req/s ≥ 0.90× raw \`undici.request\`, conc ${conc} | ${f(r.rpsRatio, 2)}× | ${ok(r.rpsRatio >= 0.9)} |`,
    );
    lines.push(
      `| client CPU per request ≤ 1.15× raw \`undici.request\`, conc ${conc} | ${f(r.cpuRatio, 2)}× | ${ok(r.cpuRatio <= 1.15)} |`,
    );
  }
  for (const kind of ['require', 'import'] as const) {
    const mine = cold('@vinr/sdk', kind);
    const theirs = cold('openai', kind);
    if (mine && theirs) {
      lines.push(
        `| cold \`${kind}\` of \`@vinr/sdk\` no slower than openai-node's | ${f(mine.netMs)} ms vs ${f(theirs.netMs)} ms net; ${f(mine.inProcessMs)} vs ${f(theirs.inProcessMs)} ms in-process | ${ok(mine.netMs <= theirs.netMs && mine.inProcessMs <= theirs.inProcessMs)} |`,
      );
    }
  }
  for (const kind of ['require', 'import'] as const) {
    const w = cold('@vinr/sdk/webhooks', kind);
    if (w)
      lines.push(
        `| cold \`${kind}\` of \`@vinr/sdk/webhooks\` ≤ 15 ms net | ${f(w.netMs)} ms (${f(w.inProcessMs)} ms in-process) | ${ok(w.netMs <= 15)} |`,
      );
  }
  return lines.join('\n');
}

function profileTable(p: ProfileResult): string {
  const head = [
    `| µs per request (self time) | ${p.variants.join(' | ')} |`,
    `|---|${p.variants.map(() => '---:').join('|')}|`,
  ];
  const total = (v: string) => Object.values(p.byVariant[v] ?? {}).reduce((s, x) => s + x, 0);
  const lines = BUCKETS.map(
    (b) => `| ${b} | ${p.variants.map((v) => f(p.byVariant[v]?.[b] ?? Number.NaN)).join(' | ')} |`,
  );
  lines.push(`| **total** | ${p.variants.map((v) => `**${f(total(v))}**`).join(' | ')} |`);
  return [...head, ...lines].join('\n');
}

function coldTable(c: ColdResult): string {
  const specs = [...new Set(c.rows.map((r) => r.specifier))];
  const lines = [
    '| entry | `require` net | `require` in-process | `import()` net | `import()` in-process | note |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const s of specs) {
    const r = c.rows.find((x) => x.specifier === s && x.kind === 'require');
    const i = c.rows.find((x) => x.specifier === s && x.kind === 'import');
    lines.push(
      `| \`${s}\` | ${f(r?.netMs ?? Number.NaN)} ms | ${f(r?.inProcessMs ?? Number.NaN)} ms | ${f(i?.netMs ?? Number.NaN)} ms | ${f(i?.inProcessMs ?? Number.NaN)} ms | ${r?.note ?? ''} |`,
    );
  }
  return lines.join('\n');
}

function sizeTable(rows: SizeRow[]): string {
  const lines = [
    '| package | installed (with runtime deps) | bundle min+gz, all it can load | own code min+gz (deps external) | runtime deps |',
    '|---|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| \`${r.name}\` ${r.version} | ${kb(r.installedBytes)} | ${kb(r.bundleGzipBytes)} | ${kb(r.ownGzipBytes)} | ${r.dependencies.join(', ') || 'none'} |`,
    );
  }
  return lines.join('\n');
}

export function renderReport(input: ReportInput): string {
  const { http } = input;
  const o = http.options;
  const byConc = (conc: number) => http.rows.filter((r) => r.conc === conc);
  const siblings = Object.entries(input.siblings)
    .map(([name, out]) => `### ${name} (\`bench/${name}.ts\`)\n\n\`\`\`text\n${out}\n\`\`\``)
    .join('\n\n');
  return `# Performance

Generated by \`npm run bench\` on ${input.date} UTC — ${input.machine}. Load average before the run: ${input.loadBefore};
after: ${input.loadAfter}. **Ratios come from the same run; absolute numbers move with the machine and its load**, so
nothing anywhere gates on them. \`npm run bench:check\` (run by CI) is the quick version: it fails only on a gross
regression (the SDK below 0.5× raw undici req/s or above 2× its CPU, undici/zod loaded by \`require('@vinr/sdk')\`,
the loopback reference server below 0.25× a bare \`node:http\` server, or its fixed cost above 1.2× msw's import).

## Targets

${targets(input)}

## HTTP: one GET of a ${http.responseBytes}-byte offer JSON

A \`node:http\` keep-alive server in its own process on 127.0.0.1 answers every GET with the same ${http.responseBytes}
bytes (\`/v1/engagement/offers/:id\`, and the stripe/openai paths). Each measurement is a fresh client process
holding one library: ${o.warmup} warm-up requests, then ${o.count} measured ones with 1 or 32 in flight. ${o.rounds}
rounds, the order of variants rotated every round; the table gives medians over rounds with the min–max of req/s, and
ratios as the median of per-round ratios to raw \`undici.request\` (the same minute on the same machine). Client CPU
is \`process.cpuUsage()\` (user + system, all threads) over the measured requests. The SDK is the built package,
loaded from \`node_modules\` as a user's would be.

${o.variants.map((v) => `- **${v}**: ${DESCRIPTIONS[v]}`).join('\n')}

${o.concurrency.map((c) => `### Concurrency ${c}\n\n${httpTable(byConc(c))}`).join('\n\n')}

## Where the time goes

Self time of the measured requests (V8 sampling profiler; not start-up, not warm-up), at concurrency
${input.profile.conc}, ${input.profile.count} requests, in µs per request. \`dispatch\` is the bare transport the SDK
is built on (its handler lives in the bench harness row); the SDK's own cost is its \`@vinr/sdk\` row plus what it adds to
timers, GC and V8. The profiler samples the main thread only, while the client CPU above also counts kernel time and
V8's helper threads (compiler, GC), hence larger totals there.

${profileTable(input.profile)}

**Why the SDK is not slower than raw \`undici.request\`.** \`undici.request\` wraps every response in a \`Readable\`
stream with an \`AsyncResource\`, and a per-request timeout needs an \`AbortController\` whose \`EventTarget\`
listeners (added by undici, removed on close) cost about as much as all of the SDK's own code. SDK responses are
small JSON documents read whole, so \`src/core/transport.ts\` calls \`dispatcher.dispatch()\` with a handler that
buffers the body, and aborts through the dispatcher's own controller; the per-attempt timeout is a plain timer
flipping a one-listener \`AttemptAbort\` switch (\`AbortSignal\` listeners are added only when the caller passes a
\`signal\`). Any undici \`Dispatcher\` still works (the mock's, \`MockAgent\`, even a bare \`MockPool\`, which still
calls the legacy handler methods), and connection failures are still undici's own errors.

**What remains over the bare \`dispatch\` floor** — each piece pays for a behaviour users rely on:
- the request: copying the base headers and merging per-call ones (header precedence, \`null\` removal), the
  \`User-Agent\`, parsing the URL into origin and path, and on writes JSON-encoding the body and making the
  \`Idempotency-Key\` (not in this GET);
- the per-attempt timeout: one \`setTimeout\`/\`clearTimeout\` pair per attempt (timers row);
- the retry loop and error mapping: \`retrieve → request → #attempt → send\` are \`async\` functions, each a promise
  and a microtask; the response headers are flattened into a plain object (request id, \`Retry-After\`, the \`headers\`
  of an \`APIError\`); the body is decoded once and \`JSON.parse\`d;
- a little more GC for those objects.

Socket writes (native \`writeLatin1String\`/\`writev\`) and undici's HTTP parser dominate every client alike.
stripe-node talks through \`node:http\` (\`ClientRequest\`/\`IncomingMessage\` streams) and openai-node through
\`fetch\` (WHATWG streams, \`Headers\` and \`Response\` objects), which is where their extra CPU goes.

## Package cost

### Cold start

Fresh \`node\` processes in a project that installed the built package, ${input.cold.runs} runs per row, interleaved,
medians. *Net* is the process's wall time minus that of the same process loading an empty module, run just before it:
the issue's "net of \`node -e 0\`" without billing to any package what an empty module already costs over a bare
\`node -e 0\` (${f(input.cold.bareMs.require)} ms here): ${f(input.cold.empty.require.overBareMs)} ms for \`require\` and ${f(input.cold.empty.import.overBareMs)} ms for \`import()\`
(printing the result, and the first use of Node's module loader, heavier for ESM: an empty \`import()\` takes
${f(input.cold.empty.import.inProcessMs)} ms in-process, an empty \`require\` ${f(input.cold.empty.require.inProcessMs)} ms). A busy machine makes *net* noisy, even negative;
*in-process* is timed inside the process around the \`require\`/\`import()\` alone (so it includes that first-use
cost) and is the steadier of the two. Load average at the end: ${input.cold.load}.

${coldTable(input.cold)}

undici and zod are the SDK's two heavy dependencies, so neither is loaded by \`require('@vinr/sdk')\`:
\`src/core/transport.ts\` imports undici on the first request, and \`src/core/validate.ts\` imports the shared
schemas (and with them zod) on the first validated call. In a bundle, esbuild hoists an external \`import\` to the top
of the output unless the module importing it is a separate chunk, so \`tsup.config.ts\` builds with \`splitting: true\`
(ESM and CJS): the schemas are their own chunk, loaded by \`import()\`. \`bench:check\` verifies this without timing
anything: it loads the built \`@vinr/sdk\` and \`@vinr/sdk/webhooks\` as CommonJS (\`require.cache\`) and as ESM (a
loader hook) and fails if undici or zod shows up. \`@vinr/sdk/webhooks\` imports \`node:crypto\` only.

### Size

${sizeTable(input.size)}

\`@vinr/sdk\`'s own code is small; its bundle is dominated by undici (the HTTP transport the package is built on) and zod
(input validation), both loaded lazily. stripe-node and openai-node have no runtime dependency: they build on Node's
\`http\` module and on \`fetch\` respectively. \`@vinr/sdk/mocks\` is not counted: msw is an optional peer needed only
in tests.

## Other benchmarks

${siblings}
`;
}
