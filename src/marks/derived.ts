import { idOf } from '../access/ids'

type EvaluationLike = { id: number | string; school?: unknown; class?: unknown; subject?: unknown; term?: unknown; published?: boolean | null }

/** What a mark copies from its evaluation, so that access filters on marks are plain column tests. */
export const copiedFromEvaluation = (evaluation: EvaluationLike) => ({
  school: idOf(evaluation.school as never),
  class: idOf(evaluation.class as never),
  subject: idOf(evaluation.subject as never),
  term: idOf(evaluation.term as never),
  published: Boolean(evaluation.published),
})
