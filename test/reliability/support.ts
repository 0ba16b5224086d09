/**
 * What the reliability suite's files share: the configurations they start from, written the way
 * users write them (secrets through sensitive variables), and small readers of state and traffic.
 */
import type { EmulatorLogEntry } from "../../src/emulator/index.js";
import type { TerraformState } from "../e2e/support/provider.js";

/** The redirect URI the emulator's demo app allows first (and `login` listens on). */
export const REDIRECT_URI = "http://localhost:8765/callback";

/** A sensitive string variable. */
export function sensitiveVariable(name: string): string {
  return `
variable "${name}" {
  type      = string
  sensitive = true
}`;
}

/** A grant made from `var.code` (redeemed once) with the default redirect URI. */
export const CODE_GRANT = `${sensitiveVariable("code")}
resource "amazonads_authorization" "grant" {
  authorization_code = var.code
  redirect_uri       = "${REDIRECT_URI}"
}`;

/** A grant adopting `var.refresh_token`. */
export const TOKEN_GRANT = `${sensitiveVariable("refresh_token")}
resource "amazonads_authorization" "grant" {
  refresh_token = var.refresh_token
}`;

/** A profile of `amazonads_authorization.grant` chosen by `selectors` (HCL lines). */
export function profileOfGrant(selectors: string, name = "p"): string {
  return `
resource "amazonads_profile" "${name}" {
  refresh_token = amazonads_authorization.grant.refresh_token
  ${selectors}
}`;
}

/** The attributes of the one instance of `type.name` in `state`, or undefined. */
export function attributesOf(
  state: TerraformState,
  address: string,
): Record<string, unknown> | undefined {
  const [type, name] = address.split(".");
  const resource = state.resources.find((r) => r.type === type && r.name === name);
  return resource?.instances[0]?.attributes;
}

/** How many finished requests of `endpoint` answered `status`. */
export function answered(
  requests: readonly EmulatorLogEntry[],
  endpoint: EmulatorLogEntry["endpoint"],
  status: number,
): number {
  return requests.filter((r) => r.endpoint === endpoint && r.status === status).length;
}

/**
 * For each request to `endpoint` answered 429 that another request to `endpoint` followed: how
 * long after the 429's request the next one arrived, in ms on the emulator's clock.
 */
export function waitsAfterThrottling(
  requests: readonly EmulatorLogEntry[],
  endpoint: EmulatorLogEntry["endpoint"],
): number[] {
  const calls = requests
    .filter((r) => r.endpoint === endpoint)
    .sort((a, b) => a.receivedAt - b.receivedAt);
  return calls.flatMap((call, i) => {
    const next = calls[i + 1];
    return call.status === 429 && next ? [next.receivedAt - call.receivedAt] : [];
  });
}

/** Ages every grant's stored access token, as an hour passing would (so the next read renews). */
export function ageAccessTokens(state: TerraformState): TerraformState {
  for (const resource of state.resources) {
    if (resource.type !== "amazonads_authorization") continue;
    for (const instance of resource.instances) {
      instance.attributes.access_token_expires_at = "2020-01-01T00:00:00Z";
    }
  }
  return { ...state, serial: state.serial + 1 };
}
