# Plain Terraform reading an Amazon Ads connection another configuration deployed (the producer's
# non-secret outputs, through terraform_remote_state), and calling the Ads API with a token of its
# own, opened for one run from this team's own login and never stored. See ../README.md.
terraform {
  required_version = ">= 1.10"
  required_providers {
    amazonads = {
      source = "terraform.local/amazon-ads/amazonads"
    }
  }
}

# Both variables default to null and say what to set when left so: Terraform never waits at a
# prompt, which would hang a pipeline.
variable "connection_state" {
  description = "Path of the producing configuration's state file."
  type        = string
  default     = null
  validation {
    condition     = var.connection_state != null
    error_message = "Set TF_VAR_connection_state to the path of the producer's state file."
  }
}

variable "credentials_file" {
  description = "This team's own `cdktf-amazon-ads login` credentials file (a path, not a secret)."
  type        = string
  default     = null
  validation {
    condition     = var.credentials_file != null
    error_message = "Set TF_VAR_credentials_file to the file your `cdktf-amazon-ads login` wrote."
  }
}

# Every output of the producer lands in this configuration's state: the producer publishes no
# token (it is the grant's stack that keeps it).
data "terraform_remote_state" "connection" {
  backend = "local"
  config = {
    path = var.connection_state
  }
}

locals {
  connection = data.terraform_remote_state.connection.outputs
}

# The client id is the producer's; the client secret comes from AMAZON_ADS_CLIENT_SECRET.
provider "amazonads" {
  client_id = local.connection.client_id
}

ephemeral "amazonads_access_token" "api" {
  credentials_file = var.credentials_file
}

# One API call at apply, with the token passed through the environment only.
resource "terraform_data" "profile_check" {
  triggers_replace = [local.connection.profile_id]

  provisioner "local-exec" {
    command = "node ${path.module}/../check-profile.mjs"
    environment = {
      AMAZON_ADS_ACCESS_TOKEN = ephemeral.amazonads_access_token.api.access_token
      AMAZON_ADS_CLIENT_ID    = ephemeral.amazonads_access_token.api.client_id
      AMAZON_ADS_API_URL      = local.connection.api_url
      AMAZON_ADS_PROFILE_ID   = local.connection.profile_id
    }
  }
}

output "profile_id" {
  value = local.connection.profile_id
}

output "api_headers" {
  description = "The headers every call of this profile carries, besides the bearer token."
  value = {
    "Amazon-Advertising-API-ClientId" = local.connection.client_id
    "Amazon-Advertising-API-Scope"    = local.connection.profile_id
  }
}
