variable "refresh_token" {
  type      = string
  sensitive = true
}

data "amazonads_manager_accounts" "mine" {
  refresh_token = var.refresh_token
}

# The value of the Amazon-Advertising-API-Manager-Account header, for the APIs that take it.
output "manager_account_ids" {
  value = data.amazonads_manager_accounts.mine.manager_account_ids
}

# The profiles linked to each manager account (seller, vendor and marketing-cloud accounts).
output "linked_profiles" {
  value = {
    for a in data.amazonads_manager_accounts.mine.linked_accounts :
    a.manager_account_id => a.profile_id... if a.profile_id != null
  }
}
