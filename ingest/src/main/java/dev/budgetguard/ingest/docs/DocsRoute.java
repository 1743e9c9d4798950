package dev.budgetguard.ingest.docs;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** {@code /docs}, the address the original BudgetGuard used, leads to the Swagger UI page. */
@Configuration(proxyBeanMethods = false)
class DocsRoute {

    @Bean
    RouterFunction<ServerResponse> docsRedirect(@Value("${springdoc.swagger-ui.path:/docs/ui}") String uiPath) {
        URI ui = URI.create(uiPath);
        return RouterFunctions.route()
                .GET("/docs", request -> ServerResponse.temporaryRedirect(ui).build())
                .GET("/docs/", request -> ServerResponse.temporaryRedirect(ui).build())
                .build();
    }
}
