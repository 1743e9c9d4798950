package dev.budgetguard.ingest.admin;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** JDBC blocks; admin work runs off the event loops that the proxy shares. */
final class Blocking {

    private Blocking() {}

    static <T> Mono<T> call(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
