/* The fuel module's background work. */
import '#app/fuel/jobs/supplier_check_job'
