package dev.budgetguard.ingest.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The proxy routes, which are registered on Reactor Netty directly and so are invisible to springdoc. Each is a
 * provider's own wire format passed through; the document names the route, its credentials and BudgetGuard's own
 * refusals, and points to the provider's reference for the body. Add a route here when the proxy gains one.
 */
final class ProxyRoutesDocumentation implements OpenApiCustomizer {

    /** A proxied route: its path, a summary, and where its body is specified. */
    record ProxyRoute(String path, String summary, String bodyReference) {}

    static final List<ProxyRoute> ROUTES = List.of(
            new ProxyRoute(
                    "/v1/chat/completions",
                    "OpenAI chat completions, streamed (SSE) or not, metered and capped",
                    "https://platform.openai.com/docs/api-reference/chat/create"),
            new ProxyRoute(
                    "/v1/responses",
                    "OpenAI Responses, streamed (usage on response.completed) or not, metered and capped",
                    "https://platform.openai.com/docs/api-reference/responses/create"),
            new ProxyRoute(
                    "/v1/completions",
                    "OpenAI legacy completions, streamed (SSE) or not, metered and capped",
                    "https://platform.openai.com/docs/api-reference/completions/create"),
            new ProxyRoute(
                    "/v1/embeddings",
                    "OpenAI embeddings, metered and capped",
                    "https://platform.openai.com/docs/api-reference/embeddings/create"),
            new ProxyRoute(
                    "/v1/messages",
                    "Anthropic Messages, streamed (SSE) or not, metered and capped; anthropic-version passed through",
                    "https://docs.anthropic.com/en/api/messages"),
            new ProxyRoute(
                    "/v1beta/models/{model}:generateContent",
                    "Gemini generateContent, metered and capped",
                    "https://ai.google.dev/api/generate-content"),
            new ProxyRoute(
                    "/v1beta/models/{model}:streamGenerateContent",
                    "Gemini streamGenerateContent with alt=sse, metered and capped",
                    "https://ai.google.dev/api/generate-content"));

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "Invalid request (OpenAI error JSON naming the problem); nothing forwarded.",
            "401", "Missing or wrong X-Tenant-Id / X-API-Key (also a revoked, expired or deleted tenant's key).",
            "402", "budget_exceeded: the request's worst-case cost does not fit an active budget.",
            "413", "Request body larger than budgetguard.proxy.max-body-size.",
            "429", "rate_limit_exceeded, with Retry-After in whole seconds.",
            "502", "The upstream failed or answered implausibly.",
            "504", "The upstream did not answer in time.");

    // OpenAI's error body, which BudgetGuard's own refusals use too.
    private static final Schema<?> ERROR = new ObjectSchema()
            .addProperty(
                    "error",
                    new ObjectSchema()
                            .addProperty("message", new StringSchema())
                            .addProperty("type", new StringSchema())
                            .addProperty("param", new StringSchema().nullable(true))
                            .addProperty("code", new StringSchema()));

    @Override
    public void customise(OpenAPI openApi) {
        for (ProxyRoute route : ROUTES) {
            openApi.path(route.path(), new PathItem().post(operation(route)));
        }
    }

    private static Operation operation(ProxyRoute route) {
        ApiResponses responses = new ApiResponses()
                .addApiResponse(
                        "200", json("The provider's answer, with its usage, passed through.", new ObjectSchema()));
        REFUSALS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(refusal -> responses.addApiResponse(refusal.getKey(), json(refusal.getValue(), ERROR)));
        Operation operation = new Operation();
        if (route.path().contains("{model}")) {
            operation.addParametersItem(new PathParameter()
                    .name("model")
                    .description("The Gemini model, for example gemini-2.5-flash")
                    .schema(new StringSchema()));
        }
        return operation
                .addTagsItem("proxy")
                .summary(route.summary())
                .description("The body is the provider's own format: " + route.bodyReference())
                .addSecurityItem(new SecurityRequirement()
                        .addList(DocsConfiguration.TENANT_ID)
                        .addList(DocsConfiguration.TENANT_KEY))
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType("application/json", new MediaType().schema(new ObjectSchema()))))
                .responses(responses);
    }

    private static ApiResponse json(String description, Schema<?> schema) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }
}
