/** Spot-search's entities: its own spots and read-only views of published tables. */
package io.voltgate.spotsearch.readmodel;
