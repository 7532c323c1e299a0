// Starts one of the benches' bare Socket.IO baselines (tests/bench/bare-*-server.ts) in its
// own process, so that the baseline shares nothing with Balai's server but the machine.
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../support/server";

export interface BareServer {
  url: string;
  pid: number;
  stop: () => void;
}

/** `script`: the file under tests/bench; it prints "listening <port>" once ready. */
export function startBare(script: string, tickMs: number): Promise<BareServer> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "tests/bench", script), "0", String(tickMs)], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the bare baseline server (${script}) exited (${code})`)));
    child.stdout.on("data", (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, pid: child.pid!, stop: () => child.kill() });
    });
  });
}
