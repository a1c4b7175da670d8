/** The only place that reads the process environment (ARCHITECTURE §2.9). */
export function readProcessEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
