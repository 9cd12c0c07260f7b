/** The levels a client can log at, from silent to chatty. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/**
 * Anything with console-like methods: `console`, pino, winston… Receives messages at or above `logLevel`.
 * @example
 * ```ts
 * const vinr = new Vinr({ logLevel: 'debug', logger: pino() });
 * ```
 */
export interface Logger {
  /** Per-request detail: method, path, status, attempt, request id, ms (never the key). */
  debug(message: string, ...rest: unknown[]): void;
  /** Notable events. */
  info(message: string, ...rest: unknown[]): void;
  /** Retries and recoverable problems. */
  warn(message: string, ...rest: unknown[]): void;
  /** Failures. */
  error(message: string, ...rest: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export const isLogLevel = (v: unknown): v is LogLevel => typeof v === 'string' && v in RANK;

/** A logger that drops everything below `level`, decided once so hot paths test a boolean. */
export class LevelLogger {
  readonly debugEnabled: boolean;
  constructor(
    private readonly sink: Logger,
    private readonly level: LogLevel,
  ) {
    this.debugEnabled = RANK[level] >= RANK.debug;
  }
  log(level: Exclude<LogLevel, 'off'>, message: string): void {
    if (RANK[this.level] >= RANK[level]) this.sink[level](message);
  }
}
