/**
 * `amazonads_lwa_app`: the Login with Amazon client application the provider is configured with,
 * verified against Amazon, and the consent URL users open to grant access.
 */
import { attr, planModifiers, schema, types } from "../../plugin/index.js";
import { redirectUriFormat, scopesFormat } from "../validators.js";

/** The redirect URI `cdktf-amazon-ads login` listens on by default. */
export const DEFAULT_REDIRECT_URI = "http://localhost:8765/callback";

/** The scope every Amazon Ads API client needs. */
export const DEFAULT_SCOPES = ["advertising::campaign_management"];

/** Schema of `amazonads_lwa_app`. */
export const lwaAppSchema = schema({
  description:
    "The Login with Amazon client application of the provider configuration. Creating it verifies " +
    "the client id and secret with Amazon (again only when they change) and builds the consent URL " +
    "to open for an authorization grant.",
  attributes: {
    id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description: "The client id (an application has no other identifier).",
    }),
    client_id: attr.string({
      computed: true,
      planModifiers: [planModifiers.useStateForUnknown()],
      description:
        "The verified LwA client id, from the provider configuration. A different client id replaces the resource.",
    }),
    redirect_uri: attr.string({
      optional: true,
      default: DEFAULT_REDIRECT_URI,
      validators: [redirectUriFormat],
      description:
        "Where Amazon sends the user after consent. It must be listed in the application's Allowed " +
        `Return URLs in the Amazon Developer console. Default: ${DEFAULT_REDIRECT_URI}, where ` +
        "`cdktf-amazon-ads login` listens.",
    }),
    scopes: attr.list(types.string, {
      optional: true,
      default: DEFAULT_SCOPES,
      validators: [scopesFormat],
      description:
        "Scopes requested at consent. Default: advertising::campaign_management. Add " +
        "advertising::test:create_account to create test accounts.",
    }),
    authorization_url: attr.string({
      computed: true,
      description:
        "The consent page URL (client id, scopes, redirect URI and a `state` value) to open in a " +
        "browser signed in as the advertiser's Amazon user.",
    }),
    verified_at: attr.string({
      computed: true,
      description: "When Amazon last accepted the client id and secret (RFC 3339).",
    }),
    client_secret_fingerprint: attr.string({
      computed: true,
      description:
        "A salted SHA-256 fingerprint of the verified client secret, so that a rotated secret is " +
        "noticed and verified again. The secret itself is never stored.",
    }),
  },
});
