'use client'
import dynamic from 'next/dynamic'

/** react-admin runs in the browser only (hash router, local storage). */
const App = dynamic(() => import('./App'), { ssr: false, loading: () => <p style={{ padding: 16, fontFamily: 'sans-serif' }}>Chargement…</p> })

export const ConsoleLoader = () => <App />
