/**
 * Bad country lists of `amazonads_profile_set`, with the real terraform against the emulator: each
 * ends in a diagnostic on `country_codes` of the set that holds it, saying what to do, with no
 * stack trace. Several sets share one `validate` and one `apply`, each checked on its own block.
 * Amazon refusing the Ads account listing (403) is a warning: the profiles are still selected.
 */
import {
  describeDiagnostic,
  diagnosticsOf,
  expectDiagnostic,
  pointsAt,
  stackTraceLines,
  type TerraformDiagnostic,
} from "../e2e/support/diagnostics.js";
import type { TerraformResult } from "../e2e/support/terraform.js";
import {
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../e2e/support/provider.js";
import { TOKEN_GRANT, attributesOf } from "./support.js";

const set = (name: string, countries: string, extra = "") => `
resource "amazonads_profile_set" "${name}" {
  refresh_token = amazonads_authorization.grant.refresh_token
  country_codes = ${countries}${extra}
}`;

/** The diagnostic of `result` with this summary that points at `country_codes` of set `name`. */
function onSet(result: TerraformResult, name: string, summary: string): TerraformDiagnostic {
  const block = `resource "amazonads_profile_set" "${name}"`;
  const all = diagnosticsOf(result);
  const found = all.find(
    (d) => d.summary.includes(summary) && pointsAt(d, { block, attribute: "country_codes" }),
  );
  if (!found) {
    throw new Error(
      `No "${summary}" on ${block} country_codes among:\n${all.map(describeDiagnostic).join("\n")}`,
    );
  }
  expect(found.severity).toBe("error");
  expect(stackTraceLines(result.output)).toEqual([]);
  return found;
}

describe("bad country lists of a profile set", () => {
  let h: ProviderHarness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure("");
    expectSuccess(await h.tf(["init"]));
    // The demo advertiser: US seller and agency, CA, UK, DE, FR, IN, JP, AU; no IT, no ES.
    env = { TF_VAR_refresh_token: h.emulator.admin.issueRefreshToken().refreshToken };
  });
  afterAll(() => h.finish());

  describe("refused at validation", () => {
    let result: TerraformResult;
    beforeAll(async () => {
      h.configure(
        TOKEN_GRANT +
          set("empty", "[]") +
          set("twice", '["DE", "FR", "DE"]') +
          set("gb", '["DE", "GB"]'),
      );
      result = await h.tf(["validate", "-json"]);
    });

    it("fails, reporting the three sets at once", () => {
      expect(result.code).toBe(1);
      expect(diagnosticsOf(result).filter((d) => d.severity === "error")).toHaveLength(3);
    });

    it("an empty list: an error saying to name at least one country", () => {
      const found = onSet(result, "empty", "Invalid value for country_codes");
      expect(found.detail).toContain('must name at least one country, such as ["DE", "FR", "IT"]');
    });

    it("a duplicate country: an error naming it and the item it repeats", () => {
      const found = onSet(result, "twice", "DE is listed twice in country_codes");
      expect(found.detail).toContain('country_codes[2] repeats country_codes[0] ("DE")');
      expect(found.detail).toContain("Remove one of them");
    });

    it('"GB": an error saying Amazon Ads uses "UK", as for country_code', () => {
      const found = onSet(result, "gb", "Invalid value for country_codes");
      expect(found.detail).toContain('country_codes[1] must be "UK" for the United Kingdom');
    });
  });

  describe("refused at apply, the grant kept", () => {
    let result: TerraformResult;
    beforeAll(async () => {
      h.resetState();
      h.configure(
        TOKEN_GRANT +
          set("unreached", '["DE", "IT"]') +
          set("ambiguous", '["UK", "US"]') +
          set("narrowed", '["US", "CA"]', '\n  account_type  = "seller"'),
      );
      result = await h.tf(["apply", "-json", "-auto-approve"], env);
    });

    it("fails without a stack trace, and keeps the grant it made", async () => {
      expect(result.code).toBe(1);
      expect(stackTraceLines(result.output)).toEqual([]);
      expect(attributesOf(await h.state(), "amazonads_authorization.grant")).toBeDefined();
      expect(attributesOf(await h.state(), "amazonads_profile_set.unreached")).toBeUndefined();
    });

    it("a country the grant does not reach: named, with where the grant's profiles are", () => {
      const found = onSet(result, "unreached", "The grant has no advertising profile in IT");
      expect(found.detail).toContain("are in: US, CA (NA); UK, DE, FR, IN (EU); JP, AU (FE)");
      expect(found.detail).toContain('Remove "IT" from country_codes');
    });

    it("a country where several profiles match: the candidates, and account_type to add", () => {
      const found = onSet(result, "ambiguous", "2 advertising profiles match in US");
      expect(found.detail).toContain('34567890123456789  US  seller  "Acme Outdoor US"');
      expect(found.detail).toContain('3456789012345678901  US  agency  "Northwind Media Agency"');
      expect(found.detail).toContain('Add account_type = "seller"');
    });

    it("a country whose profiles account_type excludes: those profiles, and what to change", () => {
      const found = onSet(result, "narrowed", "The grant has no advertising profile in CA");
      expect(found.detail).toContain(
        '9007199254740993  CA  vendor  "Acme Outdoor Canada (Vendor)"',
      );
      expect(found.detail).toContain("Change or remove account_type");
    });
  });

  describe("Ads account listing refused (403) while the set is selected", () => {
    let result: TerraformResult;
    beforeAll(async () => {
      h.resetState();
      h.configure(TOKEN_GRANT + set("markets", '["UK", "DE", "JP"]'));
      const fault = h.emulator.admin.injectFault({ kind: "forbidden", endpoint: "adsAccounts" });
      result = await h.tf(["apply", "-json", "-auto-approve"], env);
      h.emulator.admin.clearFaults(fault);
    });

    it("applies with one warning on the set, saying what to do, and no stack trace", () => {
      expect(result.code).toBe(0);
      expectDiagnostic(result, {
        severity: "warning",
        summary: "Could not look up the Ads accounts of the set's profiles",
        block: 'resource "amazonads_profile_set" "markets"',
        detail: ["UK, DE (EU region)", "JP (FE region)", "403", "-replace="],
      });
      const warnings = diagnosticsOf(result).filter((d) => d.severity === "warning");
      expect(warnings).toHaveLength(1);
    });

    it("keeps every profile in state, with no Ads account", async () => {
      const markets = attributesOf(await h.state(), "amazonads_profile_set.markets")!;
      expect(markets.profile_ids).toEqual({
        UK: "1209876543210987",
        DE: "45678901234567890",
        JP: "67890123456789012",
      });
      const profiles = markets.profiles as Record<string, { ads_account_id: unknown }>;
      expect(Object.values(profiles).map((p) => p.ads_account_id)).toEqual([null, null, null]);
    });
  });
});
