import { defineModule } from '#app/core/modules/manifest'

/* Health and the TLS ask endpoint: answer on any host, reveal nothing about tenants. */
export default defineModule({
  key: 'health',
  label: { en: 'Health', ru: 'Состояние', fa: 'سلامت' },
  permissions: [],
  routes: {
    'health.live': { public: 'liveness for load balancers', stateless: true },
    'health.ready': { public: 'readiness for load balancers', stateless: true },
    'tls.ask': { public: 'Caddy on-demand TLS; answers only yes or no', stateless: true },
  },
})
