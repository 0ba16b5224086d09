terraform {
  required_providers {
    amazonads = {
      source = "terraform.local/amazon-ads/amazonads"
    }
  }
}

variable "client_secret" {
  type      = string
  sensitive = true
}

# Credentials of the Login with Amazon app approved for the Amazon Ads API. Both may come from
# AMAZON_ADS_CLIENT_ID and AMAZON_ADS_CLIENT_SECRET instead.
provider "amazonads" {
  client_id     = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef"
  client_secret = var.client_secret
  region        = "NA"
}
