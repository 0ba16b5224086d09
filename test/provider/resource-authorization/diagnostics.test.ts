import { AmazonAdsError } from "../../../src/amazon-ads/index.js";
import { Diagnostics, formatPath } from "../../../src/plugin/index.js";
import { reportGrantFailure } from "../../../src/provider/resource-authorization/diagnostics.js";

// Errors built as the client throws them for LwA's `invalid_grant` on the code (a fake of the
// client's failure: no HTTP here).
const codeRefused = (attempts: number) =>
  new AmazonAdsError(
    "CODE_EXPIRED_OR_USED",
    "The authorization code has expired or was already redeemed (invalid_grant).",
    {
      status: 400,
      attempts,
      amazonError: "invalid_grant",
      amazonDescription: "The request has an invalid grant parameter : code",
      requestId: "REQ-1",
    },
  );

function reported(error: unknown) {
  const diagnostics = new Diagnostics();
  reportGrantFailure(diagnostics, error, "authorization_code");
  return diagnostics.all().map((d) => ({
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    attribute: d.attribute ? formatPath(d.attribute) : undefined,
  }));
}

describe("grant failure diagnostics (with errors built as the client throws them)", () => {
  it("calls a code refused on the first attempt already redeemed or expired", () => {
    expect(reported(codeRefused(1))).toEqual([
      expect.objectContaining({
        severity: "error",
        attribute: "authorization_code",
        summary: "The authorization code was already redeemed or has expired",
        detail: expect.stringContaining("cdktf-amazon-ads login"),
      }),
    ]);
  });

  it("says an earlier attempt's answer was lost when a retried exchange meets a spent code", () => {
    const [diagnostic, ...more] = reported(codeRefused(2));
    expect(more).toEqual([]);
    expect(diagnostic).toMatchObject({
      severity: "error",
      attribute: "authorization_code",
      summary: "The answer to the code exchange was lost: the code is probably spent",
    });
    const detail = diagnostic!.detail;
    expect(detail).toContain("The code exchange took 2 attempts");
    expect(detail).toContain("the earlier attempt redeemed it and its answer, the grant, was lost");
    // Nothing redeemed came back, so nothing can be in state: the text must not promise a grant.
    expect(detail).toContain("nothing was stored and there is no grant to recover");
    expect(detail).toContain("`cdktf-amazon-ads login`");
    expect(detail).toContain("authorization_url");
    expect(detail).toContain("(Amazon request id REQ-1.)");
  });

  it("keeps an error without an attempt count as a first-attempt refusal", () => {
    const error = new AmazonAdsError("CODE_EXPIRED_OR_USED", "refused", { status: 400 });
    expect(reported(error)[0]?.summary).toBe(
      "The authorization code was already redeemed or has expired",
    );
  });
});
