/**
 * Whole-configuration checks of `amazonads_test_account`: Amazon creates a VENDOR account only for
 * a vendor code, so a VENDOR account without one is refused at plan time instead of at apply.
 */
import {
  attributePath,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "../../plugin/index.js";
import type { testAccountSchema } from "./schema.js";

/**
 * Validates an `amazonads_test_account` configuration. Unknown values pass (an unknown account
 * type is not "VENDOR", an unknown vendor code is not null): Terraform validates again once known.
 */
export function validateTestAccount(
  req: ValidateConfigRequest<typeof testAccountSchema>,
  resp: ValidateConfigResponse,
): void {
  const { account_type: accountType, vendor_code: vendorCode } = req.config;
  if (accountType === "VENDOR" && vendorCode === null) {
    resp.diagnostics.error(
      "vendor_code is required for a VENDOR test account",
      "Amazon creates a VENDOR test account for a vendor code (accountMetaData.vendorCode). Set " +
        'vendor_code to the account\'s vendor code, such as "ABCDE", or set account_type to ' +
        '"AUTHOR".',
      attributePath("vendor_code"),
    );
  }
}
