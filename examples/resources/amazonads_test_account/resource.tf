variable "sandbox_refresh_token" {
  type      = string
  sensitive = true
}

# The grant must include advertising::test:create_account and come from an Amazon user that
# manages no advertising accounts.
resource "amazonads_test_account" "sandbox" {
  refresh_token = var.sandbox_refresh_token
  country_code  = "US"
  account_type  = "VENDOR"
  vendor_code   = "ABCDE"
}

output "sandbox_profile_id" {
  value = amazonads_test_account.sandbox.profile_id
}
