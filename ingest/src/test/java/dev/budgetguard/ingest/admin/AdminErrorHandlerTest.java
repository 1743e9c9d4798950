package dev.budgetguard.ingest.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

class AdminErrorHandlerTest {

    private final AdminErrorHandler handler =
            new AdminErrorHandler(JsonMapper.builder().build());

    @Test
    void anUnexpectedFailureIsABare500WithoutItsMessage() {
        // given
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/admin/tenant/acme"));

        // when
        handler.handle(exchange, new IllegalStateException("connection to db-internal-7 refused"))
                .block();

        // then
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .isEqualTo("{\"error\":{\"message\":\"Internal server error.\",\"type\":\"server_error\","
                        + "\"param\":null,\"code\":\"internal_error\"}}");
    }

    @Test
    void failuresOutsideTheAdminApiAreLeftToOtherHandlers() {
        // given
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions"));
        var failure = new IllegalStateException("not ours");

        // when / then
        assertThatThrownBy(() -> handler.handle(exchange, failure).block()).isSameAs(failure);
    }
}
