package dev.budgetguard.ingest.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: what the API is, its two credentials, the admin key on every admin path, the proxy routes. */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    static final String ADMIN_KEY = "adminKey";
    static final String TENANT_ID = "tenantId";
    static final String TENANT_KEY = "tenantKey";

    @Bean
    OpenAPI budgetGuardOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("BudgetGuard collector")
                        .version("v1")
                        .description("OpenAI-compatible metering proxy with hard caps (proxy routes, tenant key),"
                                + " and the admin API compatible with the original BudgetGuard (admin key)."))
                .components(new Components()
                        .addSecuritySchemes(ADMIN_KEY, header("X-Admin-Key", "The admin key (ADMIN_API_KEY)."))
                        .addSecuritySchemes(TENANT_ID, header("X-Tenant-Id", "The calling tenant's id."))
                        .addSecuritySchemes(TENANT_KEY, header("X-API-Key", "A key issued to that tenant.")));
    }

    @Bean
    OpenApiCustomizer adminKeyOnAdminPaths() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/admin/")) {
                item.readOperations()
                        .forEach(operation -> operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_KEY)));
            }
        });
    }

    @Bean
    OpenApiCustomizer proxyRoutes() {
        return new ProxyRoutesDocumentation();
    }

    private static SecurityScheme header(String name, String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(name)
                .description(description);
    }
}
