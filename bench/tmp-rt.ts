import { formatRows, runHttpBench } from './http/run.js';
const variants = (process.argv[2] ?? 'undici,sdk').split(',') as never;
const result = await runHttpBench({ variants, concurrency: [1, 32], rounds: 3, warmup: 1000, count: 2000, sharedProcess: true, sdk: 'src' });
console.log(`load ${result.load}`);
console.log(formatRows(result.rows));
