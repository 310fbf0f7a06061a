// The pipeline's words in the UI's language, gathered once for the pure option builders.
import { i18n } from '../../i18n'
import { amountUnits } from '../trends/words'
import { stageLabel } from '../opportunities/stages'
import type { PipelineWords } from './options'

export function pipelineWords(): PipelineWords {
  const t = i18n.global.t
  return {
    units: amountUnits(),
    amount: t('pipeline.forecast.amount'),
    weighted: t('pipeline.forecast.weighted'),
    deals: (n) => t('pipeline.deals', { n }, n),
    noClose: t('pipeline.forecast.noClose'),
    stage: stageLabel,
    reached: t('pipeline.funnel.reached'),
    atStage: t('pipeline.funnel.atStage'),
    stepRate: t('pipeline.funnel.stepRate'),
    overallRate: t('pipeline.funnel.overallRate'),
    unknown: t('pipeline.lost.unknown'),
  }
}
