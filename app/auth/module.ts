import { defineModule } from '#app/core/modules/manifest'

/* Sign-in. Its routes are public by nature: they are how a person becomes someone. */
export default defineModule({
  key: 'auth',
  borrowsTexts: ['clients'],
  label: { en: 'Sign-in', ru: 'Вход', fa: 'ورود' },
  permissions: [],
  routes: {
    'auth.login': { public: 'the sign-in form' },
    'auth.login.store': { public: 'signing in; throttled per account and address' },
    'auth.logout': { public: 'signing out needs nothing but a session' },
    'auth.two_factor': { public: 'the second step of signing in, after the password' },
    'auth.two_factor.store': { public: 'a TOTP or recovery code after the password; throttled' },
    'auth.impersonation.start': {
      public: 'the landing of a 60-second one-time impersonation token',
    },
    'auth.impersonation.end': { self: 'ending the impersonation one is in' },
    'auth.forgot': { public: 'the forgot-password form' },
    'auth.forgot.store': {
      public: 'asking for a reset link; same answer for every e-mail, throttled',
    },
    'auth.reset': { public: 'the reset form; the token is checked on submit' },
    'auth.reset.store': { public: 'setting a password with a single-use reset token' },
    'auth.register': { public: 'the sign-up form' },
    'auth.register.store': { public: 'signing up; same answer for known e-mails, throttled' },
    'auth.register.verify': { public: 'the confirmation step of this browser’s sign-up' },
    'auth.register.phone': { public: 'the phone code of this browser’s sign-up; 5 tries' },
    'auth.register.resend': { public: 'a new phone code; throttled' },
    'auth.confirm_email': { public: 'confirming an e-mail with a single-use link' },
    'auth.invitation': {
      public: 'the invitation page; shows only what its live token is bound to',
    },
    'auth.invitation.accept': { public: 'accepting with a single-use invitation token' },
    'account.show': { self: 'one’s own sessions, password and e-mail' },
    'account.confirm': { self: 'confirming one’s own password (step-up), throttled' },
    'account.password': { self: 'one’s own password; needs the current one' },
    'account.email': { self: 'one’s own e-mail; needs a recent password confirmation' },
    'account.phone': { self: 'one’s own phone; needs a recent confirmation, then its SMS code' },
    'account.phone.confirm': { self: 'the SMS code of one’s own new phone; 5 tries' },
    'account.sessions.end_others': { self: 'ending one’s own other sessions' },
    'account.sessions.destroy': { self: 'ending one of one’s own sessions' },
    'account.two_factor.setup': { self: 'one’s own second factor; needs a recent confirmation' },
    'account.two_factor.enable': { self: 'one’s own second factor; needs a recent confirmation' },
    'account.two_factor.disable': { self: 'one’s own second factor; needs a recent confirmation' },
    'account.two_factor.recovery_codes': {
      self: 'one’s own recovery codes; needs a recent confirmation',
    },
  },
  menu: [
    {
      route: 'account.show',
      audiences: ['staff', 'client'],
      label: {
        en: 'Account and security',
        ru: 'Учётная запись и безопасность',
        fa: 'حساب و امنیت',
      },
      icon: 'settings',
    },
  ],
})
