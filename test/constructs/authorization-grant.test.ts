import { AuthorizationGrant } from "../../src/constructs/authorization-grant.js";
import { LwaApp } from "../../src/constructs/lwa-app.js";
import { secretVariable } from "../../src/constructs/secrets.js";
import { CLIENT_ID, onlyResource, resolved, synthJson, testStack } from "./support.js";

function setup() {
  const stack = testStack();
  const app = new LwaApp(stack, "app", { clientId: CLIENT_ID });
  return { stack, app };
}

describe("AuthorizationGrant", () => {
  it("redeems an authorization code with the app's redirect URI and a PKCE verifier", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", {
      app,
      authorizationCode: secretVariable(stack, "authorization_code"),
      codeVerifier: secretVariable(stack, "code_verifier"),
    });
    const json = synthJson(stack);
    expect(json).toMatchSnapshot();
    const grant = onlyResource(json, "amazonads_authorization");
    expect(grant.authorization_code).toBe("${var.authorization_code}");
    expect(grant.code_verifier).toBe("${var.code_verifier}");
    expect(grant.redirect_uri).toBe(
      `\${amazonads_lwa_app.${app.resource.friendlyUniqueId}.redirect_uri}`,
    );
    expect(grant.provider).toBe("amazonads.app");
  });

  it("adopts a refresh token, after the app is verified, with no redirect URI", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", { app, refreshToken: secretVariable(stack, "rt") });
    expect(onlyResource(synthJson(stack), "amazonads_authorization")).toEqual({
      provider: "amazonads.app",
      refresh_token: "${var.rt}",
      depends_on: [`amazonads_lwa_app.${app.resource.friendlyUniqueId}`],
      lifecycle: { create_before_destroy: true },
    });
  });

  it("makes a replacement grant before forgetting the old one, so a failing new code loses nothing", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", {
      app,
      authorizationCode: secretVariable(stack, "authorization_code"),
    });
    expect(onlyResource(synthJson(stack), "amazonads_authorization").lifecycle).toEqual({
      create_before_destroy: true,
    });
  });

  it("reads a credentials file given by path, a literal being fine for a path", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", { app, credentialsFile: "/home/me/.amazon-ads.json" });
    expect(onlyResource(synthJson(stack), "amazonads_authorization").credentials_file).toBe(
      "/home/me/.amazon-ads.json",
    );
  });

  it("uses an explicit redirect URI for the code when given one", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", {
      app,
      authorizationCode: secretVariable(stack, "code"),
      redirectUri: "https://amazon.com",
    });
    expect(onlyResource(synthJson(stack), "amazonads_authorization").redirect_uri).toBe(
      "https://amazon.com",
    );
  });

  it("exposes the grant's attributes as references", () => {
    const { stack, app } = setup();
    const grant = new AuthorizationGrant(stack, "grant", { app, credentialsFile: "c.json" });
    const address = `amazonads_authorization.${grant.resource.friendlyUniqueId}`;
    for (const [value, attribute] of [
      [grant.id, "id"],
      [grant.refreshToken, "refresh_token"],
      [grant.accessToken, "access_token"],
      [grant.accessTokenExpiresAt, "access_token_expires_at"],
      [grant.grantedAt, "granted_at"],
      [grant.refreshTokenExpiresAt, "refresh_token_expires_at"],
      [grant.clientId, "client_id"],
    ] as const) {
      expect(resolved(stack, value)).toBe(`\${${address}.${attribute}}`);
    }
  });

  it("wants exactly one source of the grant", () => {
    const { stack, app } = setup();
    expect(() => new AuthorizationGrant(stack, "none", { app })).toThrow(
      /stack\/none: give exactly one source of the grant .* not none\./,
    );
    expect(
      () =>
        new AuthorizationGrant(stack, "two", {
          app,
          refreshToken: secretVariable(stack, "rt"),
          credentialsFile: "c.json",
        }),
    ).toThrow(/not refreshToken and credentialsFile\./);
  });

  it("refuses a redirect URI or verifier without the code they belong to", () => {
    const { stack, app } = setup();
    expect(
      () =>
        new AuthorizationGrant(stack, "g", {
          app,
          credentialsFile: "c.json",
          codeVerifier: secretVariable(stack, "v"),
          redirectUri: "https://amazon.com",
        }),
    ).toThrow("stack/g: redirectUri and codeVerifier only go with authorizationCode");
  });

  it("passes code and verifier as write-only arguments with version 1 under writeOnlyCode", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", {
      app,
      authorizationCode: secretVariable(stack, "authorization_code", { ephemeral: true }),
      codeVerifier: secretVariable(stack, "code_verifier", { ephemeral: true }),
      writeOnlyCode: true,
    });
    const json = synthJson(stack);
    expect(json).toMatchSnapshot();
    const grant = onlyResource(json, "amazonads_authorization");
    expect(grant).toMatchObject({
      authorization_code_wo: "${var.authorization_code}",
      authorization_code_wo_version: 1,
      code_verifier_wo: "${var.code_verifier}",
      lifecycle: { create_before_destroy: true },
    });
    expect(grant.authorization_code).toBeUndefined();
    expect(grant.code_verifier).toBeUndefined();
    expect(json.variable.authorization_code.ephemeral).toBe(true);
  });

  it("sets the expiry window, and refuses 0, negative or fractional days at construction", () => {
    const { stack, app } = setup();
    new AuthorizationGrant(stack, "grant", {
      app,
      credentialsFile: "c.json",
      expiryWarningDays: 60,
    });
    expect(onlyResource(synthJson(stack), "amazonads_authorization").expiry_warning_days).toBe(60);
    for (const days of [0, -5, 2.5]) {
      expect(
        () =>
          new AuthorizationGrant(stack, `g${String(days).replace(/\W/g, "_")}`, {
            app,
            credentialsFile: "c.json",
            expiryWarningDays: days,
          }),
      ).toThrow(`expiryWarningDays must be a whole number of days, at least 1 (it is ${days})`);
    }
  });

  it("refuses writeOnlyCode or authorizationCodeVersion without a code, and a version without writeOnlyCode", () => {
    const { stack, app } = setup();
    expect(
      () =>
        new AuthorizationGrant(stack, "a", { app, credentialsFile: "c.json", writeOnlyCode: true }),
    ).toThrow("stack/a: writeOnlyCode only goes with authorizationCode");
    expect(
      () =>
        new AuthorizationGrant(stack, "b", {
          app,
          authorizationCode: secretVariable(stack, "code"),
          authorizationCodeVersion: 2,
        }),
    ).toThrow("stack/b: authorizationCodeVersion only goes with writeOnlyCode: true");
  });

  it.each([
    ["authorizationCode", "authorization_code", "ANdNAVhyhqirUelHGEHA"],
    ["refreshToken", "refresh_token", "Atzr|IwEBIliteral"],
    ["codeVerifier", "code_verifier", "x".repeat(64)],
  ] as const)("refuses a literal %s without echoing it", (prop, variable, literal) => {
    const { stack, app } = setup();
    const props = {
      app,
      authorizationCode: secretVariable(stack, "code"),
      [prop]: literal,
      ...(prop === "refreshToken" ? { authorizationCode: undefined } : {}),
    };
    let message = "";
    try {
      new AuthorizationGrant(stack, "grant", props);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`stack/grant: ${prop} was given as a literal string`);
    expect(message).toContain(`TF_VAR_${variable}`);
    expect(message).not.toContain(literal);
  });
});
