import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { exportLines, shellQuote } from "../../src/cli/shell.js";

describe("export lines for a POSIX shell", () => {
  it("quote values so the shell reads them back unchanged", async () => {
    const tricky = `it's $HOME; \`rm -rf\` "x" \\ done`;
    const script = `${exportLines({ VALUE: tricky, PLAIN: "/tmp/a b" })}printf '%s|%s' "$VALUE" "$PLAIN"`;
    const { stdout } = await promisify(execFile)("/bin/sh", ["-c", script]);
    expect(stdout).toBe(`${tricky}|/tmp/a b`);
  });

  it("writes one export per variable", () => {
    expect(exportLines({ A: "1", B: "2" })).toBe("export A='1'\nexport B='2'\n");
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
