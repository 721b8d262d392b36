package io.voltgate.chargermgmt.groupcommit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: callers submit items from any thread; one worker takes everything that queued
 * up while the previous batch was being written and hands it to the sink in one go (one
 * database transaction). Nobody waits for a timer: with one caller a batch is one item and
 * costs one round trip, as before; under a storm the batches grow by themselves and the fixed
 * cost of a transaction (begin, commit, flush to disk, pool checkout) is paid once per batch
 * instead of once per message.
 *
 * <p>An item's future completes only after its batch was written — after the commit — so an
 * answer sent on completion never acknowledges something that could still be lost. When a batch
 * fails, every item is retried alone, so one bad item fails only itself and its siblings are
 * still written (each retry is its own transaction: the failed one changed nothing).
 *
 * @param <T> what is submitted
 * @param <R> what each item yields (results in item order; {@code Void} for writes)
 */
public final class Batcher<T, R> implements AutoCloseable {

  /** Writes or reads a batch; returns one result per item, in order (null for no results). */
  @FunctionalInterface
  public interface Sink<T, R> {
    List<R> apply(List<T> batch) throws Exception;
  }

  /**
   * Told, for each batch, how long it took to write (slow SQL in the charger path shows here
   * first), and for each item how long it waited in the queue before its batch started. A caller
   * waits for both: queue waits well above the write times mean the worker cannot keep up (or is
   * starved of CPU), not that the database is slow.
   */
  public interface Observer {
    void written(int items, long nanos, boolean failed);

    default void queued(long nanos) {}
  }

  private static final Logger LOG = Logger.getLogger(Batcher.class.getName());

  private record Pending<T, R>(T item, CompletableFuture<R> done, long submittedNanos) {}

  private final String name;
  private final int maxBatch;
  private final Sink<T, R> sink;
  private volatile Observer observer = (items, nanos, failed) -> { };
  private final LinkedBlockingQueue<Pending<T, R>> queue;
  private final Thread worker;
  private volatile boolean closing;

  /**
   * @param maxBatch most items in one batch
   * @param capacity most items waiting; beyond it {@link #submit} fails at once (back-pressure
   *     instead of an unbounded queue)
   */
  public Batcher(String name, int maxBatch, int capacity, Sink<T, R> sink, ThreadFactory threads) {
    if (maxBatch < 1 || capacity < 1) {
      throw new IllegalArgumentException("maxBatch and capacity must be positive");
    }
    this.name = name;
    this.maxBatch = maxBatch;
    this.sink = sink;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.worker = threads.newThread(this::run);
    this.worker.setName("voltgate-" + name);
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Sets who is told about every batch written. */
  public void observe(Observer observer) {
    this.observer = observer;
  }

  /** Queues {@code item}; the future completes when its batch has been written. */
  public CompletableFuture<R> submit(T item) {
    CompletableFuture<R> done = new CompletableFuture<>();
    if (closing) {
      done.completeExceptionally(new IllegalStateException(name + " is shut down"));
    } else if (!queue.offer(new Pending<>(item, done, System.nanoTime()))) {
      done.completeExceptionally(new IllegalStateException(name + " queue is full"));
    }
    return done;
  }

  /** Items waiting for the next batch. */
  public int waiting() {
    return queue.size();
  }

  private void run() {
    List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        // The container interrupts its threads when the application stops, before beans are
        // destroyed: write what is queued now (with the flag cleared — an interrupted JDBC call
        // may abort), then stop; close() fails whatever comes later.
        closing = true;
        Thread.interrupted();
        writeRemaining(batch);
        return;
      } catch (RuntimeException | Error e) {
        // write() completes every future; this is a bug in a callback, never lose the worker
        LOG.log(Level.SEVERE, name + " worker failed", e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  private void writeRemaining(List<Pending<T, R>> batch) {
    batch.clear();
    while (queue.drainTo(batch, maxBatch) > 0) {
      write(batch);
      batch.clear();
    }
  }

  private void write(List<Pending<T, R>> batch) {
    List<T> batchItems = new ArrayList<>(batch.size());
    batch.forEach(p -> batchItems.add(p.item()));
    long started = System.nanoTime();
    Observer told = observer;
    for (Pending<T, R> p : batch) {
      told.queued(started - p.submittedNanos());
    }
    try {
      List<R> results = sink.apply(batchItems);
      told.written(batch.size(), System.nanoTime() - started, false);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).done().complete(results == null ? null : results.get(i));
      }
    } catch (Exception e) {
      told.written(batch.size(), System.nanoTime() - started, true);
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(e);
        return;
      }
      LOG.log(Level.FINE, name + ": batch of " + batch.size() + " failed; writing its items one by one", e);
      for (Pending<T, R> p : batch) {
        try {
          List<R> one = sink.apply(List.of(p.item()));
          p.done().complete(one == null ? null : one.get(0));
        } catch (Exception single) {
          p.done().completeExceptionally(single);
        }
      }
    }
  }

  /**
   * Stops taking items and writes what is queued, waiting up to {@code timeoutMillis}; items
   * still queued after that fail.
   */
  public void close(long timeoutMillis) {
    closing = true;
    try {
      worker.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive()) {
      worker.interrupt();
    }
    Pending<T, R> p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(new IllegalStateException(name + " shut down before this was written"));
    }
  }

  @Override
  public void close() {
    close(10_000);
  }
}
