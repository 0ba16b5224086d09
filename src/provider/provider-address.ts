/**
 * Who the provider is: its Terraform type name, registry-free source address and version.
 *
 * Shared by the provider (it announces itself), the packaging (mirror paths, lock entries) and the
 * constructs (`required_providers`), so that these can never disagree.
 */
import pkg from "../../package.json" with { type: "json" };

/** The provider's type name: resources are `amazonads_*`, the block is `provider "amazonads"`. */
export const PROVIDER_TYPE = "amazonads";

/** Host part of the source address; `terraform.local` is never looked up on the network. */
export const PROVIDER_HOST = "terraform.local";

/** Namespace part of the source address. */
export const PROVIDER_NAMESPACE = "amazon-ads";

/** The full source address used in `required_providers`. */
export const PROVIDER_SOURCE = `${PROVIDER_HOST}/${PROVIDER_NAMESPACE}/${PROVIDER_TYPE}`;

/** The provider's version: always the npm package's version. */
export const PROVIDER_VERSION: string = pkg.version;
