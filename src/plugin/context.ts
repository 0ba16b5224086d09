/**
 * What every handler request carries besides its data: the provider's configured data, a logger
 * and the cancellation signal.
 */
import type { Logger } from "./logging.js";

/** Context common to every request made to a resource, data source or ephemeral resource. */
export interface RequestContext<D> {
  /**
   * What the provider's `configure` produced (a configured client, resolved settings).
   * Undefined when Terraform did not configure the provider first (validation-only commands).
   */
  readonly providerData: D | undefined;
  /** A logger whose lines Terraform shows under `TF_LOG`; mark secrets with `secret()`. */
  readonly log: Logger;
  /** Aborts when Terraform stops the provider (Ctrl-C) or gives up on the call. */
  readonly signal: AbortSignal;
}
