/**
 * The commands the documentation tells people to type keep secrets out of shell history and out
 * of process arguments: every shell block of the READMEs and docs/, every shell script and
 * Terraform or CDKTF example under examples/. A secret typed as a literal on a command line lands
 * in the shell's history file; one passed as an argument is visible to other users in `ps`.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_CLIENT_SECRET } from "../../src/emulator/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Variable names that hold a secret, with or without a TF_VAR_ or AMAZON_ADS_ prefix. */
const SECRET_NAME =
  /(^|_)(client_secret|refresh_token|access_token|authorization_code|code_verifier)$/i;
/** `NAME=value` as a word of a command line (an assignment, an `export`, an env prefix). */
const ASSIGNMENT = /(?:^|[\s;(])([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g;
/** Options that would put a secret among a process's arguments. */
const SECRET_ARGUMENT = /--client-secret\b|-var[= ]+["']?\w*(secret|token|code|verifier)\w*=/i;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter(
      (name) => !name.split("/").some((part) => part === "node_modules" || part.startsWith(".")),
    )
    .filter(keep)
    .map((name) => join(dir, name));
}

/** The shell blocks of a markdown file, or a whole script, as logical lines (continuations joined). */
function commandLines(path: string): string[] {
  const text = readFileSync(join(root, path), "utf8");
  const shell = path.endsWith(".md")
    ? [...text.matchAll(/```(?:sh|shell|bash|console)\n([\s\S]*?)```/g)]
        .map((m) => m[1]!)
        .join("\n")
    : text;
  return shell
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** What is wrong with a command line, if anything. */
function problems(line: string): string[] {
  const found: string[] = [];
  for (const [, name, raw] of line.matchAll(ASSIGNMENT)) {
    if (!SECRET_NAME.test(name!)) continue;
    const value = raw!.replace(/^["']|["']$/g, "");
    // A value read at run time (`$(…)`, `$VAR`) is not in the history; the emulator's demo secret
    // is public, printed by the emulator itself.
    if (value.startsWith("$") || value === DEMO_CLIENT_SECRET) continue;
    found.push(`${name} is assigned a literal, which the shell's history keeps`);
  }
  if (SECRET_ARGUMENT.test(line)) found.push("a secret is passed as a process argument");
  return found;
}

describe("the documented commands keep secrets off the command line", () => {
  const documents = [
    "README.md",
    ...filesUnder("docs", (name) => name.endsWith(".md")),
    ...filesUnder("examples", (name) => name.endsWith(".md") || name.endsWith(".sh")),
  ];

  it("reads the shell blocks of every README, docs page and example script", () => {
    expect(documents).toEqual(
      expect.arrayContaining(["README.md", "docs/constructs.md", "examples/hcl/README.md"]),
    );
    const lines = documents.flatMap(commandLines);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines).toContain("npx cdktf-amazon-ads profiles");
  });

  it("never types a secret as a literal (shell history) nor passes one as an argument (ps)", () => {
    const found = documents.flatMap((path) =>
      commandLines(path).flatMap((line) => problems(line).map((p) => `${path}: ${p}: ${line}`)),
    );
    expect(found).toEqual([]);
  });

  it("recognizes what it forbids", () => {
    expect(problems("export AMAZON_ADS_CLIENT_SECRET=…")).toHaveLength(1);
    expect(problems("TF_VAR_refresh_token='Atzr|x' cdktf deploy")).toHaveLength(1);
    expect(problems('cdktf-amazon-ads login --client-secret "$SECRET"')).toHaveLength(1);
    expect(problems("terraform apply -var client_secret=abc")).toHaveLength(2);
    expect(problems('export AMAZON_ADS_CLIENT_SECRET="$(pass show amazon-ads)"')).toEqual([]);
    expect(problems("read -rs TF_VAR_refresh_token && export TF_VAR_refresh_token")).toEqual([]);
    expect(problems("export AMAZON_ADS_COUNTRY_CODE=DE")).toEqual([]);
  });

  it("hands tokens to local-exec provisioners through the environment, never the command", () => {
    const examples = filesUnder("examples", (name) => /\.(tf|ts)$/.test(name));
    const commands = examples.flatMap((path) =>
      [...readFileSync(join(root, path), "utf8").matchAll(/\bcommand\s*[=:]\s*(.+)/g)].map(
        (m) => [relative(root, join(root, path)), m[1]!] as const,
      ),
    );
    expect(commands.length).toBeGreaterThanOrEqual(3);
    expect(commands.filter(([, command]) => /ephemeral\.|token|secret/i.test(command))).toEqual([]);
  });
});
