import { redactBySchema } from "../../src/plugin/server/redaction.js";
import { attr, createLogger, logLevelFromEnv, schema, secret } from "../../src/plugin/index.js";

const at = () => new Date("2024-05-06T07:08:09.123Z");

describe("hclog JSON logging", () => {
  it("writes one JSON object per line with a six-digit fractional timestamp", () => {
    const lines: string[] = [];
    createLogger({ level: "info", module: "notes", write: (l) => lines.push(l), now: at }).info(
      "hello",
      { n: 1 },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      "@level": "info",
      "@message": "hello",
      "@module": "notes",
      "@timestamp": "2024-05-06T07:08:09.123000Z",
      n: 1,
    });
  });

  it("drops lines below the level and writes nothing when logging is off", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "warn", module: "m", write: (l) => lines.push(l) });
    log.info("no");
    log.error("yes");
    createLogger({ level: undefined, module: "m", write: (l) => lines.push(l) }).error("no");
    expect(lines.map((l) => JSON.parse(l)["@message"])).toEqual(["yes"]);
  });

  it("takes the level from TF_LOG_PROVIDER before TF_LOG, and is off when neither is set", () => {
    expect(logLevelFromEnv({ TF_LOG: "debug", TF_LOG_PROVIDER: "error" })).toBe("error");
    expect(logLevelFromEnv({ TF_LOG: "INFO" })).toBe("info");
    expect(logLevelFromEnv({ TF_LOG: "json" })).toBe("trace");
    expect(logLevelFromEnv({ TF_LOG: "off" })).toBeUndefined();
    expect(logLevelFromEnv({})).toBeUndefined();
  });

  it("writes fields marked secret as <redacted>, also through with()", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "trace", module: "m", write: (l) => lines.push(l) });
    log.with({ token: secret("tok-123") }).debug("refreshed", { password: secret("pw") });
    expect(lines[0]).not.toMatch(/tok-123|pw"/);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({
      token: "<redacted>",
      password: "<redacted>",
    });
  });

  it("redacts sensitive attributes by schema, at any depth", () => {
    const s = schema({
      description: "x",
      attributes: {
        name: attr.string({ required: true, description: "n" }),
        key: attr.string({ optional: true, sensitive: true, description: "k" }),
        inner: attr.listNested(
          { pin: attr.string({ optional: true, sensitive: true, description: "p" }) },
          { optional: true, description: "i" },
        ),
      },
    });
    const value = { name: "a", key: "K-1", inner: [{ pin: "1234" }, { pin: null }] };
    expect(redactBySchema(s, value)).toEqual({
      name: "a",
      key: "<sensitive>",
      inner: [{ pin: "<sensitive>" }, { pin: null }],
    });
  });
});
