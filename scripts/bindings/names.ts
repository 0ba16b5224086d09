/** Name conversions between Terraform's snake_case and the TypeScript names of the bindings. */

/** `client_id` → `clientId`. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_match, c: string) => c.toUpperCase());
}

/** `amazonads_lwa_app` → `AmazonadsLwaApp`. */
export function className(snake: string): string {
  const camel = camelCase(snake);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `amazonads_test_account` (provider `amazonads`) → `test-account`. */
export function fileStem(terraformType: string, providerType: string): string {
  const prefix = `${providerType}_`;
  const local = terraformType.startsWith(prefix)
    ? terraformType.slice(prefix.length)
    : terraformType;
  return local.replace(/_/g, "-");
}
