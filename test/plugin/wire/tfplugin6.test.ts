import { readDiagnostics, readAttributePath } from "../../../src/plugin/wire/common.js";
import { ProtoFields, ProtoWriter } from "../../../src/plugin/wire/protobuf.js";
import { decodeRequest, encodeResponse } from "../../../src/plugin/wire/tfplugin6.js";

describe("protobuf codecs for tfplugin6", () => {
  it("decodes a PlanResourceChange request and skips fields it does not know", () => {
    const bytes = new ProtoWriter()
      .string(1, "notes_note")
      .message(2, (v) => v.bytes(1, Uint8Array.from([0xc0])))
      .message(3, (v) => v.bytes(1, Uint8Array.from([0x80])))
      .message(4, (v) => v.bytes(1, Uint8Array.from([0x80])))
      .bytes(5, Uint8Array.from([1, 2, 3]))
      .message(7, (c) => c.bool(1, true))
      .message(8, (i) => i.string(1, "identity from a newer protocol"))
      .int(99, 12345)
      .finish();
    const req = decodeRequest.planResourceChange(bytes);
    expect(req.typeName).toBe("notes_note");
    expect(req.priorState?.msgpack).toEqual(Uint8Array.from([0xc0]));
    expect(req.proposedNewState?.msgpack).toEqual(Uint8Array.from([0x80]));
    expect(req.priorPrivate).toEqual(Uint8Array.from([1, 2, 3]));
    expect(req.clientCapabilities.deferralAllowed).toBe(true);
  });

  it("encodes a PlanResourceChange response with replacement paths and diagnostics", () => {
    const bytes = encodeResponse.planResourceChange({
      planned: Uint8Array.from([0x80]),
      requiresReplace: [
        [{ attribute: "rule" }, { index: 0 }, { attribute: "port" }],
        [{ attribute: "tags" }, { key: "" }],
      ],
      plannedPrivate: new Uint8Array(),
      diagnostics: [
        {
          severity: "warning",
          summary: "careful",
          detail: "really",
          attribute: [{ attribute: "x" }],
        },
      ],
    });
    const fields = new ProtoFields(bytes);
    expect(fields.message(1)?.bytes(1)).toEqual(Uint8Array.from([0x80]));
    const paths = fields.messages(2).map(readAttributePath);
    expect(paths).toEqual([
      [{ attribute: "rule" }, { index: 0 }, { attribute: "port" }],
      [{ attribute: "tags" }, { key: "" }],
    ]);
    expect(readDiagnostics(fields, 4)).toEqual([
      {
        severity: "warning",
        summary: "careful",
        detail: "really",
        attribute: [{ attribute: "x" }],
      },
    ]);
  });

  it("decodes UpgradeResourceState raw state as JSON or flatmap", () => {
    const json = new ProtoWriter()
      .string(1, "t")
      .int(2, 3)
      .message(3, (r) => r.bytes(1, new TextEncoder().encode('{"a":1}')))
      .finish();
    expect(decodeRequest.upgradeResourceState(json)).toMatchObject({
      version: 3,
      rawState: { json: expect.any(Uint8Array) },
    });
    const flat = new ProtoWriter()
      .string(1, "t")
      .message(3, (r) =>
        r
          .message(2, (e) => e.string(1, "a").string(2, "1"))
          .message(2, (e) => e.string(1, "b.#").string(2, "0")),
      )
      .finish();
    expect(decodeRequest.upgradeResourceState(flat).rawState.flatmap).toEqual({
      a: "1",
      "b.#": "0",
    });
  });

  it("writes negative int64 values as ten-byte varints", () => {
    const bytes = new ProtoWriter().int(1, -1).finish();
    expect(bytes.length).toBe(11);
    expect(new ProtoFields(bytes).int(1)).toBe(-1);
  });

  it("rejects truncated messages", () => {
    expect(() => new ProtoFields(Uint8Array.from([0x0a, 0x05, 0x01]))).toThrow(/truncated/);
  });

  it("answers CallFunction with a function error rather than a crash", () => {
    const fields = new ProtoFields(encodeResponse.callFunctionError("no function named f"));
    expect(fields.message(2)?.string(1)).toBe("no function named f");
  });
});
