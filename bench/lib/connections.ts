// The configurations the plan benchmarks compare: N advertiser connections (an LwA app, a grant
// adopted from a refresh token, and the advertiser's one US profile, each connection a different
// Amazon user of the emulator) against N × 3 `terraform_data` resources chained the same way.
import type { Emulator } from "../../src/emulator/index.js";
import { PROVIDER_SOURCE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";

/** The variables a connections configuration needs, as `TF_VAR_*` environment. */
export interface ConnectionsInput {
  readonly env: NodeJS.ProcessEnv;
}

/** HCL of `count` connections; refresh tokens and profile ids come from variables. */
export function connectionsConfig(count: number): string {
  return `
terraform {
  required_providers {
    amazonads = { source = "${PROVIDER_SOURCE}", version = "${PROVIDER_VERSION}" }
  }
}
provider "amazonads" {}
variable "refresh_tokens" {
  type      = list(string)
  sensitive = true
}
variable "profile_ids" { type = list(string) }
resource "amazonads_lwa_app" "app" {
  count = ${count}
}
resource "amazonads_authorization" "grant" {
  count         = ${count}
  refresh_token = var.refresh_tokens[count.index]
  redirect_uri  = amazonads_lwa_app.app[count.index].redirect_uri
}
resource "amazonads_profile" "advertiser" {
  count         = ${count}
  refresh_token = amazonads_authorization.grant[count.index].refresh_token
  profile_id    = var.profile_ids[count.index]
}
`;
}

/** HCL of `count` × 3 built-in `terraform_data` resources, chained like a connection's three. */
export function baselineConfig(count: number): string {
  return `
resource "terraform_data" "app" {
  count = ${count}
  input = "app-\${count.index}"
}
resource "terraform_data" "grant" {
  count = ${count}
  input = terraform_data.app[count.index].output
}
resource "terraform_data" "profile" {
  count = ${count}
  input = terraform_data.grant[count.index].output
}
`;
}

/**
 * Adds `count` advertisers to the emulator (one user with one US seller profile each), grants the
 * demo app access to each, and returns the variables of {@link connectionsConfig}.
 */
export function seedAdvertisers(emulator: Emulator, count: number, offset = 0): ConnectionsInput {
  const refreshTokens: string[] = [];
  const profileIds: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    const userId = `amzn1.account.ABENCHADVERTISER${String(i).padStart(10, "0")}`;
    // Above 2^53 like real ids, and clear of the emulator's seeded ids (71… and 72… are taken).
    const profileId = String(7_900_000_000_000_000n + BigInt(i));
    emulator.admin.addUser({
      id: userId,
      name: `Bench advertiser ${i}`,
      email: `advertiser-${i}@bench.example`,
      profiles: [
        {
          profileId,
          countryCode: "US",
          currencyCode: "USD",
          timezone: "America/Los_Angeles",
          accountInfo: {
            marketplaceStringId: "ATVPDKIKX0DER",
            id: `A${String(i).padStart(12, "0")}BENCH`,
            type: "seller",
            name: `Bench advertiser ${i}`,
          },
        },
      ],
    });
    refreshTokens.push(emulator.admin.issueRefreshToken({ userId }).refreshToken);
    profileIds.push(profileId);
  }
  return {
    env: {
      TF_VAR_refresh_tokens: JSON.stringify(refreshTokens),
      TF_VAR_profile_ids: JSON.stringify(profileIds),
    },
  };
}
