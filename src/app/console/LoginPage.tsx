import { Box } from '@mui/material'
import { LocalesMenuButton, Login, LoginForm, PasswordInput, required, TextInput, useTranslate } from 'react-admin'

/** Payload signs in with an e-mail address; the language can be chosen before signing in. */
export const LoginPage = () => {
  const translate = useTranslate()
  return (
    <Login>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', px: 1, pt: 1 }}>
        <LocalesMenuButton />
      </Box>
      <LoginForm>
        <TextInput autoFocus source="email" type="email" label={translate('kelasi.auth.email')} autoComplete="username" validate={required()} />
        <PasswordInput source="password" label={translate('kelasi.auth.password')} autoComplete="current-password" validate={required()} />
      </LoginForm>
    </Login>
  )
}
