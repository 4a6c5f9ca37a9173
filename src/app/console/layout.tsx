import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

export const metadata: Metadata = { title: 'Kelasi — espace enseignant', robots: { index: false } }
export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

/** The workspace's own root: react-admin brings its styles (MUI), the portal's and Payload's stay out. */
export default function ConsoleRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body style={{ margin: 0 }}>{children}</body>
    </html>
  )
}
