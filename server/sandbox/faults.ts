/**
 * The sandbox's fault switch: tests and demos make the "upstream" slow, failing
 * or broken on purpose. Faults live in memory only; a restart clears them.
 */
export interface Fault {
  /** An operationId of the contract, or "*" for every /v1 operation. */
  operation: string;
  /** Added before the answer. */
  latency_ms?: number;
  /** Answer this status (5xx or 429) instead of running the operation. */
  status?: number;
  /** Retry-After seconds sent with a status fault. */
  retry_after_s?: number;
  /** Run the operation, then cut its JSON answer in half. */
  malformed?: boolean;
  /** Apply this many times, then clear itself; absent = until cleared. */
  times?: number;
}

export const ALL_OPERATIONS = '*';

export class FaultSwitch {
  private readonly faults = new Map<string, Fault>();

  list(): Fault[] {
    return [...this.faults.values()];
  }

  set(fault: Fault): void {
    this.faults.set(fault.operation, { ...fault });
  }

  clear(operation?: string): void {
    if (operation === undefined) this.faults.clear();
    else this.faults.delete(operation);
  }

  /**
   * The fault that applies to this request, counted as used. A fault named for
   * the operation wins over "*"; the token operation is only faulted by name,
   * so "*" breaks the API without locking clients out of their tokens.
   */
  take(operationId: string): Fault | undefined {
    const fault =
      this.faults.get(operationId) ??
      (operationId === 'getAccessToken' ? undefined : this.faults.get(ALL_OPERATIONS));
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.delete(fault.operation);
    }
    return fault;
  }
}
