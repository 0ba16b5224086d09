/**
 * `ephemeral "amazonads_access_token"` (Terraform ≥ 1.10): a fresh access token for use inside one
 * Terraform run (provider blocks, write-only attributes), never stored in plan or state.
 */
import { attr, schema } from "../../plugin/index.js";
import { nonEmpty } from "../validators.js";

/** Schema of the `amazonads_access_token` ephemeral resource. */
export const accessTokenSchema = schema({
  description:
    "A current access token for a grant, opened for one Terraform run and never stored. Give the " +
    "grant as `refresh_token` or as the `credentials_file` written by `cdktf-amazon-ads login`. Use " +
    "it where Terraform accepts ephemeral values (provider blocks, provisioners, write-only " +
    "arguments): it is how a configuration that must call Amazon gets a token without any " +
    "token in its state. Root module outputs cannot be ephemeral.",
  attributes: {
    refresh_token: attr.string({
      optional: true,
      sensitive: true,
      validators: [nonEmpty],
      description:
        "The grant's refresh token (from an ephemeral or sensitive variable, or a secret store's " +
        "ephemeral resource). Give this or `credentials_file`.",
    }),
    credentials_file: attr.string({
      optional: true,
      validators: [nonEmpty],
      description:
        "Path of a credentials file written by `cdktf-amazon-ads login`, read at each opening: the " +
        "refresh token never passes through the configuration. Its client id must be the " +
        "provider's. Give this or `refresh_token`.",
    }),
    client_id: attr.string({
      computed: true,
      description: "The LwA client id to send as `Amazon-Advertising-API-ClientId`.",
    }),
    access_token: attr.string({
      computed: true,
      sensitive: true,
      description: "The access token (reused from this run's cache while more than 60 s remain).",
    }),
    expires_at: attr.string({
      computed: true,
      description: "When `access_token` expires (RFC 3339).",
    }),
  },
});
