/** REST plumbing shared by every resource: problem+json rendering of errors. */
package io.voltgate.liberty.rest;
