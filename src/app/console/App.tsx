import { Route } from 'react-router'
import { Admin, CustomRoutes, Resource } from 'react-admin'
import AnnouncementIcon from '@mui/icons-material/Campaign'
import AssignmentIcon from '@mui/icons-material/Assignment'
import GroupsIcon from '@mui/icons-material/Groups'
import FolderSharedIcon from '@mui/icons-material/FolderShared'
import ForumIcon from '@mui/icons-material/Forum'
import NotificationsIcon from '@mui/icons-material/Notifications'
import SchoolIcon from '@mui/icons-material/School'
import { AnnouncementCreate } from './AnnouncementCreate'
import { AnnouncementEdit } from './AnnouncementEdit'
import { AnnouncementList } from './AnnouncementList'
import { AnnouncementShow } from './AnnouncementShow'
import { authProvider } from './authProvider'
import { ClassList } from './ClassList'
import { ClassShow } from './ClassShow'
import { ConversationCreate } from './ConversationCreate'
import { ConversationList } from './ConversationList'
import { ConversationShow } from './ConversationShow'
import { dataProvider } from './dataProvider'
import { EvaluationCreate } from './EvaluationCreate'
import { EvaluationEdit } from './EvaluationEdit'
import { EvaluationList } from './EvaluationList'
import { Gradebook } from './Gradebook'
import { Home } from './Home'
import { i18nProvider } from './i18n'
import { ConsoleLayout } from './ConsoleLayout'
import { LoginPage } from './LoginPage'
import { NotificationList } from './NotificationList'
import { RollCall } from './RollCall'
import { SharedFileCreate } from './SharedFileCreate'
import { SharedFileList } from './SharedFileList'
import { StudentList } from './StudentList'
import { StudentShow } from './StudentShow'
import { theme } from './theme'

/** The teacher workspace: react-admin on the simple REST API, French first. */
export default function App() {
  return (
    <Admin
      title="Kelasi"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Home}
      layout={ConsoleLayout}
      loginPage={LoginPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="classes" list={ClassList} show={ClassShow} icon={GroupsIcon} recordRepresentation="name" />
      <Resource name="evaluations" list={EvaluationList} create={EvaluationCreate} edit={EvaluationEdit} icon={AssignmentIcon} recordRepresentation="title" />
      <Resource name="students" list={StudentList} show={StudentShow} icon={SchoolIcon} recordRepresentation="fullName" />
      <Resource name="resources" list={SharedFileList} create={SharedFileCreate} icon={FolderSharedIcon} recordRepresentation="title" />
      <Resource name="conversations" list={ConversationList} show={ConversationShow} create={ConversationCreate} icon={ForumIcon} recordRepresentation="topic" />
      <Resource name="messages" />
      <Resource name="announcements" list={AnnouncementList} show={AnnouncementShow} create={AnnouncementCreate} edit={AnnouncementEdit} icon={AnnouncementIcon} recordRepresentation="title" />
      <Resource name="notifications" list={NotificationList} icon={NotificationsIcon} recordRepresentation="title" />
      <Resource name="subjects" recordRepresentation="name" />
      <Resource name="terms" recordRepresentation="name" />
      <Resource name="rooms" recordRepresentation="name" />
      <Resource name="timetable-slots" recordRepresentation="title" />
      <Resource name="enrollments" />
      <Resource name="attendance" />
      <Resource name="grades" />
      <CustomRoutes>
        <Route path="/roll-call/:classId" element={<RollCall />} />
        <Route path="/gradebook/:evaluationId" element={<Gradebook />} />
      </CustomRoutes>
    </Admin>
  )
}
