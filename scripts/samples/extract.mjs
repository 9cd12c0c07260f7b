#!/usr/bin/env node
/**
 * Pulls every TypeScript code block out of README.md and docs/*.md (every .md there, including ones added later),
 * so that `test/docs-samples.test.ts` can type-check and run them: a sample that fails fails `npm test`.
 *
 * Fence tags (the info string after the opening backticks):
 *   ```ts               type-checked, and run on Node against the reference server
 *   ```ts check-only    type-checked only (snippets for Workers, Deno, Bun, browsers… that Node cannot run)
 *   ```ts continued     continues the previous ts block of the same file: the blocks form one program, which is
 *                       type-checked and run as a whole (a guide that builds up step by step). It takes the mode of
 *                       the block it continues.
 *   anything else       (sh, python, text, json, a bare fence…) is not TypeScript and is ignored.
 * `typescript` is read as `ts`; an unknown word after `ts` is an error, so a typo cannot silently skip a sample.
 *
 * Server convention: each runnable program is started with a fresh reference server listening on loopback and
 *   VINR_BASE_URL    = its base URL (http://127.0.0.1:PORT/v1)
 *   VINR_SECRET_KEY  = its secret key
 *   VINR_WEBHOOK_SECRET = its webhook secret
 * so `new Vinr()` (or `new Vinr({ secretKey: process.env.VINR_SECRET_KEY })`) talks to it. A sample may instead
 * create its own with `createVinrMock()`. `@vinr/sdk`, `@vinr/sdk/mocks` and `@vinr/sdk/webhooks` resolve to the
 * sources (the `paths` of tsconfig.json, which tsx honours too), so no build is needed. A program must finish on
 * its own (close what it opens) within the harness's timeout.
 *
 * CLI: `node scripts/samples/extract.mjs [outDir]` writes one .ts file per program (default .vinr-tmp/samples)
 * and prints what it wrote.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODIFIERS = new Set(['check-only', 'continued']);

/** README.md, then every docs/*.md in name order. */
export function docFiles(root = ROOT) {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(root, 'docs', f));
  return [join(root, 'README.md'), ...docs];
}

/**
 * The fenced blocks of one markdown text: `{ lang, modifiers, code, line }` (line: 1-based, of the opening fence).
 * Follows CommonMark fences: ``` or ~~~, up to 3 spaces of indent, closed by the same character at least as long.
 */
export function fencedBlocks(markdown) {
  const lines = markdown.split(/\r?\n/);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    }
    const [lang = '', ...modifiers] = info.trim().split(/\s+/).filter(Boolean);
    blocks.push({ lang: lang.toLowerCase(), modifiers, code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/**
 * The programs of every doc: `{ id, source, lines, mode, code, blocks }`. A program is one ```ts block plus the
 * ```ts continued blocks that follow it. Throws on an unknown modifier or a `continued` with nothing to continue.
 */
export function extractSamples(root = ROOT) {
  const programs = [];
  for (const file of docFiles(root)) {
    const source = relative(root, file);
    let last;
    let n = 0;
    for (const block of fencedBlocks(readFileSync(file, 'utf8'))) {
      if (block.lang !== 'ts' && block.lang !== 'typescript') continue;
      const where = `${source}:${block.line}`;
      for (const m of block.modifiers) {
        if (!MODIFIERS.has(m))
          throw new Error(`${where}: unknown fence tag "${m}" (known: ${[...MODIFIERS].join(', ')})`);
      }
      const code = `// ${where}\n${block.code}\n`;
      if (block.modifiers.includes('continued')) {
        if (!last) throw new Error(`${where}: "ts continued" but no earlier ts block in ${source}`);
        last.code += code;
        last.lines.push(block.line);
        last.blocks++;
        continue;
      }
      n++;
      last = {
        id: `${basename(source, '.md')}-${n}`,
        source,
        lines: [block.line],
        mode: block.modifiers.includes('check-only') ? 'check-only' : 'run',
        code,
        blocks: 1,
      };
      programs.push(last);
    }
  }
  return programs;
}

/** Writes each program to `<outDir>/<id>.ts` (a module, so top-level await works) and returns their paths. */
export function writeSamples(outDir, programs = extractSamples()) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  return programs.map((p) => {
    const path = join(outDir, `${p.id}.ts`);
    writeFileSync(path, `${p.code}export {};\n`);
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(ROOT, '.vinr-tmp', 'samples'));
  const programs = extractSamples();
  const paths = writeSamples(out, programs);
  const blocks = programs.reduce((sum, p) => sum + p.blocks, 0);
  for (const [i, p] of programs.entries())
    console.log(`${p.mode.padEnd(10)} ${relative(ROOT, paths[i])}  ← ${p.source}:${p.lines.join(',')}`);
  console.log(`${blocks} ts blocks in ${programs.length} programs`);
}
