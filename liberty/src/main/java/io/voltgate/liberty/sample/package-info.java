/** Sample spots and stations for a first look on a fresh machine ({@code voltgate.sample-data}). */
package io.voltgate.liberty.sample;
