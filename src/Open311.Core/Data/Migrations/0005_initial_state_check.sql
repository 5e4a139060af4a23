-- "One initial state per workflow" moves to the admin API's validation: as a unique index it made
-- moving the initial flag from one state to another fail, whatever order the two updates ran in.
DROP INDEX ux_workflow_states_initial;
