/* Every job the worker runs: importing a job module defines it. */
import '#jobs/probe_job'
