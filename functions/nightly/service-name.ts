/** The nightly job's Powertools service name: its logs and metrics (the infra alarms on NightlyFailed under it). */
export const NIGHTLY_SERVICE = "actionplan-nightly";
