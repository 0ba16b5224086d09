import {
  AmazonAdsError,
  listAllAdsAccounts,
  parseJsonLosslessly,
  type AdsAccountPage,
} from "../../src/amazon-ads/index.js";
import { adsAccountPageSchema } from "../../src/amazon-ads/schemas.js";

const account = (id: string) => ({
  adsAccountId: id,
  countryCodes: [],
  alternateIds: [],
  errors: {},
});

// Seam: pages come from a function, no HTTP.
function pages(...answers: AdsAccountPage[]): {
  page: (token: string | undefined) => Promise<AdsAccountPage>;
  asked: (string | undefined)[];
} {
  const asked: (string | undefined)[] = [];
  return {
    asked,
    page: (token) => {
      asked.push(token);
      const next = answers.shift();
      if (!next) throw new Error("asked for a page past the end");
      return Promise.resolve(next);
    },
  };
}

describe("listAllAdsAccounts (page seam)", () => {
  it("follows nextToken, through empty pages, until a page has none", async () => {
    const { page, asked } = pages(
      { adsAccounts: [account("a")], nextToken: "t1" },
      { adsAccounts: [], nextToken: "t2" },
      { adsAccounts: [account("b")] },
    );
    const all = await listAllAdsAccounts(page);
    expect(all.map((a) => a.adsAccountId)).toEqual(["a", "b"]);
    expect(asked).toEqual([undefined, "t1", "t2"]);
  });

  it("takes an empty nextToken as the last page", async () => {
    const { page, asked } = pages({ adsAccounts: [account("a")], nextToken: "" });
    await listAllAdsAccounts(page);
    expect(asked).toEqual([undefined]);
  });

  it("stops with MALFORMED_RESPONSE when a token comes back again", async () => {
    const { page } = pages(
      { adsAccounts: [], nextToken: "same" },
      { adsAccounts: [], nextToken: "same" },
    );
    const error = await listAllAdsAccounts(page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonAdsError);
    expect(error).toMatchObject({ code: "MALFORMED_RESPONSE" });
    expect((error as Error).message).toContain("a token it had already given");
  });
});

describe("the Ads account page schema", () => {
  const read = (text: string) => adsAccountPageSchema.safeParse(parseJsonLosslessly(text));

  it("keeps a profile id above 2^53 exact, and accepts it as a string too", () => {
    const parsed = read(
      '{"adsAccounts":[{"adsAccountId":"amzn1.ads-account.g.x","alternateIds":[' +
        '{"countryCode":"US","profileId":9007199254740993},{"countryCode":"CA","profileId":"42"}]}]}',
    );
    expect(parsed.success && parsed.data.adsAccounts[0]!.alternateIds).toEqual([
      { countryCode: "US", profileId: "9007199254740993" },
      { countryCode: "CA", profileId: "42" },
    ]);
  });

  it("fills absent lists with empty ones and keeps an unknown status", () => {
    const parsed = read('{"adsAccounts":[{"adsAccountId":"a.b-c","status":"ARCHIVED"}]}');
    expect(parsed.success && parsed.data.adsAccounts[0]).toEqual({
      adsAccountId: "a.b-c",
      status: "ARCHIVED",
      countryCodes: [],
      alternateIds: [],
      errors: {},
    });
  });

  it.each([
    ["no adsAccounts", "{}"],
    ["an account without its id", '{"adsAccounts":[{"accountName":"x"}]}'],
    ["an id outside Amazon's pattern", '{"adsAccounts":[{"adsAccountId":"a b"}]}'],
    [
      "a fractional profile id",
      '{"adsAccounts":[{"adsAccountId":"a","alternateIds":[{"profileId":1.5}]}]}',
    ],
  ])("refuses %s", (_name, text) => {
    expect(read(text).success).toBe(false);
  });
});
