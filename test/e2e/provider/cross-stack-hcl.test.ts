/**
 * Plain Terraform on both sides, with the real terraform against the emulator: examples/hcl as the
 * producer (a grant redeemed from a code), and examples/cross-stack/terraform as a consumer that
 * reads the producer's outputs through terraform_remote_state and calls the Ads API with a token
 * opened from its own credentials file. No secret the emulator issued may be in the consumer's
 * state or in its saved plan; and with a variable left unset, the consumer fails at once, naming
 * the TF_VAR_ to set, instead of waiting at a prompt.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { filesBelow, findLeaks, zipEntries } from "../support/secret-scan.js";
import { writeTestCredentials } from "../../provider/support/credentials.js";
import { expectSuccess, startProviderHarness, type ProviderHarness } from "../support/provider.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const example = (path: string) => readFileSync(join(root, "examples", path), "utf8");

describe("a plain Terraform consumer of a connection: its own ephemeral token, no token stored", () => {
  let h: ProviderHarness;
  // The consumer's working directory, beside the producer's (the script is one level up, as in
  // examples/cross-stack).
  let consumer: string;
  const inConsumer = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
    h.tf([`-chdir=consumer`, ...args], env);

  beforeAll(async () => {
    h = await startProviderHarness();
    consumer = join(h.ws.dir, "consumer");
    mkdirSync(consumer);
    h.ws.write("main.tf", example("hcl/main.tf"));
    h.ws.write("check-profile.mjs", example("cross-stack/check-profile.mjs"));
    // Terraform's implied local mirror is per working directory.
    symlinkSync(join(h.ws.dir, "terraform.d"), join(consumer, "terraform.d"));
    copyFileSync(join(root, "examples/cross-stack/terraform/main.tf"), join(consumer, "main.tf"));
  });
  afterAll(() => h.finish());

  it("deploys the producer from a code, publishing no token", async () => {
    expectSuccess(await h.tf(["init"]));
    expectSuccess(
      await h.tf(["apply", "-auto-approve"], {
        TF_VAR_authorization_code: h.emulator.admin.issueCode(),
      }),
    );
    expect(await h.output("profile_id")).toBe("34567890123456789");
    const outputs = await h.tf(["output", "-json"]);
    expect(Object.keys(JSON.parse(outputs.stdout) as object).sort()).toEqual([
      "access_token_expires_at",
      "api_url",
      "authorization_url",
      "client_id",
      "profile_id",
      "region",
    ]);
  });

  it("fails at once, naming TF_VAR_credentials_file, when it is unset (no prompt)", async () => {
    expectSuccess(await inConsumer(["init", "-no-color"]));
    const plan = await inConsumer(["plan", "-no-color"], {
      TF_VAR_connection_state: join(h.ws.dir, "terraform.tfstate"),
    });
    expect(plan.code).toBe(1);
    expect(plan.output).toContain(
      "Set TF_VAR_credentials_file to the file your `cdktf-amazon-ads login` wrote.",
    );
  });

  it("calls the API with a token from its own login, and keeps no secret in its state or saved plan", async () => {
    const env = {
      TF_VAR_connection_state: join(h.ws.dir, "terraform.tfstate"),
      TF_VAR_credentials_file: await writeTestCredentials(consumer, {
        clientId: h.emulator.clientId,
        refreshToken: h.emulator.admin.issueRefreshToken().refreshToken,
      }),
    };
    h.emulator.admin.resetCounters();
    const apply = expectSuccess(await inConsumer(["apply", "-no-color", "-auto-approve"], env));
    expect(apply.output).toContain("terraform_data.profile_check: Creation complete");
    // The script's one call, answered (a refusal fails the provisioner, and the apply).
    expect(h.emulator.admin.calls("profile")).toBe(1);
    expect(h.emulator.admin.calls("token", "refresh_token")).toBeGreaterThanOrEqual(1);
    expectSuccess(await inConsumer(["plan", "-no-color", "-out=tfplan"], env));

    const secrets = h.emulator.admin.secrets();
    const files = filesBelow(consumer, (path) => path === "credentials.json" || path === "tfplan");
    expect(files.map((f) => f.where)).toContain("terraform.tfstate");
    const plan = [...zipEntries(readFileSync(join(consumer, "tfplan")))].map(([name, content]) => ({
      where: `tfplan: ${name}`,
      content,
    }));
    expect(plan.map((p) => p.where)).toContain("tfplan: tfstate");
    expect(findLeaks([...files, ...plan], secrets)).toEqual([]);
    // The scan can see them: the producer's state holds its grant, as it must.
    const producerState = [
      { where: "producer", content: readFileSync(join(h.ws.dir, "terraform.tfstate")) },
    ];
    expect(findLeaks(producerState, secrets).length).toBeGreaterThan(0);
  });
});
