import parsePrometheusTextFormat from "parse-prometheus-text-format";

/** A metric family as parse-prometheus-text-format reads it (its output follows prom2json's). */
export interface ParsedFamily {
  name: string;
  help: string;
  type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
  metrics: {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }[];
}

const number = /^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|[+-]?Inf|NaN)$/;

/**
 * An exposition read by a Prometheus text parser from npm, not by this project's own code. That
 * parser is lenient about a few malformed lines, so every family is also checked here to have a
 * known type and every sample a number; and it merges the series of a histogram that has labels
 * (its known limit), so counts are read from counters, and histograms whole only without labels.
 */
export function parseExposition(text: string): Map<string, ParsedFamily> {
  const families = (parsePrometheusTextFormat as (text: string) => ParsedFamily[])(text);
  const byName = new Map<string, ParsedFamily>();
  for (const family of families) {
    if (byName.has(family.name)) throw new Error(`${family.name} appears twice`);
    if (!["COUNTER", "GAUGE", "HISTOGRAM"].includes(family.type)) throw new Error(`${family.name}: ${family.type}`);
    for (const sample of family.metrics) {
      const values = [sample.value, sample.count, sample.sum, ...Object.values(sample.buckets ?? {})];
      for (const value of values.filter((v) => v !== undefined))
        if (!number.test(String(value))) throw new Error(`${family.name} has the value "${value}"`);
    }
    byName.set(family.name, family);
  }
  return byName;
}

/** The value of the series of `name` whose labels include `labels`; 0 when there is none yet. */
export function sampleValue(families: Map<string, ParsedFamily>, name: string, labels: Record<string, string> = {}) {
  const family = families.get(name);
  if (!family) throw new Error(`No metric ${name}`);
  const series = family.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  return series?.value === undefined ? 0 : Number(series.value);
}
