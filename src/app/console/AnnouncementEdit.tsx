import { Edit } from 'react-admin'
import { AnnouncementForm } from './AnnouncementForm'

/** Pessimistic, so that the server's refusals (not your class, an expiry before the publication) land on their fields. */
export const AnnouncementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <AnnouncementForm />
  </Edit>
)
