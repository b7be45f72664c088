import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * One logger for server and CLI, on stderr so stdout stays for data (JSON Lines). JSON lines
 * for machines (a pipe, a file, a container's log); readable lines on a terminal.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', terminal: boolean = Boolean(process.stderr.isTTY)): Logger {
  if (terminal) return pino({ level, base: undefined }, pretty({ destination: 2, sync: true, ignore: 'pid,hostname' }));
  return pino({ level, base: undefined }, pino.destination(2));
}
