variable "authorization_code" {
  type      = string
  sensitive = true
}

variable "refresh_token" {
  type      = string
  sensitive = true
}

# From an authorization code, redeemed once at create. Once the grant exists, the code may be
# removed from the configuration: the grant stays.
resource "amazonads_authorization" "from_code" {
  authorization_code = var.authorization_code
  redirect_uri       = "http://localhost:8765/callback"
}

# From an existing grant's refresh token.
resource "amazonads_authorization" "adopted" {
  refresh_token = var.refresh_token
}

# From the credentials file `cdktf-amazon-ads login` writes.
resource "amazonads_authorization" "from_login" {
  credentials_file = pathexpand("~/.config/cdktf-amazon-ads/credentials.json")
}

output "grant_id" {
  value = amazonads_authorization.from_code.id
}
