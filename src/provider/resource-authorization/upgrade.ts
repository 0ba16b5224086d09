/**
 * State upgrades of `amazonads_authorization`. Version 0 is the first schema, so there is nothing
 * to convert yet; a later version adds its step here (0 → 1, then 1 → 2, …).
 */
import type { UpgradeStateRequest, UpgradeStateResponse } from "../../plugin/index.js";
import type { ProviderData } from "../provider-data.js";
import { authorizationSchema } from "./schema.js";

type State = NonNullable<UpgradeStateResponse<typeof authorizationSchema>["state"]>;

/** Converts stored state of an older schema version to the current one. */
export function upgradeAuthorizationState(
  req: UpgradeStateRequest<ProviderData>,
  resp: UpgradeStateResponse<typeof authorizationSchema>,
): void {
  if (req.version !== 0 || typeof req.rawState !== "object" || req.rawState === null) {
    resp.diagnostics.error(
      "Cannot upgrade the state of amazonads_authorization",
      `This provider knows how to read schema versions 0 to ${authorizationSchema.version}, not ` +
        `version ${req.version}. Use the provider version that wrote the state.`,
    );
    return;
  }
  // Version 0 is today's shape: keep every attribute, with null for any the state lacks.
  const raw = req.rawState as Record<string, unknown>;
  const state: Record<string, unknown> = {};
  for (const name of Object.keys(authorizationSchema.attributes)) {
    const value = raw[name];
    state[name] = typeof value === "string" || typeof value === "number" ? value : null;
  }
  resp.state = state as State;
}
