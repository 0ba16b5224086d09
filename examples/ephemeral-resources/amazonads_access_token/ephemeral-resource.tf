variable "refresh_token" {
  type      = string
  sensitive = true
}

ephemeral "amazonads_access_token" "api" {
  refresh_token = var.refresh_token
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
