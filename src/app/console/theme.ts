import { defaultTheme, type RaThemeOptions } from 'react-admin'

// react-admin's default blues carry white text below WCAG AA contrast (4.5:1) in the app bar and on buttons.
const blue = { main: '#1d4e89', contrastText: '#fff' }

export const theme: RaThemeOptions = { ...defaultTheme, palette: { ...defaultTheme.palette, primary: blue, secondary: blue } }
