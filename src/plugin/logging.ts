/**
 * Logging the way Terraform reads a plugin's stderr: one hclog JSON object per line, with
 * `@level`, `@message`, `@module` and a `@timestamp` of exactly six fractional digits.
 *
 * Secrets never reach a line: wrap a field's value in {@link secret}, and log values described by
 * a schema only through `redactBySchema` (server/redaction.ts), which masks sensitive attributes.
 */

/** Log levels from most to least verbose. */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";

const RANK: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };

/** Extra key/value pairs on a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** A logger handed to handlers and used by the host. */
export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger adding `fields` to every line. */
  with(fields: LogFields): Logger;
  /** True when lines at `level` are written (to skip building costly fields). */
  enabled(level: LogLevel): boolean;
}

/** A value that must not be logged; it is written as `"<redacted>"`. */
export class Secret {
  /** Wraps `value`; {@link Secret.reveal} gives it back to code that needs it. */
  constructor(private readonly value: unknown) {}

  /** The wrapped value (never log the result). */
  reveal(): unknown {
    return this.value;
  }

  /** How the secret appears in logs and JSON. */
  toJSON(): string {
    return "<redacted>";
  }

  /** How the secret appears in string contexts. */
  toString(): string {
    return "<redacted>";
  }
}

/** Marks a log field's value as secret: `log.debug("token refreshed", { token: secret(t) })`. */
export function secret(value: unknown): Secret {
  return new Secret(value);
}

/**
 * The level chosen by `TF_LOG_PROVIDER`, else `TF_LOG`; undefined (logging off) when neither is
 * set or the value is `off`. `JSON` and unrecognised values mean trace, as in Terraform.
 */
export function logLevelFromEnv(env: NodeJS.ProcessEnv): LogLevel | undefined {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || "").trim().toLowerCase();
  if (raw === "" || raw === "off") return undefined;
  return raw in RANK ? (raw as LogLevel) : "trace";
}

/** Where and how a logger writes; `write` and `now` are seams for tests. */
export interface LoggerOptions {
  /** Lowest level written; undefined writes nothing. */
  readonly level: LogLevel | undefined;
  /** The `@module` of every line, e.g. `provider.amazonads`. */
  readonly module: string;
  /** Receives each line (default: stderr). */
  readonly write?: (line: string) => void;
  /** The clock (default: `new Date()`). */
  readonly now?: () => Date;
}

/** Creates an hclog JSON logger. */
export function createLogger(options: LoggerOptions, fields: LogFields = {}): Logger {
  const min = options.level === undefined ? Infinity : RANK[options.level];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const log = (level: LogLevel) => (message: string, extra?: LogFields) => {
    if (RANK[level] < min) return;
    const line = {
      ...fields,
      ...extra,
      "@level": level,
      "@message": message,
      "@module": options.module,
      "@timestamp": hclogTimestamp(now()),
    };
    write(`${JSON.stringify(line, replaceUnloggable)}\n`);
  };
  const logger: Logger = {
    trace: log("trace"),
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    // With logging off (the usual case) every request's logger is this one: nothing to build.
    with: (more) => (min === Infinity ? logger : createLogger(options, { ...fields, ...more })),
    enabled: (level) => RANK[level] >= min,
  };
  return logger;
}

/** `2006-01-02T15:04:05.000000Z`: hclog's format, which Terraform requires to parse the line. */
export function hclogTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

function replaceUnloggable(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value instanceof Error) return value.message;
  return value;
}

/** A logger that writes nothing (for tests and tools). */
export const silentLogger: Logger = createLogger({ level: undefined, module: "" });
