// SMTP AUTH (RFC 4954) LOGIN and PLAIN exchanges, offered where a receive connector has BasicAuth
// and the service was given a credential check.

export type AuthStep = { kind: 'challenge'; challenge: string } | { kind: 'success'; user: string } | { kind: 'failure' };

type Verify = (user: string, password: string) => boolean | Promise<boolean>;

function decode(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

export class SmtpAuthExchange {
  private user: string | undefined;
  private started = false;

  constructor(
    private readonly mechanism: 'LOGIN' | 'PLAIN',
    private readonly verify: Verify,
  ) {}

  /** Feeds the initial response (or undefined) and then each client line. */
  async step(input: string | undefined): Promise<AuthStep> {
    const first = !this.started;
    this.started = true;
    if (this.mechanism === 'PLAIN') {
      if (input === undefined || input === '') return first ? { kind: 'challenge', challenge: '' } : { kind: 'failure' };
      const decoded = decode(input);
      const parts = decoded?.split('\0');
      if (!parts || parts.length !== 3) return { kind: 'failure' };
      return this.check(parts[1]!, parts[2]!);
    }
    if (this.user === undefined) {
      if (input === undefined) return { kind: 'challenge', challenge: 'VXNlcm5hbWU6' };
      const user = decode(input);
      if (user === undefined) return { kind: 'failure' };
      this.user = user;
      return { kind: 'challenge', challenge: 'UGFzc3dvcmQ6' };
    }
    const password = input === undefined ? undefined : decode(input);
    if (password === undefined) return { kind: 'failure' };
    return this.check(this.user, password);
  }

  private async check(user: string, password: string): Promise<AuthStep> {
    try {
      return (await this.verify(user, password)) ? { kind: 'success', user } : { kind: 'failure' };
    } catch {
      return { kind: 'failure' };
    }
  }
}
