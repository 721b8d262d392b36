/**
 * JPA (EclipseLink) and JDBC adapters behind the feature packages' repository interfaces. In
 * the OCPP message path only primary-key reads and upserts run here (slow SQL in that path once
 * broke charger communication in the field).
 */
package io.voltgate.chargermgmt.persistence;
