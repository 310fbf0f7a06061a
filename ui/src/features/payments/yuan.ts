// An amount in 元 as a 回款 line writes it — ¥50,000, the fen only when there are some — the way
// the core's reasons do (core/src/risk/explain.rs `yuan`).
export function yuan(amount: number): string {
  const fen = Math.round(Math.abs(amount) * 100)
  const whole = Math.floor(fen / 100).toLocaleString('en-US')
  const cents = fen % 100
  const sign = amount < 0 && fen > 0 ? '-' : ''
  return `${sign}¥${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`
}
