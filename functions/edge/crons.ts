/**
 * The Worker's Cron Triggers, as wrangler.jsonc declares them. Kept apart from functions/worker.ts:
 * workerd reads every named export of the Worker's module as an entrypoint and refuses one that is
 * not a handler.
 */

/** The hourly trigger; the other one, every five minutes, only sends writers' messages. */
export const housekeepingCron = "17 * * * *";
