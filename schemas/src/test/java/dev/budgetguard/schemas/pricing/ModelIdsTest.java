package dev.budgetguard.schemas.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelIdsTest {

    @ParameterizedTest
    @CsvSource({
        "gpt-4o-2024-08-06, gpt-4o",
        "o3-2025-04-16, o3",
        "claude-sonnet-4-5-20250929, claude-sonnet-4-5",
        "claude-sonnet-4.5, claude-sonnet-4-5",
        "Claude Sonnet 4.5, claude-sonnet-4-5",
        "claude-3-5-haiku-latest, claude-3-5-haiku",
        "claude-sonnet-4-0, claude-sonnet-4",
        "models/gemini-2.5-pro, gemini-2.5-pro",
        "gemini-2.5-pro-preview-06-05, gemini-2.5-pro-preview-06-05",
        "chatgpt-4o-latest, chatgpt-4o-latest"
    })
    void resolvesSnapshotsAndDocumentedAliasesToThePricedModel(String id, String expected) {
        // when / then
        assertThat(ModelIds.canonical(id)).isEqualTo(expected);
    }

    @Test
    void everyAliasPointsAtAModelThatIsNotItselfAnAlias() {
        // when / then: one hop resolves, so the table can never loop
        ModelIds.aliases()
                .forEach((alias, model) ->
                        assertThat(ModelIds.aliases()).as(alias).doesNotContainKey(model));
    }
}
