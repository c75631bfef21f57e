/**
 * Instruments kept in memory and read when scraped, in Prometheus' data model: counters, gauges
 * (read from their source at scrape time) and histograms, each with a fixed list of label names.
 * Runtime-free (no Node, no I/O): the Node server exposes it (metrics.routes.ts); the edge has none.
 */

export type Labels = Readonly<Record<string, string>>;

export type Series =
  | { labels: Labels; value: number }
  | { labels: Labels; buckets: readonly (readonly [le: number, count: number])[]; sum: number; count: number };

/** One metric as scraped: what exposition.ts writes. */
export interface MetricFamily {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  series: Series[];
}

export interface Counter {
  /** Adds `by` (default 1) to the series of these label values, in the order the label names were given. */
  inc(values?: readonly string[], by?: number): void;
}

export interface Histogram {
  observe(values: readonly string[], value: number): void;
}

/** What a gauge reads when scraped: one value, a value per label set, or nothing (its source is away). */
export type GaugeReading = number | { labels: Labels; value: number }[] | undefined;

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkNames(name: string, labelNames: readonly string[]) {
  if (!metricName.test(name)) throw new Error(`"${name}" is not a Prometheus metric name`);
  for (const label of labelNames)
    if (!labelName.test(label) || label.startsWith("__")) throw new Error(`"${label}" is not a label name`);
}

const labelsOf = (names: readonly string[], values: readonly string[]): Labels =>
  Object.fromEntries(names.map((name, i) => [name, values[i] ?? ""]));

/** Series by their label values: the key is the values joined by a NUL (no route, status or class holds one). */
function seriesStore<T>(names: readonly string[], create: (labels: Labels) => T) {
  const series = new Map<string, T>();
  return {
    get(values: readonly string[]): T {
      const key = values.length === 1 ? (values[0] as string) : values.join("\u0000");
      let found = series.get(key);
      if (!found) {
        found = create(labelsOf(names, values));
        series.set(key, found);
      }
      return found;
    },
    all: () => [...series.values()],
  };
}

export interface Registry {
  counter(name: string, help: string, labelNames?: readonly string[]): Counter;
  /** A value read from its source when scraped: a gauge, or (`type` counter) a total kept elsewhere. */
  watch(name: string, help: string, read: () => GaugeReading | Promise<GaugeReading>, type?: "gauge" | "counter"): void;
  /** `buckets`: upper bounds in increasing order; `+Inf` is added. */
  histogram(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]): Histogram;
  /** Every metric as it stands now, in the order they were made. */
  collect(): Promise<MetricFamily[]>;
}

export function metricsRegistry(): Registry {
  const families: (() => MetricFamily | Promise<MetricFamily>)[] = [];
  const names = new Set<string>();
  const register = (name: string, labelNames: readonly string[], collect: (typeof families)[number]) => {
    checkNames(name, labelNames);
    if (names.has(name)) throw new Error(`The metric ${name} is made twice`);
    names.add(name);
    families.push(collect);
  };

  return {
    counter(name, help, labelNames = []) {
      const store = seriesStore(labelNames, (labels) => ({ labels, value: 0 }));
      register(name, labelNames, () => ({ name, help, type: "counter", series: store.all() }));
      return {
        inc(values = [], by = 1) {
          store.get(values).value += by;
        },
      };
    },

    watch(name, help, read, type = "gauge") {
      register(name, [], async () => {
        const reading = await read();
        const series =
          reading === undefined ? [] : typeof reading === "number" ? [{ labels: {}, value: reading }] : reading;
        return { name, help, type, series };
      });
    },

    histogram(name, help, labelNames, buckets) {
      if (labelNames.includes("le")) throw new Error(`A histogram's labels cannot include "le" (${name})`);
      if (buckets.some((b, i) => i > 0 && b <= (buckets[i - 1] as number)))
        throw new Error(`The buckets of ${name} must increase`);
      const store = seriesStore(labelNames, (labels) => ({
        labels,
        counts: new Array<number>(buckets.length + 1).fill(0),
        sum: 0,
        count: 0,
      }));
      register(name, labelNames, () => ({
        name,
        help,
        type: "histogram",
        series: store.all().map(({ labels, counts, sum, count }) => {
          let cumulative = 0;
          const cumulativeCounts = [...buckets, Number.POSITIVE_INFINITY].map((le, i) => {
            cumulative += counts[i] ?? 0;
            return [le, cumulative] as const;
          });
          return { labels, sum, count, buckets: cumulativeCounts };
        }),
      }));
      return {
        observe(values, value) {
          const series = store.get(values);
          let i = 0;
          while (i < buckets.length && value > (buckets[i] as number)) i++;
          series.counts[i] = (series.counts[i] ?? 0) + 1;
          series.sum += value;
          series.count++;
        },
      };
    },

    collect: () => Promise.all(families.map((collect) => collect())),
  };
}
