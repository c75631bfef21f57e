import { writeFileSync } from "node:fs";
import type { AstroIntegration } from "astro";
import type { Plugin } from "vite";

/** One phase of a build: how long it took and the CPU time the build's process spent in it (every thread), in milliseconds. */
export interface BuildPhase {
  name: string;
  ms: number;
  /** Not for work aside, which overlaps the phases. */
  cpuMs?: number;
}

/** CPU time this process has used so far, every thread, in milliseconds. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Where a build's time goes, phase by phase, for `bench:site` to print. Each phase ends at a mark;
 * the first starts when the process did (so the time Node and Astro take to load is counted too).
 */
export class PhaseClock {
  readonly #phases: BuildPhase[] = [];
  /** Work that runs beside the phases (a site's search index while the next site renders). */
  readonly #aside: BuildPhase[] = [];
  #last = 0;
  #lastCpu = 0;

  /** Ends the phase running now and names it. */
  end(name: string): void {
    const now = performance.now();
    const cpu = cpuNow();
    this.#phases.push({ name, ms: Math.round(now - this.#last), cpuMs: Math.round(cpu - this.#lastCpu) });
    this.#last = now;
    this.#lastCpu = cpu;
  }

  /** Runs `work` and ends the phase with it (the phase began where the previous one ended). */
  async time<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const result = await work();
    this.end(name);
    return result;
  }

  /** Times work that may overlap the phases, under its own name. */
  async aside<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const result = await work();
    this.#aside.push({ name, ms: Math.round(performance.now() - started) });
    return result;
  }

  /** Writes the phases as JSON when the build was asked for a report (`HELP_BUILD_REPORT`). */
  write(file: string | undefined): void {
    if (file) writeFileSync(file, `${JSON.stringify({ phases: this.#phases, aside: this.#aside })}\n`);
  }
}

/**
 * Marks the phases Astro runs itself: loading, content sync, bundling (the server modules and
 * the browser's), rendering. The audience-sites integration marks what follows.
 */
export function buildPhases(clock: PhaseClock): AstroIntegration {
  let building = false;
  const bundled: Plugin = {
    name: "help-center:build-phases",
    apply: "build",
    closeBundle() {
      // Astro bundles the prerender environment, then the browser's (`client`); its content sync
      // runs a bundle of its own earlier, which ends before `astro:build:start`.
      if (building && this.environment.name === "client") clock.end("bundling");
    },
  };
  return {
    name: "help-center:build-phases",
    hooks: {
      "astro:config:setup": ({ updateConfig }) => {
        clock.end("loading");
        updateConfig({ vite: { plugins: [bundled] } });
      },
      "astro:build:start": () => {
        building = true;
        clock.end("content sync");
      },
      "astro:build:generated": () => clock.end("rendering"),
    },
  };
}
