package dev.rulesync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one blocking call per item on virtual threads, at most {@code concurrency} at a time, and returns the results
 * in item order. The calls catch their own failures: one failing item never stops the others.
 */
final class BoundedRunner {

    private final int concurrency;

    BoundedRunner(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        this.concurrency = concurrency;
    }

    <T, R> List<R> run(List<T> items, Function<T, R> call) {
        if (items.isEmpty()) return List.of();
        Semaphore permits = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return call.apply(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while applying", e);
            } catch (ExecutionException e) {
                // call() is written to return failures as values; reaching here is a bug in it, not a ruler error.
                throw new IllegalStateException("unexpected failure in a bounded call", e.getCause());
            }
        }
        return results;
    }
}
