-- One row per spool segment rolled into the lake. A segment listed here is never rolled again.
CREATE TABLE rolled_segment (
    segment_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    row_count        BIGINT      NOT NULL,
    first_created_at TIMESTAMP WITH TIME ZONE,
    last_created_at  TIMESTAMP WITH TIME ZONE,
    rolled_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    job_execution_id BIGINT
);
