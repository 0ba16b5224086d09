/**
 * The plugin host against the real terraform binary, offline, through the test-only notes
 * provider: the whole lifecycle, drift, import, validation, Ctrl-C and logging.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Workspace } from "../support/terraform.js";

// A safety net for hung processes, not a performance limit: terraform commands take seconds here.

const SECRET = "s3cr3t-n0te-value";

/** Polls a condition (a file another process writes) until it holds. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50));
}

function config(options: { text?: string; folder?: string; slow?: boolean } = {}): string {
  return `
terraform {
  required_providers {
    notes = { source = "terraform.local/test/notes", version = "0.0.1" }
  }
}
provider "notes" { store_path = "\${path.module}/notes.json" }
variable "secret" {
  type      = string
  sensitive = true
  default   = "${SECRET}"
}
resource "notes_note" "a" {
  text   = "${options.text ?? "hello"}"
  folder = "${options.folder ?? "inbox"}"
  secret = var.secret
  tags   = { kind = "test" }
}
data "notes_note" "a" { id = notes_note.a.id }
output "text" { value = data.notes_note.a.text }
${options.slow ? 'resource "notes_note" "slow" {\n  text     = "slow"\n  delay_ms = 600000\n}' : ""}
`;
}

describe("a TypeScript provider served to terraform (notes fixture)", () => {
  let ws: Workspace;
  const store = () =>
    JSON.parse(readFileSync(join(ws.dir, "notes.json"), "utf8")).notes as Record<
      string,
      { text: string; folder: string; created_at: string; updated_at: string }
    >;
  const stateId = async () => {
    const show = await ws.terraform(["state", "show", "-no-color", "notes_note.a"]);
    return /\bid\s+=\s+"([^"]+)"/.exec(show.stdout)?.[1];
  };

  beforeAll(async () => {
    ws = await Workspace.create({
      entry: fileURLToPath(new URL("../../fixtures/note-provider/main.ts", import.meta.url)),
      host: "terraform.local",
      namespace: "test",
      type: "notes",
      version: "0.0.1",
    });
    ws.write("main.tf", config());
  });
  afterAll(() => ws.remove());

  it("installs from the implied local mirror with terraform init", async () => {
    const init = await ws.terraform(["init"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Installing terraform.local/test/notes v0.0.1");
    expect(existsSync(join(ws.dir, ".terraform.lock.hcl"))).toBe(true);
  });

  it("plans a create with computed values unknown and the secret hidden", async () => {
    const plan = await ws.terraform(["plan"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("notes_note.a will be created");
    expect(plan.stdout).toMatch(/id\s+= \(known after apply\)/);
    expect(plan.stdout).toMatch(/priority\s+= 1/);
    expect(plan.stdout).toMatch(/secret\s+= \(sensitive value\)/);
    expect(plan.output).not.toContain(SECRET);
  });

  it("applies under TF_LOG=trace with clean shutdowns and no secret in any log line", async () => {
    const apply = await ws.terraform(["apply", "-auto-approve"], { TF_LOG: "trace" });
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("Apply complete! Resources: 1 added");
    expect(apply.stdout).toContain('text = "hello"');
    expect(apply.stderr).toContain("provider.terraform-provider-notes_v0.0.1: plugin started");
    expect(apply.stderr).toMatch(/planned resource change: .*secret:<sensitive>/);
    expect(apply.output).not.toContain("failed to exit gracefully");
    expect(apply.output).not.toContain("Unrecognized remote plugin message");
    expect(apply.output).not.toContain(SECRET);
    expect(Object.values(store())).toHaveLength(1);
  });

  it("finds no changes on a second plan", async () => {
    const plan = await ws.terraform(["plan", "-detailed-exitcode"]);
    expect(plan.stdout).toContain("No changes.");
    expect(plan.code).toBe(0);
  });

  it("updates in place, keeping id and creation time", async () => {
    const id = await stateId();
    const before = store()[id ?? ""];
    ws.write("main.tf", config({ text: "hello again" }));
    const apply = await ws.terraform(["apply", "-auto-approve"]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("notes_note.a will be updated in-place");
    expect(apply.stdout).toContain("Resources: 0 added, 1 changed, 0 destroyed");
    expect(await stateId()).toBe(id);
    const after = store()[id ?? ""];
    expect(after?.text).toBe("hello again");
    expect(after?.created_at).toBe(before?.created_at);
    expect(after?.updated_at).not.toBe(before?.updated_at);
  });

  it("replaces the note when a requires-replace attribute changes", async () => {
    const id = await stateId();
    ws.write("main.tf", config({ text: "hello again", folder: "archive" }));
    const apply = await ws.terraform(["apply", "-auto-approve"]);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain("notes_note.a must be replaced");
    expect(apply.stdout).toMatch(/folder\s+= "inbox" -> "archive" # forces replacement/);
    expect(apply.stdout).toContain("Resources: 1 added, 0 changed, 1 destroyed");
    const newId = await stateId();
    expect(newId).not.toBe(id);
    expect(Object.keys(store())).toEqual([newId]);
  });

  it("imports an existing note, after which the plan is empty", async () => {
    const id = await stateId();
    expect((await ws.terraform(["state", "rm", "notes_note.a"])).code).toBe(0);
    const imported = await ws.terraform(["import", "notes_note.a", id ?? ""]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Import successful!");
    const plan = await ws.terraform(["plan", "-detailed-exitcode"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("No changes.");
  });

  it("plans to re-create a note deleted behind Terraform's back", async () => {
    writeFileSync(join(ws.dir, "notes.json"), JSON.stringify({ notes: {} }));
    const plan = await ws.terraform(["plan"]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain("notes_note.a has been deleted");
    expect(plan.stdout).toContain("notes_note.a will be created");
    expect((await ws.terraform(["apply", "-auto-approve"])).code).toBe(0);
    expect(Object.values(store())).toHaveLength(1);
  });

  it("reports an invalid value as an error on the attribute that holds it", async () => {
    ws.write("main.tf", config({ text: "hello again", folder: "Bad Folder" }));
    const validate = await ws.terraform(["validate"]);
    expect(validate.code).toBe(1);
    expect(validate.output).toContain("Error: Invalid value for folder");
    expect(validate.output).toContain('folder = "Bad Folder"');
    expect(validate.output).toContain("folder must be lowercase letters, digits and dashes.");
    ws.write("main.tf", config({ text: "hello again", folder: "archive" }));
  });

  it("stops promptly on Ctrl-C during a slow create, aborting the handler through StopProvider", async () => {
    ws.write("main.tf", config({ text: "hello again", folder: "archive", slow: true }));
    const apply = ws.start(["apply", "-auto-approve"]);
    await apply.waitForOutput("notes_note.slow: Creating...");
    await until(() => existsSync(join(ws.dir, "create-started")));
    apply.interrupt();
    // The create would sleep for ten minutes; finishing at all means it was interrupted.
    const result = await apply.result;
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain("Interrupt received");
    expect(result.output).toContain("Creating notes_note was cancelled");
    expect(existsSync(join(ws.dir, "create-aborted"))).toBe(true);
    ws.write("main.tf", config({ text: "hello again", folder: "archive" }));
  });

  it("destroys everything, with clean shutdowns under TF_LOG=trace", async () => {
    const destroy = await ws.terraform(["destroy", "-auto-approve"], { TF_LOG: "trace" });
    expect(destroy.code).toBe(0);
    expect(destroy.stdout).toContain("Destroy complete! Resources: 1 destroyed.");
    expect(destroy.output).not.toContain("failed to exit gracefully");
    expect(destroy.output).not.toContain(SECRET);
    expect(store()).toEqual({});
  });
});
