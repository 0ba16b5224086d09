/**
 * What every server operation shares: the provider, its configured data and the logger, and the
 * helpers that run handlers safely, log values redacted and validate configurations.
 */
import type { RequestContext } from "../context.js";
import type { Diagnostics } from "../diagnostics.js";
import type { Logger } from "../logging.js";
import type { Provider } from "../provider.js";
import type { Schema } from "../schema/schema.js";
import type { Value } from "../values/value.js";
import type { ValidateConfigRequest, ValidateConfigResponse } from "../resource.js";
import { redactBySchema } from "./redaction.js";
import { validateConfig } from "./validation.js";

/** The running provider as the server operations see it. */
export interface Host<D = unknown> {
  readonly provider: Provider<Schema, D>;
  /** Set by ConfigureProvider. */
  providerData: D | undefined;
  /** Terraform's version, as ConfigureProvider tells it (unknown before, e.g. in `terraform validate`). */
  terraformVersion?: string;
  readonly log: Logger;
}

/**
 * The context every handler request carries. `signal` is the call's own, which the RPC layer
 * already aborts when Terraform stops the provider.
 */
export function requestContext<D>(
  host: Host<D>,
  signal: AbortSignal,
  fields: Record<string, unknown>,
): RequestContext<D> {
  return { providerData: host.providerData, log: host.log.with(fields), signal };
}

/**
 * Runs a handler. An exception becomes an error diagnostic with a short message (the stack goes
 * to the log at debug level only), so nothing a handler throws crosses the wire as a crash.
 */
export async function runHandler(
  host: Host,
  diagnostics: Diagnostics,
  what: string,
  signal: AbortSignal,
  handler: () => Promise<void> | void,
): Promise<void> {
  const cancelled = () =>
    diagnostics.error(
      `${what} was cancelled`,
      "Terraform stopped the provider (for example after Ctrl-C) before the operation finished. " +
        "Run the command again to complete it.",
    );
  // A call that arrives after StopProvider (Ctrl-C raced it) is not started at all.
  if (signal.aborted) return cancelled();
  try {
    await handler();
  } catch (error) {
    if (signal.aborted) return cancelled();
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.error(`${what} failed`, firstLine(message));
    host.log.debug(`${what} threw`, {
      error: message,
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 500
    ? `${line.slice(0, 497)}...`
    : line || "The handler failed without a message.";
}

/** Logs a value of `schema` at trace level with sensitive attributes redacted. */
export function traceValue(
  host: Host,
  message: string,
  schema: Schema,
  fields: Record<string, Value>,
): void {
  if (!host.log.enabled("trace")) return;
  const redacted: Record<string, Value> = {};
  for (const [k, v] of Object.entries(fields)) redacted[k] = redactBySchema(schema, v);
  host.log.trace(message, redacted);
}

/** The error for a type name the provider does not serve. */
export function unknownType(diagnostics: Diagnostics, kind: string, typeName: string): void {
  diagnostics.error(
    `Unknown ${kind} type ${typeName}`,
    `This provider has no ${kind} named ${typeName}. Check the spelling and the provider version.`,
  );
}

/** Anything whose configuration is validated: a schema and an optional whole-config check. */
export interface Validated {
  readonly schema: Schema;
  validateConfig?(
    request: ValidateConfigRequest<Schema>,
    response: ValidateConfigResponse,
  ): Promise<void> | void;
}

/**
 * Validates a configuration: the schema's per-attribute checks, then (if those pass) the
 * handler's own `validateConfig`. A write-only attribute set in the configuration is an error
 * unless Terraform said it accepts write-only attributes (`writeOnlyAllowed`).
 */
export async function validateWithHandler(
  host: Host,
  target: Validated,
  value: Value,
  what: string,
  signal: AbortSignal,
  diagnostics: Diagnostics,
  writeOnlyAllowed = false,
): Promise<void> {
  validateConfig(target.schema, value, diagnostics, {
    writeOnlyAllowed,
    terraformVersion: host.terraformVersion,
  });
  const validate = target.validateConfig?.bind(target);
  if (!validate || diagnostics.hasErrors()) return;
  const log = host.log.with({ tf_type: what });
  await runHandler(host, diagnostics, `Validating ${what}`, signal, () =>
    validate({ config: value as never, log }, { diagnostics }),
  );
}
