import { readFileSync } from 'node:fs';

/** What held the event loop while watched: the longest stretch between two timer ticks. */
export interface LoopHold {
  /** On-CPU time of the loop's thread between two ticks: work (and garbage collection) that held the loop. */
  maxCpuMs: number;
  /** Wall time between two ticks: the same, plus any time the thread waited for a CPU on a busy machine. */
  maxWallMs: number;
}

/** The main thread's time on a CPU so far, in ms, from Linux's per-thread scheduler statistics (its thread id is the process id). */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const cpuMs = (): number => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;

/**
 * Ticks every `everyMs` and keeps the longest gap between ticks, both in
 * wall time and in the thread's own CPU time. On a machine shared with
 * other work, wall gaps include time the thread was runnable but not
 * running; CPU time counts only what this process's thread did, which is
 * what a build on the event loop would add.
 */
export function watchLoopHold(everyMs = 5): { stop(): LoopHold } {
  let lastWall = performance.now();
  let lastCpu = cpuMs();
  const hold: LoopHold = { maxCpuMs: 0, maxWallMs: 0 };
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = cpuMs();
    hold.maxWallMs = Math.max(hold.maxWallMs, wall - lastWall);
    hold.maxCpuMs = Math.max(hold.maxCpuMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return hold;
    },
  };
}
