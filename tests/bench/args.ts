// Command-line options of the bench scripts: `--name value` numbers and `--name` flags.
const args = process.argv.slice(2);

/** The number after `--name`, or `fallback` when the option is not given. */
export function numberArg(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** Whether `--name` is given. */
export function flagArg(name: string): boolean {
  return args.includes(`--${name}`);
}
