// A private nats-server for tests and benchmarks: JetStream on, loopback only, a random free port
// and a fresh storage directory, so runs never share state with each other or with a server the
// machine already runs. The server is Debian's `nats-server` (2.9.x) found on PATH.
// In: options (payload limit, monitoring port, extra configuration such as authorization). Out: a handle with the URL, the process id and
// the storage directory, and stop / kill / restart. `restart` reuses the port and the storage
// directory, as a crashed server coming back would (file storage keeps the streams).
// Every server started here is killed when this process exits, even if a test forgot to stop it.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface NatsServerOptions {
  /** Largest message payload in bytes (the server's `max_payload`; default 1 MiB). */
  maxPayload?: number;
  /** Serve the HTTP monitoring endpoint on another free port (off by default). */
  monitor?: boolean;
  /** More server configuration, verbatim (e.g. `authorization { user: a, password: b }`). */
  config?: string;
  /** How long to wait for the server to accept connections (default 10 s). */
  startTimeoutMs?: number;
}

export interface NatsServer {
  url: string;
  port: number;
  /** The current process id (a new one after restart). */
  pid: number;
  storeDir: string;
  /** The monitoring URL when `monitor` was asked for. */
  monitorUrl?: string;
  /** Stop the server (SIGTERM, then SIGKILL after 5 s) and remove its directory. Final. */
  stop(): Promise<void>;
  /** Send a signal and wait for the process to exit (SIGKILL to simulate a crash). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start the server again on the same port and storage directory. */
  restart(): Promise<void>;
  /** The server's recent log lines, for failure messages. */
  log(): string;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kill every server still running when the process ends, however it ends. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = () => {
    for (const child of live) {
      try { child.kill("SIGKILL"); } catch { /* already gone */ }
    }
    live.clear();
  };
  process.on("exit", killAll);
  // A signal's default action skips 'exit' handlers: kill the servers, then die as asked.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => { killAll(); process.kill(process.pid, signal); });
  }
}

let available: boolean | undefined;

/** Whether `nats-server` is on PATH (tests skip with a message when it is not). */
export function natsServerAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync("nats-server", ["--version"], { encoding: "utf8" });
    available = r.status === 0 && /nats-server/.test(r.stdout + r.stderr);
  }
  return available;
}

/** A loopback port nobody listens on right now (the server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the server greets a TCP client with its INFO line. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (data) => done(data.toString("latin1").startsWith("INFO")));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  if (!natsServerAvailable()) throw new Error("nats-server is not installed (apt-get install -y nats-server)");
  installExitHook();
  const dir = mkdtempSync(join(tmpdir(), "enstage-nats-"));
  const storeDir = join(dir, "store");
  const configFile = join(dir, "server.conf");
  // Only what the command line cannot say goes into the config file.
  writeFileSync(configFile, `max_payload: ${options.maxPayload ?? 1024 * 1024}\n${options.config ?? ""}\n`);
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;

  let port = 0;
  let monitorPort: number | undefined;
  let child: ChildProcess | undefined;
  let logLines: string[] = [];
  let exited: Promise<void> = Promise.resolve();

  const launch = async (): Promise<void> => {
    const args = ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", storeDir, "-c", configFile];
    if (monitorPort !== undefined) args.push("-m", String(monitorPort));
    const proc = spawn("nats-server", args, { stdio: ["ignore", "ignore", "pipe"] });
    child = proc;
    live.add(proc);
    let gone = false;
    exited = new Promise<void>((resolve) => proc.once("exit", () => { gone = true; live.delete(proc); resolve(); }));
    proc.stderr!.setEncoding("utf8");
    proc.stderr!.on("data", (text: string) => {
      logLines.push(...text.split("\n").filter((l) => l));
      if (logLines.length > 200) logLines = logLines.slice(-200);
    });
    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (gone) break;
      if (await greets(port)) return;
      await sleep(50);
    }
    proc.kill("SIGKILL");
    await exited;
    throw new Error(`nats-server did not start on 127.0.0.1:${port}:\n${logLines.slice(-15).join("\n")}`);
  };

  // The free port can be taken between the probe and the server's bind: try a few.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    monitorPort = options.monitor ? await freePort() : undefined;
    try {
      await launch();
      break;
    } catch (e) {
      if (attempt >= 2) { rmSync(dir, { recursive: true, force: true }); throw e; }
    }
  }

  const kill = async (signal: NodeJS.Signals = "SIGTERM"): Promise<void> => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  const handle: NatsServer = {
    url: `nats://127.0.0.1:${port}`,
    port,
    get pid() { return child?.pid ?? -1; },
    storeDir,
    monitorUrl: monitorPort === undefined ? undefined : `http://127.0.0.1:${monitorPort}`,
    kill,
    async restart() {
      await kill("SIGTERM");
      await launch();
    },
    async stop() {
      const timer = setTimeout(() => child?.kill("SIGKILL"), 5000);
      await kill("SIGTERM");
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => logLines.join("\n"),
  };
  return handle;
}
