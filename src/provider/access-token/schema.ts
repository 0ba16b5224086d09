/**
 * `ephemeral "amazonads_access_token"` (Terraform ≥ 1.10): a fresh access token for use inside one
 * Terraform run (provider blocks, write-only attributes), never stored in plan or state.
 */
import { attr, schema } from "../../plugin/index.js";
import { nonEmpty } from "../validators.js";

/** Schema of the `amazonads_access_token` ephemeral resource. */
export const accessTokenSchema = schema({
  description:
    "A current access token for a grant, opened for one Terraform run and never stored. Use it where " +
    "Terraform accepts ephemeral values; outputs that other stacks read need " +
    "`amazonads_authorization.access_token` instead (root outputs cannot be ephemeral).",
  attributes: {
    refresh_token: attr.string({
      required: true,
      sensitive: true,
      validators: [nonEmpty],
      description: "The grant's refresh token.",
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
