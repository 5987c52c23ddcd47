/**
 * `npm run bench:profile -- FILE.cpuprofile [--top 30]`: self time of a V8 CPU profile (node --cpu-prof)
 * summed per function and per package or app folder, largest first, as a share of the busy time (idle left out).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "30" } },
});
const top = Number(values.top);
if (positionals.length !== 1) throw new Error("Usage: npm run bench:profile -- FILE.cpuprofile");
const profile = JSON.parse(fs.readFileSync(positionals[0]!, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => {
  // Waiting for the next request is not work.
  if (byId.get(id)!.callFrame.functionName === "(idle)") return;
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** node_modules/<package> (with its scope), the app's folder in the build, or node's own code. */
function moduleOf(url: string): string {
  if (!url) return "(native/V8)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const key = (n: Node) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || "(anonymous)"} ${moduleOf(url)}${url ? `:${lineNumber + 1}` : ""}`;
};

const perFunction = new Map<string, number>();
const perModule = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id)!;
  const mod = moduleOf(node.callFrame.url);
  const fn = key(node);
  perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
  perModule.set(mod, (perModule.get(mod) ?? 0) + us);
}

// Inclusive time: every function on a sample's stack (each once) gets the sample's time.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(key(byId.get(n)!));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
}

function print(title: string, m: Map<string, number>) {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  }
}
console.log(`${(total / 1e6).toFixed(1)} s sampled`);
print("Self time per package or file", perModule);
print("Self time per function", perFunction);
print("Total time per function (itself and what it calls)", inclusive);
