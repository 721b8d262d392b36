package io.voltgate.chargermgmt.groupcommit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {

  /** A sink that records every batch it was given ("committed" batches only). */
  private static final class RecordingSink implements Batcher.Sink<Integer, String> {
    final List<List<Integer>> committed = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile int poison = Integer.MIN_VALUE;

    @Override
    public List<String> apply(List<Integer> batch) throws Exception {
      gate.await();
      if (batch.contains(poison)) {
        throw new IllegalArgumentException("poison " + poison);
      }
      committed.add(List.copyOf(batch));
      return batch.stream().map(i -> "r" + i).toList();
    }
  }

  private static Batcher<Integer, String> batcher(RecordingSink sink, int maxBatch, int capacity) {
    return new Batcher<>("test", maxBatch, capacity, sink, Executors.defaultThreadFactory());
  }

  @Test
  void aLoneItemIsWrittenAtOnceAsABatchOfOne() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Batcher<Integer, String> b = batcher(sink, 100, 1000)) {
      assertEquals("r7", b.submit(7).get(2, TimeUnit.SECONDS));
      assertEquals(List.of(List.of(7)), sink.committed);
    }
  }

  @Test
  void itemsThatQueueUpWhileABatchIsWrittenShareTheNextBatchInOrder() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    try (Batcher<Integer, String> b = batcher(sink, 100, 1000)) {
      CompletableFuture<String> first = b.submit(0); // the worker takes it and blocks in the sink
      Thread.sleep(100);
      List<CompletableFuture<String>> rest = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        rest.add(b.submit(i));
      }
      assertTrue(rest.stream().noneMatch(CompletableFuture::isDone), "nothing is acknowledged before its commit");
      sink.gate.countDown();
      assertEquals("r0", first.get(2, TimeUnit.SECONDS));
      for (int i = 1; i <= 50; i++) {
        assertEquals("r" + i, rest.get(i - 1).get(2, TimeUnit.SECONDS));
      }
      assertEquals(2, sink.committed.size(), "one batch for the first item, one for the 50 behind it");
      List<Integer> expected = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        expected.add(i);
      }
      assertEquals(expected, sink.committed.get(1), "arrival order is kept");
    }
  }

  @Test
  void batchesAreCutAtMaxBatch() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    try (Batcher<Integer, String> b = batcher(sink, 8, 1000)) {
      b.submit(-1);
      Thread.sleep(100);
      List<CompletableFuture<String>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(b.submit(i));
      }
      sink.gate.countDown();
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.SECONDS);
      assertEquals(List.of(1, 8, 8, 4), sink.committed.stream().map(List::size).toList());
    }
  }

  @Test
  void aFailingItemFailsAloneAndItsBatchMatesAreStillWritten() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    sink.poison = 3;
    try (Batcher<Integer, String> b = batcher(sink, 100, 1000)) {
      b.submit(-1);
      Thread.sleep(100);
      List<CompletableFuture<String>> all = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        all.add(b.submit(i));
      }
      sink.gate.countDown();
      for (int i = 0; i < 6; i++) {
        if (i == 3) {
          ExecutionException e = assertThrows(ExecutionException.class, () -> all.get(3).get(2, TimeUnit.SECONDS));
          assertInstanceOf(IllegalArgumentException.class, e.getCause());
        } else {
          assertEquals("r" + i, all.get(i).get(2, TimeUnit.SECONDS));
        }
      }
      assertTrue(sink.committed.stream().noneMatch(batch -> batch.contains(3)), "the poison was never committed");
    }
  }

  @Test
  void theObserverHearsOfEveryBatchWithItsSizeAndWhetherItFailed() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.poison = 2;
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (Batcher<Integer, String> b = batcher(sink, 100, 1000)) {
      b.observe((items, nanos, failed) -> seen.add(items + (failed ? " failed" : " ok") + (nanos >= 0 ? "" : " ?")));
      b.submit(1).get(2, TimeUnit.SECONDS);
      assertThrows(ExecutionException.class, () -> b.submit(2).get(2, TimeUnit.SECONDS));
      assertEquals(List.of("1 ok", "1 failed"), seen);
    }
  }

  @Test
  void theObserverHearsHowLongEachItemWaitedForItsBatch() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    try (Batcher<Integer, String> b = batcher(sink, 100, 1000)) {
      b.observe(new Batcher.Observer() {
        @Override
        public void written(int items, long nanos, boolean failed) {}

        @Override
        public void queued(long nanos) {
          waits.add(nanos);
        }
      });
      CompletableFuture<String> first = b.submit(0); // taken at once, then held in the sink
      Thread.sleep(50);
      CompletableFuture<String> second = b.submit(1); // waits behind the held batch
      CompletableFuture<String> third = b.submit(2);
      Thread.sleep(200);
      sink.gate.countDown();
      CompletableFuture.allOf(first, second, third).get(2, TimeUnit.SECONDS);
      assertEquals(3, waits.size(), "one wait per item");
      assertTrue(waits.get(0) < TimeUnit.MILLISECONDS.toNanos(50), "the first item did not wait: " + waits);
      assertTrue(waits.get(1) >= TimeUnit.MILLISECONDS.toNanos(190), "held behind the first batch: " + waits);
      assertTrue(waits.get(2) >= TimeUnit.MILLISECONDS.toNanos(190), "held behind the first batch: " + waits);
    }
  }

  @Test
  void aFullQueueRefusesAtOnceInsteadOfGrowing() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    try (Batcher<Integer, String> b = batcher(sink, 100, 2)) {
      b.submit(-1);
      Thread.sleep(100);
      b.submit(1);
      b.submit(2);
      CompletableFuture<String> refused = b.submit(3);
      assertTrue(refused.isCompletedExceptionally());
      sink.gate.countDown();
    }
  }

  @Test
  void closeWritesWhatIsQueuedAndRefusesNewItems() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.gate = new CountDownLatch(1);
    Batcher<Integer, String> b = batcher(sink, 100, 1000);
    b.submit(-1);
    Thread.sleep(100);
    CompletableFuture<String> queued = b.submit(5);
    new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sink.gate.countDown();
    }).start();
    b.close(5_000);
    assertEquals("r5", queued.getNow("not done"));
    assertTrue(b.submit(6).isCompletedExceptionally());
  }

  @Test
  void whenTheContainerInterruptsTheWorkerItWritesWhatIsQueuedFirst() throws Exception {
    CountDownLatch inSink = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<Integer>> committed = Collections.synchronizedList(new ArrayList<>());
    List<Thread> created = new ArrayList<>();
    // a sink that, like a JDBC driver mid-write, does not react to the interrupt
    Batcher.Sink<Integer, String> sink = batch -> {
      if (batch.contains(1)) {
        inSink.countDown();
        while (release.getCount() > 0) {
          try {
            release.await();
          } catch (InterruptedException ignored) {
            // keep the flag cleared here, as a blocking socket read would not see it
          }
        }
        Thread.currentThread().interrupt(); // the flag the container set is still there
      }
      committed.add(List.copyOf(batch));
      return batch.stream().map(i -> "r" + i).toList();
    };
    Batcher<Integer, String> b = new Batcher<>("test", 100, 1000, sink, r -> {
      Thread t = new Thread(r);
      created.add(t);
      return t;
    });
    CompletableFuture<String> first = b.submit(1);
    inSink.await(2, TimeUnit.SECONDS);
    CompletableFuture<String> behind = b.submit(2);
    created.get(0).interrupt();
    release.countDown();
    assertEquals("r1", first.get(2, TimeUnit.SECONDS));
    assertEquals("r2", behind.get(2, TimeUnit.SECONDS), "queued before the stop, still written");
    created.get(0).join(2_000);
    assertTrue(b.submit(3).isCompletedExceptionally(), "stopped after the interrupt");
    assertEquals(List.of(List.of(1), List.of(2)), committed);
  }

  @Test
  void manyThreadsSubmittingConcurrentlyLoseNothing() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Batcher<Integer, String> b = batcher(sink, 64, 100_000)) {
      int threads = 8;
      int each = 2_000;
      List<CompletableFuture<String>> all = Collections.synchronizedList(new ArrayList<>());
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * each;
        Thread th = new Thread(() -> {
          for (int i = 0; i < each; i++) {
            all.add(b.submit(base + i));
          }
        });
        ts.add(th);
        th.start();
      }
      for (Thread th : ts) {
        th.join();
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      long written = sink.committed.stream().mapToLong(List::size).sum();
      assertEquals(threads * each, written);
      assertTrue(sink.committed.size() < threads * each, "items were grouped: " + sink.committed.size() + " batches");
    }
  }
}
