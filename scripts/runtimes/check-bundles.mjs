#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
// Bundle check, run by CI after the build: bundles the BUILT package the way a Workers / edge deploy does, and fails
// on any stray import. A Workers deploy that pulls in undici (or a `node:` module the runtime lacks) breaks at
// upload or at first request; this catches it at build time.
//   - `@vinr/sdk` for workerd (wrangler's conditions) and for Vercel Edge (`edge-light`): no undici, no `node:`
//     import, nothing left unresolved, and the fetch transport is in the bundle;
//   - `@vinr/sdk/webhooks` with `--platform=neutral` and no condition at all: no undici, no zod, no `node:`;
//   - `@vinr/sdk` bundled for Node: the undici transport survives tree-shaking.
// Usage: node scripts/runtimes/check-bundles.mjs   (after `npm run build`)
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

const CASES = [
  {
    name: '@vinr/sdk for Cloudflare Workers (workerd)',
    source:
      "import { Vinr } from '@vinr/sdk';\nexport default { fetch: () => Response.json(new Vinr({ secretKey: 'sk' }).baseURL) };",
    conditions: ['workerd', 'worker', 'browser'],
    mustContain: /globalThis\.fetch\(/,
    forbidden: [/node_modules[\\/]undici[\\/]/],
  },
  {
    name: '@vinr/sdk for Vercel Edge (edge-light)',
    source:
      "import { Vinr } from '@vinr/sdk';\nexport const GET = () => Response.json(new Vinr({ secretKey: 'sk' }).baseURL);",
    conditions: ['edge-light', 'worker', 'browser'],
    mustContain: /globalThis\.fetch\(/,
    forbidden: [/node_modules[\\/]undici[\\/]/],
  },
  {
    // The Node entry registers the undici Agent as a side effect (declared in package.json `sideEffects`): a
    // bundler that dropped it would leave bundled Node apps on the slower fetch transport, silently.
    name: '@vinr/sdk for Node (bundled), keeps the undici transport',
    source: "import { Vinr } from '@vinr/sdk';\nconsole.log(new Vinr({ secretKey: 'sk' }).baseURL);",
    conditions: [],
    platform: 'node',
    external: ['undici', 'zod'],
    allowedImports: /^(undici|zod)$/,
    mustContain: /import\(["']undici["']\)/,
    forbidden: [],
  },
  {
    name: '@vinr/sdk/webhooks, platform neutral',
    source: "export { verifyRequest, verifyWebhookAsync } from '@vinr/sdk/webhooks';",
    conditions: [],
    mustContain: /crypto\.subtle|\.subtle/,
    forbidden: [/node_modules[\\/](undici|zod)[\\/]/],
  },
];

/** Any import the bundle still makes: in a self-contained worker bundle there must be none. */
const LEFTOVER_IMPORT = /(?:^|[;\s])(?:import\s*(?:[\w*{}\s,]+from\s*)?|import\(|require\()\s*["']([^"']+)["']/g;

async function check({
  name,
  source,
  conditions,
  mustContain,
  forbidden,
  platform = 'neutral',
  external = [],
  allowedImports,
}) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'entry.js', loader: 'js' },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform,
    external,
    conditions,
    mainFields: ['module', 'main'],
    target: 'es2022',
    // Resolve the package through its `exports`, as a consumer does (the repository's tsconfig `paths` would
    // point at the sources).
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  const problems = [];
  const inputs = Object.keys(result.metafile.inputs);
  if (!inputs.some((p) => /(^|[\\/])dist[\\/]/.test(p))) problems.push('the bundle does not contain the built package');
  for (const re of forbidden) for (const p of inputs.filter((i) => re.test(i))) problems.push(`bundles ${p}`);
  const text = result.outputFiles[0]?.text ?? '';
  for (const m of text.matchAll(LEFTOVER_IMPORT)) {
    if (!allowedImports?.test(m[1])) problems.push(`imports ${JSON.stringify(m[1])}`);
  }
  if (!mustContain.test(text)) problems.push(`expected ${mustContain} in the bundle`);
  const kb = (text.length / 1024).toFixed(1);
  return { name, problems, note: `${kb} KB, ${inputs.length} inputs` };
}

let failed = 0;
for (const c of CASES) {
  try {
    const { problems, note } = await check(c);
    if (problems.length === 0) console.log(`ok   ${c.name} (${note})`);
    else {
      failed++;
      console.log(`FAIL ${c.name} (${note})\n${problems.map((p) => `     ${p}`).join('\n')}`);
    }
  } catch (error) {
    failed++;
    console.log(`FAIL ${c.name}\n${String(error.message ?? error).replace(/^/gm, '     ')}`);
  }
}
if (failed > 0) {
  console.error(`${failed} bundle check(s) failed`);
  process.exit(1);
}
