/** The spot rules: registration of spots now; the search itself comes with issue 4. */
package io.voltgate.spotsearch.search;
