// Connecting to NATS: the one door through which the runtimes reach a NATS deployment. The files
// in runtime/nats/ are the only ones that import the NATS client (@nats-io 3.x); the runtimes
// hold the handles returned here and pass them to chunks.ts, modules.ts and placement.ts.
// In: a server URL (nats://host:port, or several separated by commas) and credentials (a .creds
// file, user and password, or a token). Out: a NatsConnection that reconnects by itself when
// the server restarts, and a JetStream client on it. A server that cannot be reached, or that
// refuses the credentials, is a ConnectError naming the URL.

import { readFileSync } from "node:fs";
import {
  connect as natsConnect, credsAuthenticator,
  type Authenticator, type NatsConnection,
} from "@nats-io/transport-node";
import { jetstream, type JetStreamClient } from "@nats-io/jetstream";

export type { NatsConnection } from "@nats-io/transport-node";
export type { JetStreamClient } from "@nats-io/jetstream";

export interface ConnectOptions {
  /** Shown in the server's connection list (`nats server report connections`). */
  name: string;
  /** A NATS .creds file (JWT + NKey seed), as an operator-mode deployment hands out. */
  credsFile?: string;
  user?: string;
  pass?: string;
  token?: string;
  /** How long the first connection may take (default 5 s). */
  timeoutMs?: number;
  /**
   * Reconnect attempts after a connection is lost, 500 ms apart (default -1: for ever). A
   * staging run outlives a NATS restart; a server gone for good shows up as publish and
   * request timeouts, not as a silent stall.
   */
  maxReconnectAttempts?: number;
}

export class ConnectError extends Error {
  constructor(readonly url: string, message: string) {
    super(message);
    this.name = "ConnectError";
  }
}

export async function connect(url: string, options: ConnectOptions): Promise<NatsConnection> {
  const servers = url.split(",").map((s) => s.trim()).filter((s) => s);
  if (servers.length === 0) throw new ConnectError(url, "no NATS server URL given");
  let authenticator: Authenticator | undefined;
  if (options.credsFile !== undefined) {
    let creds: Uint8Array;
    try {
      creds = readFileSync(options.credsFile);
    } catch (e) {
      throw new ConnectError(url, `cannot read the NATS credentials file ${options.credsFile}: ${(e as Error).message}`);
    }
    authenticator = credsAuthenticator(creds);
  }
  try {
    return await natsConnect({
      servers,
      name: options.name,
      user: options.user,
      pass: options.pass,
      token: options.token,
      authenticator,
      timeout: options.timeoutMs ?? 5000,
      maxReconnectAttempts: options.maxReconnectAttempts ?? -1,
      reconnectTimeWait: 500,
      // A stack trace captured per request costs more than the request on a busy stager; the
      // errors name their subject anyway.
      noAsyncTraces: true,
    });
  } catch (e) {
    const reason = (e as Error).message;
    const auth = /authori[sz]ation|authentication/i.test(reason) ? " (check the credentials)" : "";
    throw new ConnectError(url, `cannot connect to the NATS server at ${url}: ${reason}${auth}`);
  }
}

/** The JetStream client of a connection (streams, the Object Store and KV buckets live there). */
export function openJetStream(nc: NatsConnection): JetStreamClient {
  return jetstream(nc);
}
