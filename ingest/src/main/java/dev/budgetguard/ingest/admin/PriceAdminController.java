package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.admin.PriceRequests.SetPrice;
import dev.budgetguard.ingest.admin.PriceViews.PriceList;
import dev.budgetguard.ingest.admin.PriceViews.PriceView;
import dev.budgetguard.ingest.audit.Actor;
import dev.budgetguard.ingest.prices.PriceAdministration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The versioned price book: versions in force, the whole history, and new versions from a day on. */
@RestController
@RequestMapping(path = "/admin/prices", produces = MediaType.APPLICATION_JSON_VALUE)
class PriceAdminController {

    private final PriceAdministration prices;

    PriceAdminController(PriceAdministration prices) {
        this.prices = prices;
    }

    /** {@code ?at=INSTANT} for the versions in force then (default now), {@code ?history=true} for every version. */
    @GetMapping
    Mono<PriceList> prices(@RequestParam(required = false) String at, @RequestParam(required = false) String history) {
        boolean all = PriceRequests.flag("history", history);
        if (all && at != null) {
            throw AdminApiException.invalidRequest(
                    "at", "invalid_value", "Use either 'at' or 'history=true', not both.");
        }
        Instant when = at == null ? null : PriceRequests.instant("at", at);
        return Blocking.call(() -> {
            if (all) {
                return PriceList.of(null, prices.history());
            }
            Instant inForceAt = when == null ? prices.now() : when;
            return PriceList.of(inForceAt, prices.inForceAt(inForceAt));
        });
    }

    @PutMapping("/{model}")
    Mono<PriceView> setPrice(
            @RequestHeader(name = AdminRequests.ACTOR_HEADER, required = false) String operator,
            @PathVariable String model,
            @RequestBody SetPrice body) {
        Actor actor = AdminRequests.actor(operator);
        String id = PriceRequests.modelFromPath(model);
        var change = body.change(id);
        return Blocking.call(() -> PriceView.of(prices.change(actor, change)));
    }
}
