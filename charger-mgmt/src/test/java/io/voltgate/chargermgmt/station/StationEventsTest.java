package io.voltgate.chargermgmt.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write path's partitioning: per-station order, and a slow commit holding up only its share. */
class StationEventsTest {

  /** Records what each writer thread wrote, per station, in order; may hold batches of one station. */
  static final class RecordingStore implements StationEventStore {
    final Map<String, List<Long>> written = new ConcurrentHashMap<>();
    final Map<String, Set<String>> writers = new ConcurrentHashMap<>();
    volatile String holdStation;
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public List<Boolean> write(List<StationEvent> events) throws Exception {
      for (StationEvent e : events) {
        if (e.stationId().equals(holdStation)) {
          release.await(10, TimeUnit.SECONDS);
        }
      }
      List<Boolean> applied = new ArrayList<>();
      for (StationEvent e : events) {
        written.computeIfAbsent(e.stationId(), k -> new ArrayList<>()).add(((StationEvent.Seen) e).at().toEpochMilli());
        writers.computeIfAbsent(e.stationId(), k -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread().getName());
        applied.add(true);
      }
      return applied;
    }

    @Override
    public Map<String, HandshakeInfo> handshakeInfo(List<String> stationIds) {
      return Map.of();
    }

    @Override
    public void allHandshakeInfo(BiConsumer<String, HandshakeInfo> each) {
    }
  }

  private final RecordingStore store = new RecordingStore();
  private final StationEvents events = new StationEvents();

  StationEventsTest() {
    events.store = store;
    events.maxBatch = 16;
    events.writeWorkers = 2;
    events.knownStationsReloadSeconds = 0;
    events.threads = new ManagedThreadFactory() {
      @Override
      public Thread newThread(Runnable r) {
        return new Thread(r);
      }

      @Override
      public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        throw new UnsupportedOperationException();
      }
    };
    events.start();
  }

  @AfterEach
  void stop() {
    store.release.countDown();
    events.stop();
  }

  @Test
  void writesEachStationsEventsInOrderOnOneWriter() throws Exception {
    int stations = 40;
    int each = 200;
    List<Thread> submitters = new ArrayList<>();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      Thread submitter = new Thread(() -> {
        for (int i = 0; i < each; i++) {
          for (int s = first; s < stations; s += 4) {
            CompletableFuture<Void> f = events.record(new StationEvent.Seen("S" + s, Instant.ofEpochMilli(i)));
            synchronized (all) {
              all.add(f);
            }
          }
        }
      });
      submitters.add(submitter);
      submitter.start();
    }
    for (Thread t : submitters) {
      t.join();
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    Set<String> threadsUsed = new HashSet<>();
    for (int s = 0; s < stations; s++) {
      List<Long> got = store.written.get("S" + s);
      assertEquals(each, got.size(), "S" + s);
      for (int i = 0; i < each; i++) {
        assertEquals(i, got.get(i), "S" + s + " written out of order");
      }
      assertEquals(1, store.writers.get("S" + s).size(), "one writer per station: " + store.writers.get("S" + s));
      threadsUsed.addAll(store.writers.get("S" + s));
    }
    assertEquals(2, threadsUsed.size(), "both writers took a share: " + threadsUsed);
  }

  @Test
  void aStalledCommitHoldsUpOnlyTheStationsOfItsWriter() throws Exception {
    String slow = "SLOW";
    String other = null;
    for (int i = 0; other == null; i++) {
      String candidate = "FAST" + i;
      if (Math.floorMod(candidate.hashCode(), 2) != Math.floorMod(slow.hashCode(), 2)) {
        other = candidate;
      }
    }
    store.holdStation = slow;
    CompletableFuture<Void> stalled = events.record(new StationEvent.Seen(slow, Instant.EPOCH));
    Thread.sleep(100); // the slow writer is inside its commit now
    CompletableFuture<Void> fast = events.record(new StationEvent.Seen(other, Instant.EPOCH));

    fast.get(5, TimeUnit.SECONDS);
    assertFalse(stalled.isDone(), "still held");
    store.release.countDown();
    stalled.get(5, TimeUnit.SECONDS);
    assertTrue(stalled.isDone());
  }
}
