variable "refresh_token" {
  type      = string
  sensitive = true
}

# One grant, one profile per marketplace: each plan lists NA, EU and FE once, not once per country.
# Usually refresh_token = amazonads_authorization.<name>.refresh_token.
resource "amazonads_profile_set" "markets" {
  refresh_token = var.refresh_token
  country_codes = ["US", "CA", "UK", "DE", "FR", "IT", "ES", "JP"]
  account_type  = "seller" # narrows every country: the seller's own profiles, not an agency's
}

# The map's keys are the configured countries, known at plan time: for_each works on the first
# plan, and adding a country later leaves the other instances unchanged.
resource "terraform_data" "campaigns" {
  for_each = amazonads_profile_set.markets.profiles
  input = {
    profile_id = each.value.profile_id # a string: ids can exceed 2^53
    api_url    = each.value.api_url    # the host of the country's region
  }
}

output "profile_ids" {
  value = amazonads_profile_set.markets.profile_ids # { US = "…", CA = "…", … }
}

output "de_api_url" {
  value = amazonads_profile_set.markets.profiles["DE"].api_url
}
