import { Edit, TopToolbar } from 'react-admin'
import { EvaluationForm } from './EvaluationForm'
import { MarksButton } from './MarksButton'

/** Pessimistic, so that the server's refusals (not your course, maximum below existing marks) land on their fields. */
export const EvaluationEdit = () => (
  <Edit
    mutationMode="pessimistic"
    actions={
      <TopToolbar>
        <MarksButton />
      </TopToolbar>
    }
  >
    <EvaluationForm />
  </Edit>
)
