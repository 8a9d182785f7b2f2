/**
 * Deliberately wrong offload targets: each is the reference NIC with exactly one rule of the
 * catalogue broken, selected as {@code --target faulty:RULE-ID} (or {@code faulty:RULE-ID:variant}
 * for a fault that shows only in some states). They prove the monitors, as the Reactive Streams
 * TCK is proven against wrong publishers: a monitor that does not fail its faulty target is a bug.
 *
 * <p>A faulty target never changes the reference NIC. A {@link dev.chimney.faulty.Fault} is the
 * provider; for each scenario it creates an {@link dev.chimney.faulty.Interposer}, which stands at
 * the SPI boundary between the harness and a reference NIC it creates: it is the NIC's host, the
 * NIC's link, and the harness's target, and passes every call, completion and packet through
 * unless its fault says otherwise. {@link dev.chimney.faulty.KnownConnection} is what it learns of
 * each connection on the way, so that a fault can act on one state only ("after the peer's FIN",
 * "with three sends outstanding"). The faults themselves live in one package per rule family.
 */
package dev.chimney.faulty;
