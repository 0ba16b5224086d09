variable "authorization_code" {
  type      = string
  sensitive = true
}

variable "refresh_token" {
  type      = string
  sensitive = true
}

# From an authorization code, redeemed once at create. Once the grant exists, the code may be
# removed from the configuration: the grant stays. With create_before_destroy, a new code makes
# the new grant before the old one is forgotten, so a new code that fails loses nothing.
resource "amazonads_authorization" "from_code" {
  authorization_code = var.authorization_code
  redirect_uri       = "http://localhost:8765/callback"

  lifecycle {
    create_before_destroy = true
  }
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
