import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionController = () => import('#app/auth/controllers/session_controller')
const AccountController = () => import('#app/auth/controllers/account_controller')
const ConfirmPasswordController = () => import('#app/auth/controllers/confirm_password_controller')
const PasswordController = () => import('#app/auth/controllers/password_controller')
const EmailController = () => import('#app/auth/controllers/email_controller')
const PhoneController = () => import('#app/auth/controllers/phone_controller')
const AccountSessionsController = () => import('#app/auth/controllers/account_sessions_controller')
const InvitationController = () => import('#app/auth/controllers/invitation_controller')
const TwoFactorController = () => import('#app/auth/controllers/two_factor_controller')
const TwoFactorChallengeController = () =>
  import('#app/auth/controllers/two_factor_challenge_controller')
const ImpersonationController = () => import('#app/auth/controllers/impersonation_controller')
const RegistrationController = () => import('#app/auth/controllers/registration_controller')
const PasswordResetController = () => import('#app/auth/controllers/password_reset_controller')

/* Public by design: signing in and out. The page itself touches no database. */
router
  .get('/login', [SessionController, 'create'])
  .as('auth.login')
  .use([middleware.guest(), middleware.inertia()])
router
  .group(() => {
    router.post('/login', [SessionController, 'store']).as('auth.login.store')
    router.post('/logout', [SessionController, 'destroy']).as('auth.logout')
    router.get('/login/two-factor', [TwoFactorChallengeController, 'show']).as('auth.two_factor')
    router
      .post('/login/two-factor', [TwoFactorChallengeController, 'store'])
      .as('auth.two_factor.store')
  })
  .use([middleware.tenantDb(), middleware.inertia()])

/* Forgotten passwords: public, the same answer for known and unknown e-mails. */
router
  .get('/forgot-password', [PasswordResetController, 'create'])
  .as('auth.forgot')
  .use([middleware.guest(), middleware.inertia()])
router
  .get('/reset-password/:token', [PasswordResetController, 'edit'])
  .as('auth.reset')
  .use([middleware.inertia()])
router
  .group(() => {
    router.post('/forgot-password', [PasswordResetController, 'store']).as('auth.forgot.store')
    router.post('/reset-password', [PasswordResetController, 'update']).as('auth.reset.store')
  })
  .use([middleware.tenantDb(), middleware.inertia()])

/* Self-registration: public; the same answers whether the e-mail is known or not. */
router
  .get('/register', [RegistrationController, 'create'])
  .as('auth.register')
  .use([middleware.guest(), middleware.inertia()])
router
  .group(() => {
    router.post('/register', [RegistrationController, 'store']).as('auth.register.store')
    router.get('/register/verify', [RegistrationController, 'verify']).as('auth.register.verify')
    router
      .post('/register/phone', [RegistrationController, 'confirmPhone'])
      .as('auth.register.phone')
    router
      .post('/register/phone/resend', [RegistrationController, 'resendCode'])
      .as('auth.register.resend')
    router
      .get('/confirm-email/:token', [RegistrationController, 'confirmEmail'])
      .as('auth.confirm_email')
  })
  .use([middleware.tenantDb(), middleware.inertia()])

/* Invitations: the token in the link is the only key. */
router
  .get('/invitations/:token', [InvitationController, 'show'])
  .as('auth.invitation')
  .use([middleware.tenantDb(), middleware.inertia()])
router
  .post('/invitations/accept', [InvitationController, 'accept'])
  .as('auth.invitation.accept')
  .use([middleware.tenantDb(), middleware.inertia()])

/* Impersonation, target side: the one-time token lands here; ending needs the session. */
router
  .get('/impersonate/:token', [ImpersonationController, 'start'])
  .as('auth.impersonation.start')
  .use([middleware.tenantDb(), middleware.inertia()])
router
  .post('/impersonation/end', [ImpersonationController, 'end'])
  .as('auth.impersonation.end')
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])

/* The signed-in person's own account: sessions, password, e-mail. */
router
  .group(() => {
    router.get('/', [AccountController, 'show']).as('account.show')
    router.post('/confirm-password', [ConfirmPasswordController, 'handle']).as('account.confirm')
    router.put('/password', [PasswordController, 'update']).as('account.password')
    router.put('/email', [EmailController, 'update']).as('account.email')
    router.put('/phone', [PhoneController, 'update']).as('account.phone')
    router.post('/phone/confirm', [PhoneController, 'confirm']).as('account.phone.confirm')
    router
      .post('/sessions/end-others', [AccountSessionsController, 'destroyOthers'])
      .as('account.sessions.end_others')
    router
      .delete('/sessions/:ref', [AccountSessionsController, 'destroy'])
      .as('account.sessions.destroy')
    router.post('/two-factor/setup', [TwoFactorController, 'setup']).as('account.two_factor.setup')
    router
      .post('/two-factor/enable', [TwoFactorController, 'enable'])
      .as('account.two_factor.enable')
    router
      .post('/two-factor/disable', [TwoFactorController, 'disable'])
      .as('account.two_factor.disable')
    router
      .post('/two-factor/recovery-codes', [TwoFactorController, 'recoveryCodes'])
      .as('account.two_factor.recovery_codes')
  })
  .prefix('/account')
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])
