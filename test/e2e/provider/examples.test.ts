/**
 * Every example under examples/ (the ones the docs show) is a valid Terraform configuration for
 * this provider: `terraform validate` accepts each one.
 */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  HEADER,
  expectSuccess,
  startProviderHarness,
  type ProviderHarness,
} from "../support/provider.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

function terraformFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "hcl" ? [] : terraformFiles(path);
    return entry.name.endsWith(".tf") ? [path] : [];
  });
}

describe("the documented examples", () => {
  let h: ProviderHarness;
  beforeAll(async () => {
    h = await startProviderHarness();
    h.configure("");
    expectSuccess(await h.tf(["init"]));
  });
  afterAll(() => h.finish());

  it.each(terraformFiles(join(root, "examples")).map((file) => [relative(root, file)]))(
    "%s is valid",
    async (file) => {
      const text = readFileSync(join(root, file), "utf8");
      // The provider's own example declares required_providers; the others rely on the header.
      h.ws.write("main.tf", text.includes("required_providers") ? text : `${HEADER}\n${text}`);
      const validate = await h.tf(["validate"]);
      expect([file, validate.code, validate.stdout]).toEqual([
        file,
        0,
        expect.stringContaining("Success! The configuration is valid."),
      ]);
    },
  );

  it("includes the plain HCL example", async () => {
    h.ws.write("main.tf", readFileSync(join(root, "examples/hcl/main.tf"), "utf8"));
    rmSync(join(h.ws.dir, ".terraform.lock.hcl"), { force: true });
    expectSuccess(await h.tf(["init"]));
    expectSuccess(await h.tf(["validate"]));
  });
});
