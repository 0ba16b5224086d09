import { startProgress } from "../../src/cli/progress.js";
import { captureIo } from "./support.js";

describe("the progress line", () => {
  it("prints one plain line, with the limit, when stderr is not a terminal (CI)", () => {
    const io = captureIo({}, false);
    const progress = startProgress(io, "Waiting", { deadline: 300_000, now: () => 0 });
    progress.note("something happened");
    progress.stop();
    expect(io.stderr).toEqual(["Waiting (gives up in 300 s)\n", "something happened\n"]);
  });

  it("spins with the time left on a terminal (fake timer), redraws after notes, clears when stopped", () => {
    const io = captureIo({}, true);
    let tick = (): void => undefined;
    let cancelled = false;
    let now = 0;
    const progress = startProgress(io, "Waiting", {
      deadline: 125_000,
      now: () => now,
      repeat: (fn) => {
        tick = fn;
        return () => (cancelled = true);
      },
    });
    now = 1_000;
    tick();
    progress.note("a note");
    progress.stop();
    expect(io.stderr).toEqual([
      "\r\x1b[2K⠋ Waiting (2:05 left)",
      "\r\x1b[2K⠙ Waiting (2:04 left)",
      "\r\x1b[2Ka note\n",
      "\r\x1b[2K⠹ Waiting (2:04 left)",
      "\r\x1b[2K",
    ]);
    expect(cancelled).toBe(true);
    progress.note("after");
    expect(io.stderr.at(-1)).toBe("after\n");
  });
});
