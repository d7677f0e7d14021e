/* Every job and schedule the worker runs: importing a job module defines it. */
import '#jobs/probe_job'
import '#jobs/prune_job'
import '#notifications/email_job'
