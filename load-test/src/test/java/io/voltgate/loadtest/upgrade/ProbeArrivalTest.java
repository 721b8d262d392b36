package io.voltgate.loadtest.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProbeArrivalTest {

  @Test
  void takesTheTimeWhenTheLastByteArrivesAndAsksForTheWholeBody() throws Exception {
    Probe.Arrival arrival = new Probe.Arrival();
    AtomicLong requested = new AtomicLong();
    arrival.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        requested.addAndGet(n);
      }

      @Override
      public void cancel() {}
    });
    assertTrue(requested.get() > 0, "the body is read, not left on the connection");
    arrival.onNext(List.of(ByteBuffer.wrap(new byte[647])));
    assertFalse(arrival.getBody().toCompletableFuture().isDone(), "not before the end of the body");

    long before = System.nanoTime();
    arrival.onComplete();
    long at = arrival.getBody().toCompletableFuture().get();
    assertTrue(at >= before && at <= System.nanoTime());
  }

  @Test
  void failsWithTheBodysError() {
    Probe.Arrival arrival = new Probe.Arrival();
    arrival.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {}
    });
    IOException reset = new IOException("connection reset");
    arrival.onError(reset);
    ExecutionException e = assertThrows(ExecutionException.class, () -> arrival.getBody().toCompletableFuture().get());
    assertEquals(reset, e.getCause());
  }
}
