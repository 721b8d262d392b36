package io.voltgate.liberty.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the error format of CONTRACT.md §2: {@code application/problem+json} with status, title, detail. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static void assertProblem(int expectedStatus, AdminApi.Response response) {
        assertEquals(expectedStatus, response.status(), () -> "status of " + response);
        assertTrue(response.contentType().startsWith("application/problem+json"),
                () -> "Content-Type of " + response);
        assertNotNull(response.json(), () -> "problem body is JSON: " + response);
        assertEquals(expectedStatus, response.json().path("status").asInt(-1), () -> "problem status in " + response);
        assertTrue(response.json().hasNonNull("title"), () -> "problem title in " + response);
        assertTrue(response.json().hasNonNull("detail"), () -> "problem detail in " + response);
    }
}
