// Which receive workers accept connections. One worker serves a lone client faster than two taking
// turns (each keeps its caches and optimised code warm: ~145 against ~119 mutual-TLS sessions/s at
// one client in bench/mailflow, the same as sessions in the service's own process), so worker 0
// always accepts and the others only while it is busy. It says it is busy when it holds three
// sessions at once (a lone client's next session often starts before its last one has closed),
// and quiet when that has not happened for a second.

export const busyAtSessions = 3;

export class AcceptorLoad {
  #busy = false;
  #lastBusy = 0;
  #timer: NodeJS.Timeout | undefined;

  /** `report(true)`: let the other workers accept; `report(false)`: they may stand by. */
  constructor(
    private readonly report: (busy: boolean) => void,
    private readonly quietMs = 1000,
  ) {}

  /** Called with the number of sessions in progress whenever it changes. */
  sessions(active: number): void {
    if (active < busyAtSessions) return;
    this.#lastBusy = Date.now();
    if (this.#busy) return;
    this.#busy = true;
    this.report(true);
    this.#arm(this.quietMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(() => {
      const idle = Date.now() - this.#lastBusy;
      if (idle < this.quietMs) return this.#arm(this.quietMs - idle);
      this.#busy = false;
      this.#timer = undefined;
      this.report(false);
    }, delay);
    this.#timer.unref();
  }
}
