import { UsageError } from "../../../src/cli/usage-error.js";
import { listenPlanFor, parseRedirectUri } from "../../../src/cli/login/redirect.js";

const plan = (uri: string) => listenPlanFor(parseRedirectUri(uri), uri);

describe("where login listens for the redirect", () => {
  it("binds both loopback addresses for localhost, since browsers try ::1 first", () => {
    expect(plan("http://localhost:8765/callback")).toEqual({
      port: 8765,
      path: "/callback",
      hosts: ["127.0.0.1", "::1"],
    });
  });

  it("binds only the address a numeric loopback redirect URI names", () => {
    expect(plan("http://127.0.0.1:9000/cb").hosts).toEqual(["127.0.0.1"]);
    expect(plan("http://[::1]:9000/cb").hosts).toEqual(["::1"]);
  });

  it("uses port 80 and the root path when the redirect URI names neither", () => {
    expect(plan("http://localhost")).toEqual({
      port: 80,
      path: "/",
      hosts: ["127.0.0.1", "::1"],
    });
  });

  it.each(["https://amazon.com", "https://localhost:8765/callback", "http://example.com:8765/cb"])(
    "suggests --paste for %s, which cannot be caught here",
    (uri) => {
      expect(() => plan(uri)).toThrow(UsageError);
      expect(() => plan(uri)).toThrow(new RegExp(`${uri.replace(/[/.]/g, "\\$&")} .*--paste`));
    },
  );

  it.each([
    ["not a url", "not an absolute URL"],
    ["ftp://localhost/cb", "http or https"],
    ["http://localhost:8765/cb#frag", "#fragment"],
  ])("rejects %j as a usage error", (uri, problem) => {
    expect(() => parseRedirectUri(uri)).toThrow(problem);
  });
});
