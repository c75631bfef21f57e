/**
 * Thrown when bounded work (password hashing) has no room for one more request: answered at
 * once with 503 and `Retry-After`, instead of a queue that grows until pages stall.
 */
export class Overloaded extends Error {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds = 2) {
    super(message);
    this.name = "Overloaded";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
