package io.voltgate.chargermgmt.rest;

import java.util.List;

/** A page of a list: {@code next} is the cursor to pass as {@code after}, null on the last page. */
public record PageJson<T>(List<T> items, String next) {}
