import { parseImportId } from "../../../src/provider/resource-authorization/import-id.js";

describe("amazonads_authorization import ids", () => {
  it("reads env:VARNAME", () => {
    expect(parseImportId("env:AMAZON_ADS_REFRESH_TOKEN")).toEqual({
      kind: "env",
      variable: "AMAZON_ADS_REFRESH_TOKEN",
    });
  });

  it("reads file:PATH, colons in the path included", () => {
    expect(parseImportId("file:/home/me/.config/x:y/credentials.json")).toEqual({
      kind: "file",
      path: "/home/me/.config/x:y/credentials.json",
    });
  });

  it("refuses a refresh token given as the id, without repeating it", () => {
    const parsed = parseImportId("Atzr|IwEBIExample-refresh-token");
    expect(parsed.kind).toBe("invalid");
    const reason = parsed.kind === "invalid" ? parsed.reason : "";
    expect(reason).toMatch(/Never pass a refresh token on the command line/);
    expect(reason).toMatch(/env:VARNAME.*file:\/path/s);
    expect(reason).not.toContain("IwEBIExample");
  });

  it("refuses env: without a variable name and file: without a path", () => {
    expect(parseImportId("env:").kind).toBe("invalid");
    expect(parseImportId("env:1BAD").kind).toBe("invalid");
    expect(parseImportId("file:").kind).toBe("invalid");
    expect(parseImportId("grant-0123456789abcdef").kind).toBe("invalid");
  });
});
