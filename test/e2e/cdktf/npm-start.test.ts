/** `npm start` as a user runs it: a child process that deploys on the embedded emulator. */
import { join } from "node:path";
import { ROOT, cleanEnv, runCommand } from "./support.js";

describe("npm start", () => {
  it("deploys the example app on the emulator, prints both stacks' outputs and exits 0", async () => {
    const run = await runCommand(join(ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: ROOT,
      env: cleanEnv(),
    });
    expect(run.output).toContain("running on the local emulator");
    expect(run.output).toContain(
      "Outputs of stack amazon-ads-connection (and 5 cross-stack outputs",
    );
    expect(run.output).toContain("Outputs of stack amazon-ads-consumer:");
    expect(run.output).toMatch(/profile_id\s+= 34567890123456789\n/);
    expect(run.output).toMatch(/refresh_token\s+= <sensitive>\n/);
    expect(run.output).not.toMatch(/Atz[ar]\|/);
    expect(run.output).toMatch(/token\s+\d+ \(.*authorization_code 1\b/);
    expect(run.output).toMatch(/npm start: done in \d+\.\d s\./);
    expect(run.code).toBe(0);
  });
});
