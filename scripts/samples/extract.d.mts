/** One runnable or check-only program made of one ```ts block and the ```ts continued blocks after it. */
export interface SampleProgram {
  id: string;
  source: string;
  lines: number[];
  mode: 'run' | 'check-only';
  code: string;
  blocks: number;
}
export interface FencedBlock {
  lang: string;
  modifiers: string[];
  code: string;
  line: number;
}
export function docFiles(root?: string): string[];
export function fencedBlocks(markdown: string): FencedBlock[];
export function extractSamples(root?: string): SampleProgram[];
export function writeSamples(outDir: string, programs?: SampleProgram[]): string[];
