/**
 * The pause of a polling loop that other code can cut short: `wait(ms)` ends after `ms` or at `wake()`.
 * A wake that comes while no pause runs (the loop is busy, and what woke it may have committed after
 * its last read) ends the next pause at once. After `stop()` every pause ends at once until `resume()`.
 */
export class WakeablePause {
  private wakeUp?: () => void;
  private woken = false;
  private stopped = false;

  wait(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = () => {
        this.woken = false;
        finish();
      };
    });
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake();
  }

  resume(): void {
    this.stopped = false;
    this.woken = false;
  }
}
