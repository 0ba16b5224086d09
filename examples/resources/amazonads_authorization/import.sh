# The refresh token is read from an environment variable of the terraform process, typed at a
# silent prompt so that it stays out of shell history and process lists…
read -rs AMAZON_ADS_REFRESH_TOKEN && export AMAZON_ADS_REFRESH_TOKEN
terraform import amazonads_authorization.adopted env:AMAZON_ADS_REFRESH_TOKEN

# …or from a credentials file written by `cdktf-amazon-ads login`; never from the command line.
terraform import amazonads_authorization.from_login file:/home/me/.config/cdktf-amazon-ads/credentials.json
