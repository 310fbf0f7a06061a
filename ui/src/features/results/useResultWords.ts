// The words 业绩's pure figures (./figures.ts) take, in the user's language.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Metric } from '../../bindings'
import { money } from '../opportunities/money'
import type { ResultWords } from './figures'

export function useResultWords() {
  const { t } = useI18n()
  return computed<ResultWords>(() => ({
    metric: (m) => t(`results.metric.${m}`),
    actual: t('results.actual'),
    target: t('results.target'),
    completion: t('results.completion'),
    money: (v) => money(v) || '0',
    // A quarter's count target shared by its months can be a fraction: one decimal.
    count: (m: Metric, n: number) =>
      t(m === 'follow_ups' ? 'results.times' : 'results.count', { n: Math.round(n * 10) / 10 }),
    none: t('results.noTarget'),
  }))
}
