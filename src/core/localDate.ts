// A Date as the YYYY-MM-DD a person sees on their calendar (local time, not UTC). Core never reads the
// clock: the CLI and the editor pass their `new Date()` here and hand the result to the engine.

export function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
