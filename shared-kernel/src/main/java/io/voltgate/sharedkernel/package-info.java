/** Value types every bounded context shares. Placeholder until the types land. */
package io.voltgate.sharedkernel;
