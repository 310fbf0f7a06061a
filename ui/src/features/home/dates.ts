// Whole days between two YYYY-MM-DD dates (calendar days, as the core counts them).
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number)
    return Date.UTC(y!, (m ?? 1) - 1, day ?? 1)
  }
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}
