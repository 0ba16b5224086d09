import { App, TerraformOutput, TerraformStack } from "cdktf";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AmazonAdsConnection,
  CONNECTION_OUTPUTS,
  TOKEN_OUTPUTS,
  type AmazonAdsConnectionProps,
} from "../../src/constructs/amazon-ads-connection.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, onlyResource, resolved, synthJson, testStack } from "./support.js";

const PLAIN = CONNECTION_OUTPUTS.filter((n) => !(TOKEN_OUTPUTS as readonly string[]).includes(n));

function connect(
  stack: TerraformStack,
  id = "acme-eu",
  extra: Partial<AmazonAdsConnectionProps> = {},
): AmazonAdsConnection {
  return new AmazonAdsConnection(stack, id, {
    clientId: CLIENT_ID,
    clientSecret: secretVariable(stack, "client_secret"),
    refreshToken: secretVariable(stack, "refresh_token"),
    region: "EU",
    countryCodes: ["DE", "FR", "IT"],
    accountType: "seller",
    ...extra,
  });
}

describe("AmazonAdsConnection with countryCodes (several marketplaces, one grant)", () => {
  it("selects a profile set instead of one profile and adds the profiles output", () => {
    const stack = testStack();
    const c = connect(stack);
    const json = synthJson(stack);
    expect(json).toMatchSnapshot();
    expect(json.resource.amazonads_profile).toBeUndefined();
    expect(onlyResource(json, "amazonads_profile_set")).toMatchObject({
      country_codes: ["DE", "FR", "IT"],
      account_type: "seller",
    });
    expect(Object.keys(json.output).sort()).toEqual([...PLAIN, "profiles"].sort());
    const set = `amazonads_profile_set.${c.profileSet!.resource.friendlyUniqueId}`;
    expect(json.output.profiles).toMatchObject({ value: `\${${set}.profiles}` });
    expect(json.output.profiles.sensitive).toBeUndefined();
  });

  it("makes the single-profile outputs and properties those of the first country", () => {
    const stack = testStack();
    const c = connect(stack);
    const set = `amazonads_profile_set.${c.profileSet!.resource.friendlyUniqueId}`;
    const outputs = synthJson(stack).output;
    for (const [name, attribute] of [
      ["profile_id", "profile_id"],
      ["region", "region"],
      ["api_url", "api_url"],
      ["country_code", "country_code"],
    ]) {
      expect(outputs[name!].value).toBe(`\${${set}.profiles["DE"].${attribute}}`);
    }
    expect(resolved(stack, c.profileId)).toBe(outputs.profile_id.value);
    expect(resolved(stack, c.apiUrl)).toBe(outputs.api_url.value);
    expect(resolved(stack, c.profileOf("IT").region)).toBe(`\${${set}.profiles["IT"].region}`);
    // Null (no Ads account lists DE's profile) becomes "", as for a single profile.
    const de = `${set}.profiles["DE"].ads_account_id`;
    expect(Object.values(synthJson(stack).locals)).toContainEqual(
      `\${(${de} == null) ? "" : ${de}}`,
    );
    expect(resolved(stack, c.adsAccountId)).toBe(outputs.ads_account_id.value);
    expect(outputs.ads_account_id.description).toContain("that of DE, the first one");
    expect(resolved(stack, c.profileOf("FR").adsAccountId)).toBe(
      `\${${set}.profiles["FR"].ads_account_id}`,
    );
    expect(outputs.profiles.description).toContain("ads_account_id");
    expect(resolved(stack, c.profiles)).toBe(outputs.profiles.value);
    expect(c.countryCodes).toEqual(["DE", "FR", "IT"]);
  });

  it("leaves a connection with countryCode as it was: no set, no profiles output", () => {
    const stack = testStack();
    const c = connect(stack, "acme-us", { countryCodes: undefined, countryCode: "US" });
    const json = synthJson(stack);
    expect(json.resource.amazonads_profile_set).toBeUndefined();
    expect(Object.keys(json.output).sort()).toEqual([...PLAIN].sort());
    expect(c.outputs.profiles).toBeUndefined();
    expect(c.profileSet).toBeUndefined();
    expect(c.countryCodes).toEqual([]);
    expect(() => c.profileOf("US")).toThrow(
      'stack/acme-us: profileOf("US") needs a connection given countryCodes; this one selects one profile',
    );
  });

  it("says what to use instead of profile when it selects several", () => {
    const stack = testStack();
    const c = connect(stack);
    expect(() => c.profile).toThrow(
      'stack/acme-eu: this connection selects one profile per country (DE, FR, IT), so it has no single AdvertisingProfile: use profileOf("DE"), profiles or profileSet instead.',
    );
  });

  it("prefixes the profiles output with outputPrefix", () => {
    const stack = testStack();
    connect(stack, "eu", { outputPrefix: "eu" });
    connect(stack, "na", { outputPrefix: "na", region: "NA", countryCodes: ["US", "CA"] });
    const names = Object.keys(synthJson(stack).output);
    expect(names).toContain("eu_profiles");
    expect(names).toContain("na_profiles");
    expect(() => stack.runAllValidations()).not.toThrow();
  });

  describe("refuses at synth", () => {
    const cases: [string, Partial<AmazonAdsConnectionProps>, RegExp][] = [
      ["an empty list", { countryCodes: [] }, /stack\/acme-eu\/profile-set: countryCodes is empty/],
      [
        "a duplicate country",
        { countryCodes: ["DE", "FR", "DE"] },
        /countryCodes lists "DE" twice \(items 0 and 2\): the set selects one profile per country/,
      ],
      ['"GB"', { countryCodes: ["GB"] }, /Amazon Ads names the United Kingdom "UK"/],
      [
        "countryCode beside countryCodes",
        { countryCode: "DE" },
        /stack\/acme-eu: countryCodes selects one profile per country, and countryCode selects one profile/,
      ],
      [
        "profileId and marketplaceId beside countryCodes",
        { profileId: "45678901234567890", marketplaceId: "A1PA6795UKMFR9" },
        /and profileId and marketplaceId select one profile/,
      ],
    ];
    it.each(cases)("%s", (_, extra, message) => {
      expect(() => connect(testStack(), "acme-eu", extra)).toThrow(message);
    });
  });

  it("feeds another stack one country's profile id through a cross-stack reference", () => {
    const outdir = mkdtempSync(join(tmpdir(), "cross-stack-set-"));
    try {
      const app = new App({ outdir });
      const producer = new TerraformStack(app, "producer");
      const c = connect(producer);
      const consumer = new TerraformStack(app, "consumer");
      new TerraformOutput(consumer, "fr_profile_id", { value: c.profileOf("FR").profileId });
      app.synth();
      const read = (stack: string) =>
        JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
      const cross = Object.entries(read("producer").output as Record<string, { value: string }>)
        .filter(([name]) => name.startsWith("cross-stack-output-"))
        .map(([, output]) => output.value);
      expect(cross).toEqual([expect.stringMatching(/\.profiles\["FR"\]\.profile_id\}$/)]);
      expect(read("consumer").output.fr_profile_id.value).toMatch(
        /^\$\{data\.terraform_remote_state\.[^.]+\.outputs\./,
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
