/**
 * The write-only code and verifier of amazonads_authorization with the real terraform (1.11.4)
 * against the emulator: the schema flag Terraform reads, a saved plan and the state without them
 * (plan file entries inflated, its raw bytes, `terraform show -json`), the trace log without them,
 * and a new version with a new code replacing the grant.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeChallenge } from "../../../src/amazon-ads/index.js";
import { expectDiagnostic } from "../support/diagnostics.js";
import { expectSuccess, startProviderHarness, type ProviderHarness } from "../support/provider.js";
import { filesBelow, findLeaks, zipEntries } from "../support/secret-scan.js";

const REDIRECT_URI = "http://localhost:8765/callback";
const GRANT = 'resource "amazonads_authorization" "grant"';

const CONFIG = `
variable "code" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}
variable "verifier" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = null
}
variable "code_version" {
  type    = number
  default = 1
}
resource "amazonads_authorization" "grant" {
  authorization_code_wo         = var.code
  authorization_code_wo_version = var.code_version
  code_verifier_wo              = var.verifier
  redirect_uri                  = "${REDIRECT_URI}"
  lifecycle {
    create_before_destroy = true
  }
}
resource "amazonads_profile" "us" {
  refresh_token = amazonads_authorization.grant.refresh_token
  profile_id    = "34567890123456789"
}
output "grant_id" { value = amazonads_authorization.grant.id }
`;

describe("amazonads_authorization's write-only code and verifier, in terraform 1.11", () => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure(CONFIG);
    expectSuccess(await h.tf(["init"]));
  });
  afterAll(() => h.finish());

  /** A code with a PKCE challenge, and its verifier. */
  function consent(tag: string) {
    const verifier = `write-only-verifier-${tag}-`.padEnd(64, "x");
    const code = h.emulator.admin.issueCode({
      codeChallenge: codeChallenge(verifier),
      codeChallengeMethod: "S256",
    });
    return { code, verifier, env: { TF_VAR_code: code, TF_VAR_verifier: verifier } };
  }

  it("flags both arguments write_only in the schema Terraform reads", async () => {
    const schema = JSON.parse(
      expectSuccess(await h.tf(["providers", "schema", "-json"])).stdout,
    ) as {
      provider_schemas: Record<
        string,
        { resource_schemas: Record<string, { block: { attributes: Record<string, Plain> } }> }
      >;
    };
    const attributes = Object.values(schema.provider_schemas)[0]!.resource_schemas
      .amazonads_authorization!.block.attributes;
    expect(attributes.authorization_code_wo).toMatchObject({ write_only: true, sensitive: true });
    expect(attributes.code_verifier_wo).toMatchObject({ write_only: true });
    expect(attributes.authorization_code_wo_version?.write_only).toBeUndefined();
  });

  it("keeps code and verifier out of a saved plan, the state and a trace log; a new version replaces the grant", async () => {
    const first = consent("one");
    expectSuccess(await h.tf(["plan", "-out=tfplan"], first.env));
    const planFile = readFileSync(join(h.ws.dir, "tfplan"));
    const shown = expectSuccess(await h.tf(["show", "-json", "tfplan"])).stdout;
    expect(shown).toContain('"authorization_code_wo_version":1');
    // An ephemeral variable is given again to apply a saved plan: the plan kept only its name.
    const apply = expectSuccess(
      await h.tf(["apply", "tfplan"], { ...first.env, TF_LOG: "trace", TF_LOG_PATH: "trace.log" }),
    );
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);
    const grantId = await h.output("grant_id");

    const kept = [
      { where: "tfplan (raw bytes)", content: planFile },
      ...[...zipEntries(planFile)].map(([name, content]) => ({
        where: `tfplan: ${name}`,
        content,
      })),
      { where: "terraform show -json tfplan", content: shown },
      { where: "apply output", content: apply.output },
      ...filesBelow(h.ws.dir, (path) => path.startsWith(".terraform") || path === "tfplan"),
    ];
    expect(kept.map((k) => k.where)).toEqual(
      expect.arrayContaining([
        "tfplan: tfplan",
        "tfplan: tfstate",
        "terraform.tfstate",
        "trace.log",
      ]),
    );
    expect(findLeaks(kept, [first.code, first.verifier])).toEqual([]);
    const state = await h.state();
    const grant = state.resources.find((r) => r.type === "amazonads_authorization")!;
    expect(grant.instances[0]!.attributes).toMatchObject({
      authorization_code_wo: null,
      code_verifier_wo: null,
      authorization_code_wo_version: 1,
      refresh_token: expect.stringMatching(/^Atzr\|/),
    });

    // The same version: no change, the spent code never sent again (given or not).
    const same = expectSuccess(await h.tf(["plan", "-detailed-exitcode"], first.env));
    expect(same.stdout).toContain("No changes.");
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(1);

    // A new code with a new version: the grant is replaced, the new one made first.
    const second = consent("two");
    const replaced = expectSuccess(
      await h.tf(["apply", "-auto-approve", "-json"], { ...second.env, TF_VAR_code_version: "2" }),
    );
    expect(replaced.stdout).toMatch(/"action":"replace"/);
    expect(h.emulator.admin.calls("token", "authorization_code")).toBe(2);
    expect(await h.output("grant_id")).not.toBe(grantId);
    const after = filesBelow(h.ws.dir, (path) => !/^terraform\.tfstate(\.backup)?$/.test(path));
    expect(findLeaks(after, [first.code, first.verifier, second.code, second.verifier])).toEqual(
      [],
    );
  });

  it("a new version without its code: an error on authorization_code_wo_version, the grant kept", async () => {
    const before = await h.output("grant_id");
    const result = await h.tf(["plan", "-json"], { TF_VAR_code_version: "3" });
    expect(result.code).toBe(1);
    expectDiagnostic(result, {
      severity: "error",
      summary: "A new authorization_code_wo_version needs its code",
      block: GRANT,
      attribute: "authorization_code_wo_version",
    });
    expect(await h.output("grant_id")).toBe(before);
  });
});

type Plain = Record<string, unknown>;
