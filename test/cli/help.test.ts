/** Every command's --help, as a user reads it. */
import { buildProgram, main } from "../../src/cli/main.js";
import { captureIo } from "./support.js";

async function help(command: string): Promise<string> {
  const io = captureIo();
  expect(await main(["node", "cdktf-amazon-ads", command, "--help"], { io })).toBe(0);
  // Commander wraps descriptions to the terminal's width; compare words, not line breaks.
  return io.stdout.join("").replace(/\s+/g, " ");
}

function longFlags(command: string): string[] {
  const sub = buildProgram({ io: captureIo() }).commands.find((c) => c.name() === command)!;
  return sub.options.map((option) => option.long!);
}

describe("help texts", () => {
  it.each(["login", "profiles", "token"])(
    "%s --help explains every option and shows examples",
    async (command) => {
      const text = await help(command);
      const flags = longFlags(command);
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(text).toContain(flag);
      expect(text).toContain("Examples:");
      expect(text).toContain(`$ cdktf-amazon-ads ${command}`);
      expect(text).toContain("Exit codes: 0");
    },
  );

  it("login --help uses every option in an example", async () => {
    const examples = (await help("login")).split("Examples:")[1]!;
    for (const flag of longFlags("login")) expect(examples).toContain(flag);
  });

  it("login --help names the defaults, the credentials file and why the secret belongs in the environment", async () => {
    const text = await help("login");
    expect(text).toContain("http://localhost:8765/callback");
    expect(text).toContain("advertising::campaign_management");
    expect(text).toContain("(default: 300)");
    expect(text).toContain("$AMAZON_ADS_CREDENTIALS_FILE, else");
    expect(text).toMatch(/cdktf-amazon-ads[/\\]credentials\.json/);
    expect(text).toContain("visible to other users in ps");
    expect(text).toContain("Allowed Return URLs");
    expect(text).toContain("mode 0600");
  });

  it("token --help says plainly that it prints a secret", async () => {
    const text = await help("token");
    expect(text).toContain("This command prints a secret");
    expect(text).toContain("Nothing else goes to stdout");
  });

  it("the program lists every command", async () => {
    const io = captureIo();
    expect(await main(["node", "cdktf-amazon-ads", "--help"], { io })).toBe(0);
    for (const command of ["login", "profiles", "token", "emulator"]) {
      expect(io.stdout.join("")).toContain(`  ${command} `);
    }
  });
});
