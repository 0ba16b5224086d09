# An Amazon Ads advertiser connection in plain Terraform: the Login with Amazon app, the
# advertiser's grant and one advertising profile, with their non-secret values as outputs. The
# grant's tokens stay in this configuration's state. See README.md.
terraform {
  required_version = ">= 1.10"
  required_providers {
    amazonads = {
      source = "terraform.local/amazon-ads/amazonads"
    }
  }
}

# client_id and client_secret come from AMAZON_ADS_CLIENT_ID and AMAZON_ADS_CLIENT_SECRET.
provider "amazonads" {}

variable "authorization_code" {
  description = "A code from the consent redirect: valid 5 minutes, redeemed once. Not needed once the grant exists."
  type        = string
  sensitive   = true
  default     = null
}

variable "country_code" {
  description = "The marketplace of the profile to use (US, CA, UK, DE, JP …)."
  type        = string
  default     = "US"
}

variable "account_type" {
  description = "seller or vendor (agency profiles cannot run sponsored ads)."
  type        = string
  default     = "seller"
}

resource "amazonads_lwa_app" "app" {
  redirect_uri = "http://localhost:8765/callback"
}

resource "amazonads_authorization" "grant" {
  authorization_code = var.authorization_code
  redirect_uri       = amazonads_lwa_app.app.redirect_uri

  # A new code makes the new grant before the old one is forgotten: if it fails, nothing is lost.
  lifecycle {
    create_before_destroy = true
  }
}

resource "amazonads_profile" "selected" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_code  = var.country_code
  account_type  = var.account_type
}

output "authorization_url" {
  description = "Open it to consent; the redirect carries the authorization code."
  value       = amazonads_lwa_app.app.authorization_url
}

output "client_id" {
  value = amazonads_authorization.grant.client_id
}

output "profile_id" {
  value = amazonads_profile.selected.profile_id
}

output "region" {
  value = amazonads_profile.selected.region
}

output "api_url" {
  value = amazonads_profile.selected.api_url
}

output "access_token_expires_at" {
  value = amazonads_authorization.grant.access_token_expires_at
}

# No token outputs: every output lands in the state of whatever reads this one through
# terraform_remote_state. A configuration that must call Amazon opens its own short-lived token
# (ephemeral "amazonads_access_token"; see examples/cross-stack/terraform).
