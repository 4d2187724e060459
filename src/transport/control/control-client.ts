// The client side of the control endpoint: one request, one reply, one short connection. A failed
// request rethrows the service's error with its kind kept (RangeError stays RangeError); a service
// that is not there (or stops answering) is a ControlUnavailableError with the socket's error code.
import net from 'node:net';
import { encodeLine, fromWireError, LineSplitter, MAX_LINE_BYTES, type ControlReply } from './control-protocol.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export class ControlUnavailableError extends Error {
  override name = 'ControlUnavailableError';
  constructor(
    message: string,
    /** ECONNREFUSED / ENOENT (nobody listens), ETIMEDOUT (no answer), ECONNRESET (hung up). */
    readonly code: string,
  ) {
    super(message);
  }
}

let nextId = 1;

export function controlRequest(endpoint: string, verb: string, args: Record<string, unknown> = {}, options: { timeoutMs?: number } = {}): Promise<unknown> {
  const id = nextId++;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let settled = false;
    const socket = net.connect(endpoint);
    const finish = (error: Error | undefined, value?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new ControlUnavailableError(`The transport service at ${endpoint} did not answer '${verb}' within ${timeoutMs / 1000} s.`, 'ETIMEDOUT')), timeoutMs);
    timer.unref();
    const splitter = new LineSplitter(MAX_LINE_BYTES);
    socket.on('connect', () => socket.write(encodeLine({ id, verb, args })));
    socket.on('data', (chunk: Buffer) => {
      const { lines, overflow } = splitter.push(chunk);
      if (overflow) return finish(new ControlUnavailableError(`The transport service at ${endpoint} sent a reply longer than ${MAX_LINE_BYTES} bytes.`, 'EPROTO'));
      for (const line of lines) {
        let reply: ControlReply;
        try {
          reply = JSON.parse(line) as ControlReply;
        } catch {
          return finish(new ControlUnavailableError(`The transport service at ${endpoint} sent a reply that is not JSON.`, 'EPROTO'));
        }
        if (reply.id !== id && reply.id !== null) continue;
        return reply.ok ? finish(undefined, reply.result) : finish(fromWireError(reply.error));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => finish(new ControlUnavailableError(`Cannot reach the transport service at ${endpoint}: ${error.message}`, error.code ?? 'ECONNREFUSED')));
    socket.on('close', () => finish(new ControlUnavailableError(`The transport service at ${endpoint} closed the connection before answering '${verb}'.`, 'ECONNRESET')));
  });
}
