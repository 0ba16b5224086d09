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

# Terraform 1.11 and later: the same, with the code and its PKCE verifier write-only, so that
# neither reaches the plan or the state. Ephemeral variables keep them out of saved plan files too.
# Change authorization_code_wo_version (1 → 2) with each new code: that replaces the grant.
variable "code_wo" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}

variable "verifier_wo" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}

resource "amazonads_authorization" "write_only" {
  authorization_code_wo         = var.code_wo
  authorization_code_wo_version = 1
  code_verifier_wo              = var.verifier_wo
  redirect_uri                  = "http://localhost:8765/callback"

  lifecycle {
    create_before_destroy = true
  }
}

# From an existing grant's refresh token.
resource "amazonads_authorization" "adopted" {
  refresh_token = var.refresh_token
}

# From the credentials file `cdktf-amazon-ads login` writes. Plans warn 45 days (default 30)
# before its refresh token expires; `cdktf-amazon-ads login --renew` writes a new consent into the
# file, and the next apply replaces the grant, making the new one before forgetting the old.
resource "amazonads_authorization" "from_login" {
  credentials_file    = pathexpand("~/.config/cdktf-amazon-ads/credentials.json")
  expiry_warning_days = 45

  lifecycle {
    create_before_destroy = true
  }
}

output "grant_id" {
  value = amazonads_authorization.from_code.id
}
