/** The command line's shared behaviour: exit codes and errors as short messages. */
import { buildProgram, main } from "../../src/cli/main.js";
import { captureIo } from "./support.js";

describe("the cdktf-amazon-ads command line", () => {
  it.each([
    ["login", "--bogus"],
    ["profiles", "--bogus"],
    ["token", "extra-argument"],
    ["emulator", "--port", "abc"],
  ])("%s %s is a usage error (exit 2) ending through main, not process.exit", async (...args) => {
    const io = captureIo();
    expect(await main(["node", "cdktf-amazon-ads", ...args], { io })).toBe(2);
    const said = io.stderr.join("");
    expect(said).toMatch(/^error: /);
    expect(said).toContain("(add --help for usage and examples)");
  });

  it("hands the program's settings down to every subcommand", () => {
    const program = buildProgram({ io: captureIo() });
    for (const command of program.commands) {
      expect(() => command.error("boom", { exitCode: 7, code: "test" })).toThrow("boom");
    }
  });

  it("exits 2 with the help when no command is given", async () => {
    const io = captureIo();
    expect(await main(["node", "cdktf-amazon-ads"], { io })).toBe(2);
    expect(io.stderr.join("")).toContain("Usage: cdktf-amazon-ads");
  });

  it("prints a usage error as the message and a pointer to --help (exit 2)", async () => {
    const io = captureIo({ AMAZON_ADS_CLIENT_ID: "id", AMAZON_ADS_CLIENT_SECRET: "secret" });
    const args = ["login", "--redirect-uri", "https://amazon.com"];
    expect(await main(["node", "cdktf-amazon-ads", ...args], { io })).toBe(2);
    expect(io.stderr.join("")).toBe(
      "cdktf-amazon-ads login: The redirect URI https://amazon.com does not point at this " +
        "machine over plain http, so login cannot catch it. Add --paste to paste the address " +
        "the browser lands on, or register http://localhost:8765/callback and use that.\n" +
        "(see cdktf-amazon-ads login --help)\n",
    );
  });

  it("prints any other failure as one line without a stack trace (exit 1)", async () => {
    const io = captureIo({
      AMAZON_ADS_CLIENT_SECRET: "s",
      AMAZON_ADS_CREDENTIALS_FILE: "/nonexistent/c.json",
    });
    expect(await main(["node", "cdktf-amazon-ads", "token"], { io })).toBe(1);
    const said = io.stderr.join("");
    expect(said).toBe(
      "cdktf-amazon-ads: No credentials file at /nonexistent/c.json. Run `cdktf-amazon-ads login` " +
        "to create one, or point AMAZON_ADS_CREDENTIALS_FILE at yours.\n",
    );
  });
});
