package dev.budgetguard.ingest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/** OpenAI's error body, which clients of an OpenAI-compatible gateway already know how to read. */
record ApiError(Detail error) {

    static ApiError of(AdminApiException e) {
        return new ApiError(new Detail(e.getMessage(), e.type(), e.param(), e.code()));
    }

    // OpenAI always sends param, null included; some client libraries expect the key.
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Detail(String message, String type, String param, String code) {}
}
