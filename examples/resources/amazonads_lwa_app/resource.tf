resource "amazonads_lwa_app" "app" {
  # Must be on the app's Allowed Return URLs in the Amazon Developer console.
  redirect_uri = "http://localhost:8765/callback"
  scopes       = ["advertising::campaign_management"]
}

# Open it in a browser signed in as the advertiser's Amazon user to get an authorization code.
output "consent_url" {
  value = amazonads_lwa_app.app.authorization_url
}
