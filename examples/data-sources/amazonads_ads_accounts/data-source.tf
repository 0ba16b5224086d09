variable "refresh_token" {
  type      = string
  sensitive = true
}

data "amazonads_ads_accounts" "all" {
  refresh_token = var.refresh_token
}

output "ads_account_ids" {
  value = data.amazonads_ads_accounts.all.ads_account_ids
}

# The Ads account of each profile the accounts list, by profile id (a string).
output "ads_account_by_profile" {
  value = data.amazonads_ads_accounts.all.ads_account_id_by_profile_id
}

# The countries where each account has a profile.
output "countries_by_account" {
  value = {
    for a in data.amazonads_ads_accounts.all.alternate_ids : a.ads_account_id => a.country_code...
  }
}
