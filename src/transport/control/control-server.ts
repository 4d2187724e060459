// The service side of the control endpoint: a Unix socket (or Windows named pipe) that answers
// line-delimited JSON requests with `dispatch`. Requests on one connection are answered in order.
// Bad input (not JSON, no verb, a line over MAX_LINE_BYTES, a verb `dispatch` rejects) gets an
// error reply; nothing a client sends can throw out of here.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensurePrivateFolder, isNamedPipe } from './control-endpoint.ts';
import { encodeLine, idOfLine, LineSplitter, MAX_LINE_BYTES, parseRequest, ProtocolError, toWireError, type ControlReply } from './control-protocol.ts';

export interface DispatchContext {
  /** Runs `fn` once the reply to this request has been written (stop: reply first, then go away). */
  afterReply(fn: () => void): void;
}

export type Dispatch = (verb: string, args: Record<string, unknown>, context: DispatchContext) => Promise<unknown> | unknown;

export interface ControlServer {
  readonly endpoint: string;
  /** Stops accepting, removes the socket file and ends open connections. */
  close(): Promise<void>;
}

const IDLE_CONNECTION_MS = 120_000;
const MAX_CONNECTIONS = 64;
const MAX_PENDING_REQUESTS = 256;

/**
 * Listens on `endpoint`. The caller holds the state root's claim, so a socket file already there is
 * a leftover of a crashed service and is removed. `keepAlive` false lets the process exit while
 * the server is open (a shell), true keeps it running (the daemon).
 */
export async function startControlServer(endpoint: string, dispatch: Dispatch, options: { keepAlive?: boolean } = {}): Promise<ControlServer> {
  const pipe = isNamedPipe(endpoint);
  if (!pipe) {
    ensurePrivateFolder(path.dirname(endpoint));
    fs.rmSync(endpoint, { force: true });
  }
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => serve(socket, dispatch, connections));
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(endpoint, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => undefined);
  if (!pipe) fs.chmodSync(endpoint, 0o600);
  if (!options.keepAlive) server.unref();
  let closing: Promise<void> | undefined;
  return {
    endpoint,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of connections) socket.end();
        setTimeout(() => {
          for (const socket of connections) socket.destroy();
        }, 1000).unref();
        if (!pipe) fs.rmSync(endpoint, { force: true });
      });
      return closing;
    },
  };
}

function serve(socket: net.Socket, dispatch: Dispatch, connections: Set<net.Socket>): void {
  connections.add(socket);
  socket.on('close', () => connections.delete(socket));
  socket.on('error', () => socket.destroy());
  socket.setTimeout(IDLE_CONNECTION_MS, () => socket.destroy());
  const splitter = new LineSplitter(MAX_LINE_BYTES);
  let queue: Promise<void> = Promise.resolve();
  // A client that pipelines requests without reading the replies must not make us buffer its input
  // without bound: past MAX_PENDING_REQUESTS unanswered lines we stop reading until they are answered.
  let pending = 0;
  let overflowed = false;
  const answered = (): void => {
    pending--;
    if (pending === 0 && !overflowed && socket.isPaused()) socket.resume();
  };
  socket.on('data', (chunk: Buffer) => {
    const { lines, overflow } = splitter.push(chunk);
    for (const line of lines) {
      if (line.trim() === '') continue;
      pending++;
      queue = queue.then(() => answer(socket, line, dispatch)).finally(answered);
    }
    if (pending >= MAX_PENDING_REQUESTS) socket.pause();
    if (overflow) {
      overflowed = true;
      socket.pause();
      queue = queue.then(() => {
        const reply: ControlReply = { id: null, ok: false, error: { name: 'ProtocolError', message: `The control request is longer than ${MAX_LINE_BYTES} bytes; the connection is closed.` } };
        // Destroy rather than end: the client may still be writing the rest of its line. A client
        // that does not read its reply either is cut off all the same.
        socket.write(encodeLine(reply), () => socket.destroy());
        setTimeout(() => socket.destroy(), 5_000).unref();
      });
    }
  });
}

async function answer(socket: net.Socket, line: string, dispatch: Dispatch): Promise<void> {
  if (socket.destroyed) return;
  const after: (() => void)[] = [];
  let reply: ControlReply;
  try {
    const request = parseRequest(line);
    try {
      const result = await dispatch(request.verb, request.args, { afterReply: (fn) => after.push(fn) });
      reply = { id: request.id, ok: true, result: result ?? null };
    } catch (error) {
      reply = { id: request.id, ok: false, error: toWireError(error) };
    }
  } catch (error) {
    reply = { id: idOfLine(line), ok: false, error: toWireError(error instanceof ProtocolError ? error : new ProtocolError(String(error))) };
  }
  let text: string;
  try {
    text = encodeLine(reply);
  } catch (error) {
    text = encodeLine({ id: reply.id, ok: false, error: { name: 'Error', message: `The reply could not be encoded: ${(error as Error).message}` } });
  }
  await new Promise<void>((resolve) => {
    if (socket.destroyed || !socket.writable) return resolve();
    socket.write(text, () => resolve());
  });
  for (const fn of after) {
    try {
      fn();
    } catch {
      // an after-reply action reports its own failures
    }
  }
}
