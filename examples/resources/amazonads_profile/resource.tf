variable "refresh_token" {
  type      = string
  sensitive = true
}

# Usually refresh_token = amazonads_authorization.<name>.refresh_token.
resource "amazonads_profile" "us_seller" {
  refresh_token = var.refresh_token
  country_code  = "US"
  account_type  = "seller"
}

# Looked up on the EU host because UK profiles live there.
resource "amazonads_profile" "uk" {
  refresh_token = var.refresh_token
  country_code  = "UK"
}

output "us_profile_id" {
  value = amazonads_profile.us_seller.profile_id # a string: ids can exceed 2^53
}

output "uk_api_url" {
  value = amazonads_profile.uk.api_url
}
