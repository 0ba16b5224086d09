variable "refresh_token" {
  type      = string
  sensitive = true
}

data "amazonads_profiles" "sellers" {
  refresh_token = var.refresh_token
  regions       = ["NA", "EU"]
  account_types = ["seller", "vendor"]
}

output "profile_ids" {
  value = data.amazonads_profiles.sellers.profile_ids
}

output "profiles_by_country" {
  value = { for p in data.amazonads_profiles.sellers.profiles : p.country_code => p.profile_id... }
}
