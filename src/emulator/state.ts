/** Everything the handlers share: the emulated Amazon's data, its clock and its identifiers. */
import type { Authorizations } from "./authorizations.js";
import type { EmulatorClock } from "./clock.js";
import type { Directory } from "./directory.js";
import type { Identifiers } from "./identifiers.js";
import type { SecretLedger } from "./secrets.js";
import type { TestAccountRequests } from "./test-account-requests.js";

/** The emulated Amazon, as the request handlers and the admin handle see it. */
export interface EmulatorState {
  readonly clock: EmulatorClock;
  readonly ids: Identifiers;
  readonly secrets: SecretLedger;
  readonly directory: Directory;
  readonly authorizations: Authorizations;
  readonly testAccounts: TestAccountRequests;
  /** Consent answers at once, as if the user clicked Allow. */
  readonly autoApprove: boolean;
}
