/* The platform's own jobs: the probe (health and benches) and the nightly prune. */
import '#app/jobs/probe_job'
import '#app/jobs/prune_job'
