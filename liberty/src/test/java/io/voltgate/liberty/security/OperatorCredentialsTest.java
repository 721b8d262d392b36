package io.voltgate.liberty.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class OperatorCredentialsTest {

  /** A stand-in for PBKDF2: "hash-of:<password>", slow, and counted. */
  private static final class SlowCheck implements BiPredicate<String, String> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public boolean test(String stored, String password) {
      calls.incrementAndGet();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return stored.equals("hash-of:" + password);
    }
  }

  @Test
  void concurrentFirstRequestsOfAnAccountShareOneSlowCheck() throws Exception {
    SlowCheck check = new SlowCheck();
    OperatorCredentials credentials = new OperatorCredentials(Map.of("alice", "hash-of:secret"), check);
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return credentials.authenticate("alice", "secret");
      }));
    }
    start.countDown();
    for (Future<Boolean> r : results) {
      assertTrue(r.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertEquals(1, check.calls.get(), "one PBKDF2 check for " + n + " simultaneous first requests");
    assertTrue(credentials.authenticate("alice", "secret"));
    assertEquals(1, check.calls.get(), "later requests compare against the remembered digest");
  }

  @Test
  void aWrongPasswordIsCheckedAndRefusedAndNeverRemembered() {
    SlowCheck check = new SlowCheck();
    OperatorCredentials credentials = new OperatorCredentials(Map.of("alice", "hash-of:secret"), check);
    assertTrue(credentials.authenticate("alice", "secret"));
    assertFalse(credentials.authenticate("alice", "guess"));
    assertFalse(credentials.authenticate("alice", "guess"));
    assertEquals(3, check.calls.get(), "every wrong password pays the slow check");
    assertTrue(credentials.authenticate("alice", "secret"), "the right one is still remembered");
    assertEquals(3, check.calls.get());
  }

  @Test
  void anUnknownAccountIsRefusedWithoutACheck() {
    SlowCheck check = new SlowCheck();
    OperatorCredentials credentials = new OperatorCredentials(Map.of("alice", "hash-of:secret"), check);
    assertFalse(credentials.authenticate("mallory", "secret"));
    assertEquals(0, check.calls.get());
  }
}
