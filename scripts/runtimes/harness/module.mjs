// Bun and Deno: import the installed package by name, as an app does, and print the scenario's result as JSON.
import { OfferLimitReachedError, Vinr } from '@vinr/sdk';
import { verifyRequest, verifyWebhook } from '@vinr/sdk/webhooks';
import { runScenario } from './scenario.mjs';

const config = JSON.parse(globalThis.Deno ? Deno.args[0] : process.argv[2]);
const result = await runScenario({ Vinr, OfferLimitReachedError, verifyRequest, verifyWebhook }, config);
// Which build the runtime's resolver picked through the `exports` conditions (the fetch-only one is expected).
result.entry = import.meta.resolve('@vinr/sdk');
console.log(JSON.stringify(result));
