/** Writes progress to a stream (stderr): one updating line on a terminal, else a line per step. */
export class ProgressLine {
  private stage = '';
  private started = Date.now();
  private lastPercent = -1;

  constructor(
    private readonly out: { write(text: string): unknown; isTTY?: boolean },
    private readonly total: number = 0,
  ) {}

  /** Reports `fraction` (0–1) of `stage`; papers/s is shown when the stage works through papers. */
  update(stage: string, fraction: number, detail = '', papers = this.total): void {
    if (stage !== this.stage) {
      if (this.stage && this.out.isTTY) this.out.write('\n');
      this.stage = stage;
      this.started = Date.now();
      this.lastPercent = -1;
    }
    const percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
    // Off a terminal (a log, a CI job), every 10 % is enough.
    const step = this.out.isTTY ? 1 : 10;
    if (percent === this.lastPercent || (percent % step !== 0 && percent !== 100)) return;
    this.lastPercent = percent;
    const seconds = (Date.now() - this.started) / 1000;
    const rate =
      papers > 0 && seconds > 0.05
        ? ` · ${Math.round((fraction * papers) / seconds)} papers/s`
        : '';
    const line = `${stage}: ${String(percent).padStart(3)}%${rate}${detail ? ` · ${detail}` : ''}`;
    this.out.write(this.out.isTTY ? `\r${line.padEnd(79).slice(0, 100)}` : `${line}\n`);
  }

  /** Ends the current line on a terminal. */
  done(): void {
    if (this.stage && this.out.isTTY) this.out.write('\n');
    this.stage = '';
  }
}
