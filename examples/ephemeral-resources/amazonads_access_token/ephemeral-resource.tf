# This configuration's own grant, never stored: an ephemeral variable stays out of saved plan
# files as well as state.
variable "refresh_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

ephemeral "amazonads_access_token" "api" {
  refresh_token = var.refresh_token
}

# Or with no secret in the configuration at all: the file `cdktf-amazon-ads login` wrote.
ephemeral "amazonads_access_token" "from_login" {
  credentials_file = pathexpand("~/.config/cdktf-amazon-ads/credentials.json")
}

# The token reaches the script without being stored in the plan or the state.
resource "terraform_data" "report" {
  provisioner "local-exec" {
    command = "./fetch-report.sh"
    environment = {
      AMAZON_ADS_ACCESS_TOKEN = ephemeral.amazonads_access_token.api.access_token
      AMAZON_ADS_CLIENT_ID    = ephemeral.amazonads_access_token.api.client_id
    }
  }
}
