/** `--name N` from the command line, or the fallback: what every benchmark lets its reader change. */
export function numberOption(name: string, fallback: number, args: readonly string[] = process.argv.slice(2)): number {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

/** `--name value` from the command line when the value is one of `allowed`; undefined when absent. */
export function textOption<T extends string>(
  name: string,
  allowed: readonly T[],
  args: readonly string[] = process.argv.slice(2),
): T | undefined {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = args[index + 1] as T;
  if (!allowed.includes(value)) throw new Error(`--${name} takes one of: ${allowed.join(", ")}`);
  return value;
}

/** Whether `--name` is on the command line. */
export function flagOption(name: string, args: readonly string[] = process.argv.slice(2)): boolean {
  return args.includes(`--${name}`);
}
