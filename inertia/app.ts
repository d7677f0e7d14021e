import './css/app.css'
import { createApp, h, type DefineComponent } from 'vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'

createInertiaApp({
  // The title is the brand's own: nothing names the platform.
  title: (title) => title,
  resolve: (name) =>
    resolvePageComponent(
      `./pages/${name}.vue`,
      import.meta.glob<DefineComponent>('./pages/**/*.vue')
    ),
  setup({ el, App, props, plugin }) {
    createApp({ setup: () => () => h(App, props) })
      .use(plugin)
      .mount(el)
  },
  progress: { color: 'var(--brand-accent)' },
})
