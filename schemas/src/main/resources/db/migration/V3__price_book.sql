-- The versioned price book: one row per (model, effective_from), USD per 1M tokens, in force over the half-open UTC
-- day range [effective_from, effective_to). History is never rewritten: a new version only closes the open one
-- (sets its effective_to) in the same transaction. Cache rates are stored resolved (never NULL, never $0 by omission).
-- The long_* columns are a long-context tier: above long_context_threshold input tokens (cache reads and writes
-- counted), every token of the request is priced at the long_* rates. batch_discount is the fraction taken off batch
-- requests (0.5 = half), NULL when no batch price is known.
CREATE TABLE model_price (
    model                           VARCHAR(200)  NOT NULL,
    effective_from                  DATE          NOT NULL,
    effective_to                    DATE,
    provider                        VARCHAR(64)   NOT NULL,
    input_per_million               DECIMAL(18,6) NOT NULL,
    cached_input_per_million        DECIMAL(18,6) NOT NULL,
    cache_write_5m_per_million      DECIMAL(18,6) NOT NULL,
    cache_write_1h_per_million      DECIMAL(18,6) NOT NULL,
    output_per_million              DECIMAL(18,6) NOT NULL,
    max_output_tokens               BIGINT        NOT NULL,
    long_context_threshold          BIGINT,
    long_input_per_million          DECIMAL(18,6),
    long_cached_input_per_million   DECIMAL(18,6),
    long_cache_write_5m_per_million DECIMAL(18,6),
    long_cache_write_1h_per_million DECIMAL(18,6),
    long_output_per_million         DECIMAL(18,6),
    batch_discount                  DECIMAL(7,6),
    source                          VARCHAR(200)  NOT NULL,
    created_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (model, effective_from),
    CONSTRAINT model_price_period CHECK (effective_to IS NULL OR effective_to > effective_from),
    CONSTRAINT model_price_tier CHECK (
        (long_context_threshold IS NULL AND long_input_per_million IS NULL AND long_output_per_million IS NULL)
        OR (long_context_threshold > 0 AND long_input_per_million IS NOT NULL AND long_cached_input_per_million IS NOT NULL
            AND long_cache_write_5m_per_million IS NOT NULL AND long_cache_write_1h_per_million IS NOT NULL
            AND long_output_per_million IS NOT NULL)),
    CONSTRAINT model_price_batch CHECK (batch_discount IS NULL OR (batch_discount >= 0 AND batch_discount < 1))
);
