/** Kelasi's name in the admin, in place of Payload's: on the login page (Logo) and the navigation (Icon). */
const mark = (
  <svg viewBox="0 0 32 32" width="100%" height="100%" aria-hidden="true">
    <rect width="32" height="32" rx="7" fill="#0f5132" />
    <path d="M9 8v16M9 16l9-8M12.5 13.5 20 24" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" fill="none" />
    <circle cx="24" cy="10" r="2.6" fill="#f6c344" />
  </svg>
)

export const Logo = () => (
  <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
    <div style={{ width: 44, height: 44 }}>{mark}</div>
    <span style={{ fontSize: 34, fontWeight: 700, letterSpacing: '-0.02em' }}>Kelasi</span>
  </div>
)

export const Icon = () => <div style={{ width: 24, height: 24 }}>{mark}</div>
