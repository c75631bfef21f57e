import type { Labels, MetricFamily } from "./registry.ts";

/**
 * Prometheus' text exposition format, version 0.0.4 (prometheus.io/docs/instrumenting/
 * exposition_formats): what every Prometheus-compatible scraper reads.
 */
export const expositionContentType = "text/plain; version=0.0.4; charset=utf-8";

/** In HELP text a backslash and a line break are escaped; in a label value, a double quote too. */
const escapeHelp = (text: string) => text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
const escapeLabel = (text: string) => escapeHelp(text).replace(/"/g, '\\"');

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

function labelText(labels: Labels, extra?: readonly [string, string]): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`);
  return pairs.length === 0 ? "" : `{${pairs.join(",")}}`;
}

function familyLines(family: MetricFamily): string[] {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const series of family.series) {
    if (!("buckets" in series)) {
      lines.push(`${family.name}${labelText(series.labels)} ${formatNumber(series.value)}`);
      continue;
    }
    for (const [le, count] of series.buckets)
      lines.push(`${family.name}_bucket${labelText(series.labels, ["le", formatNumber(le)])} ${count}`);
    lines.push(`${family.name}_sum${labelText(series.labels)} ${formatNumber(series.sum)}`);
    lines.push(`${family.name}_count${labelText(series.labels)} ${series.count}`);
  }
  return lines;
}

/** The families as one exposition: HELP and TYPE before each family's samples, a line break after the last. */
export function writeExposition(families: readonly MetricFamily[]): string {
  return `${families.flatMap(familyLines).join("\n")}\n`;
}
