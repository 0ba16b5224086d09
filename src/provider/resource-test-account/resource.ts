/**
 * `amazonads_test_account`: asks Amazon for a test account and waits until it is COMPLETED, then
 * finds the profile Amazon made for it. A wait that runs out (or Ctrl-C) keeps the request in
 * state as IN_PROGRESS, and later reads pick up the account; Amazon cannot delete test accounts,
 * so destroy only forgets it.
 */
import { isAmazonAdsError, regionOfCountry, type TestAccount } from "../../amazon-ads/index.js";
import { defineResource, type Logger } from "../../plugin/index.js";
import { reportFailure, warnAndKeep } from "../amazon-errors.js";
import { configured, type ProviderData } from "../provider-data.js";
import { testAccountSchema } from "./schema.js";
import { testAccountTiming } from "./timing.js";
import { validateTestAccount } from "./validate.js";

/** The `amazonads_test_account` resource. */
export const testAccountResource = defineResource<typeof testAccountSchema, ProviderData>({
  schema: testAccountSchema,

  async create(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    if (!data) return;
    const { config } = req;
    const { clients } = data;
    let requestId: string;
    try {
      const client = clients.client();
      req.log.debug("asking Amazon for a test account", {
        country_code: config.country_code,
        account_type: config.account_type,
      });
      ({ requestId } = await clients.withLog(req.log, () =>
        client.createTestAccount(
          config.refresh_token,
          {
            countryCode: config.country_code,
            accountType: config.account_type,
            ...(config.vendor_code ? { vendorCode: config.vendor_code } : {}),
          },
          { signal: req.signal },
        ),
      ));
    } catch (error) {
      reportFailure(resp.diagnostics, "Amazon did not create the test account", error);
      return;
    }
    // From here on the request exists at Amazon: unless Amazon reports it failed, keep it in state.
    const pending = { request_id: requestId, id: null, profile_id: null, status: "IN_PROGRESS" };
    let account: TestAccount;
    try {
      account = await clients.withLog(req.log, () =>
        clients.client().waitForTestAccount(config.refresh_token, requestId, {
          signal: req.signal,
          ...testAccountTiming(data.seams.env),
        }),
      );
    } catch (error) {
      if (isAmazonAdsError(error, "TEST_ACCOUNT_FAILED")) {
        resp.diagnostics.error("Amazon could not create the test account", error.message);
        return;
      }
      Object.assign(resp.state, pending);
      resp.diagnostics.warning(
        "The test account is not ready yet; its request is kept in state",
        `${error instanceof Error ? error.message : String(error)} Request ${requestId} is kept ` +
          "in state as IN_PROGRESS: a later plan or refresh picks up the account and its profile.",
      );
      return;
    }
    const profileId = await findProfile(data, config, account, req.log, req.signal);
    Object.assign(resp.state, pending, {
      status: account.status,
      id: account.id ?? null,
      profile_id: profileId,
    });
  },

  async read(req, resp) {
    const data = configured(req.providerData, resp.diagnostics);
    const state = resp.state;
    if (!data || !state?.request_id) return;
    let accounts: TestAccount[];
    try {
      accounts = await data.clients.withLog(req.log, () =>
        data.clients.client().testAccountStatus(state.refresh_token, state.request_id!, {
          signal: req.signal,
        }),
      );
    } catch (error) {
      const kept =
        "Amazon has no call to look a test account up by id, so its creation request is checked " +
        "instead; the account stays in state unchanged and the next plan checks again.";
      const summary = "Could not check the test account; keeping it in state";
      if (
        warnAndKeep(resp.diagnostics, error, summary, kept, "REVOKED_GRANT", "REQUEST_REJECTED")
      ) {
        return;
      }
      reportFailure(resp.diagnostics, "Could not check the test account", error);
      return;
    }
    const account =
      accounts.find((a) => a.id !== undefined && a.id === state.id) ??
      accounts.find((a) => a.status === "COMPLETED") ??
      accounts[0];
    if (!account) return;
    state.status = account.status;
    if (account.status === "COMPLETED" && account.id) {
      state.id = account.id;
      state.profile_id ??= await findProfile(data, state, account, req.log, req.signal);
    }
  },

  update(req) {
    // Only refresh_token changes in place (every other attribute replaces the account); the new
    // token is simply kept, as planned, for the next reads.
    req.log.debug("test account takes a renewed grant's refresh token", { id: req.state.id });
  },

  delete(req, resp) {
    resp.diagnostics.warning(
      "Amazon has no API to delete test accounts; removed from state only",
      `Test account ${req.state.id ?? `of request ${req.state.request_id}`} still exists at Amazon. ` +
        "Terraform forgot it; the Amazon user keeps it (one AUTHOR account per marketplace).",
    );
  },

  validateConfig: validateTestAccount,
});

interface GrantAndCountry {
  readonly refresh_token: string;
  readonly country_code: string;
}

// The profile Amazon made for the account, in the country's region; null while it has none yet.
async function findProfile(
  data: ProviderData,
  { refresh_token: refreshToken, country_code: countryCode }: GrantAndCountry,
  account: TestAccount,
  log: Logger,
  signal: AbortSignal,
): Promise<string | null> {
  const region = regionOfCountry(countryCode) ?? data.settings.region;
  try {
    const profiles = await data.clients.withLog(log, () =>
      data.clients.client(region).listProfiles(refreshToken, {}, { signal }),
    );
    const profile = profiles.find((p) => p.accountInfo.id === account.id);
    log.debug("looked for the test account's profile", {
      region,
      found: profile !== undefined,
    });
    return profile?.profileId ?? null;
  } catch (error) {
    log.debug("could not list profiles for the test account", {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
