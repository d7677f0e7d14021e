import { defineModule } from '#core/modules/manifest'

/* Sign-in. Its routes are public by nature: they are how a person becomes someone. */
export default defineModule({
  key: 'auth',
  label: { en: 'Sign-in', ru: 'Вход', fa: 'ورود' },
  permissions: [],
  routes: {
    'auth.login': { public: 'the sign-in form' },
    'auth.login.store': { public: 'signing in; throttled per account and address' },
    'auth.logout': { public: 'signing out needs nothing but a session' },
  },
})
