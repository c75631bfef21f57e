/**
 * The arithmetic of bench:backup: windows of time with or without a backup, the writes sent in
 * each, their latency quantiles, and how much the server waited for a CPU meanwhile.
 */
import { type AnsweredWrite, quantile } from "../../scripts/lib/feedback-load.ts";

export type Condition = "backup" | "no backup";

/** A stretch of time (`performance.now()` of the bench) and how long the server waited for a CPU in it. */
export interface Span {
  from: number;
  to: number;
  /** The server's run-queue milliseconds (processRunQueueMs) at `from` and at `to`. */
  queuedFrom: number;
  queuedTo: number;
}

export interface Window extends Span {
  condition: Condition;
  round: number;
  /** For a backup: its phases (start-up, copy, check, write-out), each a span. */
  phases: (Span & { phase: string })[];
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const seconds = (span: Span) => (span.to - span.from) / 1000;

/** Milliseconds from sending to the answer of the writes sent during the spans (a failure counts with its time). */
export function latencies(writes: readonly AnsweredWrite[], spans: readonly Span[]): number[] {
  return writes
    .filter((w) => spans.some((s) => w.sentAt >= s.from && w.sentAt < s.to))
    .map((w) => w.answeredAt - w.sentAt);
}

/** Writes sent during the spans that were not answered 201. */
export function failures(writes: readonly AnsweredWrite[], spans: readonly Span[]): number {
  return writes.filter((w) => w.status !== 201 && spans.some((s) => w.sentAt >= s.from && w.sentAt < s.to)).length;
}

/** Milliseconds per second the server spent waiting for a CPU over the spans together. */
export function cpuWaitPerSecond(spans: readonly Span[]): number {
  const waited = spans.reduce((sum, s) => sum + (s.queuedTo - s.queuedFrom), 0);
  const lasted = spans.reduce((sum, s) => sum + seconds(s), 0);
  return lasted > 0 ? waited / lasted : Number.NaN;
}

/** One round: a backup, and the windows without one on either side of it. */
export interface RoundFigures {
  round: number;
  backupSeconds: number;
  writes: [number, number];
  p99: [number, number];
  ratio: number;
  cpuWait: [number, number];
}

/**
 * The figures of each backup among `windows` (in the order they ran), against the windows with
 * no backup just before and just after it.
 */
export function roundFigures(writes: readonly AnsweredWrite[], windows: readonly Window[]): RoundFigures[] {
  return windows.flatMap((window, index) => {
    if (window.condition !== "backup") return [];
    const beside = [windows[index - 1], windows[index + 1]].filter((w) => w?.condition === "no backup") as Window[];
    const [withBackup, without] = [latencies(writes, [window]), latencies(writes, beside)];
    const p99: [number, number] = [quantile(withBackup, 0.99), quantile(without, 0.99)];
    return [
      {
        round: window.round,
        backupSeconds: seconds(window),
        writes: [withBackup.length, without.length],
        p99,
        ratio: p99[0] / p99[1],
        cpuWait: [cpuWaitPerSecond([window]), cpuWaitPerSecond(beside)],
      },
    ];
  });
}

/** The spans of one phase across every backup window. */
export function phaseSpans(windows: readonly Window[], phase: string): Span[] {
  return windows.flatMap((w) => w.phases.filter((p) => p.phase === phase));
}
