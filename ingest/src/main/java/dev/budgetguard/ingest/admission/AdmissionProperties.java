package dev.budgetguard.ingest.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How admission treats what it cannot price exactly.
 *
 * @param unpricedModels whether a tenant with an active budget may call a model that has no price in force:
 *     {@code refuse} (the default; such a call cannot be capped) or {@code allow} (served with nothing reserved and
 *     recorded as unpriced). Tenants without a budget are always served.
 * @param unseenInputTokens the prompt bound of a request carrying input the collector cannot see (a stored response,
 *     conversation or prompt, a file by id or URL); the default is the largest context window of any model, which no
 *     whole input can exceed
 */
@ConfigurationProperties("budgetguard.admission")
public record AdmissionProperties(
        @DefaultValue("refuse") UnpricedModels unpricedModels,
        @DefaultValue("1048576") long unseenInputTokens) {

    /** What to do with a model that has no price in force, for a tenant with an active budget. */
    public enum UnpricedModels {
        REFUSE,
        ALLOW
    }

    public AdmissionProperties {
        if (unpricedModels == null) {
            throw new IllegalArgumentException("budgetguard.admission.unpriced-models must be refuse or allow");
        }
        if (unseenInputTokens <= 0) {
            throw new IllegalArgumentException(
                    "budgetguard.admission.unseen-input-tokens must be positive, was " + unseenInputTokens);
        }
    }

    /** The defaults: unpriced models refused for capped tenants, unseen input bounded at 1,048,576 tokens. */
    public static AdmissionProperties defaults() {
        return new AdmissionProperties(UnpricedModels.REFUSE, CostEstimator.DEFAULT_UNSEEN_INPUT_TOKENS);
    }

    public boolean refusesUnpricedModels() {
        return unpricedModels == UnpricedModels.REFUSE;
    }
}
