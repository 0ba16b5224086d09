# Point the provider at a local emulator (`npx cdktf-amazon-ads emulator --port 4010`):
# {region} becomes na, eu or fe, so profiles of every region go to the emulator's region paths.
export AMAZON_ADS_CLIENT_ID=amzn1.application-oa2-client.5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f
export AMAZON_ADS_CLIENT_SECRET=amzn1.oa2-cs.v1.8c1e4b7a2f9d3c6e5b0a7f4d1c8e2b9a6f3d0c7e4b1a8f5d2c9e6b3a0f7d4c1e
export AMAZON_ADS_AUTHORIZATION_URL='http://127.0.0.1:4010/{region}/ap/oa'
export AMAZON_ADS_TOKEN_URL='http://127.0.0.1:4010/{region}/auth/o2/token'
export AMAZON_ADS_API_URL='http://127.0.0.1:4010/{region}'
