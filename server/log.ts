import { pino, type Logger } from 'pino';

/** One logger for server and CLI. JSON lines on stderr, so stdout stays for data (JSON Lines). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
