import { Alert, AlertTitle, Box, Button, Stack } from '@mui/material'
import { useLocaleState, useLogout, useTranslate } from 'react-admin'

/** What a parent, a student or finance sees here: not a blank page, but where their space is. */
export const StaffOnly = () => {
  const translate = useTranslate()
  const logout = useLogout()
  const [locale] = useLocaleState()
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', p: 2, mt: 4 }}>
      <Alert severity="warning" role="alert">
        <AlertTitle component="h1">{translate('kelasi.auth.staffOnlyTitle')}</AlertTitle>
        <p>{translate('kelasi.auth.staffOnly')}</p>
        <p>{translate('kelasi.auth.familiesGoToPortal')}</p>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" href={`/${locale}`}>
            {translate('kelasi.auth.openPortal')}
          </Button>
          <Button variant="outlined" onClick={() => logout()}>
            {translate('kelasi.auth.signOut')}
          </Button>
        </Stack>
      </Alert>
    </Box>
  )
}
