package com.admissiongate.catalog;

/** A necessary-PI code of regulations §4 (Ph, Pay, IDn, IDv, Card) mapped to a PI-type id. */
public record PiCode(String piType, String text) {
}
