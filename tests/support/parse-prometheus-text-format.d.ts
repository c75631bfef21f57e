declare module "parse-prometheus-text-format" {
  /** Parses Prometheus' text exposition format into metric families (see prometheus-text.ts). */
  export default function parsePrometheusTextFormat(text: string): unknown[];
}
