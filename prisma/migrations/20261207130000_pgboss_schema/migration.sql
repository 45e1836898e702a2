-- pg-boss (lib/jobs/scheduler.ts) keeps its queues, jobs and schedules in the schema
-- "pgboss". Only the worker role uses it: drempel_worker may create in this schema, so
-- pg-boss, connected as that role, creates and migrates its own tables there and owns
-- them (pg-boss's createSchema is off: CREATE SCHEMA would need CREATE on the database,
-- which neither role has). drempel_app gets nothing here: the web never sends pg-boss
-- jobs (it writes outbox rows in its own transaction) and cannot see or alter schedules.
CREATE SCHEMA IF NOT EXISTS pgboss;
REVOKE ALL ON SCHEMA pgboss FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA pgboss TO drempel_worker;
