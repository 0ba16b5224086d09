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

const COMMANDS = ["login", "profiles", "token", "emulator", "install-provider"];

describe("help texts", () => {
  it.each(COMMANDS)(
    "%s --help explains every option, shows several examples and the exit codes",
    async (command) => {
      const text = await help(command);
      const flags = longFlags(command);
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(text).toContain(flag);
      expect(text).toContain("Examples:");
      const examples = text.split("Examples:")[1]!;
      expect(examples.split(`cdktf-amazon-ads ${command}`).length - 1).toBeGreaterThanOrEqual(2);
      expect(text).toMatch(/Exit codes: 0 [^,]+, 1 [^]+, 2 usage error\./);
    },
  );

  it.each(["login", "emulator", "install-provider"])(
    "%s --help uses every option in an example",
    async (command) => {
      const examples = (await help(command)).split("Examples:")[1]!;
      for (const flag of longFlags(command)) expect(examples).toContain(flag);
    },
  );

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
    expect(text).toContain(
      "takes only the refresh token from the file, not its region or client id",
    );
    expect(text).toContain("$AMAZON_ADS_REGION (else NA)");
  });

  it("token --help says plainly that it prints a secret", async () => {
    const text = await help("token");
    expect(text).toContain("This command prints a secret");
    expect(text).toContain("Nothing else goes to stdout");
  });

  it("the program lists every command, each described in a sentence", async () => {
    const io = captureIo();
    expect(await main(["node", "cdktf-amazon-ads", "--help"], { io })).toBe(0);
    const text = io.stdout.join("");
    const registered = buildProgram({ io: captureIo() }).commands.map((c) => c.name());
    expect(registered).toEqual(COMMANDS);
    for (const command of COMMANDS) {
      // The name, its arguments, then a description that starts with a capital letter.
      expect(text).toMatch(new RegExp(`\\n  ${command} (\\[options\\] )?(\\[DIR\\] )?\\s+[A-Z]`));
    }
  });
});
