/**
 * The opt-in side of a grant's boundary, with the real cdktf CLI against the emulator: a
 * connection with publishTokens hands its tokens to a consumer stack. First deployed as a pipeline
 * would be, with the required secret unset, CI=true and stdin closed: it must end at once with an
 * error naming TF_VAR_refresh_token rather than wait at Terraform's prompt. Then with the secret:
 * the consumer gets the tokens, as it asked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../../src/emulator/index.js";
import { ExampleProject, ROOT, emulatorSettings } from "../support/cdktf.js";
import { wrapped } from "../support/provider.js";

const PRODUCER = "publishing";
const CONSUMER = "token-reader";
// Far beyond a failing synth and plan (about 10 s here): only a command waiting at a prompt
// reaches it. It is a safety bound, not a time the test measures.
const PROMPT_BOUND_MS = 180_000;

describe("a connection that publishes its tokens (publishTokens), deployed with cdktf", () => {
  let emulator: Emulator;
  let project: ExampleProject;

  beforeAll(async () => {
    emulator = await startEmulator();
    project = ExampleProject.create(join(ROOT, "test/fixtures/published-tokens/main.ts"));
  });
  afterAll(async () => {
    project.remove();
    await emulator.close();
  });

  it("with TF_VAR_refresh_token unset, CI=true and stdin closed, fails naming it instead of prompting", async () => {
    const deploy = await project.cdktf(
      ["deploy", "*", "--auto-approve"],
      { ...emulatorSettings(emulator), CI: "true" },
      { killAfterMs: PROMPT_BOUND_MS },
    );
    expect(deploy.killed).toBe(false);
    expect(deploy.code).not.toBe(0);
    expect(deploy.output).toMatch(
      wrapped(
        'No value for the secret variable "refresh_token": set the environment variable ' +
          "TF_VAR_refresh_token where cdktf deploy or terraform apply runs",
      ),
    );
    expect(deploy.output).not.toContain("Enter a value");
    expect(emulator.admin.calls("token")).toBe(0);
  });

  it("with the secret set, deploys both stacks and the consumer reads the tokens it asked for", async () => {
    const { refreshToken } = emulator.admin.issueRefreshToken();
    const deploy = await project.cdktf(["deploy", "*", "--auto-approve"], {
      ...emulatorSettings(emulator),
      TF_VAR_refresh_token: refreshToken,
    });
    expect(deploy.output).not.toContain(refreshToken);
    expect(deploy.code).toBe(0);
    const producer = await project.outputs(PRODUCER);
    expect(producer.refresh_token).toEqual({
      sensitive: true,
      value: refreshToken,
      type: "string",
    });
    const consumer = await project.outputs(CONSUMER);
    expect(consumer.refresh_token).toMatchObject({ sensitive: true, value: refreshToken });
    expect(String(consumer.access_token?.value)).toMatch(/^Atza\|/);
    // As publishTokens documents: the consumer's state now holds the grant.
    const state = readFileSync(join(project.dir, `terraform.${CONSUMER}.tfstate`), "utf8");
    expect(state).toContain(refreshToken);
  });
});
