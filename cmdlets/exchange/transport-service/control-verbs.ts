// The queue and mail requests the transport's owner answers over the control endpoint, each a thin
// call on the running service with its arguments checked (they come from another process: a
// wrong type is a TypeError reply, never a crash). ping, stop and restart live in transport-owner.ts.
import type { MessageFilter } from '../../../src/transport/queue-views.ts';
import type { TransportService } from '../../../src/transport/transport-service.ts';

type Args = Record<string, unknown>;

function text(args: Args, name: string, verb: string): string {
  const value = args[name];
  if (typeof value !== 'string') throw new TypeError(`The control request '${verb}' needs a string '${name}'.`);
  return value;
}

function optionalText(args: Args, name: string, verb: string): string | undefined {
  return args[name] === undefined || args[name] === null ? undefined : text(args, name, verb);
}

function texts(args: Args, name: string, verb: string): string[] {
  const value = args[name];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new TypeError(`The control request '${verb}' needs '${name}' as an array of strings.`);
  return value as string[];
}

const MESSAGE_STATUSES = ['Active', 'Ready', 'Retry', 'Suspended'];

function messageFilter(args: Args): MessageFilter {
  const queue = optionalText(args, 'queue', 'getMessages');
  const identity = optionalText(args, 'identity', 'getMessages');
  const fromAddress = optionalText(args, 'fromAddress', 'getMessages');
  const status = optionalText(args, 'status', 'getMessages');
  if (status !== undefined && !MESSAGE_STATUSES.includes(status)) throw new TypeError(`The status '${status}' is not one of ${MESSAGE_STATUSES.join(', ')}.`);
  return { ...(queue ? { queue } : {}), ...(identity ? { identity } : {}), ...(fromAddress ? { fromAddress } : {}), ...(status ? { status: status as MessageFilter['status'] } : {}) };
}

export const controlVerbs: Record<string, (service: TransportService, args: Args) => unknown> = {
  getQueues: (service) => service.getQueues(),
  getMessages: (service, args) => service.getMessages(messageFilter(args)),
  retryQueue: (service, args) => service.retryQueue(text(args, 'identity', 'retryQueue')),
  suspendMessage: (service, args) => service.suspendMessage(text(args, 'identity', 'suspendMessage')),
  resumeMessage: (service, args) => service.resumeMessage(text(args, 'identity', 'resumeMessage')),
  removeMessage: (service, args) => service.removeMessage(text(args, 'identity', 'removeMessage'), { withNdr: args.withNdr !== false }),
  submitMessage: (service, args) =>
    service.submitMessage({
      from: text(args, 'from', 'submitMessage'),
      to: texts(args, 'to', 'submitMessage'),
      ...(args.cc !== undefined && args.cc !== null ? { cc: texts(args, 'cc', 'submitMessage') } : {}),
      subject: optionalText(args, 'subject', 'submitMessage') ?? '',
      body: optionalText(args, 'body', 'submitMessage') ?? '',
    }),
};
