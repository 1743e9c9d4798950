package dev.budgetguard.ingest.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** One webhook attempt: the event as JSON, accepted on any 2xx answer. */
final class WebhookSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    WebhookSender(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** True when the receiver accepted the event; a failure to connect or a non-2xx answer is false. */
    boolean send(AlertEvent event) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(event)))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        }
    }

    static String body(AlertEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "budget.threshold_crossed");
        json.put("budget_id", event.budgetId());
        json.put("tenant_id", event.tenantId());
        json.put("threshold_percent", event.threshold());
        json.put("spent_usd", event.spentUsd());
        json.put("limit_usd", event.limitUsd());
        json.put("window_start", event.window().start().toString());
        json.put("window_end", event.window().end().toString());
        json.put("crossed_at", event.crossedAt().toString());
        return JSON.writeValueAsString(json);
    }
}
