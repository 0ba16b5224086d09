/**
 * A progress line on stderr while a command waits: a spinner with the time left when stderr is a
 * terminal, one plain line otherwise (CI logs and pipes get no control characters).
 */
import type { CliIo } from "./io.js";

/** A running progress line. */
export interface Progress {
  /** Prints a line of its own (above the spinner, which is redrawn after it). */
  note(line: string): void;
  /** Removes the spinner; further notes print as plain lines. */
  stop(): void;
}

/** Repeats `tick` every `ms` until the returned function is called. */
export type Repeat = (tick: () => void, ms: number) => () => void;

const realRepeat: Repeat = (tick, ms) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};

/** What the progress line shows. */
export interface ProgressOptions {
  /** When the wait ends (ms since the epoch), to show the time left. */
  readonly deadline?: number;
  /** The clock. @default Date.now */
  readonly now?: () => number;
  /** The spinner's timer. @default setInterval */
  readonly repeat?: Repeat;
}

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\x1b[2K";

function timeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")} left`;
}

/** Starts showing `text` on stderr. */
export function startProgress(io: CliIo, text: string, options: ProgressOptions = {}): Progress {
  const now = options.now ?? Date.now;
  if (!io.stderrIsTty) {
    const limit =
      options.deadline === undefined
        ? ""
        : ` (gives up in ${Math.ceil((options.deadline - now()) / 1000)} s)`;
    io.err(`${text}${limit}\n`);
    return { note: (line) => io.err(`${line}\n`), stop: () => undefined };
  }
  let frame = 0;
  let running = true;
  const draw = (): void => {
    const left = options.deadline === undefined ? "" : ` (${timeLeft(options.deadline - now())})`;
    io.err(`${CLEAR_LINE}${FRAMES[frame % FRAMES.length]} ${text}${left}`);
    frame += 1;
  };
  draw();
  const cancel = (options.repeat ?? realRepeat)(draw, 100);
  return {
    note: (line) => {
      if (!running) {
        io.err(`${line}\n`);
        return;
      }
      io.err(`${CLEAR_LINE}${line}\n`);
      draw();
    },
    stop: () => {
      if (!running) return;
      running = false;
      cancel();
      io.err(CLEAR_LINE);
    },
  };
}
