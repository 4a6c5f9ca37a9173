import { ConsoleLoader } from './ConsoleLoader'

export default function ConsolePage() {
  return <ConsoleLoader />
}
