import { NotFound } from '@portal/pages/NotFound'

export default function Page() {
  return <NotFound />
}
