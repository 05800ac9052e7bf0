/**
 * Entry point of every worker thread: registers tsx's TypeScript loader in this thread (Node 20 does
 * not apply `--import` loaders from a Worker's execArgv), then imports the TypeScript module named in
 * workerData.entry. Plain JavaScript because it must load before any TypeScript can.
 */
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
