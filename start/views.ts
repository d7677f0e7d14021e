/*
 * Compiled templates are cached in production (the Edge provider's default). VIEWS_CACHE=true
 * does the same elsewhere: the bench measures pages as production serves them, not recompiled
 * from disk on every request as development does for live editing.
 */
import edge from 'edge.js'
import env from '#start/env'

if (env.get('VIEWS_CACHE')) edge.configure({ cache: true })
