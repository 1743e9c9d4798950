package dev.budgetguard.ingest.health;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code GET /health} answers {@code {"status":"ok"}} while the process serves HTTP at all. */
@Configuration(proxyBeanMethods = false)
class HealthRoute {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @Bean
    RouterFunction<ServerResponse> originalHealthRoute() {
        return RouterFunctions.route(
                RequestPredicates.GET("/health"),
                request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(OK));
    }
}
