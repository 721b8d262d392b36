/**
 * Charging transactions and their meter values. Replays are harmless: chargers re-send queued
 * StartTransaction, StopTransaction and MeterValues after a reconnect (OCPP 1.6 §3.7).
 */
package io.voltgate.chargermgmt.transaction;
