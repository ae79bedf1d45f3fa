package org.laurel.movement;

/** A movement moved on in its lifecycle (launched, started, reviewed, closed). */
public record MovementStatusChanged(
    long movementId, String code, MovementStatus from, MovementStatus to) {}
