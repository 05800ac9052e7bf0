import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** JSON logs to stdout, one line per event. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { app: 'zhili' } });
}
