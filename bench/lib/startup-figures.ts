// Exec → handshake of the built provider package (through its shim, with Terraform's environment
// and a real PLUGIN_CLIENT_CERT), with its code cache and with the cache turned off, against
// exec → exit of `node -e 0`; and a whole start as Terraform lives it (exec → schema answered →
// exit after Shutdown), so that work moved behind the handshake is still seen. Where
// NODE_EXTRA_CA_CERTS is set, both starts are also taken without it: Node.js 20 reads those
// certificates while it boots, which makes `node -e 0` tens of milliseconds slower and flatters
// the ratio. All interleaved, medians.
import { join } from "node:path";
import { checkProviderPackage } from "../../src/plugin/packaging/package-files.js";
import { cacheVariableFor } from "../../src/plugin/packaging/shim.js";
import { PROVIDER_TYPE, PROVIDER_VERSION } from "../../src/provider/provider-address.js";
import {
  nodeRuntimes,
  withNodeOnPath,
  type NodeRuntime,
} from "../../test/support/node-runtimes.js";
import { liveOnce, type ProviderLife } from "./first-call.js";
import { interleave, median, type Subject } from "./measure.js";
import { pluginEnvironment } from "./plugin-env.js";

/** What the start-up comparison measured. */
export interface StartupFigures {
  readonly runs: number;
  /** How PLUGIN_CLIENT_CERT was made. */
  readonly tls: string;
  readonly startupMs: number;
  /** The same start with the code cache off (what every start cost before the cache). */
  readonly startupNoCacheMs: number;
  readonly nodeMs: number;
  readonly ratio: number;
  /** Resident memory at the handshake, median. */
  readonly rssMb: number;
  /** Exec → GetProviderSchema answered over mutual TLS (undefined without openssl). */
  readonly schemaMs: number | undefined;
  /** Exec → exit after Shutdown. */
  readonly exitMs: number | undefined;
  /** Provider and `node -e 0` without NODE_EXTRA_CA_CERTS, where this process has it set. */
  readonly withoutExtraCa?: { readonly startupMs: number; readonly nodeMs: number };
}

/**
 * Samples each subject `runs` times after two warm-up rounds (which also fill the code cache),
 * on `node` (default: the Node.js running this), which the provider's shim finds first on PATH.
 */
export async function measureStartup(
  packageDir: string,
  runs: number,
  node: NodeRuntime = nodeRuntimes()[0]!,
): Promise<StartupFigures> {
  const files = checkProviderPackage(packageDir, PROVIDER_TYPE, PROVIDER_VERSION);
  const plugin = pluginEnvironment();
  const env = withNodeOnPath(node, plugin.env);
  const executable = join(packageDir, files.executable);
  const subjects: Subject[] = [
    { label: "provider", command: executable, args: [], env, until: "line" },
    {
      label: "provider, no code cache",
      command: executable,
      args: [],
      env: { ...env, [cacheVariableFor(PROVIDER_TYPE)]: "off" },
      until: "line",
    },
    {
      label: "node -e 0",
      command: node.bin,
      args: ["-e", "0"],
      env: process.env,
      until: "exit",
    },
  ];
  const client = plugin.client;
  const lives: ProviderLife[] = [];
  if (client) {
    const live: Subject = { ...subjects[0]!, label: "provider, whole start" };
    subjects.push(live);
  }
  const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined;
  if (extraCa) {
    subjects.push(
      { ...subjects[0]!, label: "provider, no extra CAs", env: withoutExtraCa(env) },
      { ...subjects[2]!, label: "node -e 0, no extra CAs", env: withoutExtraCa(process.env) },
    );
  }
  const samples = await interleave(subjects, runs, 2, (subject) =>
    subject.label === "provider, whole start" && client
      ? liveOnce(subject.command, subject.env, client).then((life) => {
          lives.push(life);
          return { ms: life.handshakeMs, output: "" };
        })
      : undefined,
  );
  const [provider = [], noCache = [], bare = []] = samples;
  const sampled = (label: string) =>
    median((samples[subjects.findIndex((s) => s.label === label)] ?? []).map((s) => s.ms));
  const lived = lives.slice(-runs);
  const handshake = provider[0]?.output ?? "";
  if (!handshake.startsWith("1|6|")) {
    throw new Error(
      `The provider did not print a go-plugin handshake line; it printed: ${handshake}`,
    );
  }
  const startupMs = median(provider.map((s) => s.ms));
  const nodeMs = median(bare.map((s) => s.ms));
  return {
    runs,
    tls: plugin.tls,
    startupMs,
    startupNoCacheMs: median(noCache.map((s) => s.ms)),
    nodeMs,
    ratio: startupMs / nodeMs,
    rssMb: median(provider.map((s) => s.rssBytes ?? NaN)) / 1024 / 1024,
    schemaMs: client ? median(lived.map((l) => l.schemaMs)) : undefined,
    exitMs: client ? median(lived.map((l) => l.exitMs)) : undefined,
    ...(extraCa && {
      withoutExtraCa: {
        startupMs: sampled("provider, no extra CAs"),
        nodeMs: sampled("node -e 0, no extra CAs"),
      },
    }),
  };
}

function withoutExtraCa(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_EXTRA_CA_CERTS;
  return copy;
}
